# The demo network: deterministic for a seed and a pinned clock.
kith demo --contacts 60 --interactions 600 --seed 7
kith demo --contacts 10
kith list --limit 8
kith doctor --rescore
kith demo --contacts 0
# some meetings and calls carry a service
kith demo --contacts 60 --interactions 600 --seed 7 --db carried.db >/dev/null
kith --db carried.db timeline --limit 600 | grep -E '^[0-9-]+ [0-9:]+  (meeting|call)\*? · ' | head -6
