/* sync.c: the JSON Lines export of a whole journal, and `kith sync` over a
 * folder of one file per replica, remembering what it saw (DESIGN.md §8).
 * Core; depends on store.h, jsonl.h, file.h, POSIX folders and file status. */
#include "sync.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"
#include "file.h"
#include "jsonl.h"

#define SYNC_REPLICA_KEY "sync.replica"
/* the meta rows of what the last sync saw: one a file, by its name */
#define SYNC_SEEN_KEY "sync.seen."

/* Where the export goes: written to out, or, when `same` is set, compared
 * with what that file holds (differs set, and the export stopped, at the
 * first byte that is not). */
struct sync_out {
	FILE *out;
	struct buf line;
	FILE *same;
	int differs;
	int64_t mark; /* the snapshot's mark of change (store_changes_mark) */
};

/* 1 when the next len bytes of f are data. */
static int sync_same_bytes(FILE *f, const char *data, size_t len)
{
	char chunk[4096];
	while (len > 0) {
		size_t n = len < sizeof chunk ? len : sizeof chunk;
		if (fread(chunk, 1, n, f) != n || memcmp(chunk, data, n) != 0)
			return 0;
		data += n;
		len -= n;
	}
	return 1;
}

/* -1 without a cause when the export is being compared and differs. */
static int sync_emit(struct sync_out *o, char **cause)
{
	if (o->same != NULL) {
		int same = sync_same_bytes(o->same, o->line.data, o->line.len);
		buf_reset(&o->line);
		o->differs = !same;
		return same ? 0 : -1;
	}
	if (fwrite(o->line.data, 1, o->line.len, o->out) != o->line.len)
		return err_set(cause, "cannot write: %s", strerror(errno ? errno : EIO));
	buf_reset(&o->line);
	return 0;
}

static int sync_out_contact(struct store *st, void *arg, const char *uuid, char **cause)
{
	struct sync_out *o = arg;
	struct contact c;
	int rc = store_contact_by_uuid(st, uuid, &c, cause);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	jsonl_write_contact(&o->line, &c);
	contact_free(&c);
	return sync_emit(o, cause);
}

static int sync_out_interaction(struct store *st, void *arg, const char *uuid, char **cause)
{
	struct sync_out *o = arg;
	struct interaction in;
	int rc = store_interaction_by_uuid(st, uuid, &in, cause);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	jsonl_write_interaction(&o->line, &in);
	interaction_free(&in);
	return sync_emit(o, cause);
}

static int sync_out_followup(struct store *st, void *arg, const char *uuid, char **cause)
{
	struct sync_out *o = arg;
	struct followup *f = NULL;
	size_t n = 0;
	if (store_followup_find_prefix(st, uuid, 1, &f, &n, cause) != 0)
		return -1;
	int rc = 0;
	if (n == 1) {
		struct interaction in;
		memset(&in, 0, sizeof in);
		int got = f->interaction_rowid != 0
		                  ? store_interaction_get(st, f->interaction_rowid, &in, cause)
		                  : 1;
		if (got < 0) {
			rc = -1;
		} else {
			jsonl_write_followup(&o->line, f, got == 0 ? in.id : NULL);
			rc = sync_emit(o, cause);
		}
		if (got == 0)
			interaction_free(&in);
	}
	followups_free(f, n);
	return rc;
}

static int sync_out_tombstone(struct store *st, void *arg, const char *uuid, char **cause)
{
	struct sync_out *o = arg;
	int64_t at;
	char kind[16];
	int rc = store_tombstone_get(st, uuid, &at, kind, cause);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	jsonl_write_tombstone(&o->line, uuid, kind, at);
	return sync_emit(o, cause);
}

static int sync_export_all(struct store *st, void *arg, char **cause)
{
	struct sync_out *o = arg;
	jsonl_write_header(&o->line);
	if (store_changes_mark(st, &o->mark, cause) != 0 || sync_emit(o, cause) != 0 ||
	    store_each_uuid(st, "contact", sync_out_contact, o, cause) != 0 ||
	    store_each_uuid(st, "interaction", sync_out_interaction, o, cause) != 0 ||
	    store_each_uuid(st, "followup", sync_out_followup, o, cause) != 0 ||
	    store_each_uuid(st, "tombstone", sync_out_tombstone, o, cause) != 0)
		return -1;
	return 0;
}

