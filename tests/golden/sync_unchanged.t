# kith sync leaves this journal's own file alone when it already holds the
# journal: the same file (inode) with the same time, no temporary file; after
# a change, or when the file is not what the journal would write, it is
# written again (a new file renamed over the old one).
mkdir dir
kith --db a.db add "Ana Souza" --org Acme
kith --db a.db log "coffee with @ana #devconf"
kith --db a.db sync dir
f=$(ls dir/*.jsonl)
# an old time, so that a rewrite in the same second would show
touch -d '2001-02-03 04:05:06' "$f"
stat -c '%i %Y %s' "$f" >before
kith --db a.db sync dir
kith --db a.db --json sync dir
stat -c '%i %Y %s' "$f" | cmp - before && echo "untouched: same file, same time"
ls -a dir | grep -c tmp
# a change: written again, whole
kith --db a.db add "Bruno Lima"
kith --db a.db sync dir
stat -c '%i %Y' "$f" | cmp -s - before || echo "rewritten"
kith --db a.db export | cmp - "$f" && echo "the file is the journal"
# the same length but other bytes, a byte more, a byte less: written again
for change in same-length longer shorter; do
	touch -d '2001-02-03 04:05:06' "$f"
	stat -c '%i %Y' "$f" >before
	case $change in
	same-length) sed -i 's/Ana Souza/Ana Souzb/' "$f" ;;
	longer) printf 'x' >>"$f" ;;
	shorter) head -c -1 "$f" >cut && cat cut >"$f" ;;
	esac
	kith --db a.db sync dir
	stat -c '%i %Y' "$f" | cmp -s - before || echo "$change: rewritten"
	kith --db a.db export | cmp - "$f" && echo "$change: the file is the journal"
done
# gone: written again
rm "$f"
kith --db a.db sync dir
kith --db a.db export | cmp - "$f" && echo "the file is back"
ls -a dir | grep -c tmp
