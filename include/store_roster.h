/* store_roster.h: the text of every contact a list on screen shows and
 * filters on (name, organisation, tags) and what ranks it, read in one pass
 * for the full-screen program's contacts pane. Part of the store; depends on store.h. */
#ifndef KITH_STORE_ROSTER_H
#define KITH_STORE_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* One contact's labels; the strings are valid during the call only. tags is
 * the contact's tags joined by single spaces ("" when none); folded is the
 * stored folded name (utf8_fold of the name, as name lookups use it). Each
 * *_len is the length in bytes of its text. */
struct store_roster_row {
	int64_t rowid;
	const char *name, *org, *tags, *folded;
	size_t name_len, org_len, tags_len, folded_len;
	const struct store_rank_row *rank; /* the contact as ranking sees it */
};
/* Calls fn for every contact that is not archived, in rowid order;
 * fn returns 0 to go on, -1 (with *cause) to stop with an error, and must not
 * write. Runs in its own snapshot unless called inside store_read. */
typedef int (*store_roster_fn)(void *arg, const struct store_roster_row *row, char **cause);
int store_contact_roster(struct store *st, store_roster_fn fn, void *arg, char **cause);
/* As store_contact_roster, the rows of the contacts rowids[0..n) only, in
 * that order, each as the whole scan gives it; a contact archived or gone
 * meanwhile is passed over. */
int store_contact_roster_of(struct store *st, const int64_t *rowids, size_t n, store_roster_fn fn,
                            void *arg, char **cause);
/* The number of contacts that are not archived, into *out. */
int store_contact_roster_count(struct store *st, size_t *out, char **cause);

#endif
