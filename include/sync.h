/* sync.h: a journal as JSON Lines and back (DESIGN.md §8): the export of
 * everything, the merge of another journal's export by uuid, and `kith sync`
 * over a folder of one file per replica. Core: never prints, never reads the
 * clock. Depends on store.h and jsonl.h. */
#ifndef KITH_SYNC_H
#define KITH_SYNC_H

#include <stdint.h>
#include <stdio.h>

#include "store.h"

/* Writes the whole journal to out as JSON Lines (jsonl.h): the version line,
 * then contacts, interactions, follow-ups and tombstones, each kind in uuid
 * order, so that two equal journals write the same bytes. One read snapshot. */
int sync_export(struct store *st, FILE *out, char **cause);

/* What a merge did: records added, changed, left as they were (the journal
 * had them, or newer, or had deleted them), deleted by a tombstone, and lines
 * of a type this kith does not know (skipped). */
struct sync_counts {
	int64_t added, updated, unchanged, deleted, skipped;
};

/* Told while a merge reads, as import.h's progress is: every
 * IMPORT_PROGRESS_EVERY records (the lines after the version line), how many
 * were read. fn NULL: not told. */
struct sync_progress {
	void (*fn)(void *arg, long records);
	void *arg;
};

/* Merges the JSON Lines of in (named `name` in messages) into the journal,
 * inside the store_write (or store_trial) open: records by uuid, the newer
 * updated_at winning (on a tie, the greater line, so that every journal
 * chooses alike); a tombstone deletes its record, whatever the times, and a
 * record never comes back over a tombstone. Adds to *counts. A line that is
 * not a record, or a file whose last line has no newline (cut short), fails
 * with "NAME:LINE: ..." and the caller's transaction must roll back.
 * progress may be NULL. */
int sync_tx_merge(struct store *st, FILE *in, const char *name,
                  const struct sync_progress *progress, struct sync_counts *counts,
                  char **cause);

/* sync_tx_merge of in in its own transaction (a dry run: every write done,
 * then rolled back); *counts says what it did. -1 with *cause: nothing kept.
 * progress may be NULL. */
int sync_import(struct store *st, FILE *in, const char *name, int dry_run,
                const struct sync_progress *progress, struct sync_counts *counts,
                char **cause);

/* The journal's replica id (a uuid, made and kept in the meta table on first
 * use, inside the store_write open). */
int sync_tx_replica(struct store *st, char out[ID_LEN + 1], char **cause);

/* What `kith sync` did: files read, and what their merge did; wrote is 1 once
 * this journal's own file is written, 0 when it already held this state;
 * unread counts the files not read because the last sync merged them as
 * they are and the journal has not changed since but by merges. */
struct sync_result {
	int64_t wrote, read, unread;
	struct sync_counts counts;
};
/* Told of a replica file skipped whole (cut short, malformed): why, starting
 * with the file's path ("DIR/ID.jsonl:12: ..."). */
typedef void (*sync_skip_fn)(void *arg, const char *why);

/* kith sync DIR: merges every DIR/\*.jsonl but this replica's own (each file
 * in one transaction; a bad one is skipped whole and told to skip; one the
 * journal cannot take, a full disk say, fails the sync), then
 * writes this journal's whole state to DIR/REPLICA.jsonl through a temporary
 * file, fsync and rename, unless that file holds it already (then it is left
 * alone: not written, not renamed). It remembers in the journal's meta rows
 * what it saw (each file's device, inode, size and times, and the journal's
 * mark of change) and skips what has not changed since: a file merged
 * whole is not read again while it and the journal (but for merges) stay as
 * they were; this journal's file is not compared again while it and the
 * journal stay as they were. */
int sync_dir(struct store *st, const char *dir, sync_skip_fn skip, void *arg,
             struct sync_result *out, char **cause);

#endif
