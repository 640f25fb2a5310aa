/* check_store_util.c: helpers shared by the store's test suites (no suite of
 * its own): temporary folders, files as bytes, one-call writes. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../src/store_int.h"
#include "err.h"
#include "store_test.h"

char *t_corpus_dir(void)
{
	const char *env = getenv("KITH_CORPUS");
	const char *tries[] = {env, "../shared/corpus/contacts", "../../shared/corpus/contacts"};
	for (size_t i = 0; i < 3; i++) {
		struct stat sb;
		if (tries[i] != NULL && tries[i][0] != '\0' && stat(tries[i], &sb) == 0 &&
		    S_ISDIR(sb.st_mode))
			return xstrdup(tries[i]);
	}
	return NULL;
}

char *t_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	if (base == NULL || *base == '\0')
		base = P_tmpdir;
	char *dir = xasprintf("%s/kith-store-XXXXXX", base);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

static int t_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void t_rmtree(const char *dir)
{
	nftw(dir, t_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *t_path(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

char *t_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct buf b;
	buf_init(&b);
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

void t_spit(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

int t_same(const char *path, const char *data, size_t len)
{
	size_t n;
	char *now = t_slurp(path, &n);
	int same = now != NULL && n == len && memcmp(now, data, len) == 0;
	free(now);
	return same;
}

int t_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

unsigned t_mode(const char *path)
{
	struct stat sb;
	ck_assert_int_eq(stat(path, &sb), 0);
	return (unsigned)(sb.st_mode & 07777);
}

struct store *t_open(const char *path)
{
	struct store *st = NULL;
	char *cause = NULL;
	int rc = store_open(&st, path, 0, NULL, &cause);
	ck_assert_msg(rc == 0, "store_open: %s", cause ? cause : "?");
	return st;
}

void t_fixture_open(struct t_fixture *fx)
{
	fx->dir = t_tmpdir();
	fx->path = t_path(fx->dir, "kith.db");
	fx->st = t_open(fx->path);
}

int t_stmt_runs(struct store *st, const char *part)
{
	for (sqlite3_stmt *s = sqlite3_next_stmt(st->db, NULL); s != NULL;
	     s = sqlite3_next_stmt(st->db, s))
		if (strstr(sqlite3_sql(s), part) != NULL)
			return sqlite3_stmt_status(s, SQLITE_STMTSTATUS_RUN, 0);
	return 0;
}

void t_assert_idle(struct store *st)
{
	ck_assert_int_eq(st->tx, STORE_TX_NONE);
	ck_assert_msg(sqlite3_get_autocommit(st->db), "a transaction is open");
	for (sqlite3_stmt *s = sqlite3_next_stmt(st->db, NULL); s != NULL;
	     s = sqlite3_next_stmt(st->db, s))
		ck_assert_msg(!sqlite3_stmt_busy(s), "left unreset: %s", sqlite3_sql(s));
}

void t_fixture_close(struct t_fixture *fx)
{
	if (fx->st != NULL)
		t_assert_idle(fx->st);
	store_close(fx->st);
	t_rmtree(fx->dir);
	free(fx->path);
	free(fx->dir);
}

void t_set(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

void t_ref_add(struct interaction *in, int64_t rowid)
{
	struct contact_ref r = {rowid, "", "", ""};
	interaction_add_contact(in, &r);
}

enum t_op_kind {
	T_CONTACT_ADD,
	T_CONTACT_UPDATE,
	T_CONTACT_REMOVE,
	T_INTERACTION_ADD,
	T_INTERACTION_BULK,
	T_INTERACTION_UPDATE,
	T_INTERACTION_REMOVE,
	T_FOLLOWUP_ADD,
	T_FOLLOWUP_DONE,
	T_RESCORE_ALL
};

struct t_op {
	enum t_op_kind kind;
	struct contact *c;
	struct interaction *in;
	struct followup *f;
	int64_t rowid, now;
	int flag;
	store_rescore_report report;
	void *arg;
	size_t *ndiffer;
};

static int t_apply(struct store *st, void *arg, char **cause)
{
	struct t_op *op = arg;
	switch (op->kind) {
	case T_CONTACT_ADD:
		return store_tx_contact_add(st, op->c, op->now, cause);
	case T_CONTACT_UPDATE:
		return store_tx_contact_update(st, op->c, op->now, cause);
	case T_CONTACT_REMOVE:
		return store_tx_contact_remove(st, op->rowid, op->now, cause);
	case T_INTERACTION_ADD:
		return store_tx_interaction_add(st, op->in, op->now, cause);
	case T_INTERACTION_BULK:
		return store_tx_interaction_add_bulk(st, op->in, op->now, cause);
	case T_INTERACTION_UPDATE:
		return store_tx_interaction_update(st, op->in, op->now, cause);
	case T_INTERACTION_REMOVE:
		return store_tx_interaction_remove(st, op->rowid, op->now, cause);
	case T_FOLLOWUP_ADD:
		return store_tx_followup_add(st, op->f, op->now, cause);
	case T_FOLLOWUP_DONE:
		return store_tx_followup_done(st, op->rowid, op->flag, op->now, cause);
	case T_RESCORE_ALL:
		return store_tx_rescore_all(st, op->report, op->arg, op->ndiffer, cause);
	}
	return -1;
}

static int t_run(struct store *st, struct t_op *op, char **cause)
{
	return store_write(st, t_apply, op, cause);
}

int t_contact_add(struct store *st, struct contact *c, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_CONTACT_ADD, .c = c, .now = now};
	return t_run(st, &op, cause);
}

int t_contact_update(struct store *st, struct contact *c, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_CONTACT_UPDATE, .c = c, .now = now};
	return t_run(st, &op, cause);
}

int t_contact_remove(struct store *st, int64_t rowid, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_CONTACT_REMOVE, .rowid = rowid, .now = now};
	return t_run(st, &op, cause);
}

int t_interaction_add(struct store *st, struct interaction *in, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_INTERACTION_ADD, .in = in, .now = now};
	return t_run(st, &op, cause);
}

int t_interaction_bulk(struct store *st, struct interaction *in, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_INTERACTION_BULK, .in = in, .now = now};
	return t_run(st, &op, cause);
}

int t_interaction_update(struct store *st, struct interaction *in, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_INTERACTION_UPDATE, .in = in, .now = now};
	return t_run(st, &op, cause);
}

int t_interaction_remove(struct store *st, int64_t rowid, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_INTERACTION_REMOVE, .rowid = rowid, .now = now};
	return t_run(st, &op, cause);
}

int t_followup_add(struct store *st, struct followup *f, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_FOLLOWUP_ADD, .f = f, .now = now};
	return t_run(st, &op, cause);
}

int t_followup_done(struct store *st, int64_t rowid, int done, int64_t now, char **cause)
{
	struct t_op op = {.kind = T_FOLLOWUP_DONE, .rowid = rowid, .flag = done, .now = now};
	return t_run(st, &op, cause);
}

int t_rescore_all(struct store *st, store_rescore_report report, void *arg, size_t *ndiffer,
                  char **cause)
{
	struct t_op op = {.kind = T_RESCORE_ALL, .report = report, .arg = arg, .ndiffer = ndiffer};
	return t_run(st, &op, cause);
}

int64_t t_person(struct store *st, const char *name, const char *tags)
{
	struct contact c;
	contact_init(&c);
	free(c.name);
	c.name = xstrdup(name);
	c.created_at = T_NOW - 1000 * T_DAY;
	if (tags != NULL)
		strv_split(&c.tags, tags, ',');
	char *cause = NULL;
	int rc = t_contact_add(st, &c, T_NOW, &cause);
	ck_assert_msg(rc == 0, "adding %s: %s", name, cause ? cause : "?");
	int64_t rowid = c.rowid;
	contact_free(&c);
	return rowid;
}

int64_t t_log(struct store *st, int64_t at, enum ikind kind, enum direction dir, int deep,
              const int64_t *rowids, size_t n, char id[ID_LEN + 1])
{
	struct interaction in;
	interaction_init(&in);
	in.at = at;
	in.kind = kind;
	in.dir = dir;
	in.deep = deep;
	for (size_t i = 0; i < n; i++) {
		struct contact_ref r = {rowids[i], "", "", ""};
		interaction_add_contact(&in, &r);
	}
	char *cause = NULL;
	int rc = t_interaction_add(st, &in, T_NOW, &cause);
	ck_assert_msg(rc == 0, "logging: %s", cause ? cause : "?");
	if (id != NULL)
		memcpy(id, in.id, ID_LEN + 1);
	int64_t rowid = in.rowid;
	interaction_free(&in);
	return rowid;
}

static void t_sum_eq(const char *what, double got, double want)
{
	double scale = fmax(1.0, fmax(fabs(got), fabs(want)));
	ck_assert_msg(fabs(got - want) <= 1e-9 * scale, "%s: cached %.17g, rebuilt %.17g", what,
	              got, want);
}

void t_check_cache(struct store *st, int64_t rowid)
{
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(st, rowid, &c, &cause), 0);
	struct score_event *ev = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_contact_events(st, rowid, &ev, &n, &cause), 0);
	struct score_cache want;
	score_cache_build(&want, store_params(st), ev, n, score_is_family(&c, store_params(st)));
	ck_assert_int_eq(c.sc.n, (int64_t)n);
	ck_assert_int_eq(c.sc.ref_at, want.ref_at);
	ck_assert_int_eq(c.sc.last_at, want.last_at);
	ck_assert_int_eq(c.sc.first_at, want.first_at);
	ck_assert_int_eq(c.sc.max_at, want.max_at);
	ck_assert_int_eq(c.sc.n, want.n);
	ck_assert_int_eq(c.sc.n_service, want.n_service);
	t_sum_eq("warm_sum", c.sc.warm_sum, want.warm_sum);
	t_sum_eq("gave_sum", c.sc.gave_sum, want.gave_sum);
	t_sum_eq("got_sum", c.sc.got_sum, want.got_sum);
	free(ev);
	contact_free(&c);
}

uint64_t t_rng(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * UINT64_C(2685821657736338717);
}

/* ---- a second process holding the write lock ---- */

