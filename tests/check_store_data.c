/* check_store_data.c: contacts in the journal through the public store
 * functions: every field, enums, constraints, updates, list filters, the
 * mention lookups, tombstones and the write transaction's rollback. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_test.h"

static void full_contact(struct contact *c)
{
	contact_init(c);
	t_set(&c->name, "Fátima Ñúñez-Łukasz");
	t_set(&c->org, "Ação & Co \"Ltd\"");
	t_set(&c->role, "Head of 研究");
	t_set(&c->met, "DevConf, Brno");
	t_set(&c->notes, "line one\nline two\ttab 🎉");
	t_set(&c->birthday, "1990-04-12");
	c->circle = CIRCLE_ACTIVE;
	c->kind = CKIND_OPERATIONAL;
	c->cadence_days = 45;
	c->created_at = T_NOW - 100 * T_DAY;
	c->updated_at = T_NOW - 50 * T_DAY;
	c->archived_at = T_NOW - 2 * T_DAY;
	c->snoozed_until = T_NOW + 9 * T_DAY;
	strv_push(&c->tags, "conf");
	strv_push(&c->tags, "ação");
	strv_push(&c->tags, "conf"); /* a set: stored once */
	contact_add_field(c, FIELD_EMAIL, "work", "fatima@example.org");
	contact_add_field(c, FIELD_EMAIL, "", "f@home.example");
	contact_add_field(c, FIELD_PHONE, "home,cell", "+420 123 456 789");
	contact_add_field(c, FIELD_URL, "", "https://example.org/~f");
	contact_add_field(c, FIELD_ADDRESS, "work", ";;Main St 1;Brno;;60200;CZ");
	contact_add_field(c, FIELD_VCARD, "X-ABLABEL", "item1.X-ABLabel:_$!<Other>!$_");
}

static void assert_full(const struct contact *got, const struct contact *want)
{
	ck_assert_int_eq(got->rowid, want->rowid);
	ck_assert_str_eq(got->id, want->id);
	ck_assert_str_eq(got->name, want->name);
	ck_assert_str_eq(got->org, want->org);
	ck_assert_str_eq(got->role, want->role);
	ck_assert_str_eq(got->met, want->met);
	ck_assert_str_eq(got->notes, want->notes);
	ck_assert_str_eq(got->birthday, want->birthday);
	ck_assert_int_eq(got->circle, want->circle);
	ck_assert_int_eq(got->kind, want->kind);
	ck_assert_int_eq(got->cadence_days, want->cadence_days);
	ck_assert_int_eq(got->created_at, want->created_at);
	ck_assert_int_eq(got->updated_at, want->updated_at);
	ck_assert_int_eq(got->archived_at, want->archived_at);
	ck_assert_int_eq(got->snoozed_until, want->snoozed_until);
	ck_assert_uint_eq(got->nfields, want->nfields);
	for (size_t i = 0; i < want->nfields; i++) {
		ck_assert_int_eq(got->fields[i].kind, want->fields[i].kind);
		ck_assert_str_eq(got->fields[i].type, want->fields[i].type);
		ck_assert_str_eq(got->fields[i].value, want->fields[i].value);
	}
}

