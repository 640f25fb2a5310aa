/* check_store.c: opening the journal: the schema and PRAGMAs of a new file,
 * private modes, the files refused unchanged (not SQLite, foreign, newer,
 * damaged), the v1 fixture read and migrated with a backup first, the
 * parameter digest, and the default path. */
#include <check.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/store_int.h"
#include "store_test.h"

/* ---- raw SQLite, to make and inspect files behind the store's back ---- */

static sqlite3 *raw_open(const char *path, int flags)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open_v2(path, &db, flags, NULL), SQLITE_OK);
	return db;
}

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
}

static int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path, SQLITE_OPEN_READONLY);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(s, 0);
	ck_assert_int_eq(sqlite3_finalize(s), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	return v;
}

static char *fixture_path(const char *name)
{
	const char *dir = getenv("KITH_FIXTURES");
	return xasprintf("%s/%s", dir && *dir ? dir : "tests/fixtures", name);
}

/* The v1 fixture loaded into a new file at path. */
static void load_fixture(const char *path, const char *name)
{
	char *fx = fixture_path(name);
	size_t len;
	char *sql = t_slurp(fx, &len);
	ck_assert_msg(sql != NULL, "cannot read %s", fx);
	raw_exec(path, sql);
	free(sql);
	free(fx);
}

static void load_v1(const char *path)
{
	load_fixture(path, "v1.sql");
}

/* ---- a new journal ---- */

START_TEST(test_schema_created)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "a/b/kith.db");
	struct store *st = t_open(path);
	const char *const *tables = store_schema_tables();
	for (size_t i = 0; tables[i] != NULL; i++) {
		char *q = xasprintf("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
		                    "AND name = '%s'",
		                    tables[i]);
		ck_assert_msg(raw_int(path, q) == 1, "table %s", tables[i]);
		free(q);
	}
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(raw_int(path, "PRAGMA application_id"), STORE_APPLICATION_ID);
	struct store_stats ss;
	char *cause = NULL;
	ck_assert_int_eq(store_stats(st, 1, &ss, &cause), 0);
	ck_assert_int_eq(ss.schema_version, STORE_SCHEMA_VERSION);
	ck_assert_str_eq(ss.journal_mode, "wal");
	ck_assert_str_eq(ss.integrity, "ok");
	ck_assert_int_eq(ss.contacts, 0);
	ck_assert_int_gt(ss.page_count, 0);
	ck_assert_int_eq(ss.page_size, 4096);
	int empty = 0;
	ck_assert_int_eq(store_is_empty(st, &empty, &cause), 0);
	ck_assert_int_eq(empty, 1);
	ck_assert_str_eq(store_path(st), path);
	store_close(st);
	/* the file header says WAL for every later connection */
	sqlite3 *db = raw_open(path, SQLITE_OPEN_READONLY);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* The mutex of a connection to path opened in SQLite's serialized mode
 * (NULL: SQLite runs without mutexes). */
static sqlite3_mutex *library_db_mutex(const char *path)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL),
	                 SQLITE_OK);
	sqlite3_mutex *m = sqlite3_db_mutex(db);
	sqlite3_close(db);
	return m;
}

/* store_library_init: SQLite without mutexes and without its count of the
 * memory in use, for the whole process; a journal still opens and takes
 * writes. SQLite is shut down around the test so that it starts as a process
 * of kith starts it, and the other tests keep SQLite's defaults. */
