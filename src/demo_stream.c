/* demo_stream.c: the demo's interactions in time order: events, introductions and
 * each person's own rhythm and give and take, merged with a heap (memory bounded
 * by the number of people). Depends on store.h, date.h, demo_int.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "demo_int.h"
#include "err.h"

#define HOUR 3600

struct demo_ia {
	int64_t at;
	enum ikind kind;
	enum direction dir;
	int deep;
	const char *tag;     /* NULL: none */
	enum ikind service; /* carried besides the kind; IKIND_NONE: none */
};

static int demo_write_ia(struct demo_gen *g, const struct demo_ia *x, struct buf *summary,
                         struct demo_person *const *who, size_t nwho, int64_t *rowid, char **cause)
{
	struct contact_ref refs[8];
	struct interaction in;
	memset(&in, 0, sizeof in);
	memset(refs, 0, sizeof refs);
	if (nwho > 8)
		nwho = 8;
	for (size_t i = 0; i < nwho; i++)
		refs[i].rowid = who[i]->rowid;
	demo_rng_uuid(&g->ids, in.id);
	in.at = x->at;
	in.kind = x->kind;
	in.service = x->service;
	in.dir = x->dir;
	in.deep = x->deep;
	buf_puts(summary, "");
	in.summary = summary->data;
	strv_init(&in.tags);
	if (x->tag != NULL)
		strv_push(&in.tags, x->tag);
	in.contacts = refs;
	in.ncontacts = nwho;
	in.created_at = x->at + (int64_t)demo_rng_range(&g->rng, 300, 8 * HOUR);
	if (in.created_at > g->now)
		in.created_at = g->now;
	in.updated_at = in.created_at;
	int rc = store_tx_interaction_add_bulk(g->st, &in, g->now, cause);
	strv_free(&in.tags);
	if (rc != 0)
		return -1;
	if (rowid != NULL)
		*rowid = in.rowid;
	g->stats.interactions++;
	int service = model_interaction_service(&in) != IKIND_NONE;
	if (service && x->dir == DIR_GAVE)
		g->stats.services_given++;
	if (service && x->dir == DIR_GOT)
		g->stats.services_got++;
	demo_tick(g);
	return 0;
}

static int demo_in(struct demo_person *const *who, size_t n, const struct demo_person *p)
{
	for (size_t i = 0; i < n; i++)
		if (who[i] == p)
			return 1;
	return 0;
}

static const enum demo_list demo_ev_list[DEMO_EV_COUNT] = {DEMO_L_S_CONFERENCE, DEMO_L_S_MEETUP,
                                                           DEMO_L_S_FAIR, DEMO_L_S_COMMUNITY};

/* One event: the people met there, regulars of the series, and others who go
 * to such events, 3 to 8 of them. */
static int demo_write_event(struct demo_gen *g, size_t k, struct buf *b, char **cause)
{
	struct demo_rng *r = &g->rng;
	size_t ns;
	const struct demo_series *sv = demo_data_series(&ns);
	struct demo_event *ev = &g->ev[k];
	const struct demo_series *se = &sv[ev->series % ns];
	struct demo_person *who[8];
	size_t n = 0, want = 3 + demo_rng_below(r, 6);
	for (uint32_t j = g->met_off[k]; j < g->met_off[k + 1] && n < want; j++) {
		struct demo_person *p = &g->p[g->met_list[j]];
		if (demo_person_spans(p, ev->at))
			who[n++] = p;
	}
	size_t nser = g->ser_off[ev->series + 1] - g->ser_off[ev->series];
	for (size_t t = 0; nser > 0 && t < 4 * want && n < want; t++) {
		struct demo_person *p =
			&g->p[g->ser_list[g->ser_off[ev->series] + demo_rng_below(r, nser)]];
		if (demo_person_spans(p, ev->at) && !demo_in(who, n, p))
			who[n++] = p;
	}
	for (size_t t = 0; t < 6 * want && n < want; t++) {
		struct demo_person *p = &g->p[demo_rng_below(r, g->np)];
		if ((demo_data_arch(p->arch)->events & (1u << se->type)) &&
		    demo_person_spans(p, ev->at) && !demo_in(who, n, p))
			who[n++] = p;
	}
	/* friends and colleagues come along, so that an event is never lonely */
	for (size_t t = 0; t < 64 && n < 3; t++) {
		struct demo_person *p = &g->p[demo_rng_below(r, g->np)];
		if (p->arch != DEMO_AR_FAMILY && demo_person_spans(p, ev->at) &&
		    !demo_in(who, n, p))
			who[n++] = p;
	}
	for (size_t i = 0; i < g->np && n == 0; i++) {
		struct demo_person *p = &g->p[i];
		if (p->n > 0 && p->profile != DEMO_P_NEW) {
			ev->at = p->first_at +
			         (int64_t)(demo_rng_unit(r) * (double)(p->last_at - p->first_at));
			who[n++] = p;
		}
	}
	if (n == 0)
		who[n++] = &g->p[0];
	struct demo_ctx cx = {NULL, NULL, NULL, ev->at, (long)(ev->series % ns)};
	demo_expand(g, b, demo_rng_item(r, demo_ev_list[se->type]), &cx);
	struct demo_ia x = {ev->at, IKIND_EVENT, DIR_NONE, 0, se->tag, IKIND_NONE};
	return demo_write_ia(g, &x, b, who, n, NULL, cause);
}

