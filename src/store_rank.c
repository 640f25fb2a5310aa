/* store_rank.c: the contacts as ranking sees them (store.h store_contact_rank),
 * read from the covering index contact_rank, family tags from the tag index.
 * Part of the store; the only SQLite code is in store*.c. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store.h"
#include "store_int.h"

static int store_rank_cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The rowids of the contacts carrying the family tag, sorted. */
static int store_rank_family(struct store *st, int64_t **ids, size_t *n, char **cause)
{
	*ids = NULL;
	*n = 0;
	if (st->params.family_tag[0] == '\0')
		return 0;
	sqlite3_stmt *s = store_prepare(
		st, "SELECT contact_id FROM contact_tag INDEXED BY contact_tag_by_tag WHERE tag = ?1",
		cause);
	if (s == NULL)
		return -1;
	int rc = store_bind(st, s, cause, "t", st->params.family_tag);
	size_t cap = 0;
	while (rc == 0 && (rc = store_step(st, s, cause)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*ids = xreallocarray(*ids, cap, sizeof **ids);
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	if (rc < 0)
		return -1;
	if (*n > 1)
		qsort(*ids, *n, sizeof **ids, store_rank_cmp_id);
	return 0;
}

static int store_rank_read(struct store *st, const struct store_contact_filter *f,
                           store_rank_fn fn, void *arg, char **cause)
{
	int64_t *family = NULL;
	size_t nfamily = 0;
	if (store_rank_family(st, &family, &nfamily, cause) != 0)
		return -1;
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT c.id, c.uuid, c.circle, c.cadence_days, c.created_at, c.snoozed_until, "
	               "c.sc_ref_at, c.sc_warm, c.sc_gave, c.sc_got, c.sc_last_at, c.sc_first_at, "
	               "c.sc_max_at, c.sc_n, c.sc_n_service FROM contact c "
	               "WHERE 1");
	int circle = f ? f->circle : -1;
	const char *tag = f ? f->tag : NULL;
	if (f == NULL || !f->archived)
		buf_puts(&sql, " AND c.archived_at IS NULL");
	if (circle >= 0)
		buf_puts(&sql, " AND c.circle = ?1");
	if (tag != NULL)
		buf_puts(&sql, " AND c.id IN (SELECT contact_id FROM contact_tag WHERE tag = ?2)");
	sqlite3_stmt *s = store_prepare(st, buf_str(&sql), cause);
	buf_free(&sql);
	if (s == NULL) {
		free(family);
		return -1;
	}
	int rc = 0;
	if (circle >= 0)
		rc = store_bind(st, s, cause, "t", model_circle_name((enum circle)circle));
	if (rc == 0 && tag != NULL &&
	    sqlite3_bind_text(s, 2, tag, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = store_fail(st, sqlite3_errcode(st->db), cause);
	struct store_rank_row row, *r = &row;
	while (rc == 0 && (rc = store_step(st, s, cause)) == 1) {
		r->rowid = sqlite3_column_int64(s, 0);
		store_col_id(s, 1, r->id);
		const char *circle_name = (const char *)sqlite3_column_text(s, 2);
		if (circle_name == NULL || model_circle_parse(circle_name, &r->subj.circle) != 0)
			r->subj.circle = CIRCLE_OUTER;
		r->subj.cadence_days =
			sqlite3_column_type(s, 3) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 3);
		r->subj.created_at = sqlite3_column_int64(s, 4);
		r->snoozed_until = sqlite3_column_int64(s, 5);
		store_col_cache(s, 6, &r->sc);
		r->subj.family = nfamily > 0 && bsearch(&r->rowid, family, nfamily, sizeof *family,
		                                        store_rank_cmp_id) != NULL;
		rc = fn(arg, r, cause);
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	free(family);
	return rc < 0 ? -1 : 0;
}

int store_contact_rank(struct store *st, const struct store_contact_filter *f, store_rank_fn fn,
                       void *arg, char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = store_rank_read(st, f, fn, arg, cause);
	return store_snap_end(st, own, rc, cause);
}
