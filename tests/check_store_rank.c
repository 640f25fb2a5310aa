/* check_store_rank.c: the packed rank value every contact row keeps stays in
 * step with the columns it packs after every kind of write, and a row without
 * one (written before it existed) is read from its columns. */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "../src/store_int.h"
#include "buf.h"
#include "err.h"
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

static int rk_unarchive(struct store *st, void *arg, char **cause)
{
	struct rk_op *op = arg;
	return store_tx_contact_archive(st, op->a, 0, T_NOW, cause);
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

/* Rewrites byte `at` of every rank value to `value`, or cuts the values to
 * `at` bytes when value is -1; then byte at2 to value2 when at2 >= 0. The
 * connection is the test's own. */
static void rk_damage(const char *path, int at, int value, int at2, int value2)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *sel, *upd;
	/* the table itself, not the rank index, whose order the update moves */
	ck_assert_int_eq(
		sqlite3_prepare_v2(db, "SELECT id, rank FROM contact NOT INDEXED", -1, &sel, NULL),
		SQLITE_OK);
	ck_assert_int_eq(
		sqlite3_prepare_v2(db, "UPDATE contact SET rank = ?2 WHERE id = ?1", -1, &upd, NULL),
		SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	while (sqlite3_step(sel) == SQLITE_ROW) {
		int len = sqlite3_column_bytes(sel, 1);
		unsigned char b[512];
		ck_assert_int_gt(len, at);
		ck_assert_int_le(len, (int)sizeof b);
		memcpy(b, sqlite3_column_blob(sel, 1), (size_t)len);
		if (value < 0)
			len = at;
		else
			b[at] = (unsigned char)value;
		if (at2 >= 0)
			b[at2] = (unsigned char)value2;
		sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
		sqlite3_bind_blob(upd, 2, b, len, SQLITE_TRANSIENT);
		ck_assert_int_eq(sqlite3_step(upd), SQLITE_DONE);
		sqlite3_reset(upd);
	}
	ck_assert_int_eq(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	sqlite3_close(db);
}

/* A rank value that is not one of this version (a circle byte past the last
 * circle, another version byte over a plausible circle, a short value) is not
 * trusted: the row is read from its columns. */
static const struct {
	int at, value, at2, value2;
} rk_damages[] = {
	{1, CIRCLE_COUNT, -1, 0}, {1, 0xff, -1, 0},          {0, 0, 1, CIRCLE_OUTER},
	{0, 2, 1, CIRCLE_WIDE},   {40, -1, 1, CIRCLE_OUTER},
};

START_TEST(test_rank_damaged)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	int64_t ana = t_person(fx.st, "Ana", NULL);
	int64_t bea = t_person(fx.st, "Bea", NULL);
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, ana, &c, &cause), 0);
	c.circle = CIRCLE_CLOSE;
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), 0);
	contact_free(&c);
	ck_assert_int_eq(store_contact_get(fx.st, bea, &c, &cause), 0);
	c.circle = CIRCLE_INNER;
	c.cadence_days = 3;
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), 0);
	contact_free(&c);
	int64_t both[2] = {ana, bea};
	t_log(fx.st, T_NOW - 3 * T_DAY, IKIND_LEAD, DIR_GOT, 0, both, 2, NULL);
	rk_damage(fx.path, rk_damages[_i].at, rk_damages[_i].value, rk_damages[_i].at2,
	          rk_damages[_i].value2);
	rk_check(fx.st, 2);
	t_fixture_close(&fx);
}
END_TEST

/* The scan leaves archived contacts out unless asked, and filters by circle
 * and by tag. */
static int rk_has(const struct rk_rows *rows, int64_t rowid)
{
	for (size_t i = 0; i < rows->n; i++)
		if (rows->v[i].rowid == rowid)
			return 1;
	return 0;
}

static size_t rk_scan(struct store *st, int circle, const char *tag, int archived,
                      struct rk_rows *rows)
{
	struct store_contact_filter f = {.circle = circle, .tag = tag, .archived = archived};
	char *cause = NULL;
	rows->n = 0;
	ck_assert_int_eq(store_contact_rank(st, &f, rk_take, rows, &cause), 0);
	return rows->n;
}

