/* check_store_files.c: the journal file as opening meets it: a deferred open
 * makes nothing until a write commits (and then the whole file at once), an
 * empty file is adopted the same way, a FIFO is refused without being opened,
 * and a write that meets another writer waits for it and says so once. */
#include <check.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../src/store_int.h"
#include "err.h"
#include "store_test.h"

/* The number of entries in dir (0 when it does not exist). */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return 0;
	int n = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static int64_t count_contacts(struct store *st)
{
	struct store_stats ss;
	char *cause = NULL;
	ck_assert_msg(store_stats(st, 0, &ss, &cause) == 0, "%s", cause ? cause : "?");
	return ss.contacts;
}

static struct store *open_deferred(const char *path)
{
	struct store *st = NULL;
	char *cause = NULL;
	ck_assert_msg(store_open(&st, path, STORE_OPEN_DEFER, NULL, &cause) == 0, "%s",
	              cause ? cause : "?");
	return st;
}

/* A write that adds "Kept" and then fails, or (arg NULL) that adds "Kept". */
static int add_then(struct store *st, void *arg, char **cause)
{
	struct contact c;
	contact_init(&c);
	free(c.name);
	c.name = xstrdup("Kept");
	int rc = store_tx_contact_add(st, &c, T_NOW, cause);
	contact_free(&c);
	if (rc == 0 && arg != NULL)
		rc = err_set(cause, "%s", (const char *)arg);
	return rc;
}

START_TEST(test_deferred_makes_nothing)
{
	char *dir = t_tmpdir();
	char *top = t_path(dir, "a");
	char *path = t_path(dir, "a/b/kith.db");
	struct store *st = open_deferred(path);
	int empty = 0;
	char *cause = NULL;
	ck_assert_int_eq(store_is_empty(st, &empty, &cause), 0);
	ck_assert_int_eq(empty, 1);
	ck_assert(!t_exists(top));
	/* a trial goes through the writes and keeps nothing, in memory */
	ck_assert_int_eq(store_trial(st, add_then, NULL, &cause), 0);
	ck_assert(!t_exists(top));
	/* a write that fails leaves neither the file nor its folders */
	ck_assert_int_eq(store_write(st, add_then, "no such person", &cause), -1);
	ck_assert_str_eq(cause, "no such person");
	free(cause);
	cause = NULL;
	ck_assert(!t_exists(top));
	ck_assert_int_eq(entries(dir), 0);
	ck_assert_int_eq(count_contacts(st), 0);
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(top);
	free(dir);
}
END_TEST

/* A store reading the stand-in of a missing journal sees the file another
 * kith makes meanwhile: its data_version changes and it reads the file. */
START_TEST(test_deferred_sees_file_made_by_another)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = open_deferred(path);
	int64_t v1 = 0, v2 = 0, v3 = 0;
	char *cause = NULL;
	ck_assert_int_eq(store_data_version(st, &v1, &cause), 0);
	ck_assert_int_eq(store_data_version(st, &v2, &cause), 0);
	ck_assert_int_eq(v2, v1);
	struct store *other = open_deferred(path);
	ck_assert_int_eq(store_write(other, add_then, NULL, &cause), 0);
	ck_assert_int_eq(store_data_version(st, &v3, &cause), 0);
	ck_assert_int_ne(v3, v2);
	ck_assert_int_eq(count_contacts(st), 1);
	/* and from then on, the file's own news */
	t_person(other, "Second", NULL);
	int64_t v4 = 0;
	ck_assert_int_eq(store_data_version(st, &v4, &cause), 0);
	ck_assert_int_ne(v4, v3);
	ck_assert_int_eq(count_contacts(st), 2);
	/* a write here goes to that file */
	t_person(st, "Third", NULL);
	ck_assert_int_eq(count_contacts(other), 3);
	store_close(other);
	store_close(st);
	ck_assert_int_eq(entries(dir), 1);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_deferred_first_commit)
{
	char *dir = t_tmpdir();
	char *jdir = t_path(dir, "a/b");
	char *path = t_path(dir, "a/b/kith.db");
	struct store *st = open_deferred(path);
	char *cause = NULL;
	ck_assert_int_eq(store_write(st, add_then, NULL, &cause), 0);
	ck_assert(t_exists(path));
	ck_assert_uint_eq(t_mode(path), 0600);
	ck_assert_uint_eq(t_mode(jdir), 0700);
	/* the store goes on with the file, and nothing else is beside it */
	ck_assert(!store_is_readonly(st));
	ck_assert_int_eq(count_contacts(st), 1);
	t_person(st, "Second", NULL);
	ck_assert_int_eq(count_contacts(st), 2);
	store_close(st);
	ck_assert_int_eq(entries(jdir), 1);
	st = t_open(path);
	ck_assert_int_eq(count_contacts(st), 2);
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(jdir);
	free(dir);
}
END_TEST

