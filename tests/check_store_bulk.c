/* check_store_bulk.c: what the store runs for every record of an import
 * builds no temporary table, writes a contact's rank with its row, and still
 * gives a contact once and a tag once. Depends on store_test.h and sqlite3. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/store_int.h"
#include "store_test.h"

/* The SQL of the connection's statement whose text holds part (a copy, the
 * caller frees it), NULL when there is none. */
static char *bulk_sql_of(sqlite3 *db, const char *part)
{
	for (sqlite3_stmt *s = sqlite3_next_stmt(db, NULL); s != NULL; s = sqlite3_next_stmt(db, s))
		if (strstr(sqlite3_sql(s), part) != NULL)
			return strdup(sqlite3_sql(s));
	return NULL;
}

/* How many OpenEphemeral (a temporary table built at each run) the program
 * of sql holds. */
static int bulk_ephemerals(sqlite3 *db, const char *sql)
{
	char *explain = sqlite3_mprintf("EXPLAIN %s", sql);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, explain, -1, &s, NULL), SQLITE_OK);
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW)
		n += strcmp((const char *)sqlite3_column_text(s, 1), "OpenEphemeral") == 0;
	sqlite3_finalize(s);
	sqlite3_free(explain);
	return n;
}

/* How many times the connection's statement whose SQL holds part ran. */
static int bulk_runs(sqlite3 *db, const char *part)
{
	for (sqlite3_stmt *s = sqlite3_next_stmt(db, NULL); s != NULL; s = sqlite3_next_stmt(db, s))
		if (strstr(sqlite3_sql(s), part) != NULL)
			return sqlite3_stmt_status(s, SQLITE_STMTSTATUS_RUN, 0);
	return 0;
}

static int64_t bulk_person(struct store *st, const char *name, const char *email1,
                           const char *email2, const char *tags)
{
	struct contact c;
	contact_init(&c);
	t_set(&c.name, name);
	contact_add_field(&c, FIELD_EMAIL, "work", email1);
	if (email2 != NULL)
		contact_add_field(&c, FIELD_EMAIL, "home", email2);
	strv_split(&c.tags, tags, ',');
	char *cause = NULL;
	ck_assert_msg(t_contact_add(st, &c, T_NOW, &cause) == 0, "%s", cause ? cause : "");
	int64_t rowid = c.rowid;
	contact_free(&c);
	return rowid;
}

/* The lookup by e-mail address and the tag insert build no temporary table
 * per run (IN (SELECT ...) and INSERT ... SELECT from the same table do). */
START_TEST(test_bulk_no_temp_tables)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	bulk_person(fx.st, "Ana Souza", "ana@example.org", NULL, "rust,python");
	struct contact_ref *refs = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_contact_find_email(fx.st, "ana@example.org", 1, &refs, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	contact_refs_free(refs, n);
	const char *parts[] = {"f.kind = 'email'", "INSERT INTO contact_tag"};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		char *sql = bulk_sql_of(fx.st->db, parts[i]);
		ck_assert_msg(sql != NULL, "no statement holds %s", parts[i]);
		ck_assert_msg(bulk_ephemerals(fx.st->db, sql) == 0, "a temporary table in %s", sql);
		free(sql);
	}
	t_fixture_close(&fx);
}
END_TEST

/* A contact with the same address twice (in two cases) is found once, and
 * counted once; two contacts with it are both found, in name order. */
START_TEST(test_bulk_email_once)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	int64_t bo = bulk_person(fx.st, "Bo Lind", "bo@example.org", "BO@Example.org", "");
	struct contact_ref *refs = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_contact_find_email(fx.st, "Bo@example.ORG", 0, &refs, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(refs[0].rowid, bo);
	contact_refs_free(refs, n);
	int64_t al = bulk_person(fx.st, "Al Berg", "al@example.org", "bo@example.org", "");
	ck_assert_int_eq(store_contact_find_email(fx.st, "bo@example.org", 0, &refs, &n, &cause), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(refs[0].rowid, al);
	ck_assert_int_eq(refs[1].rowid, bo);
	contact_refs_free(refs, n);
	ck_assert_int_eq(store_contact_find_email(fx.st, "bo@example.org", 1, &refs, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(refs[0].rowid, al);
	contact_refs_free(refs, n);
	t_fixture_close(&fx);
}
END_TEST

/* Tags equal but for case are one tag, the first as written. */
START_TEST(test_bulk_tags_once)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	int64_t rowid = bulk_person(fx.st, "Cy Moss", "cy@example.org", NULL, "Rust,go,rust,RUST,Go");
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, rowid, &c, &cause), 0);
	ck_assert_uint_eq(c.tags.n, 2);
	ck_assert_str_eq(c.tags.v[0], "Rust");
	ck_assert_str_eq(c.tags.v[1], "go");
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* The rank a column of the row holds after an add or an update, written by
 * the insert or update itself, is the one kith_rank gives for the row. */
static void bulk_assert_rank(sqlite3 *db, int64_t rowid)
{
	char *sql = sqlite3_mprintf(
		"SELECT rank IS NOT NULL AND rank = kith_rank(circle, cadence_days, created_at, "
		"snoozed_until, uuid, sc_ref_at, sc_warm, sc_gave, sc_got, sc_last_at, sc_first_at, "
		"sc_max_at, sc_n, sc_n_service) FROM contact WHERE id = %lld",
		(long long)rowid);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);
	sqlite3_free(sql);
}

