# kith export FILE|DIR: the path said without -o, as `kith export --format
# vdir DIR` reads: a vdir written, then again with nothing rewritten, a
# removed contact's card gone, the folder imported back by UID; a file by
# its ending; the path given twice is a usage error.
kith add "Ana Souza" --email ana@example.org >/dev/null
kith add "Bruno Lima" --org Acme >/dev/null
kith export --format vdir cards
ls cards | wc -l
ls -i cards >before
kith export --format vdir cards
ls -i cards | cmp -s before - && echo "nothing rewritten"
kith rm bruno
kith export --format vdir cards
ls cards | wc -l
kith --db two.db import cards
kith --db two.db import cards
kith export all.jsonl
head -c 27 all.jsonl; echo
kith export --format vdir cards -o other
kith export --format vdir
