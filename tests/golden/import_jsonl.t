# kith import of another journal's JSON Lines export: merged by uuid (newer
# updated_at wins, tombstones delete, a deleted record never comes back),
# nothing doubled, one transaction, idempotent; a bad or cut file imports
# nothing and names its line.
kith --db a.db add "Ana Souza" --org Acme --email ana@example.org --tag friend
kith --db a.db add "Bruno Lima" --every 14
kith --db a.db log "coffee with @ana and @bruno: +gave intro #devconf !1w"
kith --db a.db export -o a.jsonl
kith --db b.db import --dry-run a.jsonl
kith --db b.db list
kith --db b.db --json import a.jsonl
kith --db b.db --json import a.jsonl
kith --db b.db export | cmp - a.jsonl && echo "b is a copy of a"
# b's own contact with the same name is another person: not matched by name
kith --db c.db add "Ana Souza" --org Acme --email ana@example.org
kith --db c.db import a.jsonl
kith --db c.db list --sort name
# newer edits win, older ones do not; a removal applies
kith --db a.db --now 2026-11-20T11:00 edit ana --role CTO
kith --db b.db --now 2026-11-20T12:00 edit bruno --org Later
kith --db a.db --now 2026-11-20T11:30 edit bruno --org Earlier
kith --db a.db --now 2026-11-20T11:45 rm ana
kith --db a.db export -o a2.jsonl
kith --db b.db import a2.jsonl
kith --db b.db --now 2026-11-20T13:00 list
kith --db b.db timeline
kith --db b.db import a.jsonl
kith --db b.db --now 2026-11-20T13:00 list
# a file with a bad line, or cut short, imports nothing
sed '3s/"name"/"nom"/' a.jsonl > bad.jsonl
kith --db d.db import bad.jsonl
head -c -1 a.jsonl > cut.jsonl
kith --db d.db import cut.jsonl
printf '{"type":"kith","version":9}\n' > newer.jsonl
kith --db d.db import newer.jsonl
kith --db d.db import --format jsonl --tag imported a.jsonl
kith --db d.db import --format jsonl a.jsonl
kith --db d.db list --sort name
