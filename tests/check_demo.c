/* check_demo.c: the demo network generator: counts, circles and kinds, names in
 * many scripts, give and take, events, follow-ups, the review's signals, nothing
 * after now, determinism, refusal of a journal with records, progress. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/demo_data.h"
#include "../src/store_int.h"
#include "date.h"
#include "demo.h"
#include "score.h"
#include "store_test.h"
#include "utf8.h"

/* 2026-11-20 10:00 UTC, a Friday. */
#define D_NOW INT64_C(1795168800)

static void d_utc(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
}

static void d_options(struct demo_options *o)
{
	demo_options_default(o);
	o->now = D_NOW;
}

/* A journal in a new folder, filled with the demo of o. */
static void d_fill(struct t_fixture *fx, const struct demo_options *o, struct demo_stats *st)
{
	t_fixture_open(fx);
	char *cause = NULL;
	int rc = demo_generate(fx->st, o, NULL, NULL, st, &cause);
	ck_assert_msg(rc == 0, "demo_generate: %s", cause ? cause : "?");
	free(cause);
}

static struct store_stats d_counts(struct store *st)
{
	struct store_stats ss;
	char *cause = NULL;
	ck_assert_int_eq(store_stats(st, 0, &ss, &cause), 0);
	return ss;
}

static struct contact *d_contacts(struct store *st, size_t *n)
{
	struct store_contact_filter f = {.circle = -1, .archived = 1};
	struct contact *v = NULL;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_list(st, &f, &v, n, &cause), 0);
	return v;
}

static struct interaction *d_timeline(struct store *st, size_t *n)
{
	struct store_timeline_query q = {0, 0, 0, 0};
	struct interaction *v = NULL;
	char *cause = NULL;
	ck_assert_int_eq(store_timeline(st, &q, &v, n, &cause), 0);
	return v;
}

START_TEST(test_defaults)
{
	struct demo_options o;
	demo_options_default(&o);
	ck_assert_uint_eq(o.contacts, 150);
	ck_assert_uint_eq(o.interactions, 2500);
	ck_assert_uint_eq(o.seed, 1);
	ck_assert_int_eq(o.force, 0);

	d_utc();
	d_options(&o);
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	ck_assert_uint_eq(s.contacts, 150);
	ck_assert_uint_eq(s.interactions, 2500);
	ck_assert_uint_gt(s.followups, 0);
	ck_assert_uint_gt(s.services_given, 0);
	ck_assert_uint_gt(s.services_got, 0);
	struct store_stats ss = d_counts(fx.st);
	ck_assert_int_eq(ss.contacts, 150);
	ck_assert_int_eq(ss.interactions, 2500);
	ck_assert_int_eq(ss.followups_open + ss.followups_done, (int64_t)s.followups);
	ck_assert_int_eq(ss.tombstones, 0);

	/* the stats agree with what was written */
	size_t n, gave = 0, got = 0;
	struct interaction *v = d_timeline(fx.st, &n);
	for (size_t i = 0; i < n; i++) {
		if (model_interaction_service(&v[i]) == IKIND_NONE)
			continue;
		gave += v[i].dir == DIR_GAVE;
		got += v[i].dir == DIR_GOT;
	}
	ck_assert_uint_eq(gave, s.services_given);
	ck_assert_uint_eq(got, s.services_got);
	interactions_free(v, n);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_circles_and_kinds)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	size_t n;
	struct contact *v = d_contacts(fx.st, &n);
	ck_assert_uint_eq(n, 150);
	size_t circles[CIRCLE_COUNT] = {0}, kinds[CKIND_COUNT] = {0};
	size_t family = 0, family_inner = 0, overrides = 0, emails = 0, phones = 0, met = 0;
	for (size_t i = 0; i < n; i++) {
		circles[v[i].circle]++;
		kinds[v[i].kind]++;
		if (contact_has_tag(&v[i], "family")) {
			family++;
			family_inner += v[i].circle == CIRCLE_INNER;
		}
		overrides += v[i].cadence_days > 0;
		met += v[i].met[0] != '\0';
		struct contact full;
		char *cause = NULL;
		ck_assert_int_eq(store_contact_get(fx.st, v[i].rowid, &full, &cause), 0);
		int has_email = 0, has_phone = 0;
		for (size_t k = 0; k < full.nfields; k++) {
			has_email |= full.fields[k].kind == FIELD_EMAIL;
			has_phone |= full.fields[k].kind == FIELD_PHONE;
		}
		emails += has_email;
		phones += has_phone;
		contact_free(&full);
	}
	/* Dunbar-like layers: 5 / 15 / 40 and the rest wide or outer */
	static const size_t want[CIRCLE_COUNT] = {5, 15, 40, 60, 30};
	for (int c = 0; c < CIRCLE_COUNT; c++)
		ck_assert_msg(circles[c] == want[c], "circle %s: %zu", model_circle_name(c),
		              circles[c]);
	for (int k = 0; k < CKIND_COUNT; k++)
		ck_assert_msg(kinds[k] >= 10, "kind %s: %zu", model_ckind_name(k), kinds[k]);
	ck_assert_uint_eq(family, 2);
	ck_assert_uint_eq(family_inner, 2);
	ck_assert_uint_gt(overrides, 3);
	ck_assert_uint_lt(overrides, n / 2);
	ck_assert_uint_gt(emails, n / 2);
	ck_assert_uint_gt(phones, n / 3);
	ck_assert_uint_eq(met, n);

	static const char *const tags[] = {"mentor", "recruiter", "alumni", "professor",
	                                   "former-colleague"};
	for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			k += contact_has_tag(&v[i], tags[t]);
		ck_assert_msg(k > 0, "no contact tagged %s", tags[t]);
	}
	size_t event_tagged = 0;
	for (size_t i = 0; i < n; i++)
		event_tagged += contact_has_tag(&v[i], "devconf") ||
		                contact_has_tag(&v[i], "pycon") ||
		                contact_has_tag(&v[i], "data-eng-night") ||
		                contact_has_tag(&v[i], "python-riverside");
	ck_assert_uint_gt(event_tagged, 5);
	contacts_free(v, n);
	t_fixture_close(&fx);
}
END_TEST

