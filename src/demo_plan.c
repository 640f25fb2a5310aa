/* demo_plan.c: the demo network's plan from a seeded PRNG: Dunbar-like circles,
 * who each person is, when they were met and last seen, the events, and how many
 * interactions each gets. Pure; depends on date.h, demo_int.h. */
#include "demo_int.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"

/* ---- random numbers ---- */

static uint64_t demo_splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void demo_rng_seed(struct demo_rng *r, uint64_t seed)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = demo_splitmix(&x);
}

static uint64_t demo_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t demo_rng_next(struct demo_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = demo_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = demo_rotl(s[3], 45);
	return out;
}

double demo_rng_unit(struct demo_rng *r)
{
	return (double)(demo_rng_next(r) >> 11) * 0x1.0p-53;
}

double demo_rng_range(struct demo_rng *r, double lo, double hi)
{
	return lo + (hi - lo) * demo_rng_unit(r);
}

size_t demo_rng_below(struct demo_rng *r, size_t n)
{
	if (n < 2)
		return 0;
	uint64_t lim = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;
	do
		x = demo_rng_next(r);
	while (x >= lim);
	return (size_t)(x % n);
}

int demo_rng_chance(struct demo_rng *r, int pct)
{
	return (int)demo_rng_below(r, 100) < pct;
}

