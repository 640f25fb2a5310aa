/* check_score.c: the scores of DESIGN.md §4 with a pinned `now`: decay, the
 * ranking by circle, recency by cadence, status boundaries, give-and-take,
 * notes, insertion order, future interactions, bounds and the cache. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "score.h"

#define DAY INT64_C(86400)
/* 2023-11-14 22:13:20 UTC: every test pins its clock here. */
#define NOW INT64_C(1700000000)

/* A small deterministic generator (xorshift64*); the state is the caller's. */
static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * UINT64_C(2685821657736338717);
}

static int64_t rng_range(uint64_t *s, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rng_next(s) % (uint64_t)(hi - lo + 1));
}

static struct score_event ev_make(int64_t at, enum ikind k, enum direction d, int deep)
{
	struct score_event e = {at, k, d, deep, IKIND_NONE};
	return e;
}

/* Any kind, direction and depth; about half of them carry a service, some
 * of which the kind makes none (a service or a note carries nothing, nor does
 * a "service" that is not one). */
static struct score_event ev_random(uint64_t *s, int64_t lo, int64_t hi)
{
	struct score_event e =
		ev_make(rng_range(s, lo, hi), (enum ikind)rng_range(s, 0, IKIND_COUNT - 1),
	                (enum direction)rng_range(s, 0, DIR_COUNT - 1), (int)rng_range(s, 0, 1));
	if (rng_range(s, 0, 1) == 0)
		e.service = (enum ikind)rng_range(s, 0, IKIND_NONE);
	return e;
}

static struct score_event ev_carry(int64_t at, enum ikind k, enum ikind service,
                                   enum direction d, int deep)
{
	struct score_event e = ev_make(at, k, d, deep);
	e.service = service;
	return e;
}

static void contact_setup(struct contact *c, enum circle circle, int cadence, int family)
{
	contact_init(c);
	c->circle = circle;
	c->cadence_days = cadence;
	c->created_at = NOW - 2000 * DAY;
	if (family)
		strv_push(&c->tags, "family");
}

static void shuffle(struct score_event *v, size_t n, uint64_t *s)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(rng_next(s) % i);
		struct score_event t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

static void cache_add_all(struct score_cache *sc, const struct score_params *p,
                          const struct score_event *v, size_t n, int family)
{
	score_cache_clear(sc);
	for (size_t i = 0; i < n; i++)
		score_cache_add(sc, p, &v[i], family);
}

static int near(double a, double b, double rel)
{
	double m = fmax(fabs(a), fabs(b));
	return fabs(a - b) <= rel * (m > 1.0 ? m : 1.0);
}

static void assert_cache_near(const struct score_cache *a, const struct score_cache *b, double rel)
{
	ck_assert_int_eq(a->ref_at, b->ref_at);
	ck_assert_int_eq(a->last_at, b->last_at);
	ck_assert_int_eq(a->first_at, b->first_at);
	ck_assert_int_eq(a->max_at, b->max_at);
	ck_assert_int_eq(a->n, b->n);
	ck_assert_int_eq(a->n_service, b->n_service);
	ck_assert_msg(near(a->warm_sum, b->warm_sum, rel), "warm %.17g %.17g", a->warm_sum,
	              b->warm_sum);
	ck_assert_msg(near(a->gave_sum, b->gave_sum, rel), "gave %.17g %.17g", a->gave_sum,
	              b->gave_sum);
	ck_assert_msg(near(a->got_sum, b->got_sum, rel), "got %.17g %.17g", a->got_sum, b->got_sum);
}

/* Every output, within rel (0 for identical). */
static void assert_score_near(const struct score *a, const struct score *b, double rel)
{
	ck_assert_int_eq(a->last_contact, b->last_contact);
	ck_assert_int_eq(a->cadence, b->cadence);
	ck_assert_int_eq(a->owe, b->owe);
	ck_assert_int_eq(a->status, b->status);
	const double av[] = {a->days_since,        a->ratio,         a->W,          a->warmth,
	                     a->warmth_last,       a->recency,       a->G,          a->R,
	                     a->balance,           a->owed,          a->importance, a->attention,
	                     a->attention_recency, a->attention_owed};
	const double bv[] = {b->days_since,        b->ratio,         b->W,          b->warmth,
	                     b->warmth_last,       b->recency,       b->G,          b->R,
	                     b->balance,           b->owed,          b->importance, b->attention,
	                     b->attention_recency, b->attention_owed};
	for (size_t i = 0; i < sizeof av / sizeof av[0]; i++) {
		if (rel == 0.0)
			ck_assert_msg(av[i] == bv[i], "output %zu: %.17g != %.17g", i, av[i],
			              bv[i]);
		else
			ck_assert_msg(near(av[i], bv[i], rel), "output %zu: %.17g vs %.17g", i,
			              av[i], bv[i]);
	}
}

/* Scores of contact c with the history v, through the cache. */
static void score_of(struct score *out, struct contact *c, const struct score_params *p,
                     const struct score_event *v, size_t n, int64_t now)
{
	score_cache_build(&c->sc, p, v, n, score_is_family(c, p));
	score_compute(out, c, p, now);
}

START_TEST(test_defaults)
{
	static const double weights[IKIND_COUNT] = {3, 2, 1, 2, 0.5, 3, 2, 4, 4, 3, 2, 0};
	static const int layers[CIRCLE_COUNT] = {5, 15, 50, 150, 500};
	static const int cadences[CIRCLE_COUNT] = {7, 30, 180, 365, 0};
	static const double importance[CIRCLE_COUNT] = {1.000, 0.577, 0.316, 0.183, 0.100};
	struct score_params p;
	score_params_default(&p);
	ck_assert(p.half_life == 90 && p.half_life_family == 270 && p.half_life_balance == 365);
	ck_assert(p.deep_factor == 1.5 && p.warmth_k == 5 && p.owed_k == 3);
	ck_assert(p.owe_min == 1.5 && p.owe_balance == -1.0 / 3.0);
	ck_assert_int_eq(p.dormant_days, 1095);
	ck_assert_str_eq(p.family_tag, "family");
	for (int k = 0; k < IKIND_COUNT; k++) {
		ck_assert_msg(p.weight[k] == weights[k], "weight %d", k);
		ck_assert(score_weight(&p, (enum ikind)k, 0) == weights[k]);
		ck_assert(score_weight(&p, (enum ikind)k, 1) == weights[k] * 1.5);
	}
	for (int c = 0; c < CIRCLE_COUNT; c++) {
		ck_assert_int_eq(p.layer[c], layers[c]);
		ck_assert_int_eq(p.cadence[c], cadences[c]);
		struct contact ct;
		contact_setup(&ct, (enum circle)c, -1, 0);
		struct score s;
		score_compute(&s, &ct, &p, NOW);
		ck_assert_msg(fabs(s.importance - importance[c]) < 0.0005, "importance %d: %g", c,
		              s.importance);
		ck_assert_int_eq(score_cadence(&ct, &p), cadences[c]);
		contact_free(&ct);
	}
}
END_TEST

