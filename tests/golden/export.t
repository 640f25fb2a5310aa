# kith export: JSON Lines of everything, iCalendar to-dos of the follow-ups
# (stable UIDs, done ones COMPLETED), the formats chosen by -o's name, and
# usage errors that list the formats there are.
kith export
kith add "Ana Souza" --org "Acme, Inc." --email ana@example.org --tag friend --every 30
kith log "coffee with @ana: +gave intro #devconf !1w"
kith followup ana 3d "send the deck; and the notes, \\ all of them, in one mail that is long enough to be folded"
# records come in uuid order, random here: sorted for the test
kith export | sed -E -e 's/"(created|updated)_at":[0-9]+/"\1_at":T/g' -e 's/[0-9a-f-]{36}/ID/g' | sort
kith export --format ics > one.ics
kith export -o two.ics
cmp one.ics two.ics && echo "the same calendar twice"
kith done "$(grep -m1 '^UID:' one.ics | cut -c5-12)"
kith export -o three.ics
grep -c '^UID:' three.ics
diff one.ics three.ics | tr -d '\r'
# every line of the calendar ends in CRLF, none is over 75 octets
awk '{ if (length($0) > 76 || substr($0, length($0)) != "\r") bad++ } END { print bad + 0 }' three.ics
# -o picks the format by its ending; anything else needs --format
kith export -o all.jsonl
head -c 28 all.jsonl
kith export -o notes.txt
kith export --format mbox
kith export --format jsonl -o .
ls
