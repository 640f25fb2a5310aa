# Narrow screens: the form shows every field from its start (cut with a mark)
# and only the focused one scrolled to its cursor; a line typed at the status
# row keeps its end in view, and D's question its y/n. The welcome of an
# empty journal takes the whole screen, whatever the layout.
printf 'resize 60x12\ndump\nresize 24x8\ndump\nkeys q\n' >keys
KITH_SCRIPT=keys kith
kith add "Léa Rousseau" --org "Hanbit Mobility" --role "VP of engineering" --circle close \
	--email lea.rousseau@hanbitmobility.example --tag mentor >/dev/null
cat >keys <<'KEYS'
resize 24x8
keys e
dump
keys Tab Tab End
dump
keys Esc
resize 36x8
keys f
type 1w send the article on hiring
dump
keys Esc D
dump
keys n
KEYS
KITH_SCRIPT=keys kith
