/* store_int.h: what the store*.c files share and nothing else sees: the store
 * struct, its prepared statements, SQLite helpers, the score cache row, and
 * the migration entry point the tests use. Depends on sqlite3 and store.h. */
#ifndef KITH_STORE_INT_H
#define KITH_STORE_INT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "store.h"

/* Statements kept prepared for the life of the connection; their SQL is in
 * store_sql.c, in this order. */
enum store_stmt {
	STORE_SQL_BEGIN,
	STORE_SQL_BEGIN_IMMEDIATE,
	STORE_SQL_COMMIT,
	STORE_SQL_ROLLBACK,
	STORE_SQL_DATA_VERSION,
	STORE_SQL_META_GET,
	STORE_SQL_META_SET,
	STORE_SQL_META_DELETE,
	STORE_SQL_META_BUMP,
	STORE_SQL_CONTACT_INSERT,
	STORE_SQL_CONTACT_UPDATE,
	STORE_SQL_CONTACT_GET,
	STORE_SQL_CONTACT_GET_UUID,
	STORE_SQL_CONTACT_REF,
	STORE_SQL_CONTACT_TAGS,
	STORE_SQL_CONTACT_FIELDS,
	STORE_SQL_CONTACT_TAG_INSERT,
	STORE_SQL_CONTACT_TAG_CLEAR,
	STORE_SQL_CONTACT_FIELD_INSERT,
	STORE_SQL_CONTACT_FIELD_INSERT_ONE,
	STORE_SQL_CONTACT_FIELD_CLEAR,
	STORE_SQL_CONTACT_WORD_INSERT,
	STORE_SQL_CONTACT_WORD_CLEAR,
	STORE_SQL_CONTACT_HAS_TAG,
	STORE_SQL_CONTACT_SNOOZE,
	STORE_SQL_CONTACT_ARCHIVE,
	STORE_SQL_CONTACT_DELETE,
	STORE_SQL_CACHE_GET,
	STORE_SQL_CACHE_SET,
	STORE_SQL_RANK_SET,
	STORE_SQL_CONTACT_EVENTS,
	STORE_SQL_INTERACTION_INSERT,
	STORE_SQL_INTERACTION_UPDATE,
	STORE_SQL_INTERACTION_GET,
	STORE_SQL_INTERACTION_GET_UUID,
	STORE_SQL_INTERACTION_TAGS,
	STORE_SQL_INTERACTION_CONTACTS,
	STORE_SQL_INTERACTION_TAG_INSERT,
	STORE_SQL_INTERACTION_TAG_CLEAR,
	STORE_SQL_INTERACTION_LINK_INSERT,
	STORE_SQL_INTERACTION_LINK_CLEAR,
	STORE_SQL_INTERACTION_LINKED,
	STORE_SQL_INTERACTION_DELETE,
	STORE_SQL_FOLLOWUP_INSERT,
	STORE_SQL_FOLLOWUP_DONE,
	STORE_SQL_FOLLOWUP_REMOVE,
	STORE_SQL_TOMBSTONE_INSERT,
	STORE_SQL_TOMBSTONE_GET,
	STORE_SQL_COUNT
};

/* The columns of a contact as lists read them (no notes), in the order
 * store_col_contact reads them, and their number. */
#define STORE_CONTACT_COLS                                                               \
	"c.id, c.uuid, c.name, c.org, c.role, c.circle, c.kind, c.cadence_days, c.met, " \
	"c.birthday, c.created_at, c.updated_at, c.archived_at, c.snoozed_until, "       \
	"c.sc_ref_at, c.sc_warm, c.sc_gave, c.sc_got, c.sc_last_at, c.sc_first_at, "     \
	"c.sc_max_at, c.sc_n, c.sc_n_service"
#define STORE_CONTACT_NCOLS 23

/* The SQL of a kept statement (static storage). */
const char *store_sql_text(enum store_stmt id);

enum store_tx { STORE_TX_NONE, STORE_TX_READ, STORE_TX_WRITE };

