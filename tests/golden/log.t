# kith log: the capture grammar on the command line and from standard input.
kith add "Ana Souza" --org Acme --circle inner
kith add "Bruno Lima" --org Globex --circle close
kith add "Fátima Okafor" --circle active
kith add "Ana Beatriz Costa" --circle wide
kith log yesterday coffee with @ana.souza: +gave intro to @bruno '#devconf' '!1w'
kith log call with @fatima about the data team +got lead '!fri'
kith log 2w ago lunch with '@"Ana Souza"' and '@+"Carla Dias"' '#pycon' +deep
kith log lead from @fatima for the platform team +got
kith log favour @fatima helped me prepare the interview +got '!3d'
kith log 2026-11-02 14:30 email @bruno sent the article on negotiating offers +gave
kith log --dry-run --json tue kind:advice @fatima on interviewing +got '!2026-12-01'
kith log --dry-run mon meetup with @ana.souza and @bruno
kith log note @bruno prefers mornings
kith log coffee with @ana
kith log coffee with @anna
kith log coffee with nobody at all
kith log coffee @bruno +gave +got
kith log 2026-02-30 coffee @bruno
kith log coffee @bruno '!someday'
kith log '@'
kith log
printf 'yesterday coffee with @fatima\n\n# a comment line\nmon call @bruno +gave advice\n' | kith log
printf 'coffee with @fatima\nlunch with @nobody\n' | kith log
kith timeline
kith timeline bruno --json
kith show bruno
kith list
kith log coffee with '@+"Ana Souza"'
kith log drinks with '@+"Dan Li"' and '@+"Dan Li"' after the meetup
kith list --sort name
printf 'coffee with @+"Zed Zulu"\nlunch with @+"Zed Zulu"\n' | kith log --dry-run
printf 'coffee with @+"Yan Yu"\ncall with @yan.yu\n' | kith log --dry-run
kith log --dry-run --json 'lunch with @+"Xia Xu" and @xia'
kith list --sort name --json | grep -c '"name"'
printf 'call with @bruno one\ncall with @bruno t\0wo\n' | kith log
kith list --tag nosuch
kith timeline --since 2030-01-01
"$KITH_BIN" list > /dev/full 2>/dev/null; echo "list to a full disk: exit $?"
