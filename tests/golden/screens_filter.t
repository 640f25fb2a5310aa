# The live filter's counts: the contacts pane's title shows matches/total
# while a filter is on (typed or kept), the status line the position within
# the rows it shows; a filter that hides the selected contact moves the
# selection to the nearest one it shows, and Esc gives the list and the
# selection back.
kith add "Ana Souza" --org Acme --circle inner >/dev/null
kith add "Bruno Lima" --org Globex --circle close >/dev/null
kith add "Chen Wei" --org Acme --circle close >/dev/null
kith add "Dora Fátima" --circle active >/dev/null
kith add "Eve Adams" --org Acme --circle outer >/dev/null
cat >keys <<'KEYS'
keys s s s s j
dump
keys /
type acme
dump
keys Esc
dump
keys /
type acme
keys Down Enter
dump
keys q
KEYS
KITH_SCRIPT=keys kith
