/* check_sync_dir.c: `kith sync DIR` (sync_dir) and the store's mark of
 * change (store_changes_mark): every change of data moves the mark and
 * nothing else does; a sync remembers what it saw and reads again only what
 * changed, and journals syncing in any order still end equal. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_test.h"
#include "sync.h"
#include "sync_test.h"

static int64_t mark_of(struct store *st)
{
	int64_t mark = -1;
	char *cause = NULL;
	ck_assert_int_eq(store_changes_mark(st, &mark, &cause), 0);
	return mark;
}

static int nothing_fn(struct store *st, void *arg, char **cause)
{
	(void)st;
	(void)arg;
	(void)cause;
	return 0;
}

static int note_fn(struct store *st, void *arg, char **cause)
{
	return store_tx_meta_note(st, "test.note", arg, cause);
}

static int meta_fn(struct store *st, void *arg, char **cause)
{
	return store_tx_meta_set(st, "test.data", arg, cause);
}

static int add_fn(struct store *st, void *arg, char **cause)
{
	struct contact c;
	memset(&c, 0, sizeof c);
	c.name = xstrdup(arg);
	int rc = store_tx_contact_add(st, &c, T_NOW, cause);
	contact_free(&c);
	return rc;
}

/* Adds a contact, then returns -1: everything rolled back. */
static int add_then_fail_fn(struct store *st, void *arg, char **cause)
{
	(void)add_fn(st, arg, cause);
	return -1;
}

START_TEST(test_mark_moves_with_data)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	char *cause = NULL;
	int64_t m = mark_of(fx.st);
	/* nothing changed, bookkeeping only, a trial, a failure: it stays */
	ck_assert_int_eq(store_write(fx.st, nothing_fn, NULL, &cause), 0);
	ck_assert_int_eq(store_last_write_changed(fx.st), 0);
	ck_assert_int_eq(store_write(fx.st, note_fn, "1", &cause), 0);
	ck_assert_int_eq(store_write(fx.st, note_fn, NULL, &cause), 0);
	ck_assert_int_eq(store_last_write_changed(fx.st), 0);
	ck_assert_int_eq(store_trial(fx.st, add_fn, "Ana", &cause), 0);
	ck_assert_int_eq(store_last_write_changed(fx.st), 0);
	ck_assert_int_eq(store_write(fx.st, add_then_fail_fn, "Ana", &cause), -1);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(store_last_write_changed(fx.st), 0);
	ck_assert_int_eq(mark_of(fx.st), m);
	/* every committed change of data moves it by one */
	int64_t ana = t_person(fx.st, "Ana", NULL);
	ck_assert_int_eq(store_last_write_changed(fx.st), 1);
	ck_assert_int_eq(mark_of(fx.st), m + 1);
	t_edit_org(fx.st, ana, "Acme", T_NOW);
	ck_assert_int_eq(mark_of(fx.st), m + 2);
	t_log(fx.st, T_NOW, IKIND_CALL, DIR_NONE, 0, &ana, 1, NULL);
	ck_assert_int_eq(mark_of(fx.st), m + 3);
	ck_assert_int_eq(store_write(fx.st, meta_fn, "x", &cause), 0);
	ck_assert_int_eq(mark_of(fx.st), m + 4);
	ck_assert_int_eq(t_contact_remove(fx.st, ana, T_NOW, &cause), 0);
	ck_assert_int_eq(store_last_write_changed(fx.st), 1);
	ck_assert_int_eq(mark_of(fx.st), m + 5);
	/* a bookkeeping row written beside data does not count twice */
	ck_assert_int_eq(store_write(fx.st, note_fn, "2", &cause), 0);
	ck_assert_int_eq(mark_of(fx.st), m + 5);
	t_fixture_close(&fx);
}
END_TEST

/* What sync_dir told; when other is set, the first tell edits the contact
 * rowid there (another program writing to the journal during the sync). */
struct tells {
	int n;
	struct store *other;
	int64_t rowid;
};

static void tell(void *arg, const char *why)
{
	(void)why;
	struct tells *t = arg;
	if (t->n++ == 0 && t->other != NULL)
		t_edit_org(t->other, t->rowid, "Meanwhile", T_NOW - 100);
}

/* sync_dir of st into dir; checks the counts read, unread and wrote. */
static void sync_check(struct store *st, const char *dir, struct tells *t, int64_t read,
                       int64_t unread, int64_t wrote)
{
	struct sync_result r;
	char *cause = NULL;
	ck_assert_msg(sync_dir(st, dir, tell, t, &r, &cause) == 0, "sync: %s", cause ? cause : "?");
	ck_assert_int_eq(r.read, read);
	ck_assert_int_eq(r.unread, unread);
	ck_assert_int_eq(r.wrote, wrote);
}

