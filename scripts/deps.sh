#!/bin/sh
# deps.sh: makes sure what the build and the tests need is present, and installs
# what is missing with the system's package manager (apt-get, dnf, pacman, brew).
# Runs at the start of `make check`, `make demo` and the other build targets, so the
# common case (everything there) is one quick test and no output.
#
# Usage: sh scripts/deps.sh [--bench] [--dev]
#   --bench   also abook, taskwarrior, hyperfine and jq (for `make bench`; khard, which
#             the tests use, is installed with the build tools)
#   --dev     also valgrind and clang with its fuzzer runtime (`make valgrind`, `make fuzz`)
# A missing --bench or --dev tool is reported and is not an error.
# KITH_DEPS_FORCE=1 skips the quick test and runs the install path for everything.
# Exit status: 0 when the build and test tools are present, 1 when they could not be
# installed (the command to run is printed), 2 on a bad option.

set -u

usage() {
	sed -n 's/^# \{0,1\}//; 7,12p' "$0"
}

bench=0
dev=0
for arg in "$@"; do
	case $arg in
	--bench) bench=1 ;;
	--dev) dev=1 ;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		printf 'deps: unknown option %s\n' "$arg" >&2
		usage >&2
		exit 2
		;;
	esac
done

have() {
	command -v "$1" >/dev/null 2>&1
}

# The fuzzer runtime: clang links a libFuzzer target.
have_fuzzer() {
	have clang || return 1
	dir=$(mktemp -d 2>/dev/null) || return 1
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
		>"$dir/f.c"
	clang -fsanitize=fuzzer "$dir/f.c" -o "$dir/f" >/dev/null 2>&1
	rc=$?
	rm -rf "$dir"
	return $rc
}

# Whether one item is present. Items are the commands and pkg-config modules the
# build needs, plus the optional tools.
present() {
	case $1 in
	ncursesw | sqlite3 | uuid | check) have pkg-config && pkg-config --exists "$1" ;;
	taskwarrior) have task ;;
	clang-rt) have_fuzzer ;;
	*) have "$1" ;;
	esac
}

BASE_ITEMS="cc make pkg-config tmux khard ncursesw sqlite3 uuid check"
# the fault tests inject failing writes with strace, which exists on Linux only
linux=0
[ "$(uname -s)" = Linux ] && linux=1
[ $linux = 1 ] && BASE_ITEMS="$BASE_ITEMS strace"
BENCH_ITEMS="abook taskwarrior hyperfine jq"
DEV_ITEMS="valgrind clang clang-rt"

force=${KITH_DEPS_FORCE:-0}
[ "$force" = 0 ] && force=

# Fast path: everything is here, say nothing.
if [ -z "$force" ]; then
	if have cc && have make && have pkg-config && have tmux && have khard &&
		{ [ $linux = 0 ] || have strace; } &&
		pkg-config --exists ncursesw sqlite3 uuid check; then
		extra_ok=1
		if [ $bench = 1 ]; then
			for i in $BENCH_ITEMS; do present "$i" || extra_ok=0; done
		fi
		if [ $dev = 1 ]; then
			for i in $DEV_ITEMS; do present "$i" || extra_ok=0; done
		fi
		[ $extra_ok = 1 ] && exit 0
	fi
fi

missing() {
	out=
	for i in "$@"; do
		if [ -n "$force" ] || ! present "$i"; then
			out="$out $i"
		fi
	done
	printf '%s' "${out# }"
}

# shellcheck disable=SC2086
base_missing=$(missing $BASE_ITEMS)
extra_items=
[ $bench = 1 ] && extra_items="$BENCH_ITEMS"
[ $dev = 1 ] && extra_items="${extra_items:+$extra_items }$DEV_ITEMS"
# shellcheck disable=SC2086
extra_missing=$(missing $extra_items)

if have apt-get; then
	pm=apt
elif have dnf; then
	pm=dnf
elif have pacman; then
	pm=pacman
elif have brew; then
	pm=brew
else
	pm=
fi

