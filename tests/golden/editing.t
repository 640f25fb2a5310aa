# Editing: removals that must match, clearing fields, tags and e-mails
# without case, repeated list filters, and one check for control characters.
kith add "Ana Souza" --org Acme --circle inner --email Ana@Acme.example --tag Family \
	--url https://ana.example --birthday 1990-02-03 --met "PyCon" --note "likes tea" >/dev/null
kith add "Bruno Lima" --circle close --tag work --tag WORK >/dev/null
kith add "Chen Wei" --circle wide --tag Climbing >/dev/null
kith add "Dana Kim" --circle outer >/dev/null
kith show ana | head -9
kith show ana | grep warmth
kith edit ana
kith edit ana --email ana@ACME.example --tag FAMILY --tag family
kith show ana | sed -n 4,5p
kith edit ana --rm-email nobody@acme.example --org Nowhere
kith edit ana --untag work
kith edit ana --rm-url https://other.example
kith edit ana --rm-phone "+1 555"
kith show ana | head -2
kith edit ana --rm-email ANA@acme.EXAMPLE --untag fAmIlY --rm-url https://ana.example \
	--birthday none --met "" --note ""
kith show ana | head -6
kith show ana | grep warmth
kith edit ana --birthday 1990-02-30
kith edit ana --birthday 1850-02-03
kith edit ana --birthday 0999-02-03
kith list --tag work --sort name
kith list --tag WORK --tag climbing --sort name
kith list --tag "#climbing" --tag nope --sort name
kith list --circle inner --circle wide --sort name
kith list --circle inner --circle outer --tag work --sort name
kith list --circle inner --circle middle
kith add "$(printf 'Eve\342\200\256')"
kith add "Eve" --org "$(printf 'Evil \302\2331m')"
kith edit bruno --role "$(printf 'a\342\201\246b')"
kith edit bruno --note "$(printf 'tab\there\nand a line')" >/dev/null
kith edit bruno --note "$(printf 'bell\007')"
kith edit bruno --tag "$(printf 'x\302\205')"
kith log "$(printf 'coffee with @bruno \342\200\256')"
kith followup bruno 3d "$(printf 'call \342\200\256 back')"
