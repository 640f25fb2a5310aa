# kith sync: two journals kept equal through one folder, synced in either
# order: edits of the same contact on both sides (the newer wins), an
# interaction logged on each, a contact removed on one and edited on the
# other (the removal wins), and a replica file cut short (skipped whole).
mkdir dir
kith --db a.db add "Ana Souza" --org Acme --email ana@example.org --tag friend
kith --db a.db add "Bruno Lima"
kith --db a.db add "Carla Dias"
kith --db a.db log "coffee with @ana #devconf !1w"
kith --db a.db sync dir
kith --db b.db sync dir
kith --db b.db --now 2026-11-20T11:00 edit ana --org Beta
kith --db a.db --now 2026-11-20T10:30 edit ana --org Alpha --role CTO
kith --db a.db --now 2026-11-20T10:40 log "call @bruno +got advice"
kith --db b.db --now 2026-11-20T10:50 log "lunch with @ana and @bruno"
kith --db a.db --now 2026-11-20T10:45 rm carla
kith --db b.db --now 2026-11-20T12:00 edit carla --org Later
# b first, then a, then b
kith --db b.db --json sync dir
kith --db a.db --json sync dir
kith --db b.db --json sync dir
kith --db a.db export -o a.jsonl
kith --db b.db export -o b.jsonl
cmp a.jsonl b.jsonl && echo "a and b are equal"
kith --db a.db --now 2026-11-20T13:00 list
kith --db b.db timeline
grep -c '"type":"tombstone"' a.jsonl
# as often as wanted: nothing changes
kith --db a.db sync dir
kith --db b.db sync dir
kith --db a.db export | cmp - a.jsonl && echo "a unchanged"
# a file half-written by the sync tool is skipped whole, the others are read
ls dir | wc -l
head -c -30 a.jsonl > dir/00000000-0000-4000-8000-000000000000.jsonl
printf '{"type":"kith","version":1}\n{"type":"contact","id":"00000000-0000-4000-8000-00000000000' \
	> dir/00000000-0000-4000-8000-000000000001.jsonl
kith --db a.db add "Dora Reis" --now 2026-11-20T13:00
kith --db a.db sync dir
kith --db b.db sync dir
kith --db b.db list --sort name
ls dir | grep -c tmp
# not a folder
kith --db a.db sync nowhere
kith --db a.db sync a.jsonl
