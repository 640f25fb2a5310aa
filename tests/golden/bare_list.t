# `kith` with its output not a terminal prints the ranked list and takes the
# options of list with no command name; they are list's only before a command
# that is list.
kith add "Ana Souza" --circle inner --org Acme >/dev/null
kith add "Bruno Lima" --circle close >/dev/null
kith add "Chen Wei" --circle wide >/dev/null
kith add "Dora Fátima" --circle inner >/dev/null
kith log 2026-11-01 coffee with @ana
kith log 2026-06-01 call with @bruno
kith
kith -n 2
kith --limit 3
kith --limit=1 --sort name
kith --sort name -n 2
kith --circle inner
kith --circle inner --circle close --sort recency
kith --json -n 1 | grep '"name"'
kith -n 2 --json | grep -c '"id"'
kith -n 2 list
kith --limit 2 timeline
kith -n
kith -n x
kith --sort bogus
kith --bogus
