/* check_store_events.c: interactions and follow-ups through the public
 * store functions: many contacts per interaction, the timeline's order and
 * filters, updates, follow-up lists, and removing and merging contacts with
 * their tombstones. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_test.h"

START_TEST(test_interaction_many_contacts)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t a = t_person(fx.st, "Ana", NULL), b = t_person(fx.st, "Bruno", NULL),
		c = t_person(fx.st, "Carla", NULL);
	struct interaction in;
	interaction_init(&in);
	in.at = T_NOW - T_DAY;
	in.kind = IKIND_EVENT;
	t_set(&in.summary, "DevConf dinner");
	strv_push(&in.tags, "zeta");
	strv_push(&in.tags, "devconf");
	t_ref_add(&in, c);
	t_ref_add(&in, a);
	t_ref_add(&in, b);
	t_ref_add(&in, a); /* twice: once */
	char *cause = NULL;
	ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), 0);
	const int64_t who[] = {a, b, c};
	for (size_t i = 0; i < 3; i++) {
		struct store_timeline_query q = {who[i], 0, 0, 0};
		struct interaction *v;
		size_t n;
		ck_assert_int_eq(store_timeline(fx.st, &q, &v, &n, &cause), 0);
		ck_assert_uint_eq(n, 1);
		ck_assert_str_eq(v[0].id, in.id);
		ck_assert_str_eq(v[0].summary, "DevConf dinner");
		ck_assert_uint_eq(v[0].ncontacts, 3);
		ck_assert_str_eq(v[0].contacts[0].name, "Carla"); /* in the order given */
		ck_assert_str_eq(v[0].contacts[1].name, "Ana");
		ck_assert_str_eq(v[0].contacts[2].name, "Bruno");
		ck_assert_uint_eq(v[0].tags.n, 2);
		ck_assert_str_eq(v[0].tags.v[0], "devconf");
		ck_assert_str_eq(v[0].tags.v[1], "zeta");
		interactions_free(v, n);
		struct contact got;
		ck_assert_int_eq(store_contact_get(fx.st, who[i], &got, &cause), 0);
		ck_assert_int_eq(got.sc.n, 1);
		ck_assert_int_eq(got.sc.last_at, T_NOW - T_DAY);
		contact_free(&got);
		t_check_cache(fx.st, who[i]);
	}
	struct interaction got;
	ck_assert_int_eq(store_interaction_get(fx.st, in.rowid, &got, &cause), 0);
	ck_assert_uint_eq(got.ncontacts, 3);
	ck_assert_int_eq(got.created_at, T_NOW);
	interaction_free(&got);
	ck_assert_int_eq(store_interaction_get(fx.st, in.rowid + 1, &got, &cause), 1);
	interaction_free(&in);

	/* no contact, or one that does not exist: refused, nothing written */
	interaction_init(&in);
	ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "needs a contact"));
	free(cause);
	cause = NULL;
	t_ref_add(&in, a);
	t_ref_add(&in, 999);
	ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "a contact is no longer in the journal"));
	ck_assert_ptr_null(strstr(cause, "999")); /* never a rowid */
	free(cause);
	cause = NULL;
	ck_assert_int_eq(t_interaction_bulk(fx.st, &in, T_NOW, &cause), -1);
	free(cause);
	cause = NULL;
	interaction_free(&in);
	struct store_stats ss;
	ck_assert_int_eq(store_stats(fx.st, 0, &ss, &cause), 0);
	ck_assert_int_eq(ss.interactions, 1);
	t_check_cache(fx.st, a);
	t_fixture_close(&fx);
}
END_TEST

/* ---- the timeline ---- */

struct tl_fixture {
	struct t_fixture fx;
	int64_t ana, bob;
	char id[6][ID_LEN + 1];
};