START_TEST(test_contact_round_trip)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct contact c;
	full_contact(&c);
	char *cause = NULL;
	ck_assert_int_eq(t_contact_add(fx.st, &c, T_NOW, &cause), 0);
	ck_assert_int_gt(c.rowid, 0);
	ck_assert(id_is_uuid(c.id));

	struct contact got;
	ck_assert_int_eq(store_contact_get(fx.st, c.rowid, &got, &cause), 0);
	assert_full(&got, &c);
	ck_assert_uint_eq(got.tags.n, 2); /* sorted, once each */
	ck_assert_str_eq(got.tags.v[0], "ação");
	ck_assert_str_eq(got.tags.v[1], "conf");
	ck_assert_int_eq(got.sc.n, 0);
	contact_free(&got);

	ck_assert_int_eq(store_contact_by_uuid(fx.st, c.id, &got, &cause), 0);
	assert_full(&got, &c);
	contact_free(&got);

	/* misses are 1, without a cause */
	ck_assert_int_eq(store_contact_get(fx.st, c.rowid + 1, &got, &cause), 1);
	ck_assert_int_eq(
		store_contact_by_uuid(fx.st, "00000000-0000-4000-8000-000000000000", &got, &cause),
		1);
	ck_assert_ptr_null(cause);

	/* a list carries no fields and no notes, and needs archived = 1 here */
	struct store_contact_filter f = {.circle = -1, .archived = 1};
	struct contact *v;
	size_t n;
	ck_assert_int_eq(store_contact_list(fx.st, &f, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].name, c.name);
	ck_assert_str_eq(v[0].org, c.org);
	ck_assert_str_eq(v[0].notes, "");
	ck_assert_uint_eq(v[0].nfields, 0);
	ck_assert_uint_eq(v[0].tags.n, 2);
	ck_assert_int_eq(v[0].cadence_days, 45);
	ck_assert_int_eq(v[0].archived_at, c.archived_at);
	contacts_free(v, n);
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* Every enum value and cadence form survives a round trip. */
START_TEST(test_enums_round_trip)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	static const int cadences[] = {-1, 0, 1, 7, 365};
	for (int circle = 0; circle < CIRCLE_COUNT; circle++) {
		for (int kind = 0; kind < CKIND_COUNT; kind++) {
			struct contact c, got;
			contact_init(&c);
			char name[32];
			snprintf(name, sizeof name, "P %d %d", circle, kind);
			t_set(&c.name, name);
			c.circle = (enum circle)circle;
			c.kind = (enum contact_kind)kind;
			c.cadence_days = cadences[(circle + kind) % 5];
			ck_assert_int_eq(t_contact_add(fx.st, &c, T_NOW, &cause), 0);
			ck_assert_int_eq(store_contact_get(fx.st, c.rowid, &got, &cause), 0);
			ck_assert_int_eq(got.circle, circle);
			ck_assert_int_eq(got.kind, kind);
			ck_assert_int_eq(got.cadence_days, c.cadence_days);
			ck_assert_int_eq(got.created_at, T_NOW);
			ck_assert_int_eq(got.archived_at, 0);
			contact_free(&got);
			contact_free(&c);
		}
	}
	int64_t who = t_person(fx.st, "Ana", NULL);
	for (int k = 0; k < IKIND_COUNT; k++) {
		for (int d = 0; d < DIR_COUNT; d++) {
			char id[ID_LEN + 1];
			t_log(fx.st, T_NOW - (k * DIR_COUNT + d) * 3600, (enum ikind)k,
			      (enum direction)d, (k + d) % 2, &who, 1, id);
			struct interaction in;
			ck_assert_int_eq(store_interaction_by_uuid(fx.st, id, &in, &cause), 0);
			ck_assert_int_eq(in.kind, k);
			ck_assert_int_eq(in.dir, d);
			ck_assert_int_eq(in.deep, (k + d) % 2);
			ck_assert_int_eq(in.at, T_NOW - (k * DIR_COUNT + d) * 3600);
			interaction_free(&in);
		}
	}
	t_check_cache(fx.st, who);
	t_fixture_close(&fx);
}
END_TEST

/* The service an interaction carries is stored, read back, updated and
 * scored; one its kind makes none is stored as none. */
