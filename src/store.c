/* store.c: the store's connection: kept statements, binding and stepping with
 * every SQLite result checked, read snapshots and write transactions retried
 * while the database is busy, and the default path. Depends on sqlite3. */
#include "store_int.h"

#include <stdarg.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

/* store_write sleeps this long (ms) after its first busy attempt, doubling up
 * to STORE_PAUSE_MAX (also the longest pause of the busy handler), and tries
 * at most STORE_TRIES_MAX times. */
#define STORE_PAUSE_MIN 2
#define STORE_PAUSE_MAX 100
#define STORE_TRIES_MAX 100000

char *store_default_path(char **cause)
{
	const char *e = getenv("KITH_DB");
	if (e != NULL && *e != '\0')
		return xstrdup(e);
	/* XDG: a relative XDG_DATA_HOME is invalid and must be ignored */
	e = getenv("XDG_DATA_HOME");
	if (e != NULL && e[0] == '/') {
		size_t n = strlen(e);
		while (n > 1 && e[n - 1] == '/')
			n--;
		return xasprintf("%.*s/kith/kith.db", (int)n, e);
	}
	e = getenv("HOME");
	if (e != NULL && *e != '\0') {
		size_t n = strlen(e);
		while (n > 1 && e[n - 1] == '/')
			n--;
		return xasprintf("%.*s/.local/share/kith/kith.db", (int)n, e);
	}
	err_set(cause, "no journal location: HOME is not set (set KITH_DB or use --db)");
	return NULL;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

const struct score_params *store_params(const struct store *st)
{
	return &st->params;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < STORE_SQL_COUNT; i++)
		if (st->stmt[i] != NULL)
			(void)sqlite3_finalize(
				st->stmt[i]); /* repeats a step error, already seen */
	store_kept_free(st);
	if (st->db != NULL) {
		if (!sqlite3_get_autocommit(st->db))
			(void)sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		/* every statement is finalized, so close cannot be busy; nothing to report */
		(void)sqlite3_close(st->db);
	}
	free(st->path);
	free(st);
}

int store_rc_busy(int rc)
{
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

int store_fail(struct store *st, int rc, char **cause)
{
	st->last_rc = rc;
	const char *msg = sqlite3_errmsg(st->db);
	if (msg == NULL || *msg == '\0' || strcmp(msg, "not an error") == 0)
		msg = sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(cause, "%s is damaged: %s; restore a backup", st->path, msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(cause, "%s is busy (another program is writing to it): %s", st->path,
		               msg);
	case SQLITE_FULL:
		return err_set(cause, "%s: the disk is full: %s", st->path, msg);
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_IOERR:
		return err_set(cause, "%s: %s", st->path, msg);
	default:
		return err_set(cause, "%s", msg);
	}
}

sqlite3_stmt *store_stmt(struct store *st, enum store_stmt id, char **cause)
{
	if ((unsigned)id >= STORE_SQL_COUNT) {
		err_set(cause, "store: no statement %d", (int)id);
		return NULL;
	}
	if (st->stmt[id] == NULL) {
		int rc = sqlite3_prepare_v3(st->db, store_sql_text(id), -1,
		                            SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL);
		if (rc != SQLITE_OK) {
			store_fail(st, rc, cause);
			st->stmt[id] = NULL;
			return NULL;
		}
	}
	return st->stmt[id];
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql, char **cause)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, cause);
		(void)sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