/* Six interactions: 0 and 1 at the same time (1 logged later). */
static void tl_open(struct tl_fixture *t)
{
	t_fixture_open(&t->fx);
	t->ana = t_person(t->fx.st, "Ana", NULL);
	t->bob = t_person(t->fx.st, "Bob", NULL);
	int64_t both[] = {t->ana, t->bob};
	t_log(t->fx.st, T_NOW - 10 * T_DAY, IKIND_CALL, DIR_NONE, 0, &t->ana, 1, t->id[0]);
	t_log(t->fx.st, T_NOW - 10 * T_DAY, IKIND_MESSAGE, DIR_NONE, 0, &t->bob, 1, t->id[1]);
	t_log(t->fx.st, T_NOW - 30 * T_DAY, IKIND_MEETING, DIR_NONE, 0, both, 2, t->id[2]);
	t_log(t->fx.st, T_NOW - 1 * T_DAY, IKIND_NOTE, DIR_NONE, 0, &t->ana, 1, t->id[3]);
	t_log(t->fx.st, T_NOW - 60 * T_DAY, IKIND_FAVOR, DIR_GOT, 0, &t->ana, 1, t->id[4]);
	t_log(t->fx.st, T_NOW + 5 * T_DAY, IKIND_EVENT, DIR_NONE, 0, both, 2, t->id[5]);
}

static const struct {
	int who; /* 0 all, 1 ana, 2 bob */
	int64_t since, until;
	size_t limit;
	const char *order; /* indices of t->id, newest first */
} tl_cases[] = {
	{0, 0, 0, 0, "531024"},
	{1, 0, 0, 0, "53024"},
	{2, 0, 0, 0, "512"},
	{0, 0, 0, 2, "53"},
	{1, 0, 0, 3, "530"},
	{0, T_NOW - 30 * T_DAY, 0, 0, "53102"},
	{0, 0, T_NOW - 10 * T_DAY, 0, "1024"},
	{0, T_NOW - 30 * T_DAY, T_NOW, 0, "3102"},
	{2, T_NOW - 20 * T_DAY, T_NOW, 0, "1"},
	{1, T_NOW - 5 * T_DAY, T_NOW - 4 * T_DAY, 0, ""},
	{0, T_NOW - 10 * T_DAY, T_NOW - 10 * T_DAY, 1, "1"},
};

START_TEST(test_timeline_order_filters)
{
	struct tl_fixture t;
	tl_open(&t);
	int64_t who[] = {0, t.ana, t.bob};
	struct store_timeline_query q = {who[tl_cases[_i].who], tl_cases[_i].since,
	                                 tl_cases[_i].until, tl_cases[_i].limit};
	struct interaction *v;
	size_t n;
	char *cause = NULL;
	ck_assert_int_eq(store_timeline(t.fx.st, &q, &v, &n, &cause), 0);
	const char *order = tl_cases[_i].order;
	ck_assert_uint_eq(n, strlen(order));
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(strcmp(v[i].id, t.id[order[i] - '0']) == 0, "case %d: position %zu",
		              _i, i);
		ck_assert_uint_ge(v[i].ncontacts, 1);
	}
	interactions_free(v, n);
	t_fixture_close(&t.fx);
}
END_TEST