START_TEST(test_weight_note_is_zero)
{
	struct score_params p;
	score_params_default(&p);
	p.weight[IKIND_NOTE] = 7;
	ck_assert(score_weight(&p, IKIND_NOTE, 0) == 0.0);
	ck_assert(score_weight(&p, IKIND_NOTE, 1) == 0.0);
	ck_assert(score_weight(&p, IKIND_COUNT, 0) == 0.0);
	p.deep_factor = 2;
	ck_assert(score_weight(&p, IKIND_LEAD, 1) == 8.0);
}
END_TEST

START_TEST(test_names_and_cadence)
{
	static const char *const names[STATUS_COUNT] = {"ok", "due", "cold", "dormant"};
	for (int i = 0; i < STATUS_COUNT; i++)
		ck_assert_str_eq(score_status_name((enum score_status)i), names[i]);
	ck_assert_str_eq(score_status_name(STATUS_COUNT), "?");

	static const struct {
		enum circle circle;
		int cadence_days;
		int want;
	} rows[] = {
		{CIRCLE_INNER, -1, 7},  {CIRCLE_CLOSE, -1, 30}, {CIRCLE_ACTIVE, -1, 180},
		{CIRCLE_WIDE, -1, 365}, {CIRCLE_OUTER, -1, 0},  {CIRCLE_INNER, 0, 0},
		{CIRCLE_OUTER, 12, 12}, {CIRCLE_WIDE, 1, 1},
	};
	struct score_params p;
	score_params_default(&p);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct contact c;
		contact_setup(&c, rows[i].circle, rows[i].cadence_days, 0);
		ck_assert_int_eq(score_cadence(&c, &p), rows[i].want);
		contact_free(&c);
	}
}
END_TEST

START_TEST(test_family_tag)
{
	struct score_params p;
	score_params_default(&p);
	struct contact c;
	contact_setup(&c, CIRCLE_INNER, -1, 0);
	ck_assert_int_eq(score_is_family(&c, &p), 0);
	strv_push(&c.tags, "kin");
	ck_assert_int_eq(score_is_family(&c, &p), 0);
	strcpy(p.family_tag, "kin");
	ck_assert_int_eq(score_is_family(&c, &p), 1);
	p.family_tag[0] = '\0';
	ck_assert_int_eq(score_is_family(&c, &p), 0);
	contact_free(&c);
}
END_TEST

/* One meeting, then silence: the sum halves every H days; a family contact
 * (H = 270) keeps more. */
START_TEST(test_decay_half_lives)
{
	static const struct {
		int family;
		int days;
		double fraction;
	} rows[] = {
		{0, 0, 1.0},
		{0, 90, 0.5},
		{0, 180, 0.25},
		{1, 270, 0.5},
		{1, 540, 0.25},
		{1, 90, 0.79370052598409979},  /* 2^(-1/3) */
		{1, 180, 0.62996052494743658}, /* 2^(-2/3) */
	};
	struct score_params p;
	score_params_default(&p);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct contact c;
		contact_setup(&c, CIRCLE_CLOSE, -1, rows[i].family);
		struct score_event e =
			ev_make(NOW - rows[i].days * DAY, IKIND_MEETING, DIR_NONE, 0);
		struct score s;
		score_of(&s, &c, &p, &e, 1, NOW);
		double want = 3.0 * rows[i].fraction;
		ck_assert_msg(fabs(s.W - want) <= 1e-12 * want, "row %zu: W %.17g want %.17g", i,
		              s.W, want);
		ck_assert(fabs(s.warmth - want / (want + 5)) < 1e-12);
		/* warmth at the last contact is that of the meeting itself */
		ck_assert(fabs(s.warmth_last - 3.0 / 8.0) < 1e-12);
		contact_free(&c);
	}
	/* at the same age, family keeps more */
	struct contact a, f;
	contact_setup(&a, CIRCLE_CLOSE, -1, 0);
	contact_setup(&f, CIRCLE_CLOSE, -1, 1);
	struct score_event e = ev_make(NOW - 90 * DAY, IKIND_CALL, DIR_NONE, 0);
	struct score sa, sf;
	score_of(&sa, &a, &p, &e, 1, NOW);
	score_of(&sf, &f, &p, &e, 1, NOW);
	ck_assert(sf.W > sa.W && sf.warmth > sa.warmth);
	contact_free(&a);
	contact_free(&f);
}
END_TEST

START_TEST(test_warmth_falls_strictly)
{
	struct score_params p;
	score_params_default(&p);
	struct contact c;
	contact_setup(&c, CIRCLE_ACTIVE, -1, 0);
	struct score_event v[] = {
		ev_make(NOW - 400 * DAY, IKIND_MEETING, DIR_NONE, 1),
		ev_make(NOW - 30 * DAY, IKIND_LEAD, DIR_GOT, 0),
		ev_make(NOW, IKIND_MESSAGE, DIR_NONE, 0),
	};
	score_cache_build(&c.sc, &p, v, 3, 0);
	double prev = 2.0, at_last = -1;
	for (int d = 0; d <= 720; d += 3) {
		struct score s;
		score_compute(&s, &c, &p, NOW + d * DAY);
		ck_assert_msg(s.warmth < prev, "day %d", d);
		/* warmth_last is the warmth at the last contact (NOW): it does not fall */
		if (d == 0)
			at_last = s.warmth;
		ck_assert_msg(fabs(s.warmth_last - at_last) < 1e-12, "day %d", d);
		ck_assert(d == 0 || s.warmth < s.warmth_last);
		prev = s.warmth;
	}
	ck_assert(at_last > 0.4 && at_last < 1);
	contact_free(&c);
}
END_TEST

