/* store_file.c: the journal's file on disk: what is at the path, the private
 * folders leading to it, and the first commit of a deferred open, made in a
 * new file beside the path that takes the path only once it holds the commit
 * (DESIGN.md §3, §9). Depends on sqlite3 and POSIX files. */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"

int store_file_kind(const char *path, enum store_file *kind, char **cause)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return err_set(cause, "cannot open %s: %s", path, strerror(errno));
		*kind = STORE_FILE_MISSING;
		return 0;
	}
	if (!S_ISREG(sb.st_mode))
		return err_set(cause, "%s is not a kith journal (not a regular file)", path);
	*kind = sb.st_size == 0 ? STORE_FILE_EMPTY : STORE_FILE_DATA;
	return 0;
}

char *store_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash == NULL ? xstrdup(".")
	                     : xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* Removes the directories store_make_dirs made for path: the folder of path
 * and its parents up to `made`, the first it made. */
static void store_remove_dirs(const char *path, const char *made)
{
	if (made == NULL)
		return;
	char *dir = store_dir_of(path);
	size_t top = strlen(made);
	for (;;) {
		if (rmdir(dir) != 0 || strlen(dir) <= top)
			break;
		char *up = store_dir_of(dir);
		free(dir);
		dir = up;
	}
	free(dir);
}

/* Makes the directories leading to path that are missing, 0700; *made (when
 * not NULL) is the first one made, or NULL (caller frees). */
static int store_make_dirs(const char *path, char **made, char **cause)
{
	if (made != NULL)
		*made = NULL;
	const char *slash = strrchr(path, '/');
	if (slash == NULL || slash == path)
		return 0;
	char *dir = xstrndup(path, (size_t)(slash - path));
	struct stat sb;
	int rc = 0;
	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			rc = err_set(cause, "%s is not a directory", dir);
		free(dir);
		return rc;
	}
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char keep = *p;
		*p = '\0';
		if (mkdir(dir, 0700) == 0) {
			if (made != NULL && *made == NULL)
				*made = xstrdup(dir);
			if (chmod(dir, 0700) != 0) /* whatever the umask */
				rc = err_set(cause, "cannot set the mode of %s: %s", dir,
				             strerror(errno));
		} else if (errno != EEXIST) {
			rc = err_set(cause, "cannot create %s: %s", dir, strerror(errno));
		}
		*p = keep;
		if (rc != 0 || keep == '\0')
			break;
	}
	free(dir);
	return rc;
}

int store_make_file(const char *path, char **cause)
{
	if (store_make_dirs(path, NULL, cause) != 0)
		return -1;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST) /* another kith made it first */
			return 0;
		return err_set(cause, "cannot create %s: %s", path, strerror(errno));
	}
	int rc = 0;
	if (fchmod(fd, 0600) != 0)
		rc = err_set(cause, "cannot set the mode of %s: %s", path, strerror(errno));
	if (close(fd) != 0 && rc == 0)
		rc = err_set(cause, "cannot create %s: %s", path, strerror(errno));
	return rc;
}

/* Puts the new journal tmp at path: *taken = 1 when another kith made one
 * there meanwhile (tmp is then removed). An empty file at path is replaced. */
static int store_publish(const char *tmp, const char *path, int *taken, char **cause)
{
	*taken = 0;
	if (link(tmp, path) == 0) {
		(void)unlink(tmp); /* the journal is in place: a stray name is harmless */
		return 0;
	}
	int e = errno;
	struct stat sb;
	int there = stat(path, &sb) == 0;
	if (there && S_ISREG(sb.st_mode) && sb.st_size > 0) {
		*taken = 1;
		(void)unlink(tmp);
		return 0;
	}
	/* an empty file, or a file system without hard links: replace by rename */
	if ((there && S_ISREG(sb.st_mode)) || (!there && e != EEXIST)) {
		if (rename(tmp, path) == 0)
			return 0;
		e = errno;
	}
	(void)unlink(tmp);
	return err_set(cause, "cannot create %s: %s", path, strerror(e));
}

/* Removes a journal file and the -wal and -shm beside it. */
static void store_unlink_all(const char *path)
{
	const char *const suffix[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);
		(void)unlink(p); /* best effort: what is left is an empty journal */
		free(p);
	}
}

