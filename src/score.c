/* score.c: the scores of DESIGN.md §4 (warmth, recency, give-and-take,
 * importance, attention, status) and the per-contact cache behind them.
 * Pure: no SQLite, no clock. Depends on model.h and libm. */
#include "score.h"

#include <math.h>
#include <string.h>

#define SCORE_DAY 86400.0

/* Status thresholds on r = s/C (DESIGN.md §4); dormant_days is a parameter. */
#define SCORE_DUE_RATIO 1.0
#define SCORE_COLD_RATIO 2.0
#define SCORE_DORMANT_RATIO 8.0
/* The weight of what is owed in attention (DESIGN.md §4). */
#define SCORE_OWED_WEIGHT 0.5

/* Bumped when the cache's arithmetic changes, so that the digest changes too. */
#define SCORE_CACHE_VERSION 1u

static const char *const score_status_names[STATUS_COUNT] = {"ok", "due", "cold", "dormant"};

/* DESIGN.md §4, the kind table, in enum ikind order. */
static const double score_default_weights[IKIND_COUNT] = {
	3.0, /* meeting */
	2.0, /* call */
	1.0, /* message */
	2.0, /* event */
	0.5, /* share */
	3.0, /* intro */
	2.0, /* advice */
	4.0, /* lead */
	4.0, /* referral */
	3.0, /* favor */
	2.0, /* gift */
	0.0, /* note */
};

/* DESIGN.md §4, the circle table, in enum circle order. */
static const int score_default_layers[CIRCLE_COUNT] = {5, 15, 50, 150, 500};
static const int score_default_cadences[CIRCLE_COUNT] = {7, 30, 180, 365, 0};

void score_params_default(struct score_params *p)
{
	memset(p, 0, sizeof *p);
	p->half_life = 90.0;
	p->half_life_family = 270.0;
	p->half_life_balance = 365.0;
	for (int k = 0; k < IKIND_COUNT; k++)
		p->weight[k] = score_default_weights[k];
	p->deep_factor = 1.5;
	for (int c = 0; c < CIRCLE_COUNT; c++) {
		p->cadence[c] = score_default_cadences[c];
		p->layer[c] = score_default_layers[c];
	}
	p->warmth_k = 5.0;
	p->owed_k = 3.0;
	p->owe_min = 1.5;
	p->owe_balance = -1.0 / 3.0;
	p->dormant_days = 1095;
	strcpy(p->family_tag, "family");
}

/* FNV-1a, 64 bits, fed byte by byte in a fixed order so the digest does not
 * depend on the machine's byte order. */
#define SCORE_FNV_OFFSET 0xcbf29ce484222325ull
#define SCORE_FNV_PRIME 0x100000001b3ull

static uint64_t score_fnv_byte(uint64_t h, unsigned char b)
{
	return (h ^ b) * SCORE_FNV_PRIME;
}

static uint64_t score_fnv_u64(uint64_t h, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		h = score_fnv_byte(h, (unsigned char)(v >> (8 * i)));
	return h;
}

static uint64_t score_fnv_double(uint64_t h, double d)
{
	uint64_t bits;
	if (d == 0.0)
		d = 0.0; /* -0.0 and 0.0 weigh the same */
	memcpy(&bits, &d, sizeof bits);
	return score_fnv_u64(h, bits);
}

uint64_t score_params_digest(const struct score_params *p)
{
	uint64_t h = SCORE_FNV_OFFSET;
	h = score_fnv_u64(h, SCORE_CACHE_VERSION);
	h = score_fnv_double(h, p->half_life);
	h = score_fnv_double(h, p->half_life_family);
	h = score_fnv_double(h, p->half_life_balance);
	h = score_fnv_u64(h, IKIND_COUNT);
	for (int k = 0; k < IKIND_COUNT; k++)
		h = score_fnv_double(h, score_weight(p, (enum ikind)k, 0));
	h = score_fnv_double(h, p->deep_factor);
	size_t len = strnlen(p->family_tag, sizeof p->family_tag);
	h = score_fnv_u64(h, len);
	for (size_t i = 0; i < len; i++)
		h = score_fnv_byte(h, (unsigned char)p->family_tag[i]);
	return h;
}