static int demo_intro_ok(const struct demo_person *p)
{
	return p->n > 0 && p->profile != DEMO_P_NEW && p->profile != DEMO_P_OWE &&
	       p->arch != DEMO_AR_FAMILY;
}

/* An introduction I make: a to b, or a to someone outside the journal. */
struct demo_intro {
	int64_t at;
	uint32_t a, b; /* b: UINT32_MAX for someone outside */
	uint32_t order;
};

static int demo_intro_cmp(const void *x, const void *y)
{
	const struct demo_intro *p = x, *q = y;
	if (p->at != q->at)
		return p->at < q->at ? -1 : 1;
	return (p->order > q->order) - (p->order < q->order);
}

/* When and between whom the introductions happen, sorted by time. */
static struct demo_intro *demo_plan_intros(struct demo_gen *g)
{
	struct demo_rng *r = &g->rng;
	struct demo_intro *v = xcalloc(g->nintro ? g->nintro : 1, sizeof *v);
	for (size_t j = 0; j < g->nintro; j++) {
		const struct demo_person *a = NULL, *z = NULL;
		for (int t = 0; t < 32 && a == NULL; t++) {
			const struct demo_person *p = &g->p[demo_rng_below(r, g->np)];
			if (demo_intro_ok(p))
				a = p;
		}
		for (size_t i = 0; i < g->np && a == NULL; i++)
			if (g->p[i].n > 0)
				a = &g->p[i];
		if (a == NULL)
			a = &g->p[0];
		int64_t at = a->first_at +
		             (int64_t)(demo_rng_unit(r) * (double)(a->last_at - a->first_at));
		at = demo_at_hour(g, at, 9, 21);
		if (at < a->first_at || at > a->last_at)
			at = a->last_at;
		for (int t = 0; t < 32 && z == NULL; t++) {
			const struct demo_person *p = &g->p[demo_rng_below(r, g->np)];
			if (p != a && demo_intro_ok(p) && demo_person_spans(p, at))
				z = p;
		}
		v[j].at = at;
		v[j].a = (uint32_t)(a - g->p);
		v[j].b = z ? (uint32_t)(z - g->p) : UINT32_MAX;
		v[j].order = (uint32_t)j;
	}
	qsort(v, g->nintro, sizeof *v, demo_intro_cmp);
	return v;
}

static int demo_write_intro(struct demo_gen *g, const struct demo_intro *it, struct buf *b,
                            char **cause)
{
	struct demo_person *a = &g->p[it->a], *z = it->b == UINT32_MAX ? NULL : &g->p[it->b];
	struct demo_person *who[2] = {a, z};
	struct demo_ctx cx = {a, a, z, it->at, -1};
	demo_expand(g, b,
	            demo_rng_item(&g->rng, z ? DEMO_L_S_INTRO_PAIR
	                                     : demo_data_service_list(IKIND_INTRO, DIR_GAVE)),
	            &cx);
	struct demo_ia x = {it->at, IKIND_INTRO, DIR_GAVE, 0, NULL, IKIND_NONE};
	return demo_write_ia(g, &x, b, who, z ? 2 : 1, NULL, cause);
}

