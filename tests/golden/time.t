# Times and dates: the T form and seconds in WHEN and --since, words that only
# look like a date, a time or a due date, the year range, snoozes that are
# over, blank follow-ups, logs in the future, and the plurals of messages.
kith add "Ana Souza" --circle inner --every 1
kith add "Bruno Lima" --circle close
kith log 2026-11-19T09:00 coffee with @ana
kith log 2026-11-18 09:00:30 call with @bruno +deep
kith log --json --dry-run 2026-11-17T08:15:45 lunch with @ana | grep '"at"'
kith timeline --since 2026-11-18T09:00
kith timeline --since '2026-11-18 09:00:31'
kith log 9:5 coffee with @ana
kith log yesterday 25:00 coffee with @ana
kith log 10:30am coffee with @ana
kith log 2026-13-01 coffee with @ana
kith log 2026-02-30 coffee with @ana
kith log 1899-12-31 coffee with @ana
kith log 2026-11-19T9:5 coffee with @ana
kith log coffee with @ana '!-1d'
kith log coffee with @ana '!3x'
kith log coffee with @ana '!1850-01-01'
kith log the 3:1 ratio with @ana --dry-run
kith timeline --since 1899-12-31
kith --now 0999-01-01T00:00 list
kith log 2026-11-25 10:00 dinner with @bruno
kith log today 18:00 drinks with @bruno
kith show bruno
kith show ana
kith snooze ana today
kith snooze ana 2026-11-01
kith snooze ana 0d
kith --now 2026-11-20T00:00 snooze ana today
kith snooze ana none
kith snooze ana tomorrow
kith list --json | grep snoozed_until
kith --now 2026-11-21T00:00 list --json | grep snoozed_until
kith --now 2026-11-21T00:00 show ana --json | grep snoozed_until
kith --now 2026-11-21T00:00 list
kith --now 2026-11-21T00:00 show ana | grep -c snoozed
kith followup ana 1d '   '
kith followup ana 1d ' ' ' '
kith followup ana 1d ''
kith followup ana 1d ' call back '
kith demo --contacts 1 --interactions 1 --seed 1 --db demo.db
kith demo --contacts 2 --interactions 0 --seed 1 --db demo.db --force
yes '# a comment' | head -c 1048576 | kith log
yes 'coffee with @ana' | head -c 1048577 | kith log
