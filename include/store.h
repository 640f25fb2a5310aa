/* store.h: the journal on disk, one SQLite file (DESIGN.md §3, §9). The
 * store*.c files are the only code that includes <sqlite3.h>. Depends on
 * model.h and score.h (the score cache is updated in the same transaction as
 * every write).
 *
 * Return values: 0 success, -1 failure with *cause (caller frees); lookups
 * that can miss return 1 for "not found" without a cause.
 * Writes: store_write() runs a function inside BEGIN IMMEDIATE ... COMMIT and
 * runs it again from the start when the database is busy; the store_tx_*
 * functions may only be called from inside such a function. Reads take their
 * own short snapshot, or run inside store_read(). */
#ifndef KITH_STORE_H
#define KITH_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "score.h"

#define STORE_SCHEMA_VERSION 2
#define STORE_APPLICATION_ID 0x6b697468 /* "kith" */

struct store;

enum store_open_flags {
	STORE_OPEN_NOCREATE = 1, /* fail when the file does not exist or is empty */
	/* a missing or empty file is written only by the first write that commits:
	 * until then the store reads an empty journal held in memory */
	STORE_OPEN_DEFER = 2,
};

/* The default path: $KITH_DB, else $XDG_DATA_HOME/kith/kith.db, else
 * ~/.local/share/kith/kith.db. Caller frees; NULL with *cause when no home. */
char *store_default_path(char **cause);

/* Sets SQLite up for a process of one thread (no mutexes, no count of the
 * memory it uses): called once, before any other store call, by a program
 * that never calls the store from two threads. */
void store_library_init(void);

/* Opens (creating the file, mode 0600, and its directory, 0700, when missing)
 * and migrates the schema, backing the file up first (to "PATH.bak-vN", N the
 * old version). Only a regular file is opened: a directory, FIFO, socket or
 * device is refused before it is opened. An empty file is adopted as a new
 * journal (mode 0600). A file that is not a kith database (an SQLite database
 * without kith's application id, even one without tables), is corrupt, or has
 * a newer schema fails with a clear message and is not written, nor gets a
 * -wal or -shm file beside it. A journal this process cannot write (a
 * read-only file, directory or medium) is opened read-only: it is never
 * migrated, and every write fails with "the journal is read-only: PATH".
 * (The whole file is
 * checked at every open while it is small, up to 1 MB; a bigger one is
 * checked by store_stats, and damage met on the way fails the same way.) `params` is
 * copied (NULL: the defaults); when the cache was built with other parameters
 * every contact is rescored. *out is closed with store_close. */
int store_open(struct store **out, const char *path, int flags,
               const struct score_params *params, char **cause);
void store_close(struct store *st);
const char *store_path(const struct store *st);
const struct score_params *store_params(const struct store *st);

/* 1 when the journal was opened read-only. */
int store_is_readonly(const struct store *st);
/* 1 when the last failed write failed in the journal itself (SQLite: a full
 * disk, an I/O error, a lock held too long), 0 when what it ran refused its
 * input. */
int store_failed_in_journal(const struct store *st);
/* fn(arg) is called once, the first time a write of st has to wait for
 * another connection's write to end (to tell a user why nothing happens). */
typedef void (*store_wait_fn)(void *arg);
void store_set_wait_notice(struct store *st, store_wait_fn fn, void *arg);

typedef int (*store_fn)(struct store *st, void *arg, char **cause);
/* Runs fn in one write transaction, retried whole while the database is busy
 * (waiting up to 10 minutes for another writer to end). fn returning -1 rolls
 * back; any other value commits and is returned. Not inside another
 * store_write or store_read. In a store opened with STORE_OPEN_DEFER on a
 * missing or empty file, the first write runs fn in a new file beside the path
 * and puts that file in place only once fn has committed. */
