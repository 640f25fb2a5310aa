/* store_sync.c: what the JSON Lines export and `kith sync` need of the store:
 * every record's uuid in order, and the key/value rows of the meta table
 * (DESIGN.md §8). Depends on sqlite3. */
#include "store_int.h"

#include <string.h>

#include "err.h"

int store_each_uuid(struct store *st, const char *kind, store_uuid_fn fn, void *arg, char **cause)
{
	static const char *const sql[][2] = {
		{"contact", "SELECT uuid FROM contact ORDER BY uuid"},
		{"interaction", "SELECT uuid FROM interaction ORDER BY uuid"},
		{"followup", "SELECT uuid FROM followup ORDER BY uuid"},
		{"tombstone", "SELECT uuid FROM tombstone ORDER BY uuid"},
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