/* The script of a name: 1 for CJK ideographs, kana or Hangul, 2 for Arabic. */
static int d_script(const char *s, int *non_ascii)
{
	int script = 0;
	size_t len = strlen(s);
	while (len > 0) {
		uint32_t cp;
		size_t k = utf8_decode(s, len, &cp);
		ck_assert_uint_ne(cp, UTF8_INVALID);
		if (cp >= 0x80)
			*non_ascii = 1;
		if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3040 && cp <= 0x30ff) ||
		    (cp >= 0xac00 && cp <= 0xd7a3))
			script |= 1;
		if (cp >= 0x0600 && cp <= 0x06ff)
			script |= 2;
		s += k;
		len -= k;
	}
	return script;
}

START_TEST(test_multilingual)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	size_t n, accented = 0, cjk = 0, latin = 0, distinct = 1;
	struct contact *v = d_contacts(fx.st, &n);
	for (size_t i = 0; i < n; i++) {
		int non_ascii = 0, script = d_script(v[i].name, &non_ascii);
		cjk += (script & 1) != 0;
		latin += script == 0;
		accented += script == 0 && non_ascii;
		if (i > 0 && strcmp(v[i].name, v[i - 1].name) != 0)
			distinct++;
	}
	ck_assert_uint_gt(cjk, 3);
	ck_assert_uint_gt(accented, 15);
	ck_assert_uint_gt(latin, n / 2);
	ck_assert_uint_eq(distinct, n); /* a small network has no two people of one name */
	contacts_free(v, n);
	t_fixture_close(&fx);

	/* a larger one shows every culture's script, Arabic included */
	o.contacts = 1500;
	o.interactions = 3000;
	d_fill(&fx, &o, &s);
	v = d_contacts(fx.st, &n);
	int scripts = 0;
	for (size_t i = 0; i < n; i++) {
		int non_ascii = 0;
		scripts |= d_script(v[i].name, &non_ascii);
	}
	ck_assert_int_eq(scripts, 3);
	contacts_free(v, n);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_interactions)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	size_t n;
	struct interaction *v = d_timeline(fx.st, &n);
	ck_assert_uint_eq(n, 2500);
	size_t kinds[IKIND_COUNT] = {0}, dirs[DIR_COUNT] = {0}, events = 0, deep = 0, tagged = 0;
	size_t biggest = 0, carried = 0;
	int64_t oldest = D_NOW;
	for (size_t i = 0; i < n; i++) {
		const struct interaction *in = &v[i];
		ck_assert_msg(in->at <= D_NOW, "interaction %s is after now", in->id);
		ck_assert_msg(in->created_at <= D_NOW && in->created_at >= in->at,
		              "interaction %s was logged at a strange time", in->id);
		if (in->at < oldest)
			oldest = in->at;
		ck_assert_uint_gt(in->ncontacts, 0);
		ck_assert_msg(in->summary[0] != '\0', "an empty summary");
		ck_assert_msg(strchr(in->summary, '{') == NULL && strchr(in->summary, '}') == NULL,
		              "a template left in \"%s\"", in->summary);
		kinds[in->kind]++;
		if (model_interaction_service(in) != IKIND_NONE) {
			ck_assert_int_ne(in->dir, DIR_NONE);
			dirs[in->dir]++;
			/* a meeting or call that carries a service */
			if (!model_ikind_is_service(in->kind)) {
				ck_assert(in->kind == IKIND_MEETING || in->kind == IKIND_CALL);
				carried++;
			}
		} else {
			ck_assert_int_eq(in->dir, DIR_NONE);
		}
		if (in->kind == IKIND_EVENT && in->ncontacts >= 3)
			events++;
		if (in->ncontacts > biggest)
			biggest = in->ncontacts;
		deep += in->deep != 0;
		tagged += in->tags.n > 0;
	}
	for (int k = 0; k < IKIND_COUNT; k++)
		ck_assert_msg(kinds[k] > 0, "no %s", model_ikind_name(k));
	ck_assert_uint_gt(dirs[DIR_GAVE], 0);
	ck_assert_uint_gt(dirs[DIR_GOT], 0);
	ck_assert_uint_gt(dirs[DIR_MUTUAL], 0);
	ck_assert_uint_ge(dirs[DIR_GAVE], dirs[DIR_GOT]); /* give as much as you get */
	ck_assert_uint_gt(events, 10);
	ck_assert_uint_gt(carried, 20);
	ck_assert_uint_le(biggest, 8);
	ck_assert_uint_gt(deep, 0);
	ck_assert_uint_lt(deep, n / 20);
	ck_assert_uint_gt(tagged, 0);
	/* two years of history, a little more for those who drifted away */
	ck_assert_int_ge(oldest, D_NOW - 1100 * T_DAY);
	ck_assert_int_le(oldest, D_NOW - 700 * T_DAY);
	interactions_free(v, n);

	/* the caches equal a recomputation from the interactions */
	size_t ndiffer = 99;
	char *cause = NULL;
	ck_assert_int_eq(t_rescore_all(fx.st, NULL, NULL, &ndiffer, &cause), 0);
	ck_assert_uint_eq(ndiffer, 0);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_followups)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	struct store_followup_query q = {0, 1, 0};
	struct followup *v = NULL;
	size_t n;
	char *cause = NULL;
	ck_assert_int_eq(store_followups(fx.st, &q, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, s.followups);
	int64_t today = date_day_start(D_NOW), week_end = date_add_days(date_week_start(D_NOW), 7);
	size_t done = 0, overdue = 0, week = 0, later = 0, linked = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(v[i].text[0] != '\0' && strchr(v[i].text, '{') == NULL, "text \"%s\"",
		              v[i].text);
		ck_assert_int_le(v[i].created_at, D_NOW);
		ck_assert_int_eq(v[i].due_at, date_day_start(v[i].due_at));
		linked += v[i].interaction_rowid != 0;
		if (v[i].done_at != 0) {
			ck_assert_int_le(v[i].done_at, D_NOW);
			ck_assert_int_ge(v[i].done_at, v[i].created_at);
			done++;
		} else if (v[i].due_at < today) {
			overdue++;
		} else if (v[i].due_at < week_end) {
			week++;
		} else {
			later++;
		}
	}
	ck_assert_uint_gt(done, 0);
	ck_assert_uint_gt(overdue, 0);
	ck_assert_uint_gt(week, 0);
	ck_assert_uint_gt(later, 0);
	ck_assert_uint_gt(linked, 0);
	followups_free(v, n);
	t_fixture_close(&fx);
}
END_TEST