int store_write(struct store *st, store_fn fn, void *arg, char **cause);
/* Runs fn in one read snapshot (never writes); returns what fn returns. */
int store_read(struct store *st, store_fn fn, void *arg, char **cause);
/* Runs fn like store_write and then rolls everything back: a dry run that
 * goes through exactly the writes a real run would. */
int store_trial(struct store *st, store_fn fn, void *arg, char **cause);
/* How many store_write transactions this handle has committed (an upgrade at
 * open included): whether a change is on disk whatever happens next. */
int64_t store_commits(const struct store *st);
/* 1 when the last store_write of st committed rows it changed (and so moved
 * the mark of store_changes_mark), 0 when it changed none, failed or was a
 * trial. */
int store_last_write_changed(const struct store *st);

/* ---- writes: only inside store_write ---- */

/* Inserts c: a new id when c->id is empty, created/updated = now when 0;
 * sets c->rowid. Fields and tags are stored too (tags as a set). The name
 * must not be blank. */
int store_tx_contact_add(struct store *st, struct contact *c, int64_t now, char **cause);
/* Replaces the record with rowid c->rowid (fields and tags included);
 * updated_at = now. Rescores the contact when its family tag changed. */
int store_tx_contact_update(struct store *st, struct contact *c, int64_t now, char **cause);
/* Deletes a contact with its follow-ups, and the interactions that had no
 * other contact, leaving tombstones for all of them. */
int store_tx_contact_remove(struct store *st, int64_t rowid, int64_t now, char **cause);
/* What removing contact rowid takes with it: its follow-ups, the interactions
 * it alone had, and how many of its interactions stay because another contact
 * had them too. Reads in a snapshot, or in the transaction open (so that a
 * remove can report what it did). */
struct store_remove_count {
	int64_t followups, interactions, shared;
};
int store_contact_remove_count(struct store *st, int64_t rowid, struct store_remove_count *out,
                               char **cause);
/* until 0 clears the snooze. */
int store_tx_contact_snooze(struct store *st, int64_t rowid, int64_t until, int64_t now,
                            char **cause);
/* archived 1 sets archived_at = now; 0 clears it. */
int store_tx_contact_archive(struct store *st, int64_t rowid, int archived, int64_t now,
                             char **cause);
/* Folds contact `other` into `keep`: other's interactions and follow-ups move
 * to keep (an interaction with both keeps one link); its tags and the fields
 * keep lacks are added; keep's empty org, role, met and birthday are filled
 * from other's, notes are joined, an unset cadence is taken, created_at is the
 * earlier one. Then other is deleted with a tombstone and keep is rescored. */
int store_tx_contact_merge(struct store *st, int64_t keep, int64_t other, int64_t now,
                           char **cause);
/* Inserts in with its tags and the contacts in in->contacts (by rowid, at
 * least one; one named twice counts once); new id when empty; created/updated
 * = now when 0. Updates each contact's cache in O(1). Sets in->rowid. */
int store_tx_interaction_add(struct store *st, struct interaction *in, int64_t now,
                             char **cause);
/* Like add, without touching the caches: for bulk loads followed by
 * store_tx_rescore_all(). */
int store_tx_interaction_add_bulk(struct store *st, struct interaction *in, int64_t now,
                                  char **cause);
/* Replaces time, kind, direction, deep, summary, tags and contacts of the
 * interaction with rowid in->rowid; rescores every contact touched. */
int store_tx_interaction_update(struct store *st, struct interaction *in, int64_t now,
                                char **cause);
int store_tx_interaction_remove(struct store *st, int64_t rowid, int64_t now, char **cause);
/* Inserts f (contact by f->contact_rowid; interaction_rowid 0 for none; new
 * id when empty; created/updated = now when 0); sets f->rowid and id, and
 * f->contact_id and contact_name (freeing the old name). */
int store_tx_followup_add(struct store *st, struct followup *f, int64_t now, char **cause);
/* Marks done at `now` (done 1) or reopens (done 0). */
int store_tx_followup_done(struct store *st, int64_t rowid, int done, int64_t now,
                           char **cause);
