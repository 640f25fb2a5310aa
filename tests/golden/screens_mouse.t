# The mouse: a click selects a contact's row or focuses a pane; the wheel
# scrolls the pane under it.
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
	kith add "Person $i" --circle wide >/dev/null
done
cat >keys <<'KEYS'
keys s s s s g
click 5 4
dump
wheel down 5 4
dump
click 5 10
dump
wheel up 5 4
click 5 1
dump
KEYS
KITH_SCRIPT=keys kith
