/* check_store_cache.c: the score cache against a rebuild after adds,
 * back-dated adds, updates, removes and family changes; bulk loads and
 * rescoring; two processes writing at once; the busy retry; backups and the
 * data version. */
#include <check.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../src/store_int.h"
#include "store_test.h"

#define NPEOPLE 6

static int64_t rng_range(uint64_t *s, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(t_rng(s) % (uint64_t)(hi - lo + 1));
}

/* A random interaction with one to three of the people. */
static void random_interaction(struct interaction *in, uint64_t *s, const int64_t *people)
{
	interaction_init(in);
	in->at = T_NOW - rng_range(s, 0, 900) * T_DAY + rng_range(s, 0, 86399);
	in->kind = (enum ikind)rng_range(s, 0, IKIND_COUNT - 1);
	in->dir = (enum direction)rng_range(s, 0, DIR_COUNT - 1);
	in->deep = (int)rng_range(s, 0, 1);
	int n = (int)rng_range(s, 1, 3);
	for (int i = 0; i < n; i++) {
		struct contact_ref r = {people[rng_range(s, 0, NPEOPLE - 1)], "", "", ""};
		interaction_add_contact(in, &r);
	}
}

static void check_all(struct store *st, const int64_t *people)
{
	for (int i = 0; i < NPEOPLE; i++)
		t_check_cache(st, people[i]);
}

static void setup_people(struct store *st, int64_t *people)
{
	static const char *const names[NPEOPLE] = {"Ana", "Bob", "Cid", "Dora", "Eva", "Fay"};
	for (int i = 0; i < NPEOPLE; i++)
		people[i] = t_person(st, names[i], i % 3 == 0 ? "family" : NULL);
}

START_TEST(test_cache_equals_rebuild)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t people[NPEOPLE];
	setup_people(fx.st, people);
	uint64_t seed = 0x9e3779b97f4a7c15u + (uint64_t)_i;
	int64_t rows[120];
	size_t nrows = 0;
	char *cause = NULL;
	/* adds, in random (so often back-dated) order */
	for (int k = 0; k < 80; k++) {
		struct interaction in;
		random_interaction(&in, &seed, people);
		ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), 0);
		rows[nrows++] = in.rowid;
		interaction_free(&in);
	}
	check_all(fx.st, people);
	/* updates: new times, kinds and contacts */
	for (int k = 0; k < 20; k++) {
		struct interaction in;
		random_interaction(&in, &seed, people);
		in.rowid = rows[rng_range(&seed, 0, (int64_t)nrows - 1)];
		ck_assert_int_eq(t_interaction_update(fx.st, &in, T_NOW, &cause), 0);
		interaction_free(&in);
	}
	check_all(fx.st, people);
	/* removes */
	for (int k = 0; k < 20; k++) {
		size_t at = (size_t)rng_range(&seed, 0, (int64_t)nrows - 1);
		ck_assert_int_eq(t_interaction_remove(fx.st, rows[at], T_NOW, &cause), 0);
		rows[at] = rows[--nrows];
	}
	check_all(fx.st, people);
	/* more adds on top of the rebuilt caches */
	for (int k = 0; k < 20; k++) {
		struct interaction in;
		random_interaction(&in, &seed, people);
		ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), 0);
		interaction_free(&in);
	}
	check_all(fx.st, people);
	/* the family tag changes the half-life: the contact is rescored */
	for (int i = 0; i < NPEOPLE; i += 2) {
		struct contact c;
		ck_assert_int_eq(store_contact_get(fx.st, people[i], &c, &cause), 0);
		struct score_cache before = c.sc;
		if (contact_has_tag(&c, "family")) {
			strv_free(&c.tags);
		} else {
			strv_push(&c.tags, "family");
		}
		ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), 0);
		contact_free(&c);
		t_check_cache(fx.st, people[i]);
		ck_assert_int_eq(store_contact_get(fx.st, people[i], &c, &cause), 0);
		if (before.warm_sum > 0)
			ck_assert(c.sc.warm_sum != before.warm_sum);
		contact_free(&c);
	}
	check_all(fx.st, people);
	size_t ndiffer = 99;
	ck_assert_int_eq(t_rescore_all(fx.st, NULL, NULL, &ndiffer, &cause), 0);
	ck_assert_uint_eq(ndiffer, 0);
	t_fixture_close(&fx);
}
END_TEST