static int count_row(void *arg, const char *key, const char *value, char **cause)
{
	(void)key;
	(void)value;
	(void)cause;
	(*(int *)arg)++;
	return 0;
}

/* How many files the last sync of st remembers. */
static int seen_of(struct store *st)
{
	int n = 0;
	char *cause = NULL;
	ck_assert_int_eq(store_meta_each(st, "sync.seen.", count_row, &n, &cause), 0);
	return n;
}

/* The path of a file in dir other than skip (NULL: any); heap. */
static char *other_file(const char *dir, const char *skip)
{
	char *found = NULL;
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	struct dirent *e;
	while (found == NULL && (e = readdir(d)) != NULL) {
		char *path = t_path(dir, e->d_name);
		if (e->d_name[0] != '.' && (skip == NULL || strcmp(path, skip) != 0))
			found = path;
		else
			free(path);
	}
	closedir(d);
	ck_assert_ptr_nonnull(found);
	return found;
}

/* Two journals and the folder they sync through. */
struct pair {
	struct t_fixture a, b;
	char *dir;
	struct tells t;
};

static void pair_open(struct pair *p)
{
	t_fixture_open(&p->a);
	t_fixture_open(&p->b);
	p->dir = t_tmpdir();
	memset(&p->t, 0, sizeof p->t);
}

static void pair_close(struct pair *p)
{
	t_rmtree(p->dir);
	free(p->dir);
	t_fixture_close(&p->a);
	t_fixture_close(&p->b);
}

/* The rowid in `to` of the contact rowid of `from`. */
static int64_t rowid_in(struct store *to, struct store *from, int64_t rowid)
{
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(from, rowid, &c, &cause), 0);
	int64_t there = t_rowid_of(to, c.id);
	contact_free(&c);
	return there;
}

START_TEST(test_sync_reads_what_changed)
{
	struct pair p;
	pair_open(&p);
	t_person(p.a.st, "Ana", NULL);
	char *cause = NULL;
	ck_assert_int_eq(store_write(p.a.st, meta_fn, "kept", &cause), 0); /* not the sync's */
	sync_check(p.a.st, p.dir, &p.t, 0, 0, 1);
	char *fa = other_file(p.dir, NULL);
	t_person(p.b.st, "Bruno", NULL);
	sync_check(p.b.st, p.dir, &p.t, 1, 0, 1);
	char *fb = other_file(p.dir, fa);
	sync_check(p.a.st, p.dir, &p.t, 1, 0, 1);
	ck_assert_int_eq(seen_of(p.a.st), 2);
	/* nothing new: nothing read, nothing written, not even the meta rows */
	int64_t m = mark_of(p.a.st);
	int64_t commits = store_commits(p.a.st);
	sync_check(p.a.st, p.dir, &p.t, 0, 1, 0);
	ck_assert_int_eq(store_commits(p.a.st), commits);
	ck_assert_int_eq(mark_of(p.a.st), m);
	sync_check(p.b.st, p.dir, &p.t, 1, 0, 0);
	sync_check(p.b.st, p.dir, &p.t, 0, 1, 0);
	t_assert_equal_journals(p.a.st, p.b.st);
	/* a file cut short is never remembered: told at every sync */
	size_t len;
	char *text = t_slurp(fb, &len);
	char *cut = t_path(p.dir, "00000000-0000-4000-8000-000000000000.jsonl");
	t_spit(cut, text, len - 2);
	sync_check(p.a.st, p.dir, &p.t, 0, 1, 0);
	ck_assert_int_eq(p.t.n, 1);
	ck_assert_int_eq(seen_of(p.a.st), 2);
	sync_check(p.a.st, p.dir, &p.t, 0, 1, 0);
	ck_assert_int_eq(p.t.n, 2);
	/* made whole, it is read */
	t_spit(cut, text, len);
	sync_check(p.a.st, p.dir, &p.t, 1, 1, 0);
	ck_assert_int_eq(seen_of(p.a.st), 3);
	/* removed files are forgotten: put back as they were, they are read */
	ck_assert_int_eq(unlink(cut), 0);
	ck_assert_int_eq(unlink(fb), 0);
	sync_check(p.a.st, p.dir, &p.t, 0, 0, 0);
	ck_assert_int_eq(seen_of(p.a.st), 1);
	t_spit(fb, text, len);
	sync_check(p.a.st, p.dir, &p.t, 1, 0, 0);
	ck_assert_int_eq(p.t.n, 2);
	char *v = NULL;
	ck_assert_int_eq(store_meta_get(p.a.st, "test.data", &v, &cause), 0);
	ck_assert_str_eq(v, "kept");
	free(v);
	free(text);
	free(cut);
	free(fa);
	free(fb);
	pair_close(&p);
}
END_TEST