START_TEST(test_library_one_thread)
{
	ck_assert_int_eq(sqlite3_shutdown(), SQLITE_OK);
	store_library_init();
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = t_open(path);
	struct contact c;
	contact_init(&c);
	t_set(&c.name, "Ines Duarte");
	char *cause = NULL;
	ck_assert_int_eq(t_contact_add(st, &c, T_NOW, &cause), 0);
	/* no memory is counted with a journal open, and a connection asked for
	 * its own mutex has none */
	ck_assert_int_eq(sqlite3_memory_used(), 0);
	ck_assert_ptr_null(library_db_mutex(path));
	contact_free(&c);
	store_close(st);
	ck_assert_int_eq(sqlite3_shutdown(), SQLITE_OK);
	ck_assert_int_eq(sqlite3_config(SQLITE_CONFIG_SERIALIZED), SQLITE_OK);
	ck_assert_int_eq(sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1), SQLITE_OK);
	/* SQLite's defaults again: mutexes, and the memory in use counted */
	ck_assert_ptr_nonnull(library_db_mutex(path));
	st = t_open(path);
	ck_assert_int_gt(sqlite3_memory_used(), 0);
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_pragmas_of_connection)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = t_open(path);
	static const struct {
		const char *pragma;
		int64_t want;
	} cases[] = {
		{"PRAGMA foreign_keys", 1},
		{"PRAGMA synchronous", 2}, /* FULL */
		{"PRAGMA trusted_schema", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sqlite3_stmt *s = NULL;
		ck_assert_int_eq(sqlite3_prepare_v2(st->db, cases[i].pragma, -1, &s, NULL),
		                 SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		ck_assert_msg(sqlite3_column_int64(s, 0) == cases[i].want, "%s", cases[i].pragma);
		sqlite3_finalize(s);
	}
	/* a lock attempt waits 5 s; a write waits up to 10 minutes for another */
	ck_assert_int_eq(st->busy_ms, 5000);
	ck_assert_int_eq(st->retry_ms, 600000);
	int on = -1;
	ck_assert_int_eq(sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, -1, &on), SQLITE_OK);
	ck_assert_int_eq(on, 1);
	/* defensive mode: the schema cannot be written directly */
	ck_assert_int_ne(sqlite3_exec(st->db,
	                              "PRAGMA writable_schema = ON; "
	                              "UPDATE sqlite_master SET sql = '' WHERE 0",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_modes_private)
{
	mode_t old = umask(0); /* the most open umask: the store must not depend on it */
	char *dir = t_tmpdir();
	char *jdir = t_path(dir, "data/kith");
	char *path = t_path(jdir, "kith.db");
	struct store *st = t_open(path);
	t_person(st, "Ana", NULL); /* a write: the -wal file exists now */
	ck_assert_uint_eq(t_mode(jdir), 0700);
	char *parent = t_path(dir, "data");
	ck_assert_uint_eq(t_mode(parent), 0700);
	ck_assert_uint_eq(t_mode(path), 0600);
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	ck_assert(t_exists(wal));
	ck_assert_uint_eq(t_mode(wal), 0600);
	ck_assert_uint_eq(t_mode(shm), 0600);
	struct store_stats ss;
	char *cause = NULL;
	ck_assert_int_eq(store_stats(st, 0, &ss, &cause), 0);
	ck_assert_uint_eq(ss.dir_mode, 0700);
	ck_assert_uint_eq(ss.file_mode, 0600);
	ck_assert_str_eq(ss.integrity, "");
	store_close(st);
	umask(old);
	t_rmtree(dir);
	free(wal);
	free(shm);
	free(parent);
	free(path);
	free(jdir);
	free(dir);
}
END_TEST

START_TEST(test_nocreate)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "missing.db");
	struct store *st = NULL;
	char *cause = NULL;
	ck_assert_int_eq(store_open(&st, path, STORE_OPEN_NOCREATE, NULL, &cause), -1);
	ck_assert_ptr_null(st);
	ck_assert_ptr_nonnull(strstr(cause, "does not exist"));
	ck_assert(!t_exists(path));
	free(cause);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* An empty file is a new journal, and becomes private. */
START_TEST(test_empty_is_new)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	t_spit(path, "", 0);
	ck_assert_int_eq(chmod(path, 0644), 0);
	struct store *st = t_open(path);
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_uint_eq(t_mode(path), 0600);
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* ---- files the store refuses, leaving them as they were ---- */

static void make_text(const char *path)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 40; i++)
		buf_puts(&b, "BEGIN:VCARD\nFN:Not a database\nEND:VCARD\n");
	t_spit(path, b.data, b.len);
	buf_free(&b);
}

static void make_short(const char *path)
{
	t_spit(path, "SQLite format 3", 16);
}

static void make_foreign_tables(const char *path)
{
	raw_exec(path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
	               "INSERT INTO moz_places (url) VALUES ('x')");
}

/* an SQLite file without tables, as another program may leave one */
static void make_empty_sqlite(const char *path)
{
	raw_exec(path, "PRAGMA page_size = 4096; VACUUM");
}

/* another program's database in write-ahead mode: a read-only connection
 * would leave -wal and -shm files beside it */
static void make_foreign_wal(const char *path)
{
	raw_exec(path, "PRAGMA journal_mode = WAL; CREATE TABLE moz_places (id, url)");
}

static void make_foreign_id(const char *path)
{
	raw_exec(path, "PRAGMA application_id = 42; CREATE TABLE t (x)");
}

static void make_foreign_version(const char *path)
{
	raw_exec(path, "PRAGMA user_version = 7; CREATE TABLE t (x)");
}

