# Orders and marks that a small change would break: --sort balance and
# --sort recency, the uuid tie-break of equal scores, the balance marks at
# exactly one third, and the timeline's default limit of 50.
kith add "Gil Gave" --circle active >/dev/null
kith add "Gus Got" --circle active >/dev/null
kith add "Ola Owe" --circle active >/dev/null
kith add "Nia None" --circle active >/dev/null
# a share (0.5) given today: balance 0.5/(0.5+1) = 1/3 exactly, "gave"
kith log share with @gil +gave
# and one received: -1/3, "got" (not "owe": R-G is 0.5)
kith log share with @gus +got
# a lead received: balance -4/5, and R-G = 4, "owe"
kith log lead from @ola +got
echo "--- sort balance: most owed first"
kith list --sort balance
echo "--- recency: longest overdue first"
kith add "Rae Week" --circle inner >/dev/null
kith add "Ray Month" --circle inner >/dev/null
kith add "Ron Day" --circle inner >/dev/null
kith log 2026-11-13 call @rae
kith log 2026-10-20 call @ray
kith log yesterday call @ron
kith list --sort recency --circle inner
kith list --sort recency --circle inner --json | grep -E '"(name|recency)"'
echo "--- equal scores: ordered by id under every sort"
rm -f "$KITH_DB"
for n in Tie1 Tie2 Tie3 Tie4 Tie5 Tie6; do kith add "$n" --circle wide >/dev/null; done
for s in attention warmth recency balance; do
	ids=$(kith list --sort $s --json | sed -n 's/^    "id": "\(.*\)",$/\1/p')
	[ "$(echo "$ids" | wc -l)" -eq 6 ] || echo "sort $s: expected 6 ids"
	if [ "$ids" = "$(echo "$ids" | LC_ALL=C sort)" ]; then echo "sort $s: by id"; else echo "sort $s: NOT by id"; fi
done
echo "--- timeline: 50 by default, --limit 0 for all"
rm -f "$KITH_DB"
kith add "Tim Line" >/dev/null
i=1
while [ $i -le 53 ]; do
	kith log "2026-09-$(printf %02d $(( (i % 26) + 1 ))) $((8 + i / 26)):00 message @tim number $i" >/dev/null
	i=$((i + 1))
done
kith timeline --json | grep -c '"at"'
kith timeline --limit 0 --json | grep -c '"at"'
kith timeline --limit 3
kith timeline | wc -l
kith timeline --limit 0 | wc -l
