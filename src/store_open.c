/* store_open.c: opening the journal: a read-only inspection that refuses
 * foreign, damaged and newer files before anything is written, read-only
 * journals, an empty stand-in in memory for a file not made yet, the
 * connection's PRAGMAs, and the schema migrations with a backup first
 * (DESIGN.md §3, §9). Depends on sqlite3, POSIX files and store_file.c. */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"

/* A database of at most this many pages (1 MiB in pages of 4 KiB) gets
 * PRAGMA quick_check at every open, which costs about 1 ms per 100 pages. A
 * bigger one would make every start slower, so it is checked by store_stats
 * (kith doctor), and damage met on the way fails with the same "damaged"
 * message. */
#define STORE_CHECK_PAGES 256
#define STORE_BUSY_MS 5000
#define STORE_RETRY_MS 600000 /* a write waits up to 10 minutes for another */

static const char store_magic[16] = "SQLite format 3";

/* What the read-only look at an existing file found. */
struct store_probe {
	int empty;   /* a zero-length file */
	int version; /* its user_version */
};

static uint32_t store_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The number of pages of a database file of `size` bytes whose header is
 * head, as SQLite counts them when no -wal adds any: the header's own count
 * when it is valid (not 0, and written by the same change as the file:
 * offsets 28, 24 and 92), else the file's size in pages; -1 when the page
 * size is not one SQLite makes. */
int64_t store_header_pages(const unsigned char head[100], int64_t size)
{
	uint32_t page = (uint32_t)head[16] << 8 | head[17];
	if (page == 1)
		page = 65536;
	if (page < 512 || (page & (page - 1)) != 0)
		return -1;
	uint32_t counted = store_be32(head + 28);
	if (counted != 0 && store_be32(head + 24) == store_be32(head + 92))
		return counted;
	return (size + page - 1) / page;
}

/* The file's first bytes: an empty file is a new journal; anything else must
 * be an SQLite database. *pages: its pages by its header (store_header_pages),
 * -1 when unknown. */
static int store_probe_header(const char *path, int *empty, int64_t *pages, char **cause)
{
	/* never blocks: a FIFO put here since store_file_kind looked is refused below */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return err_set(cause, "cannot open %s: %s", path, strerror(errno));
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		int e = errno;
		close(fd);
		return err_set(cause, "cannot open %s: %s", path, strerror(e));
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(cause, "%s is not a kith journal (not a regular file)", path);
	}
	*empty = sb.st_size == 0;
	unsigned char head[100];
	ssize_t got = *empty ? 0 : read(fd, head, sizeof head);
	int e = errno;
	close(fd);
	if (got < 0)
		return err_set(cause, "cannot read %s: %s", path, strerror(e));
	if (!*empty && (sb.st_size < 100 || got < (ssize_t)sizeof store_magic ||
	                memcmp(head, store_magic, sizeof store_magic) != 0))
		return err_set(cause, "%s is not a kith journal (not an SQLite database)", path);
	*pages = !*empty && got == (ssize_t)sizeof head ? store_header_pages(head, sb.st_size) : -1;
	return 0;
}

static int store_probe_fail(sqlite3 *db, const char *path, int rc, char **cause)
{
	const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
		return err_set(cause, "%s is damaged: %s; restore a backup", path, msg);
	return err_set(cause, "cannot read %s: %s", path, msg);
}

/* One integer from a query's first row (a PRAGMA or a count). */
static int store_probe_int(sqlite3 *db, const char *path, const char *sql, int64_t *out,
                           char **cause)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK) {
		store_probe_fail(db, path, rc, cause);
		(void)sqlite3_finalize(s);
		return -1;
	}
	rc = sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return store_probe_fail(db, path, rc, cause);
	return 0;
}