/* Notes and edits of the contact never change the cache's sums. */
START_TEST(test_cache_notes_and_edits)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t a = t_person(fx.st, "Ana", NULL);
	t_log(fx.st, T_NOW - 30 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &a, 1, NULL);
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(fx.st, a, &c, &cause), 0);
	struct score_cache before = c.sc;
	t_log(fx.st, T_NOW - 1 * T_DAY, IKIND_NOTE, DIR_NONE, 0, &a, 1, NULL);
	free(c.notes);
	c.notes = xstrdup("edited");
	c.circle = CIRCLE_INNER;
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), 0);
	contact_free(&c);
	ck_assert_int_eq(store_contact_get(fx.st, a, &c, &cause), 0);
	ck_assert(c.sc.warm_sum == before.warm_sum);
	ck_assert_int_eq(c.sc.ref_at, before.ref_at);
	ck_assert_int_eq(c.sc.last_at, T_NOW - 30 * T_DAY);
	ck_assert_int_eq(c.sc.max_at, T_NOW - 1 * T_DAY);
	ck_assert_int_eq(c.sc.n, 2);
	contact_free(&c);
	t_check_cache(fx.st, a);
	t_fixture_close(&fx);
}
END_TEST

struct report_log {
	size_t calls;
	int64_t rowids[NPEOPLE];
	char names[NPEOPLE][16];
	int nonzero_before;
};

static void on_report(void *arg, const struct contact_ref *who, const struct score_cache *was,
                      const struct score_cache *now_is)
{
	struct report_log *log = arg;
	ck_assert_uint_lt(log->calls, NPEOPLE);
	log->rowids[log->calls] = who->rowid;
	snprintf(log->names[log->calls], sizeof log->names[0], "%s", who->name);
	log->calls++;
	log->nonzero_before |= was->n != 0;
	ck_assert_int_gt(now_is->n, 0);
}

START_TEST(test_bulk_then_rescore_all)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t people[NPEOPLE];
	setup_people(fx.st, people);
	uint64_t seed = 12345;
	char *cause = NULL;
	for (int k = 0; k < 60; k++) {
		struct interaction in;
		random_interaction(&in, &seed, people);
		/* Fay (the last) gets nothing */
		for (size_t i = 0; i < in.ncontacts; i++)
			if (in.contacts[i].rowid == people[NPEOPLE - 1])
				in.contacts[i].rowid = people[0];
		ck_assert_int_eq(t_interaction_bulk(fx.st, &in, T_NOW, &cause), 0);
		interaction_free(&in);
	}
	/* the caches were left alone */
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, people[0], &c, &cause), 0);
	ck_assert_int_eq(c.sc.n, 0);
	contact_free(&c);
	struct report_log log;
	memset(&log, 0, sizeof log);
	size_t ndiffer = 0;
	ck_assert_int_eq(t_rescore_all(fx.st, on_report, &log, &ndiffer, &cause), 0);
	ck_assert_uint_eq(ndiffer, NPEOPLE - 1);
	ck_assert_uint_eq(log.calls, NPEOPLE - 1);
	ck_assert_int_eq(log.nonzero_before, 0);
	for (size_t i = 0; i < log.calls; i++) {
		ck_assert_int_eq(log.rowids[i], people[i]); /* in rowid order */
		ck_assert_str_ne(log.names[i], "");
	}
	check_all(fx.st, people);
	ck_assert_int_eq(t_rescore_all(fx.st, on_report, &log, &ndiffer, &cause), 0);
	ck_assert_uint_eq(ndiffer, 0);
	ck_assert_uint_eq(log.calls, NPEOPLE - 1);
	t_fixture_close(&fx);
}
END_TEST

