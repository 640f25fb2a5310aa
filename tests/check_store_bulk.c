/* check_store_bulk.c: what the store runs for every record of an import
 * builds no temporary table (nor do the schema's CHECKs, which still refuse
 * what they refused), writes a contact's rank with its row, and still gives a
 * contact once and a tag once. Depends on store_test.h and sqlite3. */
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
	ck_assert_int_eq(t_stmt_runs(fx.st, "SET rank = kith_rank"), 0);
	c.circle = CIRCLE_WIDE;
	c.cadence_days = -1;
	c.snoozed_until = 0;
	c.created_at = T_NOW - 9000; /* the rank reads the new one */
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW + 10, &cause), 0);
	bulk_assert_rank(fx.st->db, c.rowid);
	ck_assert_int_eq(t_stmt_runs(fx.st, "SET rank = kith_rank"), 0);
	/* the rank a plain contact gets, too */
	int64_t plain = t_person(fx.st, "Ed Fox", NULL);
	bulk_assert_rank(fx.st->db, plain);
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* The journal holds c's fields, each at its place. */
static void bulk_fields_stored(struct store *st, const struct contact *c)
{
	struct contact got;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(st, c->rowid, &got, &cause), 0);
	ck_assert_uint_eq(got.nfields, c->nfields);
	for (size_t i = 0; i < c->nfields; i++) {
		ck_assert_int_eq(got.fields[i].kind, c->fields[i].kind);
		ck_assert_str_eq(got.fields[i].type, c->fields[i].type);
		ck_assert_str_eq(got.fields[i].value, c->fields[i].value);
	}
	contact_free(&got);
}

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
	ck_assert_int_eq(t_stmt_runs(fx.st, "INSERT INTO contact_field"), 3);
	bulk_fields_stored(fx.st, &c);
	c.nfields = STORE_FIELD_ROWS + 1; /* the rest freed with c below */
	size_t all = nf;
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW + 5, &cause), 0);
	bulk_fields_stored(fx.st, &c);
	c.nfields = all;
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* A run of fields of at most STORE_FIELD_ONE_MAX goes in a row a statement,
 * a longer one in one statement; every field at its place, whatever the
 * count. */
START_TEST(test_bulk_fields_few)
{
	static const struct {
		size_t nf;
		int runs;
	} cases[] = {
		{1, 1}, {2, 2}, {3, 1}, {STORE_FIELD_ROWS, 1}, {STORE_FIELD_ROWS + 1, 2},
		{STORE_FIELD_ROWS + 2, 3}, {STORE_FIELD_ROWS + 3, 2},
	};
	size_t k = (size_t)_i;
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	struct contact c;
	contact_init(&c);
	t_set(&c.name, "Gil Moreau");
	for (size_t i = 0; i < cases[k].nf; i++) {
		char type[32], value[48];
		snprintf(type, sizeof type, "t%zu", i);
		snprintf(value, sizeof value, "w%zu@example.org", i);
		contact_add_field(&c, i % 3 ? FIELD_URL : FIELD_EMAIL, type, value);
	}
	ck_assert_int_eq(t_contact_add(fx.st, &c, T_NOW, &cause), 0);
	/* runs of the insert of several rows, and of the insert of one */
	ck_assert_int_eq(t_stmt_runs(fx.st, "type, value) SELECT") +
	                         t_stmt_runs(fx.st, "type, value) VALUES"),
	                 cases[k].runs);
	bulk_fields_stored(fx.st, &c);
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* The inserts of a contact, its fields, tags and words, an interaction, a
 * follow-up and a tombstone build no temporary table per run: the schema's
 * CHECKs of enums have no IN list that SQLite would build as one. */
START_TEST(test_bulk_inserts_no_temp_tables)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const enum store_stmt ids[] = {
		STORE_SQL_CONTACT_INSERT,     STORE_SQL_CONTACT_UPDATE,
		STORE_SQL_CONTACT_FIELD_INSERT, STORE_SQL_CONTACT_FIELD_INSERT_ONE,
		STORE_SQL_CONTACT_TAG_INSERT,
		STORE_SQL_CONTACT_WORD_INSERT, STORE_SQL_INTERACTION_INSERT,
		STORE_SQL_INTERACTION_UPDATE, STORE_SQL_FOLLOWUP_INSERT,
		STORE_SQL_TOMBSTONE_INSERT,
	};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		const char *sql = store_sql_text(ids[i]);
		ck_assert_msg(bulk_ephemerals(fx.st->db, sql) == 0, "a temporary table in %s", sql);
	}
	t_fixture_close(&fx);
}
END_TEST