sqlite3_stmt *store_prepare_kept(struct store *st, const char *sql, char **cause)
{
	for (size_t i = 0; i < STORE_KEPT_MAX; i++) {
		struct store_kept *k = &st->kept[i];
		if (k->s != NULL && !sqlite3_stmt_busy(k->s) && strcmp(k->sql, sql) == 0)
			return k->s;
	}
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, cause);
		(void)sqlite3_finalize(s);
		return NULL;
	}
	/* a free slot, else the next one in turn whose statement is idle */
	for (size_t n = 0; n < STORE_KEPT_MAX; n++) {
		struct store_kept *k = &st->kept[(st->kept_next + n) % STORE_KEPT_MAX];
		if (k->s != NULL && sqlite3_stmt_busy(k->s))
			continue;
		if (k->s != NULL) {
			(void)sqlite3_finalize(k->s); /* idle: nothing to report */
			free(k->sql);
		}
		k->s = s;
		k->sql = xstrdup(sql);
		st->kept_next = (st->kept_next + n + 1) % STORE_KEPT_MAX;
		return s;
	}
	return s; /* every slot in use: store_done finalizes it */
}

void store_done(struct store *st, sqlite3_stmt *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < STORE_KEPT_MAX; i++) {
		if (st->kept[i].s == s) {
			(void)sqlite3_reset(s); /* repeats a step error, already seen */
			(void)sqlite3_clear_bindings(s);
			return;
		}
	}
	(void)sqlite3_finalize(s); /* repeats a step error, already seen */
}

void store_kept_free(struct store *st)
{
	for (size_t i = 0; i < STORE_KEPT_MAX; i++) {
		if (st->kept[i].s != NULL)
			(void)sqlite3_finalize(st->kept[i].s); /* repeats a step error, already seen */
		free(st->kept[i].sql);
		st->kept[i].s = NULL;
		st->kept[i].sql = NULL;
	}
	st->kept_next = 0;
}

int store_bind(struct store *st, sqlite3_stmt *s, char **cause, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = SQLITE_OK;
	for (int i = 0; fmt[i] != '\0' && rc == SQLITE_OK; i++) {
		int col = i + 1;
		switch (fmt[i]) {
		case 't': {
			const char *t = va_arg(ap, const char *);
			rc = sqlite3_bind_text(s, col, t ? t : "", -1, SQLITE_STATIC);
			break;
		}
		case 'x': {
			const char *t = va_arg(ap, const char *);
			rc = t ? sqlite3_bind_text(s, col, t, -1, SQLITE_STATIC)
			       : sqlite3_bind_null(s, col);
			break;
		}
		case 'b': {
			size_t n = va_arg(ap, size_t);
			const char *t = va_arg(ap, const char *);
			rc = n > (size_t)0x7fffffff
			             ? SQLITE_TOOBIG
			             : sqlite3_bind_text(s, col, t, (int)n, SQLITE_STATIC);
			break;
		}
		case 'i':
			rc = sqlite3_bind_int64(s, col, va_arg(ap, int64_t));
			break;
		case 'z': {
			int64_t v = va_arg(ap, int64_t);
			rc = v ? sqlite3_bind_int64(s, col, v) : sqlite3_bind_null(s, col);
			break;
		}
		case 'n': {
			int64_t v = va_arg(ap, int64_t);
			rc = v >= 0 ? sqlite3_bind_int64(s, col, v) : sqlite3_bind_null(s, col);
			break;
		}
		case 'd':
			rc = sqlite3_bind_double(s, col, va_arg(ap, double));
			break;
		default:
			rc = SQLITE_MISUSE;
			break;
		}
	}
	va_end(ap);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, cause);
		store_reset(s);
		return -1;
	}
	return 0;
}

void store_reset(sqlite3_stmt *s)
{
	/* sqlite3_reset returns the last step's result, which the caller checked */
	(void)sqlite3_reset(s);
}

int store_step(struct store *st, sqlite3_stmt *s, char **cause)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		store_reset(s);
		return 0;
	}
	store_fail(st, rc, cause);
	store_reset(s);
	return -1;
}

int store_step_done(struct store *st, sqlite3_stmt *s, char **cause)
{
	int rc;
	while ((rc = store_step(st, s, cause)) == 1)
		;
	return rc;
}

int store_exec(struct store *st, const char *sql, char **cause)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, cause);
	return 0;
}

