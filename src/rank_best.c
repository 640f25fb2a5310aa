/* rank_best.c: the k contacts with the most attention, read in the order
 * that lets the search stop early (rank_best.h). Core; depends on store.h
 * and score.h. */
#include "rank_best.h"

/* The search: the caller's rows, how many it keeps, and the attention of the
 * k-th best kept once there are k, which a contact must be able to reach to
 * be taken. */
struct rank_best {
	const struct rank_best_ops *ops;
	void *arg;
	const struct score_params *p;
	int64_t now;
	size_t k, kept;
	int have;   /* k kept: kth holds */
	double kth; /* the k-th best attention kept */
	enum circle circle; /* of the scan under way */
};

static void rank_best_trim(struct rank_best *b)
{
	double kth = 0.0;
	b->kept = b->ops->trim(b->arg, b->k, &kth);
	if (b->kept >= b->k) {
		b->have = 1;
		b->kth = kth;
	}
}

/* A bound below the k-th best, with room for rounding: the contact and every
 * contact after it in the scan's order have less attention than k others. */
static int rank_best_beaten(const struct rank_best *b, double bound)
{
	return b->have && b->kth > bound + 1e-9;
}

/* A row of the scan by what is owed: rows with interactions after now came
 * from their own scan. */
static int rank_best_take(void *arg, const struct store_rank_row *row, char **cause)
{
	struct rank_best *b = arg;
	if (score_cache_has_future(&row->sc, b->now))
		return 0;
	if (rank_best_beaten(b, score_attention_bound(b->p, b->circle, &row->sc)))
		return 1;
	if (b->ops->take(b->arg, row, cause) != 0)
		return -1;
	if (++b->kept >= 4 * b->k + 1024)
		rank_best_trim(b);
	return 0;
}

int rank_best(struct store *st, const struct score_params *p,
              const struct store_contact_filter *f, int64_t now, size_t k,
              const struct rank_best_ops *ops, void *arg, char **cause)
{
	struct rank_best b = {ops, arg, p, now, k, 0, 0, 0.0, CIRCLE_INNER};
	*cause = NULL;
	if (store_contact_rank_future(st, f, now, ops->take, arg, cause) != 0)
		return -1;
	if (ops->taken_future != NULL && ops->taken_future(arg, cause) != 0)
		return -1;
	rank_best_trim(&b);
	enum circle order[CIRCLE_COUNT];
	for (int i = 0; i < CIRCLE_COUNT; i++) {
		int at = i;
		for (; at > 0 && score_attention_bound(p, order[at - 1], NULL) <
		                         score_attention_bound(p, (enum circle)i, NULL); at--)
			order[at] = order[at - 1];
		order[at] = (enum circle)i;
	}
	unsigned admitted = f->circles != 0 ? f->circles : (1u << CIRCLE_COUNT) - 1;
	for (int i = 0; i < CIRCLE_COUNT; i++) {
		if (rank_best_beaten(&b, score_attention_bound(p, order[i], NULL)))
			break;
		struct store_contact_filter one = *f;
		one.circles = admitted & (1u << order[i]);
		if (one.circles == 0)
			continue;
		b.circle = order[i];
		if (store_contact_rank_owed(st, &one, rank_best_take, &b, cause) != 0)
			return -1;
		rank_best_trim(&b);
	}
	return 0;
}
