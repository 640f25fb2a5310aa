/* store_sync.c: what the JSON Lines export, `kith sync` and `kith query` need
 * of the store: every record's uuid in order, the key/value rows of the meta
 * table and the mark of change, every contact's e-mail addresses (DESIGN.md
 * §8). Depends on sqlite3. */
#include "store_int.h"

#include <string.h>

#include "err.h"

int store_each_uuid(struct store *st, const char *kind, store_uuid_fn fn, void *arg, char **cause)
{
	static const char *const sql[][2] = {
		{"contact", "SELECT uuid FROM contact ORDER BY uuid"},
		{"interaction", "SELECT uuid FROM interaction ORDER BY uuid"},
		{"followup", "SELECT uuid FROM followup ORDER BY uuid"},
		/* what a contact takes with it first, so that a merge meets the
		 * follow-ups and interactions before their contact */
		{"tombstone", "SELECT uuid FROM tombstone ORDER BY CASE kind WHEN 'followup' THEN 0 "
		              "WHEN 'interaction' THEN 1 ELSE 2 END, uuid"},
	};
	const char *q = NULL;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
		if (strcmp(sql[i][0], kind) == 0)
			q = sql[i][1];
	if (q == NULL)
		return err_set(cause, "store: no records of kind \"%s\"", kind);
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st, q, cause);
	int rc = s == NULL ? -1 : 1;
	while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
		char id[ID_LEN + 1];
		store_col_id(s, 0, id);
		if (fn(st, arg, id, cause) != 0) {
			store_reset(s);
			rc = -1;
		}
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return store_snap_end(st, own, rc, cause);
}

int store_meta_get(struct store *st, const char *key, char **value, char **cause)
{
	*value = NULL;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_META_GET, cause);
	int rc = s == NULL || store_bind(st, s, cause, "t", key) != 0 ? -1 : store_step(st, s, cause);
	if (rc == 1) {
		*value = store_col_str(s, 0);
		store_reset(s);
		rc = 0;
	} else if (rc == 0) {
		rc = 1;
	}
	return store_snap_end(st, own, rc, cause);
}

int store_tx_meta_set(struct store *st, const char *key, const char *value, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_META_SET, cause);
	if (s == NULL || store_bind(st, s, cause, "tt", key, value) != 0)
		return -1;
	return store_step_done(st, s, cause);
}

int store_tx_meta_note(struct store *st, const char *key, const char *value, char **cause)
{
	if (value != NULL && store_tx_meta_set(st, key, value, cause) != 0)
		return -1;
	if (value == NULL) {
		sqlite3_stmt *s = store_stmt(st, STORE_SQL_META_DELETE, cause);
		if (s == NULL || store_bind(st, s, cause, "t", key) != 0 ||
		    store_step_done(st, s, cause) != 0)
			return -1;
	}
	st->quiet += sqlite3_changes64(st->db);
	return 0;
}

int store_meta_each(struct store *st, const char *prefix, store_meta_fn fn, void *arg,
                    char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT key, value FROM meta WHERE substr(key, 1, "
	                                "length(?1)) = ?1 ORDER BY key",
	                                cause);
	int rc = s == NULL || store_bind(st, s, cause, "t", prefix) != 0 ? -1 : 1;
	while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
		const char *k = (const char *)sqlite3_column_text(s, 0);
		const char *v = (const char *)sqlite3_column_text(s, 1);
		if (k != NULL && v != NULL && fn(arg, k, v, cause) != 0) {
			store_reset(s);
			rc = -1;
		}
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return store_snap_end(st, own, rc, cause);
}

int store_changes_mark(struct store *st, int64_t *mark, char **cause)
{
	*mark = 0;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_META_GET, cause);
	int rc = s == NULL || store_bind(st, s, cause, "t", "data.changes") != 0
	                 ? -1
	                 : store_step(st, s, cause);
	if (rc == 1) {
		*mark = sqlite3_column_int64(s, 0);
		store_reset(s);
	}
	return store_snap_end(st, own, rc < 0 ? -1 : 0, cause);
}

int store_contact_emails(struct store *st, store_email_fn fn, void *arg, char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT c.id, c.name, c.name_folded, c.org, f.value, "
	                                "c.archived_at IS NOT NULL FROM contact_field f "
	                                "JOIN contact c ON c.id = f.contact_id "
	                                "WHERE f.kind = 'email' ORDER BY f.contact_id, f.pos",
	                                cause);
	int rc = s == NULL ? -1 : 1;
	while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
		struct store_email_row row = {
			sqlite3_column_int64(s, 0),
			(const char *)sqlite3_column_text(s, 1),
			(const char *)sqlite3_column_text(s, 2),
			(const char *)sqlite3_column_text(s, 3),
			(const char *)sqlite3_column_text(s, 4),
			sqlite3_column_int(s, 5),
		};
		if (row.name == NULL || row.name_folded == NULL || row.org == NULL || row.email == NULL)
			continue;
		if (fn(arg, &row, cause) != 0) {
			store_reset(s);
			rc = -1;
		}
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return store_snap_end(st, own, rc, cause);
}