/* sync_export, telling the mark of the snapshot written. */
static int sync_export_marked(struct store *st, FILE *out, int64_t *mark, char **cause)
{
	struct sync_out o = {out, {NULL, 0, 0}, NULL, 0, 0};
	buf_init(&o.line);
	int rc = store_read(st, sync_export_all, &o, cause);
	buf_free(&o.line);
	if (rc == 0 && fflush(out) != 0)
		rc = err_set(cause, "cannot write: %s", strerror(errno));
	*mark = o.mark;
	return rc;
}

int sync_export(struct store *st, FILE *out, char **cause)
{
	int64_t mark;
	return sync_export_marked(st, out, &mark, cause);
}

/* *current: 1 when f, from its start, holds exactly what sync_export would
 * write now (0 when it differs or cannot be read), and *mark the mark of the
 * snapshot compared. */
static int sync_is_current(struct store *st, FILE *f, int64_t *mark, int *current, char **cause)
{
	*current = 0;
	struct sync_out o = {NULL, {NULL, 0, 0}, f, 0, 0};
	buf_init(&o.line);
	int rc = store_read(st, sync_export_all, &o, cause);
	buf_free(&o.line);
	if (rc == 0)
		*current = fgetc(f) == EOF && !ferror(f);
	else if (o.differs)
		rc = 0;
	*mark = o.mark;
	return rc;
}

int sync_tx_replica(struct store *st, char out[ID_LEN + 1], char **cause)
{
	char *v = NULL;
	int rc = store_meta_get(st, SYNC_REPLICA_KEY, &v, cause);
	if (rc < 0)
		return -1;
	if (rc == 0 && id_is_uuid(v)) {
		memcpy(out, v, ID_LEN + 1);
		free(v);
		return 0;
	}
	free(v);
	id_new(out);
	return store_tx_meta_set(st, SYNC_REPLICA_KEY, out, cause);
}

/* ---- kith sync DIR ---- */

struct sync_file_tx {
	FILE *f;
	const char *name;
	const struct sync_progress *progress;
	struct sync_counts counts;
};

static int sync_file_merge(struct store *st, void *arg, char **cause)
{
	struct sync_file_tx *tx = arg;
	rewind(tx->f);
	memset(&tx->counts, 0, sizeof tx->counts);
	return sync_tx_merge(st, tx->f, tx->name, tx->progress, &tx->counts, cause);
}

int sync_import(struct store *st, FILE *in, const char *name, int dry_run,
                const struct sync_progress *progress, struct sync_counts *counts,
                char **cause)
{
	struct sync_file_tx tx = {in, name, progress, {0, 0, 0, 0, 0}};
	int rc = dry_run ? store_trial(st, sync_file_merge, &tx, cause)
	                 : store_write(st, sync_file_merge, &tx, cause);
	*counts = tx.counts;
	return rc < 0 ? -1 : 0;
}

static int sync_replica_tx(struct store *st, void *arg, char **cause)
{
	return sync_tx_replica(st, arg, cause);
}

/* This journal's replica id, made (in a write) only the first time. */
static int sync_own_replica(struct store *st, char own[ID_LEN + 1], char **cause)
{
	char *v = NULL;
	own[0] = '\0';
	int rc = store_meta_get(st, SYNC_REPLICA_KEY, &v, cause);
	if (rc == 0 && id_is_uuid(v))
		memcpy(own, v, ID_LEN + 1);
	free(v);
	if (rc < 0)
		return -1;
	return rc == 0 && id_is_uuid(own) ? 0 : store_write(st, sync_replica_tx, own, cause);
}

/* 1 when name is REPLICA.jsonl for some replica id other than own. */
static int sync_is_replica_file(const char *name, const char *own)
{
	size_t n = strlen(name);
	if (n != ID_LEN + 6 || strcmp(name + ID_LEN, ".jsonl") != 0)
		return 0;
	char id[ID_LEN + 1];
	memcpy(id, name, ID_LEN);
	id[ID_LEN] = '\0';
	return id_is_uuid(id) && strncmp(id, own, ID_LEN) != 0;
}

static int sync_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The other replicas' file names in dir, sorted. */
static int sync_list(const char *dir, const char *own, struct strv *names, char **cause)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return err_set(cause, "cannot read the folder %s: %s", dir, strerror(errno));
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (sync_is_replica_file(e->d_name, own))
			strv_push(names, e->d_name);
	closedir(d);
	if (names->n > 1)
		qsort(names->v, names->n, sizeof *names->v, sync_name_cmp);
	return 0;
}