/* ---- two processes at once ---- */

#define WRITES 200

static int child_writes(const char *path, int which)
{
	struct store *st = NULL;
	char *cause = NULL;
	if (store_open(&st, path, 0, NULL, &cause) != 0)
		return 10;
	for (int i = 0; i < WRITES; i++) {
		struct contact c;
		contact_init(&c);
		free(c.name);
		c.name = xasprintf("Writer %d number %03d", which, i);
		if (t_contact_add(st, &c, T_NOW + i, &cause) != 0) {
			contact_free(&c);
			store_close(st);
			return 11;
		}
		struct interaction in;
		interaction_init(&in);
		in.at = T_NOW - i * 60;
		struct contact_ref r = {c.rowid, "", "", ""};
		interaction_add_contact(&in, &r);
		int rc = t_interaction_add(st, &in, T_NOW, &cause);
		interaction_free(&in);
		contact_free(&c);
		if (rc != 0) {
			store_close(st);
			return 12;
		}
	}
	store_close(st);
	return 0;
}

START_TEST(test_two_writers)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	store_close(fx.st);
	pid_t pid[2];
	for (int w = 0; w < 2; w++) {
		pid[w] = fork();
		ck_assert_int_ge(pid[w], 0);
		if (pid[w] == 0) {
			int code = child_writes(fx.path, w);
			free(fx.path); /* the child's copies: valgrind follows children */
			free(fx.dir);
			_exit(code);
		}
	}
	for (int w = 0; w < 2; w++) {
		int status = 0;
		ck_assert_int_eq(waitpid(pid[w], &status, 0), pid[w]);
		ck_assert(WIFEXITED(status));
		ck_assert_int_eq(WEXITSTATUS(status), 0);
	}
	fx.st = t_open(fx.path);
	struct store_stats ss;
	char *cause = NULL;
	ck_assert_int_eq(store_stats(fx.st, 1, &ss, &cause), 0);
	ck_assert_int_eq(ss.contacts, 2 * WRITES);
	ck_assert_int_eq(ss.interactions, 2 * WRITES);
	ck_assert_str_eq(ss.integrity, "ok");
	for (int w = 0; w < 2; w++)
		for (int i = 0; i < WRITES; i += 37) {
			char *name = xasprintf("writer %d number %03d", w, i);
			struct contact_ref *r;
			size_t n;
			ck_assert_int_eq(store_contact_find_exact(fx.st, name, 5, &r, &n, &cause),
			                 0);
			ck_assert_uint_eq(n, 1);
			struct contact c;
			ck_assert_int_eq(store_contact_get(fx.st, r[0].rowid, &c, &cause), 0);
			ck_assert_int_eq(c.sc.n, 1);
			contact_free(&c);
			contact_refs_free(r, n);
			free(name);
		}
	t_fixture_close(&fx);
}
END_TEST

/* ---- the busy retry ---- */

static int count_calls(struct store *st, void *arg, char **cause)
{
	(*(int *)arg)++;
	struct contact c;
	contact_init(&c);
	free(c.name);
	c.name = xstrdup("Patient");
	int rc = store_tx_contact_add(st, &c, T_NOW, cause);
	contact_free(&c);
	return rc;
}