/* A back-dated interaction counts from when it happened. */
START_TEST(test_back_dated)
{
	struct score_params p;
	score_params_default(&p);
	struct contact c;
	contact_setup(&c, CIRCLE_CLOSE, -1, 0);
	score_cache_clear(&c.sc);
	struct score_event recent = ev_make(NOW - 10 * DAY, IKIND_MEETING, DIR_NONE, 0);
	struct score_event old = ev_make(NOW - 100 * DAY, IKIND_CALL, DIR_NONE, 1);
	score_cache_add(&c.sc, &p, &recent, 0);
	score_cache_add(&c.sc, &p, &old, 0);
	struct score s;
	score_compute(&s, &c, &p, NOW);
	double want = 3 * exp2(-10.0 / 90) + 3 * exp2(-100.0 / 90);
	ck_assert(fabs(s.W - want) < 1e-12 * want);
	ck_assert_int_eq(s.last_contact, NOW - 10 * DAY);
	ck_assert(fabs(s.days_since - 10) < 1e-12);
	ck_assert_int_eq(c.sc.first_at, NOW - 100 * DAY);
	ck_assert_int_eq(c.sc.ref_at, NOW - 10 * DAY);
	contact_free(&c);
}
END_TEST

/* Two contacts with the same history and 21 days of silence: inner above
 * close above active above wide. */
START_TEST(test_rank_by_circle)
{
	static const enum circle order[] = {CIRCLE_INNER, CIRCLE_CLOSE, CIRCLE_ACTIVE, CIRCLE_WIDE};
	struct score_params p;
	score_params_default(&p);
	struct score_event v[] = {
		ev_make(NOW - 200 * DAY, IKIND_MEETING, DIR_NONE, 0),
		ev_make(NOW - 60 * DAY, IKIND_CALL, DIR_NONE, 0),
		ev_make(NOW - 21 * DAY, IKIND_MEETING, DIR_NONE, 1),
	};
	double prev = INFINITY;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		struct contact c;
		contact_setup(&c, order[i], -1, 0);
		struct score s;
		score_of(&s, &c, &p, v, 3, NOW);
		ck_assert(fabs(s.days_since - 21) < 1e-12);
		ck_assert_msg(s.attention < prev, "%s: %g not below %g",
		              model_circle_name(order[i]), s.attention, prev);
		ck_assert(s.attention > 0);
		prev = s.attention;
		contact_free(&c);
	}
}
END_TEST

/* Recency is a function of r = s/C, not of absolute days. */
START_TEST(test_recency_by_ratio)
{
	static const struct {
		int cadence;
		int days;
		double ratio;
		double recency;
	} rows[] = {
		{7, 0, 0, 0},         {7, 7, 1, 0.5},   {30, 30, 1, 0.5},   {365, 365, 1, 0.5},
		{7, 14, 2, 0.8},      {30, 60, 2, 0.8}, {180, 360, 2, 0.8}, {10, 5, 0.5, 0.2},
		{200, 100, 0.5, 0.2}, {10, 30, 3, 0.9}, {100, 300, 3, 0.9}, {0, 300, 0, 0},
		{0, 5, 0, 0},
	};
	struct score_params p;
	score_params_default(&p);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct contact c;
		contact_setup(&c, CIRCLE_INNER, rows[i].cadence, 0);
		struct score_event e = ev_make(NOW - rows[i].days * DAY, IKIND_CALL, DIR_NONE, 0);
		struct score s;
		score_of(&s, &c, &p, &e, 1, NOW);
		ck_assert_int_eq(s.cadence, rows[i].cadence);
		ck_assert_msg(fabs(s.ratio - rows[i].ratio) < 1e-12, "row %zu ratio %g", i,
		              s.ratio);
		ck_assert_msg(fabs(s.recency - rows[i].recency) < 1e-12, "row %zu recency %.17g", i,
		              s.recency);
		contact_free(&c);
	}
}
END_TEST

/* Status boundaries exactly at r = 1, 2, 8 and at 1,095 days. */
START_TEST(test_status_boundaries)
{
	static const struct {
		int cadence;
		int64_t since; /* seconds since last contact */
		enum score_status want;
	} rows[] = {
		{10, 0, STATUS_OK},
		{10, 10 * DAY - 1, STATUS_OK},
		{10, 10 * DAY, STATUS_DUE},
		{10, 20 * DAY - 1, STATUS_DUE},
		{10, 20 * DAY, STATUS_COLD},
		{10, 80 * DAY - 1, STATUS_COLD},
		{10, 80 * DAY, STATUS_DORMANT},
		{365, 1095 * DAY - 1, STATUS_COLD},
		{365, 1095 * DAY, STATUS_DORMANT},
		{1000, 1095 * DAY - 1, STATUS_DUE},
		{1000, 1095 * DAY, STATUS_DORMANT},
		{0, 1094 * DAY, STATUS_OK},
		{0, 1095 * DAY - 1, STATUS_OK},
		{0, 1095 * DAY, STATUS_DORMANT},
		{0, 5000 * DAY, STATUS_DORMANT},
	};
	struct score_params p;
	score_params_default(&p);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct contact c;
		contact_setup(&c, CIRCLE_CLOSE, rows[i].cadence, 0);
		struct score_event e = ev_make(NOW - rows[i].since, IKIND_MESSAGE, DIR_NONE, 0);
		struct score s;
		score_of(&s, &c, &p, &e, 1, NOW);
		ck_assert_msg(s.status == rows[i].want, "row %zu: %s, want %s", i,
		              score_status_name(s.status), score_status_name(rows[i].want));
		if (rows[i].cadence == 0)
			ck_assert(s.recency == 0.0 && s.ratio == 0.0 && s.attention_recency == 0.0);
		contact_free(&c);
	}
}
END_TEST

/* Without any contact, s counts from creation; a note is not contact. */
START_TEST(test_since_created)
{
	struct score_params p;
	score_params_default(&p);
	struct contact c;
	contact_setup(&c, CIRCLE_INNER, -1, 0);
	c.created_at = NOW - 14 * DAY;
	struct score_event note = ev_make(NOW - DAY, IKIND_NOTE, DIR_NONE, 0);
	struct score s;
	score_of(&s, &c, &p, &note, 1, NOW);
	ck_assert_int_eq(s.last_contact, 0);
	ck_assert(s.days_since == 14 && s.ratio == 2 && s.status == STATUS_COLD);
	ck_assert(s.W == 0 && s.warmth == 0 && s.warmth_last == 0);
	ck_assert(fabs(s.attention - 1.0 * 0.8 * 0.5) < 1e-12);
	/* created in the future (a skewed clock) counts as just now */
	c.created_at = NOW + DAY;
	score_of(&s, &c, &p, NULL, 0, NOW);
	ck_assert(s.days_since == 0 && s.status == STATUS_OK);
	contact_free(&c);
}
END_TEST