/* The write function is given the store it was called with, even while the
 * first commit runs in the new file. */
static int same_store(struct store *st, void *arg, char **cause)
{
	if (st != arg)
		return err_set(cause, "another store");
	return add_then(st, NULL, cause);
}

struct counted {
	int calls;
};

static int add_counted(struct store *st, void *arg, char **cause)
{
	((struct counted *)arg)->calls++;
	return add_then(st, NULL, cause);
}

START_TEST(test_deferred_same_store)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = open_deferred(path);
	char *cause = NULL;
	int rc = store_write(st, same_store, st, &cause);
	ck_assert_msg(rc == 0, "%s", cause ? cause : "?");
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* Another kith makes the journal while this one waits to write: the write
 * runs again there, and nothing of either is lost. */
START_TEST(test_deferred_taken_meanwhile)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = open_deferred(path);
	struct store *other = t_open(path);
	t_person(other, "First", NULL);
	store_close(other);
	struct counted n = {0};
	char *cause = NULL;
	ck_assert_int_eq(store_write(st, add_counted, &n, &cause), 0);
	ck_assert_int_eq(n.calls, 2);
	ck_assert_int_eq(count_contacts(st), 2);
	store_close(st);
	ck_assert_int_eq(entries(dir), 1);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* An empty file: no journal to read; a deferred open leaves it as it is until
 * a write commits, which makes it a journal of mode 0600. */
START_TEST(test_empty_file_deferred)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	t_spit(path, "", 0);
	ck_assert_int_eq(chmod(path, 0644), 0);
	struct store *st = NULL;
	char *cause = NULL;
	ck_assert_int_eq(store_open(&st, path, STORE_OPEN_NOCREATE, NULL, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "is empty"));
	free(cause);
	cause = NULL;
	st = open_deferred(path);
	ck_assert_int_eq(store_write(st, add_then, "refused", &cause), -1);
	free(cause);
	cause = NULL;
	ck_assert(t_same(path, "", 0));
	ck_assert_uint_eq(t_mode(path), 0644);
	ck_assert_int_eq(entries(dir), 1);
	ck_assert_int_eq(store_write(st, add_then, NULL, &cause), 0);
	ck_assert_uint_eq(t_mode(path), 0600);
	ck_assert_int_eq(count_contacts(st), 1);
	store_close(st);
	ck_assert_int_eq(entries(dir), 1);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* A FIFO is refused before it is opened (opening it would wait for a writer),
 * with the message a directory gets. */
START_TEST(test_fifo_refused)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "fifo");
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	const char *where[] = {path, dir};
	for (size_t i = 0; i < 2; i++) {
		struct store *st = NULL;
		char *cause = NULL;
		ck_assert_int_eq(store_open(&st, where[i], _i ? STORE_OPEN_DEFER : 0, NULL, &cause),
		                 -1);
		char *want = xasprintf("%s is not a kith journal (not a regular file)", where[i]);
		ck_assert_str_eq(cause, want);
		free(want);
		free(cause);
	}
	ck_assert_int_eq(entries(dir), 1);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* ---- a journal this process cannot write ---- */

static const struct store_migration step_v2[] = {
	{STORE_SCHEMA_VERSION + 1, {"CREATE TABLE extra (x)", NULL, NULL, NULL}, NULL},
};

/* What opening a journal in a directory without write permission gives:
 * 0 when it opened, read-only, and a write failed as it should; 1 when it
 * failed with `want` in the message; 2 and up for anything else. */
static int open_readonly(const char *path, const struct score_params *params, int nextra,
                         const char *want)
{
	struct store *st = NULL;
	char *cause = NULL;
	int code;
	if (store_open_steps(&st, path, 0, params, step_v2, (size_t)nextra, &cause) != 0)
		code = want != NULL && strstr(cause, want) != NULL ? 1 : 2;
	else if (!store_is_readonly(st) || count_contacts(st) != 1)
		code = 3;
	else
		code = store_write(st, add_then, NULL, &cause) == -1 &&
		                       strstr(cause, "the journal is read-only: ") == cause
		               ? 0
		               : 4;
	free(cause);
	store_close(st);
	return code;
}

/* Runs open_readonly with the journal's folder made read-only: in a child
 * that becomes another user when this is root (root writes anyway). */
