# The capture prompt inside the program (`c`) on the virtual screen: pre-filled
# with the selected contact, the live preview while typing, @-completion of
# namesakes with their organisations inserting the id form, every marked
# contact pre-filled, Enter saving (the timeline shows it at once), Esc
# cancelling, and the preview of an unknown mention.
kith add "Ana Souza" --org Acme --circle inner >/dev/null
kith add "Ana Souza" --org Globex --circle close >/dev/null
kith add "Bruno Lima" --org Initech --circle close >/dev/null
kith add "Chen Wei" --circle wide >/dev/null
kith log 2026-11-01 coffee with @bruno
cat >keys <<'KEYS'
keys c
dump
type lunch about hiring +gave intro
dump
keys Esc
dump
keys G c
keys C-u
type call with @Ana
keys Tab
dump
keys Tab
dump
type  #work
keys Enter
dump
keys t
dump
keys t g Space j Space c
dump
keys C-u
type coffee with @nobody
dump
keys Enter
dump
keys Esc
keys q
KEYS
KITH_SCRIPT=keys kith
kith list
