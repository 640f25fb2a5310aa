/* store_load.c: one record read by its key (rowid or uuid) in one snapshot,
 * the same way for contacts and interactions (store_int.h struct
 * store_loader). Part of the store; depends on sqlite3. */
#include "store_int.h"

int store_load(struct store *st, enum store_stmt id, int64_t rowid, const char *uuid,
               const struct store_loader *how, void *out, char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = NULL;
	int rc = store_step_key(st, id, rowid, uuid, &s, cause);
	if (rc == 1) {
		how->columns(s, out);
		store_reset(s);
		rc = how->parts(st, out, cause);
		if (rc != 0)
			how->release(out);
	} else if (rc == 0) {
		rc = 1;
	}
	return store_snap_end(st, own, rc, cause);
}
