/* demo.h: a generated professional network (contacts, interactions, follow-ups)
 * that looks like a real person's, for first runs, screenshots and benchmarks.
 * Deterministic: the same options give the same journal. Depends on store.h. */
#ifndef KITH_DEMO_H
#define KITH_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* Hard limits, so that a typing slip cannot ask for terabytes. */
#define DEMO_CONTACTS_MAX ((size_t)2000000)
#define DEMO_INTERACTIONS_MAX ((size_t)50000000)

struct demo_options {
	size_t contacts;     /* at least 1 */
	size_t interactions; /* 0 is allowed: contacts only */
	uint64_t seed;       /* the same seed and now give the same journal */
	int64_t now;         /* Unix seconds; every time is derived from it, none after it */
	int force;           /* add to a journal that already has records */
};

/* 150 contacts, 2,500 interactions, seed 1, force off; now is 0 and must be
 * set by the caller (the core never reads the clock). */
void demo_options_default(struct demo_options *o);

struct demo_stats {
	size_t contacts, interactions, followups;
	size_t services_given, services_got; /* service interactions by direction (not mutual) */
};

/* Called from inside the write transaction, now and then and once at the end
 * with done == total (total = contacts + interactions + follow-ups). When the
 * transaction is retried because the database is busy, done starts again at 0. */
typedef void (*demo_progress_fn)(void *arg, size_t done, size_t total);

/* Writes the demo network in one transaction (all or nothing) and rescores
 * every contact. Refuses a journal that has records unless o->force; with force,
 * ids are drawn from a stream salted with the journal's record counts so that
 * they do not collide with an earlier demo. progress may be NULL; out (may be
 * NULL) receives the counts written. Returns 0, or -1 with *cause (caller frees). */
int demo_generate(struct store *st, const struct demo_options *o, demo_progress_fn progress,
                  void *arg, struct demo_stats *out, char **cause);

#endif