static void make_kith(const char *path, int people)
{
	struct store *st = t_open(path);
	for (int i = 0; i < people; i++) {
		char name[64];
		snprintf(name, sizeof name, "Person %d with a rather long name to fill pages", i);
		t_person(st, name, "tag-one,tag-two");
	}
	store_close(st);
}

static void make_newer(const char *path)
{
	make_kith(path, 3);
	raw_exec(path, "PRAGMA user_version = 3");
}

static void make_corrupt(const char *path)
{
	make_kith(path, 400);
	size_t len;
	char *data = t_slurp(path, &len);
	ck_assert_uint_gt(len, 16 * 4096);
	/* a page in the middle of the file becomes garbage */
	size_t page = (len / 4096) / 2;
	for (size_t i = 0; i < 4096; i++)
		data[page * 4096 + i] = (char)(0x5a ^ (i * 7));
	t_spit(path, data, len);
	free(data);
}

static void make_bad_header(const char *path)
{
	make_kith(path, 3);
	size_t len;
	char *data = t_slurp(path, &len);
	data[16] = 0x03; /* a page size of 0x0300: not a power of two */
	data[17] = 0x00;
	t_spit(path, data, len);
	free(data);
}

static const struct {
	const char *what;
	void (*make)(const char *path);
	const char *message; /* after the path */
} refused[] = {
	{"text", make_text, " is not a kith journal (not an SQLite database)"},
	{"short", make_short, " is not a kith journal (not an SQLite database)"},
	{"foreign tables", make_foreign_tables,
         " is not a kith journal (an SQLite database of another program)"},
	{"empty SQLite", make_empty_sqlite,
         " is not a kith journal (an empty SQLite database of another program)"},
	{"foreign WAL", make_foreign_wal,
         " is not a kith journal (an SQLite database of another program)"},
	{"foreign id", make_foreign_id,
         " is not a kith journal (an SQLite database of another program)"},
	{"foreign version", make_foreign_version,
         " is not a kith journal (an SQLite database of another program)"},
	{"newer", make_newer, " was written by a newer kith (schema 3); this kith reads up to 2"},
	{"corrupt page", make_corrupt, " is damaged: "},
	{"corrupt header", make_bad_header, " is damaged: "},
};

START_TEST(test_refused_unchanged)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	refused[_i].make(path);
	size_t len;
	char *before = t_slurp(path, &len);
	ck_assert_ptr_nonnull(before);
	struct store *st = NULL;
	char *cause = NULL;
	ck_assert_int_eq(store_open(&st, path, 0, NULL, &cause), -1);
	ck_assert_ptr_null(st);
	char *want = xasprintf("%s%s", path, refused[_i].message);
	ck_assert_msg(strncmp(cause, want, strlen(want)) == 0, "%s: got \"%s\"", refused[_i].what,
	              cause);
	if (strstr(want, "damaged") != NULL)
		ck_assert_ptr_nonnull(strstr(cause, "; restore a backup"));
	ck_assert_msg(t_same(path, before, len), "%s: the file changed", refused[_i].what);
	char *bak = xasprintf("%s.bak-v1", path);
	ck_assert(!t_exists(bak));
	free(bak);
	/* nothing beside it either */
	const char *const beside[] = {"-wal", "-shm", "-journal"};
	for (size_t k = 0; k < 3; k++) {
		char *p = xasprintf("%s%s", path, beside[k]);
		ck_assert_msg(!t_exists(p), "%s: left %s", refused[_i].what, beside[k]);
		free(p);
	}
	free(want);
	free(cause);
	free(before);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* A journal's pages counted from its header are SQLite's own count, and a
 * header that does not vouch for its count (a change counter it was not
 * written with) gives the file's size in pages; a page size SQLite never
 * makes gives none. */
START_TEST(test_header_pages)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	make_kith(path, 300);
	size_t len;
	unsigned char *data = (unsigned char *)t_slurp(path, &len);
	ck_assert_uint_ge(len, 100);
	int64_t pages = raw_int(path, "PRAGMA page_count");
	ck_assert_int_gt(pages, 8);
	ck_assert_int_eq(store_header_pages(data, (int64_t)len), pages);
	/* the file grows by pages the header does not count */
	ck_assert_int_eq(store_header_pages(data, (int64_t)len + 3 * 4096), pages);
	data[27] ^= 1; /* a change counter the count was not written with */
	ck_assert_int_eq(store_header_pages(data, (int64_t)len + 3 * 4096 + 1), pages + 4);
	data[16] = 0x00; /* 1: pages of 64 KiB */
	data[17] = 0x01;
	ck_assert_int_eq(store_header_pages(data, 65536 * 5), 5);
	data[16] = 0x03; /* 0x0300: not a power of two */
	data[17] = 0x00;
	ck_assert_int_eq(store_header_pages(data, (int64_t)len), -1);
	data[16] = 0x01; /* 256: too small */
	ck_assert_int_eq(store_header_pages(data, (int64_t)len), -1);
	free(data);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* ---- the v1 fixture ---- */