START_TEST(test_rank_filters)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	int64_t ana = t_person(fx.st, "Ana", "work");
	int64_t bea = t_person(fx.st, "Bea", "family");
	int64_t cid = t_person(fx.st, "Cid", "work");
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, cid, &c, &cause), 0);
	c.circle = CIRCLE_INNER;
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), 0);
	contact_free(&c);
	struct rk_op op = {ana, 0};
	ck_assert_int_eq(store_write(fx.st, rk_archive, &op, &cause), 0);
	struct rk_rows rows;
	ck_assert_uint_eq(rk_scan(fx.st, -1, NULL, 0, &rows), 2);
	ck_assert(!rk_has(&rows, ana) && rk_has(&rows, bea) && rk_has(&rows, cid));
	ck_assert_uint_eq(rk_scan(fx.st, -1, NULL, 1, &rows), 3);
	ck_assert(rk_has(&rows, ana));
	ck_assert_uint_eq(rk_scan(fx.st, -1, "work", 0, &rows), 1);
	ck_assert(rk_has(&rows, cid));
	ck_assert_uint_eq(rk_scan(fx.st, -1, "work", 1, &rows), 2);
	ck_assert_uint_eq(rk_scan(fx.st, CIRCLE_INNER, NULL, 0, &rows), 1);
	ck_assert(rk_has(&rows, cid));
	ck_assert_uint_eq(rk_scan(fx.st, CIRCLE_INNER, "family", 1, &rows), 0);
	/* the scan with no filter is the one without archived contacts */
	rows.n = 0;
	ck_assert_int_eq(store_contact_rank(fx.st, NULL, rk_take, &rows, &cause), 0);
	ck_assert_uint_eq(rows.n, 2);
	ck_assert(!rk_has(&rows, ana));
	/* unarchived, it is back */
	ck_assert_int_eq(store_write(fx.st, rk_unarchive, &op, &cause), 0);
	ck_assert_uint_eq(rk_scan(fx.st, -1, NULL, 0, &rows), 3);
	t_fixture_close(&fx);
}
END_TEST

/* A tag is found in any ASCII case, and only whole: the variants of each
 * case of its first letter, tags that sort between them, and tags that do
 * not start with a letter. The family tag of a rank row follows the same rule. */
START_TEST(test_rank_tag_cases)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const char *const tags[] = {"FAMILY", "Family", "fAMILY", "family", "FaMiLy",
	                                   "fAmIlY", "Familx", "familz", "fam",    "families",
	                                   "G",      "e",      "2026-Meetup", "2026-meetup"};
	int64_t id[14];
	for (size_t i = 0; i < 14; i++)
		id[i] = t_person(fx.st, "Someone", tags[i]);
	struct rk_rows rows;
	ck_assert_uint_eq(rk_scan(fx.st, -1, "family", 0, &rows), 6);
	for (size_t i = 0; i < 14; i++)
		ck_assert_msg(rk_has(&rows, id[i]) == (i < 6), "%s", tags[i]);
	ck_assert_uint_eq(rk_scan(fx.st, -1, "FAMILY", 0, &rows), 6);
	ck_assert_uint_eq(rk_scan(fx.st, -1, "2026-MEETUP", 0, &rows), 2);
	ck_assert(rk_has(&rows, id[12]) && rk_has(&rows, id[13]));
	ck_assert_uint_eq(rk_scan(fx.st, -1, NULL, 0, &rows), 14);
	for (size_t i = 0; i < rows.n; i++) {
		size_t k = 0;
		while (id[k] != rows.v[i].rowid)
			k++;
		ck_assert_msg(rows.v[i].subj.family == (k < 6), "%s", tags[k]);
	}
	t_fixture_close(&fx);
}
END_TEST

/* The roster scan reads only the covering index contact_roster, in its
 * order (no sort, no lookup of the table's rows), on a fresh journal. */
START_TEST(test_roster_covering_index)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	(void)t_person(fx.st, "Ana", NULL);
	char *sql = xasprintf("EXPLAIN QUERY PLAN %s", store_roster_sql());
	sqlite3_stmt *s;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.st->db, sql, -1, &s, NULL), SQLITE_OK);
	int covering = 0, other = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		if (strstr(detail, "COVERING INDEX contact_roster ") != NULL)
			covering++;
		else
			other++;
	}
	ck_assert_int_eq(sqlite3_finalize(s), SQLITE_OK);
	free(sql);
	ck_assert_int_eq(covering, 1);
	ck_assert_int_eq(other, 0);
	t_fixture_close(&fx);
}
END_TEST

/* The detail lines of SQLite's plan for sql, joined by newlines (the caller
 * frees). */
static char *rk_plan(struct store *st, const char *sql)
{
	char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s;
	ck_assert_int_eq(sqlite3_prepare_v2(st->db, q, -1, &s, NULL), SQLITE_OK);
	struct buf out;
	buf_init(&out);
	while (sqlite3_step(s) == SQLITE_ROW)
		buf_printf(&out, "%s\n", (const char *)sqlite3_column_text(s, 3));
	ck_assert_int_eq(sqlite3_finalize(s), SQLITE_OK);
	free(q);
	char *plan = xstrdup(buf_str(&out));
	buf_free(&out);
	return plan;
}

/* The plan of the rank scan of f in that order, on a fresh journal. */
static char *rk_scan_plan(struct store *st, const struct store_contact_filter *f,
                          enum store_rank_order order)
{
	struct buf sql;
	buf_init(&sql);
	store_rank_sql(&sql, f, order, 1795168800);
	char *plan = rk_plan(st, buf_str(&sql));
	buf_free(&sql);
	return plan;
}