static const double demo_hours[IKIND_COUNT][2] = {
	[IKIND_MEETING] = {8, 21}, [IKIND_CALL] = {9, 20},  [IKIND_MESSAGE] = {7.5, 23},
	[IKIND_EVENT] = {18, 21},  [IKIND_SHARE] = {8, 23}, [IKIND_INTRO] = {9, 21},
	[IKIND_ADVICE] = {9, 21},  [IKIND_LEAD] = {9, 21},  [IKIND_REFERRAL] = {9, 19},
	[IKIND_FAVOR] = {9, 21},   [IKIND_GIFT] = {10, 20}, [IKIND_NOTE] = {20, 23},
};

/* Services received, none returned (the last three of an "owe" contact), and
 * services given (the last four of a "giver"). */
static const enum ikind demo_owe_kinds[3] = {IKIND_REFERRAL, IKIND_LEAD, IKIND_ADVICE};
static const enum ikind demo_giver_kinds[4] = {IKIND_ADVICE, IKIND_REFERRAL, IKIND_LEAD,
                                               IKIND_INTRO};
static const enum ikind demo_giveback[4] = {IKIND_SHARE, IKIND_GIFT, IKIND_FAVOR, IKIND_ADVICE};

static double demo_w(const struct demo_gen *g, enum ikind k, int deep)
{
	return g->sp->weight[k] * (deep ? g->sp->deep_factor : 1.0);
}

/* Kind, direction and template of the k-th of a person's own interactions. */
static long demo_choose(struct demo_gen *g, const struct demo_person *p, uint32_t k,
                        struct demo_ia *x, int *forced)
{
	struct demo_rng *r = &g->rng;
	const struct demo_arch *a = demo_data_arch(p->arch);
	uint32_t n = p->n;
	int first = k == 0, last = k + 1 == n;
	x->dir = DIR_NONE;
	*forced = 0;
	if (first && p->profile == DEMO_P_NEW) {
		x->kind = IKIND_MEETING;
		return DEMO_L_S_NEW;
	}
	if (first && p->met_event >= 0 && n > 1) {
		x->kind = demo_rng_chance(r, 50) ? IKIND_MESSAGE : IKIND_MEETING;
		return DEMO_L_S_FIRST;
	}
	if (last && n > 1 && p->profile == DEMO_P_DORMANT) {
		x->kind = IKIND_MEETING;
		return DEMO_L_S_LAST_DORMANT;
	}
	if (p->profile == DEMO_P_OWE && k >= 1 && n - k <= 3) {
		x->kind = demo_owe_kinds[n - 1 - k];
		x->dir = DIR_GOT;
		*forced = 1;
		return -1;
	}
	if (p->profile == DEMO_P_GIVER && k >= 1 && n - k <= 4) {
		x->kind = demo_giver_kinds[n - 1 - k];
		x->dir = DIR_GAVE;
		*forced = 1;
		return -1;
	}
	x->kind = (enum ikind)demo_rng_weighted(r, a->ikind_w, IKIND_COUNT);
	if ((first || last) && x->kind == IKIND_NOTE)
		x->kind = IKIND_MEETING;
	if (model_ikind_is_service(x->kind)) {
		if (p->profile == DEMO_P_OWE) {
			x->kind = IKIND_MESSAGE;
		} else if (p->profile == DEMO_P_GIVER) {
			x->dir = DIR_GAVE;
		} else {
			int u = (int)demo_rng_below(r, 100);
			x->dir = u < a->got_pct                 ? DIR_GOT
			         : u < a->got_pct + a->gave_pct ? DIR_GAVE
			                                        : DIR_MUTUAL;
		}
	}
	return -1;
}

struct demo_balance {
	double gave, got;
	int64_t ref;
};

/* Keeps ordinary contacts from drifting into "I owe": a service received that
 * would leave more than one point unreturned becomes one given back. */
