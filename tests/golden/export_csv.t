# kith export --format csv: a header row, then every contact with the scores kith list
# gives; cells a spreadsheet would run as formulas (= + - @ TAB CR first) start with an
# apostrophe, and quotes, commas and line breaks are quoted. TAB and CR are shown as
# \t and \r, rows end with CRLF.
show() { sed "s/$(printf '\t')/\\\\t/g; s/$(printf '\r')/\\\\r/g"; }
kith add "Ana Souza" --org "Souza, Lima & Filhos" --role 'Head of "Platform"' \
	--email ana@example.com --email ana@work.example --phone "+55 11 5555 0000" \
	--tag devconf --tag friends --circle close >/dev/null
kith add "=HYPERLINK(\"http://evil.example\",\"x\")" --org "+SUM(A1)" --role "-2+3" \
	--email "@evil.example" --tag "@cmd" >/dev/null
kith add "Tab Start" --org "Cr Start" --role "Newline Role" >/dev/null
kith add "Bruno Lima" --org "Acme" --circle inner >/dev/null
sql "$KITH_DB" "
UPDATE contact SET name = char(9) || 'tabbed', org = char(13) || 'cr', role = 'two' || char(10) || 'lines'
	WHERE name = 'Tab Start';
"
kith log 3d ago coffee with @ana: +gave intro to @bruno >/dev/null
kith log 20d ago call with @bruno >/dev/null
echo "--- stdout"
kith export --format csv | show
echo "--- -o FILE, the format from its name"
kith export -o out.csv
kith export --format csv > out2.csv; cmp out.csv out2.csv && echo same
echo "--- kith list gives the same scores"
kith list --sort name --json | grep -E '"(name|warmth|balance|attention|status|days_since)"' | tr -d ' '
