# The demo network: deterministic for a seed and a pinned clock.
kith demo --contacts 60 --interactions 600 --seed 7
kith demo --contacts 10
kith list --limit 8
kith doctor --rescore
kith demo --contacts 0