START_TEST(test_service_round_trip)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	int64_t ana = t_person(fx.st, "Ana", NULL), bruno = t_person(fx.st, "Bruno", NULL);
	struct interaction in;
	interaction_init(&in);
	in.at = T_NOW - 3600;
	in.kind = IKIND_MEETING;
	in.service = IKIND_INTRO;
	in.dir = DIR_GAVE;
	t_ref_add(&in, ana);
	t_ref_add(&in, bruno);
	ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), 0);
	struct interaction got;
	ck_assert_int_eq(store_interaction_get(fx.st, in.rowid, &got, &cause), 0);
	ck_assert_int_eq(got.kind, IKIND_MEETING);
	ck_assert_int_eq(got.service, IKIND_INTRO);
	interaction_free(&got);
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, ana, &c, &cause), 0);
	ck_assert_int_eq(c.sc.n_service, 1);
	ck_assert(c.sc.gave_sum == 3.0 && c.sc.got_sum == 0.0 && c.sc.warm_sum == 3.0);
	contact_free(&c);
	t_check_cache(fx.st, ana);
	t_check_cache(fx.st, bruno);
	/* updated to carry a lead received, then nothing */
	in.service = IKIND_LEAD;
	in.dir = DIR_GOT;
	ck_assert_int_eq(t_interaction_update(fx.st, &in, T_NOW, &cause), 0);
	ck_assert_int_eq(store_interaction_by_uuid(fx.st, in.id, &got, &cause), 0);
	ck_assert_int_eq(got.service, IKIND_LEAD);
	interaction_free(&got);
	ck_assert_int_eq(store_contact_get(fx.st, bruno, &c, &cause), 0);
	ck_assert(c.sc.gave_sum == 0.0 && c.sc.got_sum == 4.0 && c.sc.warm_sum == 4.0);
	contact_free(&c);
	t_check_cache(fx.st, bruno);
	in.service = IKIND_NONE;
	ck_assert_int_eq(t_interaction_update(fx.st, &in, T_NOW, &cause), 0);
	ck_assert_int_eq(store_contact_get(fx.st, bruno, &c, &cause), 0);
	ck_assert(c.sc.got_sum == 0.0 && c.sc.warm_sum == 3.0 && c.sc.n_service == 0);
	contact_free(&c);
	interaction_free(&in);
	/* an intro, and a note, carry nothing besides: stored as none */
	static const enum ikind kinds[] = {IKIND_INTRO, IKIND_NOTE};
	for (size_t k = 0; k < 2; k++) {
		interaction_init(&in);
		in.at = T_NOW - 60;
		in.kind = kinds[k];
		in.service = IKIND_ADVICE;
		t_ref_add(&in, ana);
		ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), 0);
		ck_assert_int_eq(store_interaction_get(fx.st, in.rowid, &got, &cause), 0);
		ck_assert_int_eq(got.service, IKIND_NONE);
		ck_assert_int_eq(model_interaction_service(&got),
		                 kinds[k] == IKIND_INTRO ? IKIND_INTRO : IKIND_NONE);
		interaction_free(&got);
		interaction_free(&in);
	}
	t_check_cache(fx.st, ana);
	/* the timeline reads it too */
	struct interaction *tl;
	size_t n;
	struct store_timeline_query q = {bruno, 0, 0, 0};
	ck_assert_int_eq(store_timeline(fx.st, &q, &tl, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(tl[0].service, IKIND_NONE);
	interactions_free(tl, n);
	q.contact_rowid = ana;
	ck_assert_int_eq(store_timeline(fx.st, &q, &tl, &n, &cause), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(tl[0].kind, IKIND_NOTE);
	interactions_free(tl, n);
	t_fixture_close(&fx);
}
END_TEST

static void rejected_blank(struct contact *c)
{
	t_set(&c->name, " \t ");
}

static void rejected_empty(struct contact *c)
{
	t_set(&c->name, "");
}

static void rejected_circle(struct contact *c)
{
	c->circle = (enum circle)99;
}

static void rejected_kind(struct contact *c)
{
	c->kind = (enum contact_kind)7;
}

static void rejected_field(struct contact *c)
{
	contact_add_field(c, (enum field_kind)42, "", "x");
}

static void rejected_tag(struct contact *c)
{
	strv_push(&c->tags, "");
}

static void rejected_uuid(struct contact *c)
{
	memcpy(c->id, "not-a-uuid", 11);
}

static void rejected_cadence(struct contact *c)
{
	c->cadence_days = -5;
}

static const struct {
	void (*spoil)(struct contact *c);
	const char *message;
} rejected[] = {
	{rejected_blank, "a contact needs a name"},
	{rejected_empty, "a contact needs a name"},
	{rejected_circle, "CHECK constraint failed"},
	{rejected_kind, "CHECK constraint failed"},
	{rejected_field, "CHECK constraint failed"},
	{rejected_tag, "an empty tag"},
	{rejected_uuid, "is not a uuid"},
	{rejected_cadence, "a cadence of -5 days"},
};

START_TEST(test_contact_rejected)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct contact c;
	contact_init(&c);
	t_set(&c.name, "Valid Name");
	rejected[_i].spoil(&c);
	char *cause = NULL;
	ck_assert_int_eq(t_contact_add(fx.st, &c, T_NOW, &cause), -1);
	ck_assert_msg(strstr(cause, rejected[_i].message) != NULL, "got \"%s\"", cause);
	free(cause);
	cause = NULL;
	int empty = 0;
	ck_assert_int_eq(store_is_empty(fx.st, &empty, &cause), 0);
	ck_assert_int_eq(empty, 1); /* nothing was written */
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* The schema itself refuses bad rows, whoever writes them. */
static const char *const bad_rows[] = {
	"INSERT INTO contact (uuid, name, name_folded, circle, created_at, updated_at) VALUES "
	"('00000000-0000-4000-8000-000000000001', 'X', 'x', 'bogus', 1, 1)",
	"INSERT INTO contact (uuid, name, name_folded, created_at, updated_at) VALUES "
	"('00000000-0000-4000-8000-000000000001', '  ', '', 1, 1)",
	"INSERT INTO contact (uuid, name, name_folded, cadence_days, created_at, updated_at) "
	"VALUES ('00000000-0000-4000-8000-000000000001', 'X', 'x', -3, 1, 1)",
	"INSERT INTO contact (uuid, name, name_folded, created_at, updated_at) VALUES "
	"('short', 'X', 'x', 1, 1)",
	"INSERT INTO interaction (uuid, occurred_at, kind, created_at, updated_at) VALUES "
	"('00000000-0000-4000-8000-000000000002', 1, 'bogus', 1, 1)",
	"INSERT INTO interaction (uuid, occurred_at, kind, direction, created_at, updated_at) "
	"VALUES ('00000000-0000-4000-8000-000000000002', 1, 'call', 'sideways', 1, 1)",
	"INSERT INTO interaction_contact (interaction_id, contact_id, pos) VALUES (5, 6, 0)",
	"INSERT INTO tombstone (uuid, kind, deleted_at) VALUES ('u', 'planet', 1)",
	/* a service carried is a service, and only a meeting, call, message or
	 * event carries one */
	"INSERT INTO interaction (uuid, occurred_at, kind, service, created_at, updated_at) "
	"VALUES ('00000000-0000-4000-8000-000000000002', 1, 'meeting', 'call', 1, 1)",
	"INSERT INTO interaction (uuid, occurred_at, kind, service, created_at, updated_at) "
	"VALUES ('00000000-0000-4000-8000-000000000002', 1, 'intro', 'advice', 1, 1)",
	"INSERT INTO interaction (uuid, occurred_at, kind, service, created_at, updated_at) "
	"VALUES ('00000000-0000-4000-8000-000000000002', 1, 'note', 'gift', 1, 1)",
};

START_TEST(test_schema_constraints)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	store_close(fx.st);
	fx.st = NULL;
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(fx.path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	int rc = sqlite3_exec(db, bad_rows[_i], NULL, NULL, NULL);
	ck_assert_msg((rc & 0xff) == SQLITE_CONSTRAINT, "accepted: %s", bad_rows[_i]);
	sqlite3_close(db);
	fx.st = t_open(fx.path);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_contact_update)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct contact c;
	full_contact(&c);
	char *cause = NULL;
	ck_assert_int_eq(t_contact_add(fx.st, &c, T_NOW, &cause), 0);
	char id[ID_LEN + 1];
	memcpy(id, c.id, sizeof id);
	t_set(&c.name, "Maria Fernanda");
	t_set(&c.notes, "");
	c.cadence_days = -1;
	c.archived_at = 0;
	c.circle = CIRCLE_INNER;
	strv_free(&c.tags);
	strv_push(&c.tags, "new");
	c.nfields = 1; /* the others are freed by hand */
	for (size_t i = 1; i < 6; i++) {
		free(c.fields[i].type);
		free(c.fields[i].value);
	}
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW + 10, &cause), 0);
	ck_assert_int_eq(c.updated_at, T_NOW + 10);
	struct contact got;
	ck_assert_int_eq(store_contact_get(fx.st, c.rowid, &got, &cause), 0);
	assert_full(&got, &c);
	ck_assert_str_eq(got.id, id);
	ck_assert_uint_eq(got.tags.n, 1);
	ck_assert_str_eq(got.tags.v[0], "new");
	contact_free(&got);
	/* the name words follow the name */
	struct contact_ref *r;
	size_t n, total;
	char *w1[] = {"fatima"};
	ck_assert_int_eq(store_contact_find_words(fx.st, w1, 1, 10, &r, &n, &total, &cause), 0);
	ck_assert_uint_eq(n, 0);
	contact_refs_free(r, n);
	char *w2[] = {"fern"};
	ck_assert_int_eq(store_contact_find_words(fx.st, w2, 1, 10, &r, &n, &total, &cause), 0);
	ck_assert_uint_eq(n, 1);
	contact_refs_free(r, n);
	ck_assert_int_eq(store_contact_find_exact(fx.st, "maria fernanda", 10, &r, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	contact_refs_free(r, n);
	/* a missing rowid fails */
	c.rowid += 100;
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "no longer in the journal"));
	free(cause);
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* ---- archive, snooze and list filters ---- */

