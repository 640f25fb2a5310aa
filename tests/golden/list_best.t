# kith list --limit N by attention reads only the circles and the rows that
# could hold the N best; whatever it leaves unread, it prints the first N rows
# of the whole list, here from every circle: the most owed contacts of the
# outer circles, contacts with interactions planned after now, ties.
for n in Ivy Ian Ida; do kith add "$n Inner" --circle inner >/dev/null; done
for n in Cal Cy; do kith add "$n Close" --circle close >/dev/null; done
for n in Ada Abe; do kith add "$n Active" --circle active >/dev/null; done
for n in Wes Wil; do kith add "$n Wide" --circle wide >/dev/null; done
for n in Otto Olga Omar; do kith add "$n Outer" --circle outer >/dev/null; done
kith log 2026-09-01 coffee with @ivy >/dev/null
kith log 2026-11-10 call @ian >/dev/null
kith log 2026-08-01 call @ida >/dev/null
kith log 2026-10-01 coffee @cal >/dev/null
kith log 2026-11-18 message @cy >/dev/null
kith log 2026-06-01 call @ada >/dev/null
# owed: leads, referrals and favours received, none given back
kith log 2026-11-01 lead from @otto +got >/dev/null
kith log 2026-11-02 referral from @otto +got >/dev/null
kith log 2026-11-03 favor from @otto +got >/dev/null
kith log 2026-11-04 lead from @wes +got >/dev/null
kith log 2026-11-05 favor from @wes +got >/dev/null
kith log 2026-10-05 lead from @abe +got >/dev/null
kith log 2026-10-06 lead to @abe +gave >/dev/null
# a lead received, then one given back next week: scored from the events up to now
kith log 2026-11-06 lead from @olga +got >/dev/null
kith log 2026-11-27 lead to @olga +gave >/dev/null
kith log 2026-11-25 call @ida >/dev/null
kith list
# names and scores, in order: the columns of a table depend on its rows
best() { grep -E '"(name|attention)"'; }
n=1
while [ $n -le 14 ]; do
	kith list --json | best | head -n $((2 * n)) > want.txt
	kith list --limit $n --json | best > got.txt
	cmp -s want.txt got.txt || { echo "--limit $n: not the first $n"; diff want.txt got.txt; }
	kith list --circle outer --circle wide --json | best | head -n $((2 * n)) > want.txt
	kith list --limit $n --circle outer --circle wide --json | best > got.txt
	cmp -s want.txt got.txt || { echo "--limit $n, outer and wide: not the first $n"; diff want.txt got.txt; }
	n=$((n + 1))
done
echo "--limit 1 to 14: the first rows of the whole list"
kith list --limit 4