/* The elements of the longest IN (...) list in sql (0: none). */
static int bulk_longest_in(const char *sql)
{
	int longest = 0;
	for (const char *p = sql; (p = strstr(p, " IN")) != NULL; p++) {
		const char *q = p + 3;
		while (*q == ' ' || *q == '\n' || *q == '\t')
			q++;
		if (*q != '(')
			continue;
		int depth = 0, n = 1;
		for (; *q != '\0'; q++) {
			if (*q == '(')
				depth++;
			else if (*q == ')' && --depth == 0)
				break;
			else if (*q == ',' && depth == 1)
				n++;
		}
		if (n > longest)
			longest = n;
	}
	return longest;
}

START_TEST(test_bulk_schema_short_in_lists)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	ck_assert_int_eq(bulk_longest_in("CHECK (a IN ('x', f(1, 2), 'z'))"), 3);
	ck_assert_int_eq(bulk_longest_in("CHECK (d IN (0, 1))"), 2);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(fx.st->db,
	                                    "SELECT name, sql FROM sqlite_master "
	                                    "WHERE sql IS NOT NULL",
	                                    -1, &s, NULL),
	                 SQLITE_OK);
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(s, 1);
		ck_assert_msg(bulk_longest_in(sql) <= 2, "%s: an IN list of %d", sqlite3_column_text(s, 0),
		              bulk_longest_in(sql));
		n++;
	}
	sqlite3_finalize(s);
	ck_assert_int_gt(n, 10);
	t_fixture_close(&fx);
}
END_TEST

/* 1 when db takes the row of sql, 0 when a constraint refuses it (the row is
 * never kept). */
static int bulk_takes(sqlite3 *db, const char *sql)
{
	ck_assert_int_eq(sqlite3_exec(db, "SAVEPOINT probe", NULL, NULL, NULL), SQLITE_OK);
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	ck_assert_msg(rc == SQLITE_OK || (rc & 0xff) == SQLITE_CONSTRAINT, "%s: %s", sql,
	              sqlite3_errmsg(db));
	ck_assert_int_eq(sqlite3_exec(db, "ROLLBACK TO probe; RELEASE probe", NULL, NULL, NULL),
	                 SQLITE_OK);
	return rc == SQLITE_OK;
}

/* One column of the schema with a CHECK of names: the insert of a row with
 * %s in it, and the names it takes. */
struct bulk_enum {
	const char *insert;
	const char *const *names;
};

#define BULK_UUID "'00000000-0000-4000-8000-000000000001'"

/* Each CHECK of names takes every name of its enum and refuses the rest
 * (other case, spaces, a prefix, '', numbers, a blob of a name's bytes), in a
 * new journal and in a journal of schema 1 (the IN lists) alike; NULL is
 * refused by NOT NULL, and a service only goes with a kind that carries one. */
