#!/bin/sh
# bench.sh: the performance budgets of DESIGN.md §10, measured and printed beside
# abook, taskwarrior and khard, measured in the same run. The peers (and jq, which
# writes abook's address book) are installed first when missing (scripts/deps.sh
# --bench); one that cannot be is named, and its figures say "not measured".
# Usage: sh bench/bench.sh KITH BENCHTOOL    (make bench builds both)
# Data is made once and kept under build/bench/: seeded demo journals (1k contacts /
# 10k interactions, 10k / 100k and 100k / 1M), a taskwarrior database of 10k tasks, a 10k vCard
# file and a khard vdir of the same people, and an abook address book of the 10k
# journal's own contacts (from `kith list --json`), for the first frames.
# Timings use hyperfine when present (--warmup 3 --runs 20), else the helper
# bench/benchtool.c that runs the command directly; both report the median.
# CPU figures (key to paint) always come from the helper.
# Each figure taken at 1k, 10k and 100k contacts (10 interactions each) shows how it
# grows in the last column: the three values and the factor of each step.
# Environment: BENCH_RUNS (default 20), BENCH_SLOW_RUNS (default 5, for slow tools),
# BENCH_WARMUP (default 3), BENCH_NO_HYPERFINE (set: time with the helper even when hyperfine is installed).

set -u

if [ $# -ne 2 ]; then
	echo "usage: sh bench/bench.sh KITH BENCHTOOL" >&2
	exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
case $1 in
/*) kith=$1 ;;
*) kith=$(pwd)/$1 ;;
esac
case $2 in
/*) ;;
*) set -- "$1" "$(pwd)/$2" ;;
esac
B=$root/build/bench
mkdir -p "$B" || exit 1

RUNS=${BENCH_RUNS:-20}
SLOW_RUNS=${BENCH_SLOW_RUNS:-5}
WARMUP=${BENCH_WARMUP:-3}
NOW=2026-11-20T10:00
export KITH_NOW="$NOW"
# Decimal points in printf and awk, whatever the locale.
export LC_NUMERIC=C
# A configuration of defaults, whatever the user's own file says.
: >"$B/kith.config"
export KITH_CONFIG="$B/kith.config"
unset KITH_DB

have() {
	command -v "$1" >/dev/null 2>&1
}

# The peers, installed when missing; deps.sh names each one it cannot install.
if ! sh "$root/scripts/deps.sh" --bench >&2; then
	printf 'bench: the build tools are missing (see above)\n' >&2
fi
for t in abook task khard jq; do
	have "$t" || printf 'bench: %s is not installed and could not be: its figures are not measured\n' \
		"$t" >&2
done

# hyperfine when installed, unless BENCH_NO_HYPERFINE is set.
hf=0
if have hyperfine && [ -z "${BENCH_NO_HYPERFINE:-}" ]; then
	hf=1
fi

note() {
	printf 'bench: %s\n' "$*" >&2
}

# ---------------------------------------------------------------- the helper

# benchtool (bench/benchtool.c, built by `make bench`): median wall time of a
# command run without a shell, its CPU time, its peak memory, the time of one
# fsync, and the first frame of a full-screen program in a pseudo-terminal.
tool=$2
if [ ! -x "$tool" ]; then
	note "no timing helper at $tool (make $tool)"
	exit 1
fi

# ---------------------------------------------------------------- measuring

# Quotes one word for sh.
shq() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# measure NAME RUNS INPUT REMOVE CMD...: prints the median wall time in ms, or
# nothing when the command fails. INPUT: a file for standard input or "-";
# REMOVE: a file removed (with -wal, -shm) before each run, a folder ending in "/"
# emptied before each run, or "-".
measure() {
	name=$1 runs=$2 input=$3 remove=$4
	shift 4
	if [ $hf = 1 ]; then
		cmd=
		for w in "$@"; do cmd="$cmd $(shq "$w")"; done
		[ "$input" = - ] || cmd="$cmd <$(shq "$input")"
		set -- --warmup "$WARMUP" --runs "$runs" --export-json "$B/$name.json" --style none
		case $remove in
		-) ;;
		*/) r=$(shq "$remove")
			set -- "$@" --prepare "rm -rf $r && mkdir -p $r" ;;
		*) r=$(shq "$remove")
			set -- "$@" --prepare "rm -f $r $r-wal $r-shm" ;;
		esac
		if ! hyperfine "$@" "$cmd" >"$B/$name.log" 2>&1; then
			note "$name failed: see $B/$name.log"
			return 0
		fi
		awk '/"median"/ { gsub(/[",]/, "", $2); printf "%.3f\n", $2 * 1000; exit }' \
			"$B/$name.json"
	else
		if ! "$tool" time "$runs" "$WARMUP" "$input" "$remove" -- "$@" >"$B/$name.result" \
			2>"$B/$name.log"; then
			note "$name failed: see $B/$name.log"
			return 0
		fi
		cut -d' ' -f1 "$B/$name.result"
	fi
}