/* Statements whose SQL is made at run time (a timeline's, a follow-up
 * query's), kept prepared by their text (store_prepare_kept). */
#define STORE_KEPT_MAX 16
struct store_kept {
	char *sql;
	sqlite3_stmt *s;
};

struct store {
	sqlite3 *db;
	char *path;
	struct score_params params;
	enum store_tx tx;
	int last_rc;  /* the last SQLite error seen, for store_write's retry */
	int busy_ms;  /* how long one lock attempt waits (store_busy_wait) */
	int retry_ms; /* store_write's budget of waiting on a busy database */
	int64_t commits; /* store_write transactions committed */
	int busy_waited; /* ms the current lock attempt has waited */
	int readonly;    /* opened read-only: every write fails */
	int deferred;    /* an in-memory stand-in: the file is made by the first commit */
	int64_t generation; /* connections taken over from another (store_adopt_file) */
	int flags;       /* store_open's flags */
	const struct store_migration *extra; /* store_open_steps' extra steps */
	size_t nextra;
	store_wait_fn wait_fn; /* told once when a write starts to wait */
	void *wait_arg;
	int wait_told;
	int in_write; /* taking the write lock: a wait is a write's */
	int64_t quiet;  /* rows the open write changed that are not data (store_tx_meta_note) */
	int changed;     /* the last committed store_write changed rows (moved the mark) */
	sqlite3_stmt *stmt[STORE_SQL_COUNT];
	struct store_kept kept[STORE_KEPT_MAX];
	size_t kept_next; /* the slot a new one takes when all are used */
};

/* ---- statements (store.c) ---- */

/* The kept statement id, prepared on first use, reset; the store owns it.
 * NULL with *cause on failure. */
sqlite3_stmt *store_stmt(struct store *st, enum store_stmt id, char **cause);
/* Prepares sql for one use; the caller finalizes it. NULL with *cause. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql, char **cause);
/* sql prepared, or the statement of the same text kept from before (reset,
 * no bindings); the caller gives it back with store_done, never finalizes it.
 * A statement being stepped is never taken from its user. NULL with *cause. */
sqlite3_stmt *store_prepare_kept(struct store *st, const char *sql, char **cause);
/* Gives back a statement of store_prepare_kept: reset, its bindings cleared
 * (kept), or finalized (when it could not be kept). NULL: nothing. */
void store_done(struct store *st, sqlite3_stmt *s);
/* Finalizes every statement store_prepare_kept keeps. */
void store_kept_free(struct store *st);
/* Binds parameters 1, 2 ... from the variable arguments, one per letter of
 * fmt: 't' text (const char *, NULL binds ""), 'x' text or NULL when NULL,
 * 'b' text of that many bytes (size_t, then const char *), 'i' int64_t,
 * 'z' int64_t or NULL when 0, 'n' int64_t or NULL when negative, 'd' double.
 * Text is bound without a copy: it must live until the statement is reset.
 * On failure resets s and fails with *cause. */
int store_bind(struct store *st, sqlite3_stmt *s, char **cause, const char *fmt, ...);
/* Steps: 1 for a row, 0 at the end (s reset), -1 with *cause (s reset). */
int store_step(struct store *st, sqlite3_stmt *s, char **cause);
/* Steps s to its end, expecting no row, and resets it. */
int store_step_done(struct store *st, sqlite3_stmt *s, char **cause);
/* Resets s after a row was read (its result was already checked). */
void store_reset(sqlite3_stmt *s);
/* Registers kith_rank(), the SQL function that packs a contact's rank value
 * (store_rank.c), on a connection. */
int store_rank_register(sqlite3 *db);
/* Recomputes the rank value of contact rowid from its columns; every write
 * to a column that ranking reads is followed by this. */
int store_rank_refresh(struct store *st, int64_t rowid, char **cause);
/* The rowids of the contacts carrying the family tag, sorted; *ids (caller
 * frees) is NULL when there are none. */
