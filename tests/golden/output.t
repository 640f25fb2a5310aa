# Output and exit: a change saved before its output failed says so (exit 3),
# help and version fail when they cannot be written, usage lines list every
# option, COLUMNS sets the table width, a non-UTF-8 locale draws in ASCII.
full() { # runs kith with its output to a full disk; its messages stay here
	"$KITH_BIN" "$@" 2>&1 >/dev/full
	echo "[exit $?]"
}
full add "Ana Souza" --org Acme --circle inner --url https://ana.example --birthday --03-14
kith list --sort name
full log coffee with @ana +gave '#devconf'
kith timeline
full edit ana --role Engineer
full followup ana 3d send the slides
full log --dry-run lunch with @ana
full list
full show ana
full doctor --rescore
# an output larger than the buffer fails while it is written, not only at the end
kith --db big.db demo --contacts 20 --interactions 300 >/dev/null
full --db big.db timeline --limit 0
full --help
full -V
full --version
full add --help
full log --help
kith --help | grep -F "kith log 'coffee"
kith log --help | head -3
kith add "Bruno Lima" --birthday 1990-05-02 --url https://bruno.example --url https://b.example
kith add "Chen Wei"
kith show bruno --json | grep -A3 -E '"(urls|birthday)"'
kith show chen --json | grep -E '"(urls|birthday)"'
# usage lines come from the option tables
kith list --bogus
kith edit
kith timeline --nope
kith --bogus
# rm counts what goes and what stays
kith log lunch with @bruno and @chen
kith log call @bruno
kith followup bruno 1w ask about the team
kith rm bruno --yes
kith rm chen --yes
kith timeline
# COLUMNS sets the width tables fit, terminal or not; a bad value is ignored
kith add "Dana Kim Albuquerque-Fonseca" --org "Umbrella Corporation of Greater Springfield"
COLUMNS=50 kith list --sort name
COLUMNS=0 kith list --sort name
COLUMNS=1 kith list --sort name
COLUMNS=abc kith list --sort name
# a locale that is not UTF-8: bars, marks and cut cells in ASCII
LC_ALL=C COLUMNS=60 kith list --sort name
LC_ALL=C kith show ana | sed -n '1p;/^  recency/p;/^  attention/p;/^  status/p'
kith show ana | sed -n '1p;/^  recency/p;/^  attention/p'
# messages too: the ellipsis of a long candidate list
for n in Ames Bell Cruz Diaz Egan Fox; do kith add "Eva $n" >/dev/null; done
LC_ALL=C kith log coffee with @eva
kith log coffee with @eva
# the man page documents every option a usage line lists
man=$(cd "$(dirname "$KITH_BIN")" && while [ ! -f doc/kith.1 ] && [ "$PWD" != / ]; do cd ..; done
	echo "$PWD/doc/kith.1")
for c in add edit rm log capture list show timeline followup done snooze backup doctor demo; do
	"$KITH_BIN" $c --help | sed -n '1,/^$/p' | grep -o -- '--[a-z-]*' | while read -r o; do
		grep -qF -- "$(printf '%s' "$o" | sed 's/-/\\-/g')" "$man" || echo "man page: $c $o missing"
	done
done
echo "man page checked"