START_TEST(test_fixture_reads)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	load_v1(path);
	struct store *st = t_open(path);
	/* migrated to this kith's schema, backed up first */
	char *bak = xasprintf("%s.bak-v1", path);
	ck_assert(t_exists(bak));
	ck_assert_int_eq(raw_int(bak, "PRAGMA user_version"), 1);
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	struct contact_ref *refs;
	size_t n;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_names(st, &refs, &n, &cause), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(refs[0].name, "Bruno Tanaka");
	ck_assert_str_eq(refs[1].name, "Fátima Souza-Lima");
	ck_assert_str_eq(refs[2].name, "李小龍");
	struct contact c;
	ck_assert_int_eq(store_contact_get(st, refs[1].rowid, &c, &cause), 0);
	ck_assert_str_eq(c.org, "Acme");
	ck_assert_str_eq(c.notes, "likes tea\nsecond line");
	ck_assert_int_eq(c.cadence_days, 21);
	ck_assert_int_eq(c.circle, CIRCLE_CLOSE);
	ck_assert_int_eq(c.kind, CKIND_STRATEGIC);
	ck_assert_uint_eq(c.nfields, 3);
	ck_assert_int_eq(c.fields[2].kind, FIELD_VCARD);
	ck_assert_uint_eq(c.tags.n, 2);
	ck_assert_int_eq(c.sc.n, 3);
	contact_free(&c);
	t_check_cache(st, refs[0].rowid);
	t_check_cache(st, refs[1].rowid);
	struct interaction *tl;
	size_t ntl;
	ck_assert_int_eq(store_timeline(st, NULL, &tl, &ntl, &cause), 0);
	ck_assert_uint_eq(ntl, 4);
	ck_assert_str_eq(tl[3].summary, "coffee at the venue");
	ck_assert_uint_eq(tl[3].ncontacts, 2);
	interactions_free(tl, ntl);
	struct store_stats ss;
	ck_assert_int_eq(store_stats(st, 1, &ss, &cause), 0);
	ck_assert_int_eq(ss.followups_open, 1);
	ck_assert_int_eq(ss.followups_done, 1);
	ck_assert_int_eq(ss.tombstones, 1);
	ck_assert_int_eq(ss.archived, 1);
	ck_assert_str_eq(ss.integrity, "ok");
	contact_refs_free(refs, n);
	store_close(st);
	free(bak);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* The test's step to version 2 runs after the backup: it checks it is there. */
static int step_saw_backup(sqlite3 *db, const char *path, char **cause)
{
	(void)db;
	char *bak = xasprintf("%s.bak-v1", path);
	int ok = t_exists(bak) && raw_int(bak, "PRAGMA user_version") == 1 &&
	         raw_int(bak, "SELECT count(*) FROM contact") == 3;
	free(bak);
	if (!ok)
		return err_set(cause, "no backup before the step");
	return 0;
}

static const struct store_migration step_v2[] = {
	{STORE_SCHEMA_VERSION + 1,
         {"ALTER TABLE contact ADD COLUMN nickname TEXT NOT NULL DEFAULT ''",
          "UPDATE contact SET nickname = 'bru' WHERE name = 'Bruno Tanaka'", NULL, NULL},
         step_saw_backup},
};