double score_weight(const struct score_params *p, enum ikind k, int deep)
{
	/* A note is not contact: it weighs nothing whatever the parameters say. */
	if ((unsigned)k >= IKIND_COUNT || k == IKIND_NOTE)
		return 0.0;
	double w = p->weight[k];
	return deep ? w * p->deep_factor : w;
}

void score_event_of(struct score_event *out, const struct interaction *in)
{
	out->at = in->at;
	out->kind = in->kind;
	out->dir = in->dir;
	out->deep = in->deep != 0;
	out->service = model_interaction_service(in);
}

double score_event_weight(const struct score_params *p, const struct score_event *ev)
{
	double w = score_weight(p, ev->kind, ev->deep);
	enum ikind sv = model_ikind_service(ev->kind, ev->service);
	if (sv != IKIND_NONE && sv != ev->kind) {
		double ws = score_weight(p, sv, ev->deep);
		if (ws > w)
			w = ws;
	}
	return w;
}

static int score_subject_cadence(const struct score_subject *s, const struct score_params *p)
{
	if (s->cadence_days >= 0)
		return s->cadence_days;
	if ((unsigned)s->circle >= CIRCLE_COUNT)
		return 0;
	return p->cadence[s->circle] > 0 ? p->cadence[s->circle] : 0;
}

int score_cadence(const struct contact *c, const struct score_params *p)
{
	struct score_subject s = {c->circle, c->cadence_days, 0, c->created_at};
	return score_subject_cadence(&s, p);
}

void score_subject_of(struct score_subject *out, const struct contact *c,
                      const struct score_params *p)
{
	out->circle = c->circle;
	out->cadence_days = c->cadence_days;
	out->family = score_is_family(c, p);
	out->created_at = c->created_at;
}

int score_is_family(const struct contact *c, const struct score_params *p)
{
	return p->family_tag[0] != '\0' && contact_has_tag(c, p->family_tag);
}

const char *score_status_name(enum score_status s)
{
	return (unsigned)s < STATUS_COUNT ? score_status_names[s] : "?";
}

static double score_half_life(const struct score_params *p, int family)
{
	return family ? p->half_life_family : p->half_life;
}

/* 2^(-dt/H) for dt in seconds and H in days. */
static double score_decay(int64_t dt, double half_life_days)
{
	return exp2(-((double)dt / SCORE_DAY) / half_life_days);
}

void score_cache_clear(struct score_cache *sc)
{
	memset(sc, 0, sizeof *sc);
}

/* The times and counts of the cache: everything but the sums. */
static void score_cache_add_times(struct score_cache *sc, const struct score_event *ev)
{
	if (sc->n == 0 || ev->at < sc->first_at)
		sc->first_at = ev->at;
	if (sc->n == 0 || ev->at > sc->max_at)
		sc->max_at = ev->at;
	if (ev->kind != IKIND_NOTE && (sc->last_at == 0 || ev->at > sc->last_at))
		sc->last_at = ev->at;
	sc->n++;
	if (model_ikind_service(ev->kind, ev->service) != IKIND_NONE)
		sc->n_service++;
}

/* The shares of an event's service weight that count as given and as
 * received: the weight of its service (its kind, or the service it carries). */
static void score_service_shares(const struct score_params *p, const struct score_event *ev,
                                 double *gave, double *got)
{
	*gave = *got = 0.0;
	enum ikind sv = model_ikind_service(ev->kind, ev->service);
	if (sv == IKIND_NONE)
		return;
	double w = score_weight(p, sv, ev->deep);
	switch (ev->dir) {
	case DIR_GAVE:
		*gave = w;
		break;
	case DIR_GOT:
		*got = w;
		break;
	case DIR_MUTUAL:
		*gave = *got = w / 2.0;
		break;
	default:
		break;
	}
}

