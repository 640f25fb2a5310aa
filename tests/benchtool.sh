#!/bin/sh
# benchtool.sh: the frame measure of the bench helper (bench/benchtool.c) on a
# small stand-in for a full-screen program that paints after a set delay, or
# fails on the runs asked: the medians are those of the runs that painted and
# quit, with how many did; the measure fails only when none did.
# With KITH, also the copy of a journal's rows by SQLite alone (sqlcopy).
# usage: sh tests/benchtool.sh BENCHTOOL [KITH]
TOOL=${1:?usage: sh tests/benchtool.sh BENCHTOOL [KITH]}
KITH=${2:-}
case $TOOL in /*) ;; *) TOOL=$(pwd)/$TOOL ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kith-benchtool-XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }

# Run N paints after the Nth of DELAYS (seconds), then quits on a key; a run
# listed in EXIT leaves at once without painting, one in HANG paints nothing
# for 5 s.
cat >"$TMP/fake" <<'FAKE'
#!/bin/sh
n=$(cat "$COUNT" 2>/dev/null || echo 0)
n=$((n + 1))
echo $n >"$COUNT"
case " $EXIT " in *" $n "*) exit 3 ;; esac
case " $HANG " in *" $n "*) sleep 5; exit 3 ;; esac
sleep "$(echo "$DELAYS" | awk -v n=$n '{ print $n + 0 }')"
printf 'painted run %s' "$n"
stty raw -echo 2>/dev/null
dd bs=1 count=1 >/dev/null 2>&1
FAKE
chmod +x "$TMP/fake"
export COUNT="$TMP/count"

measure() { # RUNS EXIT HANG DELAYS GIVE-UP-MS
	rm -f "$COUNT"
	EXIT=$2 HANG=$3 DELAYS=$4 BENCHTOOL_GIVE_UP_MS=$5 "$TOOL" frame "$1" 0 0 -- "$TMP/fake" \
		>"$TMP/out" 2>"$TMP/err"
}

# five runs paint at 0.1, 0.4, 0.9, 1.6 and 2.5 s; the second fails: the
# median of the four others is 1.25 s (with the failed run counted as 0, 0.9)
measure 5 2 "" "0.1 0.4 0.9 1.6 2.5" 4000
rc=$?
read -r first key cpu count <"$TMP/out"
[ $rc = 0 ] && [ "$count" = 4/5 ] && ok "one failed run of five: 4/5 counted ($(cat "$TMP/out"))" ||
	not_ok "one failed run of five: exit $rc, $(cat "$TMP/out") $(cat "$TMP/err")"
if [ -n "$first" ] && awk -v f="$first" 'BEGIN { exit !(f >= 1150 && f < 1700) }'; then
	ok "the median is that of the runs that painted ($first ms, near 1250)"
else
	not_ok "the median is that of the runs that painted: ${first:-none} ms, not near 1250"
fi
grep -q "run 2 did not paint" "$TMP/err" && ok "the log names the failed run" ||
	not_ok "the log names the failed run: $(cat "$TMP/err")"

# a run that hangs is given up after BENCHTOOL_GIVE_UP_MS, the others count
measure 3 "" 2 "" 500
rc=$?
[ $rc = 0 ] && [ "$(cut -d' ' -f4 "$TMP/out")" = 2/3 ] && ok "a hung run is given up, 2/3 counted" ||
	not_ok "a hung run: exit $rc, $(cat "$TMP/out") $(cat "$TMP/err")"

# every run fails: no figure, exit 1
measure 3 "1 2 3" "" "" 500
rc=$?
[ $rc = 1 ] && [ ! -s "$TMP/out" ] && grep -q "none of 3 runs" "$TMP/err" &&
	ok "no run painted: no figure and exit 1" ||
	not_ok "no run painted: exit $rc, $(cat "$TMP/out") $(cat "$TMP/err")"

# all paint: 3/3
measure 3 "" "" "" 500
rc=$?
[ $rc = 0 ] && [ "$(cut -d' ' -f4 "$TMP/out")" = 3/3 ] && ok "all runs paint: 3/3" ||
	not_ok "all runs paint: exit $rc, $(cat "$TMP/out")"

# sqlcopy: a new journal with the same schema and rows, that kith reads as the same
if [ -n "$KITH" ]; then
	case $KITH in /*) ;; *) KITH=$(pwd)/$KITH ;; esac
	KITH_NOW=2026-06-01T12:00:00Z "$KITH" --db "$TMP/src.db" demo --contacts 60 --seed 3 \
		>/dev/null 2>&1 || not_ok "sqlcopy: the demo journal"
	if "$TOOL" sqlcopy "$TMP/src.db" "$TMP/dst.db" 2>"$TMP/err"; then
		KITH_NOW=2026-06-01T12:00:00Z "$KITH" --db "$TMP/src.db" export --format jsonl \
			>"$TMP/src.jsonl" 2>&1
		KITH_NOW=2026-06-01T12:00:00Z "$KITH" --db "$TMP/dst.db" export --format jsonl \
			>"$TMP/dst.jsonl" 2>&1
		[ -s "$TMP/src.jsonl" ] && cmp -s "$TMP/src.jsonl" "$TMP/dst.jsonl" &&
			ok "sqlcopy: the copy holds the same records" ||
			not_ok "sqlcopy: the copy differs: $(diff "$TMP/src.jsonl" "$TMP/dst.jsonl" | head -5)"
	else
		not_ok "sqlcopy: $(cat "$TMP/err")"
	fi
	"$TOOL" sqlcopy "$TMP/src.db" "$TMP/dst.db" 2>"$TMP/err" &&
		not_ok "sqlcopy into a journal that has the tables succeeded" ||
		ok "sqlcopy into a journal that has the tables fails: $(head -c 60 "$TMP/err" | tr "\n\t" "  ")"
fi

echo "# benchtool: $pass passed, $fail failed"
[ $fail = 0 ]