/* Deletes a follow-up, leaving a tombstone. */
int store_tx_followup_remove(struct store *st, int64_t rowid, int64_t now, char **cause);
/* Records that the record `uuid` of `kind` ("contact", "interaction",
 * "followup") was deleted at `at` (another journal's tombstones, on import);
 * the later time wins over an existing tombstone. */
int store_tx_tombstone_add(struct store *st, const char *uuid, const char *kind, int64_t at,
                           char **cause);
/* Replaces the contact, interaction (0: none), due day, text and done time
 * of the follow-up with rowid f->rowid; updated_at = now. */
int store_tx_followup_update(struct store *st, const struct followup *f, int64_t now,
                             char **cause);
/* Sets the meta row key (a key/value row of the journal, such as the replica
 * id of `kith sync`). */
int store_tx_meta_set(struct store *st, const char *key, const char *value, char **cause);
/* Sets the meta row key to value, or deletes it when value is NULL, as
 * bookkeeping: the row is not data, and does not move the mark of
 * store_changes_mark (what `kith sync` remembers of the files it saw). */
int store_tx_meta_note(struct store *st, const char *key, const char *value, char **cause);
/* Recomputes one contact's cache from its interactions. */
int store_tx_rescore(struct store *st, int64_t contact_rowid, char **cause);
/* Recomputes every cache; calls report (when not NULL) for each contact whose
 * stored cache differed by more than 1e-9. Returns the number that differed
 * in *ndiffer. */
typedef void (*store_rescore_report)(void *arg, const struct contact_ref *who,
                                     const struct score_cache *was,
                                     const struct score_cache *now_is);
int store_tx_rescore_all(struct store *st, store_rescore_report report, void *arg,
                         size_t *ndiffer, char **cause);

/* ---- reads ---- */

/* *empty = 1 when the journal has no contact and no interaction. */
int store_is_empty(struct store *st, int *empty, char **cause);

/* Full record (fields, tags, notes) into *out, which the caller frees with
 * contact_free. 1 when there is no such contact (out then holds nothing). */
int store_contact_get(struct store *st, int64_t rowid, struct contact *out, char **cause);
int store_contact_by_uuid(struct store *st, const char *uuid, struct contact *out,
                          char **cause);

/* A contact passes when it is in `circle` or one of `circles` (neither set:
 * any circle), has `tag` or one of `tags` (none set: any; tags compare as
 * model_tag_equal does), and is not archived unless `archived` is set. */
struct store_contact_filter {
	int circle;       /* -1: not this way; else enum circle */
	const char *tag;  /* NULL: not this way */
	int archived;     /* 0: not archived only; 1: all */
	unsigned circles; /* 1u << circle for each circle admitted; 0: not this way */
	const char *const *tags; /* ntags tags admitted */
	size_t ntags;
};
/* Contacts for lists and ranking: name, org, role, circle, kind, cadence, tags,
 * times and score cache; no fields or notes. Ordered by name. *out is an array
 * the caller frees with contacts_free. Never reads the interactions table. */
int store_contact_list(struct store *st, const struct store_contact_filter *f,
                       struct contact **out, size_t *n, char **cause);

/* The lookups below fill *out, an array the caller frees with
 * contact_refs_free; a limit of 0 means no limit. Archived contacts come after
 * the others, then by folded name (the uuid prefix: by uuid). */

/* What ranking needs of one contact: no text but its id. */
struct store_rank_row {
	int64_t rowid;
	char id[ID_LEN + 1];
	struct score_subject subj;
	int64_t snoozed_until; /* 0 when not snoozed */
	struct score_cache sc;
};
/* Calls fn for every contact the filter admits, in no particular order, read
 * from a covering index (no names, no notes) so that ranking 100k contacts
 * reads a few megabytes and keeps nothing. The row is valid during the call.
 * fn returns 0 to go on, 1 to stop the scan (the call then returns 0), -1
 * (with *cause) to stop the scan with an error; it must not write. */