# Formats a number of ms ("" stays "").
ms() {
	[ -n "$1" ] && printf '%.2f ms' "$1"
}

# ratio A B: A/B with two decimals, or "".
ratio() {
	[ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b }'
}

calc() {
	awk "BEGIN { printf \"%.3f\", $1 }"
}

# growth A1K A10K A100K: the three values (ms or MB, units left off) and the factor
# of each step, "1k -> 10k -> 100k"; a missing value is "-".
growth() {
	awk -v a="$1" -v b="$2" -v c="$3" 'function v(x) { return x == "" ? "-" : sprintf("%.2f", x) }
		function f(x, y) { return (x == "" || y == "" || x <= 0) ? "" : sprintf(" (x%.1f)", y / x) }
		BEGIN { printf "%s -> %s%s -> %s%s", v(a), v(b), f(a, b), v(c), f(b, c) }'
}

ROWS=$B/results.tmp
: >"$ROWS"
# row FIGURE KITH BUDGET COMPARISON RATIO [GROWTH]
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "${6:-}" >>"$ROWS"
}

# ---------------------------------------------------------------- data

# Names for the generated people (the same list for every tool).
gen_people() { # N: lines of "first<TAB>last<TAB>org<TAB>title<TAB>i"
	awk -v n="$1" 'BEGIN {
		split("Ana Bruno Carla Diego Elisa Fabio Gabriela Hugo Ines Joao Karin Luis Marta " \
		    "Nuno Olga Pedro Quitéria Rui Sofia Tiago Ursula Vitor Wanda Xavier Yara Zeca", f, " ")
		split("Souza Lima Dias Ramos Costa Pereira Almeida Nunes Rocha Teixeira Moura " \
		    "Cardoso Barros Freitas Pinto Araújo Correia Mendes Vieira Monteiro", l, " ")
		split("Nubank Stone Globo Natura Embraer Totvs Vtex Loft Creditas Olist", o, " ")
		split("Engineer Manager Recruiter Designer Founder Analyst Director Researcher", t, " ")
		srand(1)
		for (i = 1; i <= n; i++)
			printf "%s\t%s\t%s\t%s\t%d\n", f[int(rand() * 26) + 1], l[int(rand() * 20) + 1],
			    o[int(rand() * 10) + 1], t[int(rand() * 8) + 1], i
	}'
}

VCF=$B/people-10k.vcf
if [ ! -s "$VCF" ]; then
	note "making a 10k vCard file"
	gen_people 10000 | awk -F'\t' '{
		printf "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bench-%05d\r\nFN:%s %s\r\nN:%s;%s;;;\r\n", $5, $1, $2, $2, $1
		printf "ORG:%s\r\nTITLE:%s\r\nEMAIL;TYPE=INTERNET,WORK:p%05d@example.com\r\n", $3, $4, $5
		printf "TEL;TYPE=CELL:+55 11 9%04d-%04d\r\nNOTE:met at a meetup\\, number %d\r\nEND:VCARD\r\n", $5 % 10000, ($5 * 7) % 10000, $5
	}' >"$VCF.tmp" && mv "$VCF.tmp" "$VCF"
fi

# The kith journals.
kith_ok=1
if [ ! -x "$kith" ]; then
	note "no kith at $kith"
	kith_ok=0