static void demo_balance_apply(struct demo_gen *g, struct demo_balance *bal,
                               const struct demo_person *p, struct demo_ia *x, int forced)
{
	if (!model_ikind_is_service(x->kind))
		return;
	if (x->at > bal->ref) {
		double f = exp2(-(double)(x->at - bal->ref) /
		                (g->sp->half_life_balance * DAY_SECONDS));
		bal->gave *= f;
		bal->got *= f;
		bal->ref = x->at;
	}
	if (x->dir == DIR_GOT && !forced && p->profile != DEMO_P_OWE &&
	    bal->got + demo_w(g, x->kind, x->deep) - bal->gave >= 1.0) {
		x->kind = demo_giveback[demo_rng_below(&g->rng, 4)];
		x->dir = DIR_GAVE;
	}
	double w = demo_w(g, x->kind, x->deep);
	if (x->dir == DIR_GAVE)
		bal->gave += w;
	else if (x->dir == DIR_GOT)
		bal->got += w;
	else if (x->dir == DIR_MUTUAL) {
		bal->gave += w / 2;
		bal->got += w / 2;
	}
}

static enum demo_list demo_summary_list(const struct demo_person *p, const struct demo_ia *x)
{
	if (model_ikind_is_service(x->kind))
		return demo_data_service_list(x->kind, x->dir);
	switch (x->kind) {
	case IKIND_MEETING:
	case IKIND_CALL:
		if (x->deep)
			return DEMO_L_S_DEEP;
		if (p->arch == DEMO_AR_FAMILY && x->kind == IKIND_MEETING)
			return DEMO_L_S_FAMILY;
		return x->kind == IKIND_MEETING ? DEMO_L_S_MEETING : DEMO_L_S_CALL;
	case IKIND_EVENT:
		return DEMO_L_S_EVENT;
	case IKIND_NOTE:
		return DEMO_L_S_NOTE;
	default:
		return DEMO_L_S_MESSAGE;
	}
}

static const char *demo_ia_tag(struct demo_gen *g, const struct demo_person *p,
                               const struct demo_ia *x, long series)
{
	size_t ns;
	const struct demo_series *sv = demo_data_series(&ns);
	if (x->kind == IKIND_EVENT && series >= 0)
		return sv[series % (long)ns].tag;
	if ((x->kind == IKIND_LEAD || x->kind == IKIND_REFERRAL) && x->dir == DIR_GOT)
		return "job-search";
	if (x->kind == IKIND_REFERRAL && x->dir == DIR_GAVE)
		return "hiring";
	if (x->kind == IKIND_ADVICE && (p->arch == DEMO_AR_MENTOR || p->arch == DEMO_AR_MENTEE) &&
	    demo_rng_chance(&g->rng, 60))
		return "mentoring";
	return NULL;
}

/* Every third advice, introduction, lead, referral or favour of a person's
 * own stream happens over coffee or on a call, which then carries it
 * (DESIGN.md §4): chosen from the person and the place in the stream, not
 * from the generator, so that the rest of the network stays as it was. */
static void demo_carry(const struct demo_person *p, uint32_t person, uint32_t k,
                       struct demo_ia *x)
{
	if (!model_ikind_is_service(x->kind) || x->kind == IKIND_SHARE || x->kind == IKIND_GIFT ||
	    p->arch == DEMO_AR_FAMILY || (person + k) % 3 != 0)
		return;
	x->service = x->kind;
	x->kind = k % 2 ? IKIND_CALL : IKIND_MEETING;
}

/* Where a person's stream stands: its next interaction and the balance so far. */
struct demo_cursor {
	int64_t at; /* when the next one happens, before its clock time is chosen */
	uint32_t person, k;
	struct demo_balance bal;
};

/* When the k-th of a person's interactions happens: the first at the first
 * meeting (a little after it, for someone met at an event), the last at the
 * last contact, the others evenly apart with some jitter. */
static int64_t demo_item_at(struct demo_gen *g, const struct demo_person *p, uint32_t k)
{
	struct demo_rng *r = &g->rng;
	uint32_t n = p->n;
	if (n == 1 || k + 1 == n)
		return p->last_at;
	if (k == 0) {
		if (p->met_event < 0 || p->profile == DEMO_P_NEW)
			return p->first_at;
		int64_t at = p->first_at + (int64_t)demo_rng_range(r, 2 * HOUR, 30 * HOUR);
		return at < p->last_at ? at : p->last_at;
	}
	double span = (double)(p->last_at - p->first_at);
	return p->first_at + (int64_t)(((double)k + demo_rng_range(r, -0.4, 0.4)) / (n - 1) * span);
}

