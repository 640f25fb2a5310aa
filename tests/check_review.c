/* check_review.c: tests of the weekly review (review.h) on hand-built
 * journals: every section's rule, limit, order and tie-break, snoozed and
 * dormant contacts, the reconnect rotation, the week's bounds and counts,
 * birthdays across a year end, the why texts and the prompts. TZ=UTC unless
 * a test says otherwise; now is Friday 2026-11-20 10:00. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "review.h"

#define RV_MAX 24
#define RV_EV 3

struct rv {
	struct score_params sp;
	int64_t now;
	struct contact c[RV_MAX];
	struct review_person p[RV_MAX];
	struct interaction tl[RV_MAX][RV_EV];
	size_t n;
	struct followup f[8];
	size_t nf;
	struct interaction recent[16];
	size_t nr;
	struct review_input in;
	struct review r;
	int built;
};

static int64_t rv_t(int y, int mo, int d, int h, int mi)
{
	int64_t t;
	ck_assert_int_eq(date_make_local(y, mo, d, h, mi, 0, &t), 0);
	return t;
}

static struct rv *rv_new(void)
{
	setenv("TZ", "UTC", 1);
	struct rv *v = xcalloc(1, sizeof *v);
	score_params_default(&v->sp);
	v->now = rv_t(2026, 11, 20, 10, 0);
	return v;
}

/* A contact, not due, not owing, status ok; its uuid ends in `tag` so that
 * the uuid order is the order of the tags. */
static size_t rv_add(struct rv *v, const char *name, int tag, enum circle circle)
{
	ck_assert_uint_lt(v->n, RV_MAX);
	size_t i = v->n++;
	struct contact *c = &v->c[i];
	contact_init(c);
	c->rowid = (int64_t)i + 1;
	snprintf(c->id, sizeof c->id, "00000000-0000-4000-8000-%012d", tag);
	free(c->name);
	c->name = xstrdup(name);
	c->circle = circle;
	c->created_at = v->now - 400 * (int64_t)DAY_SECONDS;
	struct score *s = &v->p[i].score;
	memset(s, 0, sizeof *s);
	s->status = STATUS_OK;
	s->importance = 1;
	s->days_since = 3;
	return i;
}

/* Sets what the sections compare. */
static void rv_score(struct rv *v, size_t i, enum score_status st, double ratio, double attention,
                     double importance, double days_since)
{
	struct score *s = &v->p[i].score;
	s->status = st;
	s->ratio = ratio;
	s->attention = attention;
	s->importance = importance;
	s->days_since = days_since;
	s->recency = ratio * ratio / (1 + ratio * ratio);
}

static void rv_owe(struct rv *v, size_t i, double owed, int owe)
{
	v->p[i].score.owed = owed;
	v->p[i].score.owe = owe;
}

/* An interaction of contact i; call them newest first. */
static void rv_event(struct rv *v, size_t i, int64_t at, enum ikind k, enum direction d,
                     const char *summary, const char *tag)
{
	struct review_person *p = &v->p[i];
	ck_assert_uint_lt(p->ntimeline, RV_EV);
	struct interaction *in = &v->tl[i][p->ntimeline++];
	interaction_init(in);
	in->at = at;
	in->kind = k;
	in->dir = d;
	free(in->summary);
	in->summary = xstrdup(summary);
	if (tag != NULL)
		strv_push(&in->tags, tag);
	struct contact *c = &v->c[i];
	c->sc.n++;
	if (model_ikind_is_service(k))
		c->sc.n_service++;
	if (c->sc.first_at == 0 || at < c->sc.first_at)
		c->sc.first_at = at;
}

/* A dormant contact of the close circle, silent for 300 days since one
 * interaction. */
static size_t rv_dormant(struct rv *v, const char *name, int tag, enum ikind k,
                         enum direction d)
{
	size_t i = rv_add(v, name, tag, CIRCLE_CLOSE);
	rv_score(v, i, STATUS_DORMANT, 10, 0, 0.577, 300);
	rv_event(v, i, v->now - 300 * DAY_SECONDS, k, d, name, NULL);
	return i;
}

static void rv_followup(struct rv *v, size_t i, int64_t due, int64_t created, int done,
                        const char *id)
{
	ck_assert_uint_lt(v->nf, 8);
	struct followup *f = &v->f[v->nf++];
	memset(f, 0, sizeof *f);
	f->rowid = (int64_t)v->nf;
	snprintf(f->id, sizeof f->id, "%s", id);
	f->contact_rowid = v->c[i].rowid;
	f->due_at = due;
	f->created_at = created;
	f->done_at = done ? created : 0;
	f->text = xstrdup("send the slides");
}

static void rv_recent(struct rv *v, int64_t at, enum ikind k, enum direction d)
{
	ck_assert_uint_lt(v->nr, 16);
	struct interaction *in = &v->recent[v->nr++];
	interaction_init(in);
	in->at = at;
	in->kind = k;
	in->dir = d;
}