fi
BENCH_NAME="Bea Benchmark"
# A journal is kept with a stamp of how it was made; without the stamp it is made again.
make_journal() { # NAME CONTACTS INTERACTIONS
	db=$B/kith-$1.db
	# (the schema part: journals made before contact_rank ordered what is owed are made again)
	stamp="demo --contacts $2 --interactions $3 --seed 1 --now $NOW, add $BENCH_NAME, rank by owed"
	if [ -s "$db" ] && [ "$(cat "$db.made" 2>/dev/null)" = "$stamp" ]; then
		return 0
	fi
	if [ $kith_ok = 1 ]; then
		note "making the $1 journal ($2 contacts, $3 interactions): once"
		rm -f "$db" "$db-wal" "$db-shm" "$db.made" "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
		# One person whose name is sure to be unique, for the kith log figure.
		if "$kith" --db "$db.tmp" demo --contacts "$2" --interactions "$3" --seed 1 \
			>"$B/demo-$1.log" 2>&1 &&
			"$kith" --db "$db.tmp" add "$BENCH_NAME" --org "Bench Ltd" --circle active \
				>>"$B/demo-$1.log" 2>&1; then
			mv "$db.tmp" "$db"
			[ ! -f "$db.tmp-wal" ] || mv "$db.tmp-wal" "$db-wal"
			rm -f "$db.tmp-shm"
			echo "$stamp" >"$db.made"
		else
			note "kith demo failed: see $B/demo-$1.log"
			rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
		fi
	fi
}
make_journal 1k 1000 10000
make_journal 10k 10000 100000
make_journal 100k 100000 1000000
DB100=$B/kith-100k.db

# taskwarrior: 10k pending tasks, imported once.
TASKDIR=$B/task
if have task; then
	export TASKRC="$TASKDIR/taskrc" TASKDATA="$TASKDIR/data"
	if [ ! -s "$TASKDATA/pending.data" ]; then
		note "making a taskwarrior database of 10k tasks: once"
		rm -rf "$TASKDIR"
		mkdir -p "$TASKDATA"
		printf 'data.location=%s\nconfirmation=off\nhooks=off\nnews.version=99\n' "$TASKDATA" \
			>"$TASKRC"
		gen_people 10000 | awk -F'\t' 'BEGIN { printf "[" }
			{
				printf "%s{\"description\":\"follow up with %s %s about the %s role\",", (NR > 1 ? "," : ""), $1, $2, $4
				printf "\"status\":\"pending\",\"entry\":\"20260101T090000Z\",\"project\":\"%s\",", $3
				printf "\"due\":\"2026%02d%02dT120000Z\",\"tags\":[\"network\"],\"priority\":\"%s\"}", ($5 % 12) + 1, ($5 % 28) + 1, substr("HML", ($5 % 3) + 1, 1)
			}
			END { print "]" }' >"$TASKDIR/tasks.json"
		if ! task rc.confirmation=off import "$TASKDIR/tasks.json" >"$TASKDIR/import.log" 2>&1; then
			note "task import failed: see $TASKDIR/import.log"
		fi
	fi
fi

# abook: an address book of the 10k journal's contacts, in their ranked order
# (name; organisation as the nickname, role as the note), so that both programs
# open on the same people. Made again when the journal is.
ABHOME=$B/abook-home
ABOOK=$B/abook-10k.addressbook
if have abook && have jq && [ -s "$B/kith-10k.db" ]; then
	mkdir -p "$ABHOME/.abook"
	if [ ! -s "$ABOOK" ] || [ "$B/kith-10k.db.made" -nt "$ABOOK" ]; then
		note "making an abook address book of the 10k journal's contacts"
		if "$kith" --db "$B/kith-10k.db" list --json 2>"$B/abook-list.log" |
			jq -r '"# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n",
				(to_entries[] | "[\(.key)]\nname=\(.value.name)\nnick=\(.value.org)\nnotes=\(.value.role)\n")' \
				>"$ABOOK.tmp" 2>>"$B/abook-list.log" && [ -s "$ABOOK.tmp" ]; then
			mv "$ABOOK.tmp" "$ABOOK"
		else
			note "could not write the abook address book: see $B/abook-list.log"
			rm -f "$ABOOK.tmp"
		fi
	fi
fi

# khard: a vdir of 10k .vcf files.
KHARD=$B/khard
if have khard; then
	if [ ! -f "$KHARD/done" ]; then
		note "making a khard vdir of 10k cards: once"
		rm -rf "$KHARD"
		mkdir -p "$KHARD/vdir"
		awk -v dir="$KHARD/vdir" '
			/^BEGIN:VCARD/ { n++; f = sprintf("%s/bench-%05d.vcf", dir, n) }
			{ print > f }
			/^END:VCARD/ { close(f) }' "$VCF"
		cat >"$KHARD/khard.conf" <<EOF