# The package that provides an item under this package manager ("" when none).
package_of() {
	case $pm:$1 in
	apt:cc | apt:make) echo build-essential ;;
	apt:ncursesw) echo libncurses-dev ;;
	apt:sqlite3) echo libsqlite3-dev ;;
	apt:uuid) echo uuid-dev ;;
	apt:clang-rt) apt_clang_rt ;;
	apt:*) echo "$1" ;;
	dnf:cc) echo gcc ;;
	dnf:pkg-config) echo pkgconf-pkg-config ;;
	dnf:ncursesw) echo ncurses-devel ;;
	dnf:sqlite3) echo sqlite-devel ;;
	dnf:uuid) echo libuuid-devel ;;
	dnf:check) echo check-devel ;;
	dnf:taskwarrior) echo task ;;
	dnf:clang-rt) echo compiler-rt ;;
	dnf:*) echo "$1" ;;
	pacman:cc | pacman:make) echo base-devel ;;
	pacman:pkg-config) echo pkgconf ;;
	pacman:sqlite3) echo sqlite ;;
	pacman:uuid) echo util-linux-libs ;;
	pacman:taskwarrior) echo task ;;
	pacman:clang-rt) echo compiler-rt ;;
	pacman:*) echo "$1" ;;
	brew:cc | brew:make) ;; # the Xcode command line tools
	brew:sqlite3) echo sqlite ;;
	brew:uuid) echo ossp-uuid ;;
	brew:taskwarrior) echo task ;;
	brew:clang | brew:clang-rt) echo llvm ;;
	brew:*) echo "$1" ;;
	esac
}

# apt: the fuzzer runtime is libclang-rt-dev where that exists, else the one of the
# installed (or default) clang version.
apt_clang_rt() {
	if apt_known libclang-rt-dev; then
		echo libclang-rt-dev
		return
	fi
	v=
	if have clang; then
		v=$(clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1)
	fi
	[ -n "$v" ] || v=14
	echo "libclang-rt-$v-dev"
}

apt_known() {
	apt-cache show "$1" >/dev/null 2>&1
}

packages_of() {
	out=
	for i in "$@"; do
		p=$(package_of "$i")
		[ -n "$p" ] || continue
		case " $out " in *" $p "*) ;; *) out="$out $p" ;; esac
	done
	printf '%s' "${out# }"
}

# Privilege: root, sudo (non-interactive when there is no terminal), or none.
if [ "$(id -u)" = 0 ] || [ "$pm" = brew ]; then
	priv=
	can=1
elif have sudo; then
	if [ -t 0 ]; then priv="sudo"; else priv="sudo -n"; fi
	can=1
else
	priv=
	can=0
fi

# shellcheck disable=SC2086
run_install() {
	case $pm in
	apt) $priv env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" ;;
	dnf) $priv dnf install -y "$@" ;;
	pacman) $priv pacman -S --needed --noconfirm "$@" ;;
	brew) brew install "$@" ;;
	esac
}

# What a person should run, shown when this script cannot do it.
advice_cmd() {
	s=
	have sudo && [ "$(id -u)" != 0 ] && s="sudo "
	case $pm in
	apt) echo "${s}apt-get update && ${s}apt-get install -y $*" ;;
	dnf) echo "${s}dnf install -y $*" ;;
	pacman) echo "${s}pacman -S --needed $*" ;;
	brew) echo "brew install $*" ;;
	esac
}

log=$(mktemp) || exit 1
trap 'rm -f "$log"' EXIT HUP INT TERM
updated=0

apt_update() {
	[ $updated = 1 ] && return 0
	updated=1
	# shellcheck disable=SC2086
	$priv apt-get update -q >>"$log" 2>&1
}

# Installs packages; 0 on success. Output goes to the log, shown on failure.
pm_install() {
	if [ $pm = apt ]; then
		for p in "$@"; do
			apt_known "$p" || { apt_update; break; }
		done
	fi
	if run_install "$@" >>"$log" 2>&1; then
		return 0
	fi
	# A stale package list is the usual cause on apt: refresh once and retry.
	if [ $pm = apt ] && [ $updated = 0 ]; then
		apt_update
		run_install "$@" >>"$log" 2>&1 && return 0
	fi
	return 1
}