static const struct review *rv_build(struct rv *v)
{
	if (v->built)
		review_free(&v->r);
	for (size_t i = 0; i < v->n; i++) {
		v->p[i].c = &v->c[i];
		v->p[i].timeline = v->p[i].ntimeline ? v->tl[i] : NULL;
	}
	v->in = (struct review_input){v->now, &v->sp, v->p, v->n, v->f, v->nf, v->recent, v->nr};
	review_build(&v->r, &v->in);
	v->built = 1;
	return &v->r;
}

static void rv_free(struct rv *v)
{
	if (v->built)
		review_free(&v->r);
	for (size_t i = 0; i < v->n; i++) {
		contact_free(&v->c[i]);
		for (size_t k = 0; k < v->p[i].ntimeline; k++)
			interaction_free(&v->tl[i][k]);
	}
	for (size_t i = 0; i < v->nf; i++)
		followup_free(&v->f[i]);
	for (size_t i = 0; i < v->nr; i++)
		interaction_free(&v->recent[i]);
	free(v);
}

/* The names of a section, joined by spaces. */
static const char *rv_names(const struct rv *v, enum review_section s, char out[256])
{
	out[0] = '\0';
	const struct review_list *l = &v->r.section[s];
	for (size_t i = 0; i < l->n; i++) {
		if (i > 0)
			strcat(out, " ");
		strcat(out, v->c[l->v[i].person].name);
	}
	return out;
}

static const char *rv_why(const struct rv *v, enum review_section s, size_t i)
{
	ck_assert_uint_lt(i, v->r.section[s].n);
	return v->r.section[s].v[i].why;
}