int store_step_key(struct store *st, enum store_stmt id, int64_t rowid, const char *uuid,
                   sqlite3_stmt **out, char **cause)
{
	sqlite3_stmt *s = *out = store_stmt(st, id, cause);
	if (s == NULL || (uuid ? store_bind(st, s, cause, "t", uuid)
	                       : store_bind(st, s, cause, "i", rowid)) != 0)
		return -1;
	return store_step(st, s, cause);
}

int store_contact_row(struct store *st, enum store_stmt id, int64_t rowid, const char *tag,
                      sqlite3_stmt **out, char **cause)
{
	sqlite3_stmt *s = *out = store_stmt(st, id, cause);
	if (s == NULL || (tag ? store_bind(st, s, cause, "it", rowid, tag)
	                      : store_bind(st, s, cause, "i", rowid)) != 0)
		return -1;
	int rc = store_step(st, s, cause);
	if (rc == 0)
		return err_set(cause, "the contact is " STORE_CONTACT_GONE);
	return rc < 0 ? -1 : 0;
}

int store_contact_ref_get(struct store *st, int64_t rowid, struct contact_ref *r, char **cause)
{
	sqlite3_stmt *s;
	if (store_contact_row(st, STORE_SQL_CONTACT_REF, rowid, NULL, &s, cause) != 0)
		return -1;
	store_col_ref(s, 0, r);
	store_reset(s);
	return 0;
}

int store_run_id(struct store *st, enum store_stmt id, int64_t rowid, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, id, cause);
	if (s == NULL || store_bind(st, s, cause, "i", rowid) != 0)
		return -1;
	return store_step_done(st, s, cause);
}

int store_tags_insert(struct store *st, enum store_stmt id, int64_t rowid, const struct strv *sv,
                      char **cause)
{
	sqlite3_stmt *s = store_stmt(st, id, cause);
	if (s == NULL)
		return -1;
	for (size_t i = 0; i < sv->n; i++) {
		/* a set: the first of tags equal but for case stands for them */
		size_t j = 0;
		while (j < i && !model_tag_equal(sv->v[j], sv->v[i]))
			j++;
		if (j < i)
			continue;
		if (store_bind(st, s, cause, "it", rowid, sv->v[i]) != 0 ||
		    store_step_done(st, s, cause) != 0)
			return -1;
	}
	return 0;
}

static int store_run(struct store *st, enum store_stmt id, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, id, cause);
	if (s == NULL)
		return -1;
	return store_step_done(st, s, cause);
}

/* Ends a failed transaction; a failed statement may have ended it already. */
static void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db)) {
		char *ignored = NULL;
		if (store_run(st, STORE_SQL_ROLLBACK, &ignored) != 0 &&
		    !sqlite3_get_autocommit(st->db))
			(void)sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		free(ignored);
	}
	st->tx = STORE_TX_NONE;
}

int store_need_write(struct store *st, char **cause)
{
	if (st->tx != STORE_TX_WRITE)
		return err_set(cause, "store: a write outside store_write");
	return 0;
}

int store_snap_begin(struct store *st, int *own, char **cause)
{
	*own = 0;
	if (st->tx != STORE_TX_NONE)
		return 0;
	if (store_run(st, STORE_SQL_BEGIN, cause) != 0)
		return -1;
	st->tx = STORE_TX_READ;
	*own = 1;
	return 0;
}

int store_snap_end(struct store *st, int own, int rc, char **cause)
{
	if (!own)
		return rc;
	if (rc < 0) {
		store_rollback(st);
		return rc;
	}
	if (store_run(st, STORE_SQL_COMMIT, cause) != 0) {
		store_rollback(st);
		return -1;
	}
	st->tx = STORE_TX_NONE;
	return rc;
}

int store_read(struct store *st, store_fn fn, void *arg, char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = fn(st, arg, cause);
	return store_snap_end(st, own, rc, cause);
}