typedef int (*store_rank_fn)(void *arg, const struct store_rank_row *row, char **cause);
int store_contact_rank(struct store *st, const struct store_contact_filter *f, store_rank_fn fn,
                       void *arg, char **cause);
/* As store_contact_rank, the contacts in the order
 * of what their caches say they are owed (sc.got_sum - sc.gave_sum, the most
 * first), read from the same index with no sort when the filter admits one
 * circle: a caller looking for the most attention stops where the bound of
 * the rows left (score_attention_bound) falls below what it has. */
int store_contact_rank_owed(struct store *st, const struct store_contact_filter *f,
                            store_rank_fn fn, void *arg, char **cause);
/* As store_contact_rank, only the contacts with interactions after now, read
 * from an index of those times: the few the order above gives no bound of. */
int store_contact_rank_future(struct store *st, const struct store_contact_filter *f,
                              int64_t now, store_rank_fn fn, void *arg, char **cause);

/* Contacts whose uuid starts with prefix (case-insensitive), at most limit. */
int store_contact_find_prefix(struct store *st, const char *prefix, size_t limit,
                              struct contact_ref **out, size_t *n, char **cause);
/* Contacts whose folded full name equals `folded` (see utf8_fold). */
int store_contact_find_exact(struct store *st, const char *folded, size_t limit,
                             struct contact_ref **out, size_t *n, char **cause);
/* Contacts that have, for every folded word given, a folded name word starting
 * with it; at most limit of them, and the number there are in *total. The
 * name words are those of utf8_fold(name) split on spaces, and the parts of
 * them that follow a '-' ("souza-lima" starts words at "souza" and "lima"). */
int store_contact_find_words(struct store *st, char *const *words, size_t nwords,
                             size_t limit, struct contact_ref **out, size_t *n,
                             size_t *total, char **cause);
/* Contacts with an email field equal to email, ignoring ASCII case. */
int store_contact_find_email(struct store *st, const char *email, size_t limit,
                             struct contact_ref **out, size_t *n, char **cause);
/* Every contact's id and name (suggestions, completion), archived too,
 * ordered by folded name. */
int store_contact_names(struct store *st, struct contact_ref **out, size_t *n, char **cause);

/* Scores the loaded contact c at now: from its cache, or, when the cache
 * holds interactions after now, from its interactions (read here), as they
 * would count at now. */
int store_contact_score(struct store *st, const struct contact *c, const struct score_params *p,
                        int64_t now, struct score *out, char **cause);

/* The score inputs of one contact's interactions, in no particular order;
 * the caller frees *out with free(). */
int store_contact_events(struct store *st, int64_t rowid, struct score_event **out,
                         size_t *n, char **cause);

struct store_timeline_query {
	int64_t contact_rowid; /* 0: everyone */
	int64_t since;         /* 0: no lower bound */
	int64_t until;         /* 0: no upper bound (inclusive) */
	size_t limit;          /* 0: no limit */
};
/* Interactions, newest first (by time, then rowid), each with its contacts
 * (in the order given when added) and tags (sorted). The caller frees *out
 * with interactions_free. q NULL: all. */
int store_timeline(struct store *st, const struct store_timeline_query *q,
                   struct interaction **out, size_t *n, char **cause);
/* One interaction with its contacts and tags into *out (caller frees with
 * interaction_free); 1 when there is none. */
int store_interaction_by_uuid(struct store *st, const char *uuid, struct interaction *out,
                              char **cause);
int store_interaction_get(struct store *st, int64_t rowid, struct interaction *out,
                          char **cause);

struct store_followup_query {
	int64_t contact_rowid; /* 0: everyone */
	int include_done;
	int64_t due_before; /* 0: any; else due_at < due_before */
};
/* Follow-ups ordered by due date, then creation, with their contact's id and
 * name; the caller frees *out with followups_free. q NULL: all. */