int store_rank_family(struct store *st, int64_t **ids, size_t *n, char **cause);
/* Fills r for contact rowid from its rank value (blob, len), or from its
 * columns when the row has none yet; family from the sorted ids of
 * store_rank_family. */
int store_rank_row_fill(struct store *st, int64_t rowid, const void *blob, int len,
                        const int64_t *family, size_t nfamily, struct store_rank_row *r,
                        char **cause);
/* Steps the kept statement id, bound to uuid when not NULL, else to rowid, to
 * its first row: 1 with the row in *out (the caller resets it), 0 for none,
 * -1 on error. */
int store_step_key(struct store *st, enum store_stmt id, int64_t rowid, const char *uuid,
                   sqlite3_stmt **out, char **cause);
/* How store_load reads one kind of record: its columns from the row (the
 * statement is reset after), then its parts (tags, fields, links), and how
 * a half-read record is freed when the parts fail. */
struct store_loader {
	void (*columns)(sqlite3_stmt *s, void *out);
	int (*parts)(struct store *st, void *out, char **cause);
	void (*release)(void *out);
};
/* One record by key, in one read snapshot: steps the kept statement id as
 * store_step_key does and reads the row into *out as `how` says. 0 with the
 * record in *out (the caller frees it), 1 when there is none (out untouched),
 * -1 with *cause (out freed). store_load.c. */
int store_load(struct store *st, enum store_stmt id, int64_t rowid, const char *uuid,
               const struct store_loader *how, void *out, char **cause);
/* Steps the kept statement id, bound to rowid (and tag, when not NULL), to a
 * contact's row: 0 with the row in *out (the caller resets it), -1 with
 * "no contact with rowid N" when there is none, or on error. */
int store_contact_row(struct store *st, enum store_stmt id, int64_t rowid, const char *tag,
                      sqlite3_stmt **out, char **cause);
/* The id, name and organisation of contact rowid (r's strings: caller frees). */
int store_contact_ref_get(struct store *st, int64_t rowid, struct contact_ref *r, char **cause);
/* The message when a contact a write names is gone, removed by another
 * process since it was looked up; callers that know the name prefix it. */
#define STORE_CONTACT_GONE "no longer in the journal (removed meanwhile?)"
/* The terms of a contact filter for a query on `contact c` (" AND ...", with
 * parameters from ?1), and their binding. */
void store_filter_sql(struct buf *sql, const struct store_contact_filter *f);
int store_filter_bind(struct store *st, sqlite3_stmt *s, const struct store_contact_filter *f,
                      char **cause);
/* The SQL test that tag column `col` equals the tag of parameters ?n, ?n+1,
 * ?n+2 (bound by store_tag_bind) ignoring ASCII case, in a form the index on
 * the column serves: every case variant of a tag sorts between its upper-
 * and its lower-case form, and, first letter kept, between the upper- and the
 * lower-case form of the rest: two short ranges of the index. */
void store_tag_sql(struct buf *sql, const char *col, int n);
int store_tag_bind(struct store *st, sqlite3_stmt *s, int n, const char *tag, char **cause);
/* Runs the kept statement id with the one parameter rowid to its end. */
int store_run_id(struct store *st, enum store_stmt id, int64_t rowid, char **cause);
/* The rows STORE_SQL_CONTACT_FIELD_INSERT writes at most in one run; a run of
 * at most STORE_FIELD_ONE_MAX rows is written a row at a time by
 * STORE_SQL_CONTACT_FIELD_INSERT_ONE, which costs less for so few. */
#define STORE_FIELD_ONE_MAX 2
#define STORE_FIELD_ROWS 8
/* Runs the kept statement id ("it" binds) once per tag of sv for rowid, but
 * for a tag equal to an earlier one but for ASCII case (model_tag_equal):
 * rowid must have no tags yet. */
int store_tags_insert(struct store *st, enum store_stmt id, int64_t rowid, const struct strv *sv,
                      char **cause);