void t_holder_start(struct t_holder *h, char *dir, char *path, int hold_ms)
{
	ck_assert_int_eq(pipe(h->go), 0);
	ck_assert_int_eq(pipe(h->ready), 0);
	ck_assert_int_eq(pipe(h->release), 0);
	h->pid = fork();
	ck_assert_int_ge(h->pid, 0);
	if (h->pid != 0)
		return;
	sqlite3 *db = NULL;
	char b = 'x';
	int code = 0;
	if (read(h->go[0], &b, 1) != 1)
		code = 19;
	else if (sqlite3_open(path, &db) != SQLITE_OK ||
	         sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		code = 20;
	if (write(h->ready[1], &b, 1) != 1)
		code = 21;
	if (hold_ms > 0)
		sqlite3_sleep(hold_ms);
	else if (read(h->release[0], &b, 1) != 1)
		code = 22;
	if (code == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		code = 23;
	sqlite3_close(db);
	free(path); /* the child's copies: valgrind follows children */
	free(dir);
	_exit(code);
}

void t_holder_lock(struct t_holder *h)
{
	char b = 'x';
	ck_assert_int_eq(write(h->go[1], &b, 1), 1);
	ck_assert_int_eq(read(h->ready[0], &b, 1), 1);
}

void t_holder_release(struct t_holder *h)
{
	char b = 'x';
	ck_assert_int_eq(write(h->release[1], &b, 1), 1);
}

void t_holder_wait(struct t_holder *h)
{
	int status = 0;
	ck_assert_int_eq(waitpid(h->pid, &status, 0), h->pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	for (int i = 0; i < 2; i++) {
		close(h->go[i]);
		close(h->ready[i]);
		close(h->release[i]);
	}
}