# Prints one line per item: installed, or why not.
report() {
	for i in "$@"; do
		p=$(package_of "$i")
		if present "$i"; then
			printf 'deps: installed %s%s\n' "$i" "${p:+ ($p)}"
		else
			printf 'deps: missing %s%s\n' "$i" "${p:+ (package $p)}" >&2
		fi
	done
}

status=0

if [ -n "$base_missing" ]; then
	# shellcheck disable=SC2086
	pkgs=$(packages_of $base_missing)
	if [ -z "$pm" ]; then
		printf 'deps: missing: %s\n' "$base_missing" >&2
		echo "deps: no known package manager (apt-get, dnf, pacman, brew): install a C compiler," >&2
		echo "deps: make, pkg-config, tmux (and strace on Linux) and the development files of ncursesw, sqlite3," >&2
		echo "deps: libuuid and check, then run make again" >&2
		exit 1
	fi
	if [ $pm = brew ] && ! have cc; then
		echo "deps: no C compiler: run  xcode-select --install" >&2
		exit 1
	fi
	if [ $can = 0 ]; then
		printf 'deps: missing: %s\n' "$base_missing" >&2
		echo "deps: not root and no sudo; as root, run:" >&2
		# shellcheck disable=SC2086
		printf '  %s\n' "$(advice_cmd $pkgs)" >&2
		exit 1
	fi
	# shellcheck disable=SC2086
	if ! pm_install $pkgs; then
		tail -n 20 "$log" >&2
		printf 'deps: installing failed; run:\n' >&2
		# shellcheck disable=SC2086
		printf '  %s\n' "$(advice_cmd $pkgs)" >&2
		exit 1
	fi
	# shellcheck disable=SC2086
	report $base_missing
	if [ $pm = brew ]; then
		pcp="$(brew --prefix ncurses)/lib/pkgconfig:$(brew --prefix sqlite)/lib/pkgconfig"
		if ! pkg-config --exists ncursesw sqlite3 &&
			PKG_CONFIG_PATH="$pcp${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
				pkg-config --exists ncursesw sqlite3; then
			echo "deps: ncurses and sqlite are keg-only in Homebrew; before make, run:" >&2
			# Printed literally for the user's shell.
			# shellcheck disable=SC2016
			echo '  export PKG_CONFIG_PATH="$(brew --prefix ncurses)/lib/pkgconfig:$(brew --prefix sqlite)/lib/pkgconfig:$PKG_CONFIG_PATH"' >&2
			exit 1
		fi
	fi
	for i in $base_missing; do
		present "$i" || status=1
	done
	if [ $status = 1 ]; then
		echo "deps: some build tools are still missing; run:" >&2
		# shellcheck disable=SC2086
		printf '  %s\n' "$(advice_cmd $pkgs)" >&2
		exit 1
	fi
fi

# Optional tools: one at a time, so that one a distribution lacks does not stop the rest.
if [ -n "$extra_missing" ]; then
	# The name of the fuzzer runtime package needs a current package list.
	case " $extra_missing " in
	*" clang-rt "*)
		if [ "$pm" = apt ] && [ $can = 1 ] && ! apt_known libclang-rt-dev; then
			apt_update
		fi
		;;
	esac
	for i in $extra_missing; do
		p=$(package_of "$i")
		if [ -z "$pm" ] || [ -z "$p" ]; then
			printf 'deps: missing %s (no package known here; install it by hand)\n' "$i" >&2
			continue
		fi
		if [ $can = 0 ]; then
			printf 'deps: missing %s; as root, run: %s\n' "$i" "$(advice_cmd "$p")" >&2
			continue
		fi
		if ! pm_install "$p" || ! present "$i"; then
			printf 'deps: could not install %s (package %s); run: %s\n' \
				"$i" "$p" "$(advice_cmd "$p")" >&2
			continue
		fi
		report "$i"
	done
fi

exit 0
