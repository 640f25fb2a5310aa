# The weekly review screen (w) through the scripted mode, now Friday
# 2026-11-20 10:00: every section at 80x24 and in two columns at 140x45,
# scrolling below 80x24 down to 1x1, and the actions on the selected row
# (snooze, undo, done of that very follow-up, a follow-up, the record), each
# shown at once in the sections; the journal afterwards.
old=2025-06-01T10:00
kith --now $old add "Ana Souza" --circle inner --birthday 1986-11-26 >/dev/null
kith --now $old add "Bruno Lima" --circle close >/dev/null
kith --now 2022-01-10T10:00 add "Carla Dias" --circle close >/dev/null
kith --now $old add "Fatima Okafor" --circle close >/dev/null
kith --now 2026-11-16T09:00 add "George Obi" --circle active >/dev/null
kith --now $old add "Ivo Petrov" --circle active >/dev/null
kith log 2026-10-30 coffee with @ana >/dev/null
kith log 2026-11-06 coffee with @bruno: +got intro >/dev/null
kith log 2023-01-10 favour @carla +gave helped her move >/dev/null
kith log 2026-09-01 call with @fatima >/dev/null
kith log 2026-11-16 met @george at the meetup '#devconf' >/dev/null
kith log 2026-11-17 lunch with @ivo: +gave lead >/dev/null
kith followup fatima 2026-11-12 call about the offsite >/dev/null
kith followup fatima 2026-11-18 send the slides >/dev/null
cat >keys <<'KEYS'
keys w
dump
resize 140x45
dump
resize 79x23
keys G
dump
resize 40x12
keys g Tab Tab
dump
resize 20x6
dump
resize 19x5
dump
resize 1x1
dump
resize 80x24
keys g
keys z
dump
keys u
dump
keys Tab Tab Tab Tab j
dump
keys d
dump
keys g j j f
type 1w lunch, and thank him for the intro
dump
keys Enter
dump
keys Enter
dump
keys Esc
dump
keys q
dump
KEYS
KITH_SCRIPT=keys kith
kith show fatima | grep -A3 -i follow
kith show bruno | grep -A3 -i follow