struct stamp_arg {
	int64_t rowid, at;
	int archive;
};

static int do_stamp(struct store *st, void *arg, char **cause)
{
	struct stamp_arg *s = arg;
	if (s->archive)
		return store_tx_contact_archive(st, s->rowid, s->at != 0, T_NOW, cause);
	return store_tx_contact_snooze(st, s->rowid, s->at, T_NOW, cause);
}

START_TEST(test_list_filters)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const struct {
		const char *name;
		enum circle circle;
		const char *tags;
	} people[] = {
		{"zoe", CIRCLE_INNER, "family"},    {"Ana", CIRCLE_CLOSE, "work,devconf"},
		{"Émile", CIRCLE_INNER, "work"},    {"bruno", CIRCLE_OUTER, NULL},
		{"Carla", CIRCLE_CLOSE, "devconf"},
	};
	int64_t row[5];
	char *cause = NULL;
	for (size_t i = 0; i < 5; i++) {
		struct contact c;
		contact_init(&c);
		t_set(&c.name, people[i].name);
		c.circle = people[i].circle;
		if (people[i].tags)
			strv_split(&c.tags, people[i].tags, ',');
		ck_assert_int_eq(t_contact_add(fx.st, &c, T_NOW, &cause), 0);
		row[i] = c.rowid;
		contact_free(&c);
	}
	struct stamp_arg arch = {row[4], T_NOW, 1};
	ck_assert_int_eq(store_write(fx.st, do_stamp, &arch, &cause), 0);
	struct stamp_arg snooze = {row[1], T_NOW + 7 * T_DAY, 0};
	ck_assert_int_eq(store_write(fx.st, do_stamp, &snooze, &cause), 0);
	static const struct {
		int circle;
		const char *tag;
		int archived;
		const char *names;
	} cases[] = {
		{-1, NULL, 0, "Ana,bruno,Émile,zoe"}, {-1, NULL, 1, "Ana,bruno,Carla,Émile,zoe"},
		{CIRCLE_INNER, NULL, 0, "Émile,zoe"}, {-1, "devconf", 0, "Ana"},
		{-1, "devconf", 1, "Ana,Carla"},      {CIRCLE_INNER, "work", 1, "Émile"},
		{CIRCLE_WIDE, NULL, 1, ""},           {-1, "nope", 1, ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct store_contact_filter f = {
			.circle = cases[i].circle, .tag = cases[i].tag, .archived = cases[i].archived};
		struct contact *v;
		size_t n;
		ck_assert_int_eq(store_contact_list(fx.st, &f, &v, &n, &cause), 0);
		struct strv names;
		strv_init(&names);
		for (size_t k = 0; k < n; k++)
			strv_push(&names, v[k].name);
		char *joined = strv_join(&names, ",");
		ck_assert_msg(strcmp(joined, cases[i].names) == 0, "case %zu: %s", i, joined);
		for (size_t k = 0; k < n; k++)
			if (strcmp(v[k].name, "Ana") == 0) {
				ck_assert_int_eq(v[k].snoozed_until, T_NOW + 7 * T_DAY);
				ck_assert_uint_eq(v[k].tags.n, 2);
			}
		free(joined);
		strv_free(&names);
		contacts_free(v, n);
	}
	struct stamp_arg unarch = {row[4], 0, 1}, unsnooze = {row[1], 0, 0};
	ck_assert_int_eq(store_write(fx.st, do_stamp, &unarch, &cause), 0);
	ck_assert_int_eq(store_write(fx.st, do_stamp, &unsnooze, &cause), 0);
	struct contact got;
	ck_assert_int_eq(store_contact_get(fx.st, row[4], &got, &cause), 0);
	ck_assert_int_eq(got.archived_at, 0);
	contact_free(&got);
	ck_assert_int_eq(store_contact_get(fx.st, row[1], &got, &cause), 0);
	ck_assert_int_eq(got.snoozed_until, 0);
	ck_assert_int_eq(got.updated_at, T_NOW);
	contact_free(&got);
	struct stamp_arg missing = {999, 1, 0};
	ck_assert_int_eq(store_write(fx.st, do_stamp, &missing, &cause), -1);
	free(cause);
	t_fixture_close(&fx);
}
END_TEST