/* ---- what the last sync saw ----
 *
 * A file's identity is its device, inode, size, and change and modification
 * times to the nanosecond: a file written again, in place or replaced, has
 * another (its change time moves with every write and cannot be set back).
 * The meta row "sync.seen.NAME" holds "IDENTITY MARK": the file NAME had that
 * identity when the journal, at that mark of change (store_changes_mark),
 * held all it says. For another replica's file that is so once it was merged
 * without error; for this journal's own file, once it was written or found
 * to hold what the journal would write. */

struct sync_seen {
	struct strv keys, values; /* the rows as they were, in key order */
	struct strv names, ids;   /* the files seen good now, with their identity */
	struct stat own_sb;       /* this journal's file as written or confirmed */
	int own_ok;               /* own_sb and own_mark are known */
	int64_t own_mark;         /* the mark of the journal that file holds */
};

static int sync_seen_row(void *arg, const char *key, const char *value, char **cause)
{
	(void)cause;
	struct sync_seen *sn = arg;
	strv_push(&sn->keys, key);
	strv_push(&sn->values, value);
	return 0;
}

/* A file's times to the nanosecond (macOS names them otherwise). */
#ifdef __APPLE__
#define SYNC_MTIM(sb) ((sb)->st_mtimespec)
#define SYNC_CTIM(sb) ((sb)->st_ctimespec)
#else
#define SYNC_MTIM(sb) ((sb)->st_mtim)
#define SYNC_CTIM(sb) ((sb)->st_ctim)
#endif

/* The identity of the file sb describes (caller frees). */
static char *sync_identity(const struct stat *sb)
{
	return xasprintf("%ju %ju %jd %jd.%09ld %jd.%09ld", (uintmax_t)sb->st_dev,
	                 (uintmax_t)sb->st_ino, (intmax_t)sb->st_size,
	                 (intmax_t)SYNC_MTIM(sb).tv_sec, (long)SYNC_MTIM(sb).tv_nsec,
	                 (intmax_t)SYNC_CTIM(sb).tv_sec, (long)SYNC_CTIM(sb).tv_nsec);
}

/* The row value for a file of identity id seen at mark (caller frees). */
static char *sync_seen_value(const char *id, int64_t mark)
{
	return xasprintf("%s %" PRId64, id, mark);
}

/* The value of row key among keys/values, NULL when there is none. */
static const char *sync_row(const struct strv *keys, const struct strv *values, const char *key)
{
	for (size_t i = 0; i < keys->n; i++)
		if (strcmp(keys->v[i], key) == 0)
			return values->v[i];
	return NULL;
}

/* 1 when the last sync saw file name with identity id at mark. */
static int sync_seen_same(const struct sync_seen *sn, const char *name, const char *id,
                          int64_t mark)
{
	char *key = xasprintf(SYNC_SEEN_KEY "%s", name);
	char *value = sync_seen_value(id, mark);
	const char *was = sync_row(&sn->keys, &sn->values, key);
	int same = was != NULL && strcmp(was, value) == 0;
	free(key);
	free(value);
	return same;
}

/* What to remember of this sync: the rows in keys/values, sorted by key. */
struct sync_notes {
	const struct sync_seen *seen;
	const char *own_name;
	int64_t expect; /* the mark the journal has when only this sync wrote */
	struct strv keys, values;
};

static void sync_note(struct sync_notes *nt, const char *name, const char *id, int64_t mark)
{
	strv_take(&nt->keys, xasprintf(SYNC_SEEN_KEY "%s", name));
	strv_take(&nt->values, sync_seen_value(id, mark));
}

/* The rows that say what this sync saw, the journal being at mark: the other
 * replicas' files when no other program wrote to the journal meanwhile (mark
 * is what this sync's own merges made it), this journal's file with the mark
 * of the journal it holds (a later write moved the mark past it). */
static void sync_notes_make(struct sync_notes *nt, int64_t mark)
{
	const struct sync_seen *sn = nt->seen;
	strv_free(&nt->keys);
	strv_free(&nt->values);
	for (size_t i = 0; mark == nt->expect && i < sn->names.n; i++)
		sync_note(nt, sn->names.v[i], sn->ids.v[i], mark);
	if (sn->own_ok) {
		char *id = sync_identity(&sn->own_sb);
		sync_note(nt, nt->own_name, id, sn->own_mark);
		free(id);
	}
}

