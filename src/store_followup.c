/* store_followup.c: follow-ups in the journal (DESIGN.md §3): add, done and
 * reopen, remove with a tombstone, and the lists by due date. Depends on
 * sqlite3. */
#include "store_int.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

#define STORE_FOLLOWUP_SELECT                                                              \
	"SELECT f.id, f.uuid, f.contact_id, c.uuid, c.name, f.due_at, f.text, f.done_at, " \
	"f.interaction_id, f.created_at, f.updated_at "                                    \
	"FROM followup f JOIN contact c ON c.id = f.contact_id"

static void store_col_followup(sqlite3_stmt *s, struct followup *f)
{
	memset(f, 0, sizeof *f);
	f->rowid = sqlite3_column_int64(s, 0);
	store_col_id(s, 1, f->id);
	f->contact_rowid = sqlite3_column_int64(s, 2);
	store_col_id(s, 3, f->contact_id);
	f->contact_name = store_col_str(s, 4);
	f->due_at = sqlite3_column_int64(s, 5);
	f->text = store_col_str(s, 6);
	f->done_at = sqlite3_column_int64(s, 7); /* NULL reads as 0 */
	f->interaction_rowid = sqlite3_column_int64(s, 8);
	f->created_at = sqlite3_column_int64(s, 9);
	f->updated_at = sqlite3_column_int64(s, 10);
}

int store_tx_followup_add(struct store *st, struct followup *f, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	struct contact_ref who;
	if (store_contact_ref_get(st, f->contact_rowid, &who, cause) != 0) {
		if (f->contact_name != NULL && f->contact_name[0] != '\0')
			return err_wrap(cause, "adding a follow-up with %s: ", f->contact_name);
		return err_wrap(cause, "adding a follow-up: ");
	}
	int rc = 0;
	if (f->id[0] == '\0')
		id_new(f->id);
	else if (!id_is_uuid(f->id))
		rc = err_set(cause, "\"%s\" is not a uuid", f->id);
	if (f->created_at == 0)
		f->created_at = now;
	if (f->updated_at == 0)
		f->updated_at = now;
	sqlite3_stmt *s = rc == 0 ? store_stmt(st, STORE_SQL_FOLLOWUP_INSERT, cause) : NULL;
	if (s == NULL ||
	    store_bind(st, s, cause,
	               "tizizii"
	               "t",
	               f->id, f->contact_rowid, f->interaction_rowid, f->due_at, f->done_at,
	               f->created_at, f->updated_at, f->text) != 0 ||
	    store_step_done(st, s, cause) != 0) {
		err_wrap(cause, "adding a follow-up with %s: ", who.name);
		contact_ref_free(&who);
		return -1;
	}
	f->rowid = sqlite3_last_insert_rowid(st->db);
	memcpy(f->contact_id, who.id, sizeof f->contact_id);
	free(f->contact_name);
	f->contact_name = who.name;
	free(who.org);
	return 0;
}

int store_tx_followup_done(struct store *st, int64_t rowid, int done, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_FOLLOWUP_DONE, cause);
	if (s == NULL || store_bind(st, s, cause, "izi", rowid, done ? now : 0, now) != 0 ||
	    store_step_done(st, s, cause) != 0)
		return -1;
	if (sqlite3_changes(st->db) != 1)
		return err_set(cause, "no follow-up with rowid %" PRId64, rowid);
	return 0;
}

int store_tx_followup_update(struct store *st, const struct followup *f, int64_t now,
                             char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st,
	                                "UPDATE followup SET contact_id = ?2, interaction_id = ?3, "
	                                "due_at = ?4, done_at = ?5, updated_at = ?6, text = ?7 "
	                                "WHERE id = ?1",
	                                cause);
	if (s == NULL)
		return -1;
	int rc = store_bind(st, s, cause, "iizizit", f->rowid, f->contact_rowid, f->interaction_rowid,
	                    f->due_at, f->done_at, now, f->text);
	if (rc == 0)
		rc = store_step_done(st, s, cause);
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	if (rc == 0 && sqlite3_changes(st->db) != 1)
		rc = err_set(cause, "no follow-up with rowid %" PRId64, f->rowid);
	return rc;
}

