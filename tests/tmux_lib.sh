# tmux_lib.sh: what the tmux end-to-end tests share: a private tmux server
# (a socket of its own), a temporary folder removed at exit, and functions that
# poll the screen for text until a deadline instead of sleeping.
# Sourced by tests/tui.sh and tests/tui_main.sh after they set KITH_USAGE.
KITH=${1:?${KITH_USAGE:-usage: sh tests/tui.sh KITH}}
case $KITH in /*) ;; *) KITH=$(pwd)/$KITH ;; esac
pass=0
fail=0

# make check installs tmux (scripts/deps.sh); without it these tests cannot run
if ! command -v tmux >/dev/null 2>&1; then
	echo "tui: tmux is not installed (sh scripts/deps.sh installs it)" >&2
	exit 1
fi

SOCK=kith-test-$$
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kith-tui-XXXXXX") || exit 1
cleanup() {
	tmux -L "$SOCK" kill-server >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# tmux must think in UTF-8 to hand the screen back as UTF-8
if locale -a 2>/dev/null | grep -qix 'C.utf-\{0,1\}8'; then
	LC_ALL=C.UTF-8
	export LC_ALL
fi
TZ=UTC
export TZ
DB=$TMP/kith.db
NOW=2026-11-20T10:00
export KITH_NOW=$NOW

t() { tmux -u -L "$SOCK" "$@"; }

ok() {
	pass=$((pass + 1))
	echo "ok - $1"
}
not_ok() {
	fail=$((fail + 1))
	echo "not ok - $1"
	if [ -n "${2:-}" ]; then
		echo "# screen of $2:"
		t capture-pane -p -t "$2" 2>/dev/null | sed 's/^/#   /'
	fi
}

# The screen of session $1 contains the fixed string $2 within 10 seconds.
wait_for() {
	deadline=$(($(date +%s) + 10))
	while :; do
		if t capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; then
			return 0
		fi
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}

check() { # name session text
	if wait_for "$2" "$3"; then ok "$1"; else not_ok "$1 (no '$3')" "$2"; fi
}

# The process id of kith in session $1 (the child of the pane's shell).
kith_pid() {
	ps -o pid= --ppid "$(t list-panes -t "$1" -F '#{pane_pid}')" 2>/dev/null | head -1 |
		tr -d ' '
}
