#!/bin/sh
# proof_concurrency.sh: 8 processes logging 200 interactions each while the
# full-screen program is open in tmux: every interaction is there, no writer
# printed a lock error, the program shows the last of them and still answers keys.
# usage: sh tests/proof_concurrency.sh KITH [ignored] [WRITERS] [EACH]
KITH_USAGE="usage: sh tests/proof_concurrency.sh KITH"
. "$(dirname "$0")/tmux_lib.sh"
WRITERS=${3:-8}
EACH=${4:-200}
export NO_COLOR=1
unset KITH_DB KITH_SCRIPT

k() { "$KITH" --db "$DB" "$@"; }
k add "Ana Souza" --org Acme --circle inner >/dev/null || exit 1
k add "Bruno Lima" --org Globex --circle close >/dev/null || exit 1
k log "coffee with @ana about the start" >/dev/null || exit 1

t new-session -d -s conc -x 200 -y 40 "$KITH --db '$DB'"
check "the program opens" conc "Ana Souza"
# everyone's timeline, so that every writer's interactions show there
t send-keys -t conc t
check "the timeline shows everyone's" conc "Timeline: everyone"

w=1
while [ $w -le "$WRITERS" ]; do
	(
		i=1
		while [ $i -le "$EACH" ]; do
			if [ $((i % 2)) = 0 ]; then who=@ana; else who=@bruno; fi
			"$KITH" --db "$DB" log "call with $who about w$w-n$i" || echo "writer $w: log $i failed" >&2
			i=$((i + 1))
		done
	) >"$TMP/out.$w" 2>"$TMP/err.$w" &
	w=$((w + 1))
done
# a key now and then while they write: the program keeps answering
t send-keys -t conc j
t send-keys -t conc k
wait

total=$((WRITERS * EACH))
logged=$(cat "$TMP"/out.* | grep -c '^logged call with ')
[ "$logged" = "$total" ] && ok "every writer reported its $EACH logs ($total)" ||
	not_ok "$logged of $total logs reported"
if [ -s "$TMP/err.1" ] || cat "$TMP"/err.* | grep -q .; then
	not_ok "writers printed errors"
	cat "$TMP"/err.* | sort | uniq -c | head -5 | sed 's/^/#   /'
else
	ok "no writer printed an error (no lock error)"
fi
n=$(k timeline --json --limit 0 | grep -c '"summary": "call with .* about w[0-9]*-n[0-9]*"')
[ "$n" = "$total" ] && ok "all $total interactions are in the journal" ||
	not_ok "$n of $total interactions in the journal"
first=$(k timeline --limit 1 | sed -n 's/.*\(about w[0-9]*-n[0-9]*\).*/\1/p' | head -1)
check "the program shows the newest of them ($first)" conc "$first"
if t capture-pane -p -t conc | grep -qi 'lock\|busy\|error'; then
	not_ok "the program's screen shows an error" conc
else
	ok "the program's screen shows no error"
fi
t send-keys -t conc /
t send-keys -t conc -l bruno
check "the program still answers keys (a filter)" conc "Bruno Lima"
t send-keys -t conc Escape q
n=$(k doctor --json | grep -c '"integrity": *"ok"')
[ "$n" = 1 ] && ok "the journal is whole" || not_ok "integrity check failed"

echo "# concurrency: $pass passed, $fail failed"
[ $fail = 0 ]