int store_tx_followup_remove(struct store *st, int64_t rowid, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st, "SELECT uuid FROM followup WHERE id = ?1", cause);
	if (s == NULL)
		return -1;
	char id[ID_LEN + 1] = "";
	int rc = store_bind(st, s, cause, "i", rowid) == 0 ? store_step(st, s, cause) : -1;
	if (rc == 1)
		store_col_id(s, 0, id);
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	if (rc == 0)
		return err_set(cause, "no follow-up with rowid %" PRId64, rowid);
	if (rc < 0 || store_tombstone_put(st, id, "followup", now, cause) != 0)
		return -1;
	s = store_stmt(st, STORE_SQL_FOLLOWUP_REMOVE, cause);
	if (s == NULL || store_bind(st, s, cause, "i", rowid) != 0)
		return -1;
	return store_step_done(st, s, cause);
}

/* Runs a follow-up query (prepared for one use, parameters bound) and
 * collects at most limit rows (0: all). */
static int store_followups_collect(struct store *st, sqlite3_stmt *s, size_t limit,
                                   struct followup **out, size_t *n, char **cause)
{
	struct followup *v = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		store_col_followup(s, &v[len++]);
		if (limit != 0 && len >= limit) {
			store_reset(s);
			rc = 0;
			break;
		}
	}
	if (rc != 0) {
		followups_free(v, len);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}

static int store_followups_run(struct store *st, const char *sql, const int64_t *ints, size_t nints,
                               const char *const *texts, size_t ntexts, size_t limit,
                               struct followup **out, size_t *n, char **cause)
{
	*out = NULL;
	*n = 0;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st, sql, cause);
	int rc = s == NULL ? -1 : 0;
	/* ?1 ... are the integers, then the texts; absent ones are skipped */
	for (size_t i = 0; rc == 0 && i < nints + ntexts; i++) {
		char name[24];
		snprintf(name, sizeof name, "?%zu", i + 1);
		int at = sqlite3_bind_parameter_index(s, name);
		if (at <= 0)
			continue;
		int brc = i < nints ? sqlite3_bind_int64(s, at, ints[i])
		                    : sqlite3_bind_text(s, at, texts[i - nints], -1, SQLITE_STATIC);
		if (brc != SQLITE_OK)
			rc = store_fail(st, brc, cause);
	}
	if (rc == 0)
		rc = store_followups_collect(st, s, limit, out, n, cause);
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return store_snap_end(st, own, rc, cause);
}

int store_followups(struct store *st, const struct store_followup_query *q, struct followup **out,
                    size_t *n, char **cause)
{
	struct store_followup_query all = {0, 1, 0};
	if (q == NULL)
		q = &all;
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, STORE_FOLLOWUP_SELECT " WHERE 1");
	if (q->contact_rowid != 0)
		buf_puts(&sql, " AND f.contact_id = ?1");
	if (!q->include_done)
		buf_puts(&sql, " AND f.done_at IS NULL");
	if (q->due_before != 0)
		buf_puts(&sql, " AND f.due_at < ?2");
	buf_puts(&sql, " ORDER BY f.due_at, f.created_at, f.id");
	const int64_t ints[] = {q->contact_rowid, q->due_before};
	int rc = store_followups_run(st, buf_str(&sql), ints, 2, NULL, 0, 0, out, n, cause);
	buf_free(&sql);
	return rc;
}

int store_followup_find_prefix(struct store *st, const char *prefix, size_t limit,
                               struct followup **out, size_t *n, char **cause)
{
	char *lo = xstrdup(prefix);
	for (char *p = lo; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	char *hi = xasprintf("%s\xff", lo);
	const char *texts[] = {lo, hi};
	int rc = store_followups_run(
		st, STORE_FOLLOWUP_SELECT " WHERE f.uuid >= ?1 AND f.uuid < ?2 ORDER BY f.uuid",
		NULL, 0, texts, 2, limit, out, n, cause);
	free(lo);
	free(hi);
	return rc;
}
