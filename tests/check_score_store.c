/* check_score_store.c: the score cache the store keeps incrementally equals a
 * full recompute after 100,000 random writes (adds, back-dated adds, deletes),
 * and scores read from the cache equal scores computed from the events. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_test.h"

#define SS_PEOPLE 400
#define SS_WRITES 100000
#define SS_BATCH 1000

struct ss_batch {
	uint64_t *seed;
	const int64_t *people;
	int64_t *rows;
	size_t *nrows;
	size_t cap;
};

static int64_t ss_pick(uint64_t *s, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(t_rng(s) % (uint64_t)(hi - lo + 1));
}

/* SS_BATCH writes in one transaction: adds (a third of them back-dated by up
 * to three years) and deletes. */
static int ss_write_batch(struct store *st, void *arg, char **cause)
{
	struct ss_batch *b = arg;
	for (int k = 0; k < SS_BATCH; k++) {
		int del = *b->nrows > 0 && ss_pick(b->seed, 0, 9) < 3;
		if (del) {
			size_t at = (size_t)ss_pick(b->seed, 0, (int64_t)*b->nrows - 1);
			if (store_tx_interaction_remove(st, b->rows[at], T_NOW, cause) != 0)
				return -1;
			b->rows[at] = b->rows[--*b->nrows];
			continue;
		}
		struct interaction in;
		interaction_init(&in);
		int back = ss_pick(b->seed, 0, 2) == 0;
		in.at = T_NOW - (back ? ss_pick(b->seed, 0, 1095) : ss_pick(b->seed, 0, 30)) * T_DAY -
		        ss_pick(b->seed, 0, 86399);
		in.kind = (enum ikind)ss_pick(b->seed, 0, IKIND_COUNT - 1);
		/* half carry a service (or a kind that is none, or one their kind
		 * makes none) */
		if (ss_pick(b->seed, 0, 1) == 0)
			in.service = (enum ikind)ss_pick(b->seed, 0, IKIND_NONE);
		in.dir = (enum direction)ss_pick(b->seed, 0, DIR_COUNT - 1);
		in.deep = ss_pick(b->seed, 0, 4) == 0;
		int n = (int)ss_pick(b->seed, 1, 3);
		for (int i = 0; i < n; i++)
			t_ref_add(&in, b->people[ss_pick(b->seed, 0, SS_PEOPLE - 1)]);
		int rc = store_tx_interaction_add(st, &in, T_NOW, cause);
		if (rc == 0 && *b->nrows < b->cap)
			b->rows[(*b->nrows)++] = in.rowid;
		interaction_free(&in);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* SS_PEOPLE contacts in one transaction, every seventh tagged family. */
static int ss_add_people(struct store *st, void *arg, char **cause)
{
	int64_t *people = arg;
	for (int i = 0; i < SS_PEOPLE; i++) {
		struct contact c;
		contact_init(&c);
		free(c.name);
		c.name = xasprintf("Person %d", i);
		c.circle = (enum circle)(i % CIRCLE_COUNT);
		if (i % 7 == 0)
			strv_push(&c.tags, "family");
		int rc = store_tx_contact_add(st, &c, T_NOW - 1000 * T_DAY, cause);
		people[i] = c.rowid;
		contact_free(&c);
		if (rc != 0)
			return -1;
	}
	return 0;
}

START_TEST(test_cache_after_100k_writes)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t *people = xcalloc(SS_PEOPLE, sizeof *people);
	char *cause = NULL;
	ck_assert_int_eq(store_write(fx.st, ss_add_people, people, &cause), 0);
	size_t cap = SS_WRITES, nrows = 0;
	int64_t *rows = xcalloc(cap, sizeof *rows);
	uint64_t seed = 0x5eed5eed12345678u;
	struct ss_batch b = {&seed, people, rows, &nrows, cap};
	for (int w = 0; w < SS_WRITES / SS_BATCH; w++) {
		int rc = store_write(fx.st, ss_write_batch, &b, &cause);
		ck_assert_msg(rc == 0, "batch %d: %s", w, cause ? cause : "");
	}
	ck_assert_uint_gt(nrows, SS_WRITES / 3);
	for (int i = 0; i < SS_PEOPLE; i++)
		t_check_cache(fx.st, people[i]);
	size_t ndiffer = 99;
	ck_assert_int_eq(t_rescore_all(fx.st, NULL, NULL, &ndiffer, &cause), 0);
	ck_assert_uint_eq(ndiffer, 0);
	free(rows);
	free(people);
	t_fixture_close(&fx);
}
END_TEST

/* What `kith list` shows (from the cache) equals what the events give. */
START_TEST(test_scores_cache_equal_events)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct score_params p;
	score_params_default(&p);
	int64_t people[20];
	for (int i = 0; i < 20; i++) {
		char name[32];
		snprintf(name, sizeof name, "P%d", i);
		people[i] = t_person(fx.st, name, i % 5 == 0 ? "family" : NULL);
	}
	uint64_t seed = 42;
	for (int k = 0; k < 200; k++) {
		int64_t who[2] = {people[ss_pick(&seed, 0, 19)], people[ss_pick(&seed, 0, 19)]};
		t_log(fx.st, T_NOW - ss_pick(&seed, 0, 800) * T_DAY,
		      (enum ikind)ss_pick(&seed, 0, IKIND_COUNT - 1),
		      (enum direction)ss_pick(&seed, 0, DIR_COUNT - 1), (int)ss_pick(&seed, 0, 1), who,
		      who[0] == who[1] ? 1 : 2, NULL);
	}
	char *cause = NULL;
	for (int i = 0; i < 20; i++) {
		struct contact c;
		ck_assert_int_eq(store_contact_get(fx.st, people[i], &c, &cause), 0);
		struct score_event *ev = NULL;
		size_t n = 0;
		ck_assert_int_eq(store_contact_events(fx.st, people[i], &ev, &n, &cause), 0);
		ck_assert_int_eq(score_cache_has_future(&c.sc, T_NOW), 0);
		struct score a, e;
		score_compute(&a, &c, &p, T_NOW);
		score_compute_events(&e, &c, &p, ev, n, T_NOW);
		ck_assert_double_eq_tol(a.warmth, e.warmth, 1e-9);
		ck_assert_double_eq_tol(a.warmth_last, e.warmth_last, 1e-9);
		ck_assert_double_eq_tol(a.balance, e.balance, 1e-9);
		ck_assert_double_eq_tol(a.owed, e.owed, 1e-9);
		ck_assert_double_eq_tol(a.attention, e.attention, 1e-9);
		ck_assert_int_eq(a.status, e.status);
		ck_assert_int_eq(a.last_contact, e.last_contact);
		free(ev);
		contact_free(&c);
	}
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_score_store(void)
{
	Suite *s = suite_create("score_store");
	TCase *tc = tcase_create("cache");
	tcase_set_timeout(tc, 1200);
	tcase_add_test(tc, test_cache_after_100k_writes);
	tcase_add_test(tc, test_scores_cache_equal_events);
	suite_add_tcase(s, tc);
	return s;
}
