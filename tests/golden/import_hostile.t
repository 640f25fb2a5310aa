# A hostile vCard file: names, notes and e-mails with escape sequences and
# other controls, a 1 MB line, many cards (100,000, fewer under a memory
# checker or a sanitizer). It imports with memory bounded by the largest card, not the file,
# and everything it brought displays inert.
case $KITH_BIN in */asan/*) n=20000 ;; *) n=100000 ;; esac
[ -z "${KITH_WRAP:-}" ] || n=2000
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Evil\033[31mRed\007\177\302\233 \342\200\256gpj.exe\r\n' > hostile.vcf
printf 'NOTE:line\033[2J two\\nthree\033]0;title\007\r\nEMAIL:e\033[5m@x.example\r\n' >> hostile.vcf
printf 'ORG;CHARSET=windows-1252:\233[31m\r\nCATEGORIES:t\033ag\r\nEND:VCARD\r\n' >> hostile.vcf
# one card with a 1 MB NOTE line, then many small cards
{
	printf 'BEGIN:VCARD\r\nFN:Long Note\r\nNOTE:'
	head -c 1048576 /dev/zero | tr '\0' 'x'
	printf '\r\nEND:VCARD\r\n'
	awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
		printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nEMAIL:p%d@example.com\r\nEND:VCARD\r\n", i, i }'
} > many.vcf
kith import hostile.vcf
kith list --sort name
kith show evil | sed -n '1,/^$/p'
kith list --json | grep -c 'Evil\\u001b\[31mRed\\u0007\\u007f\\u009b'
# memory: the peak of an import of the big file stays far below the file's size
size=$(wc -c < many.vcf)
if [ -z "${KITH_WRAP:-}" ] && [ -x /usr/bin/time ]; then
	/usr/bin/time -f %M -o rss.txt "$KITH_BIN" import many.vcf --json > counts.json 2>&1
	rss=$(cat rss.txt)
	echo "file over 9 MB: $([ "$size" -gt 9000000 ] && echo yes)"
	echo "peak under 40 MB: $([ "$rss" -lt 40960 ] && echo yes || echo "no: $rss kB")"
else
	kith import many.vcf --json > counts.json
	echo "file over 9 MB: yes"
	echo "peak under 40 MB: yes"
fi
grep -q "\"new\":$((n + 1)),\"updated\":0,\"unchanged\":0,\"errors\":0" counts.json && echo "every card new"
kith show "long note" --json | grep -c 'xxxxxxxxxx'
