# A hostile CSV: escape sequences, BEL and a bidi override in names and notes, a 1 MB
# cell, a line of 1 MB, and 3000 rows: all imported, and shown inert (escaped).
esc=$(printf '\033')
bel=$(printf '\007')
rlo=$(printf '\342\200\256')
big=$(head -c 1048576 /dev/zero | tr '\0' x)
{
	printf 'Name,Email,Notes\r\n'
	printf '"Evil%s[31mRed%s",evil@example.com,"line%s[2J two"\r\n' "$esc" "$bel" "$esc"
	printf '"Bidi %scod.exe",bidi@example.com,\r\n' "$rlo"
	printf 'Long Notes,long@example.com,%s\r\n' "$big"
	printf '"%s",huge@example.com,\r\n' "$big"
	i=0
	while [ $i -lt 3000 ]; do
		printf 'Person %d,p%d@example.com,"note, %d"\r\n' $i $i $i
		i=$((i + 1))
	done
} > hostile.csv
kith import hostile.csv
kith list --sort name --limit 3
kith show evil | head -1
kith show evil --json | grep '"notes"'
echo "notes of Long Notes: $(kith show long --json | grep '"notes"' | wc -c) bytes"
echo "contacts: $(kith list --json | grep -c '"id"')"
kith import hostile.csv --json