/* A long timeline reads contacts and tags in one scan each: the same result. */
START_TEST(test_timeline_long)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t p[3] = {t_person(fx.st, "Ana", NULL), t_person(fx.st, "Bob", NULL),
	                t_person(fx.st, "Cid", NULL)};
	char *cause = NULL;
	for (int i = 0; i < 150; i++) {
		struct interaction in;
		interaction_init(&in);
		in.at = T_NOW - (int64_t)((i * 37) % 150) * 3600;
		in.kind = IKIND_CALL;
		char tag[16];
		snprintf(tag, sizeof tag, "t%d", i % 4);
		strv_push(&in.tags, tag);
		if (i % 3 == 0)
			strv_push(&in.tags, "three");
		for (int k = 0; k < 3; k++)
			if ((i + k) % 2 == 0 || k == i % 3)
				t_ref_add(&in, p[(k + i) % 3]);
		ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), 0);
		interaction_free(&in);
	}
	struct interaction *v;
	size_t n;
	ck_assert_int_eq(store_timeline(fx.st, NULL, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 150);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			ck_assert(v[i - 1].at > v[i].at ||
			          (v[i - 1].at == v[i].at && v[i - 1].rowid > v[i].rowid));
		struct interaction one;
		ck_assert_int_eq(store_interaction_get(fx.st, v[i].rowid, &one, &cause), 0);
		ck_assert_uint_eq(v[i].ncontacts, one.ncontacts);
		for (size_t k = 0; k < one.ncontacts; k++) {
			ck_assert_int_eq(v[i].contacts[k].rowid, one.contacts[k].rowid);
			ck_assert_str_eq(v[i].contacts[k].name, one.contacts[k].name);
		}
		ck_assert_uint_eq(v[i].tags.n, one.tags.n);
		for (size_t k = 0; k < one.tags.n; k++)
			ck_assert_str_eq(v[i].tags.v[k], one.tags.v[k]);
		interaction_free(&one);
	}
	interactions_free(v, n);
	struct store_timeline_query q = {p[1], 0, 0, 100};
	ck_assert_int_eq(store_timeline(fx.st, &q, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 100);
	for (size_t i = 0; i < n; i++) {
		int found = 0;
		for (size_t k = 0; k < v[i].ncontacts; k++)
			found |= v[i].contacts[k].rowid == p[1];
		ck_assert(found);
	}
	interactions_free(v, n);
	for (int k = 0; k < 3; k++)
		t_check_cache(fx.st, p[k]);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_interaction_update_remove)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t a = t_person(fx.st, "Ana", NULL), b = t_person(fx.st, "Bob", "family");
	char *cause = NULL;
	struct interaction in;
	interaction_init(&in);
	in.at = T_NOW - 5 * T_DAY;
	in.kind = IKIND_INTRO;
	in.dir = DIR_GAVE;
	strv_push(&in.tags, "old");
	t_ref_add(&in, a);
	ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), 0);
	t_log(fx.st, T_NOW - 20 * T_DAY, IKIND_CALL, DIR_NONE, 0, &a, 1, NULL);
	/* move it to Bob, back-date it, change everything */
	in.at = T_NOW - 50 * T_DAY;
	in.kind = IKIND_LEAD;
	in.dir = DIR_GOT;
	in.deep = 1;
	t_set(&in.summary, "a job lead");
	strv_free(&in.tags);
	strv_push(&in.tags, "new");
	in.contacts[0].rowid = b;
	ck_assert_int_eq(t_interaction_update(fx.st, &in, T_NOW + 1, &cause), 0);
	struct interaction got;
	ck_assert_int_eq(store_interaction_by_uuid(fx.st, in.id, &got, &cause), 0);
	ck_assert_int_eq(got.at, T_NOW - 50 * T_DAY);
	ck_assert_int_eq(got.kind, IKIND_LEAD);
	ck_assert_int_eq(got.dir, DIR_GOT);
	ck_assert_int_eq(got.deep, 1);
	ck_assert_str_eq(got.summary, "a job lead");
	ck_assert_uint_eq(got.tags.n, 1);
	ck_assert_str_eq(got.tags.v[0], "new");
	ck_assert_uint_eq(got.ncontacts, 1);
	ck_assert_str_eq(got.contacts[0].name, "Bob");
	ck_assert_int_eq(got.updated_at, T_NOW + 1);
	ck_assert_int_eq(got.created_at, T_NOW);
	interaction_free(&got);
	t_check_cache(fx.st, a);
	t_check_cache(fx.st, b);
	struct contact ca;
	ck_assert_int_eq(store_contact_get(fx.st, a, &ca, &cause), 0);
	ck_assert_int_eq(ca.sc.n, 1);
	ck_assert_int_eq(ca.sc.n_service, 0);
	contact_free(&ca);

	ck_assert_int_eq(t_interaction_remove(fx.st, in.rowid, T_NOW + 2, &cause), 0);
	ck_assert_int_eq(store_interaction_by_uuid(fx.st, in.id, &got, &cause), 1);
	int64_t at = 0;
	char kind[16];
	ck_assert_int_eq(store_tombstone_get(fx.st, in.id, &at, kind, &cause), 0);
	ck_assert_int_eq(at, T_NOW + 2);
	ck_assert_str_eq(kind, "interaction");
	t_check_cache(fx.st, b);
	struct contact cb;
	ck_assert_int_eq(store_contact_get(fx.st, b, &cb, &cause), 0);
	ck_assert_int_eq(cb.sc.n, 0);
	ck_assert_int_eq(cb.sc.last_at, 0);
	contact_free(&cb);
	/* gone now */
	ck_assert_int_eq(t_interaction_remove(fx.st, in.rowid, T_NOW, &cause), -1);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(t_interaction_update(fx.st, &in, T_NOW, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "no interaction"));
	free(cause);
	interaction_free(&in);
	t_fixture_close(&fx);
}
END_TEST

