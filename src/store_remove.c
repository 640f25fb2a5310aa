/* store_remove.c: removing and merging contacts, with the tombstones that keep
 * a merge of journals from bringing deleted records back (DESIGN.md §3, §8).
 * Depends on sqlite3. */
#include "store_int.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

/* Runs a one-off statement to its end, binding a, b, c to as many parameters
 * as it has. */
static int store_run3(struct store *st, const char *sql, int64_t a, int64_t b, int64_t c,
                      char **cause)
{
	sqlite3_stmt *s = store_prepare(st, sql, cause);
	if (s == NULL)
		return -1;
	static const char *const fmt[] = {"", "i", "ii", "iii"};
	int np = sqlite3_bind_parameter_count(s);
	int rc = np > 3 ? err_set(cause, "store: %d parameters", np)
	                : store_bind(st, s, cause, fmt[np], a, b, c);
	if (rc == 0)
		rc = store_step_done(st, s, cause);
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return rc;
}

static int store_contact_delete(struct store *st, const struct contact_ref *r, int64_t now,
                                char **cause)
{
	if (store_tombstone_put(st, r->id, "contact", now, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_CONTACT_DELETE, cause);
	if (s == NULL || store_bind(st, s, cause, "i", r->rowid) != 0)
		return -1;
	return store_step_done(st, s, cause);
}

int store_tx_contact_remove(struct store *st, int64_t rowid, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	struct contact_ref r;
	if (store_contact_ref_get(st, rowid, &r, cause) != 0)
		return -1;
	/* the interactions that were with this contact alone go with it; the
	 * others stay with their other contacts, whose caches do not change */
	int rc = store_run3(st,
	                    "INSERT INTO tombstone (uuid, kind, deleted_at) "
	                    "SELECT i.uuid, 'interaction', ?2 FROM interaction i "
	                    "WHERE i.id IN (SELECT interaction_id FROM interaction_contact "
	                    "WHERE contact_id = ?1) AND NOT EXISTS (SELECT 1 FROM "
	                    "interaction_contact o WHERE o.interaction_id = i.id "
	                    "AND o.contact_id <> ?1) ON CONFLICT (uuid) DO UPDATE "
	                    "SET deleted_at = max(deleted_at, excluded.deleted_at)",
	                    rowid, now, 0, cause);
	if (rc == 0)
		rc = store_run3(st,
		                "DELETE FROM interaction WHERE id IN (SELECT interaction_id "
		                "FROM interaction_contact WHERE contact_id = ?1) AND NOT EXISTS "
		                "(SELECT 1 FROM interaction_contact o "
		                "WHERE o.interaction_id = interaction.id AND o.contact_id <> ?1)",
		                rowid, 0, 0, cause);
	if (rc == 0)
		rc = store_run3(st,
		                "INSERT INTO tombstone (uuid, kind, deleted_at) "
		                "SELECT uuid, 'followup', ?2 FROM followup WHERE contact_id = ?1 "
		                "ON CONFLICT (uuid) DO UPDATE "
		                "SET deleted_at = max(deleted_at, excluded.deleted_at)",
		                rowid, now, 0, cause);
	if (rc == 0)
		rc = store_contact_delete(st, &r, now, cause);
	if (rc != 0)
		err_wrap(cause, "removing %s: ", r.name);
	contact_ref_free(&r);
	return rc;
}

int store_contact_remove_count(struct store *st, int64_t rowid, struct store_remove_count *out,
                               char **cause)
{
	memset(out, 0, sizeof *out);
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(
		st,
		"SELECT (SELECT count(*) FROM followup WHERE contact_id = ?1), "
		"count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM interaction_contact o "
		"WHERE o.interaction_id = ic.interaction_id AND o.contact_id <> ?1)), "
		"count(*) FILTER (WHERE EXISTS (SELECT 1 FROM interaction_contact o "
		"WHERE o.interaction_id = ic.interaction_id AND o.contact_id <> ?1)) "
		"FROM interaction_contact ic WHERE ic.contact_id = ?1",
		cause);
	int rc = s == NULL || store_bind(st, s, cause, "i", rowid) != 0 ? -1
	                                                               : store_step(st, s, cause);
	if (rc == 1) {
		out->followups = sqlite3_column_int64(s, 0);
		out->interactions = sqlite3_column_int64(s, 1);
		out->shared = sqlite3_column_int64(s, 2);
		rc = 0;
	} else if (rc == 0) {
		rc = err_set(cause, "store: no count of what goes with contact %" PRId64, rowid);
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return store_snap_end(st, own, rc, cause);
}

int store_tx_contact_merge(struct store *st, int64_t keep, int64_t other, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	if (keep == other)
		return err_set(cause, "a contact cannot be merged into itself");
	struct contact k, o;
	int rc = store_contact_get(st, keep, &k, cause);
	if (rc == 1)
		return err_set(cause, "the contact to keep is " STORE_CONTACT_GONE);
	if (rc != 0)
		return -1;
	rc = store_contact_get(st, other, &o, cause);
	if (rc != 0) {
		contact_free(&k);
		if (rc == 1)
			return err_set(cause, "the contact to merge is " STORE_CONTACT_GONE);
		return -1;
	}
	/* the interactions that change hands are changed records: a journal
	 * merging this one's export takes them with their new contact */
	rc = store_run3(st,
	                "UPDATE interaction SET updated_at = max(updated_at, ?2) WHERE id IN "
	                "(SELECT interaction_id FROM interaction_contact WHERE contact_id = ?1)",
	                other, now, 0, cause);
	if (rc == 0)
		rc = store_run3(st,
		                "INSERT OR IGNORE INTO interaction_contact (interaction_id, "
		                "contact_id, pos) SELECT interaction_id, ?1, pos FROM "
		                "interaction_contact WHERE contact_id = ?2",
		                keep, other, 0, cause);
	if (rc == 0)
		rc = store_run3(st,
		                "UPDATE followup SET contact_id = ?1, updated_at = ?3 "
		                "WHERE contact_id = ?2",
		                keep, other, now, cause);
	if (rc == 0) {
		(void)contact_merge(&k, &o, 0);
		rc = store_tx_contact_update(st, &k, now, cause);
	}
	if (rc == 0) {
		struct contact_ref r = {o.rowid, {0}, o.name, o.org};
		memcpy(r.id, o.id, sizeof r.id);
		rc = store_contact_delete(st, &r, now, cause);
	}
	if (rc == 0)
		rc = store_tx_rescore(st, keep, cause);
	if (rc != 0)
		err_wrap(cause, "merging %s into %s: ", o.name, k.name);
	contact_free(&k);
	contact_free(&o);
	return rc;
}
