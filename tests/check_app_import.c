/* check_app_import.c: the welcome screen's import: on an empty journal `i`
 * asks for a path, Enter imports that file (vCard, CSV, LinkedIn, JSON Lines)
 * or vdir folder, the contacts are there at once and the status line says
 * what came in, or why nothing did; with people in the journal `i` asks
 * nothing. The files are those of tests/fixtures/import (and csv). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "err.h"
#include "store_test.h"

static void tai_type(struct app *app, const char *s)
{
	for (; *s != '\0'; s++)
		app_key(app, (uint32_t)(unsigned char)*s);
}

START_TEST(test_welcome_import)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	char *vcf = t_path(dir, "people.vcf");
	static const char cards[] = "BEGIN:VCARD\r\nFN:Ana Souza\r\nEMAIL:ana@x.example\r\nEND:VCARD\r\n"
	                            "BEGIN:VCARD\r\nFN:Bruno Lima\r\nEND:VCARD\r\n";
	t_spit(vcf, cards, sizeof cards - 1);
	struct store *st = t_open(path);
	struct score_params p;
	score_params_default(&p);
	struct app app;
	char *cause = NULL;
	ck_assert_int_eq(app_init(&app, st, &p, T_NOW, &cause), 0);
	ck_assert(app.empty);
	struct vm_lines l;
	vm_lines_init(&l);
	app_welcome_lines(&l);
	ck_assert(vm_lines_has(&l, "to import vCard, CSV, JSON Lines or vdir"));
	vm_lines_free(&l);
	/* a path that is not there: said, nothing written */
	app_key(&app, 'i');
	ck_assert_int_eq(app.input, APP_INPUT_IMPORT);
	tai_type(&app, "/nonexistent/file.vcf");
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(app.input, APP_INPUT_NONE);
	ck_assert_ptr_nonnull(app.message);
	ck_assert(app.message_error);
	ck_assert(app.empty);
	/* the file, with blanks around its name */
	app_key(&app, 'i');
	tai_type(&app, " ");
	tai_type(&app, vcf);
	tai_type(&app, " ");
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_msg(app.message != NULL && strstr(app.message, "2 new") != NULL, "%s",
	              app.message ? app.message : "(no message)");
	ck_assert(!app.empty);
	ck_assert_uint_eq(app.contacts.n, 2);
	/* with people there, `i` is no longer the welcome's */
	app_key(&app, 'i');
	ck_assert_int_ne(app.input, APP_INPUT_IMPORT);
	app_free(&app);
	store_close(st);
	t_rmtree(dir);
	free(dir);
	free(path);
	free(vcf);
}
END_TEST

/* An app on a fresh empty journal in its own folder. */
struct tai {
	char *dir, *db;
	struct store *st;
	struct score_params p; /* the app keeps a pointer to it */
	struct app app;
};

static void tai_open(struct tai *t)
{
	t->dir = t_tmpdir();
	t->db = t_path(t->dir, "kith.db");
	t->st = t_open(t->db);
	score_params_default(&t->p);
	char *cause = NULL;
	ck_assert_int_eq(app_init(&t->app, t->st, &t->p, T_NOW, &cause), 0);
	ck_assert(t->app.empty);
}

static void tai_close(struct tai *t)
{
	app_free(&t->app);
	store_close(t->st);
	t_rmtree(t->dir);
	free(t->dir);
	free(t->db);
}

/* The welcome's import of path: `i`, the path, Enter; returns the status
 * line's message. */