[addressbooks]
[[bench]]
path = $KHARD/vdir

[general]
debug = no
default_action = list
editor = true
merge_editor = true
EOF
		touch "$KHARD/done"
	fi
fi

# ---------------------------------------------------------------- the figures

tui=0
[ -f "$root/src/tui.c" ] && tui=1
NO_TUI="n/a: full-screen program not built yet"

# A full-screen program in a pseudo-terminal (the helper's frame mode): the same
# measure for kith and abook. Prints "first-frame-ms key-ms cpu-ms OK/RUNS": the
# medians of the runs that painted and quit, and how many did; nothing when none did.
frame() { # NAME RUNS KEYS CMD...
	name=$1 runs=$2 keys=$3
	shift 3
	env TERM=xterm-256color "$tool" frame "$runs" "$WARMUP" "$keys" -- "$@" 2>"$B/$name.log"
}

# frame_note RESULT...: " (4/5)" after a figure when some of the runs of the
# frame results given failed (the log says which), else "".
frame_note() {
	for r in "$@"; do
		[ -n "$r" ] || continue
		n=$(echo "$r" | cut -d' ' -f4)
		case $n in
		*/*) [ "${n%/*}" = "${n#*/}" ] || printf ' (%s)' "$n" ;;
		esac
	done
}

abook_ff=
abook_cpu=
if have abook && [ -s "$ABOOK" ]; then
	r=$(frame abook-first-frame "$RUNS" 0 env HOME="$ABHOME" abook --datafile "$ABOOK")
	abook_ff=$(echo "$r" | cut -d' ' -f1)
	abook_cpu=$(echo "$r" | cut -d' ' -f3)
	abook_note=$(frame_note "$r")
fi
abook_ff_txt="abook $(ms "$abook_ff")${abook_note:-}"
[ -n "$abook_ff" ] || abook_ff_txt="abook not measured"

# The first frame at each size (wall, and the CPU time of the same runs).
ff_1k= ff_10k= ff_100k= ffc_1k= ffc_10k= ffc_100k=
if [ $tui = 1 ]; then
	for size in 1k 10k 100k; do
		[ -s "$B/kith-$size.db" ] || continue
		r=$(frame "kith-first-frame-$size" "$RUNS" 0 "$kith" --db "$B/kith-$size.db")
		eval "ff_$size=\$(echo \"\$r\" | cut -d' ' -f1)"
		eval "ffc_$size=\$(echo \"\$r\" | cut -d' ' -f3)"
		eval "ffn_$size=\$(frame_note \"\$r\")"
	done
fi
ff_grow=$(growth "$ff_1k" "$ff_10k" "$ff_100k")
for size in 10k 100k; do
	db=$B/kith-$size.db
	case $size in
	10k)
		fig="first frame, 10k contacts / 100k interactions"
		budget="<= abook, 10k contacts"
		limit=$abook_ff
		cmp=$abook_ff_txt
		;;
	100k)
		fig="first frame, 100k contacts / 1M interactions"
		budget="<= 100 ms"
		limit=100
		cmp=
		;;
	esac
	if [ $tui = 0 ]; then
		row "$fig" "$NO_TUI" "$budget" "$cmp" ""
	elif [ ! -s "$db" ]; then
		row "$fig" "n/a: no journal" "$budget" "$cmp" ""
	else
		eval "v=\$ff_$size note=\${ffn_$size:-}"
		row "$fig" "$(ms "$v")$note" "$budget" "$cmp" "$(ratio "$v" "$limit")" "$ff_grow"
		if [ $size = 10k ]; then
			# the CPU time of the same runs: start, first frame, quit
			c=$ffc_10k
			atxt="abook $(ms "$abook_cpu") CPU"
			[ -n "$abook_cpu" ] || atxt="abook not measured"
			row "start, first frame, quit: CPU, 10k" "$(ms "$c") CPU$note" "<= abook" "$atxt" \
				"$(ratio "$c" "$abook_cpu")" "$(growth "$ffc_1k" "$ffc_10k" "$ffc_100k")"
		fi
	fi
done

# Key to paint: CPU of a run with 200 'j' keys (each waiting for its paint) less that
# of a run with none, per key; the wall time from key to the end of its paint beside it.
fig="key to paint, navigation, 100k contacts"
if [ $tui = 0 ]; then
	row "$fig" "$NO_TUI" "<= 2 ms CPU" "" ""