START_TEST(test_bulk_rank_with_row)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	struct contact c;
	contact_init(&c);
	t_set(&c.name, "Di Park");
	c.circle = CIRCLE_CLOSE;
	c.cadence_days = 21;
	c.snoozed_until = T_NOW + 86400;
	c.created_at = T_NOW - 5000;
	ck_assert_int_eq(t_contact_add(fx.st, &c, T_NOW, &cause), 0);
	bulk_assert_rank(fx.st->db, c.rowid);
	ck_assert_int_eq(bulk_runs(fx.st->db, "SET rank = kith_rank"), 0);
	c.circle = CIRCLE_WIDE;
	c.cadence_days = -1;
	c.snoozed_until = 0;
	c.created_at = T_NOW - 9000; /* the rank reads the new one */
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW + 10, &cause), 0);
	bulk_assert_rank(fx.st->db, c.rowid);
	ck_assert_int_eq(bulk_runs(fx.st->db, "SET rank = kith_rank"), 0);
	/* the rank a plain contact gets, too */
	int64_t plain = t_person(fx.st, "Ed Fox", NULL);
	bulk_assert_rank(fx.st->db, plain);
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* A contact's fields go in STORE_FIELD_ROWS a run, each at its place; an
 * update that has fewer leaves none of the earlier ones behind. */
START_TEST(test_bulk_fields_by_groups)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	struct contact c;
	contact_init(&c);
	t_set(&c.name, "Fay Ruiz");
	size_t nf = 2 * STORE_FIELD_ROWS + 3;
	for (size_t i = 0; i < nf; i++) {
		char type[16], value[32];
		snprintf(type, sizeof type, "t%zu", i);
		snprintf(value, sizeof value, "v%zu@example.org", i);
		contact_add_field(&c, i % 2 ? FIELD_PHONE : FIELD_EMAIL, type, value);
	}
	ck_assert_int_eq(t_contact_add(fx.st, &c, T_NOW, &cause), 0);
	ck_assert_int_eq(bulk_runs(fx.st->db, "INSERT INTO contact_field"), 3);
	struct contact got;
	ck_assert_int_eq(store_contact_get(fx.st, c.rowid, &got, &cause), 0);
	ck_assert_uint_eq(got.nfields, nf);
	for (size_t i = 0; i < nf; i++) {
		ck_assert_int_eq(got.fields[i].kind, c.fields[i].kind);
		ck_assert_str_eq(got.fields[i].type, c.fields[i].type);
		ck_assert_str_eq(got.fields[i].value, c.fields[i].value);
	}
	contact_free(&got);
	c.nfields = STORE_FIELD_ROWS + 1; /* the rest freed with c below */
	size_t all = nf;
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW + 5, &cause), 0);
	ck_assert_int_eq(store_contact_get(fx.st, c.rowid, &got, &cause), 0);
	ck_assert_uint_eq(got.nfields, STORE_FIELD_ROWS + 1);
	ck_assert_str_eq(got.fields[STORE_FIELD_ROWS].value, c.fields[STORE_FIELD_ROWS].value);
	contact_free(&got);
	c.nfields = all;
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_store_bulk(void)
{
	Suite *s = suite_create("store_bulk");
	TCase *tc = tcase_create("bulk");
	tcase_add_test(tc, test_bulk_no_temp_tables);
	tcase_add_test(tc, test_bulk_email_once);
	tcase_add_test(tc, test_bulk_tags_once);
	tcase_add_test(tc, test_bulk_rank_with_row);
	tcase_add_test(tc, test_bulk_fields_by_groups);
	suite_add_tcase(s, tc);
	return s;
}