/* ---- follow-ups ---- */

static int64_t add_followup(struct store *st, int64_t who, int64_t due, const char *text,
                            int64_t now, char id[ID_LEN + 1])
{
	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = who;
	f.due_at = due;
	f.text = xstrdup(text);
	char *cause = NULL;
	ck_assert_int_eq(t_followup_add(st, &f, now, &cause), 0);
	ck_assert(id_is_uuid(f.id));
	ck_assert_str_eq(f.contact_name, who == 1 ? "Ana" : "Bob");
	if (id != NULL)
		memcpy(id, f.id, ID_LEN + 1);
	int64_t rowid = f.rowid;
	followup_free(&f);
	return rowid;
}

START_TEST(test_followups)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t a = t_person(fx.st, "Ana", NULL), b = t_person(fx.st, "Bob", NULL);
	ck_assert_int_eq(a, 1);
	char id0[ID_LEN + 1];
	int64_t f0 = add_followup(fx.st, a, T_NOW + 2 * T_DAY, "second due", T_NOW, id0);
	int64_t f1 = add_followup(fx.st, b, T_NOW - T_DAY, "overdue", T_NOW, NULL);
	int64_t f2 = add_followup(fx.st, a, T_NOW + 2 * T_DAY, "same day, later", T_NOW + 5, NULL);
	int64_t f3 = add_followup(fx.st, b, T_NOW + 9 * T_DAY, "far", T_NOW, NULL);
	char *cause = NULL;
	ck_assert_int_eq(t_followup_done(fx.st, f1, 1, T_NOW + 100, &cause), 0);
	static const struct {
		int who, done;
		int64_t before;
		int64_t want[4];
	} cases[] = {
		{0, 1, 0, {2, 1, 3, 4}},
		{0, 0, 0, {1, 3, 4, 0}},
		{1, 1, 0, {1, 3, 0, 0}},
		{2, 1, 0, {2, 4, 0, 0}},
		{0, 1, T_NOW + 2 * T_DAY, {2, 0, 0, 0}},
		{0, 0, T_NOW + 3 * T_DAY, {1, 3, 0, 0}},
	};
	const int64_t rows[] = {0, f0, f1, f2, f3};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct store_followup_query q = {cases[c].who == 0 ? 0
		                                                   : (cases[c].who == 1 ? a : b),
		                                 cases[c].done, cases[c].before};
		struct followup *v;
		size_t n;
		ck_assert_int_eq(store_followups(fx.st, &q, &v, &n, &cause), 0);
		size_t want = 0;
		while (want < 4 && cases[c].want[want] != 0)
			want++;
		ck_assert_msg(n == want, "case %zu: %zu rows", c, n);
		for (size_t i = 0; i < n; i++)
			ck_assert_msg(v[i].rowid == rows[cases[c].want[i]], "case %zu, row %zu", c,
			              i);
		followups_free(v, n);
	}
	struct followup *v;
	size_t n;
	ck_assert_int_eq(store_followups(fx.st, NULL, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(v[0].rowid, f1);
	ck_assert_int_eq(v[0].done_at, T_NOW + 100);
	ck_assert_str_eq(v[0].contact_name, "Bob");
	ck_assert_str_eq(v[0].text, "overdue");
	ck_assert_int_eq(v[1].done_at, 0);
	followups_free(v, n);
	/* reopen */
	ck_assert_int_eq(t_followup_done(fx.st, f1, 0, T_NOW + 200, &cause), 0);
	struct store_followup_query open_only = {0, 0, 0};
	ck_assert_int_eq(store_followups(fx.st, &open_only, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(v[0].updated_at, T_NOW + 200);
	followups_free(v, n);
	/* by prefix, in either case */
	char prefix[9];
	memcpy(prefix, id0, 8);
	prefix[8] = '\0';
	for (char *p = prefix; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	ck_assert_int_eq(store_followup_find_prefix(fx.st, prefix, 5, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].id, id0);
	ck_assert_str_eq(v[0].text, "second due");
	followups_free(v, n);
	/* errors */
	ck_assert_int_eq(t_followup_done(fx.st, 999, 1, T_NOW, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "no follow-up"));
	free(cause);
	cause = NULL;
	struct followup bad;
	memset(&bad, 0, sizeof bad);
	bad.contact_rowid = 77;
	bad.text = xstrdup("x");
	ck_assert_int_eq(t_followup_add(fx.st, &bad, T_NOW, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "no longer in the journal"));
	ck_assert_ptr_null(strstr(cause, "77"));
	free(cause);
	followup_free(&bad);
	t_fixture_close(&fx);
}
END_TEST

static int remove_followup(struct store *st, void *arg, char **cause)
{
	return store_tx_followup_remove(st, *(int64_t *)arg, T_NOW, cause);
}

START_TEST(test_followup_remove)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t a = t_person(fx.st, "Ana", NULL);
	char id[ID_LEN + 1];
	int64_t f = add_followup(fx.st, a, T_NOW, "x", T_NOW, id);
	char *cause = NULL;
	ck_assert_int_eq(store_write(fx.st, remove_followup, &f, &cause), 0);
	struct followup *v;
	size_t n;
	ck_assert_int_eq(store_followups(fx.st, NULL, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	free(v);
	ck_assert_int_eq(store_tombstone_get(fx.st, id, NULL, NULL, &cause), 0);
	ck_assert_int_eq(store_write(fx.st, remove_followup, &f, &cause), -1);
	free(cause);
	t_fixture_close(&fx);
}
END_TEST

/* ---- removing and merging contacts ---- */

START_TEST(test_contact_remove)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t a = t_person(fx.st, "Ana", NULL), b = t_person(fx.st, "Bob", NULL),
		c = t_person(fx.st, "Cid", NULL);
	int64_t ab[] = {a, b}, abc[] = {a, b, c};
	char solo1[ID_LEN + 1], solo2[ID_LEN + 1], shared1[ID_LEN + 1], shared2[ID_LEN + 1],
		other[ID_LEN + 1];
	int64_t s1 = t_log(fx.st, T_NOW - 3 * T_DAY, IKIND_CALL, DIR_NONE, 0, &a, 1, solo1);
	t_log(fx.st, T_NOW - 9 * T_DAY, IKIND_GIFT, DIR_GAVE, 0, &a, 1, solo2);
	t_log(fx.st, T_NOW - 5 * T_DAY, IKIND_ADVICE, DIR_GOT, 1, ab, 2, shared1);
	t_log(fx.st, T_NOW - 1 * T_DAY, IKIND_MEETING, DIR_NONE, 0, abc, 3, shared2);
	t_log(fx.st, T_NOW - 2 * T_DAY, IKIND_CALL, DIR_NONE, 0, &b, 1, other);
	char fa[ID_LEN + 1], fb[ID_LEN + 1];
	add_followup(fx.st, a, T_NOW, "for ana", T_NOW, fa);
	add_followup(fx.st, b, T_NOW, "for bob", T_NOW, fb);
	/* a follow-up of Bob that came from Ana's solo interaction */
	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = b;
	f.interaction_rowid = s1;
	f.text = xstrdup("linked");
	char *cause = NULL;
	ck_assert_int_eq(t_followup_add(fx.st, &f, T_NOW, &cause), 0);
	followup_free(&f);
	struct contact ana;
	ck_assert_int_eq(store_contact_get(fx.st, a, &ana, &cause), 0);
	/* what a remove would take: only what no other contact had */
	static const struct {
		int who;
		int64_t followups, interactions, shared;
	} counts[] = {{0, 1, 2, 2}, {1, 2, 1, 2}, {2, 0, 0, 1}};
	for (size_t i = 0; i < 3; i++) {
		struct store_remove_count rc;
		ck_assert_int_eq(store_contact_remove_count(fx.st, abc[counts[i].who], &rc, &cause),
		                 0);
		ck_assert_int_eq(rc.followups, counts[i].followups);
		ck_assert_int_eq(rc.interactions, counts[i].interactions);
		ck_assert_int_eq(rc.shared, counts[i].shared);
	}

	ck_assert_int_eq(t_contact_remove(fx.st, a, T_NOW + 7, &cause), 0);
	struct contact gone;
	ck_assert_int_eq(store_contact_get(fx.st, a, &gone, &cause), 1);
	const char *const dead[] = {ana.id, solo1, solo2, fa};
	const char *const kinds[] = {"contact", "interaction", "interaction", "followup"};
	for (size_t i = 0; i < 4; i++) {
		int64_t at = 0;
		char kind[16];
		ck_assert_int_eq(store_tombstone_get(fx.st, dead[i], &at, kind, &cause), 0);
		ck_assert_int_eq(at, T_NOW + 7);
		ck_assert_str_eq(kind, kinds[i]);
	}
	const char *const alive[] = {shared1, shared2, other, fb};
	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(store_tombstone_get(fx.st, alive[i], NULL, NULL, &cause), 1);
	struct interaction in;
	ck_assert_int_eq(store_interaction_by_uuid(fx.st, solo1, &in, &cause), 1);
	ck_assert_int_eq(store_interaction_by_uuid(fx.st, shared1, &in, &cause), 0);
	ck_assert_uint_eq(in.ncontacts, 1);
	ck_assert_str_eq(in.contacts[0].name, "Bob");
	interaction_free(&in);
	ck_assert_int_eq(store_interaction_by_uuid(fx.st, shared2, &in, &cause), 0);
	ck_assert_uint_eq(in.ncontacts, 2);
	interaction_free(&in);
	struct store_stats ss;
	ck_assert_int_eq(store_stats(fx.st, 1, &ss, &cause), 0);
	ck_assert_int_eq(ss.contacts, 2);
	ck_assert_int_eq(ss.interactions, 3);
	ck_assert_int_eq(ss.followups_open, 2);
	ck_assert_int_eq(ss.tombstones, 4);
	ck_assert_str_eq(ss.integrity, "ok");
	/* Bob's follow-up lost its source interaction, not itself */
	struct store_followup_query q = {b, 1, 0};
	struct followup *v;
	size_t n;
	ck_assert_int_eq(store_followups(fx.st, &q, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(v[0].interaction_rowid + v[1].interaction_rowid, 0);
	followups_free(v, n);
	t_check_cache(fx.st, b);
	t_check_cache(fx.st, c);
	struct store_tombstone *tv;
	ck_assert_int_eq(store_tombstones(fx.st, &tv, &n, &cause), 0);
	ck_assert_uint_eq(n, 4);
	free(tv);
	ck_assert_int_eq(t_contact_remove(fx.st, a, T_NOW, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "no longer in the journal"));
	free(cause);
	contact_free(&ana);
	t_fixture_close(&fx);
}
END_TEST

struct merge_arg {
	int64_t keep, other;
};

static int do_merge(struct store *st, void *arg, char **cause)
{
	struct merge_arg *m = arg;
	return store_tx_contact_merge(st, m->keep, m->other, T_NOW + 3, cause);
}

START_TEST(test_contact_merge)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct contact k, o;
	contact_init(&k);
	t_set(&k.name, "Ana Souza");
	t_set(&k.notes, "keeps");
	k.created_at = T_NOW - 10 * T_DAY;
	strv_push(&k.tags, "work");
	contact_add_field(&k, FIELD_EMAIL, "", "ana@x.org");
	contact_init(&o);
	t_set(&o.name, "Ana S.");
	t_set(&o.org, "Acme");
	t_set(&o.notes, "other notes");
	o.created_at = T_NOW - 90 * T_DAY;
	o.cadence_days = 14;
	strv_push(&o.tags, "family");
	strv_push(&o.tags, "work");
	contact_add_field(&o, FIELD_EMAIL, "", "ana@x.org");
	contact_add_field(&o, FIELD_PHONE, "", "123");
	char *cause = NULL;
	ck_assert_int_eq(t_contact_add(fx.st, &k, T_NOW, &cause), 0);
	ck_assert_int_eq(t_contact_add(fx.st, &o, T_NOW, &cause), 0);
	int64_t b = t_person(fx.st, "Bob", NULL);
	int64_t ko[] = {k.rowid, o.rowid}, ob[] = {o.rowid, b};
	t_log(fx.st, T_NOW - T_DAY, IKIND_CALL, DIR_NONE, 0, ko, 2, NULL);
	t_log(fx.st, T_NOW - 2 * T_DAY, IKIND_FAVOR, DIR_GOT, 0, ob, 2, NULL);
	t_log(fx.st, T_NOW - 3 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &k.rowid, 1, NULL);
	add_followup(fx.st, b, T_NOW, "x", T_NOW, NULL); /* Bob's: stays */
	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = o.rowid;
	f.text = xstrdup("moves");
	ck_assert_int_eq(t_followup_add(fx.st, &f, T_NOW, &cause), 0);
	followup_free(&f);

	struct merge_arg m = {k.rowid, o.rowid};
	ck_assert_int_eq(store_write(fx.st, do_merge, &m, &cause), 0);
	struct contact got;
	ck_assert_int_eq(store_contact_get(fx.st, o.rowid, &got, &cause), 1);
	ck_assert_int_eq(store_tombstone_get(fx.st, o.id, NULL, NULL, &cause), 0);
	ck_assert_int_eq(store_contact_get(fx.st, k.rowid, &got, &cause), 0);
	ck_assert_str_eq(got.name, "Ana Souza");
	ck_assert_str_eq(got.org, "Acme");
	ck_assert_str_eq(got.notes, "keeps\nother notes");
	ck_assert_int_eq(got.cadence_days, 14);
	ck_assert_int_eq(got.created_at, T_NOW - 90 * T_DAY);
	ck_assert_uint_eq(got.tags.n, 2);
	ck_assert_uint_eq(got.nfields, 2);
	ck_assert_int_eq(got.sc.n, 3); /* the shared call counts once */
	ck_assert_int_eq(got.sc.n_service, 1);
	contact_free(&got);
	t_check_cache(fx.st, k.rowid); /* family now: the other half-life */
	t_check_cache(fx.st, b);
	struct store_followup_query q = {k.rowid, 1, 0};
	struct followup *v;
	size_t n;
	ck_assert_int_eq(store_followups(fx.st, &q, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].text, "moves");
	followups_free(v, n);
	m.other = m.keep;
	ck_assert_int_eq(store_write(fx.st, do_merge, &m, &cause), -1);
	free(cause);
	contact_free(&k);
	contact_free(&o);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_store_events(void)
{
	Suite *s = suite_create("store_events");
	TCase *tc = tcase_create("events");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_interaction_many_contacts);
	tcase_add_loop_test(tc, test_timeline_order_filters, 0,
	                    (int)(sizeof tl_cases / sizeof tl_cases[0]));
	tcase_add_test(tc, test_timeline_long);
	tcase_add_test(tc, test_interaction_update_remove);
	tcase_add_test(tc, test_followups);
	tcase_add_test(tc, test_followup_remove);
	tcase_add_test(tc, test_contact_remove);
	tcase_add_test(tc, test_contact_merge);
	suite_add_tcase(s, tc);
	return s;
}