/* Runs sql (no result rows) outside the kept statements. */
int store_exec(struct store *st, const char *sql, char **cause);
/* Sets *cause from an SQLite result code and the connection's message, records
 * rc for the busy retry; a corrupt database gets the "damaged" message.
 * Returns -1. */
int store_fail(struct store *st, int rc, char **cause);
/* 1 for SQLITE_BUSY and SQLITE_LOCKED in any of their extended forms. */
int store_rc_busy(int rc);

/* ---- transactions (store.c) ---- */

/* Fails unless inside store_write. */
int store_need_write(struct store *st, char **cause);
/* Opens a read snapshot unless a transaction is open; *own says whether to end it. */
int store_snap_begin(struct store *st, int *own, char **cause);
/* Ends the snapshot opened by store_snap_begin when own; returns rc, or -1
 * when ending fails. */
int store_snap_end(struct store *st, int own, int rc, char **cause);

/* ---- columns (store.c) ---- */

/* A copy of the text column; "" for NULL. Caller frees. */
char *store_col_str(sqlite3_stmt *s, int col);
/* The uuid column into out ("" when it is not a uuid's length). */
void store_col_id(sqlite3_stmt *s, int col, char out[ID_LEN + 1]);
/* The service column (interaction.service): IKIND_NONE for NULL or a name
 * that is not a service's. */
enum ikind store_col_service(sqlite3_stmt *s, int col);
/* A contact_ref from four columns from col: rowid, uuid, name, org. */
void store_col_ref(sqlite3_stmt *s, int col, struct contact_ref *r);

/* A growing set of rowids. */
struct store_ids {
	int64_t *v;
	size_t n, cap;
};
void store_ids_push(struct store_ids *ids, int64_t id);
void store_ids_sort_unique(struct store_ids *ids);
void store_ids_free(struct store_ids *ids);

/* An index of an array of records by rowid: sort, then find. */
struct store_slot {
	int64_t rowid;
	size_t at;
};
void store_slots_sort(struct store_slot *v, size_t n);
/* The slot of rowid (the first of them when there are several), or NULL. */
const struct store_slot *store_slots_find(const struct store_slot *v, size_t n, int64_t rowid);

/* ---- records (store_contact.c, store_interaction.c) ---- */

/* Fills c (initialised here; the caller frees it with contact_free) from the
 * STORE_CONTACT_COLS columns of the current row; tags, fields and notes are
 * left empty. */
void store_col_contact(sqlite3_stmt *s, struct contact *c);
/* Loads the tags of contact rowid into sv (appending). */
int store_contact_tags(struct store *st, int64_t rowid, struct strv *sv, char **cause);
/* The timelines of the n contacts of rowids contacts[] (each once), read
 * together in three scans: out[k], counts[k] is contacts[k]'s, newest first
 * with its tags as store_timeline gives it, but without each interaction's
 * contacts (ncontacts 0: its contact is known). The caller gives both arrays
 * (n long) and frees each out[k] with interactions_free. */
int store_timelines(struct store *st, const int64_t *contacts, size_t n,
                    struct interaction **out, size_t *counts, char **cause);
/* Leaves a tombstone for uuid. */
int store_tombstone_put(struct store *st, const char *uuid, const char *kind, int64_t at,
                        char **cause);

/* ---- the score cache (store_cache.c) ---- */

/* Columns sc_ref_at ... sc_n_service (nine) from col into *sc. */
void store_col_cache(sqlite3_stmt *s, int col, struct score_cache *sc);
/* 1 when a and b differ: any count or time, or a sum by more than 1e-9
 * (relative to the sum when it exceeds 1). */
int store_cache_differs(const struct score_cache *a, const struct score_cache *b);
/* Whether the contact carries the family tag of the store's parameters. */
int store_contact_is_family(struct store *st, int64_t rowid, int *family, char **cause);
/* Writes a contact's cache. */
int store_cache_set(struct store *st, int64_t rowid, const struct score_cache *sc, char **cause);
/* Adds one interaction to a contact's cache in O(1). */
int store_cache_add(struct store *st, int64_t rowid, const struct score_event *ev, char **cause);
/* Rescores every contact in ids. */
int store_rescore_ids(struct store *st, const struct store_ids *ids, char **cause);
/* Sets the meta row of the parameter digest to the store's parameters. */
int store_digest_save(struct store *st, char **cause);
/* *same = 1 when the stored digest equals the store's parameters'. */
int store_digest_check(struct store *st, int *same, char **cause);