/* Over STORE_TAG_SCAN_MIN contacts a list reads the tags in one scan. */
START_TEST(test_list_many_tags)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	for (int i = 0; i < 300; i++) {
		char name[32], tags[32];
		snprintf(name, sizeof name, "Person %03d", i);
		snprintf(tags, sizeof tags, "t%d,u%d", i % 7, i % 3);
		t_person(fx.st, name, i % 5 == 0 ? NULL : tags);
	}
	struct contact *v;
	size_t n;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_list(fx.st, NULL, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 300);
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "Person %03zu", i);
		ck_assert_str_eq(v[i].name, name);
		if (i % 5 == 0) {
			ck_assert_uint_eq(v[i].tags.n, 0);
			continue;
		}
		char t1[16], t2[16];
		snprintf(t1, sizeof t1, "t%zu", i % 7);
		snprintf(t2, sizeof t2, "u%zu", i % 3);
		ck_assert_uint_eq(v[i].tags.n, 2);
		ck_assert_str_eq(v[i].tags.v[0], t1);
		ck_assert_str_eq(v[i].tags.v[1], t2);
	}
	contacts_free(v, n);
	t_fixture_close(&fx);
}
END_TEST

/* ---- mention lookups ---- */

struct lookup_fixture {
	struct t_fixture fx;
	char id[6][ID_LEN + 1];
};

