# Adding, editing, showing and removing people.
ana=$(kith add "Ana Souza" --org Acme --role "Staff Engineer" --email ana@acme.example \
	--phone "+55 11 91234-5678" --circle inner --kind strategic --tag mentor --tag devconf \
	--met "PyCon 2025 hallway track" --note "Knows everyone in data engineering")
kith add "Bruno Lima" --org Globex --circle close
kith add "Chen Wei" --org "Initech" --circle wide --every 90
kith add "Dana Kim" --circle outer
kith add "Ana Beatriz Costa" --org Umbrella
kith list --sort name
kith list --circle inner --json
kith list --tag mentor --sort name
kith list --limit 2 --sort name
kith show "$ana"
kith show ana.souza
kith show "@\"Ana Souza\""
kith show ana
kith show zed
kith edit "Bruno" --role "Hiring Manager" --tag recruiter --email bruno@globex.example
kith edit bruno --untag recruiter --every none
kith show bruno --json
kith edit chen --email "not an email"
kith rm dana
kith rm dana
kith list --sort name
kith list --tag "#mentor" --sort name