/* PRAGMA quick_check: "ok", or the first problems in *cause. */
static int store_probe_check(sqlite3 *db, const char *path, char **cause)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(3)", -1, &s, NULL);
	struct buf b;
	buf_init(&b);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		static const char noise[] = "*** in database main ***";
		if (t != NULL && strncmp(t, noise, sizeof noise - 1) == 0)
			t += sizeof noise - 1;
		while (t != NULL && (*t == '\n' || *t == ' '))
			t++;
		if (b.len > 0)
			buf_puts(&b, "; ");
		for (; t != NULL && *t != '\0'; t++)
			buf_putc(&b, *t == '\n' ? ' ' : *t);
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE) {
		store_probe_fail(db, path, rc, cause);
		(void)sqlite3_finalize(s);
		buf_free(&b);
		return -1;
	}
	rc = sqlite3_finalize(s);
	if (rc != SQLITE_OK) {
		buf_free(&b);
		return store_probe_fail(db, path, rc, cause);
	}
	if (strcmp(buf_str(&b), "ok") != 0) {
		err_set(cause, "%s is damaged: %s; restore a backup", path, buf_str(&b));
		buf_free(&b);
		return -1;
	}
	buf_free(&b);
	return 0;
}

static int store_exists(const char *path, const char *suffix, off_t *size)
{
	char *p = xasprintf("%s%s", path, suffix);
	struct stat sb;
	int rc = stat(p, &sb) == 0;
	if (size != NULL)
		*size = rc ? sb.st_size : 0;
	free(p);
	return rc;
}

/* "file:" URI of path with immutable=1: nothing is written, not even -shm. */
static char *store_uri_immutable(const char *path)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, path[0] == '/' ? "file://" : "file:");
	for (const char *p = path; *p != '\0'; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&b, "%%%02x", (unsigned char)*p);
		else
			buf_putc(&b, *p);
	buf_puts(&b, "?immutable=1");
	char *uri = xstrdup(buf_str(&b));
	buf_free(&b);
	return uri;
}

/* A read-only connection to path. A journal in write-ahead mode needs a -shm
 * file beside it; where none can be made (a read-only directory or medium)
 * and no -wal holds anything, nobody can be writing to the file, and it is
 * opened immutable. */
