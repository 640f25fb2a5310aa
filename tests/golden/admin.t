# doctor, backup, a file that is not a journal, and a damaged one.
kith add "Ana Souza" --circle inner
kith doctor
kith doctor --json
kith doctor --rescore
kith backup copy.db
kith --db copy.db list --sort name
printf 'this is a text file, not a journal\n' > notes.txt
cp notes.txt notes.orig
kith --db notes.txt list
cmp notes.txt notes.orig && echo "notes.txt unchanged"
kith --db notes.txt/sub/kith.db list
# A really damaged journal: a kith journal with its fourth page overwritten.
# Every command refuses it with a clear message and leaves it byte for byte.
kith --db damaged.db demo --contacts 40 --interactions 300 --seed 3
head -c 4096 /dev/zero | tr '\0' 'Z' > page.bin
dd if=page.bin of=damaged.db bs=4096 seek=3 conv=notrunc 2>/dev/null
cp damaged.db damaged.orig
# (what SQLite names as the fault varies with its version)
damaged() { kith --db damaged.db "$@" | sed 's/is damaged: .*; restore/is damaged: ...; restore/'; }
damaged list
damaged show anyone
damaged timeline
damaged doctor
damaged add "New Person"
damaged log call with @anyone
damaged backup damaged-copy.db
cmp damaged.db damaged.orig && echo "damaged.db unchanged"
[ -e damaged-copy.db ] && echo "a copy of a damaged journal was made"