/* The scan by what is owed reads one circle from the covering index
 * contact_rank in the order asked (no sort, no row of the table); the scan of
 * contacts with interactions after now reads the index of those times, not
 * every contact; the plain scan stays covered. */
START_TEST(test_rank_scan_plans)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	(void)t_person(fx.st, "Ana", NULL);
	struct store_contact_filter one = {.circle = -1, .circles = 1u << CIRCLE_CLOSE};
	char *plan = rk_scan_plan(fx.st, &one, STORE_RANK_OWED);
	ck_assert_str_eq(plan, "SEARCH c USING COVERING INDEX contact_rank (archived_at=? AND "
	                       "circle=?)\n");
	free(plan);
	struct store_contact_filter any = {.circle = -1};
	plan = rk_scan_plan(fx.st, &any, STORE_RANK_FUTURE);
	ck_assert_str_eq(plan, "SEARCH c USING INDEX contact_future (sc_max_at>?)\n");
	free(plan);
	any.archived = 1;
	plan = rk_scan_plan(fx.st, &any, STORE_RANK_FUTURE);
	ck_assert_str_eq(plan, "SEARCH c USING INDEX contact_future (sc_max_at>?)\n");
	free(plan);
	any.archived = 0;
	plan = rk_scan_plan(fx.st, &any, STORE_RANK_ANY);
	ck_assert_str_eq(plan, "SEARCH c USING COVERING INDEX contact_rank (archived_at=?)\n");
	free(plan);
	t_fixture_close(&fx);
}
END_TEST

/* Each order gives the rows it says: by what is owed, the most first; after
 * now, only the contacts with interactions after now. */
START_TEST(test_rank_scan_orders)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t id[3];
	for (int i = 0; i < 3; i++)
		id[i] = t_person(fx.st, "Someone", NULL);
	char *cause = NULL;
	/* owed 1, 4 and 2.5 (got - gave), the third with its last contact in the future */
	const char *sums[3] = {"sc_got = 3, sc_gave = 2", "sc_got = 4, sc_gave = 0",
	                       "sc_got = 3, sc_gave = 0.5, sc_max_at = 1795168801, sc_n = 1"};
	for (int i = 0; i < 3; i++) {
		char *sql = xasprintf("UPDATE contact SET %s WHERE id = %lld", sums[i], (long long)id[i]);
		ck_assert_int_eq(sqlite3_exec(fx.st->db, sql, NULL, NULL, NULL), SQLITE_OK);
		free(sql);
		ck_assert_int_eq(store_rank_refresh(fx.st, id[i], &cause), 0);
	}
	struct store_contact_filter f = {.circle = -1};
	struct rk_rows rows;
	rows.n = 0;
	ck_assert_int_eq(store_contact_rank_owed(fx.st, &f, rk_take, &rows, &cause), 0);
	ck_assert_uint_eq(rows.n, 3);
	ck_assert_int_eq(rows.v[0].rowid, id[1]);
	ck_assert_int_eq(rows.v[1].rowid, id[2]);
	ck_assert_int_eq(rows.v[2].rowid, id[0]);
	rows.n = 0;
	ck_assert_int_eq(store_contact_rank_future(fx.st, &f, 1795168800, rk_take, &rows, &cause), 0);
	ck_assert_uint_eq(rows.n, 1);
	ck_assert_int_eq(rows.v[0].rowid, id[2]);
	rows.n = 0;
	ck_assert_int_eq(store_contact_rank_future(fx.st, &f, 1795168801, rk_take, &rows, &cause), 0);
	ck_assert_uint_eq(rows.n, 0);
	/* archived: only when the filter admits the archived */
	char *sql = xasprintf("UPDATE contact SET archived_at = 1 WHERE id = %lld", (long long)id[2]);
	ck_assert_int_eq(sqlite3_exec(fx.st->db, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	ck_assert_int_eq(store_contact_rank_future(fx.st, &f, 1795168800, rk_take, &rows, &cause), 0);
	ck_assert_uint_eq(rows.n, 0);
	f.archived = 1;
	ck_assert_int_eq(store_contact_rank_future(fx.st, &f, 1795168800, rk_take, &rows, &cause), 0);
	ck_assert_uint_eq(rows.n, 1);
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
	tcase_add_loop_test(tc, test_rank_damaged, 0, (int)(sizeof rk_damages / sizeof rk_damages[0]));
	tcase_add_test(tc, test_rank_filters);
	tcase_add_test(tc, test_rank_tag_cases);
	tcase_add_test(tc, test_roster_covering_index);
	tcase_add_test(tc, test_rank_scan_plans);
	tcase_add_test(tc, test_rank_scan_orders);
	suite_add_tcase(s, tc);
	return s;
}
