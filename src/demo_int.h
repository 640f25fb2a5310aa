/* demo_int.h: what the demo generator's files share: its seeded random numbers,
 * the plan of the network (people, events, counts) that demo_plan.c draws and
 * demo.c writes. Depends on demo.h, demo_data.h and buf.h. */
#ifndef KITH_DEMO_INT_H
#define KITH_DEMO_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "demo.h"
#include "demo_data.h"

#define DEMO_HISTORY_DAYS 730 /* the journal covers the last two years */

/* xoshiro256**, seeded through splitmix64. */
struct demo_rng {
	uint64_t s[4];
};

void demo_rng_seed(struct demo_rng *r, uint64_t seed);
uint64_t demo_rng_next(struct demo_rng *r);
double demo_rng_unit(struct demo_rng *r);                        /* [0, 1) */
double demo_rng_range(struct demo_rng *r, double lo, double hi); /* [lo, hi) */
size_t demo_rng_below(struct demo_rng *r, size_t n);             /* [0, n); 0 when n < 2 */
int demo_rng_chance(struct demo_rng *r, int pct);                /* 1 with pct percent */
size_t demo_rng_weighted(struct demo_rng *r, const int *w, size_t n);
const char *demo_rng_item(struct demo_rng *r, enum demo_list l);
/* A version 4 UUID in lower-case text form drawn from r. */
void demo_rng_uuid(struct demo_rng *r, char out[ID_LEN + 1]);

/* How a contact's last contact is placed against its cadence (the review's signal). */
enum demo_profile {
	DEMO_P_OK,      /* within cadence */
	DEMO_P_DUE,     /* 1 <= r < 2 */
	DEMO_P_COLD,    /* 2 <= r < 8 */
	DEMO_P_DORMANT, /* r >= 8, after a warm period */
	DEMO_P_NEW,     /* met in the last two weeks, one interaction, no follow-up */
	DEMO_P_OWE,     /* services received lately, none returned */
	DEMO_P_GIVER,   /* services given, far more than received */
	DEMO_P_COUNT
};

#define DEMO_NONE8 0xff

struct demo_person {
	int64_t rowid;
	int64_t first_at, last_at; /* their interactions lie in [first_at, last_at] */
	int64_t last_rowid;        /* the last interaction of their own stream; 0: none */
	uint32_t n;                /* interactions of their own stream */
	uint32_t order;            /* position in the plan before sorting */
	int32_t met_event;         /* the event where they were met; -1: none */
	int32_t cadence;           /* cadence override in days; 0: the circle's */
	uint8_t circle, kind, profile, arch;
	uint8_t culture, given, family, native;
	uint8_t org;    /* index in the organisations of the archetype's type */
	uint8_t role;   /* index in the archetype's roles */
	uint8_t series; /* event series they go to; DEMO_NONE8: none */
};

struct demo_event {
	int64_t at;
	uint32_t series;
	uint32_t order;
};

struct demo_gen {
	struct store *st;
	const struct demo_options *o;
	const struct score_params *sp;
	demo_progress_fn progress;
	void *arg;
	struct demo_rng rng; /* the content */
	struct demo_rng ids; /* the uuids */
	uint64_t id_salt;    /* mixed into the uuid stream: 0 for an empty journal */
	int64_t now, today, week_end;
	struct demo_person *p;
	size_t np;
	struct demo_event *ev;
	size_t nev;
	size_t nintro;     /* introductions of one contact to another */
	uint32_t *met_off; /* people met at event k: met_list[met_off[k] .. met_off[k+1]] */
	uint32_t *met_list;
	uint32_t *ser_off; /* people who go to series s: ser_list[ser_off[s] .. ser_off[s+1]] */
	uint32_t *ser_list;
	size_t nfollow;
	uint8_t family_name;
	size_t done, total, step, next_report, reported;
	struct demo_stats stats;
};

/* Draws the whole plan from g->o and g->rng (people sorted by first meeting).
 * Fails only on impossible options. */
int demo_plan(struct demo_gen *g, char **cause);
void demo_plan_free(struct demo_gen *g);

/* A local time on t's day between hours lo and hi (fractions allowed), never
 * after g->now. */
int64_t demo_at_hour(struct demo_gen *g, int64_t t, double lo, double hi);
/* 1 when t lies in the span of p's interactions. */
int demo_person_spans(const struct demo_person *p, int64_t t);
/* Appends p's display name (full) or the name to call them by (!full). */
void demo_person_name(struct buf *b, const struct demo_person *p, int full);
/* The organisation of p; NULL when none. */
const struct demo_org *demo_person_org(const struct demo_person *p);
/* Appends the name of an edition of series s held at t ("DevConf 2025"). */
void demo_event_name(struct buf *b, size_t s, int64_t t);

/* ---- writing (demo.c, demo_stream.c) ---- */

/* Counts one record written and reports progress now and then. */
void demo_tick(struct demo_gen *g);

/* What a template is about: one contact, or the two of an introduction. */
struct demo_ctx {
	const struct demo_person *p, *a, *b;
	int64_t at;
	long series; /* the event series for {event}; -1: the contact's, else any */
};

/* Replaces out with tpl, its {placeholders} filled (demo_data.h). */
void demo_expand(struct demo_gen *g, struct buf *out, const char *tpl, const struct demo_ctx *cx);
/* A conference or meetup series, by weight. */
long demo_any_series(struct demo_gen *g);

/* Every interaction of the plan, in time order: events, introductions and
 * each person's own stream, merged. */
int demo_write_interactions(struct demo_gen *g, struct buf *b, char **cause);

#endif
