# Follow-ups and snoozing.
kith add "Ana Souza" --org Acme --circle inner
kith add "Bruno Lima" --circle close
kith followup ana 3d send the slides from the meetup
kith followup ana 2026-11-01 thank her for the intro
kith followup bruno fri ask about the data team opening
kith followup bruno 2026-02-30 never
kith followup bruno someday never
kith followup nobody 3d text
kith show ana
kith show ana --json
kith snooze bruno
kith snooze bruno 2026-12-24
kith list --sort name
kith snooze bruno none
kith done zz
kith done 00000000
kith followup ana.souza 3d "$(printf 'bad\033[2Jtext')"
