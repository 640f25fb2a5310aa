# Outside a UTF-8 locale (LC_ALL=C) the full-screen program draws in ASCII:
# bars, marks, arrows, cut marks and the border between panes, with text
# past ASCII shown as one ? a cell (columns stay aligned) and controls
# escaped; the capture prompt too.
kith add "Dora Fátima" --org "Café Ñandú" --circle inner --tag música >/dev/null
kith add "山田太郎" --org "株式会社テスト" --circle close >/dev/null
kith add "A very long name that goes on and on" --org "Longer Organisation Name" --circle wide >/dev/null
kith log 2026-11-01 coffee with @dora +gave intro to a café
kith log 2026-11-10 advice from @dora +got
kith log 2026-11-15 dinner with @dora @山田 +mutual
kith followup dora 1w send the article — on hiring >/dev/null
cat >keys <<'KEYS'
dump
resize 120x40
dump
keys Enter
dump
keys q c
type  lunch at the café
dump
keys Esc
resize 60x20
dump
keys q
KEYS
LC_ALL=C KITH_SCRIPT=keys kith