elif [ ! -s "$DB100" ]; then
	row "$fig" "n/a: no journal" "<= 2 ms CPU" "" ""
else
	r0=$(frame kith-keys-0 5 0 "$kith" --db "$DB100")
	r1=$(frame kith-keys-200 5 200 "$kith" --db "$DB100")
	v=''
	wall=''
	if [ -n "$r0" ] && [ -n "$r1" ]; then
		v=$(calc "($(echo "$r1" | cut -d' ' -f3) - $(echo "$r0" | cut -d' ' -f3)) / 200")
		wall=$(echo "$r1" | cut -d' ' -f2)
	fi
	row "$fig" "$(ms "$v") CPU$(frame_note "$r0" "$r1")" "<= 2 ms CPU" "wall $(ms "$wall") per key" \
		"$(ratio "$v" 2)"
fi

# Key to paint in CPU time, through the scripted mode (KITH_SCRIPT: the program
# reads keys from a file and paints each on a virtual screen, as on a terminal,
# with no terminal to wait for): the median CPU time of a run of N keys less
# that of a run of none (the start-up and first frame), divided by N. Each key
# is followed by the program's idle step, which loads the selected contact's
# timeline and reciprocity panes when the selection moved, so these are
# counted. The first frame's CPU time is the run of none.
keys_script() { # NAME: writes $B/keys-NAME.t, prints its number of keys
	f=$B/keys-$1.t
	case $1 in
	none) echo idle >"$f"; echo 0 ;;
	move) { echo idle; i=0; while [ $i -lt 200 ]; do echo "key j"; i=$((i + 1)); done; } >"$f"
		echo 200 ;;
	page) { echo idle; i=0; while [ $i -lt 100 ]; do echo "key PgDn"; i=$((i + 1)); done; } >"$f"
		echo 100 ;;
	# a filter typed and erased: each letter or erasure is one key
	filter) { echo idle; echo "key /"; i=0
		while [ $i -lt 20 ]; do echo "type an"; echo "key Backspace Backspace"; i=$((i + 1)); done
		echo "key Esc"; } >"$f"
		echo 80 ;;
	sort) { echo idle; i=0; while [ $i -lt 50 ]; do echo "key s"; i=$((i + 1)); done; } >"$f"
		echo 50 ;;
	esac
}

# cpu NAME RUNS SCRIPT DB: the median CPU ms of the program running SCRIPT on DB.
cpu() {
	"$tool" time "$2" 1 - - -- env KITH_SCRIPT="$3" "$kith" --db "$4" >"$B/$1.result" \
		2>"$B/$1.log" && cut -d' ' -f2 "$B/$1.result"
}

if [ $tui = 1 ] && [ $kith_ok = 1 ]; then
	keys_script none >/dev/null
	base_1k= base_10k= base_100k=
	for size in 1k 10k 100k; do
		[ -s "$B/kith-$size.db" ] || continue
		v=$(cpu "kith-cpu-none-$size" "$SLOW_RUNS" "$B/keys-none.t" "$B/kith-$size.db")
		eval "base_$size=\$v"
	done
	g=$(growth "$base_1k" "$base_10k" "$base_100k")
	row "first frame CPU (scripted), 10k" "$(ms "$base_10k") CPU" "<= abook, 10k contacts" "" "" "$g"
	row "first frame CPU (scripted), 100k" "$(ms "$base_100k") CPU" "<= 100 ms" "" "" "$g"
	for what in move page filter sort; do
		n=$(keys_script $what)
		per_1k= per_10k= per_100k=
		for size in 1k 10k 100k; do
			eval "b=\$base_$size"
			[ -n "$b" ] || continue
			v=$(cpu "kith-cpu-$what-$size" "$SLOW_RUNS" "$B/keys-$what.t" "$B/kith-$size.db")
			[ -n "$v" ] && eval "per_$size=\$(calc \"(\$v - \$b) / \$n\")"
		done
		row "key to paint, $what, 100k (CPU, scripted)" "$(ms "$per_100k") CPU" "<= 2 ms CPU" \
			"$n keys" "$(ratio "$per_100k" 2)" "$(growth "$per_1k" "$per_10k" "$per_100k")"
	done
fi

