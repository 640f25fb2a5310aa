#!/bin/sh
# proof_crash.sh: kill -9 at random moments while kith saves (`kith log` and a
# save in the full-screen program), then check the journal: integrity ok, the
# score caches equal a full recompute, every save that reported success is
# there, every other one is absent or whole. Moments are drawn from a seeded
# generator over the time a save takes on this machine, so each run covers the
# whole save. usage: sh tests/proof_crash.sh KITH KILLAT [ROUNDS]
# (KILLAT is tests/killat.c, built by the Makefile)
KITH=${1:?usage: sh tests/proof_crash.sh KITH KILLAT [ROUNDS]}
KILLAT=${2:?usage: sh tests/proof_crash.sh KITH KILLAT [ROUNDS]}
ROUNDS=${3:-${KITH_CRASH_ROUNDS:-200}}
case $KITH in /*) ;; *) KITH=$(pwd)/$KITH ;; esac
case $KILLAT in /*) ;; *) KILLAT=$(pwd)/$KILLAT ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kith-crash-XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP
export KITH_NOW=2026-11-20T10:00 TZ=UTC NO_COLOR=1
unset KITH_DB KITH_SCRIPT
DB=$TMP/kith.db
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }
k() { $KITH_WRAP "$KITH" --db "$DB" "$@"; }

k demo --contacts 300 --interactions 3000 --seed 7 >/dev/null || exit 1
k add "Crash Target" --circle inner >/dev/null || exit 1

# How long one save takes here, so that the moments fall inside it: the
# shortest of five runs, timed by killat's clock (a kill far beyond the end).
span_us=
i=0
while [ $i -lt 5 ]; do
	t0=$(date +%s%N)
	k log "call with @crash.target about warmup $i !1w" >/dev/null || exit 1
	t1=$(date +%s%N)
	case $t0$t1 in *N*) d=20000 ;; *) d=$(((t1 - t0) / 1000)) ;; esac
	if [ -z "$span_us" ] || [ "$d" -lt "$span_us" ]; then span_us=$d; fi
	i=$((i + 1))
done
[ "$span_us" -gt 0 ] || span_us=20000
echo "# one save takes about ${span_us} us; killing at random moments up to 1.2 times that"

# ROUNDS random delays in microseconds (seeded: the same moments on each run)
awk -v n="$ROUNDS" -v span="$span_us" 'BEGIN { srand(20261120); for (i = 0; i < n; i++) printf "%d\n", rand() * span * 1.2 }' \
	>"$TMP/delays"

# A save in the program: the add form, typed and saved, then quit.
tui_script() { # name
	printf 'keys a\ntype %s\nkeys Enter\nkeys q\n' "$1" >"$TMP/script"
}

lost=0
torn=0
round=0
done_ok=0
killed=0
while read -r delay; do
	round=$((round + 1))
	tok="crash$round"
	if [ $((round % 4)) = 0 ]; then
		kind=tui
		tui_script "Person $tok"
		KITH_SCRIPT=$TMP/script "$KILLAT" "$delay" "$KITH" --db "$DB" >"$TMP/out" 2>"$TMP/err"
	else
		kind=log
		"$KILLAT" "$delay" "$KITH" --db "$DB" log "call with @crash.target about $tok !1w" \
			>"$TMP/out" 2>"$TMP/err"
	fi
	rc=$?
	if [ $rc = 137 ]; then killed=$((killed + 1)); fi
	# what the journal holds now
	if [ $kind = log ]; then
		n=$(k timeline --json --since 2026-11-20 | grep -o "about $tok\"" | wc -l)
		reported=0
		grep -q '^logged ' "$TMP/out" && reported=1
		[ $rc = 0 ] && reported=1
		if [ "$n" -gt 1 ]; then
			torn=$((torn + 1))
			echo "# round $round: $tok logged $n times"
		elif [ "$n" = 1 ]; then
			# whole: the follow-up of the same line is there too
			f=$(k show --json crash.target | grep -c "about $tok")
			if [ "$f" -lt 1 ]; then
				torn=$((torn + 1))
				echo "# round $round: $tok present without its follow-up"
			fi
		elif [ $reported = 1 ]; then
			lost=$((lost + 1))
			echo "# round $round: $tok reported saved (exit $rc) but absent"
		fi
	else
		n=$(k list --json --limit 0 | grep -c "\"Person $tok\"")
		if [ $rc = 0 ] && [ "$n" != 1 ]; then
			lost=$((lost + 1))
			echo "# round $round: the program saved Person $tok and exited 0, but it is absent"
		fi
		[ "$n" -gt 1 ] && torn=$((torn + 1))
	fi
	[ $rc = 0 ] && done_ok=$((done_ok + 1))
	if ! k doctor --json | grep -q '"integrity": *"ok"'; then
		torn=$((torn + 1))
		echo "# round $round: integrity check failed"
		k doctor
		break
	fi
done <"$TMP/delays"

echo "# $round rounds: $killed killed mid-run, $done_ok finished before the kill"
[ "$round" = "$ROUNDS" ] && ok "ran $ROUNDS kill -9 rounds" || not_ok "ran only $round of $ROUNDS rounds"
[ $lost = 0 ] && ok "no save that reported success is missing" || not_ok "$lost saves reported success and are missing"
[ $torn = 0 ] && ok "no save is half there, the journal stays whole" || not_ok "$torn saves are half there or broke the journal"
# Both outcomes were seen, or the moments did not fall inside the saves.
[ $killed -gt 0 ] && ok "some saves were killed mid-run ($killed)" || not_ok "no save was killed mid-run"
[ $done_ok -gt 0 ] && ok "some saves finished ($done_ok)" || not_ok "no save finished"
out=$(k doctor --rescore 2>&1)
if printf '%s\n' "$out" | grep -q '^rescore .*, 0 differed$'; then
	ok "score caches equal a full recompute"
else
	not_ok "score caches differ from a full recompute"
	printf '%s\n' "$out" | sed 's/^/#   /'
fi

echo "# crash: $pass passed, $fail failed"
[ $fail = 0 ]
