# kith query: mutt's query_command and aerc's address-book-cmd. A line of
# text, then email<TAB>name<TAB>org per address, best first (the name, then
# the e-mail, then the organisation), accents and case ignored; exit 1 when
# nothing matches; untrusted text escaped.
kith query ana
kith add "Ana Souza" --org "Acme" --email ana@acme.example --email ana.souza@home.example
kith add "Anaïs Martin" --org "Zeta" --email anais@zeta.example
kith add "Bruno Lima" --org "Anatomy Lab" --email bruno@lab.example
kith add "Carla Dias" --email carla.dias@banana.example
kith add "Dora Reis" --org "Analytics"
kith query ana
kith query ANAIS
kith query "souza ana"
kith query bruno@
kith query zeta
kith query nobody
kith query --no-header lab
sql kith.db "UPDATE contact SET name = 'Evil' || char(27) || '[31m' || char(9) || 'Tab', name_folded = 'evil tab' WHERE name = 'Carla Dias'"
sql kith.db "UPDATE contact_field SET value = 'x' || char(10) || 'y@z' WHERE value LIKE 'carla%'"
kith query evil | cat -A
kith query ""
