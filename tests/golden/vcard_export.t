# kith export --format vcard: 4.0 (3.0 with --vcard-version 3); a round trip
# through a fresh journal keeps every field, label, parameter and unknown
# property, and what kith adds (circle, kind, cadence, met).
cp "$here"/fixtures/vcard/*.vcf .
for f in v21-qp-charset v30-apple v40-bom-cr mixed-endings; do kith import $f.vcf >/dev/null; done
kith edit ana --circle close --kind strategic --every 30 --met "the 2024 summit"
kith add "Zoë Long-Name Ƶ" --org "$(printf 'a%.0s' $(seq 1 40))ééé" --note "line one
line two, with; punctuation \\ and more"
kith export --format vcard -o one.vcf
cat one.vcf
# every line at most 75 octets, none cut inside a character
awk '{ sub(/\r$/, ""); if (length($0) > 75) print "too long: " $0 }' one.vcf
LC_ALL=C grep -c "$(printf '\r')\$" one.vcf
# into a fresh journal, and out again: the same cards
kith --db two.db import one.vcf
kith --db two.db export --format vcard -o two.vcf
cmp one.vcf two.vcf && echo "round trip: the same cards"
kith --db two.db show ana | sed -n '1,/^$/p'
# a second import changes nothing
kith --db two.db import one.vcf --json
# 3.0 and back
kith export --format vcard --vcard-version 3 -o three.vcf
grep -E '^(VERSION|BDAY|item1|EMAIL|TEL)' three.vcf | sort | head -12
kith --db three.db import three.vcf >/dev/null
kith --db three.db export --format vcard -o four.vcf
cmp one.vcf four.vcf && echo "3.0 round trip: the same cards"
kith export --format vcard --vcard-version 2
kith export --format jsonl --vcard-version 3