/* The roster scan's query (store_roster.c; static storage), so that tests
 * can ask SQLite how it is run. */
const char *store_roster_sql(void);
/* The pages of a database file of size bytes with header head (its first 100
 * bytes), as SQLite counts them when no -wal adds any; -1 for a page size
 * SQLite never makes. store_open.c. */
int64_t store_header_pages(const unsigned char head[100], int64_t size);
/* The orders of the rank scans (store_rank.c): any, by what is owed, or the
 * contacts with interactions after now only. */
enum store_rank_order { STORE_RANK_ANY, STORE_RANK_OWED, STORE_RANK_FUTURE };
/* Appends to *sql the rank scan's statement for f in that order (exposed for
 * the tests of its query plan). */
void store_rank_sql(struct buf *sql, const struct store_contact_filter *f,
                    enum store_rank_order order, int64_t now);

/* ---- opening and migrations (store_open.c, store_schema.c) ---- */

/* One step of the schema: run inside the migration's write transaction, it
 * takes the database from version - 1 to `version`. */
struct store_migration {
	int version;
	const char *sql[4]; /* run first, in order, up to the first NULL */
	/* then this, when not NULL (path is the database's) */
	int (*fn)(sqlite3 *db, const char *path, char **cause);
};
/* The steps of this kith, from version 1 up to STORE_SCHEMA_VERSION. */
const struct store_migration *store_schema_steps(size_t *n);
/* Tables the schema of this kith knows (NULL-terminated; static storage). */
const char *const *store_schema_tables(void);

/* store_open with `extra` steps after this kith's own (versions
 * STORE_SCHEMA_VERSION + 1 ...): the newest version known is then the last
 * extra step's. For the tests of the migration machinery. */
int store_open_steps(struct store **out, const char *path, int flags,
                     const struct score_params *params, const struct store_migration *extra,
                     size_t nextra, char **cause);
/* Copies the database of db to path with the online backup API: a new file,
 * 0600, written beside path and renamed into place (replacing it) once
 * complete and synced. */
int store_backup_db(sqlite3 *db, const char *path, char **cause);
/* (store_file.c) store_write's first write of a store opened deferred: fn runs and commits
 * in a new file beside the path, which then takes the path (or, when another
 * kith made the journal meanwhile, fn runs again in that one); the store then
 * reads and writes the file. */
int store_write_first(struct store *st, store_fn fn, void *arg, char **cause);
/* (store_file.c) A store opened deferred, outside a transaction, whose file
 * another kith has made meanwhile goes on with that file, its generation one
 * more; anything else is left as it is. */
int store_adopt_file(struct store *st, char **cause);
/* ---- the file (store_file.c) ---- */

/* What is at a journal's path: nothing, an empty file, or a file with
 * something in it; anything but a regular file (a directory, FIFO, socket or
 * device) fails, before it is opened. */
enum store_file { STORE_FILE_MISSING, STORE_FILE_EMPTY, STORE_FILE_DATA };
int store_file_kind(const char *path, enum store_file *kind, char **cause);
/* Creates the database file, empty and 0600, and the folders leading to it
 * (0700), when it does not exist. */
int store_make_file(const char *path, char **cause);
/* fsync of a file, or of a directory (dir 1), by name. */
int store_sync_path(const char *path, int dir, char **cause);
/* The folder of path ("." when it has none); caller frees. */
char *store_dir_of(const char *path);
/* Sets how long one lock attempt waits and store_write's retry budget
 * (milliseconds). */
int store_set_retry(struct store *st, int busy_ms, int retry_ms, char **cause);

#endif
