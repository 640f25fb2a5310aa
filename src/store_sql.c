/* store_sql.c: the SQL of the statements the store keeps prepared, indexed by
 * enum store_stmt. Text only; depends on store_int.h. */
#include "store_int.h"

#define CACHE_COLS                                                                        \
	"sc_ref_at, sc_warm, sc_gave, sc_got, sc_last_at, sc_first_at, sc_max_at, sc_n, " \
	"sc_n_service"

static const char *const store_sql[STORE_SQL_COUNT] = {
	[STORE_SQL_BEGIN] = "BEGIN",
	[STORE_SQL_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[STORE_SQL_COMMIT] = "COMMIT",
	[STORE_SQL_ROLLBACK] = "ROLLBACK",
	[STORE_SQL_DATA_VERSION] = "PRAGMA data_version",
	[STORE_SQL_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[STORE_SQL_META_SET] = "INSERT INTO meta (key, value) VALUES (?1, ?2) "
			       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[STORE_SQL_META_DELETE] = "DELETE FROM meta WHERE key = ?1",
	/* the mark of store_changes_mark: a count kept as text, like every value */
	[STORE_SQL_META_BUMP] = "INSERT INTO meta (key, value) VALUES ('data.changes', '1') "
				"ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",

	[STORE_SQL_CONTACT_INSERT] =
		"INSERT INTO contact (uuid, name, name_folded, org, role, circle, kind, "
		"cadence_days, met, birthday, created_at, updated_at, archived_at, snoozed_until, "
		"notes, rank) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
		"?15, kith_rank(?6, ?8, ?11, ?14, ?1, 0, 0.0, 0.0, 0.0, 0, 0, 0, 0, 0))",
	[STORE_SQL_CONTACT_UPDATE] =
		"UPDATE contact SET name = ?2, name_folded = ?3, org = ?4, role = ?5, circle = ?6, "
		"kind = ?7, cadence_days = ?8, met = ?9, birthday = ?10, "
		"created_at = CASE WHEN ?11 > 0 THEN ?11 ELSE created_at END, updated_at = ?12, "
		"archived_at = ?13, snoozed_until = ?14, notes = ?15, "
		"rank = kith_rank(?6, ?8, CASE WHEN ?11 > 0 THEN ?11 ELSE created_at END, ?14, uuid, "
		CACHE_COLS ") WHERE id = ?1",
	[STORE_SQL_CONTACT_GET] = "SELECT " STORE_CONTACT_COLS ", c.notes FROM contact c "
				  "WHERE c.id = ?1",
	[STORE_SQL_CONTACT_GET_UUID] = "SELECT " STORE_CONTACT_COLS ", c.notes FROM contact c "
				       "WHERE c.uuid = ?1",
	[STORE_SQL_CONTACT_REF] = "SELECT id, uuid, name, org FROM contact WHERE id = ?1",
	[STORE_SQL_CONTACT_TAGS] = "SELECT tag FROM contact_tag WHERE contact_id = ?1 ORDER BY tag",
	[STORE_SQL_CONTACT_FIELDS] = "SELECT kind, type, value FROM contact_field "
				     "WHERE contact_id = ?1 ORDER BY pos",
	/* a tag set: store_tags_insert leaves out a tag equal to an earlier one
	 * but for ASCII case (model_tag_equal) */
	[STORE_SQL_CONTACT_TAG_INSERT] = "INSERT INTO contact_tag (contact_id, tag) VALUES (?1, ?2)",
	[STORE_SQL_CONTACT_TAG_CLEAR] = "DELETE FROM contact_tag WHERE contact_id = ?1",
	/* STORE_FIELD_ROWS rows at a time (pos, kind, type, value from ?2 on,
	 * four a row; a row whose pos is unbound is none): the CHECK on kind
	 * builds a temporary table each time an insert runs */
	[STORE_SQL_CONTACT_FIELD_INSERT] =
		"INSERT INTO contact_field (contact_id, pos, kind, type, value) "
		"SELECT ?1, column1, column2, column3, column4 FROM (VALUES "
		"(?2, ?3, ?4, ?5), (?6, ?7, ?8, ?9), (?10, ?11, ?12, ?13), (?14, ?15, ?16, ?17), "
		"(?18, ?19, ?20, ?21), (?22, ?23, ?24, ?25), (?26, ?27, ?28, ?29), "
		"(?30, ?31, ?32, ?33)) WHERE column1 IS NOT NULL",
	[STORE_SQL_CONTACT_FIELD_INSERT_ONE] = "INSERT INTO contact_field (contact_id, pos, kind, type, "
					       "value) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STORE_SQL_CONTACT_FIELD_CLEAR] = "DELETE FROM contact_field WHERE contact_id = ?1",
	[STORE_SQL_CONTACT_WORD_INSERT] = "INSERT OR IGNORE INTO contact_word (word, contact_id) "
					  "VALUES (?1, ?2)",
	[STORE_SQL_CONTACT_WORD_CLEAR] = "DELETE FROM contact_word WHERE contact_id = ?1",
	[STORE_SQL_CONTACT_HAS_TAG] = "SELECT EXISTS (SELECT 1 FROM contact_tag t "
				      "WHERE t.contact_id = c.id AND t.tag = ?2 COLLATE NOCASE) "
				      "FROM contact c WHERE c.id = ?1",
	[STORE_SQL_CONTACT_SNOOZE] = "UPDATE contact SET snoozed_until = ?2, updated_at = ?3 "
				     "WHERE id = ?1",
	[STORE_SQL_CONTACT_ARCHIVE] = "UPDATE contact SET archived_at = ?2, updated_at = ?3 "
				      "WHERE id = ?1",
	[STORE_SQL_CONTACT_DELETE] = "DELETE FROM contact WHERE id = ?1",
	[STORE_SQL_CACHE_GET] = "SELECT " CACHE_COLS ", EXISTS (SELECT 1 FROM contact_tag t "
				"WHERE t.contact_id = c.id AND t.tag = ?2 COLLATE NOCASE) "
				"FROM contact c WHERE c.id = ?1",
	[STORE_SQL_CACHE_SET] = "UPDATE contact SET sc_ref_at = ?2, sc_warm = ?3, sc_gave = ?4, "
				"sc_got = ?5, sc_last_at = ?6, sc_first_at = ?7, sc_max_at = ?8, "
				"sc_n = ?9, sc_n_service = ?10 WHERE id = ?1",
	[STORE_SQL_RANK_SET] = "UPDATE contact SET rank = kith_rank(circle, cadence_days, created_at, "
			       "snoozed_until, uuid, sc_ref_at, sc_warm, sc_gave, sc_got, sc_last_at, "
			       "sc_first_at, sc_max_at, sc_n, sc_n_service) WHERE id = ?1",
	[STORE_SQL_CONTACT_EVENTS] = "SELECT i.occurred_at, i.kind, i.direction, i.deep, i.service "
				     "FROM interaction_contact l "
				     "JOIN interaction i ON i.id = l.interaction_id "
				     "WHERE l.contact_id = ?1",

	[STORE_SQL_INTERACTION_INSERT] =
		"INSERT INTO interaction (uuid, occurred_at, kind, direction, deep, created_at, "
		"updated_at, summary, service) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[STORE_SQL_INTERACTION_UPDATE] =
		"UPDATE interaction SET occurred_at = ?2, kind = ?3, direction = ?4, deep = ?5, "
		"updated_at = ?6, summary = ?7, service = ?8 WHERE id = ?1",
	[STORE_SQL_INTERACTION_GET] = "SELECT id, uuid, occurred_at, kind, direction, deep, "
				      "created_at, updated_at, summary, service FROM interaction "
				      "WHERE id = ?1",
	[STORE_SQL_INTERACTION_GET_UUID] = "SELECT id, uuid, occurred_at, kind, direction, deep, "
					   "created_at, updated_at, summary, service "
					   "FROM interaction WHERE uuid = ?1",
	[STORE_SQL_INTERACTION_TAGS] = "SELECT tag FROM interaction_tag WHERE interaction_id = ?1 "
				       "ORDER BY tag",
	[STORE_SQL_INTERACTION_CONTACTS] = "SELECT c.id, c.uuid, c.name, c.org "
					   "FROM interaction_contact l "
					   "JOIN contact c ON c.id = l.contact_id "
					   "WHERE l.interaction_id = ?1 ORDER BY l.pos",
	[STORE_SQL_INTERACTION_TAG_INSERT] = "INSERT INTO interaction_tag (interaction_id, tag) "
					     "VALUES (?1, ?2)",
	[STORE_SQL_INTERACTION_TAG_CLEAR] = "DELETE FROM interaction_tag WHERE interaction_id = ?1",
	[STORE_SQL_INTERACTION_LINK_INSERT] = "INSERT OR IGNORE INTO interaction_contact "
					      "(interaction_id, contact_id, pos) "
					      "VALUES (?1, ?2, ?3)",
	[STORE_SQL_INTERACTION_LINK_CLEAR] = "DELETE FROM interaction_contact "
					     "WHERE interaction_id = ?1",
	[STORE_SQL_INTERACTION_LINKED] = "SELECT contact_id FROM interaction_contact "
					 "WHERE interaction_id = ?1",
	[STORE_SQL_INTERACTION_DELETE] = "DELETE FROM interaction WHERE id = ?1",

	[STORE_SQL_FOLLOWUP_INSERT] =
		"INSERT INTO followup (uuid, contact_id, interaction_id, due_at, done_at, created_at, "
		"updated_at, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STORE_SQL_FOLLOWUP_DONE] = "UPDATE followup SET done_at = ?2, updated_at = ?3 "
				    "WHERE id = ?1",
	[STORE_SQL_FOLLOWUP_REMOVE] = "DELETE FROM followup WHERE id = ?1",

	[STORE_SQL_TOMBSTONE_INSERT] = "INSERT INTO tombstone (uuid, kind, deleted_at) "
				       "VALUES (?1, ?2, ?3) ON CONFLICT (uuid) DO UPDATE "
				       "SET deleted_at = max(deleted_at, excluded.deleted_at)",
	[STORE_SQL_TOMBSTONE_GET] = "SELECT kind, deleted_at FROM tombstone WHERE uuid = ?1",
};

const char *store_sql_text(enum store_stmt id)
{
	return (unsigned)id < STORE_SQL_COUNT ? store_sql[id] : NULL;
}
