# Only a command that commits makes a journal; what is not a regular file is
# refused before it is opened; an empty file is no journal to read and a new
# one to write, made private.
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
echo "now: $(ls -A w/new) $(stat -c %a w/new/kith.db) $(stat -c %a w/new)"
kith --db w/new/kith.db list --sort name
# a failing write on a journal that exists changes nothing beside it
kith --db w/new/kith.db edit nobody --org X
echo "beside: $(ls -A w/new)"
# a FIFO, a device and a directory get the same refusal, at once
# (a kith that opened the FIFO would wait for a writer: give up after 10 s)
mkfifo fifo
(
	KITH_WRAP="timeout 10 ${KITH_WRAP:-}"
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
echo "still: $(stat -c '%s %a' empty.db) $(ls -A | grep -c 'empty.db.')"
kith --db empty.db add "Bruno Lima" >/dev/null
echo "adopted: $(stat -c %a empty.db)"
kith --db empty.db list --sort name
