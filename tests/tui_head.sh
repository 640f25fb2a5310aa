#!/bin/sh
# tui_head.sh: end-to-end tests through tmux of the full-screen program's
# first frame on a journal big enough that it is painted from the head of the
# ranked list before the rest is read: the rows are `kith list`'s first ones,
# the count is everyone, keys typed at once are handled on the whole roster,
# the screen after the rest is read and after moving away and back is the
# first one, and a write from another shell shows. Screens are polled.
# usage: sh tests/tui_head.sh path/to/kith
set -u

KITH_USAGE="usage: sh tests/tui_head.sh KITH"
. "$(dirname "$0")/tmux_lib.sh"

# Starts `kith` in session $1 at 100x30, keys $2 sent at once (before the
# first frame is seen). The pane stays after kith exits.
start() {
	t new-session -d -s "$1" -x 100 -y 30 \
		"env HOME=$TMP XDG_STATE_HOME=$TMP/state XDG_CONFIG_HOME=$TMP/config KITH_DB=$DB \
		 KITH_NOW=$NOW TZ=UTC $KITH; echo EXIT=\$?; sleep 600"
	[ -z "${2:-}" ] || t send-keys -t "$1" "$2"
	wait_for "$1" "sort:attention" || not_ok "session $1 starts" "$1"
}

# The contacts pane of session $1: the screen but its status line, left of
# the border (the other panes come once the selection has settled).
rows() {
	t capture-pane -p -t "$1" | sed -e '$d' -e 's/│.*//'
}

# The names of the first 8 rows of session $1, as far as the pane shows them
# (cut where a mark or two blanks end them), one a line.
shown_names() {
	t capture-pane -p -t "$1" | sed -n '3,10p' | sed -E 's/^ *>? *//; s/(…|  ).*//'
}

# 3000 contacts: more than 8 x 30 + 1024, so the first frame is a head of 30
"$KITH" --db "$DB" demo --contacts 3000 --interactions 3000 --seed 1 >/dev/null ||
	{ echo "tui_head: cannot make the journal"; exit 1; }
N=3000

# 1. the first frame: kith list's first names, in its order, and everyone counted
start h1
check "the count is every contact" h1 "Contacts $N"
check "the first row is selected" h1 "1/$N"
first=$(rows h1)
"$KITH" --db "$DB" list --sort attention --limit 8 --json |
	sed -n 's/^    "name": "\(.*\)",$/\1/p' >"$TMP/listed"
shown_names h1 >"$TMP/shown"
same=0
while IFS= read -r listed <&3 && IFS= read -r shown <&4; do
	case $listed in "$shown"*) [ -n "$shown" ] && same=$((same + 1)) ;; esac
done 3<"$TMP/listed" 4<"$TMP/shown"
if [ "$same" -eq 8 ]; then ok "the first rows are kith list's first, in its order"; else
	not_ok "the first rows are kith list's first, in its order ($same of 8)" h1
	sed 's/^/# listed: /' "$TMP/listed"
fi

# 2. the whole roster behind it: End goes to the last contact, Home back to
# the first screen, cell for cell
t send-keys -t h1 End
check "End reaches the last contact" h1 "$N/$N"
last=$("$KITH" --db "$DB" list --sort attention --json |
	sed -n 's/^    "name": "\(.*\)",$/\1/p' | tail -1)
selected=$(t capture-pane -p -t h1 | sed -n 's/^ *> *//p' | sed -E 's/(…|  ).*//')
case $last in
"$selected"*) [ -n "$selected" ] && ok "the last row is kith list's last" ||
	not_ok "the last row is kith list's last (none selected)" h1 ;;
*) not_ok "the last row is kith list's last ($last, not $selected)" h1 ;;
esac
t send-keys -t h1 Home
check "Home comes back" h1 "1/$N"
sleep 0.3
if [ "$(rows h1)" = "$(rows h1)" ] && [ "$(rows h1)" = "$first" ]; then
	ok "the screen after the rest is read is the first frame"
else
	not_ok "the screen after the rest is read is the first frame" h1
	printf '%s\n' "$first" | sed 's/^/# first: /'
fi

# 3. a write from another shell shows, counted with the rest
"$KITH" --db "$DB" add "Zed Newcomer" --circle inner >/dev/null
check "another shell's contact is counted" h1 "Contacts $((N + 1))"
t send-keys -t h1 q
check "q quits" h1 "EXIT=0"

# 4. keys typed before the first frame are handled after the rest is read
start h2 G
check "G typed at once goes to the end of the whole roster" h2 "$((N + 1))/$((N + 1))"
t send-keys -t h2 q
check "q quits after" h2 "EXIT=0"

echo "tui_head: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