int store_is_readonly(const struct store *st)
{
	return st->readonly;
}

int store_failed_in_journal(const struct store *st)
{
	return st->last_rc != SQLITE_OK;
}

void store_set_wait_notice(struct store *st, store_wait_fn fn, void *arg)
{
	st->wait_fn = fn;
	st->wait_arg = arg;
}

/* Tells the wait notice, once in the life of the store. */
static void store_wait_tell(struct store *st)
{
	if (st->wait_fn != NULL && !st->wait_told) {
		st->wait_told = 1;
		st->wait_fn(st->wait_arg);
	}
}

/* SQLite's busy handler: sleeps a little longer each time, up to busy_ms for
 * one lock attempt; a write that waits tells the wait notice. */
static int store_busy_wait(void *arg, int count)
{
	static const int pause_ms[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50};
	struct store *st = arg;
	if (count == 0)
		st->busy_waited = 0;
	if (st->busy_waited >= st->busy_ms)
		return 0;
	if (st->in_write)
		store_wait_tell(st);
	size_t n = sizeof pause_ms / sizeof pause_ms[0];
	int ms = (size_t)count < n ? pause_ms[count] : STORE_PAUSE_MAX;
	if (ms > st->busy_ms - st->busy_waited)
		ms = st->busy_ms - st->busy_waited;
	(void)sqlite3_sleep(ms); /* returns the time slept, rounded up */
	st->busy_waited += ms;
	return 1;
}

/* Inside a write about to commit: moves the mark of store_changes_mark when
 * the transaction changed rows (since `before`, sqlite3_total_changes) other
 * than bookkeeping ones, so that every committed change of data moves it, in
 * the same transaction, and a write that changed nothing does not. */
static int store_tx_mark(struct store *st, int64_t before, int *changed, char **cause)
{
	*changed = sqlite3_total_changes64(st->db) - before > st->quiet;
	return *changed ? store_run(st, STORE_SQL_META_BUMP, cause) : 0;
}

/* BEGIN IMMEDIATE, fn, then COMMIT (or, for a trial, ROLLBACK); run again
 * from the start while the database is busy. */
static int store_write_tx(struct store *st, store_fn fn, void *arg, int commit, char **cause)
{
	if (st->tx != STORE_TX_NONE)
		return err_set(cause, "store: store_write inside another transaction");
	if (st->readonly)
		return err_set(cause, "the journal is read-only: %s", st->path);
	if (st->deferred && commit)
		return store_write_first(st, fn, arg, cause);
	int waited = 0, pause = STORE_PAUSE_MIN;
	for (int tries = 1;; tries++) {
		char *why = NULL;
		int at_begin = 0, rc, changed = 0;
		st->last_rc = SQLITE_OK;
		st->in_write = 1;
		rc = store_run(st, STORE_SQL_BEGIN_IMMEDIATE, &why);
		st->in_write = 0;
		if (rc != 0) {
			at_begin = 1;
			rc = -1;
		} else {
			st->tx = STORE_TX_WRITE;
			int64_t before = sqlite3_total_changes64(st->db);
			st->quiet = 0;
			st->changed = 0;
			rc = fn(st, arg, &why);
			if (rc != -1 && commit &&
			    (store_tx_mark(st, before, &changed, &why) != 0 ||
			     store_run(st, STORE_SQL_COMMIT, &why) != 0))
				rc = -1;
			if (rc == -1 || !commit)
				store_rollback(st);
			st->tx = STORE_TX_NONE;
		}
		if (rc != -1) {
			st->commits += commit;
			st->changed = changed;
			free(why);
			return rc;
		}
		/* a busy BEGIN IMMEDIATE has already waited the whole busy timeout */
		if (at_begin && store_rc_busy(st->last_rc))
			waited += st->busy_ms;
		if (store_rc_busy(st->last_rc) &&
		    (waited >= st->retry_ms || tries >= STORE_TRIES_MAX)) {
			free(why);
			return err_set(cause,
			               "%s is busy: another program was still writing to it after "
			               "%d s of waiting",
			               st->path, st->retry_ms / 1000);
		}
		if (!store_rc_busy(st->last_rc)) {
			if (why == NULL)
				why = xstrdup("store: the write failed");
			free(*cause);
			*cause = why;
			return -1;
		}
		free(why);
		store_wait_tell(st);
		(void)sqlite3_sleep(pause); /* returns the time slept */
		waited += pause;
		pause = pause * 2 > STORE_PAUSE_MAX ? STORE_PAUSE_MAX : pause * 2;
	}
}

