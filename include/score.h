/* score.h: warmth, recency, give-and-take, importance, attention and status
 * of one contact, exactly as DESIGN.md §4 defines them, and the incremental
 * cache the store keeps per contact. Pure: no SQLite, no clock; `now` and the
 * parameters are arguments. Depends on model.h. */
#ifndef KITH_SCORE_H
#define KITH_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* The parameters; config.c keeps every one within a range that leaves every
 * output bounded and finite (half-lives >= 1 day, weights in [0, 100] ...). */
struct score_params {
	double half_life;         /* H, days: 90 */
	double half_life_family;  /* H for contacts tagged family: 270 */
	double half_life_balance; /* Hb, days: 365 */
	double weight[IKIND_COUNT];
	double deep_factor;        /* 1.5 */
	int cadence[CIRCLE_COUNT]; /* default cadence in days per circle; 0 = none */
	int layer[CIRCLE_COUNT];   /* Dunbar layer size L per circle */
	double warmth_k;           /* 5: warmth = W/(W+k) */
	double owed_k;             /* 3: owed = d/(d+k) */
	double owe_min;            /* 1.5: "I owe" when R-G >= owe_min ... */
	double owe_balance;        /* -1/3: ... and balance <= owe_balance */
	int dormant_days;          /* 1095 */
	char family_tag[32];       /* "family" */
};

/* Fills *p (caller's storage) with the defaults of DESIGN.md §4. */
void score_params_default(struct score_params *p);
/* A digest (FNV-1a, 64 bits, independent of byte order) of every parameter the
 * cache depends on: the three half-lives, the weights, the deep factor and the
 * family tag; not the cadences, layers or thresholds, which the cache does not
 * hold. When it changes the store recomputes every cache. */
uint64_t score_params_digest(const struct score_params *p);

/* One interaction as a contact's score sees it. */
struct score_event {
	int64_t at;
	enum ikind kind;
	enum direction dir;
	int deep;
	/* the service it carries (struct interaction's service); any value that
	 * is not a service means none. The effective service is
	 * model_ikind_service(kind, service). */
	enum ikind service;
};
/* The event of one interaction. */
void score_event_of(struct score_event *out, const struct interaction *in);
/* Weight of an event for warmth: the larger of its kind's and its service's
 * weights, times the deep factor when deep (DESIGN.md §4: it counts once). */
double score_event_weight(const struct score_params *p, const struct score_event *ev);

/* Empties *sc (caller's storage): no interaction, every field 0. */
void score_cache_clear(struct score_cache *sc);
/* Adds one interaction to the cache in O(1). `family` is whether the contact
 * carries the family tag (it selects H; see score_is_family). ref_at is the
 * time of the latest interaction of non-zero weight: a later one rescales the
 * sums to its time, an earlier one adds its decayed weight. An interaction of
 * weight 0 (a note) changes only the counts and times, never the sums. */
void score_cache_add(struct score_cache *sc, const struct score_params *p,
                     const struct score_event *ev, int family);
/* Recomputes the cache from all of a contact's interactions, in any order;
 * equal to adding them one by one (within rounding, 1e-9 relative). */
void score_cache_build(struct score_cache *sc, const struct score_params *p,
                       const struct score_event *ev, size_t n, int family);
/* 1 when the cache holds interactions after `now`, which scores must ignore:
 * the caller then computes with score_compute_events. */
int score_cache_has_future(const struct score_cache *sc, int64_t now);

enum score_status { STATUS_OK, STATUS_DUE, STATUS_COLD, STATUS_DORMANT, STATUS_COUNT };
/* "ok", "due", "cold", "dormant" (static strings; "?" when out of range). */
const char *score_status_name(enum score_status s);

struct score {
	int64_t last_contact; /* 0 when none */
	double days_since;    /* s: days since last contact (or since created) */
	int cadence;          /* C in days, 0 when none */
	double ratio;         /* r = s/C (0 when no cadence) */
	double W;             /* raw warmth sum at now */
	double warmth;        /* W/(W+k) */
	double warmth_last;   /* warmth at the last contact */
	double recency;
	double G, R; /* decayed services given and received */
	double balance;
	double owed;
	int owe; /* 1: "I owe" */
	double importance;
	double attention;
	double attention_recency; /* I·recency·(0.5+0.5·warmth_last): the first term */
	double attention_owed;    /* 0.5·owed: the second term */
	enum score_status status;
};

/* What a ranked list keeps of a score, row by row (`kith list` and the
 * contacts pane). */
struct score_brief {
	enum score_status status;
	int owe;
	int64_t last_contact;
	double attention, warmth, recency, balance, importance, days_since;
};
void score_brief_of(struct score_brief *out, const struct score *s);

/* What a score needs of a contact besides its interactions. */
struct score_subject {
	enum circle circle;
	int cadence_days; /* -1: the circle's default; 0: none; else days */
	int family;       /* carries the family tag */
	int64_t created_at;
};

/* The subject of a full contact record. */
void score_subject_of(struct score_subject *out, const struct contact *c,
                      const struct score_params *p);
/* From a cache and a subject (O(1)): what score_compute does for a contact,
 * for callers that hold no full record (ranking 100k contacts). Must not be
 * used when score_cache_has_future(). */
void score_compute_subject(struct score *out, const struct score_subject *subj,
                           const struct score_cache *sc, const struct score_params *p,
                           int64_t now);
/* The most attention a contact of circle c can have under p at any time from
 * now on: recency and warmth stay below 1, and what is owed only decays from
 * the cache's reference time, so attention stays at or below importance plus
 * the owed term of the cache's sums. sc NULL: any contact of the circle,
 * whatever its interactions. A cache with interactions after now
 * (score_cache_has_future) is no bound of its score. */
double score_attention_bound(const struct score_params *p, enum circle c,
                             const struct score_cache *sc);

/* Fills *out (caller's storage) from the contact's cache c->sc (O(1)). Must not
 * be used when score_cache_has_future(). Every ratio output is bounded:
 * warmth, warmth_last, recency, owed in [0,1), balance in (-1,1). */
void score_compute(struct score *out, const struct contact *c, const struct score_params *p,
                   int64_t now);
/* Fills *out like score_compute, from the contact's interactions (ev, n; any
 * order) instead of its cache, ignoring those after now. Allocates nothing. */
void score_compute_events(struct score *out, const struct contact *c, const struct score_params *p,
                          const struct score_event *ev, size_t n, int64_t now);
/* Weight of one interaction: kind weight times deep factor (when deep). A note
 * weighs 0 whatever the parameters say: it is not contact. */
double score_weight(const struct score_params *p, enum ikind k, int deep);
/* Cadence in days for a contact: its own, else its circle's default; 0 = none. */
int score_cadence(const struct contact *c, const struct score_params *p);
/* 1 when the contact carries p->family_tag (pass it as `family` to the cache
 * functions above); an empty family_tag marks nobody. */
int score_is_family(const struct contact *c, const struct score_params *p);

#endif