static int readonly_case(const char *dir, const char *path, const struct score_params *params,
                         int nextra, const char *want)
{
	if (geteuid() != 0) {
		ck_assert_int_eq(chmod(dir, 0555), 0);
		int code = open_readonly(path, params, nextra, want);
		ck_assert_int_eq(chmod(dir, 0700), 0);
		return code;
	}
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int code = chown(dir, 65534, 65534) != 0 || chown(path, 65534, 65534) != 0 ||
		                           chmod(dir, 0555) != 0 || setgid(65534) != 0 ||
		                           setuid(65534) != 0
		                   ? 9
		                   : open_readonly(path, params, nextra, want);
		_exit(code);
	}
	int status = 0;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

START_TEST(test_readonly_journal)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = t_open(path);
	t_person(st, "Ana", NULL);
	store_close(st);
	ck_assert_uint_eq(entries(dir), 1);
	/* read as it is; a write fails */
	ck_assert_int_eq(readonly_case(dir, path, NULL, 0, NULL), 0);
	/* it cannot be upgraded, nor rescored for other parameters */
	ck_assert_int_eq(readonly_case(dir, path, NULL, 1, "(its schema 2 needs updating to 3)"), 1);
	struct score_params p;
	score_params_default(&p);
	p.half_life += 1;
	ck_assert_int_eq(readonly_case(dir, path, &p, 0, "its scores were kept with other"), 1);
	/* nothing was made beside it, and it is as it was */
	ck_assert_uint_eq(entries(dir), 1);
	st = t_open(path);
	ck_assert_int_eq(count_contacts(st), 1);
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

/* ---- waiting for another writer ---- */

struct notice {
	int calls;
	struct t_holder *l;
	struct store *st;
};

/* The notice lets the writer go: the write can only succeed after it. It
 * comes as soon as the write meets the lock, while it is taking it. */
static void on_wait(void *arg)
{
	struct notice *n = arg;
	char b = 'x';
	if (n->st != NULL)
		ck_assert(n->st->in_write);
	if (n->calls++ == 0 && n->l != NULL)
		ck_assert_int_eq(write(n->l->release[1], &b, 1), 1);
}

START_TEST(test_write_waits_and_says_so)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	store_close(fx.st); /* the child must share no connection */
	struct t_holder l;
	t_holder_start(&l, fx.dir, fx.path, 0);
	t_holder_lock(&l);
	fx.st = t_open(fx.path);
	struct notice n = {0, &l, fx.st};
	store_set_wait_notice(fx.st, on_wait, &n);
	char *cause = NULL;
	int rc = store_write(fx.st, add_then, NULL, &cause);
	ck_assert_msg(rc == 0, "%s", cause ? cause : "?");
	ck_assert_int_eq(n.calls, 1);
	t_holder_wait(&l);
	/* said once in the life of the store */
	ck_assert_int_eq(store_write(fx.st, add_then, NULL, &cause), 0);
	ck_assert_int_eq(n.calls, 1);
	ck_assert_int_eq(count_contacts(fx.st), 2);
	t_fixture_close(&fx);
}
END_TEST

/* The budget spent, the write fails with a message that says why. */
START_TEST(test_write_gives_up_saying_why)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	store_close(fx.st);
	struct t_holder l;
	t_holder_start(&l, fx.dir, fx.path, 0);
	t_holder_lock(&l);
	fx.st = t_open(fx.path);
	char *cause = NULL;
	ck_assert_int_eq(store_set_retry(fx.st, 20, 1000, &cause), 0);
	struct notice n = {0, NULL, NULL};
	store_set_wait_notice(fx.st, on_wait, &n);
	ck_assert_int_eq(store_write(fx.st, add_then, NULL, &cause), -1);
	char *want = xasprintf("%s is busy: another program was still writing to it after 1 s "
	                       "of waiting",
	                       fx.path);
	ck_assert_str_eq(cause, want);
	free(want);
	free(cause);
	ck_assert_int_eq(n.calls, 1);
	t_holder_release(&l);
	t_holder_wait(&l);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_store_files(void)
{
	Suite *s = suite_create("store_files");
	TCase *tc = tcase_create("files");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_deferred_makes_nothing);
	tcase_add_test(tc, test_deferred_first_commit);
	tcase_add_test(tc, test_deferred_sees_file_made_by_another);
	tcase_add_test(tc, test_deferred_same_store);
	tcase_add_test(tc, test_deferred_taken_meanwhile);
	tcase_add_test(tc, test_empty_file_deferred);
	tcase_add_loop_test(tc, test_fifo_refused, 0, 2);
	tcase_add_test(tc, test_readonly_journal);
	suite_add_tcase(s, tc);
	tc = tcase_create("waiting");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_write_waits_and_says_so);
	tcase_add_test(tc, test_write_gives_up_saying_why);
	suite_add_tcase(s, tc);
	return s;
}
