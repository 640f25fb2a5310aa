# Several kith log processes and readers at once: nothing lost, no lock error.
kith add "Ana Souza" >/dev/null
kith add "Bruno Lima" >/dev/null
(for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do kith log coffee with @ana round $i | grep -v "^logged"; done) &
(for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do kith log call with @bruno round $i | grep -v "^logged"; done) &
(for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do kith list | grep -c "Souza" | grep -v "^1$"; done) &
(for i in 1 2 3 4 5 6 7 8 9 10; do kith followup ana.souza 1w "note $i" | grep -v "^follow-up"; done) &
wait
kith doctor --json | grep -E '"(interactions|followups_open|integrity)"'
kith timeline ana --limit 0 --json | grep -c '"kind": "meeting"'
kith timeline bruno --limit 0 --json | grep -c '"kind": "call"'
kith doctor --rescore | tail -1
