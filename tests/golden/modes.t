# doctor flags the journal's mode only when someone else can read it: the
# file's read bit for them and the directory's search bit for them, both;
# and it says what to run.
mkdir j
kith --db j/kith.db add "Ana Souza" >/dev/null
chmod 755 j
kith --db j/kith.db doctor | grep '^modes'
chmod 644 j/kith.db
kith --db j/kith.db doctor | grep -E '^modes|exit'
kith --db j/kith.db doctor --json | grep -E 'mode|exit'
chmod 700 j
kith --db j/kith.db doctor | grep '^modes'
chmod 640 j/kith.db
chmod 750 j
kith --db j/kith.db doctor | grep -E '^modes|exit'
chmod 704 j/kith.db
chmod 701 j
kith --db j/kith.db doctor | grep -E '^modes|exit'
chmod 600 j/kith.db
kith --db j/kith.db doctor --json | grep -E 'mode|exit'
