# Names in CJK, with emoji, combining marks and right-to-left text keep the
# columns aligned and are cut at a cell boundary with a mark; control
# characters and escape sequences in data are drawn inert; the live filter.
kith add "山田太郎" --org "株式会社テストとても長い名前の会社" --circle close >/dev/null
kith add "Zoë 👋🏽 Park" --org "Emoji Inc" --circle inner >/dev/null
kith add "$(printf 'Jose\314\201 Mari\314\201a')" --org "Combining" --circle active >/dev/null
kith add "محمد علي" --org "Evil proC" --circle wide >/dev/null
kith add "Evil" --org "Bell" >/dev/null
kith add "A very long name that goes on and on past any column" --org "Longer Organisation Name Ltd" >/dev/null
kith log yesterday coffee with @zoe about the clear
# kith refuses control characters; another program writing the file may not
sql "$KITH_DB" "UPDATE contact SET org = 'Evil ' || char(8238) || 'proC' WHERE org = 'Evil proC'; UPDATE contact SET name = 'Evil' || char(27) || '[31mRed' || char(27) || '[0m', org = 'Bell' || char(7) || 'Corp' || char(127) WHERE name = 'Evil'; UPDATE interaction SET summary = 'the ' || char(27) || '[2J clear' || char(155) WHERE summary LIKE '%clear%';"
cat >keys <<'KEYS'
# by name: equal scores would otherwise be ordered by their random ids
keys s s s s
dump
keys G k
dump
keys g
resize 120x12
dump
keys /
type jose
dump
keys Esc /
type ZOE
keys Enter
dump
keys /
keys BTab
type 株式
dump
keys C-u
type nobody-at-all
dump
KEYS
KITH_SCRIPT=keys kith