static int store_connect_ro(const char *path, sqlite3 **out, char **cause)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_extended_result_codes(db, 1);
	/* other processes may be writing: wait for them as the main connection does */
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(db, STORE_BUSY_MS);
	/* a read of the header: it opens the -wal and -shm files as any read
	 * does, without reading the schema */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA user_version", NULL, NULL, NULL);
	off_t wal = 0;
	if (((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) &&
	    (!store_exists(path, "-wal", &wal) || wal == 0)) {
		(void)sqlite3_close(db);
		db = NULL;
		char *uri = store_uri_immutable(path);
		rc = sqlite3_open_v2(uri, &db,
		                     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
		                     NULL);
		free(uri);
		if (rc == SQLITE_OK)
			rc = sqlite3_extended_result_codes(db, 1);
		if (rc == SQLITE_OK)
			rc = sqlite3_busy_timeout(db, STORE_BUSY_MS);
	}
	if (rc != SQLITE_OK) {
		store_probe_fail(db, path, rc, cause);
		(void)sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* Looks at an existing file through a read-only connection, so that nothing
 * is written to a file this kith must refuse. The schema is read only where
 * a question needs it: the tables of a file that is not a journal of this
 * kith's schema, and the pages of a file with a -wal that holds some or a
 * migration ahead (else the header counts them, store_header_pages), so that
 * opening a journal reads its schema once, on the connection that uses it. */
static int store_probe_db(const char *path, int newest, struct store_probe *pr, char **cause)
{
	memset(pr, 0, sizeof *pr);
	int64_t head_pages = -1;
	if (store_probe_header(path, &pr->empty, &head_pages, cause) != 0)
		return -1;
	if (pr->empty)
		return 0;
	sqlite3 *db = NULL;
	if (store_connect_ro(path, &db, cause) != 0)
		return -1;
	int64_t appid = 0, version = 0, tables = 0, pages = 0;
	int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	if (rc != SQLITE_OK) {
		store_probe_fail(db, path, rc, cause);
		rc = -1;
		goto out;
	}
	rc = -1;
	if (store_probe_int(db, path, "PRAGMA application_id", &appid, cause) != 0 ||
	    store_probe_int(db, path, "PRAGMA user_version", &version, cause) != 0)
		goto out;
	if ((appid != STORE_APPLICATION_ID || version < 1) &&
	    store_probe_int(db, path,
	                    "SELECT count(*) FROM sqlite_master "
	                    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
	                    &tables, cause) != 0)
		goto out;
	off_t wal = 0;
	if (head_pages >= 0 && version == newest && (!store_exists(path, "-wal", &wal) || wal == 0))
		pages = head_pages;
	else if (store_probe_int(db, path, "PRAGMA page_count", &pages, cause) != 0)
		goto out;
	if (appid != STORE_APPLICATION_ID) {
		/* kith never leaves one without tables: its first write makes them */
		err_set(cause, "%s is not a kith journal (%s SQLite database of another program)",
		        path, appid == 0 && version == 0 && tables == 0 ? "an empty" : "an");
		goto out;
	} else if (version > newest) {
		err_set(cause,
		        "%s was written by a newer kith (schema %lld); this kith reads up to %d",
		        path, (long long)version, newest);
		goto out;
	} else if (version < 1 && tables > 0) {
		err_set(cause, "%s is not a kith journal (tables without a schema version)", path);
		goto out;
	}
	pr->version = (int)version;
	if (pages <= STORE_CHECK_PAGES && store_probe_check(db, path, cause) != 0)
		goto out;
	rc = 0;
out:
	(void)sqlite3_close(db); /* nothing prepared is left: close cannot be busy */
	return rc;
}

/* store_probe_db, and a refused file keeps no -wal or -shm the read-only
 * connection made beside it (one that was there before stays). */
static int store_probe(const char *path, int newest, struct store_probe *pr, char **cause)
{
	int had_wal = store_exists(path, "-wal", NULL), had_shm = store_exists(path, "-shm", NULL);
	if (store_probe_db(path, newest, pr, cause) == 0)
		return 0;
	off_t wal = 0;
	if (!had_wal && store_exists(path, "-wal", &wal) && wal == 0) {
		char *p = xasprintf("%s-wal", path);
		(void)unlink(p); /* best effort: the refusal is what counts */
		free(p);
	}
	if (!had_wal && !had_shm) {
		char *p = xasprintf("%s-shm", path);
		(void)unlink(p);
		free(p);
	}
	return -1;
}

/* kith runs one thread: SQLite's mutexes and its count of memory in use,
 * which takes a mutex at each allocation, cost about 6% of an import's
 * instructions and buy nothing here. Refused (and harmless) once SQLite has
 * started. */
void store_library_init(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* The PRAGMAs every connection runs (DESIGN.md §9). */
static int store_configure(struct store *st, char **cause)
{
	int on = -1;
	int rc = sqlite3_extended_result_codes(st->db, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
	if (rc == SQLITE_OK && on != 1)
		return err_set(cause, "%s: SQLite refused defensive mode", st->path);
	if (rc == SQLITE_OK)
		rc = sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
	if (rc == SQLITE_OK)
		rc = store_rank_register(st->db);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, cause);
	if (store_set_retry(st, STORE_BUSY_MS, STORE_RETRY_MS, cause) != 0 ||
	    store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF", cause) != 0)
		return -1;
	/* 8 MiB of page cache: large journals are read without a system call a page */
	return store_exec(st, "PRAGMA synchronous = FULL; PRAGMA cache_size = -8192", cause);
}

/* Write-ahead logging, set after the schema is made: a new file is made in
 * rollback mode, so that a crash leaves it empty or whole. */
static int store_use_wal(struct store *st, char **cause)
{
	sqlite3_stmt *s = store_prepare(st, "PRAGMA journal_mode = WAL", cause);
	if (s == NULL)
		return -1;
	char *mode = NULL;
	if (store_step(st, s, cause) == 1)
		mode = store_col_str(s, 0);
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	if (mode == NULL)
		return -1;
	int wal = strcmp(mode, "wal") == 0;
	free(mode);
	if (!wal)
		return err_set(cause, "%s: SQLite cannot use write-ahead logging here", st->path);
	return 0;
}

/* The -wal and -shm files get the main file's permissions (SQLite creates
 * them so; this covers files another program left behind). */
static void store_fix_modes(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return;
	const char *const suffix[] = {"-wal", "-shm"};
	for (size_t i = 0; i < 2; i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);
		struct stat ab;
		/* best effort: a file we cannot chmod is not ours to fix */
		if (stat(p, &ab) == 0 && (ab.st_mode & 07777) != (sb.st_mode & 0666))
			(void)chmod(p, sb.st_mode & 0666);
		free(p);
	}
}

static int store_user_version(struct store *st, int *out, char **cause)
{
	sqlite3_stmt *s = store_prepare(st, "PRAGMA user_version", cause);
	if (s == NULL)
		return -1;
	int rc = store_step(st, s, cause);
	if (rc == 1)
		*out = sqlite3_column_int(s, 0);
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return rc == 1 ? 0 : (rc == 0 ? err_set(cause, "%s: no user_version", st->path) : -1);
}

struct store_migrate {
	const struct store_migration *own, *extra;
	size_t nown, nextra;
	int from;  /* the version the backup was made of */
	int again; /* the file changed version meanwhile: look again */
};

static const struct store_migration *store_step_for(const struct store_migrate *m, int version)
{
	for (size_t i = 0; i < m->nown; i++)
		if (m->own[i].version == version)
			return &m->own[i];
	for (size_t i = 0; i < m->nextra; i++)
		if (m->extra[i].version == version)
			return &m->extra[i];
	return NULL;
}

static int store_migrate_tx(struct store *st, void *arg, char **cause)
{
	struct store_migrate *m = arg;
	int version;
	if (store_user_version(st, &version, cause) != 0)
		return -1;
	if (version != m->from) {
		m->again = 1;
		return 0;
	}
	int newest = STORE_SCHEMA_VERSION + (int)m->nextra;
	for (int v = version + 1; v <= newest; v++) {
		const struct store_migration *step = store_step_for(m, v);
		if (step == NULL)
			return err_set(cause, "%s: no migration to schema %d", st->path, v);
		for (size_t i = 0; i < 4 && step->sql[i] != NULL; i++)
			if (store_exec(st, step->sql[i], cause) != 0)
				return err_wrap(cause, "%s: migrating to schema %d: ", st->path, v);
		if (step->fn != NULL && step->fn(st->db, st->path, cause) != 0)
			return err_wrap(cause, "%s: migrating to schema %d: ", st->path, v);
	}
	char *sql = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = %d",
	                      STORE_APPLICATION_ID, newest);
	int rc = store_exec(st, sql, cause);
	free(sql);
	if (rc != 0)
		return -1;
	/* a new journal has no cache to rebuild: its digest is this kith's; a
	 * migrated one gets every cache rebuilt, as the new schema reads it */
	if (version == 0)
		return store_digest_save(st, cause);
	size_t ndiffer = 0;
	if (store_tx_rescore_all(st, NULL, NULL, &ndiffer, cause) != 0)
		return err_wrap(cause, "%s: rebuilding the scores after migrating: ", st->path);
	return store_digest_save(st, cause);
}

static int store_migrate(struct store *st, const struct store_migration *extra, size_t nextra,
                         char **cause)
{
	struct store_migrate m = {0};
	m.own = store_schema_steps(&m.nown);
	m.extra = extra;
	m.nextra = nextra;
	int newest = STORE_SCHEMA_VERSION + (int)nextra;
	for (int tries = 0; tries < 8; tries++) {
		if (store_user_version(st, &m.from, cause) != 0)
			return -1;
		if (m.from >= newest)
			return 0;
		if (m.from >= 1) {
			char *bak = xasprintf("%s.bak-v%d", st->path, m.from);
			int rc = store_backup_db(st->db, bak, cause);
			if (rc != 0)
				err_wrap(cause,
				         "%s: before migrating, backing up to %s: ", st->path, bak);
			free(bak);
			if (rc != 0)
				return -1;
		}
		m.again = 0;
		if (store_write(st, store_migrate_tx, &m, cause) != 0)
			return -1;
		if (!m.again)
			return 0;
	}
	return err_set(cause, "%s: the schema keeps changing under this kith", st->path);
}

static int store_rescore_tx(struct store *st, void *arg, char **cause)
{
	(void)arg;
	size_t ndiffer = 0;
	if (store_tx_rescore_all(st, NULL, NULL, &ndiffer, cause) != 0)
		return -1;
	return store_digest_save(st, cause);
}

/* 1 when this process may write the file and make files beside it. */
static int store_writable(const char *path)
{
	char *dir = store_dir_of(path);
	int ok = access(path, W_OK) == 0 && access(dir, W_OK) == 0;
	free(dir);
	return ok;
}

static struct store *store_new(const char *path, int flags, const struct score_params *params,
                               const struct store_migration *extra, size_t nextra)
{
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->flags = flags;
	st->extra = extra;
	st->nextra = nextra;
	if (params != NULL)
		st->params = *params;
	else
		score_params_default(&st->params);
	return st;
}

/* A journal this process cannot write: read as it is, never migrated or
 * rescored. */
static int store_connect_readonly(struct store *st, const struct store_probe *pr, char **cause)
{
	int newest = STORE_SCHEMA_VERSION + (int)st->nextra, same = 0;
	st->readonly = 1;
	if (store_connect_ro(st->path, &st->db, cause) != 0 || store_configure(st, cause) != 0)
		return -1;
	if (pr->version < newest)
		return err_set(cause,
		               "the journal is read-only: %s (its schema %d needs updating to %d)",
		               st->path, pr->version, newest);
	if (store_digest_check(st, &same, cause) != 0)
		return -1;
	if (!same)
		return err_set(cause,
		               "the journal is read-only: %s (its scores were kept with other "
		               "scoring settings, and cannot be recomputed)",
		               st->path);
	return 0;
}

/* The connection to the file at st->path, made (empty, 0600) when missing:
 * probed, then opened read-only, or read-write and migrated. */
static int store_connect(struct store *st, enum store_file kind, char **cause)
{
	if (kind == STORE_FILE_MISSING && store_make_file(st->path, cause) != 0)
		return -1;
	struct store_probe pr;
	if (store_probe(st->path, STORE_SCHEMA_VERSION + (int)st->nextra, &pr, cause) != 0)
		return -1;
	if (!pr.empty && !store_writable(st->path))
		return store_connect_readonly(st, &pr, cause);
	/* an empty file is adopted: it becomes private like one kith made */
	if (pr.empty && chmod(st->path, 0600) != 0)
		return err_set(cause, "cannot set the mode of %s: %s", st->path, strerror(errno));
	int rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
	                         NULL);
	if (rc != SQLITE_OK) {
		if (st->db == NULL)
			return err_set(cause, "cannot open %s: %s", st->path, sqlite3_errstr(rc));
		return store_fail(st, rc, cause);
	}
	int same = 0;
	if (store_configure(st, cause) != 0 ||
	    store_migrate(st, st->extra, st->nextra, cause) != 0 || store_use_wal(st, cause) != 0 ||
	    store_digest_check(st, &same, cause) != 0 ||
	    (!same && store_write(st, store_rescore_tx, NULL, cause) != 0))
		return -1;
	store_fix_modes(st->path);
	return 0;
}

/* An empty journal in memory, standing in for a file not made yet. */
static int store_connect_memory(struct store *st, char **cause)
{
	int rc = sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
	                         NULL);
	if (rc != SQLITE_OK) {
		if (st->db == NULL)
			return err_set(cause, "cannot open %s: %s", st->path, sqlite3_errstr(rc));
		return store_fail(st, rc, cause);
	}
	if (store_configure(st, cause) != 0 ||
	    store_migrate(st, st->extra, st->nextra, cause) != 0)
		return -1;
	st->deferred = 1; /* from now on, a commit makes the file */
	return 0;
}