START_TEST(test_bulk_checks_refuse)
{
	static const char *const circles[] = {"inner", "close", "active", "wide", "outer", NULL};
	static const char *const ckinds[] = {"personal", "operational", "strategic", NULL};
	static const char *const fkinds[] = {"email", "phone", "url", "address", "vcard", NULL};
	static const char *const ikinds[] = {"meeting", "call", "message", "event",
	                                     "share",   "intro", "advice", "lead",
	                                     "referral", "favor", "gift",   "note", NULL};
	static const char *const dirs[] = {"none", "gave", "got", "mutual", NULL};
	static const char *const tkinds[] = {"contact", "interaction", "followup", NULL};
	static const struct bulk_enum cols[] = {
		{"INSERT INTO contact (uuid, name, name_folded, created_at, updated_at, circle) "
		 "VALUES (" BULK_UUID ", 'A', 'a', 1, 1, %s)",
		 circles},
		{"INSERT INTO contact (uuid, name, name_folded, created_at, updated_at, kind) "
		 "VALUES (" BULK_UUID ", 'A', 'a', 1, 1, %s)",
		 ckinds},
		{"INSERT INTO contact_field (contact_id, pos, kind, value) VALUES (1, 9, %s, 'v')",
		 fkinds},
		{"INSERT INTO interaction (uuid, occurred_at, kind, created_at, updated_at) "
		 "VALUES (" BULK_UUID ", 1, %s, 1, 1)",
		 ikinds},
		{"INSERT INTO interaction (uuid, occurred_at, kind, direction, created_at, "
		 "updated_at) VALUES (" BULK_UUID ", 1, 'call', %s, 1, 1)",
		 dirs},
		{"INSERT INTO tombstone (uuid, kind, deleted_at) VALUES (" BULK_UUID ", %s, 1)",
		 tkinds},
	};
	static const char *const wrong[] = {"NULL", "''", "0", "1", "'x'", "'note '"};
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *old = t_path(fx.dir, "v1.db");
	sqlite3 *dbs[2] = {fx.st->db, NULL};
	ck_assert_int_eq(sqlite3_open(old, &dbs[1]), SQLITE_OK);
	const char *fixtures = getenv("KITH_FIXTURES");
	char *v1 = xasprintf("%s/v1.sql", fixtures && *fixtures ? fixtures : "tests/fixtures");
	size_t len;
	char *sql = t_slurp(v1, &len);
	ck_assert_msg(sql != NULL, "cannot read %s", v1);
	ck_assert_int_eq(sqlite3_exec(dbs[1], sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	free(v1);
	t_person(fx.st, "Ana Souza", NULL); /* contact 1, for the fields */
	for (int d = 0; d < 2; d++) {
		for (size_t c = 0; c < sizeof cols / sizeof *cols; c++) {
			for (const char *const *nm = cols[c].names; *nm != NULL; nm++) {
				char *upper = xstrdup(*nm), *lit[4];
				for (char *p = upper; *p; p++)
					*p = (char)(*p - 'a' + 'A');
				lit[0] = xasprintf("'%s'", *nm);
				lit[1] = xasprintf("'%s'", upper);
				lit[2] = xasprintf("' %s'", *nm);
				lit[3] = xstrdup("X'");
				for (const char *p = *nm; *p; p++) {
					char *longer = xasprintf("%s%02x", lit[3], (unsigned char)*p);
					free(lit[3]);
					lit[3] = longer;
				}
				char *closed = xasprintf("%s'", lit[3]);
				free(lit[3]);
				lit[3] = closed;
				for (int k = 0; k < 4; k++) {
					char *row = xasprintf(cols[c].insert, lit[k]);
					ck_assert_msg(bulk_takes(dbs[d], row) == (k == 0), "%s: %s",
					              d ? "v1" : "new", row);
					free(row);
					free(lit[k]);
				}
				char *part = xasprintf("'%.*s'", (int)strlen(*nm) - 1, *nm);
				char *row = xasprintf(cols[c].insert, part);
				ck_assert_msg(!bulk_takes(dbs[d], row), "%s", row);
				free(row);
				free(part);
				free(upper);
			}
			for (size_t w = 0; w < sizeof wrong / sizeof *wrong; w++) {
				char *row = xasprintf(cols[c].insert, wrong[w]);
				ck_assert_msg(!bulk_takes(dbs[d], row), "%s: %s", d ? "v1" : "new", row);
				free(row);
			}
		}
	}
	/* the service: NULL, or a service with a kind that carries one */
	static const struct {
		const char *kind, *service;
		int taken;
	} svc[] = {
		{"'meeting'", "NULL", 1},  {"'note'", "NULL", 1},     {"'meeting'", "'intro'", 1},
		{"'call'", "'share'", 1},   {"'message'", "'advice'", 1}, {"'event'", "'lead'", 1},
		{"'call'", "'referral'", 1}, {"'call'", "'favor'", 1},  {"'call'", "'gift'", 1},
		{"'note'", "'gift'", 0},    {"'gift'", "'intro'", 0},  {"'intro'", "'intro'", 0},
		{"'call'", "'note'", 0},    {"'call'", "'meeting'", 0}, {"'call'", "'Gift'", 0},
		{"'call'", "''", 0},        {"'call'", "0", 0},        {"'call'", "'gif'", 0},
	};
	for (size_t i = 0; i < sizeof svc / sizeof *svc; i++) {
		char *row = xasprintf("INSERT INTO interaction (uuid, occurred_at, kind, created_at, "
		                      "updated_at, service) VALUES (" BULK_UUID ", 1, %s, 1, 1, %s)",
		                      svc[i].kind, svc[i].service);
		ck_assert_msg(bulk_takes(fx.st->db, row) == svc[i].taken, "%s", row);
		free(row);
	}
	ck_assert_int_eq(sqlite3_close(dbs[1]), SQLITE_OK);
	free(old);
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
	tcase_add_loop_test(tc, test_bulk_fields_few, 0, 7);
	tcase_add_test(tc, test_bulk_inserts_no_temp_tables);
	tcase_add_test(tc, test_bulk_schema_short_in_lists);
	tcase_add_test(tc, test_bulk_checks_refuse);
	suite_add_tcase(s, tc);
	return s;
}