/*
 * The sums are referred to ref_at, the time of the latest interaction of
 * non-zero weight. An interaction of weight 0 touches neither the sums nor
 * ref_at, so notes leave them bit for bit as they were; while all sums are 0
 * any reference time is right, and the first weighted interaction sets it.
 */
void score_cache_add(struct score_cache *sc, const struct score_params *p,
                     const struct score_event *ev, int family)
{
	score_cache_add_times(sc, ev);
	double w = score_event_weight(p, ev);
	if (!(w > 0.0))
		return;
	double gave, got;
	score_service_shares(p, ev, &gave, &got);
	double h = score_half_life(p, family);
	double hb = p->half_life_balance;
	if (sc->warm_sum == 0.0 && sc->gave_sum == 0.0 && sc->got_sum == 0.0) {
		sc->ref_at = ev->at;
		sc->warm_sum = w;
		sc->gave_sum = gave;
		sc->got_sum = got;
	} else if (ev->at > sc->ref_at) {
		int64_t dt = ev->at - sc->ref_at;
		double fb = score_decay(dt, hb);
		sc->warm_sum = sc->warm_sum * score_decay(dt, h) + w;
		sc->gave_sum = sc->gave_sum * fb + gave;
		sc->got_sum = sc->got_sum * fb + got;
		sc->ref_at = ev->at;
	} else {
		int64_t dt = sc->ref_at - ev->at;
		double fb = score_decay(dt, hb);
		sc->warm_sum += w * score_decay(dt, h);
		sc->gave_sum += gave * fb;
		sc->got_sum += got * fb;
	}
}

/* Two passes: the reference time first, then every term decayed to it once,
 * which is both order-free and more accurate than repeated rescaling.
 * Interactions after `limit` are left out. */
static void score_cache_build_until(struct score_cache *sc, const struct score_params *p,
                                    const struct score_event *ev, size_t n, int family,
                                    int64_t limit)
{
	score_cache_clear(sc);
	int have_ref = 0;
	for (size_t i = 0; i < n; i++) {
		if (ev[i].at > limit)
			continue;
		score_cache_add_times(sc, &ev[i]);
		if (score_event_weight(p, &ev[i]) > 0.0 &&
		    (!have_ref || ev[i].at > sc->ref_at)) {
			sc->ref_at = ev[i].at;
			have_ref = 1;
		}
	}
	double h = score_half_life(p, family);
	double hb = p->half_life_balance;
	for (size_t i = 0; i < n; i++) {
		double w = score_event_weight(p, &ev[i]);
		if (ev[i].at > limit || !(w > 0.0))
			continue;
		double gave, got;
		score_service_shares(p, &ev[i], &gave, &got);
		int64_t dt = sc->ref_at - ev[i].at;
		double fb = score_decay(dt, hb);
		sc->warm_sum += w * score_decay(dt, h);
		sc->gave_sum += gave * fb;
		sc->got_sum += got * fb;
	}
}

void score_cache_build(struct score_cache *sc, const struct score_params *p,
                       const struct score_event *ev, size_t n, int family)
{
	score_cache_build_until(sc, p, ev, n, family, INT64_MAX);
}

int score_cache_has_future(const struct score_cache *sc, int64_t now)
{
	return sc->n > 0 && sc->max_at > now;
}

/* x/(x+k) for x >= 0, kept below 1 even where rounding would reach it. */
static double score_saturate(double x, double k)
{
	if (!(x > 0.0))
		return 0.0;
	double v = x / (x + k);
	return v < 1.0 ? v : nextafter(1.0, 0.0);
}

static double score_importance(const struct score_params *p, enum circle c)
{
	int layer = (unsigned)c < CIRCLE_COUNT ? p->layer[c] : 0;
	return layer > 0 ? sqrt(5.0 / layer) : 0.0;
}