/* The weekly review has something in each of its sections. */
START_TEST(test_review_signals)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	size_t n;
	struct contact *v = d_contacts(fx.st, &n);
	const struct score_params *sp = store_params(fx.st);
	size_t status[STATUS_COUNT] = {0}, owe = 0, gave_more = 0, reconnect = 0, fresh = 0;
	size_t snoozed = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert(!score_cache_has_future(&v[i].sc, D_NOW));
		struct score sc;
		score_compute(&sc, &v[i], sp, D_NOW);
		status[sc.status]++;
		owe += sc.owe;
		gave_more += sc.balance > 0.5;
		if (sc.status == STATUS_DORMANT && (v[i].sc.n_service > 0 || sc.warmth_last >= 0.3))
			reconnect++;
		snoozed += v[i].snoozed_until > D_NOW;
		if (v[i].created_at >= D_NOW - 14 * T_DAY && v[i].sc.n == 1) {
			struct store_followup_query q = {v[i].rowid, 1, 0};
			struct followup *f = NULL;
			size_t nf;
			char *cause = NULL;
			ck_assert_int_eq(store_followups(fx.st, &q, &f, &nf, &cause), 0);
			fresh += nf == 0;
			followups_free(f, nf);
		}
	}
	for (int k = 0; k < STATUS_COUNT; k++)
		ck_assert_msg(status[k] > 0, "no contact is %s", score_status_name(k));
	ck_assert_uint_gt(status[STATUS_OK], n / 2);
	ck_assert_uint_ge(owe, 2);
	ck_assert_uint_le(owe, 3);
	ck_assert_uint_ge(gave_more, 3);
	ck_assert_uint_ge(reconnect, 1);
	ck_assert_uint_ge(fresh, 3);
	ck_assert_uint_le(fresh, 8);
	ck_assert_uint_le(snoozed, 5);
	contacts_free(v, n);
	t_fixture_close(&fx);
}
END_TEST