int store_followups(struct store *st, const struct store_followup_query *q,
                    struct followup **out, size_t *n, char **cause);
/* Follow-ups whose uuid starts with prefix, at most limit (0: no limit). */
int store_followup_find_prefix(struct store *st, const char *prefix, size_t limit,
                               struct followup **out, size_t *n, char **cause);

struct store_stats {
	int schema_version;
	/* contacts counts the archived ones too */
	int64_t contacts, archived, interactions, followups_open, followups_done, tombstones;
	int64_t page_count, page_size, freelist;
	unsigned dir_mode, file_mode; /* permission bits; 0 when unknown */
	char integrity[256];          /* "ok" or the first problems found; "" unless asked */
	char journal_mode[16];
};
int store_stats(struct store *st, int integrity, struct store_stats *out, char **cause);
/* Copies the database to path, which must not exist, with SQLite's online
 * backup API (mode 0600). */
int store_backup(struct store *st, const char *path, char **cause);
/* PRAGMA data_version: changes when another connection commits, and when a
 * store opened on a missing journal (STORE_OPEN_DEFER) goes on with the file
 * another kith has made meanwhile, which it then reads. */
int store_data_version(struct store *st, int64_t *out, char **cause);

struct store_tombstone {
	char id[ID_LEN + 1];
	char kind[16]; /* "contact", "interaction", "followup" */
	int64_t deleted_at;
};
/* The tombstone of uuid: 0 with *deleted_at and kind (when not NULL); 1 when
 * there is none. */
int store_tombstone_get(struct store *st, const char *uuid, int64_t *deleted_at, char kind[16],
                        char **cause);
/* Every tombstone, oldest first; the caller frees *out with free(). */
int store_tombstones(struct store *st, struct store_tombstone **out, size_t *n, char **cause);

/* One e-mail address of a contact, for address lookups (kith query); the
 * strings live during the call. */
struct store_email_row {
	int64_t rowid;
	const char *name, *name_folded, *org, *email;
	int archived;
};
typedef int (*store_email_fn)(void *arg, const struct store_email_row *row, char **cause);
/* Calls fn for every e-mail field of every contact, archived ones too, in
 * one read snapshot, each contact's in their order. fn returns 0 to go on,
 * -1 with *cause to stop. */
int store_contact_emails(struct store *st, store_email_fn fn, void *arg, char **cause);
/* The meta row key into *value (caller frees); 1 when there is none. */
int store_meta_get(struct store *st, const char *key, char **value, char **cause);
/* Calls fn with every meta row whose key starts with prefix, in key order,
 * in one read snapshot (or the transaction open); key and value are the
 * store's, valid during the call. fn returns 0 to go on, -1 to stop. */
typedef int (*store_meta_fn)(void *arg, const char *key, const char *value, char **cause);
int store_meta_each(struct store *st, const char *prefix, store_meta_fn fn, void *arg,
                    char **cause);
/* The journal's mark of change into *mark: how many committed store_write
 * transactions have changed its rows (0 for none yet). Every committed
 * change of data moves it (log, add, edit, import, merge, sync, the
 * program's saves, undo), in the same transaction; a write that changes
 * nothing, a trial and a failed write do not. */
int store_changes_mark(struct store *st, int64_t *mark, char **cause);
/* Calls fn with the uuid of every record of `kind` ("contact",
 * "interaction", "followup", "tombstone"), in uuid order, in one read
 * snapshot (or the transaction open); fn may read records but not write.
 * fn returns 0 to go on, -1 with *cause to stop. */
typedef int (*store_uuid_fn)(struct store *st, void *arg, const char *uuid, char **cause);
int store_each_uuid(struct store *st, const char *kind, store_uuid_fn fn, void *arg,
                    char **cause);

#endif