static enum score_status score_status_of(const struct score *s, const struct score_params *p)
{
	if (s->days_since >= p->dormant_days)
		return STATUS_DORMANT;
	if (s->cadence <= 0 || s->ratio < SCORE_DUE_RATIO)
		return STATUS_OK;
	if (s->ratio < SCORE_COLD_RATIO)
		return STATUS_DUE;
	if (s->ratio < SCORE_DORMANT_RATIO)
		return STATUS_COLD;
	return STATUS_DORMANT;
}

void score_compute_subject(struct score *out, const struct score_subject *c,
                           const struct score_cache *sc, const struct score_params *p,
                           int64_t now)
{
	memset(out, 0, sizeof *out);
	double h = score_half_life(p, c->family);
	double hb = p->half_life_balance;

	/* Warmth, now and at the last contact. Every weighted interaction is a
	 * non-note, so ref_at <= last_at whenever the sums are not 0. */
	out->W = sc->warm_sum > 0.0 ? sc->warm_sum * score_decay(now - sc->ref_at, h) : 0.0;
	out->warmth = score_saturate(out->W, p->warmth_k);
	out->last_contact = sc->last_at;
	if (sc->last_at != 0 && sc->warm_sum > 0.0) {
		double wl = sc->warm_sum * score_decay(sc->last_at - sc->ref_at, h);
		out->warmth_last = score_saturate(wl, p->warmth_k);
	}

	/* Recency. */
	int64_t since = sc->last_at != 0 ? sc->last_at : c->created_at;
	out->days_since = now > since ? (double)(now - since) / SCORE_DAY : 0.0;
	out->cadence = score_subject_cadence(c, p);
	if (out->cadence > 0) {
		out->ratio = out->days_since / out->cadence;
		out->recency = score_saturate(out->ratio * out->ratio, 1.0);
	}

	/* Give and take. */
	if (sc->gave_sum > 0.0)
		out->G = sc->gave_sum * score_decay(now - sc->ref_at, hb);
	if (sc->got_sum > 0.0)
		out->R = sc->got_sum * score_decay(now - sc->ref_at, hb);
	double d = out->G - out->R;
	double b = d / (out->G + out->R + 1.0);
	double lim = nextafter(1.0, 0.0);
	out->balance = b > lim ? lim : b < -lim ? -lim : b;
	out->owed = score_saturate(-d, p->owed_k);
	out->owe = -d >= p->owe_min && out->balance <= p->owe_balance;

	/* Importance, attention, status. */
	out->importance = score_importance(p, c->circle);
	out->attention_recency = out->importance * out->recency * (0.5 + 0.5 * out->warmth_last);
	out->attention_owed = SCORE_OWED_WEIGHT * out->owed;
	out->attention = out->attention_recency + out->attention_owed;
	out->status = score_status_of(out, p);
}

double score_attention_bound(const struct score_params *p, enum circle c,
                             const struct score_cache *sc)
{
	double owed = sc == NULL ? 1.0 : score_saturate(sc->got_sum - sc->gave_sum, p->owed_k);
	return score_importance(p, c) + SCORE_OWED_WEIGHT * owed;
}

void score_compute(struct score *out, const struct contact *c, const struct score_params *p,
                   int64_t now)
{
	struct score_subject subj;
	score_subject_of(&subj, c, p);
	score_compute_subject(out, &subj, &c->sc, p, now);
}

void score_compute_events(struct score *out, const struct contact *c, const struct score_params *p,
                          const struct score_event *ev, size_t n, int64_t now)
{
	struct score_subject subj;
	struct score_cache sc;
	score_subject_of(&subj, c, p);
	score_cache_build_until(&sc, p, ev, n, subj.family, now);
	score_compute_subject(out, &subj, &sc, p, now);
}

void score_brief_of(struct score_brief *out, const struct score *s)
{
	out->status = s->status;
	out->owe = s->owe;
	out->last_contact = s->last_contact;
	out->attention = s->attention;
	out->warmth = s->warmth;
	out->recency = s->recency;
	out->balance = s->balance;
	out->importance = s->importance;
	out->days_since = s->days_since;
}
