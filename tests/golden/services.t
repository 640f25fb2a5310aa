# Services carried by meetings (DESIGN.md §4, §5): a coffee that carries an
# intro counts once for warmth with the larger weight, and its intro in the
# balance; a line with only a service word is that service; kind: forces the
# kind; a note carries nothing.
kith add "Ana Souza" --org Acme --circle close >/dev/null
kith add "Bruno Lima" --circle close >/dev/null
kith add "Fátima Okafor" --circle close >/dev/null
kith add "Dan Li" --circle close >/dev/null
kith log --dry-run yesterday coffee with @ana: +gave intro to @bruno '#devconf' '!1w'
kith log --dry-run --json yesterday coffee with @ana: +gave intro to @bruno '#devconf'
kith log yesterday coffee with @ana: +gave intro to @bruno '#devconf'
kith log 2d ago intro @bruno to @fatima +gave
kith log 3d ago call with @fatima, she had a job lead for me +got +deep
kith log 4d ago kind:message coffee voucher as a gift for @dan
kith log 4d ago kind:gift coffee with @dan
kith log 5d ago note @dan referred a friend to me
kith timeline
kith timeline --json --limit 2
kith show fatima
kith show dan --json | sed -n '/"interactions"/,$p'
kith list
# warmth counts the coffee once, with the larger weight: 3, as for a coffee
# alone; the balance counts its intro (3, gave)
kith list --json --sort name | grep -E '"name"|"warmth"|"balance"|"owed"'
