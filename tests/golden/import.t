# kith import: vCard files in, one transaction, idempotent, --dry-run,
# --circle and --tag, a malformed file refused whole with its line number.
cp "$here"/fixtures/vcard/*.vcf .
fx=.
card() { kith show "$1" | sed -n '1,/^$/p'; }
kith import "$fx/v21-qp-charset.vcf" --dry-run
kith import "$fx/v21-qp-charset.vcf" --dry-run --json
echo "after the dry run: $(ls kith.db 2>/dev/null || echo no journal)"
kith import "$fx/v21-qp-charset.vcf"
card joão
kith import "$fx/v30-apple.vcf" --circle wide --tag imported
card ana
kith import "$fx/v40-bom-cr.vcf"
card chen
kith import "$fx/mixed-endings.vcf" --json
kith list --sort name
# a second import of the same files changes nothing
kith import "$fx/v21-qp-charset.vcf"
kith import "$fx/v30-apple.vcf" --circle wide --tag imported --json
kith import "$fx/v40-bom-cr.vcf" --json
kith import "$fx/mixed-endings.vcf" --json
# a card without END:VCARD: the good card before it is not written either
kith import "$fx/no-end.vcf"
kith show "good card"
# the format by the first bytes when the name says nothing; else a clear refusal
cp "$fx/v40-bom-cr.vcf" cards.txt
kith import cards.txt --json
echo "plain text" > notes.txt
kith import notes.txt
kith import notes.txt --format vcard
kith import notes.txt --format nope
kith import missing.vcf