/* A favour received 7 days ago, then repaid today. */
START_TEST(test_favour_and_repayment)
{
	struct score_params p;
	score_params_default(&p);
	struct contact c;
	contact_setup(&c, CIRCLE_ACTIVE, -1, 0);
	struct score_event v[] = {
		ev_make(NOW - 7 * DAY, IKIND_FAVOR, DIR_GOT, 0),
		ev_make(NOW, IKIND_FAVOR, DIR_GAVE, 0),
	};
	struct score s;
	score_of(&s, &c, &p, v, 1, NOW);
	double r = 3 * exp2(-7.0 / 365);
	ck_assert(s.G == 0.0);
	ck_assert_msg(fabs(s.R - r) < 1e-12, "R %.17g", s.R);
	ck_assert(fabs(s.balance - (-r / (r + 1))) < 1e-12);
	ck_assert(fabs(s.owed - r / (r + 3)) < 1e-12);
	ck_assert_int_eq(s.owe, 1);
	ck_assert(fabs(s.attention_owed - 0.5 * s.owed) < 1e-15);
	ck_assert(fabs(s.attention - s.attention_recency - s.attention_owed) < 1e-15);

	score_of(&s, &c, &p, v, 2, NOW);
	ck_assert(fabs(s.G - 3) < 1e-12);
	ck_assert_msg(fabs(s.balance) < 0.01, "balance %g", s.balance);
	ck_assert_int_eq(s.owe, 0);
	ck_assert(s.owed == 0.0 && s.attention_owed == 0.0);
	contact_free(&c);
}
END_TEST

/* The "I owe" rule needs both R-G >= 1.5 and balance <= -1/3; mutual counts half each way. */
START_TEST(test_owe_rule)
{
	static const struct {
		enum ikind kind;
		enum direction dir;
		int deep;
		int owe;
		double g, r;
	} rows[] = {
		{IKIND_SHARE, DIR_GOT, 0, 0, 0, 0.5}, /* R-G 0.5 < 1.5 */
		{IKIND_ADVICE, DIR_GOT, 0, 1, 0, 2},  /* 2 and -2/3 */
		{IKIND_FAVOR, DIR_MUTUAL, 0, 0, 1.5, 1.5}, {IKIND_LEAD, DIR_GOT, 1, 1, 0, 6},
		{IKIND_LEAD, DIR_GAVE, 1, 0, 6, 0},        {IKIND_LEAD, DIR_NONE, 1, 0, 0, 0},
		{IKIND_MEETING, DIR_GOT, 0, 0, 0, 0}, /* not a service */
	};
	struct score_params p;
	score_params_default(&p);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct contact c;
		contact_setup(&c, CIRCLE_WIDE, -1, 0);
		struct score_event e = ev_make(NOW, rows[i].kind, rows[i].dir, rows[i].deep);
		struct score s;
		score_of(&s, &c, &p, &e, 1, NOW);
		ck_assert_msg(s.owe == rows[i].owe, "row %zu", i);
		ck_assert(fabs(s.G - rows[i].g) < 1e-12 && fabs(s.R - rows[i].r) < 1e-12);
		ck_assert(fabs(s.balance - (s.G - s.R) / (s.G + s.R + 1)) < 1e-15);
		ck_assert_int_eq(c.sc.n_service, model_ikind_is_service(rows[i].kind));
		contact_free(&c);
	}
	/* a balance of exactly -1/3 qualifies: R = 3.5, G = 1.5 gives -2/6 with R-G = 2 */
	struct contact c;
	contact_setup(&c, CIRCLE_WIDE, -1, 0);
	p.weight[IKIND_GIFT] = 3.5;
	p.weight[IKIND_SHARE] = 1.5;
	struct score_event v[] = {ev_make(NOW, IKIND_GIFT, DIR_GOT, 0),
	                          ev_make(NOW, IKIND_SHARE, DIR_GAVE, 0)};
	struct score s;
	score_of(&s, &c, &p, v, 2, NOW);
	ck_assert(fabs(s.balance + 1.0 / 3.0) < 1e-15);
	ck_assert_int_eq(s.owe, 1);
	/* and R-G of exactly owe_min qualifies too: R = 1.5, G = 0 gives -1.5/2.5 */
	p.weight[IKIND_GIFT] = 1.5;
	score_of(&s, &c, &p, v, 1, NOW);
	ck_assert(s.R - s.G == 1.5 && s.owe == 1);
	p.weight[IKIND_GIFT] = 1.4;
	score_of(&s, &c, &p, v, 1, NOW);
	ck_assert_int_eq(s.owe, 0);
	contact_free(&c);
}
END_TEST

/* A surplus never raises attention: the same services given instead of with no
 * direction leave attention unchanged; received, they raise it. */
START_TEST(test_surplus_never_raises_attention)
{
	struct score_params p;
	score_params_default(&p);
	uint64_t seed = 0x5eed;
	for (int round = 0; round < 200; round++) {
		struct score_event gave[24], none[24], got[24];
		size_t n = (size_t)rng_range(&seed, 1, 24);
		for (size_t i = 0; i < n; i++) {
			gave[i] = ev_random(&seed, NOW - 800 * DAY, NOW);
			if (gave[i].dir == DIR_GOT || gave[i].dir == DIR_MUTUAL)
				gave[i].dir = DIR_GAVE;
			none[i] = gave[i];
			got[i] = gave[i];
			if (gave[i].dir == DIR_GAVE) {
				none[i].dir = DIR_NONE;
				got[i].dir = DIR_GOT;
			}
		}
		struct contact c;
		contact_setup(&c, (enum circle)rng_range(&seed, 0, CIRCLE_COUNT - 1), -1, 0);
		struct score sg, sn, sr;
		score_of(&sg, &c, &p, gave, n, NOW);
		score_of(&sn, &c, &p, none, n, NOW);
		score_of(&sr, &c, &p, got, n, NOW);
		ck_assert(sg.balance >= 0 && sg.owed == 0 && sg.owe == 0);
		ck_assert_msg(sg.attention == sn.attention, "round %d", round);
		ck_assert(sr.attention >= sn.attention);
		if (sr.R > 0)
			ck_assert(sr.attention > sn.attention);
		contact_free(&c);
	}
}
END_TEST