# Peak memory of the full-screen program on 100k contacts (scripted: start, first frame, quit).
# rss_mb NAME CMD...: the peak resident memory of CMD in MB, or nothing.
rss_mb() {
	name=$1
	shift
	kib=$("$tool" rss -- "$@" 2>"$B/rss-$name.log")
	[ -n "$kib" ] && calc "$kib / 1024"
}

if [ $tui = 1 ] && [ $kith_ok = 1 ] && [ -s "$DB100" ]; then
	for size in 1k 10k 100k; do
		eval "mb_$size="
		[ -s "$B/kith-$size.db" ] || continue
		eval "mb_$size=\$(rss_mb tui-$size env KITH_SCRIPT=\"\$B/keys-none.t\" \"\$kith\" \
			--db \"\$B/kith-\$size.db\")"
	done
	v=
	[ -n "$mb_100k" ] && v=$(printf '%.2f MB' "$mb_100k")
	row "peak memory, full-screen program, 100k" "$v" "<= 40 MB" "" "$(ratio "$mb_100k" 40)" \
		"$(growth "$mb_1k" "$mb_10k" "$mb_100k")"
fi

# kith log, whole process, on the 1M journal; one fsync on the same disk beside it.
fsync=$("$tool" fsync "$B" 50 2>/dev/null)
fig="kith log, whole process, 1M interactions"
if [ $kith_ok = 1 ] && [ -s "$DB100" ]; then
	for size in 1k 10k 100k; do
		eval "log_$size="
		[ -s "$B/kith-$size.db" ] || continue
		eval "log_$size=\$(measure kith-log-\$size \"\$RUNS\" - - \"\$kith\" --db \"\$B/kith-\$size.db\" \
			log \"yesterday coffee with @\\\"\$BENCH_NAME\\\" #bench\")"
	done
	v=$log_100k
	limit=
	[ -n "$fsync" ] && limit=$(calc "10 + $fsync")
	row "$fig" "$(ms "$v")" "<= 10 ms + fsync = $(ms "$limit")" "fsync $(ms "$fsync")" \
		"$(ratio "$v" "$limit")" "$(growth "$log_1k" "$log_10k" "$log_100k")"
else
	row "$fig" "n/a: no 1M journal" "<= 10 ms + fsync" "fsync $(ms "$fsync")" ""
fi

# kith list --sort attention against task next on 10k tasks.
task_next=
if have task && [ -s "$TASKDIR/data/pending.data" ]; then
	task_next=$(measure task-next "$RUNS" - - task rc.confirmation=off next)
fi
limit=
[ -n "$task_next" ] && limit=$(calc "0.2 * $task_next")
task_txt="task next $(ms "$task_next")"
[ -n "$task_next" ] || task_txt="task next not measured"
for size in 1k 10k 100k; do
	eval "list_$size="
	[ $kith_ok = 1 ] && [ -s "$B/kith-$size.db" ] || continue
	eval "list_$size=\$(measure kith-list-\$size \"\$RUNS\" - - \"\$kith\" --db \"\$B/kith-\$size.db\" \
		list --sort attention --limit 50)"
done
for size in 10k 100k; do
	db=$B/kith-$size.db
	fig="kith list --sort attention --limit 50, $size"
	if [ $kith_ok = 1 ] && [ -s "$db" ]; then
		eval "v=\$list_$size"
		row "$fig" "$(ms "$v")" "<= 0.2 x task next = $(ms "$limit")" "$task_txt" \
			"$(ratio "$v" "$limit")" "$(growth "$list_1k" "$list_10k" "$list_100k")"
	else
		row "$fig" "n/a: no journal" "<= 0.2 x task next" "$task_txt" ""
	fi
done

