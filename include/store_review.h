/* store_review.h: loads what the weekly review needs (review.h) from the
 * journal in one read snapshot. Part of the store; depends on store.h and
 * review.h. */
#ifndef KITH_STORE_REVIEW_H
#define KITH_STORE_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "review.h"
#include "store.h"

/* The loaded journal; `in` points into the arrays below, which it owns. */
struct store_review {
	struct review_input in;
	struct contact *contacts; /* not archived, by name */
	size_t ncontacts;
	struct review_person *people; /* one per contact, same order */
	struct interaction **timelines; /* per person; NULL when not loaded */
	size_t *ntimelines;
	struct followup *followups;
	size_t nfollowups;
	struct interaction *recent;
	size_t nrecent;
};

/* Loads the review's input at now with parameters p into *out (caller's
 * storage; free with store_review_free, also after a failure). Contacts are
 * scored as store_contact_score does; a contact's interactions are read only
 * when review_person_wants_timeline() asks for them, those of all such
 * contacts together (store_timelines: without each interaction's contacts). */
int store_review_load(struct store *st, const struct score_params *p, int64_t now,
                      struct store_review *out, char **cause);
void store_review_free(struct store_review *r);

#endif
