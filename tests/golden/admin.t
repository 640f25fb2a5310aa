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
