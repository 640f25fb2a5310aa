/* sync.c: the JSON Lines export of a whole journal, and `kith sync` over a
 * folder of one file per replica (DESIGN.md §8). Core; depends on store.h,
 * jsonl.h, file.h and POSIX folders. */
#include "sync.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "file.h"
#include "jsonl.h"

#define SYNC_REPLICA_KEY "sync.replica"

/* Where the export goes: written to out, or, when `same` is set, compared
 * with what that file holds (differs set, and the export stopped, at the
 * first byte that is not). */
struct sync_out {
	FILE *out;
	struct buf line;
	FILE *same;
	int differs;
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
	if (sync_emit(o, cause) != 0 ||
	    store_each_uuid(st, "contact", sync_out_contact, o, cause) != 0 ||
	    store_each_uuid(st, "interaction", sync_out_interaction, o, cause) != 0 ||
	    store_each_uuid(st, "followup", sync_out_followup, o, cause) != 0 ||
	    store_each_uuid(st, "tombstone", sync_out_tombstone, o, cause) != 0)
		return -1;
	return 0;
}

int sync_export(struct store *st, FILE *out, char **cause)
{
	struct sync_out o = {out, {NULL, 0, 0}, NULL, 0};
	buf_init(&o.line);
	int rc = store_read(st, sync_export_all, &o, cause);
	buf_free(&o.line);
	if (rc == 0 && fflush(out) != 0)
		rc = err_set(cause, "cannot write: %s", strerror(errno));
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
	struct sync_counts counts;
};

static int sync_file_merge(struct store *st, void *arg, char **cause)
{
	struct sync_file_tx *tx = arg;
	rewind(tx->f);
	memset(&tx->counts, 0, sizeof tx->counts);
	return sync_tx_merge(st, tx->f, tx->name, &tx->counts, cause);
}

int sync_import(struct store *st, FILE *in, const char *name, int dry_run,
                struct sync_counts *counts, char **cause)
{
	struct sync_file_tx tx = {in, name, {0, 0, 0, 0, 0}};
	int rc = dry_run ? store_trial(st, sync_file_merge, &tx, cause)
	                 : store_write(st, sync_file_merge, &tx, cause);
	*counts = tx.counts;
	return rc < 0 ? -1 : 0;
}

static int sync_replica_tx(struct store *st, void *arg, char **cause)
{
	return sync_tx_replica(st, arg, cause);
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

static int sync_fill(FILE *f, void *arg, char **cause)
{
	return sync_export(arg, f, cause);
}

/* *current: 1 when the file at path holds exactly what sync_export would
 * write now (0 when it differs, is missing or cannot be read). */
static int sync_is_current(struct store *st, const char *path, int *current, char **cause)
{
	*current = 0;
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return 0;
	struct sync_out o = {NULL, {NULL, 0, 0}, f, 0};
	buf_init(&o.line);
	int rc = store_read(st, sync_export_all, &o, cause);
	buf_free(&o.line);
	if (rc == 0)
		*current = fgetc(f) == EOF && !ferror(f);
	else if (o.differs)
		rc = 0;
	fclose(f);
	return rc;
}

int sync_dir(struct store *st, const char *dir, sync_skip_fn skip, void *arg,
             struct sync_result *out, char **cause)
{
	memset(out, 0, sizeof *out);
	char own[ID_LEN + 1];
	if (store_write(st, sync_replica_tx, own, cause) != 0)
		return -1;
	struct strv names;
	strv_init(&names);
	if (sync_list(dir, own, &names, cause) != 0) {
		strv_free(&names);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < names.n; i++) {
		char *path = xasprintf("%s/%s", dir, names.v[i]);
		FILE *f = fopen(path, "r");
		if (f == NULL) {
			char *why = xasprintf("%s: %s", path, strerror(errno));
			if (skip != NULL)
				skip(arg, why);
			free(why);
			free(path);
			continue;
		}
		struct sync_counts n;
		char *why = NULL;
		int failed = sync_import(st, f, path, 0, &n, &why) != 0;
		if (failed && store_failed_in_journal(st)) {
			/* the journal could not take it (a full disk): the sync fails */
			free(*cause);
			*cause = why;
			rc = -1;
		} else if (failed) {
			if (skip != NULL)
				skip(arg, why);
			free(why);
		} else {
			out->read++;
			out->counts.added += n.added;
			out->counts.updated += n.updated;
			out->counts.unchanged += n.unchanged;
			out->counts.deleted += n.deleted;
			out->counts.skipped += n.skipped;
		}
		fclose(f);
		free(path);
	}
	strv_free(&names);
	if (rc != 0)
		return -1;
	char *mine = xasprintf("%s/%s.jsonl", dir, own);
	int current = 0;
	rc = sync_is_current(st, mine, &current, cause);
	if (rc == 0 && !current) {
		rc = file_write_atomic(mine, sync_fill, st, cause);
		out->wrote = rc == 0;
	}
	free(mine);
	return rc;
}
