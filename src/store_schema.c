/* store_schema.c: the journal's schema, one migration step per version
 * (DESIGN.md §3). Text only; depends on store_int.h. A step's meaning is never
 * edited once released: a change is a new step. */
#include "store_int.h"

/* Version 1. Times are Unix seconds; enums are their lower-case names
 * (model.h); NULL marks "none" for cadence (the circle's default), archive,
 * snooze, done and a follow-up's interaction. The score cache sits in the
 * contact row (sc_*), notes last so that lists never read them.
 * The CHECKs of enums are comparisons joined by OR, not IN lists: SQLite
 * builds a temporary b-tree for each IN list of more than two constants on
 * every insert. Both forms refuse the same values and pass NULL alike; the
 * journals made before the change keep the IN form, only slower. */
static const char store_schema_v1_contact[] =
	"CREATE TABLE meta (\n"
	"	key TEXT PRIMARY KEY NOT NULL,\n"
	"	value TEXT NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE contact (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
	"	name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
	"	name_folded TEXT NOT NULL,\n"
	"	org TEXT NOT NULL DEFAULT '',\n"
	"	role TEXT NOT NULL DEFAULT '',\n"
	"	circle TEXT NOT NULL DEFAULT 'outer'\n"
	"		CHECK (circle = 'inner' OR circle = 'close' OR circle = 'active'\n"
	"		       OR circle = 'wide' OR circle = 'outer'),\n"
	"	kind TEXT NOT NULL DEFAULT 'personal'\n"
	"		CHECK (kind = 'personal' OR kind = 'operational' OR kind = 'strategic'),\n"
	"	cadence_days INTEGER\n"
	"		CHECK (cadence_days IS NULL OR (typeof(cadence_days) = 'integer'\n"
	"		                                AND cadence_days >= 0)),\n"
	"	met TEXT NOT NULL DEFAULT '',\n"
	"	birthday TEXT NOT NULL DEFAULT '',\n"
	"	created_at INTEGER NOT NULL,\n"
	"	updated_at INTEGER NOT NULL,\n"
	"	archived_at INTEGER,\n"
	"	snoozed_until INTEGER,\n"
	"	sc_ref_at INTEGER NOT NULL DEFAULT 0,\n"
	"	sc_warm REAL NOT NULL DEFAULT 0,\n"
	"	sc_gave REAL NOT NULL DEFAULT 0,\n"
	"	sc_got REAL NOT NULL DEFAULT 0,\n"
	"	sc_last_at INTEGER NOT NULL DEFAULT 0,\n"
	"	sc_first_at INTEGER NOT NULL DEFAULT 0,\n"
	"	sc_max_at INTEGER NOT NULL DEFAULT 0,\n"
	"	sc_n INTEGER NOT NULL DEFAULT 0,\n"
	"	sc_n_service INTEGER NOT NULL DEFAULT 0,\n"
	"	notes TEXT NOT NULL DEFAULT '',\n"
	"	rank BLOB\n"
	");\n"
	"CREATE INDEX contact_by_folded ON contact (name_folded, name);\n"
	"CREATE TABLE contact_tag (\n"
	"	contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,\n"
	"	tag TEXT NOT NULL CHECK (length(tag) > 0),\n"
	"	PRIMARY KEY (contact_id, tag)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX contact_tag_by_tag ON contact_tag (tag, contact_id);\n"
	"CREATE TABLE contact_field (\n"
	"	contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,\n"
	"	pos INTEGER NOT NULL,\n"
	"	kind TEXT NOT NULL\n"
	"		CHECK (kind = 'email' OR kind = 'phone' OR kind = 'url' OR kind = 'address'\n"
	"		       OR kind = 'vcard'),\n"
	"	type TEXT NOT NULL DEFAULT '',\n"
	"	value TEXT NOT NULL,\n"
	"	PRIMARY KEY (contact_id, pos)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX contact_field_email ON contact_field (lower(value)) WHERE kind = 'email';\n"
	"CREATE TABLE contact_word (\n"
	"	word TEXT NOT NULL CHECK (length(word) > 0),\n"
	"	contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,\n"
	"	PRIMARY KEY (word, contact_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX contact_word_by_contact ON contact_word (contact_id);\n";

