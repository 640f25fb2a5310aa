/* check_vm_form.c: the add and edit form: each field checked as it is
 * typed, the record it makes (lists, tags, cadence, notes of several lines
 * kept), and through the program's state: nothing written until a valid
 * form is saved, Esc twice on a changed form, undo of an add and an edit. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "store.h"
#include "store_test.h"
#include "vm_form.h"

static void tf_type(struct vm_form *f, const char *s)
{
	for (; *s; s++)
		vm_form_insert(f, (unsigned char)*s);
}

START_TEST(test_checked_as_typed)
{
	struct vm_form f;
	vm_form_init_add(&f);
	ck_assert_int_eq(vm_form_first_error(&f), VM_FORM_NAME);
	ck_assert_str_eq(f.error[VM_FORM_NAME], "a contact needs a name");
	tf_type(&f, "  ");
	ck_assert_ptr_nonnull(f.error[VM_FORM_NAME]);
	tf_type(&f, "B");
	ck_assert_ptr_null(f.error[VM_FORM_NAME]);
	ck_assert_int_eq(vm_form_first_error(&f), VM_FORM_FIELDS);
	static const struct {
		enum vm_form_field k;
		const char *text;
		int ok;
	} cases[] = {
		{VM_FORM_CIRCLE, "inner", 1},      {VM_FORM_CIRCLE, "innr", 0},
		{VM_FORM_CIRCLE, "", 0},           {VM_FORM_KIND, "strategic", 1},
		{VM_FORM_KIND, "friend", 0},       {VM_FORM_CADENCE, "", 1},
		{VM_FORM_CADENCE, "none", 1},      {VM_FORM_CADENCE, "3650", 1},
		{VM_FORM_CADENCE, "3651", 0},      {VM_FORM_CADENCE, "0", 0},
		{VM_FORM_CADENCE, "2w", 0},        {VM_FORM_EMAILS, "a@b.c, d@e", 1},
		{VM_FORM_EMAILS, "a@b.c, nope", 0}, {VM_FORM_EMAILS, "@b.c", 0},
		{VM_FORM_EMAILS, "a@", 0},         {VM_FORM_TAGS, "work #devconf", 1},
		{VM_FORM_TAGS, "work #", 0},       {VM_FORM_PHONES, "+55 11, 123", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		vm_form_set(&f, cases[i].k, cases[i].text);
		ck_assert_msg((f.error[cases[i].k] == NULL) == cases[i].ok, "%s '%s'",
		              vm_form_label(cases[i].k), cases[i].text);
	}
	/* the focus wraps */
	f.focus = 0;
	vm_form_move(&f, -1);
	ck_assert_uint_eq(f.focus, VM_FORM_NOTES);
	vm_form_move(&f, 2);
	ck_assert_uint_eq(f.focus, VM_FORM_ORG);
	vm_form_free(&f);
}
END_TEST

START_TEST(test_apply_keeps_what_stays)
{
	struct contact c;
	contact_init(&c);
	free(c.name);
	c.name = xstrdup("Ana");
	t_set(&c.notes, "line one\nline two");
	c.cadence_days = 21;
	contact_add_field(&c, FIELD_EMAIL, "work", "ana@acme.example");
	contact_add_field(&c, FIELD_EMAIL, "", "old@acme.example");
	contact_add_field(&c, FIELD_URL, "", "https://ana.example");
	strv_push(&c.tags, "devconf");
	struct vm_form f;
	vm_form_init_edit(&f, &c);
	ck_assert_str_eq(vm_form_text(&f, VM_FORM_CADENCE), "21");
	ck_assert_str_eq(vm_form_text(&f, VM_FORM_EMAILS), "ana@acme.example, old@acme.example");
	ck_assert(!vm_form_changed(&f));
	vm_form_set(&f, VM_FORM_EMAILS, "ana@acme.example,new@x.example");
	vm_form_set(&f, VM_FORM_TAGS, "#mentor devconf");
	vm_form_set(&f, VM_FORM_CADENCE, "");
	vm_form_set(&f, VM_FORM_NAME, "  Ana Souza ");
	ck_assert(vm_form_changed(&f));
	vm_form_apply(&f, &c);
	ck_assert_str_eq(c.name, "Ana Souza");
	ck_assert_int_eq(c.cadence_days, -1);
	ck_assert_str_eq(c.notes, "line one\nline two"); /* not retyped: kept whole */
	ck_assert_uint_eq(c.tags.n, 2);
	ck_assert_str_eq(c.tags.v[0], "devconf");
	ck_assert_str_eq(c.tags.v[1], "mentor");
	size_t emails = 0;
	int work = 0, url = 0;
	for (size_t i = 0; i < c.nfields; i++) {
		emails += c.fields[i].kind == FIELD_EMAIL;
		work |= strcmp(c.fields[i].value, "ana@acme.example") == 0 &&
		        strcmp(c.fields[i].type, "work") == 0;
		url |= c.fields[i].kind == FIELD_URL;
		ck_assert_str_ne(c.fields[i].value, "old@acme.example");
	}
	ck_assert_uint_eq(emails, 2);
	ck_assert(work);
	ck_assert(url);
	/* notes retyped replace them */
	vm_form_set(&f, VM_FORM_NOTES, "one line");
	vm_form_apply(&f, &c);
	ck_assert_str_eq(c.notes, "one line");
	vm_form_free(&f);
	contact_free(&c);
}
END_TEST