/* a and b exchange their connections, with the statements and state that
 * belong to them; each keeps its path and settings. */
static void store_swap(struct store *a, struct store *b)
{
	sqlite3 *db = a->db;
	a->db = b->db;
	b->db = db;
	for (size_t i = 0; i < STORE_SQL_COUNT; i++) {
		sqlite3_stmt *s = a->stmt[i];
		a->stmt[i] = b->stmt[i];
		b->stmt[i] = s;
	}
	for (size_t i = 0; i < STORE_KEPT_MAX; i++) {
		struct store_kept k = a->kept[i];
		a->kept[i] = b->kept[i];
		b->kept[i] = k;
	}
	size_t next = a->kept_next;
	a->kept_next = b->kept_next;
	b->kept_next = next;
	int ro = a->readonly, deferred = a->deferred;
	a->readonly = b->readonly;
	a->deferred = b->deferred;
	b->readonly = ro;
	b->deferred = deferred;
	/* the busy handler's argument is the store; it cannot fail on an open
	 * connection */
	char *ignored = NULL;
	(void)store_set_retry(a, a->busy_ms, a->retry_ms, &ignored);
	(void)store_set_retry(b, b->busy_ms, b->retry_ms, &ignored);
	free(ignored);
}

/* Opens path as a journal the way st was opened. */
static int store_open_like(struct store **out, const struct store *st, const char *path,
                           char **cause)
{
	return store_open_steps(out, path, st->flags & ~(STORE_OPEN_DEFER | STORE_OPEN_NOCREATE),
	                        &st->params, st->extra, st->nextra, cause);
}

/* The store goes on with the file at its path instead of the stand-in in
 * memory; the generation tells readers of the data version. */
static int store_switch_to_file(struct store *st, char **cause)
{
	struct store *r = NULL;
	if (store_open_like(&r, st, st->path, cause) != 0) {
		store_close(r);
		return -1;
	}
	store_swap(st, r);
	store_close(r); /* the stand-in in memory */
	st->generation++;
	return 0;
}

int store_write_first(struct store *st, store_fn fn, void *arg, char **cause)
{
	char *made = NULL;
	if (store_make_dirs(st->path, &made, cause) != 0) {
		store_remove_dirs(st->path, made);
		free(made);
		return -1;
	}
	char *tmp = xasprintf("%s.XXXXXX", st->path);
	int fd = mkstemp(tmp), rc = 0; /* 0600 */
	if (fd < 0)
		rc = err_set(cause, "cannot create a file beside %s: %s", st->path,
		             strerror(errno));
	else if (close(fd) != 0)
		rc = err_set(cause, "cannot create %s: %s", tmp, strerror(errno));
	/* fn runs with st itself (its argument may hold st), on the draft's
	 * connection */
	struct store *t = NULL;
	if (rc == 0 && (rc = store_open_like(&t, st, tmp, cause)) == 0) {
		store_swap(st, t);
		rc = store_write(st, fn, arg, cause);
		store_swap(st, t);
	}
	store_close(t); /* the draft is whole in its file: no -wal is left */
	int taken = 0;
	char *dir = store_dir_of(st->path);
	if (rc == -1 || store_publish(tmp, st->path, &taken, cause) != 0 ||
	    store_sync_path(dir, 1, cause) != 0) {
		if (fd >= 0)
			store_unlink_all(tmp);
		store_remove_dirs(st->path, made);
		free(dir);
		free(made);
		free(tmp);
		return -1;
	}
	free(dir);
	free(made);
	free(tmp);
	/* the store goes on with the file; when another kith made it first, fn
	 * runs again there, as for a busy retry */
	if (store_switch_to_file(st, cause) != 0)
		return -1;
	return taken ? store_write(st, fn, arg, cause) : rc;
}

int store_adopt_file(struct store *st, char **cause)
{
	enum store_file kind;
	char *why = NULL;
	if (!st->deferred || st->tx != STORE_TX_NONE)
		return 0;
	if (store_file_kind(st->path, &kind, &why) != 0 || kind != STORE_FILE_DATA) {
		free(why); /* nothing there to read yet: the first commit will tell */
		return 0;
	}
	return store_switch_to_file(st, cause);
}

