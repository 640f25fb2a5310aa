/* store_roster.c: names, organisations, tags and rank values of every
 * contact in one scan, or of given ones, and their count (store_roster.h),
 * for the contacts pane's rows and its live filter. Part of the store. */
#include "store_roster.h"

#include "err.h"
#include "model.h"
#include "store_int.h"

const char *store_roster_sql(void)
{
	return "SELECT id, name, org, name_folded, rank FROM contact"
	       " WHERE archived_at IS NULL ORDER BY id";
}

/* Text column i of s and its length in bytes ("" when NULL): one look at
 * the column's value serves both. */
static const char *store_roster_text(sqlite3_stmt *s, int i, size_t *len)
{
	sqlite3_value *v = sqlite3_column_value(s, i);
	const char *t = (const char *)sqlite3_value_text(v);
	if (t == NULL) {
		*len = 0;
		return "";
	}
	*len = (size_t)sqlite3_value_bytes(v);
	return t;
}

/* Two scans in rowid order, merged: the contacts (s), and their tags (t) in
 * the order of the tag table's key (contact, tag), so that no contact costs a
 * lookup of its own; the family tag is recognised among the tags on the way
 * (model_tag_equal, the test ranking applies), so no scan of the tag index is
 * needed for it. Each column is read once, its length with it, and the
 * contact of the tag row in hand is read once a step. Both statements are
 * reset at the end, for the next bindings. */
static int store_roster_merge(struct store *st, sqlite3_stmt *s, sqlite3_stmt *t,
                              store_roster_fn fn, void *arg, struct buf *tags, char **cause)
{
	const char *family_tag = st->params.family_tag;
	struct store_rank_row rank;
	int rc, trc = store_step(st, t, cause);
	int64_t tid = trc == 1 ? sqlite3_column_int64(t, 0) : 0;
	while (trc >= 0 && (rc = store_step(st, s, cause)) == 1) {
		struct store_roster_row row;
		row.rowid = sqlite3_column_int64(s, 0);
		int family = 0;
		buf_reset(tags);
		for (; trc == 1 && tid <= row.rowid; trc = store_step(st, t, cause),
		                                     tid = trc == 1 ? sqlite3_column_int64(t, 0) : 0) {
			if (tid != row.rowid)
				continue;
			size_t len;
			const char *tag = store_roster_text(t, 1, &len);
			if (tags->len > 0)
				buf_putc(tags, ' ');
			buf_add(tags, tag, len);
			if (*family_tag != '\0' && model_tag_equal(tag, family_tag))
				family = 1;
		}
		row.name = store_roster_text(s, 1, &row.name_len);
		row.org = store_roster_text(s, 2, &row.org_len);
		row.folded = store_roster_text(s, 3, &row.folded_len);
		sqlite3_value *v = sqlite3_column_value(s, 4);
		if (store_rank_row_fill(st, row.rowid, sqlite3_value_blob(v), sqlite3_value_bytes(v),
		                        NULL, 0, &rank, cause) != 0) {
			rc = -1;
			break;
		}
		rank.subj.family = family;
		row.tags = buf_str(tags);
		row.tags_len = tags->len;
		row.rank = &rank;
		rc = fn(arg, &row, cause);
		if (rc != 0)
			break;
	}
	if (trc < 0)
		rc = -1;
	(void)sqlite3_reset(s); /* repeat the steps' results, seen above */
	(void)sqlite3_reset(t);
	return rc < 0 ? -1 : 0;
}

/* The contact and the tag statements of a roster read into *s and *t: 0,
 * or -1 with *cause and neither left prepared. */
static int store_roster_prepare(struct store *st, const char *contacts, const char *tags,
                                sqlite3_stmt **s, sqlite3_stmt **t, char **cause)
{
	*s = store_prepare(st, contacts, cause);
	if (*s == NULL)
		return -1;
	*t = store_prepare(st, tags, cause);
	if (*t == NULL) {
		(void)sqlite3_finalize(*s);
		return -1;
	}
	return 0;
}

/* Every contact: the contact scan reads the covering index contact_roster
 * (store_schema.c), in id order, not the table's wider rows. */
static int store_roster_read(struct store *st, store_roster_fn fn, void *arg, char **cause)
{
	sqlite3_stmt *s, *t;
	if (store_roster_prepare(st, store_roster_sql(),
	                         "SELECT contact_id, tag FROM contact_tag ORDER BY contact_id, tag", &s,
	                         &t, cause) != 0)
		return -1;
	struct buf tags;
	buf_init(&tags);
	int rc = store_roster_merge(st, s, t, fn, arg, &tags, cause);
	(void)sqlite3_finalize(s);
	(void)sqlite3_finalize(t);
	buf_free(&tags);
	return rc;
}

/* The contacts rowids[0..n), one lookup each through the same merge. */
static int store_roster_read_of(struct store *st, const int64_t *rowids, size_t n,
                                store_roster_fn fn, void *arg, char **cause)
{
	sqlite3_stmt *s, *t;
	if (store_roster_prepare(st,
	                         "SELECT id, name, org, name_folded, rank FROM contact"
	                         " WHERE archived_at IS NULL AND id = ?1",
	                         "SELECT contact_id, tag FROM contact_tag WHERE contact_id = ?1"
	                         " ORDER BY tag",
	                         &s, &t, cause) != 0)
		return -1;
	struct buf tags;
	buf_init(&tags);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		int brc = sqlite3_bind_int64(s, 1, rowids[i]);
		if (brc == SQLITE_OK)
			brc = sqlite3_bind_int64(t, 1, rowids[i]);
		rc = brc != SQLITE_OK ? store_fail(st, brc, cause)
		                      : store_roster_merge(st, s, t, fn, arg, &tags, cause);
	}
	(void)sqlite3_finalize(s);
	(void)sqlite3_finalize(t);
	buf_free(&tags);
	return rc;
}

int store_contact_roster(struct store *st, store_roster_fn fn, void *arg, char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = store_roster_read(st, fn, arg, cause);
	return store_snap_end(st, own, rc, cause);
}

int store_contact_roster_of(struct store *st, const int64_t *rowids, size_t n, store_roster_fn fn,
                            void *arg, char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = store_roster_read_of(st, rowids, n, fn, arg, cause);
	return store_snap_end(st, own, rc, cause);
}

int store_contact_roster_count(struct store *st, size_t *out, char **cause)
{
	/* all of them, which SQLite counts a page at a time without reading the
	 * rows, less the archived ones, the few found through an index */
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT (SELECT count(*) FROM contact) - (SELECT count(*)"
	                                " FROM contact WHERE archived_at IS NOT NULL)",
	                                cause);
	if (s == NULL)
		return -1;
	int rc = store_step(st, s, cause);
	if (rc == 1)
		*out = (size_t)sqlite3_column_int64(s, 0);
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return rc == 1 ? 0 : rc == 0 ? err_set(cause, "no count of the contacts") : -1;
}