/* 1 when the rows to write are those the journal has. */
static int sync_notes_same(const struct sync_notes *nt)
{
	const struct sync_seen *sn = nt->seen;
	if (nt->keys.n != sn->keys.n)
		return 0;
	for (size_t i = 0; i < nt->keys.n; i++) {
		const char *was = sync_row(&sn->keys, &sn->values, nt->keys.v[i]);
		if (was == NULL || strcmp(was, nt->values.v[i]) != 0)
			return 0;
	}
	return 1;
}

static int sync_notes_tx(struct store *st, void *arg, char **cause)
{
	struct sync_notes *nt = arg;
	int64_t mark;
	struct sync_seen now; /* the rows as they are in this transaction */
	memset(&now, 0, sizeof now);
	strv_init(&now.keys);
	strv_init(&now.values);
	int rc = store_changes_mark(st, &mark, cause) != 0 ||
	                         store_meta_each(st, SYNC_SEEN_KEY, sync_seen_row, &now, cause) != 0
	                 ? -1
	                 : 0;
	if (rc == 0)
		sync_notes_make(nt, mark);
	for (size_t i = 0; rc == 0 && i < now.keys.n; i++)
		if (!strv_has(&nt->keys, now.keys.v[i]))
			rc = store_tx_meta_note(st, now.keys.v[i], NULL, cause);
	for (size_t i = 0; rc == 0 && i < nt->keys.n; i++)
		rc = store_tx_meta_note(st, nt->keys.v[i], nt->values.v[i], cause);
	strv_free(&now.keys);
	strv_free(&now.values);
	return rc;
}

/* Remembers what this sync saw (sync_notes_make), in a write only when that
 * differs from what the journal has: a sync that found nothing new writes
 * nothing. The rows are bookkeeping: they do not move the mark. They only
 * save work: when they cannot be written (a full disk), the sync has done
 * its own all the same, and the next one reads and compares everything. */
static void sync_remember(struct store *st, struct sync_notes *nt)
{
	int64_t mark;
	char *ignored = NULL;
	if (store_changes_mark(st, &mark, &ignored) == 0) {
		sync_notes_make(nt, mark);
		if (!sync_notes_same(nt))
			(void)store_write(st, sync_notes_tx, nt, &ignored);
	}
	free(ignored);
}

/* Merges the replica file name of dir, or skips it when the last sync saw
 * it as it is, the journal at mark then as now. */
static int sync_dir_file(struct store *st, const char *dir, const char *name,
                         struct sync_notes *nt, struct sync_seen *sn, int64_t mark,
                         sync_skip_fn skip, void *arg, struct sync_result *out, char **cause)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		char *why = xasprintf("%s: %s", path, strerror(errno));
		if (skip != NULL)
			skip(arg, why);
		free(why);
		free(path);
		return 0;
	}
	struct stat sb;
	char *id = fstat(fileno(f), &sb) == 0 ? sync_identity(&sb) : NULL;
	int rc = 0;
	if (id != NULL && sync_seen_same(sn, name, id, mark)) {
		/* Merging it again would change nothing. The journal at the
		 * mark remembered held, for every record of the file, a version
		 * at least as new by sync_merge's order (updated_at, then the
		 * greater line), or that record's tombstone: the file had been
		 * merged, and only merges had run after it (sync_notes_make
		 * remembers no mark other writes moved). The mark is the same
		 * now, so only this sync's merges have run since. A merge
		 * replaces a record by a greater one only, deletes one only
		 * under a tombstone that stays, and a tombstone's time only
		 * grows; a record's links to contacts were dropped only for
		 * contacts under a tombstone. So every record of the file would
		 * lose again or meet its tombstone. The file alone would not do:
		 * a local edit may be older by the clock than what the file
		 * brought (clocks differ, and edits in one second tie), and then
		 * the file wins again, as it does on every other replica. */
		out->unread++;
	} else {
		struct sync_counts n;
		char *why = NULL;
		int failed = sync_import(st, f, path, 0, NULL, &n, &why) != 0;
		if (failed && store_failed_in_journal(st)) {
			/* the journal could not take it (a full disk): the sync fails */
			free(*cause);
			*cause = why;
			rc = -1;
		} else if (failed) {
			if (skip != NULL)
				skip(arg, why);
			free(why);
			free(id); /* never remembered: told again at every sync */
			id = NULL;
		} else {
			out->read++;
			out->counts.added += n.added;
			out->counts.updated += n.updated;
			out->counts.unchanged += n.unchanged;
			out->counts.deleted += n.deleted;
			out->counts.skipped += n.skipped;
			nt->expect += store_last_write_changed(st);
		}
	}
	if (rc == 0 && id != NULL) {
		strv_push(&sn->names, name);
		strv_take(&sn->ids, id);
	} else {
		free(id);
	}
	fclose(f);
	free(path);
	return rc;
}

