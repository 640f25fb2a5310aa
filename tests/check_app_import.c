/* check_app_import.c: the welcome screen's import: on an empty journal `i`
 * asks for a path, Enter imports that vCard file or vdir folder, and the
 * contacts are there at once; with people in the journal `i` asks nothing. */
#include <check.h>
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
	ck_assert(vm_lines_has(&l, "to import a vCard file or vdir folder"));
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

extern Suite *suite_app_import(void);

Suite *suite_app_import(void)
{
	Suite *s = suite_create("app_import");
	TCase *tc = tcase_create("welcome");
	tcase_add_test(tc, test_welcome_import);
	suite_add_tcase(s, tc);
	return s;
}