/* Notes never change a score, whatever the note weight says. */
START_TEST(test_notes_change_nothing)
{
	struct score_params p;
	score_params_default(&p);
	p.weight[IKIND_NOTE] = 5; /* ignored: a note is not contact */
	uint64_t seed = 42;
	for (int round = 0; round < 200; round++) {
		struct score_event v[40];
		size_t n = (size_t)rng_range(&seed, 0, 20);
		for (size_t i = 0; i < n; i++) {
			v[i] = ev_random(&seed, NOW - 1500 * DAY, NOW);
			if (v[i].kind == IKIND_NOTE)
				v[i].kind = IKIND_CALL;
		}
		size_t m = n + (size_t)rng_range(&seed, 1, 20);
		for (size_t i = n; i < m; i++)
			v[i] = ev_make(rng_range(&seed, NOW - 1600 * DAY, NOW), IKIND_NOTE,
			               (enum direction)rng_range(&seed, 0, DIR_COUNT - 1),
			               (int)rng_range(&seed, 0, 1));
		struct contact c;
		contact_setup(&c, (enum circle)rng_range(&seed, 0, CIRCLE_COUNT - 1), -1,
		              (int)rng_range(&seed, 0, 1));
		int fam = score_is_family(&c, &p);
		struct score without, with, with_events, inc;
		score_of(&without, &c, &p, v, n, NOW);
		score_of(&with, &c, &p, v, m, NOW);
		score_compute_events(&with_events, &c, &p, v, m, NOW);
		/* notes added one by one, interleaved after the rest */
		shuffle(v + n, m - n, &seed);
		cache_add_all(&c.sc, &p, v, m, fam);
		score_compute(&inc, &c, &p, NOW);
		assert_score_near(&with, &without, 0.0);
		assert_score_near(&with_events, &without, 0.0);
		ck_assert_int_eq(inc.last_contact, without.last_contact);
		assert_score_near(&inc, &without, 1e-12);
		contact_free(&c);
	}
}
END_TEST

/* The same interactions in any order, some back-dated, give the same cache
 * and scores. */
START_TEST(test_order_independent)
{
	struct score_params p;
	score_params_default(&p);
	uint64_t seed = 7;
	for (int round = 0; round < 50; round++) {
		enum { N = 60 };
		struct score_event sorted[N], v[N];
		size_t n = (size_t)rng_range(&seed, 1, N);
		for (size_t i = 0; i < n; i++)
			sorted[i] = ev_random(&seed, NOW - 3000 * DAY, NOW);
		for (size_t i = 1; i < n; i++) /* in time order, as logged live */
			for (size_t j = i; j > 0 && sorted[j - 1].at > sorted[j].at; j--) {
				struct score_event t = sorted[j];
				sorted[j] = sorted[j - 1];
				sorted[j - 1] = t;
			}
		int fam = (int)rng_range(&seed, 0, 1);
		struct contact c;
		contact_setup(&c, CIRCLE_CLOSE, -1, fam);
		struct score_cache ref;
		struct score s_ref, s;
		cache_add_all(&ref, &p, sorted, n, fam);
		c.sc = ref;
		score_compute(&s_ref, &c, &p, NOW);
		for (int order = 0; order < 3; order++) {
			for (size_t i = 0; i < n; i++)
				v[i] = order == 1 ? sorted[n - 1 - i] : sorted[i];
			if (order == 2)
				shuffle(v, n, &seed);
			cache_add_all(&c.sc, &p, v, n, fam);
			assert_cache_near(&c.sc, &ref, 1e-12);
			score_compute(&s, &c, &p, NOW);
			assert_score_near(&s, &s_ref, 1e-12);
			score_cache_build(&c.sc, &p, v, n, fam);
			assert_cache_near(&c.sc, &ref, 1e-12);
			score_compute_events(&s, &c, &p, v, n, NOW);
			assert_score_near(&s, &s_ref, 1e-12);
		}
		contact_free(&c);
	}
}
END_TEST

/* An interaction exactly at now counts: only those after now are left out. */
START_TEST(test_at_now_counts)
{
	struct score_params p;
	score_params_default(&p);
	struct score_event v[] = {
		ev_make(NOW - 10 * DAY, IKIND_MEETING, DIR_NONE, 0),
		ev_make(NOW, IKIND_INTRO, DIR_GAVE, 0),
		ev_make(NOW + 1, IKIND_LEAD, DIR_GOT, 0),
	};
	struct contact c;
	contact_setup(&c, CIRCLE_CLOSE, -1, 0);
	struct score s;
	score_compute_events(&s, &c, &p, v, 3, NOW);
	ck_assert(fabs(s.W - (3 + 3 * exp2(-10.0 / 90))) < 1e-12);
	ck_assert(fabs(s.G - 3) < 1e-12);
	ck_assert(s.R == 0);
	ck_assert_int_eq(s.last_contact, NOW);
	/* the same as the cache of the first two */
	struct score want;
	score_cache_build(&c.sc, &p, v, 2, 0);
	score_compute(&want, &c, &p, NOW);
	assert_score_near(&s, &want, 0.0);
	contact_free(&c);
}
END_TEST

/* Interactions after now are ignored by score_compute_events. */
START_TEST(test_future_ignored)
{
	struct score_params p;
	score_params_default(&p);
	struct score_event past[] = {
		ev_make(NOW - 40 * DAY, IKIND_MEETING, DIR_NONE, 0),
		ev_make(NOW - 12 * DAY, IKIND_ADVICE, DIR_GOT, 1),
		ev_make(NOW, IKIND_NOTE, DIR_NONE, 0),
	};
	struct score_event all[] = {
		past[0], ev_make(NOW + 1, IKIND_LEAD, DIR_GAVE, 1),
		past[1], ev_make(NOW + 30 * DAY, IKIND_MEETING, DIR_NONE, 0),
		past[2], ev_make(NOW + 2 * DAY, IKIND_NOTE, DIR_NONE, 0),
	};
	struct contact c;
	contact_setup(&c, CIRCLE_CLOSE, -1, 0);
	struct score want, got;
	score_cache_build(&c.sc, &p, past, 3, 0);
	ck_assert_int_eq(score_cache_has_future(&c.sc, NOW), 0);
	score_compute(&want, &c, &p, NOW);
	score_cache_build(&c.sc, &p, all, 6, 0);
	ck_assert_int_eq(score_cache_has_future(&c.sc, NOW), 1);
	ck_assert_int_eq(score_cache_has_future(&c.sc, NOW + 30 * DAY), 0);
	score_compute_events(&got, &c, &p, all, 6, NOW);
	assert_score_near(&got, &want, 0.0);
	ck_assert_int_eq(got.last_contact, NOW - 12 * DAY);
	ck_assert_int_eq(got.owe, 1);
	/* an empty cache has no future */
	score_cache_clear(&c.sc);
	ck_assert_int_eq(score_cache_has_future(&c.sc, NOW), 0);
	ck_assert_int_eq(score_cache_has_future(&c.sc, -NOW), 0);
	contact_free(&c);
}
END_TEST