START_TEST(test_sync_older_local_edit)
{
	/* b takes a's edit of Ana, then edits her itself with a clock behind
	 * a's: its next sync must read a's file again, where a's edit wins, as
	 * it does on a, or the two would differ for good */
	struct pair p;
	pair_open(&p);
	int64_t ana = t_person(p.a.st, "Ana", NULL);
	sync_check(p.a.st, p.dir, &p.t, 0, 0, 1);
	sync_check(p.b.st, p.dir, &p.t, 1, 0, 1);
	t_edit_org(p.a.st, ana, "Alpha", T_NOW + 100);
	sync_check(p.a.st, p.dir, &p.t, 1, 0, 1);
	sync_check(p.b.st, p.dir, &p.t, 1, 0, 1);
	int64_t bana = rowid_in(p.b.st, p.a.st, ana);
	t_edit_org(p.b.st, bana, "Older", T_NOW + 50);
	/* back to what b's file holds: not written */
	sync_check(p.b.st, p.dir, &p.t, 1, 0, 0);
	sync_check(p.a.st, p.dir, &p.t, 1, 0, 0);
	sync_check(p.b.st, p.dir, &p.t, 0, 1, 0);
	t_assert_equal_journals(p.a.st, p.b.st);
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(p.b.st, bana, &c, &cause), 0);
	ck_assert_str_eq(c.org, "Alpha");
	contact_free(&c);
	ck_assert_int_eq(p.t.n, 0);
	pair_close(&p);
}
END_TEST

START_TEST(test_sync_write_meanwhile)
{
	/* another program edits Bruno in a's journal while a syncs, with a
	 * clock behind b's: the sync does not remember b's file as merged into
	 * that journal, and the next one reads it again, where b's Bruno wins */
	struct pair p;
	pair_open(&p);
	int64_t bruno = t_person(p.b.st, "Bruno", NULL);
	sync_check(p.b.st, p.dir, &p.t, 0, 0, 1);
	sync_check(p.a.st, p.dir, &p.t, 1, 0, 1);
	p.t.rowid = rowid_in(p.a.st, p.b.st, bruno);
	char *cut = t_path(p.dir, "00000000-0000-4000-8000-000000000000.jsonl");
	const char *half = "{\"type\":\"kith\""; /* no newline: cut short */
	t_spit(cut, half, strlen(half));
	p.t.other = t_open(p.a.path);
	sync_check(p.a.st, p.dir, &p.t, 0, 1, 1);
	ck_assert_int_eq(p.t.n, 1);
	ck_assert_int_eq(unlink(cut), 0);
	sync_check(p.a.st, p.dir, &p.t, 1, 0, 1);
	t_assert_equal_journals(p.a.st, p.b.st);
	store_close(p.t.other);
	free(cut);
	pair_close(&p);
}
END_TEST

/* Merges the export of from into to (sync_import). */
static void import_of(struct store *to, struct store *from)
{
	char *text = t_export(from);
	FILE *f = fmemopen(text, strlen(text), "r");
	struct sync_counts n;
	char *cause = NULL;
	ck_assert_msg(sync_import(to, f, "in.jsonl", 0, NULL, &n, &cause) == 0, "merge: %s",
	              cause ? cause : "?");
	fclose(f);
	free(text);
}

START_TEST(test_merge_again_leaves_mark)
{
	/* a merge that changes nothing, tombstones included, moves nothing */
	struct t_fixture a, b;
	t_fixture_open(&a);
	t_fixture_open(&b);
	int64_t ana = t_person(a.st, "Ana", NULL);
	t_person(a.st, "Bruno", NULL);
	t_log(a.st, T_NOW, IKIND_CALL, DIR_NONE, 0, &ana, 1, NULL);
	char *cause = NULL;
	ck_assert_int_eq(t_contact_remove(a.st, ana, T_NOW + 10, &cause), 0);
	import_of(b.st, a.st);
	ck_assert_int_eq(store_last_write_changed(b.st), 1);
	int64_t m = mark_of(b.st);
	import_of(b.st, a.st);
	ck_assert_int_eq(store_last_write_changed(b.st), 0);
	ck_assert_int_eq(mark_of(b.st), m);
	t_assert_equal_journals(a.st, b.st);
	t_fixture_close(&a);
	t_fixture_close(&b);
}
END_TEST

Suite *suite_sync_dir(void)
{
	Suite *s = suite_create("sync_dir");
	TCase *tc = tcase_create("mark");
	tcase_add_test(tc, test_mark_moves_with_data);
	tcase_add_test(tc, test_merge_again_leaves_mark);
	suite_add_tcase(s, tc);
	tc = tcase_create("dir");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_sync_reads_what_changed);
	tcase_add_test(tc, test_sync_older_local_edit);
	tcase_add_test(tc, test_sync_write_meanwhile);
	suite_add_tcase(s, tc);
	return s;
}