/* Every row of every table, as text, sorted. */
static char *d_dump(struct store *st)
{
	struct strv rows;
	strv_init(&rows);
	struct buf b;
	buf_init(&b);
	for (const char *const *t = store_schema_tables(); *t != NULL; t++) {
		char *sql = xasprintf("SELECT * FROM %s", *t);
		sqlite3_stmt *s = NULL;
		ck_assert_int_eq(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
		while (sqlite3_step(s) == SQLITE_ROW) {
			buf_reset(&b);
			buf_puts(&b, *t);
			for (int c = 0; c < sqlite3_column_count(s); c++) {
				const unsigned char *x = sqlite3_column_text(s, c);
				buf_printf(&b, "|%s", x ? (const char *)x : "NULL");
			}
			strv_push(&rows, buf_str(&b));
		}
		sqlite3_finalize(s);
		free(sql);
	}
	strv_sort_unique(&rows);
	char *all = strv_join(&rows, "\n");
	strv_free(&rows);
	buf_free(&b);
	return all;
}

static char *d_dump_of(const struct demo_options *o)
{
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, o, &s);
	char *dump = d_dump(fx.st);
	t_fixture_close(&fx);
	return dump;
}

START_TEST(test_deterministic)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	char *a = d_dump_of(&o), *b = d_dump_of(&o);
	ck_assert_uint_gt(strlen(a), 100000);
	ck_assert_msg(strcmp(a, b) == 0, "the same seed gave two journals");
	o.seed = 2;
	char *c = d_dump_of(&o);
	ck_assert_msg(strcmp(a, c) != 0, "two seeds gave one journal");
	o.seed = 1;
	o.now = D_NOW + T_DAY;
	char *d = d_dump_of(&o);
	ck_assert_msg(strcmp(a, d) != 0, "two clocks gave one journal");
	free(a);
	free(b);
	free(c);
	free(d);
}
END_TEST