static void lookup_open(struct lookup_fixture *l)
{
	t_fixture_open(&l->fx);
	static const char *const names[] = {"Ana Souza",  "Ana Beatriz Lima", "Fátima Souza-Lima",
	                                    "ANA  souza", "Bruno Ánimo",      "李 小龍"};
	char *cause = NULL;
	for (size_t i = 0; i < 6; i++) {
		struct contact c;
		contact_init(&c);
		t_set(&c.name, names[i]);
		if (i == 3)
			c.archived_at = T_NOW;
		if (i == 0)
			contact_add_field(&c, FIELD_EMAIL, "", "Ana@Example.ORG");
		ck_assert_int_eq(t_contact_add(l->fx.st, &c, T_NOW, &cause), 0);
		memcpy(l->id[i], c.id, ID_LEN + 1);
		contact_free(&c);
	}
}

static const struct {
	const char *words[3];
	size_t limit;
	const char *want; /* names by index into the fixture, in order */
	size_t total;
} word_cases[] = {
	{{"ana", NULL}, 0, "103", 3}, /* the archived one (3) matches too, last */
	{{"ana", NULL}, 2, "10", 3},
	{{"ana", "souza"}, 0, "03", 2},
	{{"souza", "ana"}, 0, "03", 2},
	{{"lima", NULL}, 0, "12", 2}, /* "souza-lima" has a word at "lima" */
	{{"souza-l", NULL}, 0, "2", 1},
	{{"so", "li"}, 0, "2", 1},
	{{"fat", NULL}, 0, "2", 1},
	{{"anim", NULL}, 0, "4", 1},
	{{"nimo", NULL}, 0, "", 0}, /* a prefix, not a substring */
	{{"小", NULL}, 0, "5", 1},
	{{"zed", NULL}, 0, "", 0},
	{{"b", "a"}, 0, "14", 2},
	{{"", NULL}, 0, "104253", 6}, /* an empty word limits nothing */
};