START_TEST(test_migration_to_v2)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	load_v1(path);
	char *cause = NULL;
	struct store *st = NULL;
	int rc = store_open_steps(&st, path, 0, NULL, step_v2, 1, &cause);
	ck_assert_msg(rc == 0, "%s", cause ? cause : "?");
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION + 1);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM contact WHERE nickname = 'bru'"), 1);
	/* the data survived */
	struct contact_ref *refs;
	size_t n;
	ck_assert_int_eq(store_contact_names(st, &refs, &n, &cause), 0);
	ck_assert_uint_eq(n, 3);
	struct interaction *tl;
	size_t ntl;
	ck_assert_int_eq(store_timeline(st, NULL, &tl, &ntl, &cause), 0);
	ck_assert_uint_eq(ntl, 4);
	interactions_free(tl, ntl);
	contact_refs_free(refs, n);
	store_close(st);
	/* the backup is the old file: version 1, private */
	char *bak = xasprintf("%s.bak-v1", path);
	ck_assert_int_eq(raw_int(bak, "PRAGMA user_version"), 1);
	ck_assert_int_eq(raw_int(bak, "SELECT count(*) FROM interaction"), 4);
	ck_assert_uint_eq(t_mode(bak), 0600);
	/* this kith now refuses the migrated file */
	ck_assert_int_eq(store_open(&st, path, 0, NULL, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "newer kith (schema 3)"));
	free(cause);
	/* and opening it again with the step does not migrate again */
	cause = NULL;
	ck_assert_int_eq(unlink(bak), 0);
	ck_assert_int_eq(store_open_steps(&st, path, 0, NULL, step_v2, 1, &cause), 0);
	ck_assert(!t_exists(bak));
	store_close(st);
	free(bak);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* The score caches of every contact, by rowid, as the file holds them. */
struct raw_caches {
	size_t n;
	int64_t id[16];
	double v[16][9];
};

static void raw_caches(const char *path, struct raw_caches *out)
{
	sqlite3 *db = raw_open(path, SQLITE_OPEN_READONLY);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db,
	                                    "SELECT id, sc_ref_at, sc_warm, sc_gave, sc_got, "
	                                    "sc_last_at, sc_first_at, sc_max_at, sc_n, "
	                                    "sc_n_service FROM contact ORDER BY id",
	                                    -1, &s, NULL),
	                 SQLITE_OK);
	out->n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		ck_assert_uint_lt(out->n, 16);
		out->id[out->n] = sqlite3_column_int64(s, 0);
		for (int k = 0; k < 9; k++)
			out->v[out->n][k] = sqlite3_column_double(s, k + 1);
		out->n++;
	}
	ck_assert_int_eq(sqlite3_finalize(s), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
}

/* A journal of schema 1 made by kith of that schema, with no interaction
 * that carries a service: migrated to this kith's schema, its scores are
 * the same; and its caches are rebuilt, so one that was wrong is right. */
START_TEST(test_migration_keeps_scores)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	load_fixture(path, "v1_journal.sql");
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 1);
	struct raw_caches before, after;
	raw_caches(path, &before);
	ck_assert_uint_eq(before.n, 6);
	/* a cache spoiled behind kith's back: the rebuild puts it right */
	raw_exec(path, "UPDATE contact SET sc_warm = sc_warm + 1, sc_n = sc_n + 1 WHERE id = 2");
	struct store *st = t_open(path);
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	raw_caches(path, &after);
	ck_assert_uint_eq(after.n, before.n);
	for (size_t i = 0; i < before.n; i++) {
		ck_assert_int_eq(after.id[i], before.id[i]);
		t_check_cache(st, after.id[i]);
		for (int k = 0; k < 9; k++) {
			double a = before.v[i][k], b = after.v[i][k];
			ck_assert_msg(fabs(a - b) <= 1e-9 * fmax(1.0, fabs(a)),
			              "contact %lld, column %d: %.17g before, %.17g after",
			              (long long)before.id[i], k, a, b);
		}
	}
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

static const struct store_migration step_bad[] = {
	{STORE_SCHEMA_VERSION + 1, {"ALTER TABLE contact ADD COLUMN nickname TEXT", "THIS IS NOT SQL", NULL, NULL}, NULL},
};

START_TEST(test_migration_failure_rolls_back)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	load_v1(path);
	char *cause = NULL;
	struct store *st = NULL;
	ck_assert_int_eq(store_open_steps(&st, path, 0, NULL, step_bad, 1, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "migrating to schema 3"));
	/* the whole migration, this kith's own step too, was rolled back */
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 1);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM pragma_table_info('interaction') "
	                               "WHERE name = 'service'"),
	                 0);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM pragma_table_info('contact') "
	                               "WHERE name = 'nickname'"),
	                 0);
	char *bak = xasprintf("%s.bak-v1", path);
	ck_assert(t_exists(bak));
	free(bak);
	free(cause);
	/* the file still opens as version 1 */
	st = t_open(path);
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* ---- the parameter digest ---- */