int store_write(struct store *st, store_fn fn, void *arg, char **cause)
{
	return store_write_tx(st, fn, arg, 1, cause);
}

int store_trial(struct store *st, store_fn fn, void *arg, char **cause)
{
	return store_write_tx(st, fn, arg, 0, cause);
}

int64_t store_commits(const struct store *st)
{
	return st->commits;
}

int store_last_write_changed(const struct store *st)
{
	return st->changed;
}

int store_set_retry(struct store *st, int busy_ms, int retry_ms, char **cause)
{
	int rc = sqlite3_busy_handler(st->db, store_busy_wait, st);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, cause);
	st->busy_ms = busy_ms;
	st->retry_ms = retry_ms;
	return 0;
}

char *store_col_str(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	if (t == NULL)
		return xstrdup("");
	return xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, col));
}

void store_col_id(sqlite3_stmt *s, int col, char out[ID_LEN + 1])
{
	const unsigned char *t = sqlite3_column_text(s, col);
	if (t == NULL || sqlite3_column_bytes(s, col) != ID_LEN) {
		out[0] = '\0';
		return;
	}
	memcpy(out, t, ID_LEN);
	out[ID_LEN] = '\0';
}

enum ikind store_col_service(sqlite3_stmt *s, int col)
{
	const char *t = (const char *)sqlite3_column_text(s, col);
	enum ikind k;
	if (t == NULL || model_ikind_parse(t, &k) != 0 || !model_ikind_is_service(k))
		return IKIND_NONE;
	return k;
}

void store_col_ref(sqlite3_stmt *s, int col, struct contact_ref *r)
{
	r->rowid = sqlite3_column_int64(s, col);
	store_col_id(s, col + 1, r->id);
	r->name = store_col_str(s, col + 2);
	r->org = store_col_str(s, col + 3);
}

void store_ids_push(struct store_ids *ids, int64_t id)
{
	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 8;
		ids->v = xreallocarray(ids->v, ids->cap, sizeof *ids->v);
	}
	ids->v[ids->n++] = id;
}

static int store_ids_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

void store_ids_sort_unique(struct store_ids *ids)
{
	if (ids->n < 2)
		return;
	qsort(ids->v, ids->n, sizeof *ids->v, store_ids_cmp);
	size_t j = 1;
	for (size_t i = 1; i < ids->n; i++)
		if (ids->v[i] != ids->v[j - 1])
			ids->v[j++] = ids->v[i];
	ids->n = j;
}

void store_ids_free(struct store_ids *ids)
{
	free(ids->v);
	ids->v = NULL;
	ids->n = ids->cap = 0;
}

static int store_slot_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct store_slot *)a)->rowid,
		y = ((const struct store_slot *)b)->rowid;
	return (x > y) - (x < y);
}

void store_slots_sort(struct store_slot *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, store_slot_cmp);
}

const struct store_slot *store_slots_find(const struct store_slot *v, size_t n, int64_t rowid)
{
	struct store_slot key = {rowid, 0};
	const struct store_slot *hit = n ? bsearch(&key, v, n, sizeof *v, store_slot_cmp) : NULL;
	while (hit != NULL && hit > v && hit[-1].rowid == rowid)
		hit--;
	return hit;
}
