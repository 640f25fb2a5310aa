# kith review on an empty journal, and on one where nothing is due.
kith review
kith add "Passing Name" >/dev/null
kith rm passing >/dev/null
kith review
kith review --markdown
kith review --json | head -12
kith --now 2026-10-01T10:00 add "Ana Souza" --circle inner >/dev/null
kith --now 2026-10-01T10:00 add "Bruno Lima" --circle close >/dev/null
kith --now 2026-10-01T10:00 add "Carla Dias" --circle outer >/dev/null
kith log 2026-10-02 call @bruno >/dev/null
kith log yesterday coffee with @ana and @bruno >/dev/null
kith log 2026-11-01 call @carla +mutual advice >/dev/null
kith followup ana 2026-11-30 next month >/dev/null
kith review
kith review --markdown
kith review --json