START_TEST(test_find_words)
{
	struct lookup_fixture l;
	lookup_open(&l);
	size_t nw = 0;
	while (nw < 3 && word_cases[_i].words[nw] != NULL)
		nw++;
	char *words[3];
	for (size_t i = 0; i < nw; i++)
		words[i] = (char *)word_cases[_i].words[i];
	struct contact_ref *r;
	size_t n, total = 99;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_find_words(l.fx.st, words, nw, word_cases[_i].limit, &r, &n,
	                                          &total, &cause),
	                 0);
	const char *want = word_cases[_i].want;
	ck_assert_msg(n == strlen(want), "case %d: %zu found", _i, n);
	ck_assert_uint_eq(total, word_cases[_i].total);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(strcmp(r[i].id, l.id[want[i] - '0']) == 0, "case %d: %zu is %s", _i,
		              i, r[i].name);
	contact_refs_free(r, n);
	t_fixture_close(&l.fx);
}
END_TEST

START_TEST(test_find_exact_prefix_names)
{
	struct lookup_fixture l;
	lookup_open(&l);
	struct contact_ref *r;
	size_t n;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_find_exact(l.fx.st, "ana souza", 10, &r, &n, &cause), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(r[0].id, l.id[0]); /* the archived twin after */
	ck_assert_str_eq(r[1].id, l.id[3]);
	contact_refs_free(r, n);
	ck_assert_int_eq(store_contact_find_exact(l.fx.st, "ana souza", 1, &r, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	contact_refs_free(r, n);
	ck_assert_int_eq(store_contact_find_exact(l.fx.st, "fatima souza-lima", 10, &r, &n, &cause),
	                 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(r[0].name, "Fátima Souza-Lima");
	contact_refs_free(r, n);
	ck_assert_int_eq(store_contact_find_exact(l.fx.st, "ana", 10, &r, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	contact_refs_free(r, n);

	for (size_t i = 0; i < 6; i++) {
		char prefix[ID_LEN + 1];
		memcpy(prefix, l.id[i], 8);
		prefix[8] = '\0';
		if (i % 2)
			for (char *p = prefix; *p; p++)
				if (*p >= 'a' && *p <= 'f')
					*p = (char)(*p - 32);
		ck_assert_int_eq(store_contact_find_prefix(l.fx.st, prefix, 10, &r, &n, &cause), 0);
		ck_assert_uint_ge(n, 1);
		int found = 0;
		for (size_t k = 0; k < n; k++) {
			found |= strcmp(r[k].id, l.id[i]) == 0;
			ck_assert_int_eq(strncasecmp(r[k].id, prefix, 8), 0);
		}
		ck_assert(found);
		contact_refs_free(r, n);
		ck_assert_int_eq(store_contact_find_prefix(l.fx.st, l.id[i], 10, &r, &n, &cause),
		                 0);
		ck_assert_uint_eq(n, 1);
		contact_refs_free(r, n);
	}
	ck_assert_int_eq(store_contact_find_prefix(l.fx.st, "", 3, &r, &n, &cause), 0);
	ck_assert_uint_eq(n, 3);
	contact_refs_free(r, n);

	ck_assert_int_eq(store_contact_names(l.fx.st, &r, &n, &cause), 0);
	ck_assert_uint_eq(n, 6);
	static const int order[] = {1, 3, 0, 4, 2, 5}; /* by folded name, then name */
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(r[i].id, l.id[order[i]]);
	contact_refs_free(r, n);

	ck_assert_int_eq(store_contact_find_email(l.fx.st, "ana@example.org", 0, &r, &n, &cause),
	                 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(r[0].id, l.id[0]);
	contact_refs_free(r, n);
	ck_assert_int_eq(store_contact_find_email(l.fx.st, "ana@example.com", 0, &r, &n, &cause),
	                 0);
	ck_assert_uint_eq(n, 0);
	contact_refs_free(r, n);
	t_fixture_close(&l.fx);
}
END_TEST

/* ---- transactions ---- */

static int add_then_fail(struct store *st, void *arg, char **cause)
{
	struct contact *c = arg;
	if (store_tx_contact_add(st, c, T_NOW, cause) != 0)
		return -1;
	return err_set(cause, "changed my mind");
}

static int nested_write(struct store *st, void *arg, char **cause)
{
	(void)arg;
	return store_write(st, add_then_fail, NULL, cause);
}

static int returns_seven(struct store *st, void *arg, char **cause)
{
	(void)st;
	(void)arg;
	(void)cause;
	return 7;
}

START_TEST(test_write_rollback)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct contact c;
	contact_init(&c);
	t_set(&c.name, "Ephemeral");
	char *cause = NULL;
	ck_assert_int_eq(store_write(fx.st, add_then_fail, &c, &cause), -1);
	ck_assert_str_eq(cause, "changed my mind");
	free(cause);
	cause = NULL;
	struct contact got;
	ck_assert_int_eq(store_contact_get(fx.st, c.rowid, &got, &cause), 1);
	int empty;
	ck_assert_int_eq(store_is_empty(fx.st, &empty, &cause), 0);
	ck_assert_int_eq(empty, 1);
	/* the store_tx functions refuse to run outside store_write */
	ck_assert_int_eq(store_tx_contact_add(fx.st, &c, T_NOW, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "outside store_write"));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(store_write(fx.st, nested_write, NULL, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "inside another transaction"));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(store_read(fx.st, nested_write, NULL, &cause), -1);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(store_write(fx.st, returns_seven, NULL, &cause), 7);
	ck_assert_int_eq(store_read(fx.st, returns_seven, NULL, &cause), 7);
	/* and the connection still works */
	t_person(fx.st, "Real", NULL);
	ck_assert_int_eq(store_is_empty(fx.st, &empty, &cause), 0);
	ck_assert_int_eq(empty, 0);
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

static int tombstone_import(struct store *st, void *arg, char **cause)
{
	(void)arg;
	if (store_tx_tombstone_add(st, "11111111-2222-4333-8444-555555555555", "contact", T_NOW - 5,
	                           cause) != 0 ||
	    store_tx_tombstone_add(st, "11111111-2222-4333-8444-555555555555", "contact",
	                           T_NOW - 50, cause) != 0)
		return -1;
	return 0;
}

static int tombstone_bad(struct store *st, void *arg, char **cause)
{
	return store_tx_tombstone_add(st, arg, "contact", T_NOW, cause);
}

START_TEST(test_tombstones)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	ck_assert_int_eq(store_write(fx.st, tombstone_import, NULL, &cause), 0);
	int64_t at;
	char kind[16];
	ck_assert_int_eq(store_tombstone_get(fx.st, "11111111-2222-4333-8444-555555555555", &at,
	                                     kind, &cause),
	                 0);
	ck_assert_int_eq(at, T_NOW - 5); /* the later time wins */
	ck_assert_str_eq(kind, "contact");
	ck_assert_int_eq(store_write(fx.st, tombstone_bad, "nope", &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "not a uuid"));
	free(cause);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_store_data(void)
{
	Suite *s = suite_create("store_data");
	TCase *tc = tcase_create("contacts");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_contact_round_trip);
	tcase_add_test(tc, test_enums_round_trip);
	tcase_add_test(tc, test_service_round_trip);
	tcase_add_loop_test(tc, test_contact_rejected, 0,
	                    (int)(sizeof rejected / sizeof rejected[0]));
	tcase_add_loop_test(tc, test_schema_constraints, 0,
	                    (int)(sizeof bad_rows / sizeof bad_rows[0]));
	tcase_add_test(tc, test_contact_update);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_list_many_tags);
	tcase_add_loop_test(tc, test_find_words, 0,
	                    (int)(sizeof word_cases / sizeof word_cases[0]));
	tcase_add_test(tc, test_find_exact_prefix_names);
	tcase_add_test(tc, test_write_rollback);
	tcase_add_test(tc, test_tombstones);
	suite_add_tcase(s, tc);
	return s;
}
