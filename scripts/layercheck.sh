#!/bin/sh
# layercheck.sh: the layer rules of DESIGN.md §2, checked on the includes.
# SQLite only in store*.c, curses only in the terminal layer, libuuid only in id.c,
# and the core never prints, exits or reads the clock itself.
set -u
cd "$(dirname "$0")/.." || exit 1
fail=0
report() { printf 'layers: %s\n' "$*" >&2; fail=1; }

for f in src/*.c src/*.h include/*.h; do
	[ -f "$f" ] || continue
	b=$(basename "$f")
	if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h[>"]' "$f"; then
		case "$b" in store*) ;; *) report "$f includes sqlite3.h (only store*.c may)";; esac
	fi
	if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](ncursesw/)?n?curses(w)?\.h[>"]' "$f"; then
		case "$b" in tui*|pane_*|prompt*|colors*) ;; *) report "$f includes curses (only the terminal layer may)";; esac
	fi
	if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]uuid/uuid\.h[>"]' "$f"; then
		case "$b" in id.c|id.h) ;; *) report "$f includes uuid/uuid.h (only id.c may)";; esac
	fi
done

# The core and the view layer: no printing to the terminal or to any stream,
# no exit, no clock; a call may have blanks before its parenthesis (`time (`).
pat='(^|[^_a-zA-Z0-9.>])(printf|fprintf|vprintf|vfprintf|puts|fputs|putchar|fputc|perror|exit|_exit|abort|time|clock_gettime|gettimeofday)[[:space:]]*\('
for f in src/*.c; do
	b=$(basename "$f")
	case "$b" in main.c|cli_*|tui*|pane_*|prompt*|colors*|clock.c|err.c) continue;; esac
	# string literals and comments are not calls ("a bad time (HH:MM)")
	hit=$(sed -E -e 's/"([^"\\]|\\.)*"/""/g' -e 's|/\*.*\*/||g' -e 's|//.*$||' \
		-e 's#^[[:space:]]*(/\*|\*).*$##' "$f" | grep -nE "$pat" | head -1)
	[ -n "$hit" ] && report "$f prints, exits or reads the clock (the core must not): $hit"
done

# Unit tests link without curses.
for t in build/check_kith build/asan/check_kith; do
	[ -x "$t" ] || continue
	if command -v nm >/dev/null 2>&1 && nm "$t" 2>/dev/null | grep -qE ' U (initscr|newterm|wrefresh)$'; then
		report "$t links curses"
	fi
done

[ $fail -eq 0 ] && echo "layers: ok"
exit $fail