/* warmth_last counts the interactions up to the last contact only, and is
 * right when a non-note kind is configured to weigh 0. */
START_TEST(test_warmth_last)
{
	struct score_params p;
	score_params_default(&p);
	p.weight[IKIND_MESSAGE] = 0;
	struct score_event v[] = {
		ev_make(NOW - 30 * DAY, IKIND_MEETING, DIR_NONE, 0),
		ev_make(NOW - 10 * DAY, IKIND_MESSAGE, DIR_NONE, 0),
		ev_make(NOW - 5 * DAY, IKIND_NOTE, DIR_NONE, 0),
	};
	struct contact c;
	contact_setup(&c, CIRCLE_CLOSE, -1, 0);
	struct score s, e;
	score_of(&s, &c, &p, v, 3, NOW);
	score_compute_events(&e, &c, &p, v, 3, NOW);
	double wl = 3 * exp2(-20.0 / 90);
	ck_assert_int_eq(s.last_contact, NOW - 10 * DAY);
	ck_assert(fabs(s.warmth_last - wl / (wl + 5)) < 1e-12);
	ck_assert(fabs(s.W - 3 * exp2(-30.0 / 90)) < 1e-12);
	assert_score_near(&e, &s, 1e-12);
	/* with an ordinary weight the message counts too */
	score_params_default(&p);
	score_of(&s, &c, &p, v, 3, NOW);
	wl = 3 * exp2(-20.0 / 90) + 1;
	ck_assert(fabs(s.warmth_last - wl / (wl + 5)) < 1e-12);
	ck_assert(fabs(s.attention_recency -
	               s.importance * s.recency * (0.5 + 0.5 * s.warmth_last)) < 1e-15);
	contact_free(&c);
}
END_TEST

START_TEST(test_cache_fields)
{
	struct score_params p;
	score_params_default(&p);
	struct score_event v[] = {
		ev_make(NOW - 5 * DAY, IKIND_NOTE, DIR_NONE, 0),
		ev_make(NOW - 50 * DAY, IKIND_NOTE, DIR_NONE, 0),
		ev_make(NOW - 20 * DAY, IKIND_GIFT, DIR_MUTUAL, 0),
		ev_make(NOW - 30 * DAY, IKIND_INTRO, DIR_GAVE, 1),
		ev_make(NOW - 40 * DAY, IKIND_CALL, DIR_GOT, 0),
	};
	struct score_cache sc;
	score_cache_build(&sc, &p, v, 5, 0);
	ck_assert_int_eq(sc.n, 5);
	ck_assert_int_eq(sc.n_service, 2);
	ck_assert_int_eq(sc.first_at, NOW - 50 * DAY);
	ck_assert_int_eq(sc.max_at, NOW - 5 * DAY);
	ck_assert_int_eq(sc.last_at, NOW - 20 * DAY);
	ck_assert_int_eq(sc.ref_at, NOW - 20 * DAY);
	double hb = 365;
	ck_assert(fabs(sc.gave_sum - (1 + 4.5 * exp2(-10 / hb))) < 1e-12);
	ck_assert(fabs(sc.got_sum - 1) < 1e-12);
	ck_assert(fabs(sc.warm_sum - (2 + 4.5 * exp2(-10.0 / 90) + 2 * exp2(-20.0 / 90))) < 1e-12);
	/* only notes: counts and times, no reference time, no sums */
	score_cache_build(&sc, &p, v, 2, 0);
	ck_assert(sc.n == 2 && sc.n_service == 0 && sc.last_at == 0 && sc.ref_at == 0);
	ck_assert(sc.warm_sum == 0 && sc.gave_sum == 0 && sc.got_sum == 0);
	ck_assert(sc.first_at == NOW - 50 * DAY && sc.max_at == NOW - 5 * DAY);
	score_cache_clear(&sc);
	ck_assert(sc.n == 0 && sc.ref_at == 0 && sc.warm_sum == 0 && sc.max_at == 0);
}
END_TEST

/* Every output stays bounded over random histories and parameters. */
START_TEST(test_bounded)
{
	uint64_t seed = 0xb0b;
	for (int round = 0; round < 400; round++) {
		struct score_params p;
		score_params_default(&p);
		if (round % 2) {
			p.half_life = (double)rng_range(&seed, 1, 36500);
			p.half_life_balance = (double)rng_range(&seed, 1, 36500);
			for (int k = 0; k < IKIND_NOTE; k++)
				p.weight[k] = (double)rng_range(&seed, 0, 100);
			p.deep_factor = (double)rng_range(&seed, 1, 10);
		}
		enum { N = 300 };
		struct score_event v[N];
		size_t n = (size_t)rng_range(&seed, 0, N);
		int64_t span = rng_range(&seed, 0, 20000) * DAY;
		/* sometimes a burst: everything at once */
		for (size_t i = 0; i < n; i++)
			v[i] = ev_random(&seed, NOW - span, NOW);
		struct contact c;
		contact_setup(&c, (enum circle)rng_range(&seed, 0, CIRCLE_COUNT - 1),
		              (int)rng_range(&seed, -1, 400), (int)rng_range(&seed, 0, 1));
		c.created_at = NOW - rng_range(&seed, 0, 40000) * DAY;
		struct score s;
		int64_t now = NOW + rng_range(&seed, 0, 20000) * DAY;
		score_of(&s, &c, &p, v, n, now);
		ck_assert(s.warmth >= 0 && s.warmth < 1);
		ck_assert(s.warmth_last >= 0 && s.warmth_last < 1);
		ck_assert(s.recency >= 0 && s.recency < 1);
		ck_assert(s.balance > -1 && s.balance < 1);
		ck_assert(s.owed >= 0 && s.owed < 1);
		ck_assert(s.W >= 0 && s.G >= 0 && s.R >= 0 && s.days_since >= 0);
		ck_assert(s.importance > 0 && s.importance <= 1);
		ck_assert(s.attention >= 0 && s.attention < 1.5);
		/* the parts agree with each other: attention is its two terms, and
		 * the status follows the ratio and the days as DESIGN.md §4 says */
		ck_assert(fabs(s.attention_recency -
		               s.importance * s.recency * (0.5 + 0.5 * s.warmth_last)) < 1e-12);
		ck_assert(fabs(s.attention_owed - 0.5 * s.owed) < 1e-12);
		ck_assert(fabs(s.attention - (s.attention_recency + s.attention_owed)) < 1e-12);
		enum score_status want;
		if (s.days_since >= 1095 || (s.cadence > 0 && s.ratio >= 8))
			want = STATUS_DORMANT;
		else if (s.cadence == 0 || s.ratio < 1)
			want = STATUS_OK;
		else
			want = s.ratio < 2 ? STATUS_DUE : STATUS_COLD;
		ck_assert_msg(s.status == want, "round %d: status %d, want %d (r %g, s %g)", round,
		              (int)s.status, (int)want, s.ratio, s.days_since);
		if (s.cadence > 0)
			ck_assert(fabs(s.ratio - s.days_since / s.cadence) < 1e-9 * (1 + s.ratio));
		else
			ck_assert(s.ratio == 0 && s.recency == 0);
		contact_free(&c);
	}
	/* extremes: a thousand deep leads at once, and a contact silent for ages */
	struct score_params p;
	score_params_default(&p);
	p.weight[IKIND_LEAD] = 100;
	p.deep_factor = 10;
	enum { M = 1000 };
	struct score_event *v = malloc(M * sizeof *v);
	ck_assert_ptr_nonnull(v);
	for (size_t i = 0; i < M; i++)
		v[i] = ev_make(NOW - (int64_t)i, IKIND_LEAD, DIR_GAVE, 1);
	struct contact c;
	contact_setup(&c, CIRCLE_INNER, 1, 0);
	struct score s;
	score_of(&s, &c, &p, v, M, NOW);
	ck_assert(s.balance > 0.9999 && s.balance < 1 && s.warmth > 0.9999 && s.warmth < 1);
	for (size_t i = 0; i < M; i++)
		v[i].dir = DIR_GOT;
	score_of(&s, &c, &p, v, M, NOW);
	ck_assert(s.balance < -0.9999 && s.balance > -1 && s.owed > 0.9999 && s.owed < 1);
	score_of(&s, &c, &p, v, 1, NOW + (INT64_C(1) << 52));
	ck_assert(s.recency < 1 && s.status == STATUS_DORMANT);
	free(v);
	contact_free(&c);
}
END_TEST

