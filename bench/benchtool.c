/* benchtool.c: the timing helper of bench/bench.sh (make bench builds it as
 * build/benchtool); POSIX only (fork, wait4, a pseudo-terminal).
 *   benchtool time RUNS WARMUP INPUT REMOVE -- CMD...   median wall ms, median CPU ms
 *   benchtool rss -- CMD...                             peak resident memory, KiB
 *   benchtool fsync DIR RUNS                            median ms of write(4 KiB)+fsync
 *   benchtool frame RUNS WARMUP KEYS -- CMD...          full-screen program in a pty
 *   benchtool sqlcopy SRC DST                           SQLite alone, writing SRC's rows
 * time: INPUT is a file for standard input ("-" for /dev/null); REMOVE is a file
 * removed, with its -wal and -shm, before each run ("-" for none; a name ending in "/"
 * is a folder whose files are removed); output is dropped.
 * frame: runs CMD in a 120x40 pseudo-terminal; the first frame ends with the last
 * byte written before the output has been quiet for QUIET_MS. Then KEYS times 'j',
 * each waiting for its paint, then 'q' (or the bytes of $BENCHTOOL_QUIT). Prints the medians of: first frame ms, key
 * to paint ms (wall), and the CPU ms of the whole run, over the runs that painted and
 * quit, then "OK/RUNS" (how many of the runs did); fails only when none did. A run
 * gives up after GIVE_UP_MS of silence ($BENCHTOOL_GIVE_UP_MS).
 * sqlcopy: makes the journal DST (a new file) with SRC's schema, identity and, in one
 * transaction, each table's rows copied by one INSERT ... SELECT a table, with the
 * connection settings of kith (WAL, synchronous FULL, foreign keys): what SQLite
 * itself costs to store those rows and their indexes, without reading any file
 * format and without a statement a row. (The WHERE keeps SQLite from copying the
 * b-trees page by page, which only a copy of a whole table can do.) */
#define _GNU_SOURCE
#include <dirent.h>
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

#include <sqlite3.h>

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
	size_t len = strlen(f);
	if (len > 0 && f[len - 1] == '/') { /* a folder: emptied (its files, not below) */
		DIR *d = opendir(f);
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
				continue;
			snprintf(p, sizeof p, "%s%s", f, e->d_name);
			unlink(p);
		}
		if (d)
			closedir(d);
		return;
	}
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
static int give_up_ms(void)
{
	const char *e = getenv("BENCHTOOL_GIVE_UP_MS");
	int v = e != NULL ? atoi(e) : 0;
	return v > 0 ? v : GIVE_UP_MS;
}

static double drain(int master, double since)
{
	char buf[65536];
	double last = since, start = now_ms();
	int seen = 0, give_up = give_up_ms();
	for (;;) {
		struct pollfd p = {master, POLLIN, 0};
		int wait = seen ? QUIET_MS : give_up;
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
		if (last - start > give_up)
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
	const char *quit = getenv("BENCHTOOL_QUIT");
	if (!quit || !*quit)
		quit = "q";
	if (ok && write(master, quit, strlen(quit)) != (ssize_t)strlen(quit))
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

static int sql_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	fprintf(stderr, "benchtool: %s: %s\n", sql, msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return -1;
}

/* Runs fmt on db with each text of the query's first column (given twice). */
static int sql_each(sqlite3 *db, const char *query, const char *fmt)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, query, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "benchtool: %s: %s\n", query, sqlite3_errmsg(db));
		return -1;
	}
	int rc = 0;
	while (rc == 0 && sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		char *sql = sqlite3_mprintf(fmt, name, name);
		rc = sql_exec(db, sql);
		sqlite3_free(sql);
	}
	sqlite3_finalize(s);
	return rc;
}

/* The integer of a PRAGMA's one row; -1 on failure. */
static long long sql_pragma(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else
		fprintf(stderr, "benchtool: %s: %s\n", sql, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return v;
}

static int sql_copy(const char *src, const char *dst)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(dst, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "benchtool: %s: %s\n", dst, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	char *attach = sqlite3_mprintf("ATTACH %Q AS src", src);
	/* the schema first, in its own transaction, as kith makes a new journal;
	 * then the rows, in one */
	int rc = sql_exec(db, attach);
	sqlite3_free(attach);
	long long app = rc == 0 ? sql_pragma(db, "PRAGMA src.application_id") : -1;
	long long version = rc == 0 ? sql_pragma(db, "PRAGMA src.user_version") : -1;
	char *ids = sqlite3_mprintf("PRAGMA main.application_id = %lld; PRAGMA main.user_version "
	                            "= %lld; PRAGMA synchronous = FULL; PRAGMA cache_size = -8192; "
	                            "BEGIN",
	                            app, version);
	if (rc == 0)
		rc = app < 0 || version < 0 ? -1 : sql_exec(db, ids);
	sqlite3_free(ids);
	if (rc == 0)
		rc = sql_each(db,
		              "SELECT sql FROM src.sqlite_schema WHERE sql IS NOT NULL "
		              "AND name NOT LIKE 'sqlite%' ORDER BY type = 'index', rowid",
		              "%s");
	if (rc == 0)
		rc = sql_exec(db, "COMMIT; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
		                  "BEGIN IMMEDIATE");
	if (rc == 0)
		rc = sql_each(db,
		              "SELECT name FROM src.sqlite_schema WHERE type = 'table' "
		              "AND name NOT LIKE 'sqlite%' ORDER BY rowid",
		              "INSERT INTO main.\"%w\" SELECT * FROM src.\"%w\" WHERE 1");
	if (rc == 0)
		rc = sql_exec(db, "COMMIT");
	sqlite3_close(db);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "sqlcopy") == 0)
		return sql_copy(argv[2], argv[3]) == 0 ? 0 : 1;
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
		int ok = 0;
		for (int i = -warm; i < runs; i++) {
			if (frame(argv + 6, keys, &ff, &kk, &cc) != 0) {
				/* one run that hangs does not take the figure with it */
				fprintf(stderr, "benchtool: %s run %d%s did not paint or quit\n", argv[6],
				        i < 0 ? i + warm + 1 : i + 1, i < 0 ? " (warm-up)" : "");
				continue;
			}
			if (i >= 0) {
				f[ok] = ff;
				k[ok] = kk;
				c[ok++] = cc;
			}
		}
		if (ok == 0) {
			fprintf(stderr, "benchtool: %s: none of %d runs painted and quit\n", argv[6],
			        runs);
			return 1;
		}
		printf("%.3f %.3f %.3f %d/%d\n", median(f, ok), median(k, ok), median(c, ok), ok,
		       runs);
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
	                " fsync DIR RUNS | frame RUNS WARMUP KEYS -- CMD... | sqlcopy SRC DST\n");
	return 2;
}