# vCard import of 10k against abook --convert of the same file: the demo
# journal's 10k contacts exported as vCard 4.0 (every field kith keeps), read by
# `kith import` into a fresh journal (lossless, one transaction, one fsync) and
# by `abook --convert` into its own format (lossy).
bench_vcard_import() {
	for size in 1k 10k 100k; do
		src=$B/kith-$size.db
		if [ $kith_ok = 1 ] && [ -s "$src" ] && [ ! -s "$B/demo-$size.vcf" ]; then
			"$kith" --db "$src" export --format vcard -o "$B/demo-$size.vcf" >/dev/null 2>&1 ||
				note "kith export --format vcard failed"
		fi
	done
	demo_vcf=$B/demo-10k.vcf
	fig="vCard import, 10k contacts (demo, exported)"
	if [ ! -s "$demo_vcf" ]; then
		row "$fig" "n/a: no vCard file" "<= 1.5 x abook --convert" "" ""
		return
	fi
	abook_conv=
	if have abook; then
		# abook does not overwrite its output file: it is removed before each run.
		out=$B/abook-converted.addressbook
		abook_conv=$(measure abook-convert "$SLOW_RUNS" - "$out" env HOME="$ABHOME" abook \
			--convert --informat vcard --infile "$demo_vcf" --outformat abook --outfile "$out")
	fi
	limit=
	[ -n "$abook_conv" ] && limit=$(calc "1.5 * $abook_conv")
	conv_txt="abook --convert $(ms "$abook_conv")"
	[ -n "$abook_conv" ] || conv_txt="abook not measured"
	for size in 1k 10k 100k; do
		eval "imp_$size="
		[ -s "$B/demo-$size.vcf" ] || continue
		eval "imp_$size=\$(measure kith-import-\$size \"\$SLOW_RUNS\" - \"\$B/import.db\" \"\$kith\" \
			--db \"\$B/import.db\" import \"\$B/demo-\$size.vcf\" --format vcard)"
	done
	v=$imp_10k
	row "$fig" "$(ms "$v")" "<= 1.5 x abook = $(ms "$limit")" "$conv_txt" "$(ratio "$v" "$limit")" \
		"$(growth "$imp_1k" "$imp_10k" "$imp_100k")"
	# SQLite's share: the rows of that import, copied into a new journal of the
	# same schema by SQLite alone (one INSERT ... SELECT a table, one transaction):
	# what storing them costs before any file is read, against the same budget.
	fig="  SQLite alone: those rows copied, 10k"
	floor=
	if [ -n "$imp_10k" ]; then
		"$kith" --db "$B/import-10k.db" import "$demo_vcf" --format vcard >/dev/null 2>&1 &&
			floor=$(measure sqlite-copy-10k "$SLOW_RUNS" - "$B/floor.db" "$tool" sqlcopy \
				"$B/import-10k.db" "$B/floor.db")
		rm -f "$B/import-10k.db" "$B/import-10k.db-wal" "$B/import-10k.db-shm"
	fi
	row "$fig" "$(ms "$floor")" "(the floor of any import) 1.5 x abook = $(ms "$limit")" \
		"$conv_txt" "$(ratio "$floor" "$limit")"
}
bench_vcard_import

# Peak memory of kith list on 100k: every contact, and the first 50.
for lim in all 50; do
	fig="peak memory, kith list, 100k contacts"
	set -- "$kith" --db "$DB100" list
	if [ $lim = 50 ]; then
		fig="peak memory, kith list --limit 50, 100k"
		set -- "$@" --limit 50
	fi
	if [ $kith_ok = 1 ] && [ -s "$DB100" ]; then
		for size in 1k 10k 100k; do
			eval "mb_$size="
			[ -s "$B/kith-$size.db" ] || continue
			shift 3
			set -- "$kith" --db "$B/kith-$size.db" "$@"
			eval "mb_$size=\$(rss_mb \"\$lim-\$size\" \"\$@\")"
		done
		v=
		[ -n "$mb_100k" ] && v=$(printf '%.2f MB' "$mb_100k")
		row "$fig" "$v" "<= 40 MB" "" "$(ratio "$mb_100k" 40)" "$(growth "$mb_1k" "$mb_10k" "$mb_100k")"
	else
		row "$fig" "n/a: no journal" "<= 40 MB" "" ""
	fi
done

# kith capture start: the time to its first prompt frame in the same pseudo-terminal
# (frame mode, quit with Ctrl-G, which cancels without writing).
if [ $kith_ok = 1 ]; then
	for size in 1k 10k 100k; do
		eval "cap_$size="
		[ -s "$B/kith-$size.db" ] || continue
		r=$(BENCHTOOL_QUIT=$(printf '\007') frame "kith-capture-$size" "$RUNS" 0 "$kith" \
			--db "$B/kith-$size.db" capture)
		eval "cap_$size=\$(echo \"\$r\" | cut -d' ' -f1)"
		eval "capn_$size=\$(frame_note \"\$r\")"
	done
	row "kith capture start, first prompt frame, 100k" "$(ms "$cap_100k")${capn_100k:-}" \
		"(first frame) <= 100 ms" \
		"" "$(ratio "$cap_100k" 100)" "$(growth "$cap_1k" "$cap_10k" "$cap_100k")"