START_TEST(test_ids_are_uuid4)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	o.contacts = 40;
	o.interactions = 300;
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	size_t n;
	struct contact *c = d_contacts(fx.st, &n);
	struct interaction *v = d_timeline(fx.st, &n);
	const char *ids[2] = {c[0].id, v[0].id};
	for (int i = 0; i < 2; i++) {
		ck_assert(id_is_uuid(ids[i]));
		ck_assert_int_eq(ids[i][14], '4');
		ck_assert_ptr_nonnull(strchr("89ab", ids[i][19]));
		for (const char *p = ids[i]; *p; p++)
			ck_assert(*p == '-' || (*p >= '0' && *p <= '9') ||
			          (*p >= 'a' && *p <= 'f'));
	}
	interactions_free(v, n);
	contacts_free(c, 40);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_refuses_a_journal_with_records)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	o.contacts = 30;
	o.interactions = 200;
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	char *cause = NULL;
	ck_assert_int_eq(demo_generate(fx.st, &o, NULL, NULL, &s, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	ck_assert_ptr_nonnull(strstr(cause, "is not empty"));
	ck_assert_ptr_nonnull(strstr(cause, "--force"));
	ck_assert_ptr_nonnull(strstr(cause, fx.path));
	free(cause);
	cause = NULL;
	struct store_stats ss = d_counts(fx.st);
	ck_assert_int_eq(ss.contacts, 30);
	ck_assert_int_eq(ss.interactions, 200);

	/* forced, with the same seed: a second network beside the first, new ids */
	o.force = 1;
	ck_assert_msg(demo_generate(fx.st, &o, NULL, NULL, &s, &cause) == 0, "%s", cause);
	ss = d_counts(fx.st);
	ck_assert_int_eq(ss.contacts, 60);
	ck_assert_int_eq(ss.interactions, 400);
	t_fixture_close(&fx);
}
END_TEST

/* A journal with only a contact counts as not empty too. */
START_TEST(test_refuses_one_contact)
{
	d_utc();
	struct t_fixture fx;
	t_fixture_open(&fx);
	t_person(fx.st, "Ana Souza", NULL);
	struct demo_options o;
	d_options(&o);
	char *cause = NULL;
	ck_assert_int_eq(demo_generate(fx.st, &o, NULL, NULL, NULL, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "not empty"));
	free(cause);
	ck_assert_int_eq(d_counts(fx.st).contacts, 1);
	t_fixture_close(&fx);
}
END_TEST

static const struct {
	size_t contacts, interactions;
	int64_t now;
	const char *why;
} d_bad[] = {
	{0, 10, D_NOW, "at least one contact"},
	{10, 10, 0, "current time"},
	{DEMO_CONTACTS_MAX + 1, 10, D_NOW, "at most"},
	{10, DEMO_INTERACTIONS_MAX + 1, D_NOW, "at most"},
};

START_TEST(test_bad_options)
{
	d_utc();
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct demo_options o;
	d_options(&o);
	o.contacts = d_bad[_i].contacts;
	o.interactions = d_bad[_i].interactions;
	o.now = d_bad[_i].now;
	char *cause = NULL;
	ck_assert_int_eq(demo_generate(fx.st, &o, NULL, NULL, NULL, &cause), -1);
	ck_assert_msg(cause && strstr(cause, d_bad[_i].why), "cause \"%s\"", cause);
	free(cause);
	int empty = 0;
	ck_assert_int_eq(store_is_empty(fx.st, &empty, &cause), 0);
	ck_assert_int_eq(empty, 1);
	t_fixture_close(&fx);
}
END_TEST

/* Sizes from tiny to lopsided: exact counts, nothing after now. */
static const struct {
	size_t contacts, interactions;
	int64_t now;
} d_sizes[] = {
	{1, 0, D_NOW},
	{1, 7, D_NOW},
	{3, 2, D_NOW},
	{12, 5, D_NOW},
	{25, 900, D_NOW},
	{400, 300, D_NOW},
	{60, 2000, D_NOW + 2 * T_DAY}, /* a Sunday */
	{90, 700, D_NOW + 3 * T_DAY},  /* a Monday */
};

START_TEST(test_sizes)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	o.contacts = d_sizes[_i].contacts;
	o.interactions = d_sizes[_i].interactions;
	o.now = d_sizes[_i].now;
	o.seed = 7 + (uint64_t)_i;
	struct t_fixture fx;
	struct demo_stats s;
	d_fill(&fx, &o, &s);
	ck_assert_uint_eq(s.contacts, o.contacts);
	ck_assert_uint_eq(s.interactions, o.interactions);
	struct store_stats ss = d_counts(fx.st);
	ck_assert_int_eq(ss.contacts, (int64_t)o.contacts);
	ck_assert_int_eq(ss.interactions, (int64_t)o.interactions);
	ck_assert_int_eq(ss.followups_open + ss.followups_done, (int64_t)s.followups);
	size_t n;
	struct interaction *v = d_timeline(fx.st, &n);
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_le(v[i].at, o.now);
		ck_assert(strchr(v[i].summary, '{') == NULL);
	}
	interactions_free(v, n);
	struct contact *c = d_contacts(fx.st, &n);
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_le(c[i].created_at, o.now);
		ck_assert(strchr(c[i].met, '{') == NULL && strchr(c[i].notes, '{') == NULL);
	}
	contacts_free(c, n);
	t_fixture_close(&fx);
}
END_TEST

struct d_progress {
	size_t calls, last_done, total;
	int backwards, total_changed;
};

static void d_progress_fn(void *arg, size_t done, size_t total)
{
	struct d_progress *p = arg;
	if (p->calls > 0 && done < p->last_done)
		p->backwards = 1;
	if (p->calls > 0 && total != p->total)
		p->total_changed = 1;
	p->calls++;
	p->last_done = done;
	p->total = total;
}