size_t demo_rng_weighted(struct demo_rng *r, const int *w, size_t n)
{
	long sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += w[i] > 0 ? w[i] : 0;
	if (sum <= 0)
		return 0;
	long x = (long)demo_rng_below(r, (size_t)sum);
	for (size_t i = 0; i < n; i++) {
		if (w[i] <= 0)
			continue;
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

const char *demo_rng_item(struct demo_rng *r, enum demo_list l)
{
	size_t n;
	const char *const *v = demo_data_list(l, &n);
	return v[demo_rng_below(r, n)];
}

void demo_rng_uuid(struct demo_rng *r, char out[ID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	uint64_t x = demo_rng_next(r), y = demo_rng_next(r);
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(x >> (8 * i));
		b[8 + i] = (unsigned char)(y >> (8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	size_t o = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[o] = '\0';
}

/* ---- helpers shared with demo.c ---- */

int64_t demo_at_hour(struct demo_gen *g, int64_t t, double lo, double hi)
{
	int64_t day = date_day_start(t);
	int64_t at = day + (int64_t)(demo_rng_range(&g->rng, lo, hi) * 60.0) * 60;
	if (at > g->now)
		at = g->now - 60 * (int64_t)(1 + demo_rng_below(&g->rng, 120));
	return at;
}

int demo_person_spans(const struct demo_person *p, int64_t t)
{
	return p->n > 0 && p->profile != DEMO_P_NEW && t >= p->first_at && t <= p->last_at;
}

void demo_person_name(struct buf *b, const struct demo_person *p, int full)
{
	size_t nc;
	const struct demo_culture *c = &demo_data_cultures(&nc)[p->culture];
	const struct demo_name *gv = &c->given[p->given], *fm = &c->family[p->family];
	if (p->native) {
		const struct demo_name *a = c->family_first ? fm : gv,
				       *z = c->family_first ? gv : fm;
		buf_puts(b, a->text);
		buf_puts(b, c->sep);
		buf_puts(b, z->text);
		return;
	}
	buf_puts(b, gv->latin ? gv->latin : gv->text);
	if (full) {
		buf_putc(b, ' ');
		buf_puts(b, fm->latin ? fm->latin : fm->text);
	}
}

const struct demo_org *demo_person_org(const struct demo_person *p)
{
	size_t n;
	const struct demo_org *v = demo_data_orgs(demo_data_arch(p->arch)->org, &n);
	return n > 0 ? &v[p->org % n] : NULL;
}

void demo_event_name(struct buf *b, size_t s, int64_t t)
{
	size_t n;
	const struct demo_series *sv = demo_data_series(&n);
	const struct demo_series *se = &sv[s % n];
	buf_puts(b, se->name);
	if (se->type == DEMO_EV_CONFERENCE || se->type == DEMO_EV_FAIR) {
		char day[16];
		date_format_day(t, day);
		buf_printf(b, " %.4s", day);
	}
}

/* ---- circles, profiles, archetypes ---- */

/* Shares of the circles in thirtieths: 5 / 15 / 40 / 60 / 30 of 150. */
static const int demo_circle_30[CIRCLE_COUNT] = {1, 3, 8, 12, 6};

/* Per mille of a circle's people that carry each signal; the rest are DEMO_P_OK. */
static const int demo_profile_pm[CIRCLE_COUNT][DEMO_P_COUNT] = {
	[CIRCLE_INNER] = {0, 200, 0, 0, 0, 0, 0},
	[CIRCLE_CLOSE] = {0, 200, 134, 134, 0, 67, 67},
	[CIRCLE_ACTIVE] = {0, 200, 125, 25, 0, 25, 50},
	[CIRCLE_WIDE] = {0, 150, 0, 0, 34, 17, 17},
	[CIRCLE_OUTER] = {0, 0, 0, 0, 67, 0, 0},
};

/* Archetype weights by circle (DEMO_AR_* order). */
static const int demo_arch_by_circle[CIRCLE_COUNT][DEMO_AR_COUNT] = {
	/* fam fri col for man men pro cla rec hir mee con fou inv cli com mte */
	[CIRCLE_INNER] = {0, 60, 25, 0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	[CIRCLE_CLOSE] = {0, 25, 25, 15, 10, 15, 0, 5, 0, 0, 0, 0, 5, 0, 0, 0, 0},
	[CIRCLE_ACTIVE] = {0, 0, 10, 20, 0, 0, 7, 10, 8, 0, 18, 7, 7, 0, 8, 5, 0},
	[CIRCLE_WIDE] = {0, 0, 0, 12, 0, 0, 5, 10, 10, 8, 18, 18, 0, 5, 8, 6, 0},
	[CIRCLE_OUTER] = {0, 0, 0, 0, 0, 0, 5, 10, 15, 12, 18, 25, 0, 5, 0, 10, 0},
};

/* Archetype weights that override the circle's for some profiles. */
static const int demo_arch_by_profile[DEMO_P_COUNT][DEMO_AR_COUNT] = {
	[DEMO_P_DORMANT] = {0, 25, 0, 40, 15, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	[DEMO_P_NEW] = {0, 0, 0, 0, 0, 0, 0, 0, 10, 10, 35, 35, 10, 0, 0, 0, 0},
	[DEMO_P_OWE] = {0, 0, 0, 10, 25, 35, 10, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0},
	[DEMO_P_GIVER] = {0, 0, 0, 15, 0, 0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 0, 70},
};

/* Interactions a day by circle when spread over a relationship's span. */
static const double demo_rate[CIRCLE_COUNT] = {1.0 / 8, 1.0 / 25, 1.0 / 80, 1.0 / 180, 1.0 / 365};

struct demo_slot {
	uint8_t circle, profile, family;
};

static void demo_slots(struct demo_gen *g, struct demo_slot *slot)
{
	size_t n = g->np, at = 0, cum = 0;
	for (int c = 0; c < CIRCLE_COUNT; c++) {
		size_t lo = (n * cum + 15) / 30;
		cum += (size_t)demo_circle_30[c];
		size_t hi = (n * cum + 15) / 30, cnt = hi - lo, used = 0;
		size_t nfamily = c == CIRCLE_INNER && cnt >= 3 ? 2 + cnt / 40 : 0;
		for (int pr = 1; pr < DEMO_P_COUNT; pr++) {
			size_t k = (cnt * (size_t)demo_profile_pm[c][pr] + 500) / 1000;
			for (size_t i = 0; i < k && used < cnt; i++, used++)
				slot[at++] = (struct demo_slot){(uint8_t)c, (uint8_t)pr, 0};
		}
		for (size_t i = 0; used < cnt; used++, i++)
			slot[at++] = (struct demo_slot){(uint8_t)c, DEMO_P_OK, i < nfamily};
	}
	/* Fisher-Yates, so that the signals are spread over the plan */
	for (size_t i = n; i > 1; i--) {
		size_t j = demo_rng_below(&g->rng, i);
		struct demo_slot t = slot[i - 1];
		slot[i - 1] = slot[j];
		slot[j] = t;
	}
}

/* ---- events ---- */

static int demo_event_cmp(const void *a, const void *b)
{
	const struct demo_event *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static const double demo_ev_hours[DEMO_EV_COUNT][2] = {
	[DEMO_EV_CONFERENCE] = {10, 16.5},
	[DEMO_EV_MEETUP] = {18.5, 20},
	[DEMO_EV_FAIR] = {11, 15},
	[DEMO_EV_COMMUNITY] = {7.5, 8.5},
};

static void demo_plan_events(struct demo_gen *g)
{
	size_t ns;
	const struct demo_series *sv = demo_data_series(&ns);
	int w[32];
	for (size_t s = 0; s < ns && s < 32; s++)
		w[s] = sv[s].weight;
	g->ev = xcalloc(g->nev ? g->nev : 1, sizeof *g->ev);
	double slot = (DEMO_HISTORY_DAYS - 4) * (double)DAY_SECONDS / (double)(g->nev ? g->nev : 1);
	int64_t start = g->now - (int64_t)(DEMO_HISTORY_DAYS - 2) * DAY_SECONDS;
	for (size_t k = 0; k < g->nev; k++) {
		size_t s = demo_rng_weighted(&g->rng, w, ns < 32 ? ns : 32);
		int64_t day =
			start + (int64_t)(((double)k + demo_rng_range(&g->rng, 0.1, 0.9)) * slot);
		const double *h = demo_ev_hours[sv[s].type];
		g->ev[k] = (struct demo_event){demo_at_hour(g, day, h[0], h[1]), (uint32_t)s,
		                               (uint32_t)k};
	}
	qsort(g->ev, g->nev, sizeof *g->ev, demo_event_cmp);
}

/* The last event at or before t; -1 when none. */
static long demo_event_before(const struct demo_gen *g, int64_t t)
{
	size_t lo = 0, hi = g->nev;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->ev[mid].at <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

/* ---- people ---- */

static int64_t demo_days(double d)
{
	return (int64_t)(d * DAY_SECONDS);
}

static int demo_cadence_of(const struct demo_gen *g, const struct demo_person *p)
{
	return p->cadence > 0 ? p->cadence : g->sp->cadence[p->circle];
}

static double demo_last_age(struct demo_gen *g, const struct demo_person *p)
{
	struct demo_rng *r = &g->rng;
	double c = demo_cadence_of(g, p);
	if (c <= 0)
		return p->profile == DEMO_P_NEW ? demo_rng_range(r, 0.3, 13)
		                                : demo_rng_range(r, 3, 600);
	switch (p->profile) {
	case DEMO_P_DUE:
		return demo_rng_range(r, 1.15, 1.85) * c;
	case DEMO_P_COLD: {
		double hi = 700 / c < 7 ? 700 / c : 7;
		return demo_rng_range(r, 2.3, hi > 2.4 ? hi : 2.4) * c;
	}
	case DEMO_P_DORMANT: {
		double age = demo_rng_range(r, 9, 15) * c;
		return age < 1000 ? age : 1000;
	}
	case DEMO_P_NEW:
		return demo_rng_range(r, 0.3, 13);
	case DEMO_P_OWE:
	case DEMO_P_GIVER: /* the services are recent */
		return demo_rng_range(r, 0.1, 0.8) * (c < 120 ? c : 120);
	default:
		return demo_rng_range(r, 0.05, 0.85) * c;
	}
}

/* Picks a name not used yet when the network is small enough to avoid repeats. */
static void demo_plan_name(struct demo_gen *g, struct demo_person *p, uint8_t *used, size_t nused)
{
	size_t nc;
	const struct demo_culture *cv = demo_data_cultures(&nc);
	int w[32];
	for (size_t i = 0; i < nc && i < 32; i++)
		w[i] = cv[i].weight;
	for (int tries = 0; tries < 12; tries++) {
		size_t c = p->arch == DEMO_AR_FAMILY ? 0 : demo_rng_weighted(&g->rng, w, nc);
		p->culture = (uint8_t)c;
		p->given = (uint8_t)demo_rng_below(&g->rng, cv[c].ngiven);
		p->family = p->arch == DEMO_AR_FAMILY
		                    ? g->family_name
		                    : (uint8_t)demo_rng_below(&g->rng, cv[c].nfamily);
		size_t key = (c * 32 + p->given) * 32 + p->family;
		if (key >= nused * 8 || !(used[key / 8] & (1u << (key % 8)))) {
			if (key < nused * 8)
				used[key / 8] |= (uint8_t)(1u << (key % 8));
			break;
		}
	}
	p->native = (uint8_t)demo_rng_chance(&g->rng, cv[p->culture].native_pct);
}

static void demo_plan_person(struct demo_gen *g, struct demo_person *p, const struct demo_slot *s,
                             uint8_t *used, size_t nused)
{
	struct demo_rng *r = &g->rng;
	p->circle = s->circle;
	p->profile = s->profile;
	p->met_event = -1;
	p->series = DEMO_NONE8;
	if (s->family)
		p->arch = DEMO_AR_FAMILY;
	else if (s->profile == DEMO_P_DORMANT || s->profile == DEMO_P_NEW ||
	         s->profile == DEMO_P_OWE || s->profile == DEMO_P_GIVER)
		p->arch = (uint8_t)demo_rng_weighted(r, demo_arch_by_profile[s->profile],
		                                     DEMO_AR_COUNT);
	else
		p->arch = (uint8_t)demo_rng_weighted(r, demo_arch_by_circle[s->circle],
		                                     DEMO_AR_COUNT);
	/* someone I have not seen for months is no longer a current colleague */
	if (p->arch == DEMO_AR_COLLEAGUE &&
	    (s->profile == DEMO_P_COLD || s->profile == DEMO_P_DORMANT))
		p->arch = DEMO_AR_FORMER;
	const struct demo_arch *a = demo_data_arch(p->arch);
	demo_plan_name(g, p, used, nused);
	p->kind = (uint8_t)demo_rng_weighted(r, a->ckind_pct, CKIND_COUNT);
	size_t norg;
	(void)demo_data_orgs(a->org, &norg);
	p->org = (uint8_t)demo_rng_below(r, norg);
	size_t nrole;
	(void)demo_data_list(a->roles, &nrole);
	p->role = (uint8_t)demo_rng_below(r, nrole);
	if (a->cadence > 0 && demo_rng_chance(r, a->cadence_pct))
		p->cadence = a->cadence;
	/* a dormant contact of a slow circle keeps a shorter cadence of its own */
	if (p->profile == DEMO_P_DORMANT && g->sp->cadence[p->circle] > 60)
		p->cadence = 45;
	if (demo_cadence_of(g, p) <= 0 && p->profile != DEMO_P_NEW)
		p->profile = DEMO_P_OK;

	size_t ns;
	const struct demo_series *sv = demo_data_series(&ns);
	if (p->arch == DEMO_AR_MEETUP || p->arch == DEMO_AR_CONFERENCE) {
		enum demo_evtype want =
			p->arch == DEMO_AR_MEETUP ? DEMO_EV_MEETUP : DEMO_EV_CONFERENCE;
		int w[32];
		for (size_t i = 0; i < ns && i < 32; i++)
			w[i] = sv[i].type == want ? sv[i].weight : 0;
		p->series = (uint8_t)demo_rng_weighted(r, w, ns < 32 ? ns : 32);
	}

	double age = demo_last_age(g, p);
	p->last_at = demo_at_hour(g, g->now - demo_days(age), 9, 20);
	int64_t start = g->now - demo_days(DEMO_HISTORY_DAYS - 5);
	if (p->profile == DEMO_P_NEW) {
		p->first_at = p->last_at;
	} else if (p->profile == DEMO_P_DORMANT) {
		p->first_at =
			demo_at_hour(g, p->last_at - demo_days(demo_rng_range(r, 200, 500)), 9, 20);
	} else if (a->known_before) {
		p->first_at = g->now - demo_days(DEMO_HISTORY_DAYS - demo_rng_range(r, 0, 45));
		if (p->first_at > p->last_at - demo_days(20))
			p->first_at = p->last_at - demo_days(demo_rng_range(r, 60, 400));
		p->first_at = demo_at_hour(g, p->first_at, 9, 20);
	} else {
		long k = -1;
		if (g->nev > 0 && demo_rng_chance(r, a->event_pct)) {
			long top = demo_event_before(g, p->last_at);
			for (int tries = 0; top >= 0 && tries < 24 && k < 0; tries++) {
				long c = (long)demo_rng_below(r, (size_t)top + 1);
				if (a->events & (1u << sv[g->ev[c].series].type))
					k = c;
			}
		}
		if (k >= 0) {
			p->met_event = (int32_t)k;
			p->series = (uint8_t)g->ev[k].series;
			p->first_at = g->ev[k].at;
		} else if (p->last_at > start) {
			p->first_at =
				start + (int64_t)(demo_rng_unit(r) * (double)(p->last_at - start));
			p->first_at = demo_at_hour(g, p->first_at, 9, 20);
			if (p->first_at > p->last_at)
				p->first_at = p->last_at;
		} else {
			p->first_at = demo_at_hour(
				g, p->last_at - demo_days(demo_rng_range(r, 30, 300)), 9, 20);
		}
	}
	if (p->first_at > p->last_at)
		p->first_at = p->last_at;
}

/* Base and weight of a person's own stream of interactions. */
static uint32_t demo_base(const struct demo_person *p)
{
	switch (p->profile) {
	case DEMO_P_OWE:
		return 4;
	case DEMO_P_GIVER:
	case DEMO_P_DORMANT:
		return 5;
	default:
		return 1;
	}
}

static double demo_weight(const struct demo_gen *g, const struct demo_person *p)
{
	if (p->profile == DEMO_P_NEW)
		return 0;
	double span = (double)(p->last_at - p->first_at) / DAY_SECONDS;
	double w = (span < 1 ? 1 : span) * demo_rate[p->circle];
	if (p->cadence > 0 && g->sp->cadence[p->circle] > 0)
		w *= (double)g->sp->cadence[p->circle] / p->cadence;
	if (p->profile == DEMO_P_DORMANT)
		w *= 2;
	return w;
}

/* Shares interactions out so that the total is exactly m. */
static void demo_plan_counts(struct demo_gen *g, size_t m)
{
	size_t sum_base = 0;
	double total_w = 0;
	for (size_t i = 0; i < g->np; i++) {
		sum_base += demo_base(&g->p[i]);
		total_w += demo_weight(g, &g->p[i]);
	}
	int use_base = m >= sum_base;
	if (!use_base && m < g->np) {
		for (size_t i = 0; i < g->np; i++)
			g->p[i].n = g->p[i].order < m ? 1 : 0;
		return;
	}
	/* the extra interactions go by weight, rounded on the running sum so
	 * that they add up exactly */
	size_t extra = m - (use_base ? sum_base : g->np), given = 0;
	double acc = 0, total = total_w > 0 ? total_w : (double)g->np;
	for (size_t i = 0; i < g->np; i++) {
		struct demo_person *p = &g->p[i];
		acc += total_w > 0 ? demo_weight(g, p) : 1;
		size_t upto = extra;
		if (i + 1 < g->np)
			upto = (size_t)((double)extra * acc / total + 0.5);
		if (upto > extra)
			upto = extra;
		if (upto < given)
			upto = given;
		p->n = (uint32_t)((use_base ? demo_base(p) : 1) + (upto - given));
		given = upto;
	}
}

static int demo_person_cmp(const void *a, const void *b)
{
	const struct demo_person *x = a, *y = b;
	if (x->first_at != y->first_at)
		return x->first_at < y->first_at ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* Indexes: people met at each event, people who go to each series. */
static void demo_plan_index(struct demo_gen *g)
{
	size_t ns;
	(void)demo_data_series(&ns);
	g->met_off = xcalloc(g->nev + 1, sizeof *g->met_off);
	g->ser_off = xcalloc(ns + 1, sizeof *g->ser_off);
	for (size_t i = 0; i < g->np; i++) {
		if (g->p[i].met_event >= 0)
			g->met_off[g->p[i].met_event + 1]++;
		if (g->p[i].series != DEMO_NONE8)
			g->ser_off[g->p[i].series + 1]++;
	}
	for (size_t k = 0; k < g->nev; k++)
		g->met_off[k + 1] += g->met_off[k];
	for (size_t s = 0; s < ns; s++)
		g->ser_off[s + 1] += g->ser_off[s];
	g->met_list = xcalloc(g->met_off[g->nev] + 1, sizeof *g->met_list);
	g->ser_list = xcalloc(g->ser_off[ns] + 1, sizeof *g->ser_list);
	uint32_t *mfill = xcalloc(g->nev + 1, sizeof *mfill);
	uint32_t *sfill = xcalloc(ns + 1, sizeof *sfill);
	for (size_t i = 0; i < g->np; i++) {
		const struct demo_person *p = &g->p[i];
		if (p->met_event >= 0)
			g->met_list[g->met_off[p->met_event] + mfill[p->met_event]++] = (uint32_t)i;
		if (p->series != DEMO_NONE8)
			g->ser_list[g->ser_off[p->series] + sfill[p->series]++] = (uint32_t)i;
	}
	free(mfill);
	free(sfill);
}

int demo_plan(struct demo_gen *g, char **cause)
{
	const struct demo_options *o = g->o;
	if (o->contacts < 1)
		return err_set(cause, "the demo needs at least one contact");
	if (o->contacts > DEMO_CONTACTS_MAX)
		return err_set(cause, "at most %zu demo contacts", DEMO_CONTACTS_MAX);
	if (o->interactions > DEMO_INTERACTIONS_MAX)
		return err_set(cause, "at most %zu demo interactions", DEMO_INTERACTIONS_MAX);
	if (o->now < (int64_t)4 * 365 * DAY_SECONDS)
		return err_set(cause, "the demo needs the current time");
	g->now = o->now;
	g->today = date_day_start(g->now);
	g->week_end = date_add_days(date_week_start(g->now), 7);
	g->np = o->contacts;
	size_t m = o->interactions;
	g->nev = m >= g->np && g->np >= 8 ? m / 40 : 0;
	g->nintro = m >= g->np && g->np >= 8 ? m / 100 : 0;
	g->nfollow = g->np < 20 ? (g->np < 4 ? g->np : 4) : g->np / 5;

	size_t nc;
	const struct demo_culture *cv = demo_data_cultures(&nc);
	g->family_name = (uint8_t)demo_rng_below(&g->rng, cv[0].nfamily);
	demo_plan_events(g);

	struct demo_slot *slot = xcalloc(g->np, sizeof *slot);
	demo_slots(g, slot);
	size_t nused = g->np <= 4096 ? nc * 32 * 32 / 8 : 0;
	uint8_t *used = xcalloc(nused + 1, 1);
	g->p = xcalloc(g->np, sizeof *g->p);
	for (size_t i = 0; i < g->np; i++) {
		g->p[i].order = (uint32_t)i;
		demo_plan_person(g, &g->p[i], &slot[i], used, nused);
	}
	free(used);
	free(slot);
	demo_plan_counts(g, m - g->nev - g->nintro);
	size_t eligible = 0;
	for (size_t i = 0; i < g->np; i++)
		eligible += g->p[i].n > 0 && g->p[i].profile != DEMO_P_NEW;
	if (eligible == 0)
		g->nfollow = 0;
	qsort(g->p, g->np, sizeof *g->p, demo_person_cmp);
	demo_plan_index(g);
	g->total = g->np + m + g->nfollow;
	g->step = g->total / 200 ? g->total / 200 : 1;
	return 0;
}

void demo_plan_free(struct demo_gen *g)
{
	free(g->p);
	free(g->ev);
	free(g->met_off);
	free(g->met_list);
	free(g->ser_off);
	free(g->ser_list);
	g->p = NULL;
	g->ev = NULL;
	g->met_off = g->met_list = g->ser_off = g->ser_list = NULL;
	g->np = g->nev = 0;
}
