# kith review: the limits of each section and the order of ties.
old=2025-01-01T10:00
for i in 1 2 3 4 5 6 7 8 9; do
	kith --now $old add "Due $i" --circle inner >/dev/null
	kith log 2026-11-$(printf %02d $((13 - i))) coffee with "@\"Due $i\"" >/dev/null
done
for i in 1 2 3 4 5 6; do
	kith --now $old add "Owe $i" --circle active >/dev/null
	kith log 2026-10-$(printf %02d $((10 + 3 * i))) referral "@\"Owe $i\"" +got >/dev/null
done
for i in 1 2 3 4 5 6 7 8 9; do
	kith --now $old add "Cold $i" --circle close >/dev/null
	kith log 2026-09-$(printf %02d $((20 - i))) call "@\"Cold $i\"" >/dev/null
done
kith review
kith review --json | sed -n '/"more"/,/}/p'
# ties: equal attention and importance go to the longer silence, then the uuid
kith --db ties.db --now 2026-11-06T10:00 add "Short Silence" --circle inner >/dev/null
kith --db ties.db --now 2026-10-23T10:00 add "Long Silence" --circle inner --every 14 >/dev/null
kith --db ties.db --now 2026-10-31T10:00 add "Twin Zed" --circle inner --every 10 >/dev/null
kith --db ties.db --now 2026-10-31T10:00 add "Twin Abe" --circle inner --every 10 >/dev/null
sql ties.db "UPDATE contact SET uuid = '00000000-0000-4000-8000-000000000001' WHERE name = 'Twin Zed'"
sql ties.db "UPDATE contact SET uuid = 'ffffffff-0000-4000-8000-000000000001' WHERE name = 'Twin Abe'"
kith --db ties.db review | sed -n '/^Reach out/,/^$/p'
kith --db ties.db review --json | grep '"attention"\|"days_since"' | head -8
