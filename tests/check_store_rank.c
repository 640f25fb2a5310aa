/* check_store_rank.c: the packed rank value every contact row keeps stays in
 * step with the columns it packs after every kind of write, and a row without
 * one (written before it existed) is read from its columns. */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_test.h"

struct rk_rows {
	struct store_rank_row v[16];
	size_t n;
};

static int rk_take(void *arg, const struct store_rank_row *row, char **cause)
{
	(void)cause;
	struct rk_rows *r = arg;
	ck_assert_uint_lt(r->n, 16);
	r->v[r->n++] = *row;
	return 0;
}

/* Every rank row equals what the full record says. */
static void rk_check(struct store *st, size_t want)
{
	struct rk_rows rows;
	rows.n = 0;
	char *cause = NULL;
	struct store_contact_filter all = {.circle = -1, .archived = 1};
	ck_assert_int_eq(store_contact_rank(st, &all, rk_take, &rows, &cause), 0);
	ck_assert_uint_eq(rows.n, want);
	struct score_params p;
	score_params_default(&p);
	for (size_t i = 0; i < rows.n; i++) {
		const struct store_rank_row *r = &rows.v[i];
		struct contact c;
		ck_assert_int_eq(store_contact_get(st, r->rowid, &c, &cause), 0);
		ck_assert_str_eq(r->id, c.id);
		ck_assert_int_eq(r->subj.circle, c.circle);
		ck_assert_int_eq(r->subj.cadence_days, c.cadence_days);
		ck_assert_int_eq(r->subj.created_at, c.created_at);
		ck_assert_int_eq(r->subj.family, contact_has_tag(&c, "family"));
		ck_assert_int_eq(r->snoozed_until, c.snoozed_until);
		ck_assert_int_eq(r->sc.ref_at, c.sc.ref_at);
		ck_assert(r->sc.warm_sum == c.sc.warm_sum);
		ck_assert(r->sc.gave_sum == c.sc.gave_sum);
		ck_assert(r->sc.got_sum == c.sc.got_sum);
		ck_assert_int_eq(r->sc.last_at, c.sc.last_at);
		ck_assert_int_eq(r->sc.first_at, c.sc.first_at);
		ck_assert_int_eq(r->sc.max_at, c.sc.max_at);
		ck_assert_int_eq(r->sc.n, c.sc.n);
		ck_assert_int_eq(r->sc.n_service, c.sc.n_service);
		contact_free(&c);
	}
}

struct rk_op {
	int64_t a, b;
};

static int rk_snooze(struct store *st, void *arg, char **cause)
{
	struct rk_op *op = arg;
	return store_tx_contact_snooze(st, op->a, T_NOW + 7 * T_DAY, T_NOW, cause);
}

static int rk_archive(struct store *st, void *arg, char **cause)
{
	struct rk_op *op = arg;
	return store_tx_contact_archive(st, op->a, 1, T_NOW, cause);
}

static int rk_merge(struct store *st, void *arg, char **cause)
{
	struct rk_op *op = arg;
	return store_tx_contact_merge(st, op->a, op->b, T_NOW, cause);
}

START_TEST(test_rank_in_step)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	int64_t ana = t_person(fx.st, "Ana", NULL);
	int64_t bea = t_person(fx.st, "Bea", "family");
	int64_t cid = t_person(fx.st, "Cid", NULL);
	rk_check(fx.st, 3);
	/* interactions: the cache changes */
	int64_t both[2] = {ana, bea};
	char id[ID_LEN + 1];
	t_log(fx.st, T_NOW - 3 * T_DAY, IKIND_MEETING, DIR_NONE, 0, both, 2, NULL);
	int64_t fav = t_log(fx.st, T_NOW - 40 * T_DAY, IKIND_FAVOR, DIR_GOT, 1, &ana, 1, id);
	rk_check(fx.st, 3);
	ck_assert_int_eq(t_interaction_remove(fx.st, fav, T_NOW, &cause), 0);
	rk_check(fx.st, 3);
	/* the contact's own columns change */
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, cid, &c, &cause), 0);
	c.circle = CIRCLE_INNER;
	c.cadence_days = 12;
	strv_push(&c.tags, "family");
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), 0);
	contact_free(&c);
	rk_check(fx.st, 3);
	struct rk_op op = {ana, cid};
	ck_assert_int_eq(store_write(fx.st, rk_snooze, &op, &cause), 0);
	rk_check(fx.st, 3);
	ck_assert_int_eq(store_write(fx.st, rk_archive, &op, &cause), 0);
	rk_check(fx.st, 3);
	ck_assert_int_eq(store_write(fx.st, rk_merge, &op, &cause), 0);
	rk_check(fx.st, 2);
	size_t ndiffer = 9;
	ck_assert_int_eq(t_rescore_all(fx.st, NULL, NULL, &ndiffer, &cause), 0);
	rk_check(fx.st, 2);
	t_fixture_close(&fx);
}
END_TEST

/* A row written before rank values existed is read from its columns. */
START_TEST(test_rank_missing)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t ana = t_person(fx.st, "Ana", NULL);
	t_log(fx.st, T_NOW - 3 * T_DAY, IKIND_CALL, DIR_NONE, 0, &ana, 1, NULL);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(fx.path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "UPDATE contact SET rank = NULL", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	rk_check(fx.st, 1);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_store_rank(void)
{
	Suite *s = suite_create("store_rank");
	TCase *tc = tcase_create("rank");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_rank_in_step);
	tcase_add_test(tc, test_rank_missing);
	suite_add_tcase(s, tc);
	return s;
}