int store_open_steps(struct store **out, const char *path, int flags,
                     const struct score_params *params, const struct store_migration *extra,
                     size_t nextra, char **cause)
{
	*out = NULL;
	for (size_t i = 0; i < nextra; i++)
		if (extra[i].version != STORE_SCHEMA_VERSION + 1 + (int)i)
			return err_set(cause, "store: migration %zu is not to schema %d", i,
			               STORE_SCHEMA_VERSION + 1 + (int)i);
	if (path == NULL || *path == '\0')
		return err_set(cause, "no journal path");
	enum store_file kind;
	if (store_file_kind(path, &kind, cause) != 0)
		return -1;
	if (kind != STORE_FILE_DATA && (flags & STORE_OPEN_NOCREATE))
		return err_set(cause, kind == STORE_FILE_MISSING ? "%s does not exist"
		                                                 : "%s is empty: no journal yet",
		               path);
	struct store *st = store_new(path, flags, params, extra, nextra);
	int rc = kind != STORE_FILE_DATA && (flags & STORE_OPEN_DEFER)
	                 ? store_connect_memory(st, cause)
	                 : store_connect(st, kind, cause);
	if (rc != 0) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

int store_open(struct store **out, const char *path, int flags, const struct score_params *params,
               char **cause)
{
	return store_open_steps(out, path, flags, params, NULL, 0, cause);
}