struct sync_fill_arg {
	struct store *st;
	int64_t mark; /* of the snapshot written */
	struct stat sb; /* the file written */
};

static int sync_fill(FILE *f, void *arg, char **cause)
{
	struct sync_fill_arg *a = arg;
	if (sync_export_marked(a->st, f, &a->mark, cause) != 0)
		return -1;
	if (fstat(fileno(f), &a->sb) != 0)
		memset(&a->sb, 0, sizeof a->sb);
	return 0;
}

/* Writes this journal's file at path unless it holds what the journal would
 * write: known without reading it when the last sync wrote or confirmed it
 * as it is, the journal being at the same mark; else compared byte by byte. */
static int sync_dir_own(struct store *st, const char *path, const char *name,
                        struct sync_seen *sn, struct sync_result *out, char **cause)
{
	int64_t mark;
	if (store_changes_mark(st, &mark, cause) != 0)
		return -1;
	FILE *f = fopen(path, "r");
	struct stat sb;
	int current = 0, rc = 0;
	if (f != NULL && fstat(fileno(f), &sb) == 0) {
		char *id = sync_identity(&sb);
		current = sync_seen_same(sn, name, id, mark);
		free(id);
		if (!current)
			rc = sync_is_current(st, f, &mark, &current, cause);
		if (rc == 0 && current) {
			sn->own_sb = sb;
			sn->own_mark = mark;
			sn->own_ok = 1;
		}
	}
	if (f != NULL)
		fclose(f);
	if (rc != 0 || current)
		return rc;
	struct sync_fill_arg a;
	memset(&a, 0, sizeof a);
	a.st = st;
	if (file_write_atomic(path, sync_fill, &a, cause) != 0)
		return -1;
	out->wrote = 1;
	/* the file renamed into place, when it is still the one written */
	if (stat(path, &sb) == 0 && sb.st_dev == a.sb.st_dev && sb.st_ino == a.sb.st_ino &&
	    sb.st_size == a.sb.st_size) {
		sn->own_sb = sb;
		sn->own_mark = a.mark;
		sn->own_ok = 1;
	}
	return 0;
}

int sync_dir(struct store *st, const char *dir, sync_skip_fn skip, void *arg,
             struct sync_result *out, char **cause)
{
	memset(out, 0, sizeof *out);
	char own[ID_LEN + 1];
	if (sync_own_replica(st, own, cause) != 0)
		return -1;
	struct sync_seen sn;
	memset(&sn, 0, sizeof sn);
	strv_init(&sn.keys);
	strv_init(&sn.values);
	strv_init(&sn.names);
	strv_init(&sn.ids);
	struct strv names;
	strv_init(&names);
	char *own_name = xasprintf("%s.jsonl", own);
	struct sync_notes nt = {&sn, own_name, 0, {NULL, 0, 0}, {NULL, 0, 0}};
	strv_init(&nt.keys);
	strv_init(&nt.values);
	int64_t mark = 0;
	int rc = store_changes_mark(st, &mark, cause) != 0 ||
	                         store_meta_each(st, SYNC_SEEN_KEY, sync_seen_row, &sn, cause) != 0 ||
	                         sync_list(dir, own, &names, cause) != 0
	                 ? -1
	                 : 0;
	nt.expect = mark;
	for (size_t i = 0; rc == 0 && i < names.n; i++)
		rc = sync_dir_file(st, dir, names.v[i], &nt, &sn, mark, skip, arg, out, cause);
	char *mine = xasprintf("%s/%s", dir, own_name);
	if (rc == 0)
		rc = sync_dir_own(st, mine, own_name, &sn, out, cause);
	if (rc == 0)
		sync_remember(st, &nt);
	free(mine);
	free(own_name);
	strv_free(&nt.keys);
	strv_free(&nt.values);
	strv_free(&names);
	strv_free(&sn.keys);
	strv_free(&sn.values);
	strv_free(&sn.names);
	strv_free(&sn.ids);
	return rc;
}
