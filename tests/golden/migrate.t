# A journal of schema 1 (tests/fixtures/v1_journal.sql, made by kith of that
# schema) is backed up and migrated to schema 2 at its first open, its scores
# rebuilt: they are the scores kith of schema 1 gave it, and its timeline is
# as it was but for "service" (each service kind its own; nothing else
# carries one).
fx="$here/fixtures"
: >kith.db
sql kith.db "$(cat "$fx/v1_journal.sql")"
kith list --json >list.json
if cmp -s list.json "$fx/v1_journal.list.json"; then echo "list --json: the scores of schema 1"; else diff "$fx/v1_journal.list.json" list.json; fi
kith timeline --json >timeline.json
grep '"service": ' timeline.json | sort | uniq -c
grep -v '"service": ' timeline.json >timeline.v1.json
if cmp -s timeline.v1.json "$fx/v1_journal.timeline.json"; then echo "timeline --json: as in schema 1 but for service"; else diff "$fx/v1_journal.timeline.json" timeline.v1.json; fi
kith doctor | sed -n 2p
ls
# the backup is the old journal: migrated in its turn, the same scores
cp kith.db.bak-v1 again.db
kith --db again.db list --json | cmp -s - "$fx/v1_journal.list.json" && echo "backup: the journal of schema 1"
# a meeting that carries a service, logged in the migrated journal
kith log 'coffee with @ana: +gave intro to @bruno'
kith timeline ana --limit 1 --json
kith list