START_TEST(test_reach_out_rule_and_limit)
{
	struct rv *v = rv_new();
	char names[256];
	/* nine due contacts of falling attention */
	static const char *const nm[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
	for (int k = 0; k < 9; k++) {
		size_t i = rv_add(v, nm[k], 10 + k, CIRCLE_CLOSE);
		rv_score(v, i, STATUS_DUE, 1.5, 0.9 - 0.05 * k, 0.577, 40);
	}
	size_t snoozed = rv_add(v, "snoozed", 1, CIRCLE_INNER);
	rv_score(v, snoozed, STATUS_DUE, 1.5, 2.0, 1, 10);
	v->c[snoozed].snoozed_until = v->now + DAY_SECONDS;
	size_t dormant = rv_add(v, "dormant", 2, CIRCLE_INNER);
	rv_score(v, dormant, STATUS_DORMANT, 9, 2.0, 1, 63);
	size_t fine = rv_add(v, "fine", 3, CIRCLE_INNER);
	rv_score(v, fine, STATUS_OK, 0.99, 1.5, 1, 6.9);
	size_t owing = rv_add(v, "owing", 4, CIRCLE_INNER);
	rv_score(v, owing, STATUS_OK, 0.5, 0.86, 1, 3.5);
	rv_owe(v, owing, 0.1, 0);
	/* a snooze that ended is no snooze */
	size_t woke = rv_add(v, "woke", 5, CIRCLE_CLOSE);
	rv_score(v, woke, STATUS_DUE, 1.2, 0.01, 0.577, 36);
	v->c[woke].snoozed_until = v->now;
	/* exactly due: r = 1 is in */
	size_t exact = rv_add(v, "exact", 6, CIRCLE_CLOSE);
	rv_score(v, exact, STATUS_DUE, 1.0, 0.005, 0.577, 30);
	const struct review *r = rv_build(v);
	ck_assert_str_eq(rv_names(v, REVIEW_REACH_OUT, names), "a owing b c d e f");
	ck_assert_uint_eq(r->section[REVIEW_REACH_OUT].n, REVIEW_REACH_OUT_MAX);
	ck_assert_uint_eq(r->section[REVIEW_REACH_OUT].more, 5); /* g h i woke exact */
	ck_assert_ptr_null(r->prompt[REVIEW_REACH_OUT]);
	/* what an action needs */
	const struct review_entry *e = &r->section[REVIEW_REACH_OUT].v[1];
	ck_assert_int_eq(e->contact_rowid, v->c[owing].rowid);
	ck_assert_str_eq(e->contact_id, v->c[owing].id);
	ck_assert_double_eq(e->score.attention, 0.86);
	ck_assert_str_eq(e->followup_id, "");
	rv_free(v);
}
END_TEST

START_TEST(test_reach_out_ties)
{
	struct rv *v = rv_new();
	char names[256];
	/* equal attention: importance, then the longer silence, then the uuid */
	size_t x = rv_add(v, "wide", 1, CIRCLE_WIDE);
	rv_score(v, x, STATUS_DUE, 1.1, 0.5, 0.183, 400);
	x = rv_add(v, "late", 4, CIRCLE_INNER);
	rv_score(v, x, STATUS_DUE, 1.1, 0.5, 1, 9);
	x = rv_add(v, "early", 3, CIRCLE_INNER);
	rv_score(v, x, STATUS_DUE, 1.1, 0.5, 1, 9);
	x = rv_add(v, "longer", 9, CIRCLE_INNER);
	rv_score(v, x, STATUS_DUE, 1.1, 0.5, 1, 10);
	rv_build(v);
	ck_assert_str_eq(rv_names(v, REVIEW_REACH_OUT, names), "longer early late wide");
	rv_free(v);
}
END_TEST

START_TEST(test_order_does_not_matter)
{
	/* the same journal given in two orders gives the same review */
	char reach[2][256], owe[2][256];
	for (int pass = 0; pass < 2; pass++) {
		struct rv *v = rv_new();
		for (int k = 0; k < 6; k++) {
			int j = pass ? 5 - k : k;
			char nm[8];
			snprintf(nm, sizeof nm, "p%d", j);
			size_t i = rv_add(v, nm, 20 + j, CIRCLE_CLOSE);
			rv_score(v, i, STATUS_COLD, 3, 0.4 + (j % 2) * 0.1, 0.577, 90);
			rv_owe(v, i, 0.3, 1);
		}
		rv_build(v);
		rv_names(v, REVIEW_REACH_OUT, reach[pass]);
		rv_names(v, REVIEW_I_OWE, owe[pass]);
		rv_free(v);
	}
	ck_assert_str_eq(reach[0], reach[1]);
	ck_assert_str_eq(reach[0], "p1 p3 p5 p0 p2 p4");
	ck_assert_str_eq(owe[0], owe[1]);
	ck_assert_str_eq(owe[0], "p0 p1 p2 p3 p4");
}
END_TEST

START_TEST(test_going_cold)
{
	struct rv *v = rv_new();
	char names[256];
	/* ordered by importance times recency; due and dormant ones are not cold */
	size_t i = rv_add(v, "close", 1, CIRCLE_CLOSE);
	rv_score(v, i, STATUS_COLD, 3, 0.5, 0.577, 90); /* 0.577 * 0.9 = 0.519 */
	i = rv_add(v, "inner", 2, CIRCLE_INNER);
	rv_score(v, i, STATUS_COLD, 2, 0.9, 1, 14); /* 1 * 0.8 */
	i = rv_add(v, "active", 3, CIRCLE_ACTIVE);
	rv_score(v, i, STATUS_COLD, 7, 0.3, 0.316, 1260); /* 0.316 * 0.98 = 0.310 */
	i = rv_add(v, "due", 4, CIRCLE_INNER);
	rv_score(v, i, STATUS_DUE, 1.9, 0.6, 1, 13);
	i = rv_add(v, "dormant", 5, CIRCLE_INNER);
	rv_score(v, i, STATUS_DORMANT, 8, 0.6, 1, 56);
	i = rv_add(v, "snoozed", 6, CIRCLE_INNER);
	rv_score(v, i, STATUS_COLD, 3, 0.6, 1, 21);
	v->c[i].snoozed_until = v->now + 7 * DAY_SECONDS;
	const struct review *r = rv_build(v);
	ck_assert_str_eq(rv_names(v, REVIEW_GOING_COLD, names), "inner close active");
	ck_assert_uint_eq(r->section[REVIEW_GOING_COLD].more, 0);
	rv_free(v);

	/* at most REVIEW_GOING_COLD_MAX, the rest counted */
	v = rv_new();
	for (int k = 0; k < REVIEW_GOING_COLD_MAX + 2; k++) {
		i = rv_add(v, "x", k, CIRCLE_CLOSE);
		rv_score(v, i, STATUS_COLD, 3, 0.5, 0.577, 90);
	}
	r = rv_build(v);
	ck_assert_uint_eq(r->section[REVIEW_GOING_COLD].n, REVIEW_GOING_COLD_MAX);
	ck_assert_uint_eq(r->section[REVIEW_GOING_COLD].more, 2);
	rv_free(v);
}
END_TEST

START_TEST(test_i_owe)
{
	struct rv *v = rv_new();
	char names[256];
	static const double owed[] = {0.4, 0.7, 0.5, 0.6, 0.3, 0.45};
	for (int k = 0; k < 6; k++) {
		char nm[8];
		snprintf(nm, sizeof nm, "o%d", k);
		size_t i = rv_add(v, nm, k, CIRCLE_ACTIVE);
		rv_owe(v, i, owed[k], 1);
	}
	size_t little = rv_add(v, "little", 50, CIRCLE_ACTIVE); /* owed, but not "I owe" */
	rv_owe(v, little, 0.9, 0);
	size_t dormant = rv_add(v, "dormant", 51, CIRCLE_ACTIVE);
	rv_score(v, dormant, STATUS_DORMANT, 9, 0.1, 0.316, 1700);
	rv_owe(v, dormant, 0.95, 1);
	const struct review *r = rv_build(v);
	ck_assert_str_eq(rv_names(v, REVIEW_I_OWE, names), "o1 o3 o2 o5 o0");
	ck_assert_uint_eq(r->section[REVIEW_I_OWE].more, 1);
	ck_assert_str_eq(r->prompt[REVIEW_I_OWE], review_prompt(REVIEW_PROMPT_I_OWE));
	rv_free(v);
}
END_TEST

START_TEST(test_why_texts)
{
	struct rv *v = rv_new();
	int64_t day = DAY_SECONDS;
	size_t ana = rv_add(v, "Ana", 1, CIRCLE_INNER);
	rv_score(v, ana, STATUS_COLD, 3, 0.9, 1, 21.2);
	rv_event(v, ana, v->now - 21 * day, IKIND_MEETING, DIR_NONE, "coffee with Ana", NULL);
	size_t bruno = rv_add(v, "Bruno", 2, CIRCLE_CLOSE);
	rv_owe(v, bruno, 0.5, 1);
	rv_event(v, bruno, v->now - 3 * day, IKIND_CALL, DIR_NONE, "called Bruno", NULL);
	rv_event(v, bruno, v->now - 14 * day, IKIND_INTRO, DIR_GOT, "intro to Carla", NULL);
	rv_event(v, bruno, v->now - 20 * day, IKIND_ADVICE, DIR_GOT, "advice", NULL);
	size_t carla = rv_add(v, "Carla", 3, CIRCLE_ACTIVE);
	rv_score(v, carla, STATUS_DUE, 1.2, 0.2, 0.316, 200);
	rv_event(v, carla, v->now - 200 * day, IKIND_CALL, DIR_NONE, "called about the job", NULL);
	rv_event(v, carla, v->now - 210 * day, IKIND_NOTE, DIR_NONE, "coffee note", NULL);
	size_t dan = rv_add(v, "Dan", 4, CIRCLE_CLOSE);
	rv_score(v, dan, STATUS_DUE, 1.1, 0.3, 0.577, 33);
	v->c[dan].created_at = v->now - 33 * day;
	rv_build(v);
	ck_assert_str_eq(rv_why(v, REVIEW_GOING_COLD, 0), "inner circle, 3 weeks since coffee");
	ck_assert_str_eq(rv_why(v, REVIEW_I_OWE, 0), "you owe: intro, 2 weeks ago");
	/* in for a debt alone; "since" names the kind when the word says no more */
	ck_assert_str_eq(rv_why(v, REVIEW_REACH_OUT, 0), "inner circle, 3 weeks since coffee");
	ck_assert_str_eq(rv_why(v, REVIEW_REACH_OUT, 1), "close circle, never in touch, added 5 weeks ago");
	ck_assert_str_eq(rv_why(v, REVIEW_REACH_OUT, 2), "active circle, 7 months since a call");
	ck_assert_str_eq(rv_why(v, REVIEW_REACH_OUT, 3), "you owe: intro, 2 weeks ago");
	rv_free(v);
}
END_TEST

START_TEST(test_reconnect_rotation)
{
	struct rv *v = rv_new();
	int64_t day = DAY_SECONDS;
	/* three candidates: two with a service, one once warm */
	size_t a = rv_dormant(v, "a", 3, IKIND_FAVOR, DIR_GAVE);
	size_t b = rv_dormant(v, "b", 1, IKIND_LEAD, DIR_GOT);
	size_t c = rv_add(v, "c", 2, CIRCLE_INNER);
	rv_score(v, c, STATUS_DORMANT, 10, 0, 1, 70);
	/* 3+3+3 = 9 at once: warmth 9/14 = 0.64 then */
	for (int k = 0; k < 3; k++)
		rv_event(v, c, v->now - 70 * day, IKIND_MEETING, DIR_NONE, "lunch", NULL);
	/* never close, no service: never a candidate */
	size_t d = rv_dormant(v, "d", 0, IKIND_MESSAGE, DIR_NONE);
	/* snoozed: left out */
	size_t e = rv_dormant(v, "e", 4, IKIND_GIFT, DIR_GAVE);
	v->c[e].snoozed_until = v->now + 60 * day;
	int64_t base = v->now;
	int seen[RV_MAX] = {0};
	size_t firstpick = 0;
	for (int w = 0; w < 3; w++) {
		v->now = date_add_days(base, 7 * w);
		const struct review *r = rv_build(v);
		ck_assert_uint_eq(r->section[REVIEW_RECONNECT].n, 1);
		ck_assert_uint_eq(r->section[REVIEW_RECONNECT].more, 2);
		size_t pick = r->section[REVIEW_RECONNECT].v[0].person;
		ck_assert(pick != d && pick != e);
		seen[pick]++;
		if (w == 0)
			firstpick = pick;
		/* the same week, another day: the same pick */
		v->now = date_add_days(base, 7 * w + 2);
		r = rv_build(v);
		ck_assert_uint_eq(r->section[REVIEW_RECONNECT].v[0].person, pick);
	}
	ck_assert_int_eq(seen[a], 1);
	ck_assert_int_eq(seen[b], 1);
	ck_assert_int_eq(seen[c], 1);
	/* the fourth week comes back to the first */
	v->now = date_add_days(base, 21);
	const struct review *r = rv_build(v);
	ck_assert_uint_eq(r->section[REVIEW_RECONNECT].v[0].person, firstpick);
	/* dormant contacts are nowhere else */
	ck_assert_uint_eq(r->section[REVIEW_REACH_OUT].n, 0);
	ck_assert_str_eq(r->prompt[REVIEW_RECONNECT], review_prompt(REVIEW_PROMPT_RECONNECT));
	rv_free(v);

	/* the turn is weeks since 1970-01-05 modulo the candidates */
	setenv("TZ", "UTC", 1);
	ck_assert_uint_eq(review_rotation(rv_t(1970, 1, 5, 0, 0), 3), 0);
	ck_assert_uint_eq(review_rotation(rv_t(1970, 1, 12, 0, 0), 3), 1);
	ck_assert_uint_eq(review_rotation(rv_t(1970, 1, 26, 0, 0), 3), 0);
	ck_assert_uint_eq(review_rotation(rv_t(2026, 11, 16, 0, 0), 0), 0);
}
END_TEST

START_TEST(test_reconnect_warmth_threshold)
{
	/* one meeting of weight 3: warmth 3/8 = 0.375 at once, enough; a call
	 * of weight 2 gives 2/7 = 0.286, not enough */
	struct rv *v = rv_new();
	size_t a = rv_dormant(v, "met", 1, IKIND_MEETING, DIR_NONE);
	rv_dormant(v, "called", 0, IKIND_CALL, DIR_NONE);
	const struct review *r = rv_build(v);
	ck_assert_uint_eq(r->section[REVIEW_RECONNECT].n, 1);
	ck_assert_uint_eq(r->section[REVIEW_RECONNECT].more, 0);
	ck_assert_uint_eq(r->section[REVIEW_RECONNECT].v[0].person, a);
	ck_assert_str_eq(rv_why(v, REVIEW_RECONNECT, 0), "10 months since a meeting, you were close once");
	rv_free(v);
}
END_TEST

START_TEST(test_followups)
{
	struct rv *v = rv_new();
	char names[256];
	size_t a = rv_add(v, "a", 1, CIRCLE_CLOSE);
	size_t b = rv_add(v, "b", 2, CIRCLE_CLOSE);
	int64_t today = date_day_start(v->now);
	int64_t day = DAY_SECONDS;
	rv_followup(v, a, today + 2 * day, v->now - 5 * day, 0, "f-sunday");
	rv_followup(v, b, today - 2 * day, v->now - 1 * day, 0, "f-late-b");
	rv_followup(v, a, today - 2 * day, v->now - 3 * day, 0, "f-late-a");
	rv_followup(v, b, today + 3 * day, v->now, 0, "f-next-week");
	rv_followup(v, a, today - 9 * day, v->now - 20 * day, 1, "f-done");
	rv_followup(v, b, today, v->now, 0, "f-today");
	rv_followup(v, b, today + day, v->now, 0, "f-tomorrow");
	const struct review *r = rv_build(v);
	const struct review_list *l = &r->section[REVIEW_FOLLOWUPS];
	ck_assert_str_eq(rv_names(v, REVIEW_FOLLOWUPS, names), "a b b b a");
	ck_assert_str_eq(l->v[0].followup_id, "f-late-a"); /* same day: created first */
	ck_assert_str_eq(l->v[1].followup_id, "f-late-b");
	ck_assert_str_eq(l->v[2].followup_id, "f-today");
	ck_assert_str_eq(l->v[3].followup_id, "f-tomorrow");
	ck_assert_str_eq(l->v[4].followup_id, "f-sunday");
	ck_assert_int_eq(l->v[0].followup_rowid, 3);
	ck_assert_uint_eq(l->v[0].followup, 2);
	ck_assert_int_eq(l->v[0].when, today - 2 * day);
	ck_assert_str_eq(rv_why(v, REVIEW_FOLLOWUPS, 0), "due 2 days ago");
	ck_assert_str_eq(rv_why(v, REVIEW_FOLLOWUPS, 2), "due today");
	ck_assert_str_eq(rv_why(v, REVIEW_FOLLOWUPS, 3), "due tomorrow");
	ck_assert_str_eq(rv_why(v, REVIEW_FOLLOWUPS, 4), "due Sunday");
	rv_free(v);
}
END_TEST

START_TEST(test_met_no_followup)
{
	struct rv *v = rv_new();
	char names[256];
	int64_t day = DAY_SECONDS;
	size_t a = rv_add(v, "devconf", 1, CIRCLE_ACTIVE);
	v->c[a].created_at = v->now - 4 * day;
	rv_event(v, a, v->now - 4 * day, IKIND_EVENT, DIR_NONE, "met at the conference", "devconf");
	size_t b = rv_add(v, "coffee", 2, CIRCLE_ACTIVE); /* an old contact first met lately */
	rv_event(v, b, v->now - 13 * day, IKIND_MEETING, DIR_NONE, "coffee", NULL);
	size_t c = rv_add(v, "followed", 3, CIRCLE_ACTIVE);
	v->c[c].created_at = v->now - 2 * day;
	rv_event(v, c, v->now - 2 * day, IKIND_EVENT, DIR_NONE, "fair", NULL);
	rv_followup(v, c, v->now + 3 * day, v->now, 1, "f-done"); /* even a done one counts */
	size_t d = rv_add(v, "twice", 4, CIRCLE_ACTIVE);
	v->c[d].created_at = v->now - 2 * day;
	rv_event(v, d, v->now - 1 * day, IKIND_CALL, DIR_NONE, "call", NULL);
	rv_event(v, d, v->now - 2 * day, IKIND_EVENT, DIR_NONE, "fair", NULL);
	size_t e = rv_add(v, "old", 5, CIRCLE_ACTIVE);
	rv_event(v, e, v->now - 15 * day, IKIND_EVENT, DIR_NONE, "fair", NULL);
	size_t f = rv_add(v, "added", 6, CIRCLE_ACTIVE); /* added, never met */
	v->c[f].created_at = v->now - day;
	const struct review *r = rv_build(v);
	ck_assert_str_eq(rv_names(v, REVIEW_MET_NO_FOLLOWUP, names), "coffee devconf");
	ck_assert_str_eq(rv_why(v, REVIEW_MET_NO_FOLLOWUP, 1), "met at #devconf 4 days ago, no follow-up");
	ck_assert_str_eq(rv_why(v, REVIEW_MET_NO_FOLLOWUP, 0), "met 13 days ago, no follow-up");
	ck_assert_str_eq(r->prompt[REVIEW_MET_NO_FOLLOWUP], review_prompt(REVIEW_PROMPT_MET));
	ck_assert(review_person_wants_timeline(&v->c[a], &v->p[a].score, v->now));
	ck_assert(!review_person_wants_timeline(&v->c[e], &v->p[e].score, v->now));
	rv_free(v);
}
END_TEST

START_TEST(test_birthdays)
{
	struct rv *v = rv_new();
	char names[256];
	v->now = rv_t(2026, 12, 28, 9, 0); /* a Monday */
	size_t a = rv_add(v, "newyear", 1, CIRCLE_CLOSE);
	v->c[a].birthday = (free(v->c[a].birthday), xstrdup("1987-01-01"));
	size_t b = rv_add(v, "today", 2, CIRCLE_CLOSE);
	v->c[b].birthday = (free(v->c[b].birthday), xstrdup("--12-28"));
	size_t c = rv_add(v, "sunday", 3, CIRCLE_CLOSE);
	v->c[c].birthday = (free(v->c[c].birthday), xstrdup("2000-01-03"));
	size_t d = rv_add(v, "monday", 4, CIRCLE_CLOSE); /* 7 days on: next week */
	v->c[d].birthday = (free(v->c[d].birthday), xstrdup("2000-01-04"));
	size_t e = rv_add(v, "past", 5, CIRCLE_CLOSE);
	v->c[e].birthday = (free(v->c[e].birthday), xstrdup("1990-12-27"));
	size_t f = rv_add(v, "bad", 6, CIRCLE_CLOSE);
	v->c[f].birthday = (free(v->c[f].birthday), xstrdup("12/29"));
	const struct review *r = rv_build(v);
	ck_assert_str_eq(rv_names(v, REVIEW_BIRTHDAYS, names), "today newyear sunday");
	ck_assert_str_eq(rv_why(v, REVIEW_BIRTHDAYS, 0), "birthday today");
	ck_assert_str_eq(rv_why(v, REVIEW_BIRTHDAYS, 1), "birthday Friday (turns 40)");
	ck_assert_str_eq(rv_why(v, REVIEW_BIRTHDAYS, 2), "birthday Sunday (turns 27)");
	ck_assert_int_eq(r->section[REVIEW_BIRTHDAYS].v[1].turns, 40);
	ck_assert_int_eq(r->section[REVIEW_BIRTHDAYS].v[1].when, rv_t(2027, 1, 1, 0, 0));
	rv_free(v);

	/* 29 February: the 28th in a year without one, the 29th in a leap year */
	setenv("TZ", "UTC", 1);
	int turns;
	int64_t when;
	ck_assert_int_eq(review_birthday_next("2000-02-29", rv_t(2027, 2, 25, 10, 0), &turns, &when), 3);
	ck_assert_int_eq(when, rv_t(2027, 2, 28, 0, 0));
	ck_assert_int_eq(turns, 27);
	ck_assert_int_eq(review_birthday_next("--02-29", rv_t(2028, 2, 25, 10, 0), &turns, &when), 4);
	ck_assert_int_eq(when, rv_t(2028, 2, 29, 0, 0));
	ck_assert_int_eq(turns, 0);
	ck_assert_int_eq(review_birthday_next("2000-02-30", rv_t(2028, 2, 25, 10, 0), &turns, &when), -1);
	ck_assert_int_eq(review_birthday_next("", rv_t(2028, 2, 25, 10, 0), &turns, &when), -1);
	ck_assert_int_eq(review_birthday_next("2000-1-5", rv_t(2028, 2, 25, 10, 0), &turns, &when), -1);
}
END_TEST

START_TEST(test_birthday_dormant_left_out)
{
	struct rv *v = rv_new();
	size_t a = rv_add(v, "dormant", 1, CIRCLE_CLOSE);
	rv_score(v, a, STATUS_DORMANT, 10, 0, 0.577, 300);
	v->c[a].birthday = (free(v->c[a].birthday), xstrdup("--11-21"));
	size_t b = rv_add(v, "snoozed", 2, CIRCLE_CLOSE);
	v->c[b].snoozed_until = v->now + DAY_SECONDS;
	v->c[b].birthday = (free(v->c[b].birthday), xstrdup("--11-21"));
	const struct review *r = rv_build(v);
	ck_assert_uint_eq(r->section[REVIEW_BIRTHDAYS].n, 1);
	ck_assert_uint_eq(r->section[REVIEW_BIRTHDAYS].v[0].person, b);
	ck_assert_str_eq(rv_why(v, REVIEW_BIRTHDAYS, 0), "birthday tomorrow");
	rv_free(v);
}
END_TEST

START_TEST(test_week_bounds_and_counts)
{
	const char *const zones[] = {"UTC", "Europe/Berlin"};
	for (int z = 0; z < 2; z++) {
		struct rv *v = rv_new();
		setenv("TZ", zones[z], 1);
		v->now = rv_t(2026, 11, 16, 0, 0); /* Monday 00:00 local: this week begins */
		rv_add(v, "someone", 1, CIRCLE_CLOSE);
		v->c[0].created_at = v->now;
		rv_recent(v, v->now, IKIND_MEETING, DIR_NONE);
		rv_recent(v, v->now - 60, IKIND_CALL, DIR_NONE);        /* Sunday 23:59 */
		rv_recent(v, v->now - 7 * DAY_SECONDS, IKIND_INTRO, DIR_GAVE);
		rv_recent(v, v->now + 60, IKIND_MEETING, DIR_NONE);     /* after now */
		const struct review *r = rv_build(v);
		ck_assert_int_eq(r->week_start, v->now);
		ck_assert_int_eq(r->week_end, rv_t(2026, 11, 23, 0, 0));
		ck_assert_int_eq(r->week.interactions, 1);
		ck_assert_int_eq(r->week.by_kind[IKIND_MEETING], 1);
		ck_assert_int_eq(r->week.by_kind[IKIND_CALL], 0);
		ck_assert_int_eq(r->week.new_contacts, 1);
		ck_assert_int_eq(r->week.week_start[REVIEW_WEEKS - 1], v->now);
		ck_assert_int_eq(r->week.week_start[REVIEW_WEEKS - 2], rv_t(2026, 11, 9, 0, 0));
		ck_assert_int_eq(r->week.weekly_interactions[REVIEW_WEEKS - 1], 1);
		ck_assert_int_eq(r->week.weekly_interactions[REVIEW_WEEKS - 2], 2);
		ck_assert_int_eq(r->week.weekly_gave[REVIEW_WEEKS - 2], 1);
		ck_assert_int_eq(r->week.weekly_got[REVIEW_WEEKS - 2], 0);
		ck_assert_str_eq(r->week_prompt ? r->week_prompt : "", "");
		rv_free(v);
	}
}
END_TEST

START_TEST(test_week_give_and_take)
{
	struct rv *v = rv_new();
	int64_t monday = rv_t(2026, 11, 16, 9, 0);
	rv_add(v, "someone", 1, CIRCLE_CLOSE);
	rv_recent(v, monday, IKIND_ADVICE, DIR_GOT);
	rv_recent(v, monday, IKIND_LEAD, DIR_GOT);
	rv_recent(v, monday, IKIND_SHARE, DIR_MUTUAL);
	rv_recent(v, monday, IKIND_NOTE, DIR_NONE);
	rv_recent(v, monday, IKIND_MEETING, DIR_GAVE); /* a meeting is no service */
	rv_recent(v, rv_t(2026, 8, 30, 23, 0), IKIND_CALL, DIR_NONE); /* before the 12 weeks */
	rv_recent(v, rv_t(2026, 8, 31, 0, 0), IKIND_CALL, DIR_NONE);  /* the first of them */
	const struct review *r = rv_build(v);
	ck_assert_int_eq(r->week.interactions, 4); /* the note is no contact */
	ck_assert_int_eq(r->week.by_kind[IKIND_NOTE], 1);
	ck_assert_int_eq(r->week.gave, 1);
	ck_assert_int_eq(r->week.got, 3);
	ck_assert_int_eq(r->week.mutual, 1);
	ck_assert_int_eq(r->week.weekly_interactions[0], 1);
	ck_assert_int_eq(r->week.week_start[0], rv_t(2026, 8, 31, 0, 0));
	ck_assert_str_eq(r->week_prompt, review_prompt(REVIEW_PROMPT_WEEK_TAKING));
	rv_free(v);
}
END_TEST

START_TEST(test_carried_services)
{
	/* a coffee that carries an intro: the intro is what you owe and what the
	 * week counts as given or received; the coffee is the kind */
	struct rv *v = rv_new();
	int64_t day = DAY_SECONDS;
	size_t a = rv_add(v, "Ana", 1, CIRCLE_CLOSE);
	rv_owe(v, a, 0.5, 1);
	rv_event(v, a, v->now - 14 * day, IKIND_MEETING, DIR_GOT, "coffee with Ana", NULL);
	v->tl[a][0].service = IKIND_INTRO;
	rv_recent(v, v->now - day, IKIND_MEETING, DIR_GAVE);
	v->recent[0].service = IKIND_INTRO;
	rv_recent(v, v->now - day, IKIND_NOTE, DIR_GAVE); /* a note carries nothing */
	v->recent[1].service = IKIND_FAVOR;
	const struct review *r = rv_build(v);
	ck_assert_str_eq(rv_why(v, REVIEW_I_OWE, 0), "you owe: intro, 2 weeks ago");
	ck_assert_int_eq(r->week.by_kind[IKIND_MEETING], 1);
	ck_assert_int_eq(r->week.by_kind[IKIND_INTRO], 0);
	ck_assert_int_eq(r->week.gave, 1);
	ck_assert_int_eq(r->week.weekly_gave[REVIEW_WEEKS - 1], 1);
	ck_assert_int_eq(r->week.got, 0);
	rv_free(v);

	/* a dormant contact once met over a call that carried a lead: the lead's
	 * weight (4, warmth 4/9 = 0.44) makes it warm enough to reconnect */
	v = rv_new();
	size_t b = rv_dormant(v, "Bruno", 1, IKIND_CALL, DIR_NONE);
	v->tl[b][0].service = IKIND_LEAD;
	r = rv_build(v);
	ck_assert_uint_eq(r->section[REVIEW_RECONNECT].n, 1);
	rv_free(v);
}
END_TEST

START_TEST(test_prompts)
{
	/* an empty journal: one prompt, nothing else */
	struct rv *v = rv_new();
	const struct review *r = rv_build(v);
	ck_assert_str_eq(r->week_prompt, review_prompt(REVIEW_PROMPT_JOURNAL_EMPTY));
	for (int s = 0; s < REVIEW_SECTION_COUNT; s++) {
		ck_assert_uint_eq(r->section[s].n, 0);
		ck_assert_ptr_null(r->prompt[s]);
	}
	rv_free(v);
	/* nothing due: the nudges of empty sections */
	v = rv_new();
	rv_add(v, "fine", 1, CIRCLE_CLOSE);
	r = rv_build(v);
	ck_assert_str_eq(r->prompt[REVIEW_REACH_OUT], review_prompt(REVIEW_PROMPT_REACH_OUT_EMPTY));
	ck_assert_str_eq(r->prompt[REVIEW_I_OWE], "Give first: who can you help this week?");
	ck_assert_ptr_null(r->prompt[REVIEW_GOING_COLD]);
	ck_assert_ptr_null(r->prompt[REVIEW_RECONNECT]);
	ck_assert_ptr_null(r->prompt[REVIEW_MET_NO_FOLLOWUP]);
	ck_assert_str_eq(r->week_prompt, review_prompt(REVIEW_PROMPT_WEEK_QUIET));
	rv_free(v);
	ck_assert_str_eq(review_section_key(REVIEW_MET_NO_FOLLOWUP), "met_no_followup");
	ck_assert_str_eq(review_section_title(REVIEW_I_OWE), "I owe");
	ck_assert_str_eq(review_prompt(REVIEW_PROMPT_COUNT), "");
	for (int p = 0; p < REVIEW_PROMPT_COUNT; p++)
		ck_assert_uint_gt(strlen(review_prompt((enum review_prompt_id)p)), 0);
}
END_TEST

Suite *suite_review(void);
Suite *suite_review(void)
{
	Suite *s = suite_create("review");
	TCase *tc = tcase_create("review");
	tcase_add_test(tc, test_reach_out_rule_and_limit);
	tcase_add_test(tc, test_reach_out_ties);
	tcase_add_test(tc, test_order_does_not_matter);
	tcase_add_test(tc, test_going_cold);
	tcase_add_test(tc, test_i_owe);
	tcase_add_test(tc, test_why_texts);
	tcase_add_test(tc, test_reconnect_rotation);
	tcase_add_test(tc, test_reconnect_warmth_threshold);
	tcase_add_test(tc, test_followups);
	tcase_add_test(tc, test_met_no_followup);
	tcase_add_test(tc, test_birthdays);
	tcase_add_test(tc, test_birthday_dormant_left_out);
	tcase_add_test(tc, test_week_bounds_and_counts);
	tcase_add_test(tc, test_week_give_and_take);
	tcase_add_test(tc, test_carried_services);
	tcase_add_test(tc, test_prompts);
	suite_add_tcase(s, tc);
	return s;
}