/* Adding 100k random events one by one equals a full build within 1e-9. */
START_TEST(test_incremental_equals_build)
{
	struct score_params p;
	score_params_default(&p);
	enum { N = 100000 };
	struct score_event *v = malloc(N * sizeof *v);
	ck_assert_ptr_nonnull(v);
	uint64_t seed = 0x100000;
	for (size_t i = 0; i < N; i++)
		v[i] = ev_random(&seed, NOW - 3650 * DAY, NOW);
	for (int fam = 0; fam <= 1; fam++) {
		struct score_cache inc, full;
		score_cache_clear(&inc);
		for (size_t i = 0; i < N; i++)
			score_cache_add(&inc, &p, &v[i], fam);
		score_cache_build(&full, &p, v, N, fam);
		assert_cache_near(&inc, &full, 1e-9);
		struct contact c;
		contact_setup(&c, CIRCLE_ACTIVE, -1, fam);
		struct score a, b;
		c.sc = inc;
		score_compute(&a, &c, &p, NOW);
		c.sc = full;
		score_compute(&b, &c, &p, NOW);
		assert_score_near(&a, &b, 1e-9);
		contact_free(&c);
	}
	free(v);
}
END_TEST

/* DESIGN.md §4: an interaction that carries a service counts once for
 * warmth, with the larger of the two weights (times 1.5 when deep); the
 * balance counts the service with its own weight and the direction. */
START_TEST(test_carried_service)
{
	static const struct {
		enum ikind kind, service;
		enum direction dir;
		int deep;
		double w, g, r;
		int n_service;
	} rows[] = {
		{IKIND_MEETING, IKIND_INTRO, DIR_GAVE, 0, 3, 3, 0, 1},
		{IKIND_CALL, IKIND_LEAD, DIR_GOT, 0, 4, 0, 4, 1},
		{IKIND_CALL, IKIND_SHARE, DIR_GAVE, 0, 2, 0.5, 0, 1},
		{IKIND_MEETING, IKIND_FAVOR, DIR_MUTUAL, 1, 4.5, 2.25, 2.25, 1},
		{IKIND_EVENT, IKIND_ADVICE, DIR_NONE, 0, 2, 0, 0, 1},
		{IKIND_MESSAGE, IKIND_REFERRAL, DIR_GOT, 1, 6, 0, 6, 1},
		{IKIND_MEETING, IKIND_NONE, DIR_GAVE, 0, 3, 0, 0, 0},
		{IKIND_MEETING, IKIND_CALL, DIR_GAVE, 0, 3, 0, 0, 0}, /* not a service */
		{IKIND_INTRO, IKIND_LEAD, DIR_GAVE, 0, 3, 3, 0, 1},   /* its own service */
		{IKIND_NOTE, IKIND_GIFT, DIR_GOT, 0, 0, 0, 0, 0},     /* a note carries none */
	};
	struct score_params p;
	score_params_default(&p);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct score_event e =
			ev_carry(NOW, rows[i].kind, rows[i].service, rows[i].dir, rows[i].deep);
		ck_assert_msg(score_event_weight(&p, &e) == rows[i].w, "row %zu: weight %g", i,
		              score_event_weight(&p, &e));
		struct contact c;
		contact_setup(&c, CIRCLE_CLOSE, -1, 0);
		struct score s;
		score_of(&s, &c, &p, &e, 1, NOW);
		ck_assert_msg(fabs(s.W - rows[i].w) < 1e-12, "row %zu: W %g", i, s.W);
		ck_assert_msg(fabs(s.G - rows[i].g) < 1e-12 && fabs(s.R - rows[i].r) < 1e-12,
		              "row %zu: G %g R %g", i, s.G, s.R);
		ck_assert_int_eq(c.sc.n_service, rows[i].n_service);
		struct score_cache one;
		score_cache_clear(&one);
		score_cache_add(&one, &p, &e, 0);
		assert_cache_near(&one, &c.sc, 0);
		contact_free(&c);
	}
	/* once: a coffee that carries an intro weighs less than a coffee and an
	 * intro logged apart, and gives the same balance */
	struct score_event both = ev_carry(NOW, IKIND_MEETING, IKIND_INTRO, DIR_GAVE, 0);
	struct score_event apart[] = {ev_make(NOW, IKIND_MEETING, DIR_GAVE, 0),
	                              ev_make(NOW, IKIND_INTRO, DIR_GAVE, 0)};
	struct contact c;
	contact_setup(&c, CIRCLE_CLOSE, -1, 0);
	struct score s1, s2;
	score_of(&s1, &c, &p, &both, 1, NOW);
	score_of(&s2, &c, &p, apart, 2, NOW);
	ck_assert(s1.W < s2.W);
	ck_assert(s1.G == s2.G && s1.balance == s2.balance);
	/* the event of an interaction carries its effective service */
	struct interaction in;
	interaction_init(&in);
	in.at = NOW;
	in.kind = IKIND_NOTE;
	in.service = IKIND_GIFT;
	in.dir = DIR_GOT;
	struct score_event ev;
	score_event_of(&ev, &in);
	ck_assert_int_eq(ev.service, IKIND_NONE);
	in.kind = IKIND_CALL;
	in.deep = 7;
	score_event_of(&ev, &in);
	ck_assert(ev.at == NOW && ev.kind == IKIND_CALL && ev.service == IKIND_GIFT &&
	          ev.dir == DIR_GOT && ev.deep == 1);
	interaction_free(&in);
	contact_free(&c);
}
END_TEST