START_TEST(test_retry_until_released)
{
	struct t_fixture fx;
	fx.dir = t_tmpdir();
	fx.path = t_path(fx.dir, "kith.db");
	struct t_holder h;
	t_holder_start(&h, fx.dir, fx.path, 300);
	fx.st = t_open(fx.path);
	char *cause = NULL;
	/* no busy timeout: every wait is store_write's own */
	ck_assert_int_eq(store_set_retry(fx.st, 0, 10000, &cause), 0);
	t_holder_lock(&h);
	int calls = 0;
	int rc = store_write(fx.st, count_calls, &calls, &cause);
	ck_assert_msg(rc == 0, "%s", cause ? cause : "?");
	ck_assert_int_eq(calls, 1);
	t_holder_wait(&h);
	struct contact_ref *r;
	size_t n;
	ck_assert_int_eq(store_contact_find_exact(fx.st, "patient", 5, &r, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	contact_refs_free(r, n);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_retry_gives_up)
{
	struct t_fixture fx;
	fx.dir = t_tmpdir();
	fx.path = t_path(fx.dir, "kith.db");
	struct t_holder h;
	t_holder_start(&h, fx.dir, fx.path, 0);
	fx.st = t_open(fx.path);
	char *cause = NULL;
	ck_assert_int_eq(store_set_retry(fx.st, 0, 50, &cause), 0);
	t_holder_lock(&h);
	int calls = 0;
	ck_assert_int_eq(store_write(fx.st, count_calls, &calls, &cause), -1);
	ck_assert_int_eq(calls, 0);
	ck_assert_ptr_nonnull(strstr(cause, "is busy"));
	free(cause);
	cause = NULL;
	t_holder_release(&h);
	t_holder_wait(&h);
	/* released: the same write now goes through, and the store is usable */
	ck_assert_int_eq(store_write(fx.st, count_calls, &calls, &cause), 0);
	ck_assert_int_eq(calls, 1);
	t_fixture_close(&fx);
}
END_TEST

/* ---- backups and the data version ---- */

START_TEST(test_backup)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t people[NPEOPLE];
	setup_people(fx.st, people);
	uint64_t seed = 7;
	char *cause = NULL;
	for (int k = 0; k < 30; k++) {
		struct interaction in;
		random_interaction(&in, &seed, people);
		ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), 0);
		interaction_free(&in);
	}
	ck_assert_int_eq(t_contact_remove(fx.st, people[1], T_NOW, &cause), 0);
	char *copy = t_path(fx.dir, "copy.db");
	ck_assert_int_eq(store_backup(fx.st, copy, &cause), 0);
	ck_assert_uint_eq(t_mode(copy), 0600);
	struct store_stats a, b;
	ck_assert_int_eq(store_stats(fx.st, 0, &a, &cause), 0);
	struct store *st2 = t_open(copy);
	ck_assert_int_eq(store_stats(st2, 1, &b, &cause), 0);
	ck_assert_int_eq(a.contacts, b.contacts);
	ck_assert_int_eq(a.interactions, b.interactions);
	ck_assert_int_eq(a.tombstones, b.tombstones);
	ck_assert_int_eq(b.schema_version, STORE_SCHEMA_VERSION);
	ck_assert_str_eq(b.integrity, "ok");
	/* what was compared is not empty: five people, a tombstone, interactions */
	ck_assert_int_eq(a.contacts, NPEOPLE - 1);
	ck_assert_int_ge(a.tombstones, 1);
	ck_assert_int_gt(a.interactions, 0);
	/* every remaining contact's stored cache, field by field, and a cache
	 * that holds something (sums of zero would compare equal anyway) */
	int64_t with_history = 0;
	for (int i = 0; i < NPEOPLE; i++) {
		if (i == 1)
			continue;
		struct contact c, c0;
		ck_assert_int_eq(store_contact_get(st2, people[i], &c, &cause), 0);
		ck_assert_int_eq(store_contact_get(fx.st, people[i], &c0, &cause), 0);
		ck_assert_str_eq(c.id, c0.id);
		ck_assert_str_eq(c.name, c0.name);
		ck_assert_int_eq(c.sc.n, c0.sc.n);
		ck_assert_int_eq(c.sc.n_service, c0.sc.n_service);
		ck_assert_int_eq(c.sc.ref_at, c0.sc.ref_at);
		ck_assert_int_eq(c.sc.last_at, c0.sc.last_at);
		ck_assert_int_eq(c.sc.first_at, c0.sc.first_at);
		ck_assert_int_eq(c.sc.max_at, c0.sc.max_at);
		ck_assert(c.sc.warm_sum == c0.sc.warm_sum);
		ck_assert(c.sc.gave_sum == c0.sc.gave_sum);
		ck_assert(c.sc.got_sum == c0.sc.got_sum);
		if (c.sc.n > 0 && c.sc.warm_sum > 0)
			with_history++;
		contact_free(&c);
		contact_free(&c0);
	}
	ck_assert_int_ge(with_history, 3);
	/* the removed contact stays removed in the copy */
	struct contact gone;
	ck_assert_int_eq(store_contact_get(st2, people[1], &gone, &cause), 1);
	/* and the copy is a file of its own: a write to it leaves the journal alone */
	t_person(st2, "Only in the copy", NULL);
	struct store_stats a2;
	ck_assert_int_eq(store_stats(fx.st, 0, &a2, &cause), 0);
	ck_assert_int_eq(a2.contacts, a.contacts);
	store_close(st2);
	/* an existing file is never overwritten */
	char *other = t_path(fx.dir, "precious.txt");
	t_spit(other, "keep me", 7);
	ck_assert_int_eq(store_backup(fx.st, other, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "already exists"));
	ck_assert(t_same(other, "keep me", 7));
	free(cause);
	cause = NULL;
	/* nor is a file left behind on failure */
	char *nowhere = t_path(fx.dir, "no/such/dir/x.db");
	ck_assert_int_eq(store_backup(fx.st, nowhere, &cause), -1);
	free(cause);
	free(nowhere);
	free(other);
	free(copy);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_data_version)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct store *other = t_open(fx.path);
	int64_t v1 = 0, v2 = 0, v3 = 0;
	char *cause = NULL;
	ck_assert_int_eq(store_data_version(fx.st, &v1, &cause), 0);
	t_person(fx.st, "Mine", NULL); /* this connection's own commit */
	ck_assert_int_eq(store_data_version(fx.st, &v2, &cause), 0);
	ck_assert_int_eq(v2, v1);
	t_person(other, "Theirs", NULL);
	ck_assert_int_eq(store_data_version(fx.st, &v3, &cause), 0);
	ck_assert_int_ne(v3, v2);
	/* and the other's write is visible here */
	struct contact_ref *r;
	size_t n;
	ck_assert_int_eq(store_contact_find_exact(fx.st, "theirs", 5, &r, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	contact_refs_free(r, n);
	store_close(other);
	t_fixture_close(&fx);
}
END_TEST

/* The cache tolerance at its boundary: reopened with a half-life 0.05 days
 * longer, a contact's decayed sum moves by about 1e-4 of itself and is
 * rewritten; moved by 1e-9 days it changes by about 1e-12 and is left as it
 * was, bit for bit. */
static double reopen_warm_sum(const char *path, int64_t rowid, double half_life)
{
	struct score_params p;
	score_params_default(&p);
	p.half_life = half_life;
	struct store *st;
	char *cause = NULL;
	ck_assert_int_eq(store_open(&st, path, 0, &p, &cause), 0);
	struct contact c;
	ck_assert_int_eq(store_contact_get(st, rowid, &c, &cause), 0);
	double w = c.sc.warm_sum;
	contact_free(&c);
	store_close(st);
	return w;
}

START_TEST(test_tolerance_boundary)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = t_open(path);
	int64_t ana = t_person(st, "Ana", NULL);
	t_log(st, T_NOW - 100 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &ana, 1, NULL);
	t_log(st, T_NOW - 10 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &ana, 1, NULL);
	store_close(st);
	/* 3 at the last meeting, plus 3 halved over its 90 days */
	double w90 = reopen_warm_sum(path, ana, 90);
	ck_assert(fabs(w90 - 4.5) < 1e-12);
	/* within the tolerance: kept (a rebuild would differ in the last bits) */
	double tiny = 90 + 1e-9;
	ck_assert(3 + 3 * exp2(-90 / tiny) != 4.5);
	ck_assert(reopen_warm_sum(path, ana, tiny) == w90);
	/* past it, by 2.6e-8 of the sum (1e-5 days): rescored */
	double small = 90 + 1e-5;
	double ws = reopen_warm_sum(path, ana, small);
	ck_assert_msg(fabs(ws - (3 + 3 * exp2(-90 / small))) < 1e-13, "warm_sum %.17g", ws);
	ck_assert(fabs(ws - w90) > 1e-8);
	/* and by 0.05 days: rescored to the new half-life's sum */
	double w = reopen_warm_sum(path, ana, 90.05);
	ck_assert_msg(fabs(w - (3 + 3 * exp2(-90 / 90.05))) < 1e-12, "warm_sum %.17g", w);
	ck_assert(fabs(w - w90) > 1e-4);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* A stored cache wrong in any one of its fields is found and repaired by a
 * rescore of everything, and only that contact is reported. */
static const char *const cache_columns[] = {
	"sc_ref_at", "sc_warm", "sc_gave", "sc_got", "sc_last_at",
	"sc_first_at", "sc_max_at", "sc_n", "sc_n_service",
};

START_TEST(test_rescore_finds_each_field)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t ana = t_person(fx.st, "Ana", NULL);
	int64_t bob = t_person(fx.st, "Bob", NULL);
	int64_t both[2] = {ana, bob};
	t_log(fx.st, T_NOW - 30 * T_DAY, IKIND_NOTE, DIR_NONE, 0, both, 2, NULL);
	t_log(fx.st, T_NOW - 20 * T_DAY, IKIND_ADVICE, DIR_GAVE, 0, both, 2, NULL);
	t_log(fx.st, T_NOW - 10 * T_DAY, IKIND_FAVOR, DIR_GOT, 0, both, 2, NULL);
	t_log(fx.st, T_NOW - 5 * T_DAY, IKIND_CALL, DIR_NONE, 0, both, 2, NULL);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(fx.path, &db), SQLITE_OK);
	char *sql = sqlite3_mprintf("UPDATE contact SET %s = %s + 1 WHERE id = %lld",
	                            cache_columns[_i], cache_columns[_i], (long long)ana);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
	size_t ndiffer = 0;
	char *cause = NULL;
	struct report_log log;
	memset(&log, 0, sizeof log);
	ck_assert_int_eq(t_rescore_all(fx.st, on_report, &log, &ndiffer, &cause), 0);
	ck_assert_msg(ndiffer == 1, "%s: %zu differ", cache_columns[_i], ndiffer);
	ck_assert_uint_eq(log.calls, 1);
	ck_assert_int_eq(log.rowids[0], ana);
	t_check_cache(fx.st, ana);
	t_check_cache(fx.st, bob);
	ck_assert_int_eq(t_rescore_all(fx.st, NULL, NULL, &ndiffer, &cause), 0);
	ck_assert_uint_eq(ndiffer, 0);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_store_cache(void)
{
	Suite *s = suite_create("store_cache");
	TCase *tc = tcase_create("cache");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_cache_equals_rebuild, 0, 3);
	tcase_add_test(tc, test_cache_notes_and_edits);
	tcase_add_test(tc, test_bulk_then_rescore_all);
	tcase_add_test(tc, test_tolerance_boundary);
	tcase_add_loop_test(tc, test_rescore_finds_each_field, 0,
	                    (int)(sizeof cache_columns / sizeof cache_columns[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("concurrency");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_two_writers);
	tcase_add_test(tc, test_retry_until_released);
	tcase_add_test(tc, test_retry_gives_up);
	tcase_add_test(tc, test_backup);
	tcase_add_test(tc, test_data_version);
	suite_add_tcase(s, tc);
	return s;
}
