# kith review: every section on one journal, now Friday 2026-11-20 10:00.
old=2025-06-01T10:00
kith --now $old add "Ana Souza" --circle inner --birthday 1986-11-26 >/dev/null
kith --now $old add "Bruno Lima" --circle close --birthday --11-21 >/dev/null
kith --now 2022-01-10T10:00 add "Carla Dias" --circle close >/dev/null
kith --now 2021-06-01T10:00 add "Dario Rossi" --circle wide --birthday 1970-11-22 >/dev/null
kith --now 2021-06-01T10:00 add "Elif Kaya" --circle close >/dev/null
kith --now $old add "Fatima Okafor" --circle close >/dev/null
kith --now 2026-11-16T09:00 add "George Obi" --circle active >/dev/null
kith --now 2026-11-10T09:00 add "Hana Sato" --circle active >/dev/null
kith --now $old add "Ivo Petrov" --circle active >/dev/null
kith --now $old add "Jon Berg" --circle outer >/dev/null
# Ana: three weeks since coffee with an inner-circle friend (cold)
kith log 2026-10-30 coffee with @ana >/dev/null
# Bruno: a coffee that carried an intro he made for you
kith log 2026-11-06 coffee with @bruno: +got intro >/dev/null
# Carla: dormant, once helped; Dario: dormant, once close; Elif: dormant, neither
kith log 2023-01-10 favour @carla +gave helped her move >/dev/null
kith log 2022-03-01 dinner with @dario +deep >/dev/null
kith log 2022-03-02 lunch with @dario +deep >/dev/null
kith log 2023-02-01 message @elif >/dev/null
# Fatima: cold but snoozed
kith log 2026-09-01 call with @fatima >/dev/null
kith snooze fatima 2026-12-01 >/dev/null
# George met at a meetup this week; Hana met at a fair, with a follow-up
kith log 2026-11-16 met @george at the meetup '#devconf' >/dev/null
kith log 2026-11-10 fair @hana >/dev/null
kith followup hana 2026-11-18 send the slides >/dev/null
kith followup ana 2026-11-22 book the dinner >/dev/null
kith followup bruno 2026-11-25 next week, not this one >/dev/null
# Ivo: a lunch this week that carried a job lead you gave
kith log 2026-11-17 lunch with @ivo: +gave lead >/dev/null
kith log 2026-11-18 note @ivo likes mornings >/dev/null
# the reconnect turn follows the uuid order: make it known
sql kith.db "UPDATE contact SET uuid = '00000000-0000-4000-8000-00000000000c' WHERE name = 'Carla Dias'"
sql kith.db "UPDATE contact SET uuid = '00000000-0000-4000-8000-00000000000d' WHERE name = 'Dario Rossi'"
kith review
kith review --markdown
kith review --json
kith review --markdown --json
# the next week, Monday 00:00: the week turns, reconnect takes its next turn
kith --now 2026-11-23T00:00 review
kith --now 2026-11-22T23:59 review | sed -n '/^Reconnect/,/^$/p'
kith --now 2026-11-30T10:00 review | sed -n '/^Reconnect/,/^$/p'
