# Hostile bytes in the journal itself (kith refuses to write them, another
# program may not): ESC, BEL, DEL, C1, a bidi override and invalid UTF-8 in
# names, orgs, notes, tags, e-mails, summaries and follow-ups. list, show and
# timeline print them escaped, and their JSON escapes them, valid UTF-8 throughout.
kith add "Hostile" --org placeholder --role placeholder --email h@example.org \
	--met placeholder --note placeholder --tag placeholder >/dev/null
kith add "Bystander" --org "Plain Org" --circle close >/dev/null
kith log yesterday call @hostile and @bystander about placeholder '#placeholder' '!3d' >/dev/null
# Evil ESC[31m Red BEL DEL CSI(C1) 0xFF; org with RLO; notes with a lone 0xC3
H="'Evil' || char(27) || '[31mRed' || char(7) || char(127) || char(155) || CAST(X'ff' AS TEXT)"
sql "$KITH_DB" "
UPDATE contact SET name = $H,
	org = 'Org ' || char(8238) || 'cod.exe' || char(27) || ']0;title' || char(7),
	role = 'Role' || char(127) || char(133) || 'end',
	met = 'met' || char(27) || 'c' || CAST(X'c3' AS TEXT),
	notes = 'line one' || char(10) || 'line' || char(27) || '[2J two ' || CAST(X'fe' AS TEXT)
	WHERE name = 'Hostile';
UPDATE contact_tag SET tag = 'ta' || char(27) || 'g' WHERE tag = 'placeholder';
UPDATE contact_field SET value = 'h' || char(7) || '@example.org' WHERE kind = 'email';
UPDATE interaction SET summary = 'call ' || char(27) || '[5mblink' || char(7) || ' ' ||
	CAST(X'80' AS TEXT) || ' ' || char(155) || '1m ' || char(127);
UPDATE interaction_tag SET tag = 'x' || char(155) || 'y';
UPDATE followup SET text = 'ping ' || char(27) || '[31m' || CAST(X'c0af' AS TEXT);
"
run() {
	echo "\$ kith $*"
	kith "$@" > out.txt
	cat out.txt
	# no control byte but newline, and nothing that is not UTF-8
	if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" out.txt; then echo "RAW CONTROL BYTE"; fi
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" out.txt; then echo "RAW C1"; fi
	if LC_ALL=C grep -q "$(printf '\342\200\256')" out.txt; then echo "RAW BIDI"; fi
	iconv -f UTF-8 -t UTF-8 out.txt >/dev/null 2>&1 || echo "INVALID UTF-8"
}
run list --sort name
run list --sort attention
run list --json
run show hostile
run show hostile --json
run timeline
run timeline --json
run timeline hostile
