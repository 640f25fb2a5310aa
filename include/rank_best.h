/* rank_best.h: the k contacts with the most attention among those a filter
 * admits, found without reading the others: `kith list --limit` and the
 * full-screen program's first screen. Core; depends on store.h, score.h. */
#ifndef KITH_RANK_BEST_H
#define KITH_RANK_BEST_H

#include <stddef.h>
#include <stdint.h>

#include "score.h"
#include "store.h"

/* What the caller does with the rows found; arg is the caller's. */
struct rank_best_ops {
	/* Takes one contact's row (valid during the call): the caller scores it
	 * at now and keeps it. 0, or -1 with *cause. */
	store_rank_fn take;
	/* Once the contacts with interactions after now are taken (NULL: nothing
	 * to do): 0, or -1 with *cause (NULL: the callback reported it). */
	int (*taken_future)(void *arg, char **cause);
	/* Keeps the k best of the rows taken, in the caller's order (attention
	 * first), or all of them when fewer; returns how many it keeps, with the
	 * attention of the k-th best in *kth when that is k. */
	size_t (*trim)(void *arg, size_t k, double *kth);
};

/* Calls ops->take for the contacts f admits with interactions after now,
 * then circle by circle, the circles that could hold the most attention
 * first, in the order of what their contacts are owed, until no contact left
 * could have more attention than the k-th best kept (score_attention_bound);
 * ops->trim keeps the caller's rows few. Every contact among the k best of
 * all f admits, ties at the k-th included, is taken. k >= 1; f must leave out
 * the archived contacts. 0, or -1 with *cause (NULL when a callback reported
 * the problem itself). */
int rank_best(struct store *st, const struct score_params *p,
              const struct store_contact_filter *f, int64_t now, size_t k,
              const struct rank_best_ops *ops, void *arg, char **cause);

#endif