static const char store_schema_v1_interaction[] =
	"CREATE TABLE interaction (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
	"	occurred_at INTEGER NOT NULL,\n"
	"	kind TEXT NOT NULL\n"
	"		CHECK (kind = 'meeting' OR kind = 'call' OR kind = 'message' OR kind = 'event'\n"
	"		       OR kind = 'share' OR kind = 'intro' OR kind = 'advice' OR kind = 'lead'\n"
	"		       OR kind = 'referral' OR kind = 'favor' OR kind = 'gift' OR kind = 'note'),\n"
	"	direction TEXT NOT NULL DEFAULT 'none'\n"
	"		CHECK (direction = 'none' OR direction = 'gave' OR direction = 'got'\n"
	"		       OR direction = 'mutual'),\n"
	"	deep INTEGER NOT NULL DEFAULT 0 CHECK (deep IN (0, 1)),\n"
	"	created_at INTEGER NOT NULL,\n"
	"	updated_at INTEGER NOT NULL,\n"
	"	summary TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX interaction_by_time ON interaction (occurred_at, id);\n"
	"CREATE TABLE interaction_tag (\n"
	"	interaction_id INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,\n"
	"	tag TEXT NOT NULL CHECK (length(tag) > 0),\n"
	"	PRIMARY KEY (interaction_id, tag)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE interaction_contact (\n"
	"	interaction_id INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,\n"
	"	contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,\n"
	"	pos INTEGER NOT NULL,\n"
	"	PRIMARY KEY (interaction_id, contact_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX interaction_contact_by_contact\n"
	"	ON interaction_contact (contact_id, interaction_id);\n"
	"CREATE TABLE followup (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
	"	contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,\n"
	"	interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,\n"
	"	due_at INTEGER NOT NULL,\n"
	"	done_at INTEGER,\n"
	"	created_at INTEGER NOT NULL,\n"
	"	updated_at INTEGER NOT NULL,\n"
	"	text TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX followup_by_contact ON followup (contact_id, due_at);\n"
	"CREATE INDEX followup_by_due ON followup (due_at, created_at);\n"
	"CREATE INDEX followup_by_interaction ON followup (interaction_id);\n"
	"CREATE TABLE tombstone (\n"
	"	uuid TEXT PRIMARY KEY NOT NULL,\n"
	"	kind TEXT NOT NULL\n"
	"		CHECK (kind = 'contact' OR kind = 'interaction' OR kind = 'followup'),\n"
	"	deleted_at INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n";

/* Ranking reads only this covering index: the rank column packs what a score
 * needs of a contact into one value (store_rank.c), so a scan of 100k
 * contacts reads a few MB and decodes one column a row. */
static const char store_schema_v1_rank[] =
	"CREATE INDEX contact_rank ON contact (archived_at, circle, rank);\n";

/* Version 2: an interaction may carry a service besides its kind ("coffee
 * ... +gave intro": a meeting that carries an intro). NULL when it carries
 * none, and always NULL when its kind is itself a service or a note. The
 * caches are rebuilt after every migration (store_open.c). */
static const char store_schema_v2_service[] =
	"ALTER TABLE interaction ADD COLUMN service TEXT\n"
	"	CHECK (service IS NULL OR ((service = 'share' OR service = 'intro'\n"
	"	                            OR service = 'advice' OR service = 'lead'\n"
	"	                            OR service = 'referral' OR service = 'favor'\n"
	"	                            OR service = 'gift')\n"
	"	                           AND (kind = 'meeting' OR kind = 'call'\n"
	"	                                OR kind = 'message' OR kind = 'event')));\n";

/* Version 2 also: the contacts pane's roster (store_roster.c) reads only this
 * covering index, in id order among the contacts not archived: the names, the
 * folded name and the rank value, without the rest of each row (less than
 * half the pages of the table). */
static const char store_schema_v2_roster[] =
	"CREATE INDEX contact_roster ON contact (archived_at, id, name, org, name_folded, rank);\n";

/* Version 2 also: ranking's index orders each circle by what its contacts are
 * owed, as their caches say (store_contact_rank_owed), so that the few with
 * the most attention are found without reading the others (the two sums are
 * in it as well, or SQLite would read the table's row for the order's
 * expression); the contacts with interactions planned after a time are found
 * by their latest one. */
static const char store_schema_v2_rank[] =
	"DROP INDEX contact_rank;\n"
	"CREATE INDEX contact_rank ON contact\n"
	"	(archived_at, circle, sc_got - sc_gave, sc_got, sc_gave, rank);\n"
	"CREATE INDEX contact_future ON contact (sc_max_at);\n";

static const struct store_migration store_steps[] = {
	{1, {store_schema_v1_contact, store_schema_v1_interaction, store_schema_v1_rank, NULL},
	 NULL},
	{2, {store_schema_v2_service, store_schema_v2_roster, store_schema_v2_rank, NULL}, NULL},
};

static const char *const store_tables[] = {
	"meta",        "contact",         "contact_tag",         "contact_field", "contact_word",
	"interaction", "interaction_tag", "interaction_contact", "followup",      "tombstone",
	NULL,
};

const struct store_migration *store_schema_steps(size_t *n)
{
	*n = sizeof store_steps / sizeof store_steps[0];
	return store_steps;
}

const char *const *store_schema_tables(void)
{
	return store_tables;
}
