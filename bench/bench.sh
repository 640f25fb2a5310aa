#!/bin/sh
# bench.sh: the performance budgets of DESIGN.md §10, measured and printed beside
# abook, taskwarrior and khard when they are installed (sh scripts/deps.sh --bench).
# Usage: sh bench/bench.sh KITH          (make bench)
# Data is made once and kept under build/bench/: seeded demo journals (10k contacts /
# 100k interactions and 100k / 1M), a taskwarrior database of 10k tasks, a 10k vCard
# file, an abook address book and a khard vdir of the same people.
# Timings use hyperfine when present (--warmup 3 --runs 20), else a small helper
# built here that runs the command directly; both report the median.
# Environment: BENCH_RUNS (default 20), BENCH_SLOW_RUNS (default 5, for slow tools),
# BENCH_NO_HYPERFINE (set: time with the helper even when hyperfine is installed).

set -u

if [ $# -ne 1 ]; then
	echo "usage: sh bench/bench.sh KITH" >&2
	exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
case $1 in
/*) kith=$1 ;;
*) kith=$(pwd)/$1 ;;
esac
B=$root/build/bench
mkdir -p "$B" || exit 1

RUNS=${BENCH_RUNS:-20}
SLOW_RUNS=${BENCH_SLOW_RUNS:-5}
WARMUP=3
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

# hyperfine when installed, unless BENCH_NO_HYPERFINE is set.
hf=0
if have hyperfine && [ -z "${BENCH_NO_HYPERFINE:-}" ]; then
	hf=1
fi

note() {
	printf 'bench: %s\n' "$*" >&2
}

# ---------------------------------------------------------------- the helper

# benchtool: median wall time of a command run without a shell, its CPU time, its
# peak memory, the time of one fsync, and the first frame of a full-screen program
# in a pseudo-terminal.
tool=$B/benchtool
cat >"$B/benchtool.c.new" <<'EOF'
/* benchtool: timing helper for bench.sh.
 *   benchtool time RUNS WARMUP INPUT REMOVE -- CMD...   median wall ms, median CPU ms
 *   benchtool rss -- CMD...                             peak resident memory, KiB
 *   benchtool fsync DIR RUNS                            median ms of write(4 KiB)+fsync
 *   benchtool frame RUNS WARMUP KEYS -- CMD...          full-screen program in a pty
 * time: INPUT is a file for standard input ("-" for /dev/null); REMOVE is a file
 * removed, with its -wal and -shm, before each run ("-" for none); output is dropped.
 * frame: runs CMD in a 120x40 pseudo-terminal; the first frame ends with the last
 * byte written before the output has been quiet for QUIET_MS. Then KEYS times 'j',
 * each waiting for its paint, then 'q'. Prints the medians of: first frame ms, key
 * to paint ms (wall), and the CPU ms of the whole run. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 30
#define GIVE_UP_MS 10000

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void remove_db(const char *f)
{
	char p[4096];
	if (strcmp(f, "-") == 0)
		return;
	unlink(f);
	snprintf(p, sizeof p, "%s-wal", f);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f);
	unlink(p);
}

static double cpu_ms(const struct rusage *ru)
{
	return ru->ru_utime.tv_sec * 1e3 + ru->ru_utime.tv_usec / 1e3 + ru->ru_stime.tv_sec * 1e3 +
	       ru->ru_stime.tv_usec / 1e3;
}

/* Runs argv once; returns the exit status, with wall and CPU ms and max RSS. */
static int run(char **argv, const char *input, double *wall, double *cpu, long *rss_kib)
{
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		int in = open(strcmp(input, "-") == 0 ? "/dev/null" : input, O_RDONLY);
		int out = open("/dev/null", O_WRONLY);
		if (in < 0 || out < 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(out, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0) {
		perror("wait4");
		exit(1);
	}
	*wall = now_ms() - t0;
	*cpu = cpu_ms(&ru);
#ifdef __APPLE__
	*rss_kib = ru.ru_maxrss / 1024;
#else
	*rss_kib = ru.ru_maxrss;
#endif
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Reads the pty until it has been quiet for QUIET_MS; returns the time of the
 * last byte read (or `since` when none), -1 when the program has gone. */
static double drain(int master, double since)
{
	char buf[65536];
	double last = since, start = now_ms();
	int seen = 0;
	for (;;) {
		struct pollfd p = {master, POLLIN, 0};
		int wait = seen ? QUIET_MS : GIVE_UP_MS;
		int r = poll(&p, 1, wait);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			return seen ? last : -1;
		ssize_t n = read(master, buf, sizeof buf);
		if (n <= 0)
			return -1;
		last = now_ms();
		seen = 1;
		if (last - start > GIVE_UP_MS)
			return -1;
	}
}

static int frame(char **argv, int keys, double *first, double *key, double *cpu)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
		perror("posix_openpt");
		exit(1);
	}
	char *slave = ptsname(master);
	struct winsize ws = {40, 120, 0, 0};
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		setsid();
		int fd = open(slave, O_RDWR);
		if (fd < 0)
			_exit(126);
#ifdef TIOCSCTTY
		ioctl(fd, TIOCSCTTY, 0);
#endif
		ioctl(fd, TIOCSWINSZ, &ws);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
		close(master);
		execvp(argv[0], argv);
		_exit(127);
	}
	int ok = 1;
	double t = drain(master, t0);
	if (t < 0)
		ok = 0;
	else
		*first = t - t0;
	double *lat = calloc(keys > 0 ? keys : 1, sizeof *lat);
	int nlat = 0;
	for (int i = 0; ok && i < keys; i++) {
		double s = now_ms();
		if (write(master, "j", 1) != 1) {
			ok = 0;
			break;
		}
		double e = drain(master, s);
		if (e < 0) {
			ok = 0;
			break;
		}
		lat[nlat++] = e - s;
	}
	*key = median(lat, nlat);
	free(lat);
	if (ok && write(master, "q", 1) != 1)
		ok = 0;
	/* Read until the program has gone; kill it when it does not quit. */
	double stop = now_ms() + 3000;
	char buf[65536];
	for (;;) {
		int st;
		struct rusage ru;
		pid_t w = wait4(pid, &st, WNOHANG, &ru);
		if (w == pid) {
			*cpu = cpu_ms(&ru);
			break;
		}
		if (now_ms() > stop) {
			kill(pid, SIGKILL);
			ok = 0;
			stop += 1e9;
		}
		struct pollfd p = {master, POLLIN, 0};
		if (poll(&p, 1, 10) > 0 && read(master, buf, sizeof buf) <= 0)
			usleep(1000);
	}
	close(master);
	return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc >= 7 && strcmp(argv[1], "time") == 0 && strcmp(argv[6], "--") == 0) {
		int runs = atoi(argv[2]), warm = atoi(argv[3]);
		if (runs < 1)
			runs = 1;
		double *w = calloc(runs, sizeof *w), *c = calloc(runs, sizeof *c), cw, cc;
		long rss;
		for (int i = -warm; i < runs; i++) {
			remove_db(argv[5]);
			int rc = run(argv + 7, argv[4], &cw, &cc, &rss);
			if (rc != 0) {
				fprintf(stderr, "benchtool: %s exited with %d\n", argv[7], rc);
				return 1;
			}
			if (i >= 0) {
				w[i] = cw;
				c[i] = cc;
			}
		}
		printf("%.3f %.3f\n", median(w, runs), median(c, runs));
		return 0;
	}
	if (argc >= 7 && strcmp(argv[1], "frame") == 0 && strcmp(argv[5], "--") == 0) {
		int runs = atoi(argv[2]), warm = atoi(argv[3]), keys = atoi(argv[4]);
		if (runs < 1)
			runs = 1;
		double *f = calloc(runs, sizeof *f), *k = calloc(runs, sizeof *k);
		double *c = calloc(runs, sizeof *c), ff = 0, kk = 0, cc = 0;
		for (int i = -warm; i < runs; i++) {
			if (frame(argv + 6, keys, &ff, &kk, &cc) != 0) {
				fprintf(stderr, "benchtool: %s did not paint or quit\n", argv[6]);
				return 1;
			}
			if (i >= 0) {
				f[i] = ff;
				k[i] = kk;
				c[i] = cc;
			}
		}
		printf("%.3f %.3f %.3f\n", median(f, runs), median(k, runs), median(c, runs));
		return 0;
	}
	if (argc >= 4 && strcmp(argv[1], "rss") == 0 && strcmp(argv[2], "--") == 0) {
		double w, c;
		long rss;
		int rc = run(argv + 3, "-", &w, &c, &rss);
		if (rc != 0) {
			fprintf(stderr, "benchtool: %s exited with %d\n", argv[3], rc);
			return 1;
		}
		printf("%ld\n", rss);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "fsync") == 0) {
		char path[4096], buf[4096];
		int runs = atoi(argv[3]);
		if (runs < 1)
			runs = 1;
		double *v = calloc(runs, sizeof *v);
		snprintf(path, sizeof path, "%s/fsync.tmp", argv[2]);
		memset(buf, 'k', sizeof buf);
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0) {
			perror(path);
			return 1;
		}
		for (int i = 0; i < runs; i++) {
			double t0 = now_ms();
			if (write(fd, buf, sizeof buf) != (ssize_t)sizeof buf || fsync(fd) != 0) {
				perror(path);
				return 1;
			}
			v[i] = now_ms() - t0;
		}
		close(fd);
		unlink(path);
		printf("%.3f\n", median(v, runs));
		return 0;
	}
	fprintf(stderr, "usage: benchtool time RUNS WARMUP INPUT REMOVE -- CMD... | rss -- CMD... |"
	                " fsync DIR RUNS | frame RUNS WARMUP KEYS -- CMD...\n");
	return 2;
}
EOF
if [ ! -x "$tool" ] || ! cmp -s "$B/benchtool.c.new" "$B/benchtool.c"; then
	mv "$B/benchtool.c.new" "$B/benchtool.c"
	if ! ${CC:-cc} -O2 -o "$tool" "$B/benchtool.c"; then
		note "cannot build the timing helper"
		exit 1
	fi