static const char *tai_import_path(struct tai *t, const char *path)
{
	app_key(&t->app, 'i');
	ck_assert_int_eq(t->app.input, APP_INPUT_IMPORT);
	tai_type(&t->app, path);
	app_key(&t->app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(t->app.input, APP_INPUT_NONE);
	ck_assert_ptr_nonnull(t->app.message);
	return t->app.message;
}

/* The same of tests/fixtures/import/NAME. */
static const char *tai_import(struct tai *t, const char *name)
{
	const char *dir = getenv("KITH_FIXTURES");
	char *path = xasprintf("%s/import/%s", dir && *dir ? dir : "tests/fixtures", name);
	const char *m = tai_import_path(t, path);
	free(path);
	return m;
}

/* 1 when the list shows a contact of that name. */
static int tai_has(const struct tai *t, const char *name)
{
	for (size_t i = 0; i < t->app.contacts.n; i++)
		if (strcmp(vm_contacts_name(&t->app.contacts, &t->app.contacts.rows[i]), name) == 0)
			return 1;
	return 0;
}

#define tai_says(msg, want)                                                          \
	ck_assert_msg(strstr((msg), (want)) != NULL, "message '%s' lacks '%s'", (msg), (want))

/* A file that imports: the message says what came in, the list shows the
 * contacts named (a NULL-ended list, all there is). */
static void tai_succeeds(const char *name, const char *want, const char *const *names)
{
	struct tai t;
	tai_open(&t);
	const char *m = tai_import(&t, name);
	tai_says(m, want);
	ck_assert(!t.app.message_error);
	ck_assert(!t.app.empty);
	size_t n = 0;
	for (; names[n] != NULL; n++)
		ck_assert_msg(tai_has(&t, names[n]), "%s: no %s", name, names[n]);
	ck_assert_uint_eq(t.app.contacts.n, n);
	tai_close(&t);
}

START_TEST(test_welcome_import_csv)
{
	static const char *const names[] = {"Dora Alves", "Eli Costa", NULL};
	tai_succeeds("people.csv",
	             "imported 2 contacts from people.csv (CSV): 2 new, 0 updated, 0 unchanged, "
	             "0 errors",
	             names);
}
END_TEST

START_TEST(test_welcome_import_linkedin)
{
	/* three lines of LinkedIn's notes before the header */
	static const char *const names[] = {"Fabio Nunes", "Gita Rao", "Hugo Pires", NULL};
	tai_succeeds("Connections.csv",
	             "imported 3 contacts from Connections.csv (LinkedIn): 3 new, 0 updated", names);
}
END_TEST

START_TEST(test_welcome_import_google)
{
	/* Google's header; a row with nothing to make a contact of is counted */
	static const char *const names[] = {"Dr. Marta Ribeiro", NULL};
	tai_succeeds("../csv/google.csv",
	             "imported 1 contact from google.csv (Google CSV): 1 new, 0 updated, "
	             "0 unchanged, 1 error",
	             names);
}
END_TEST

START_TEST(test_welcome_import_jsonl)
{
	/* two contacts and an interaction, merged by uuid */
	static const char *const names[] = {"Carla Dias", "Nuno Vaz", NULL};
	tai_succeeds("journal.jsonl",
	             "imported 3 records from journal.jsonl (kith JSON Lines): 3 new", names);
}
END_TEST

START_TEST(test_welcome_import_vdir)
{
	static const char *const names[] = {"Ines Moura", "Joao Reis", NULL};
	tai_succeeds("vdir", "imported 2 contacts from vdir (vdir): 2 new", names);
}
END_TEST

/* A file that fails: an error with what is wrong, nothing written. */
static void tai_fails(const char *name, const char *want)
{
	struct tai t;
	tai_open(&t);
	const char *m = tai_import(&t, name);
	tai_says(m, want);
	tai_says(m, "nothing imported");
	/* the file by its name, not its whole path, as the summary names it */
	ck_assert_msg(strncmp(m, name, strlen(name)) == 0, "message '%s' is not of %s", m, name);
	ck_assert(t.app.message_error);
	ck_assert(t.app.empty);
	ck_assert_uint_eq(t.app.contacts.n, 0);
	struct contact *v = NULL;
	size_t n = 9;
	char *cause = NULL;
	struct store_contact_filter flt = {-1, NULL, 1, 0, NULL, 0};
	ck_assert_int_eq(store_contact_list(t.st, &flt, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 0);
	contacts_free(v, n);
	tai_close(&t);
}

START_TEST(test_welcome_import_broken)
{
	/* its first row is good, its second opens a quote it never closes */
	tai_fails("broken.csv", "broken.csv: line 3: unterminated quoted field");
}
END_TEST

START_TEST(test_welcome_import_missing)
{
	tai_fails("gone.csv", "gone.csv: No such file or directory");
}
END_TEST

START_TEST(test_welcome_import_unknown)
{
	tai_fails("notes.txt", "notes.txt: cannot tell its format (vCard, vdir, CSV, LinkedIn or "
	                       "JSON Lines)");
}
END_TEST

/* What the terminal layer was shown while an import ran. */
struct tai_progress {
	struct app *app;
	int calls;
	char last[64];
};

static void tai_progress_seen(void *arg)
{
	struct tai_progress *p = arg;
	p->calls++;
	snprintf(p->last, sizeof p->last, "%s", p->app->message ? p->app->message : "");
}

/* The welcome's import of 1100 rows, the terminal told of its progress when
 * hooked; returns how often it was told. */
static int tai_import_many(int hooked)
{
	struct tai t;
	tai_open(&t);
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "Name,E-mail Address\n");
	for (int i = 0; i < 1100; i++)
		buf_printf(&b, "Person %d,p%d@many.example\n", i, i);
	char *csv = t_path(t.dir, "many.csv");
	t_spit(csv, b.data, b.len);
	buf_free(&b);
	struct tai_progress p = {&t.app, 0, ""};
	if (hooked) {
		t.app.progress = tai_progress_seen;
		t.app.progress_arg = &p;
	}
	const char *m = tai_import_path(&t, csv);
	if (hooked)
		ck_assert_str_eq(p.last, "importing: 1000 records read");
	tai_says(m, "imported 1100 contacts from many.csv (CSV): 1100 new");
	ck_assert_uint_eq(t.app.contacts.n, 1100);
	free(csv);
	tai_close(&t);
	return p.calls;
}

START_TEST(test_welcome_import_progress)
{
	/* told at 1000 records, the count on the status line */
	ck_assert_int_eq(tai_import_many(1), 1);
	/* with nothing to tell (app_init's), the import runs the same */
	ck_assert_int_eq(tai_import_many(0), 0);
}
END_TEST

extern Suite *suite_app_import(void);

Suite *suite_app_import(void)
{
	Suite *s = suite_create("app_import");
	TCase *tc = tcase_create("welcome");
	tcase_set_timeout(tc, 60); /* a thousand contacts under the sanitizers and valgrind */
	tcase_add_test(tc, test_welcome_import);
	tcase_add_test(tc, test_welcome_import_csv);
	tcase_add_test(tc, test_welcome_import_linkedin);
	tcase_add_test(tc, test_welcome_import_google);
	tcase_add_test(tc, test_welcome_import_jsonl);
	tcase_add_test(tc, test_welcome_import_vdir);
	tcase_add_test(tc, test_welcome_import_broken);
	tcase_add_test(tc, test_welcome_import_missing);
	tcase_add_test(tc, test_welcome_import_unknown);
	tcase_add_test(tc, test_welcome_import_progress);
	suite_add_tcase(s, tc);
	return s;
}