/* The next interaction of a person's stream. */
static int demo_write_item(struct demo_gen *g, struct demo_cursor *cur, struct buf *b, char **cause)
{
	struct demo_rng *r = &g->rng;
	struct demo_person *p = &g->p[cur->person];
	uint32_t k = cur->k, n = p->n;
	struct demo_ia x = {cur->at, IKIND_MEETING, DIR_NONE, 0, NULL, IKIND_NONE};
	int forced;
	long tl = demo_choose(g, p, k, &x, &forced);
	if (x.kind == IKIND_MEETING || x.kind == IKIND_CALL || x.kind == IKIND_ADVICE)
		x.deep = (int)demo_rng_below(r, 1000) < (p->circle <= CIRCLE_CLOSE ? 25 : 8);
	if (k != 0 && k + 1 != n) {
		x.at = demo_at_hour(g, x.at, demo_hours[x.kind][0], demo_hours[x.kind][1]);
		if (x.at < p->first_at)
			x.at = p->first_at;
		if (x.at > p->last_at)
			x.at = p->last_at;
	}
	demo_balance_apply(g, &cur->bal, p, &x, forced);
	if (tl < 0)
		tl = demo_summary_list(p, &x);
	long series = -1;
	if (x.kind == IKIND_EVENT)
		series = p->series != DEMO_NONE8 ? p->series : demo_any_series(g);
	struct demo_ctx cx = {p, NULL, NULL, x.at, series};
	demo_expand(g, b, demo_rng_item(r, (enum demo_list)tl), &cx);
	x.tag = demo_ia_tag(g, p, &x, series);
	demo_carry(p, cur->person, k, &x);
	int64_t rowid;
	if (demo_write_ia(g, &x, b, &p, 1, &rowid, cause) != 0)
		return -1;
	if (k + 1 == n)
		p->last_rowid = rowid;
	return 0;
}

/* A binary min-heap of cursors by time, then person. */
static int demo_cur_less(const struct demo_cursor *a, const struct demo_cursor *b)
{
	return a->at != b->at ? a->at < b->at : a->person < b->person;
}

static void demo_heap_down(struct demo_cursor *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && demo_cur_less(&h[l], &h[m]))
			m = l;
		if (l + 1 < n && demo_cur_less(&h[l + 1], &h[m]))
			m = l + 1;
		if (m == i)
			return;
		struct demo_cursor t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

int demo_write_interactions(struct demo_gen *g, struct buf *b, char **cause)
{
	struct demo_intro *intros = demo_plan_intros(g);
	struct demo_cursor *h = xcalloc(g->np ? g->np : 1, sizeof *h);
	size_t nh = 0;
	for (size_t i = 0; i < g->np; i++) {
		if (g->p[i].n == 0)
			continue;
		h[nh] = (struct demo_cursor){
			demo_item_at(g, &g->p[i], 0), (uint32_t)i, 0, {0, 0, g->p[i].first_at}};
		nh++;
	}
	for (size_t i = nh / 2; i-- > 0;)
		demo_heap_down(h, nh, i);
	size_t ei = 0, ii = 0;
	int rc = 0;
	while (rc == 0) {
		int64_t te = ei < g->nev ? g->ev[ei].at : INT64_MAX;
		int64_t ti = ii < g->nintro ? intros[ii].at : INT64_MAX;
		int64_t th = nh > 0 ? h[0].at : INT64_MAX;
		if (ei >= g->nev && ii >= g->nintro && nh == 0)
			break;
		if (ei < g->nev && te <= ti && te <= th) {
			rc = demo_write_event(g, ei++, b, cause);
		} else if (ii < g->nintro && ti <= th) {
			rc = demo_write_intro(g, &intros[ii++], b, cause);
		} else {
			rc = demo_write_item(g, &h[0], b, cause);
			const struct demo_person *p = &g->p[h[0].person];
			if (++h[0].k < p->n)
				h[0].at = demo_item_at(g, p, h[0].k);
			else
				h[0] = h[--nh];
			demo_heap_down(h, nh, 0);
		}
	}
	free(h);
	free(intros);
	return rc;
}
