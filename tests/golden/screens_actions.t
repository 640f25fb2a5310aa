# Acting from the full-screen program: a follow-up (asked for as WHEN TEXT),
# done, snooze, undo, remove after a confirmation that names them; each
# write shows at once. The welcome of an empty journal comes first.
printf 'dump\nkeys q\n' >keys
KITH_SCRIPT=keys kith
kith add "Ana Souza" --circle inner >/dev/null
kith add "Bruno Lima" --circle close >/dev/null
kith log 2026-11-01 coffee with @ana
cat >keys <<'KEYS'
keys f
type 1w send the article
dump
keys Enter
dump
keys d
dump
keys u
dump
keys z
dump
keys u
keys D
dump
keys n
keys j D y
dump
KEYS
KITH_SCRIPT=keys kith
kith list
kith show ana
