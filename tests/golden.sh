#!/bin/sh
# golden.sh: runs every tests/golden/*.t against the real kith binary with a
# pinned clock and compares what it prints with tests/golden/*.out.
# usage: sh tests/golden.sh KITH [NAME...]    (GOLDEN_UPDATE=1 rewrites the .out files)
# The tests run GOLDEN_JOBS at a time (default: the number of processors), each in
# a folder of its own; their reports are printed in order.
# Each .t is a shell script; `kith ARGS` in it runs the binary (through $KITH_WRAP,
# e.g. valgrind) with stderr folded into stdout and "[exit N]" after a failure;
# `sql DB SQL` runs SQL on a journal (tests/sql_exec.c, built beside KITH).
set -u
one=0
if [ "${1:-}" = --one ]; then
	one=1
	shift
fi
KITH_BIN=$1
shift
case $KITH_BIN in /*) ;; *) KITH_BIN=$(pwd)/$KITH_BIN ;; esac
here=$(cd "$(dirname "$0")" && pwd)
SQL_EXEC=$(dirname "$KITH_BIN")/tests/sql_exec
pass=0
fail=0
names=$*
[ -n "$names" ] || names=$(cd "$here/golden" && ls *.t | sed 's/\.t$//')

if [ $one = 0 ]; then
	jobs=${GOLDEN_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
	logs=$(mktemp -d "${TMPDIR:-/tmp}/kith-golden-logs.XXXXXX") || exit 1
	# shellcheck disable=SC2086
	printf '%s\n' $names | xargs -P "$jobs" -I NAME sh -c \
		'sh "$0" --one "$1" NAME >"$2/NAME.log" 2>&1' "$0" "$KITH_BIN" "$logs"
	for name in $names; do
		if [ -f "$logs/$name.log" ] && tail -n 1 "$logs/$name.log" | grep -q '^golden: 1 passed, 0 failed$'; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			sed '$d' "$logs/$name.log" 2>/dev/null || echo "golden: $name did not run"
		fi
	done
	rm -rf "$logs"
	echo "golden: $pass passed, $fail failed"
	[ $fail -eq 0 ]
	exit
fi

for name in $names; do
	t="$here/golden/$name.t"
	want="$here/golden/$name.out"
	work=$(mktemp -d "${TMPDIR:-/tmp}/kith-golden.XXXXXX")
	got="$work/got"
	(
		cd "$work" || exit 1
		export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 HOME="$work/home"
		export KITH_DB="$work/kith.db" KITH_NOW=2026-11-20T10:00
		export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
		unset KITH_CONFIG COLUMNS
		export KITH_BIN SQL_EXEC
		sql() {
			"$SQL_EXEC" "$@" 2>&1 || echo "[sql failed]"
		}
		kith() {
			${KITH_WRAP:-} "$KITH_BIN" "$@" 2>&1
			rc=$?
			[ $rc -eq 0 ] || echo "[exit $rc]"
			return 0
		}
		. "$t"
	) >"$got.raw" 2>&1
	# ids are random: show them as <uuid> and <id8>
	sed -E -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<uuid>/g' \
		-e 's/(^|[^0-9a-zA-Z<])[0-9a-f]{8}([^0-9a-zA-Z>]|$)/\1<id8>\2/g' \
		-e "s|$work|<tmp>|g" "$got.raw" >"$got"
	if [ "${GOLDEN_UPDATE:-0}" = 1 ]; then
		cp "$got" "$want"
		pass=$((pass + 1))
	elif [ -f "$want" ] && cmp -s "$got" "$want"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "golden: $name differs:"
		if [ -f "$want" ]; then diff -u "$want" "$got" | head -40; else echo "  (no $name.out)"; fi
	fi
	rm -rf "$work"
done
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
