# Only a command that commits makes a journal; what is not a regular file is
# refused before it is opened; an empty file is no journal to read and a new
# one to write, made private.
# mode FILE: its permissions as ls shows them (portable, unlike stat -c)
mode() { ls -ld "$1" | cut -c1-10; }
mkdir w
kith --db w/new/kith.db log --dry-run 'coffee with @+"Ana Souza"'
kith --db w/new/kith.db log coffee with @nobody
kith --db w/new/kith.db rm nobody --yes
kith --db w/new/kith.db edit nobody --org X
kith --db w/new/kith.db snooze nobody
kith --db w/new/kith.db done abcdef
kith --db w/new/kith.db followup nobody 1w call
echo "left behind: $(ls -A w)"
kith --db w/new/kith.db log 'coffee with @+"Ana Souza"'
echo "now: $(ls -A w/new) $(mode w/new/kith.db) $(mode w/new)"
kith --db w/new/kith.db list --sort name
# a failing write on a journal that exists changes nothing beside it
kith --db w/new/kith.db edit nobody --org X
echo "beside: $(ls -A w/new)"
# a FIFO, a device and a directory get the same refusal, at once
# (a kith that opened the FIFO would wait for a writer: give up after 10 s)
mkfifo fifo
(
	if command -v timeout >/dev/null 2>&1; then KITH_WRAP="timeout 10 ${KITH_WRAP:-}"; fi
	kith --db fifo list
	kith --db fifo add "Bruno Lima"
)
kith --db /dev/null add "Bruno Lima"
mkdir dir
kith --db dir add "Bruno Lima"
# an empty file: no journal to read; a write adopts it, 0600
: > empty.db
chmod 644 empty.db
kith --db empty.db list
kith --db empty.db show ana
kith --db empty.db log --dry-run 'call with @+"Bruno Lima"'
kith --db empty.db rm nobody --yes
echo "still: $(wc -c < empty.db | tr -d ' ') $(mode empty.db) $(ls -A | grep -c 'empty.db.')"
kith --db empty.db add "Bruno Lima" >/dev/null
echo "adopted: $(mode empty.db)"
kith --db empty.db list --sort name