START_TEST(test_progress)
{
	d_utc();
	struct demo_options o;
	d_options(&o);
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct d_progress p = {0};
	struct demo_stats s;
	char *cause = NULL;
	ck_assert_int_eq(demo_generate(fx.st, &o, d_progress_fn, &p, &s, &cause), 0);
	ck_assert_uint_gt(p.calls, 10);
	ck_assert_int_eq(p.backwards, 0);
	ck_assert_int_eq(p.total_changed, 0);
	ck_assert_uint_eq(p.total, s.contacts + s.interactions + s.followups);
	ck_assert_uint_eq(p.last_done, p.total);
	t_fixture_close(&fx);
}
END_TEST

/* Every word list has words, and its templates only the placeholders demo.c fills. */
START_TEST(test_templates)
{
	static const char *const keys[] = {"topic", "article", "city",  "org", "org2",
	                                   "role2", "name2",   "event", "uni", "a",
	                                   "b",     "b_role",  "b_org"};
	size_t total = 0;
	for (int l = 0; l < DEMO_L_COUNT; l++) {
		size_t n;
		const char *const *v = demo_data_list((enum demo_list)l, &n);
		ck_assert_msg(n > 0, "list %d is empty", l);
		for (size_t i = 0; i < n; i++, total++) {
			ck_assert_ptr_nonnull(v[i]);
			ck_assert(utf8_valid(v[i], strlen(v[i])));
			for (const char *p = strchr(v[i], '{'); p != NULL; p = strchr(p + 1, '{')) {
				const char *e = strchr(p, '}');
				ck_assert_msg(e != NULL, "unclosed brace in \"%s\"", v[i]);
				int known = 0;
				for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
					known |= strlen(keys[k]) == (size_t)(e - p - 1) &&
					         strncmp(keys[k], p + 1, (size_t)(e - p - 1)) == 0;
				ck_assert_msg(known, "unknown placeholder in \"%s\"", v[i]);
			}
		}
	}
	ck_assert_uint_gt(total, 250);
	/* every service has a template for each direction */
	for (int k = IKIND_SHARE; k <= IKIND_GIFT; k++)
		for (int d = DIR_GAVE; d <= DIR_MUTUAL; d++) {
			enum demo_list l = demo_data_service_list((enum ikind)k, (enum direction)d);
			ck_assert_int_ge(l, DEMO_L_S_SERVICE);
			ck_assert_int_lt(l, DEMO_L_S_SERVICE_END);
		}
	/* names: an ASCII form for addresses, a Latin form for other scripts */
	size_t nc;
	const struct demo_culture *cv = demo_data_cultures(&nc);
	for (size_t c = 0; c < nc; c++) {
		const struct demo_name *parts[2] = {cv[c].given, cv[c].family};
		size_t counts[2] = {cv[c].ngiven, cv[c].nfamily};
		ck_assert_uint_ge(counts[0], 10);
		ck_assert_uint_ge(counts[1], 8);
		for (int w = 0; w < 2; w++)
			for (size_t i = 0; i < counts[w]; i++) {
				const char *a = parts[w][i].ascii;
				ck_assert_uint_gt(strlen(a), 0);
				for (const char *p = a; *p; p++)
					ck_assert_msg(*p >= 'a' && *p <= 'z', "ascii form \"%s\"",
					              a);
				int non_ascii = 0;
				if (d_script(parts[w][i].text, &non_ascii) != 0)
					ck_assert_ptr_nonnull(parts[w][i].latin);
			}
	}
}
END_TEST

Suite *suite_demo(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = tcase_create("demo");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_templates);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_circles_and_kinds);
	tcase_add_test(tc, test_multilingual);
	tcase_add_test(tc, test_interactions);
	tcase_add_test(tc, test_followups);
	tcase_add_test(tc, test_review_signals);
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_ids_are_uuid4);
	tcase_add_test(tc, test_refuses_a_journal_with_records);
	tcase_add_test(tc, test_refuses_one_contact);
	tcase_add_loop_test(tc, test_bad_options, 0, (int)(sizeof d_bad / sizeof d_bad[0]));
	tcase_add_loop_test(tc, test_sizes, 0, (int)(sizeof d_sizes / sizeof d_sizes[0]));
	tcase_add_test(tc, test_progress);
	suite_add_tcase(s, tc);
	return s;
}