fi

# kith review, plain text, whole process.
if [ $kith_ok = 1 ]; then
	for size in 1k 10k 100k; do
		eval "rev_$size="
		[ -s "$B/kith-$size.db" ] || continue
		eval "rev_$size=\$(measure kith-review-\$size \"\$SLOW_RUNS\" - - \"\$kith\" \
			--db \"\$B/kith-\$size.db\" review)"
	done
	row "kith review, 100k" "$(ms "$rev_100k")" "(no budget of its own)" "" "" \
		"$(growth "$rev_1k" "$rev_10k" "$rev_100k")"
fi

# kith sync: into an empty folder (emptied before each run), then again into the
# folder it wrote, with nothing new.
if [ $kith_ok = 1 ]; then
	for size in 1k 10k 100k; do
		eval "sy0_$size= sy1_$size="
		[ -s "$B/kith-$size.db" ] || continue
		d=$B/sync-$size
		mkdir -p "$d"
		eval "sy0_$size=\$(measure kith-sync-empty-\$size \"\$SLOW_RUNS\" - \"\$d/\" \"\$kith\" \
			--db \"\$B/kith-\$size.db\" sync \"\$d\")"
		eval "sy1_$size=\$(measure kith-sync-again-\$size \"\$SLOW_RUNS\" - - \"\$kith\" \
			--db \"\$B/kith-\$size.db\" sync \"\$d\")"
	done
	row "kith sync, 10k, into an empty folder" "$(ms "$sy0_10k")" "(no budget of its own)" "" "" \
		"$(growth "$sy0_1k" "$sy0_10k" "$sy0_100k")"
	row "kith sync, 10k, again, nothing new" "$(ms "$sy1_10k")" "(no budget of its own)" "" "" \
		"$(growth "$sy1_1k" "$sy1_10k" "$sy1_100k")"
fi

# khard, for reference: list of 10k cards in a vdir.
if have khard && [ -f "$KHARD/done" ]; then
	k=$(measure khard-list "$SLOW_RUNS" - - khard -c "$KHARD/khard.conf" list)
	row "khard list, 10k cards (reference)" "" "" "khard $(ms "$k")" ""
fi

# ---------------------------------------------------------------- the table

missing=
for t in abook task khard hyperfine; do
	have "$t" || missing="$missing $t"
done

{
	echo "kith benchmark: $(date '+%Y-%m-%d %H:%M'), $(uname -sm), $("$kith" --version 2>/dev/null)"
	if [ $hf = 1 ]; then
		echo "median of $RUNS runs ($SLOW_RUNS for slow tools) after $WARMUP warm-up runs, hyperfine"
	else
		echo "median of $RUNS runs ($SLOW_RUNS for slow tools) after $WARMUP warm-up runs"
	fi
	echo
	awk -F'\t' '
		{ for (i = 1; i <= 6; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
		END {
			split("figure|kith|budget|measured beside it|ratio|1k -> 10k -> 100k (growth)", h, "|")
			for (i = 1; i <= 6; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
			for (i = 1; i <= 6; i++) printf("%-" w[i] "s%s", h[i], i < 6 ? "  " : "\n")
			for (i = 1; i <= 6; i++) { s = ""; for (j = 0; j < w[i]; j++) s = s "-"; printf("%s%s", s, i < 6 ? "  " : "\n") }
			for (r = 1; r <= NR; r++)
				for (i = 1; i <= 6; i++) printf("%-" w[i] "s%s", c[r, i], i < 6 ? "  " : "\n")
		}' "$ROWS"
	echo
	echo "ratio: kith against its budget; 1.00 or less is within it."
	echo "growth: the figure at 1k, 10k and 100k contacts (10 interactions each), in the unit of"
	echo "its row, and the factor of each step; x10 is linear in the number of contacts."
	echo "First frame: in a 120x40 pseudo-terminal, until the output is quiet for 30 ms."
	[ -z "$missing" ] || echo "not installed:$missing (sh scripts/deps.sh --bench)"
} | tee "$B/results.txt"
rm -f "$ROWS"
exit 0
