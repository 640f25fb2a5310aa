/* store_roster.c: names, organisations and tags of every contact in one
 * query (store_roster.h), for the contacts pane's rows and its live filter.
 * Part of the store; the only SQLite code is in store*.c. */
#include "store_roster.h"

#include "store_int.h"

static int store_roster_read(struct store *st, store_roster_fn fn, void *arg, char **cause)
{
	sqlite3_stmt *s = store_prepare(
		st,
		"SELECT c.id, c.name, c.org, "
		"(SELECT group_concat(tag, ' ') FROM (SELECT tag FROM contact_tag t "
		"WHERE t.contact_id = c.id ORDER BY tag)) "
		"FROM contact c WHERE c.archived_at IS NULL",
		cause);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		const char *tags = (const char *)sqlite3_column_text(s, 3);
		struct store_roster_row row = {
			sqlite3_column_int64(s, 0),
			(const char *)sqlite3_column_text(s, 1),
			(const char *)sqlite3_column_text(s, 2),
			tags != NULL ? tags : "",
		};
		if (row.name == NULL)
			row.name = "";
		if (row.org == NULL)
			row.org = "";
		rc = fn(arg, &row, cause);
		if (rc != 0)
			break;
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return rc < 0 ? -1 : 0;
}

int store_contact_roster(struct store *st, store_roster_fn fn, void *arg, char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = store_roster_read(st, fn, arg, cause);
	return store_snap_end(st, own, rc, cause);
}
