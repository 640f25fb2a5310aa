# kith sync remembers what it saw: with nothing new it reads no replica file
# and does not compare its own; each kind of change is picked up: a local
# write of every kind, a replica file replaced or rewritten in place with the
# same size and time, a new replica, a removed one (forgotten), a file cut
# short (told every time), this journal's file removed or edited by hand.
mkdir dir
kith --db a.db add "Ana Souza" --email ana@example.org >/dev/null
kith --db b.db add "Bruno Lima" >/dev/null
kith --db a.db sync dir
a=$(ls dir/*.jsonl)
kith --db b.db sync dir
b=$(ls dir/*.jsonl | grep -v "$a")
kith --db a.db sync dir
echo "# nothing new: nothing read, nothing compared"
kith --db a.db --json sync dir
kith --db b.db sync dir
kith --db b.db sync dir
echo "# a local edit: the replicas read again, this journal's file written"
kith --db a.db edit ana --org Acme
kith --db a.db sync dir
kith --db b.db sync dir
kith --db a.db sync dir
echo "# a replica file replaced by the same bytes: read again"
cp "$b" copy && mv copy "$b"
kith --db a.db sync dir
kith --db a.db sync dir
echo "# rewritten in place, the same size, its time set back: read again"
touch -d '2001-02-03 04:05:06' "$b"
kith --db a.db sync dir
stat -c '%i %s %Y' "$b" >before
sleep 0.1 # a change time of its own, even on a coarse clock
sed 's/Bruno Lima/Bruno Limb/' "$b" >new
cat new >"$b"
touch -d '2001-02-03 04:05:06' "$b"
stat -c '%i %s %Y' "$b" | cmp - before && echo "same inode, size and time"
kith --db a.db sync dir
kith --db a.db list --sort name
echo "# a new replica, then removed: forgotten"
kith --db c.db add "Carla Dias" >/dev/null
kith --db c.db sync dir >/dev/null
c=$(ls dir/*.jsonl | grep -v "$a" | grep -v "$b")
kith --db a.db sync dir
rm "$c"
kith --db a.db sync dir
echo "# a file cut short: told at every sync"
head -c -3 "$b" >dir/00000000-0000-4000-8000-000000000000.jsonl
kith --db a.db sync dir
kith --db a.db sync dir
rm dir/00000000-0000-4000-8000-000000000000.jsonl
echo "# this journal's file removed: written again"
kith --db a.db sync dir >/dev/null
rm "$a"
kith --db a.db sync dir
kith --db a.db export | cmp - "$a" && echo "the file is the journal"
echo "# edited in place by hand, the same size and time: written again"
touch -d '2001-02-03 04:05:06' "$a"
kith --db a.db sync dir
sleep 0.1
sed 's/Ana Souza/Ana Souzb/' "$a" >new
cat new >"$a"
touch -d '2001-02-03 04:05:06' "$a"
kith --db a.db sync dir
kith --db a.db export | cmp - "$a" && echo "the file is the journal"
kith --db a.db sync dir
echo "# every kind of write is picked up"
kith --db c.db add "Gil Sol" >/dev/null
kith --db c.db export -o c.jsonl
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dora Reis\r\nEND:VCARD\r\n' >dora.vcf
for w in "log 'coffee with @ana !1w'" "add 'Eva Mar'" "edit eva --org Beta" \
	"import dora.vcf" "snooze eva 2w" "merge ana dora" "rm eva" "followup ana 3d call" \
	"import c.jsonl"; do
	eval "kith --db a.db $w" >/dev/null
	printf '%s: ' "$w"
	kith --db a.db sync dir
	kith --db a.db export | cmp - "$a" || echo "$w: the file is not the journal"
done
f=$(kith --db a.db export | grep '"type":"followup"' | grep -o '"id":"[0-9a-f-]*"' | head -n 1 | cut -d'"' -f4)
kith --db a.db done "$f" >/dev/null
printf 'done: '
kith --db a.db sync dir
echo "# a write that changes nothing: nothing compared"
kith --db a.db import c.jsonl
kith --db a.db sync dir
