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

#endif
