# kith import of LinkedIn and CSV files (tests/fixtures/csv): the header found by content
# after a preamble of 0, 3 or many lines and in five languages, Connected On kept as
# where you met, Google and Outlook (Windows-1252) by their headers, any CSV with its
# unmatched columns reported; a second import changes nothing; an unterminated quote
# rejects the file with its line and writes nothing. Then the real files of the corpus.
mkdir fx && cp "$here"/fixtures/csv/*.csv fx/
FX=fx
names() { kith list --sort name --json | grep '"name"' | sed 's/^ *//'; }
for f in linkedin_en_0 linkedin_en_3 linkedin_many; do
	echo "--- $f"
	kith --db $f.db import "$FX/$f.csv"
	kith --db $f.db list --sort name --json | grep -E '"(name|org|role)"' | sed 's/^ *//'
done
kith --db linkedin_en_3.db show ana --json | grep -E '"(met|emails)"' -A1 | sed 's/^ *//'
kith --db linkedin_en_3.db show ana | grep -E '^  (url|met|email) '
for f in linkedin_de linkedin_fr linkedin_es linkedin_pt google outlook_1252 unknown; do
	echo "--- $f"
	kith import "$FX/$f.csv" --tag "$f"
done
echo "--- the same files again: all unchanged"
for f in linkedin_de linkedin_fr linkedin_es linkedin_pt google outlook_1252 unknown; do
	kith import "$FX/$f.csv"
done
names
kith show "Hélène" | grep -E '^  (email|phone|url|tags|met|address) |^Mme'
kith show marta --json | grep -E '"(birthday|notes)"' | sed 's/^ *//'
echo "--- --format linkedin wants LinkedIn's header; --format csv reads any"
kith --db x.db import --format linkedin "$FX/unknown.csv"
kith --db x.db import --format csv --dry-run --json "$FX/linkedin_many.csv"
kith --db x.db import --dry-run "$FX/linkedin_pt.csv"
echo "--- an unterminated quote: the file is refused, nothing written"
kith --db y.db add "Already Here" >/dev/null
kith --db y.db import "$FX/unterminated.csv"
kith --db y.db list --sort name --json | grep '"name"' | sed 's/^ *//'
echo "--- a file with no header row"
: > empty.csv
kith --db y.db import empty.csv
echo "--- the real files of the shared corpus, beside the repository"
corpus=
for d in "$here/../../shared/corpus/contacts" "$here/../../../shared/corpus/contacts"; do
	[ -f "$d/SOURCES.md" ] && corpus=$d && break
done
[ -n "$corpus" ] || echo "no corpus at ../shared/corpus/contacts"
for f in linkedin-flashes-sample_connections linkedin-labeldekho-Connections \
	linkedin-socialgraph-unicode linkedin-socialgraph-locale_fr roundcube-gmail \
	roundcube-gmail-utf16 roundcube-tb_plain roundcube-all; do
	[ -n "$corpus" ] || break
	echo "- $f"
	kith --db corpus.db import "$corpus/$f.csv" | head -2
done
# names and e-mails of what came in
kith --db corpus.db list --sort name --json | grep '"name"' | sed 's/^ *//'
for n in "Alice Johnson" "Bob Williams" "Carol Davis" "李 明" "Pierre Martin" \
	"Prefix Firstname Middle Lastname Suffix" Displayname "Display Name"; do
	printf '%s: ' "$n"
	kith --db corpus.db show "$n" --json | tr -d '\n' | sed 's/.*"emails": *\[\([^]]*\)\].*/\1/; s/  */ /g'
	echo
done
echo "--- a second import of the corpus: all unchanged"
for f in linkedin-labeldekho-Connections roundcube-gmail-utf16 roundcube-all; do
	[ -n "$corpus" ] || break
	kith --db corpus.db import --json "$corpus/$f.csv"
done