/* The digest of the default parameters, fixed: it is stored in every journal. */
#define DIGEST_OF_DEFAULTS UINT64_C(0xb342e9ce3b6269a3)

START_TEST(test_digest)
{
	struct score_params a, b;
	score_params_default(&a);
	score_params_default(&b);
	ck_assert_uint_eq(score_params_digest(&a), score_params_digest(&b));
	/* what the cache holds changes the digest */
	b.half_life = 91;
	ck_assert_uint_ne(score_params_digest(&a), score_params_digest(&b));
	score_params_default(&b);
	b.half_life_family = 200;
	ck_assert_uint_ne(score_params_digest(&a), score_params_digest(&b));
	score_params_default(&b);
	b.half_life_balance = 300;
	ck_assert_uint_ne(score_params_digest(&a), score_params_digest(&b));
	score_params_default(&b);
	b.weight[IKIND_GIFT] = 2.5;
	ck_assert_uint_ne(score_params_digest(&a), score_params_digest(&b));
	score_params_default(&b);
	b.deep_factor = 2;
	ck_assert_uint_ne(score_params_digest(&a), score_params_digest(&b));
	score_params_default(&b);
	strcpy(b.family_tag, "kin");
	ck_assert_uint_ne(score_params_digest(&a), score_params_digest(&b));
	/* what it does not hold leaves it alone */
	score_params_default(&b);
	b.cadence[CIRCLE_INNER] = 14;
	b.layer[CIRCLE_WIDE] = 100;
	b.warmth_k = 4;
	b.owed_k = 2;
	b.owe_min = 1;
	b.owe_balance = -0.5;
	b.dormant_days = 700;
	b.weight[IKIND_NOTE] = 3; /* notes weigh 0 regardless */
	ck_assert_uint_eq(score_params_digest(&a), score_params_digest(&b));
	/* -0.0 and 0.0 are the same weight */
	score_params_default(&b);
	b.weight[IKIND_SHARE] = 0.0;
	struct score_params m = b;
	m.weight[IKIND_SHARE] = -0.0;
	ck_assert_uint_eq(score_params_digest(&b), score_params_digest(&m));
	ck_assert_uint_ne(score_params_digest(&a), score_params_digest(&b));
	/* and it is stable across builds and machines: a journal's stored digest
	 * must still match after an upgrade, or every cache is rebuilt */
	ck_assert_uint_eq(score_params_digest(&a), DIGEST_OF_DEFAULTS);
}
END_TEST

/* No contact's attention passes the bound of its circle and cache, at the
 * cache's time or later, and the bound of its circle alone is higher still;
 * a contact owed much comes close to it. */
START_TEST(test_attention_bound)
{
	struct score_params p;
	score_params_default(&p);
	const int64_t day = 86400, t0 = 1790000000;
	const double sums[] = {0.0, 0.5, 3.0, 11.0, 400.0};
	double closest = 0.0;
	for (int c = 0; c < CIRCLE_COUNT; c++) {
		for (size_t g = 0; g < sizeof sums / sizeof sums[0]; g++) {
			for (size_t r = 0; r < sizeof sums / sizeof sums[0]; r++) {
				struct score_cache sc;
				score_cache_clear(&sc);
				sc.ref_at = sc.last_at = sc.first_at = sc.max_at = t0;
				sc.n = 1;
				sc.warm_sum = 400.0;
				sc.gave_sum = sums[g];
				sc.got_sum = sums[r];
				struct score_subject subj = {(enum circle)c, -1, 0, t0 - 400 * day};
				double bound = score_attention_bound(&p, (enum circle)c, &sc);
				ck_assert(bound <= score_attention_bound(&p, (enum circle)c, NULL));
				for (int64_t later = 0; later <= 4000; later += 37) {
					struct score out;
					score_compute_subject(&out, &subj, &sc, &p, t0 + later * day);
					ck_assert_msg(out.attention <= bound, "circle %d gave %g got %g day %lld",
					              c, sums[g], sums[r], (long long)later);
					if (bound - out.attention < 0.1 && sums[r] > sums[g])
						closest = out.attention;
				}
			}
		}
	}
	ck_assert(closest > 0.0);
}
END_TEST

extern Suite *suite_score(void);

Suite *suite_score(void)
{
	Suite *s = suite_create("score");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_attention_bound);
	tcase_add_test(tc, test_weight_note_is_zero);
	tcase_add_test(tc, test_names_and_cadence);
	tcase_add_test(tc, test_family_tag);
	tcase_add_test(tc, test_decay_half_lives);
	tcase_add_test(tc, test_warmth_falls_strictly);
	tcase_add_test(tc, test_back_dated);
	tcase_add_test(tc, test_rank_by_circle);
	tcase_add_test(tc, test_recency_by_ratio);
	tcase_add_test(tc, test_status_boundaries);
	tcase_add_test(tc, test_since_created);
	tcase_add_test(tc, test_favour_and_repayment);
	tcase_add_test(tc, test_owe_rule);
	tcase_add_test(tc, test_carried_service);
	tcase_add_test(tc, test_surplus_never_raises_attention);
	tcase_add_test(tc, test_notes_change_nothing);
	tcase_add_test(tc, test_order_independent);
	tcase_add_test(tc, test_future_ignored);
	tcase_add_test(tc, test_at_now_counts);
	tcase_add_test(tc, test_warmth_last);
	tcase_add_test(tc, test_cache_fields);
	tcase_add_test(tc, test_bounded);
	tcase_add_test(tc, test_incremental_equals_build);
	tcase_add_test(tc, test_digest);
	suite_add_tcase(s, tc);
	return s;
}