static size_t tf_count(struct store *st)
{
	struct contact *cs = NULL;
	size_t n = 0;
	char *cause = NULL;
	struct store_contact_filter all = {.circle = -1, .tag = NULL, .archived = 1};
	ck_assert_int_eq(store_contact_list(st, &all, &cs, &n, &cause), 0);
	contacts_free(cs, n);
	return n;
}

START_TEST(test_app_form_writes_once_saved)
{
	setenv("TZ", "UTC", 1);
	tzset();
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct score_params p;
	score_params_default(&p);
	int64_t ana = t_person(fx.st, "Ana Souza", NULL);
	struct app app;
	char *cause = NULL;
	ck_assert_int_eq(app_init(&app, fx.st, &p, T_NOW, &cause), 0);
	app_key(&app, 'a');
	ck_assert_int_eq(app.screen, APP_SCREEN_FORM);
	/* Enter on a form with errors: the first bad field, nothing written */
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(app.screen, APP_SCREEN_FORM);
	ck_assert_str_eq(app.message, "name: a contact needs a name");
	ck_assert_uint_eq(tf_count(fx.st), 1);
	const char *name = "Eve";
	for (const char *s = name; *s; s++)
		app_key(&app, (uint32_t)*s);
	/* q and j type in a form */
	app_key(&app, 'q');
	ck_assert(!app.quit);
	app_key(&app, KEYMAP_KEY_BACKSPACE);
	/* Esc on a changed form asks for a second one */
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.screen, APP_SCREEN_FORM);
	app_key(&app, KEYMAP_KEY_TAB); /* any other key: the first Esc is forgotten */
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.screen, APP_SCREEN_FORM);
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.screen, APP_SCREEN_MAIN);
	ck_assert_str_eq(app.message, "nothing written");
	ck_assert_uint_eq(tf_count(fx.st), 1);
	/* a valid form is one write, shown and selected at once; undo removes it */
	app_key(&app, 'a');
	for (const char *s = name; *s; s++)
		app_key(&app, (uint32_t)*s);
	int dirty = app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(dirty & APP_DIRTY_ALL, APP_DIRTY_ALL);
	ck_assert_int_eq(app.screen, APP_SCREEN_MAIN);
	ck_assert_str_eq(app.message, "added Eve");
	ck_assert_uint_eq(tf_count(fx.st), 2);
	const struct vm_contact_row *r = vm_contacts_selected(&app.contacts);
	ck_assert_str_eq(vm_contacts_name(&app.contacts, r), "Eve");
	app_key(&app, 'u');
	ck_assert_uint_eq(tf_count(fx.st), 1);
	/* edit, and its undo */
	ck_assert(vm_contacts_select_rowid(&app.contacts, ana));
	app_key(&app, 'e');
	ck_assert_int_eq(app.screen, APP_SCREEN_FORM);
	ck_assert_str_eq(vm_form_text(app.form, VM_FORM_NAME), "Ana Souza");
	app_key(&app, KEYMAP_KEY_TAB);
	app_key(&app, 'X');
	app_key(&app, KEYMAP_KEY_ENTER);
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, ana, &c, &cause), 0);
	ck_assert_str_eq(c.org, "X");
	contact_free(&c);
	app_key(&app, 'u');
	ck_assert_int_eq(store_contact_get(fx.st, ana, &c, &cause), 0);
	ck_assert_str_eq(c.org, "");
	contact_free(&c);
	app_free(&app);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_vm_form(void)
{
	Suite *s = suite_create("vm_form");
	TCase *tc = tcase_create("vm_form");
	tcase_add_test(tc, test_checked_as_typed);
	tcase_add_test(tc, test_apply_keeps_what_stays);
	tcase_add_test(tc, test_app_form_writes_once_saved);
	suite_add_tcase(s, tc);
	return s;
}