fi
rm -f "$B/benchtool.c.new"

# ---------------------------------------------------------------- measuring

# Quotes one word for sh.
shq() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# measure NAME RUNS INPUT REMOVE CMD...: prints the median wall time in ms, or
# nothing when the command fails. INPUT: a file for standard input or "-";
# REMOVE: a file removed (with -wal, -shm) before each run, or "-".
measure() {
	name=$1 runs=$2 input=$3 remove=$4
	shift 4
	if [ $hf = 1 ]; then
		cmd=
		for w in "$@"; do cmd="$cmd $(shq "$w")"; done
		[ "$input" = - ] || cmd="$cmd <$(shq "$input")"
		set -- --warmup "$WARMUP" --runs "$runs" --export-json "$B/$name.json" --style none
		if [ "$remove" != - ]; then
			r=$(shq "$remove")
			set -- "$@" --prepare "rm -f $r $r-wal $r-shm"
		fi
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

ROWS=$B/results.tmp
: >"$ROWS"
# row FIGURE KITH BUDGET COMPARISON RATIO
row() {
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$ROWS"
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
	stamp="demo --contacts $2 --interactions $3 --seed 1 --now $NOW, add $BENCH_NAME"
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

# abook: its own file, converted from the vCards.
ABHOME=$B/abook-home
ABOOK=$B/abook.addressbook
if have abook; then
	mkdir -p "$ABHOME/.abook"
	if [ ! -s "$ABOOK" ]; then
		env HOME="$ABHOME" abook --convert --informat vcard --infile "$VCF" --outformat abook \
			--outfile "$ABOOK" >/dev/null 2>&1 || note "abook --convert failed"
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
# measure for kith and abook. Prints "first-frame-ms key-ms cpu-ms".
frame() { # NAME RUNS KEYS CMD...
	name=$1 runs=$2 keys=$3
	shift 3
	env TERM=xterm-256color "$tool" frame "$runs" "$WARMUP" "$keys" -- "$@" 2>"$B/$name.log"
}

abook_ff=
if have abook && [ -s "$ABOOK" ]; then
	abook_ff=$(frame abook-first-frame "$RUNS" 0 env HOME="$ABHOME" abook --datafile "$ABOOK" |
		cut -d' ' -f1)
fi
abook_ff_txt="abook $(ms "$abook_ff")"
[ -n "$abook_ff" ] || abook_ff_txt="abook not measured"

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
		v=$(frame "kith-first-frame-$size" "$RUNS" 0 "$kith" --db "$db" | cut -d' ' -f1)
		row "$fig" "$(ms "$v")" "$budget" "$cmp" "$(ratio "$v" "$limit")"
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
	row "$fig" "$(ms "$v") CPU" "<= 2 ms CPU" "wall $(ms "$wall") per key" "$(ratio "$v" 2)"
fi

# kith log, whole process, on the 1M journal; one fsync on the same disk beside it.
fsync=$("$tool" fsync "$B" 50 2>/dev/null)
fig="kith log, whole process, 1M interactions"
if [ $kith_ok = 1 ] && [ -s "$DB100" ]; then
	v=$(measure kith-log "$RUNS" - - "$kith" --db "$DB100" log \
		"yesterday coffee with @\"$BENCH_NAME\" #bench")
	limit=
	[ -n "$fsync" ] && limit=$(calc "10 + $fsync")
	row "$fig" "$(ms "$v")" "<= 10 ms + fsync = $(ms "$limit")" "fsync $(ms "$fsync")" \
		"$(ratio "$v" "$limit")"
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
for size in 10k 100k; do
	db=$B/kith-$size.db
	fig="kith list --sort attention --limit 50, $size"
	if [ $kith_ok = 1 ] && [ -s "$db" ]; then
		v=$(measure "kith-list-$size" "$RUNS" - - "$kith" --db "$db" list --sort attention \
			--limit 50)
		row "$fig" "$(ms "$v")" "<= 0.2 x task next = $(ms "$limit")" "$task_txt" \
			"$(ratio "$v" "$limit")"
	else
		row "$fig" "n/a: no journal" "<= 0.2 x task next" "$task_txt" ""
	fi
done

# vCard import of 10k against abook --convert of the same file.
abook_conv=
if have abook; then
	# abook does not overwrite its output file: it is removed before each run.
	out=$B/abook-converted.addressbook
	abook_conv=$(measure abook-convert "$SLOW_RUNS" - "$out" env HOME="$ABHOME" abook \
		--convert --informat vcard --infile "$VCF" --outformat abook --outfile "$out")
fi
limit=
[ -n "$abook_conv" ] && limit=$(calc "1.5 * $abook_conv")
conv_txt="abook --convert $(ms "$abook_conv")"
[ -n "$abook_conv" ] || conv_txt="abook not measured"
fig="vCard import, 10k contacts"
if [ $kith_ok = 1 ] && "$kith" import --help >/dev/null 2>&1; then
	v=$(measure kith-import "$SLOW_RUNS" - "$B/import.db" "$kith" --db "$B/import.db" import \
		"$VCF" --format vcard)
	row "$fig" "$(ms "$v")" "<= 1.5 x abook = $(ms "$limit")" "$conv_txt" "$(ratio "$v" "$limit")"
else
	row "$fig" "not yet measured (import lands later)" "<= 1.5 x abook = $(ms "$limit")" \
		"$conv_txt" ""
fi

# Peak memory of kith list on 100k: every contact, and the first 50.
for lim in all 50; do
	fig="peak memory, kith list, 100k contacts"
	set -- "$kith" --db "$DB100" list
	if [ $lim = 50 ]; then
		fig="peak memory, kith list --limit 50, 100k"
		set -- "$@" --limit 50
	fi
	if [ $kith_ok = 1 ] && [ -s "$DB100" ]; then
		kib=$("$tool" rss -- "$@" 2>"$B/rss-$lim.log")
		mb=
		[ -n "$kib" ] && mb=$(calc "$kib / 1024")
		v=
		[ -n "$mb" ] && v=$(printf '%.2f MB' "$mb")
		row "$fig" "$v" "<= 40 MB" "" "$(ratio "$mb" 40)"
	else
		row "$fig" "n/a: no journal" "<= 40 MB" "" ""
	fi
done

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
		{ for (i = 1; i <= 5; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
		END {
			split("figure|kith|budget|measured beside it|ratio", h, "|")
			for (i = 1; i <= 5; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
			for (i = 1; i <= 5; i++) printf("%-" w[i] "s%s", h[i], i < 5 ? "  " : "\n")
			for (i = 1; i <= 5; i++) { s = ""; for (j = 0; j < w[i]; j++) s = s "-"; printf("%s%s", s, i < 5 ? "  " : "\n") }
			for (r = 1; r <= NR; r++)
				for (i = 1; i <= 5; i++) printf("%-" w[i] "s%s", c[r, i], i < 5 ? "  " : "\n")
		}' "$ROWS"
	echo
	echo "ratio: kith against its budget; 1.00 or less is within it."
	echo "First frame: in a 120x40 pseudo-terminal, until the output is quiet for 30 ms."
	[ -z "$missing" ] || echo "not installed:$missing (sh scripts/deps.sh --bench)"
} | tee "$B/results.txt"
rm -f "$ROWS"
exit 0