START_TEST(test_params_change_rescores)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = t_open(path);
	int64_t a = t_person(st, "Ana", NULL);
	int64_t b = t_person(st, "Bia", "family");
	int64_t both[] = {a, b};
	t_log(st, T_NOW - 10 * T_DAY, IKIND_MEETING, DIR_NONE, 0, both, 2, NULL);
	t_log(st, T_NOW - 40 * T_DAY, IKIND_ADVICE, DIR_GAVE, 1, both, 1, NULL);
	struct contact before;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(st, a, &before, &cause), 0);
	store_close(st);

	struct score_params p;
	score_params_default(&p);
	p.half_life = 30;
	p.weight[IKIND_MEETING] = 5;
	ck_assert_int_eq(store_open(&st, path, 0, &p, &cause), 0);
	ck_assert(store_params(st)->half_life == 30);
	t_check_cache(st, a);
	t_check_cache(st, b);
	struct contact after;
	ck_assert_int_eq(store_contact_get(st, a, &after, &cause), 0);
	ck_assert(after.sc.warm_sum != before.sc.warm_sum);
	/* the caches are those of the new parameters, and so is the stored digest */
	size_t ndiffer = 99;
	ck_assert_int_eq(t_rescore_all(st, NULL, NULL, &ndiffer, &cause), 0);
	ck_assert_uint_eq(ndiffer, 0);
	store_close(st);
	ck_assert_int_eq(store_open(&st, path, 0, &p, &cause), 0);
	int same = 0;
	ck_assert_int_eq(store_digest_check(st, &same, &cause), 0);
	ck_assert_int_eq(same, 1);
	store_close(st);
	contact_free(&before);
	contact_free(&after);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* ---- the default path ---- */

static const struct {
	const char *kith_db, *xdg, *home;
	const char *want; /* NULL: an error */
} paths[] = {
	{"/j/my.db", "/x", "/h", "/j/my.db"},
	{NULL, "/x/data", "/h", "/x/data/kith/kith.db"},
	{NULL, "/x/data/", "/h", "/x/data/kith/kith.db"},
	{"", "/x", "/h", "/x/kith/kith.db"},
	{NULL, "relative/dir", "/h", "/h/.local/share/kith/kith.db"},
	{NULL, "", "/home/u/", "/home/u/.local/share/kith/kith.db"},
	{NULL, NULL, "/home/u", "/home/u/.local/share/kith/kith.db"},
	{NULL, NULL, NULL, NULL},
	{NULL, NULL, "", NULL},
};

static void set_or_unset(const char *name, const char *value)
{
	if (value == NULL)
		unsetenv(name);
	else
		setenv(name, value, 1);
}

START_TEST(test_default_path)
{
	static const char *const names[] = {"KITH_DB", "XDG_DATA_HOME", "HOME"};
	char *saved[3];
	for (size_t i = 0; i < 3; i++)
		saved[i] = getenv(names[i]) ? xstrdup(getenv(names[i])) : NULL;
	set_or_unset("KITH_DB", paths[_i].kith_db);
	set_or_unset("XDG_DATA_HOME", paths[_i].xdg);
	set_or_unset("HOME", paths[_i].home);
	char *cause = NULL;
	char *p = store_default_path(&cause);
	if (paths[_i].want == NULL) {
		ck_assert_ptr_null(p);
		ck_assert_ptr_nonnull(strstr(cause, "HOME"));
		free(cause);
	} else {
		ck_assert_ptr_nonnull(p);
		ck_assert_str_eq(p, paths[_i].want);
		free(p);
	}
	for (size_t i = 0; i < 3; i++) {
		set_or_unset(names[i], saved[i]);
		free(saved[i]);
	}
}
END_TEST

Suite *suite_store(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("open");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_schema_created);
	tcase_add_test(tc, test_pragmas_of_connection);
	tcase_add_test(tc, test_library_one_thread);
	tcase_add_test(tc, test_modes_private);
	tcase_add_test(tc, test_nocreate);
	tcase_add_test(tc, test_empty_is_new);
	tcase_add_loop_test(tc, test_refused_unchanged, 0,
	                    (int)(sizeof refused / sizeof refused[0]));
	tcase_add_test(tc, test_header_pages);
	tcase_add_test(tc, test_fixture_reads);
	tcase_add_test(tc, test_migration_to_v2);
	tcase_add_test(tc, test_migration_keeps_scores);
	tcase_add_test(tc, test_migration_failure_rolls_back);
	tcase_add_test(tc, test_params_change_rescores);
	tcase_add_loop_test(tc, test_default_path, 0, (int)(sizeof paths / sizeof paths[0]));
	suite_add_tcase(s, tc);
	return s;
}
