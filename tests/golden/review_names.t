# kith review: the name column of a section is as wide as its widest name, at
# most 24 cells; a longer name is cut with a mark, wide characters count two.
old=2025-01-01T10:00
kith --now $old add "Bo" --circle inner >/dev/null
kith --now $old add "Maximiliana Wolfeschlegelsteinhausen" --circle inner >/dev/null
kith --now $old add "陳大文 Chan Tai Man" --circle inner >/dev/null
kith log 2026-11-02 coffee with @bo >/dev/null
kith log 2026-11-03 coffee with @maximiliana >/dev/null
kith log 2026-11-04 coffee with @chan >/dev/null
kith review | sed -n '/^Reach out/,/^$/p'
# a section of short names only: as wide as the widest of them
kith --db short.db --now $old add "Al" --circle inner >/dev/null
kith --db short.db --now $old add "Beatriz" --circle inner >/dev/null
kith --db short.db log 2026-11-02 coffee with @al >/dev/null
kith --db short.db log 2026-11-03 coffee with @beatriz >/dev/null
kith --db short.db review | sed -n '/^Reach out/,/^$/p'
