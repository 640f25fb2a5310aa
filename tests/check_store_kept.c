/* check_store_kept.c: statements kept prepared by their text
 * (store_prepare_kept, store_done): reused reset and unbound, never taken
 * from a user still stepping one, and a timeline read through them shows
 * what was written since the last read. Depends on store_test.h. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/store_int.h"
#include "store_test.h"

/* The same text gives the same statement back, reset and with no bindings. */
START_TEST(test_kept_reused_reset)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	sqlite3_stmt *s = store_prepare_kept(fx.st, "SELECT ?1", &cause);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(sqlite3_bind_int64(s, 1, 42), SQLITE_OK);
	ck_assert_int_eq(store_step(fx.st, s, &cause), 1);
	ck_assert_int_eq(sqlite3_column_int64(s, 0), 42);
	store_done(fx.st, s); /* mid-step: reset here */
	ck_assert(!sqlite3_stmt_busy(s));
	sqlite3_stmt *again = store_prepare_kept(fx.st, "SELECT ?1", &cause);
	ck_assert_ptr_eq(again, s);
	ck_assert_int_eq(store_step(fx.st, again, &cause), 1);
	ck_assert_int_eq(sqlite3_column_type(again, 0), SQLITE_NULL);
	store_done(fx.st, again);
	t_fixture_close(&fx);
}
END_TEST

/* A statement being stepped is not handed out again, nor finalized to make
 * room, however many other texts come meanwhile. */
START_TEST(test_kept_busy_left_alone)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	const char *sql = "SELECT 1 UNION ALL SELECT 2";
	sqlite3_stmt *a = store_prepare_kept(fx.st, sql, &cause);
	ck_assert_int_eq(store_step(fx.st, a, &cause), 1);
	sqlite3_stmt *b = store_prepare_kept(fx.st, sql, &cause);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
	ck_assert_int_eq(store_step(fx.st, b, &cause), 1);
	for (int i = 0; i < 3 * STORE_KEPT_MAX; i++) {
		char other[32];
		snprintf(other, sizeof other, "SELECT %d", i);
		sqlite3_stmt *o = store_prepare_kept(fx.st, other, &cause);
		ck_assert_ptr_nonnull(o);
		ck_assert_int_eq(store_step(fx.st, o, &cause), 1);
		ck_assert_int_eq(sqlite3_column_int(o, 0), i);
		store_done(fx.st, o);
	}
	ck_assert_int_eq(sqlite3_column_int(a, 0), 1);
	ck_assert_int_eq(store_step(fx.st, a, &cause), 1);
	ck_assert_int_eq(sqlite3_column_int(a, 0), 2);
	ck_assert_int_eq(store_step(fx.st, a, &cause), 0);
	store_done(fx.st, a);
	store_done(fx.st, b);
	t_fixture_close(&fx);
}
END_TEST

/* Every slot in use: a statement that cannot be kept is finalized when given back. */
START_TEST(test_kept_all_busy)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	sqlite3_stmt *held[STORE_KEPT_MAX + 1];
	for (int i = 0; i <= STORE_KEPT_MAX; i++) {
		char sql[32];
		snprintf(sql, sizeof sql, "SELECT %d", i);
		held[i] = store_prepare_kept(fx.st, sql, &cause);
		ck_assert_int_eq(store_step(fx.st, held[i], &cause), 1);
		ck_assert_int_eq(sqlite3_column_int(held[i], 0), i);
	}
	for (int i = 0; i <= STORE_KEPT_MAX; i++)
		store_done(fx.st, held[i]);
	int n = 0;
	for (sqlite3_stmt *s = sqlite3_next_stmt(fx.st->db, NULL); s != NULL;
	     s = sqlite3_next_stmt(fx.st->db, s))
		n += strncmp(sqlite3_sql(s), "SELECT ", 7) == 0 && strlen(sqlite3_sql(s)) <= 9;
	ck_assert_int_eq(n, STORE_KEPT_MAX);
	t_fixture_close(&fx);
}
END_TEST

/* A timeline read again after a write, here or by another connection,
 * shows the new interaction: kept statements keep no rows. */
START_TEST(test_kept_timeline_fresh)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	int64_t ana = t_person(fx.st, "Ana", NULL);
	t_log(fx.st, T_NOW - 3 * T_DAY, IKIND_MEETING, DIR_MUTUAL, 0, &ana, 1, NULL);
	struct store_timeline_query q = {ana, 0, 0, 500};
	struct interaction *v = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_timeline(fx.st, &q, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	interactions_free(v, n);
	t_log(fx.st, T_NOW - 1 * T_DAY, IKIND_CALL, DIR_GAVE, 0, &ana, 1, NULL);
	ck_assert_int_eq(store_timeline(fx.st, &q, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(v[0].kind, IKIND_CALL);
	interactions_free(v, n);
	struct store *other = t_open(fx.path);
	t_log(other, T_NOW - T_DAY / 12, IKIND_INTRO, DIR_GOT, 0, &ana, 1, NULL);
	store_close(other);
	ck_assert_int_eq(store_timeline(fx.st, &q, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(v[0].kind, IKIND_INTRO);
	ck_assert_uint_eq(v[0].ncontacts, 1);
	interactions_free(v, n);
	t_assert_idle(fx.st);
	t_fixture_close(&fx);
}
END_TEST

/* The lookups an import runs for every record (by e-mail, by name) run on
 * kept statements, not ones prepared afresh each time. */
START_TEST(test_kept_import_lookups)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	t_person(fx.st, "Ana Souza", NULL);
	const char *emails[] = {"ana@example.org", "bo@example.org", "cy@example.org"};
	for (int i = 0; i < 3; i++) {
		struct contact_ref *refs = NULL;
		size_t n = 0;
		ck_assert_int_eq(store_contact_find_email(fx.st, emails[i], 1, &refs, &n, &cause), 0);
		contact_refs_free(refs, n);
		ck_assert_int_eq(store_contact_find_exact(fx.st, "ana souza", 0, &refs, &n, &cause), 0);
		ck_assert_uint_eq(n, 1);
		contact_refs_free(refs, n);
	}
	ck_assert_int_eq(t_stmt_runs(fx.st, "f.kind = 'email'"), 3);
	ck_assert_int_eq(t_stmt_runs(fx.st, "c.name_folded = ?1"), 3);
	/* given back unbound: no text of a record outlives its lookup (the
	 * other statements may hold texts freed since: not expanded) */
	for (sqlite3_stmt *s = sqlite3_next_stmt(fx.st->db, NULL); s != NULL;
	     s = sqlite3_next_stmt(fx.st->db, s)) {
		if (strstr(sqlite3_sql(s), "f.kind = 'email'") == NULL &&
		    strstr(sqlite3_sql(s), "c.name_folded = ?1") == NULL)
			continue;
		char *x = sqlite3_expanded_sql(s);
		ck_assert_ptr_null(strstr(x, "example.org"));
		ck_assert_ptr_null(strstr(x, "'ana souza'"));
		sqlite3_free(x);
	}
	t_assert_idle(fx.st);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_store_kept(void)
{
	Suite *s = suite_create("store_kept");
	TCase *tc = tcase_create("kept");
	tcase_add_test(tc, test_kept_reused_reset);
	tcase_add_test(tc, test_kept_busy_left_alone);
	tcase_add_test(tc, test_kept_all_busy);
	tcase_add_test(tc, test_kept_timeline_fresh);
	tcase_add_test(tc, test_kept_import_lookups);
	suite_add_tcase(s, tc);
	return s;
}
