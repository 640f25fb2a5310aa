/* store_admin.c: the journal as a whole: statistics and integrity for kith
 * doctor, online backups, the data version other connections move, and the
 * tombstones (DESIGN.md §3, §9). Depends on sqlite3 and POSIX files. */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"

/* How often a backup step that meets a locked source tries again. */
#define STORE_BACKUP_TRIES 100

/* One integer from a statement's first row; the statement is finalized. */
static int store_one_int(struct store *st, const char *sql, int64_t *out, char **cause)
{
	sqlite3_stmt *s = store_prepare(st, sql, cause);
	if (s == NULL)
		return -1;
	int rc = store_step(st, s, cause);
	if (rc == 1) {
		*out = sqlite3_column_int64(s, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = err_set(cause, "store: no result from %s", sql);
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return rc;
}

static int store_empty_read(struct store *st, void *arg, char **cause)
{
	int64_t v = 0;
	if (store_one_int(st,
	                  "SELECT NOT EXISTS (SELECT 1 FROM contact) "
	                  "AND NOT EXISTS (SELECT 1 FROM interaction)",
	                  &v, cause) != 0)
		return -1;
	*(int *)arg = v != 0;
	return 0;
}

int store_is_empty(struct store *st, int *empty, char **cause)
{
	return store_read(st, store_empty_read, empty, cause);
}

/* The rows of a PRAGMA that returns text, joined by "; " into out. */
static int store_pragma_text(struct store *st, const char *sql, char *out, size_t size,
                             char **cause)
{
	sqlite3_stmt *s = store_prepare(st, sql, cause);
	if (s == NULL)
		return -1;
	struct buf b;
	buf_init(&b);
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (b.len > 0)
			buf_puts(&b, "; ");
		buf_puts(&b, t ? t : "");
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	if (rc == 0)
		snprintf(out, size, "%s", buf_str(&b));
	buf_free(&b);
	return rc;
}

static unsigned store_mode_of(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (unsigned)(sb.st_mode & 07777) : 0;
}

struct store_stats_arg {
	int integrity;
	struct store_stats *out;
};

static int store_stats_read(struct store *st, void *arg, char **cause)
{
	struct store_stats_arg *a = arg;
	struct store_stats *o = a->out;
	int64_t version = 0;
	if (store_one_int(st, "PRAGMA user_version", &version, cause) != 0)
		return -1;
	o->schema_version = (int)version;
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT (SELECT count(*) FROM contact), "
	                                "(SELECT count(*) FROM contact "
	                                "WHERE archived_at IS NOT NULL), "
	                                "(SELECT count(*) FROM interaction), "
	                                "(SELECT count(*) FROM followup WHERE done_at IS NULL), "
	                                "(SELECT count(*) FROM followup "
	                                "WHERE done_at IS NOT NULL), "
	                                "(SELECT count(*) FROM tombstone)",
	                                cause);
	if (s == NULL)
		return -1;
	int rc = store_step(st, s, cause);
	if (rc == 1) {
		o->contacts = sqlite3_column_int64(s, 0);
		o->archived = sqlite3_column_int64(s, 1);
		o->interactions = sqlite3_column_int64(s, 2);
		o->followups_open = sqlite3_column_int64(s, 3);
		o->followups_done = sqlite3_column_int64(s, 4);
		o->tombstones = sqlite3_column_int64(s, 5);
		rc = 0;
	} else if (rc == 0) {
		rc = err_set(cause, "store: no counts");
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	if (rc != 0 || store_one_int(st, "PRAGMA page_count", &o->page_count, cause) != 0 ||
	    store_one_int(st, "PRAGMA page_size", &o->page_size, cause) != 0 ||
	    store_one_int(st, "PRAGMA freelist_count", &o->freelist, cause) != 0 ||
	    store_pragma_text(st, "PRAGMA journal_mode", o->journal_mode, sizeof o->journal_mode,
	                      cause) != 0)
		return -1;
	if (a->integrity && store_pragma_text(st, "PRAGMA integrity_check(20)", o->integrity,
	                                      sizeof o->integrity, cause) != 0)
		return -1;
	return 0;
}

int store_stats(struct store *st, int integrity, struct store_stats *out, char **cause)
{
	memset(out, 0, sizeof *out);
	struct store_stats_arg a = {integrity, out};
	if (store_read(st, store_stats_read, &a, cause) != 0)
		return -1;
	out->file_mode = store_mode_of(st->path);
	char *dir = store_dir_of(st->path);
	out->dir_mode = store_mode_of(dir);
	free(dir);
	return 0;
}

int store_sync_path(const char *path, int dir, char **cause)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return err_set(cause, "cannot open %s: %s", path, strerror(errno));
	int rc = 0;
	if (fsync(fd) != 0 && !(dir && (errno == EINVAL || errno == EBADF)))
		rc = err_set(cause, "cannot sync %s: %s", path, strerror(errno));
	close(fd);
	return rc;
}

/* Copies src into the (empty) file tmp. */
static int store_backup_copy(sqlite3 *src, const char *tmp, char **cause)
{
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		err_set(cause, "%s", dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		(void)sqlite3_close(dst);
		return -1;
	}
	rc = sqlite3_exec(dst, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(dst, "main", src, "main") : NULL;
	if (b == NULL) {
		err_set(cause, "%s", sqlite3_errmsg(dst));
		(void)sqlite3_close(dst);
		return -1;
	}
	for (int tries = 0;; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= STORE_BACKUP_TRIES)
			break;
		(void)sqlite3_sleep(50); /* returns the time slept */
	}
	int frc = sqlite3_backup_finish(b);
	int ret = 0;
	if (rc != SQLITE_DONE)
		ret = err_set(cause, "%s", sqlite3_errstr(rc));
	else if (frc != SQLITE_OK)
		ret = err_set(cause, "%s", sqlite3_errmsg(dst));
	rc = sqlite3_close(dst);
	if (rc != SQLITE_OK && ret == 0)
		ret = err_set(cause, "%s", sqlite3_errstr(rc));
	return ret;
}

int store_backup_db(sqlite3 *db, const char *path, char **cause)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp); /* 0600 */
	if (fd < 0) {
		err_set(cause, "cannot create a file beside %s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	int rc = 0;
	if (fchmod(fd, 0600) != 0)
		rc = err_set(cause, "cannot set the mode of %s: %s", tmp, strerror(errno));
	close(fd);
	if (rc == 0)
		rc = store_backup_copy(db, tmp, cause);
	if (rc == 0)
		rc = store_sync_path(tmp, 0, cause);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = err_set(cause, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
	if (rc != 0) {
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	char *dir = store_dir_of(path);
	rc = store_sync_path(dir, 1, cause);
	free(dir);
	return rc;
}

int store_backup(struct store *st, const char *path, char **cause)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return err_set(cause, "%s already exists", path);
		return err_set(cause, "cannot create %s: %s", path, strerror(errno));
	}
	close(fd);
	if (store_backup_db(st->db, path, cause) != 0) {
		unlink(path);
		return err_wrap(cause, "backing up %s to %s: ", st->path, path);
	}
	return 0;
}

int store_data_version(struct store *st, int64_t *out, char **cause)
{
	if (store_adopt_file(st, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_DATA_VERSION, cause);
	if (s == NULL)
		return -1;
	int rc = store_step(st, s, cause);
	if (rc == 0)
		return err_set(cause, "store: no data_version");
	if (rc < 0)
		return -1;
	/* a connection of its own counts from its own start: the generation
	 * tells the connections apart */
	*out = sqlite3_column_int64(s, 0) + st->generation * ((int64_t)1 << 40);
	store_reset(s);
	return 0;
}

/* ---- tombstones ---- */

static int store_tombstone_kind_ok(const char *kind)
{
	return strcmp(kind, "contact") == 0 || strcmp(kind, "interaction") == 0 ||
	       strcmp(kind, "followup") == 0;
}

int store_tx_tombstone_add(struct store *st, const char *uuid, const char *kind, int64_t at,
                           char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	if (!id_is_uuid(uuid))
		return err_set(cause, "a tombstone for \"%s\", which is not a uuid", uuid);
	if (!store_tombstone_kind_ok(kind))
		return err_set(cause, "a tombstone of kind \"%s\"", kind);
	return store_tombstone_put(st, uuid, kind, at, cause);
}

int store_tombstone_get(struct store *st, const char *uuid, int64_t *deleted_at, char kind[16],
                        char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_TOMBSTONE_GET, cause);
	int rc = s == NULL || store_bind(st, s, cause, "t", uuid) != 0 ? -1
	                                                               : store_step(st, s, cause);
	if (rc == 1) {
		if (kind != NULL) {
			const char *k = (const char *)sqlite3_column_text(s, 0);
			snprintf(kind, 16, "%s", k ? k : "");
		}
		if (deleted_at != NULL)
			*deleted_at = sqlite3_column_int64(s, 1);
		store_reset(s);
		rc = 0;
	} else if (rc == 0) {
		rc = 1;
	}
	return store_snap_end(st, own, rc, cause);
}

int store_tombstones(struct store *st, struct store_tombstone **out, size_t *n, char **cause)
{
	*out = NULL;
	*n = 0;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT uuid, kind, deleted_at FROM tombstone "
	                                "ORDER BY deleted_at, uuid",
	                                cause);
	struct store_tombstone *v = NULL;
	size_t len = 0, cap = 0;
	int rc = s == NULL ? -1 : 1;
	while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		struct store_tombstone *t = &v[len++];
		memset(t, 0, sizeof *t);
		store_col_id(s, 0, t->id);
		const char *k = (const char *)sqlite3_column_text(s, 1);
		snprintf(t->kind, sizeof t->kind, "%s", k ? k : "");
		t->deleted_at = sqlite3_column_int64(s, 2);
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	rc = store_snap_end(st, own, rc, cause);
	if (rc != 0) {
		free(v);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}
