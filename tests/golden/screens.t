# The full-screen program through its real curses layer on a virtual screen
# (KITH_SCRIPT): the main view at the sizes that change the layout, moving,
# the sort, the timeline scope, marks, the record, the help, and resizes down
# to 1x1 and back.
kith add "Ana Souza" --org Acme --role CTO --circle inner --email ana@acme.example \
	--phone "+55 11 5555 0101" --tag devconf --met "devconf 2025" --note "$(printf 'likes jazz\nhas two cats')" >/dev/null
kith add "Bruno Lima" --org Globex --circle close --tag work >/dev/null
kith add "Chen Wei" --org Initech --circle wide --tag devconf >/dev/null
kith add "Dora Fátima" --circle active >/dev/null
kith add "Eve Adams" --org "Umbrella" --circle outer >/dev/null
kith log 2026-10-20 coffee with @ana about the new team
kith log yesterday call with @bruno: +gave intro to @chen
kith log 2026-08-01 advice from @chen +got on hiring
kith log 3d ago lunch with @ana and @dora
kith followup ana 1w send the article on hiring >/dev/null
cat >keys <<'KEYS'
dump
keys j j
dump
resize 120x40
dump
keys s
dump
keys s s s s t
dump
keys Space Space Tab
dump
keys Tab Tab g j Enter
dump
keys j j G
dump
keys q
resize 100x30
dump
resize 60x20
dump
keys Tab
dump
resize 20x6
dump
resize 19x6
dump
resize 10x3
dump
resize 1x1
dump
resize 80x24
keys ?
dump
keys G
dump
keys q q
KEYS
KITH_SCRIPT=keys kith
