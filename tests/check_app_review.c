/* check_app_review.c: the weekly review screen through the program's state,
 * on a temporary journal with a pinned clock: `w` opens it and back goes to
 * the list; each action on the selected row (snooze, follow-up, done of that
 * very follow-up, the record, the capture prompt with that person only)
 * writes once and the sections follow at once; undo; a write from another
 * connection; a filter that hid the person; an empty journal. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "date.h"
#include "review.h"
#include "store.h"
#include "store_test.h"
#include "utf8.h"

static struct t_fixture tr_fx;
static struct score_params tr_params;
static int64_t tr_ana, tr_bruno, tr_chen, tr_dora, tr_deck, tr_call;

static int64_t tr_followup(int64_t contact, int64_t due, const char *text)
{
	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = contact;
	f.due_at = due;
	f.text = xstrdup(text);
	char *cause = NULL;
	ck_assert_msg(t_followup_add(tr_fx.st, &f, T_NOW, &cause) == 0, "%s", cause);
	int64_t rowid = f.rowid;
	followup_free(&f);
	return rowid;
}

static void tr_circle(int64_t rowid, enum circle circle)
{
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(tr_fx.st, rowid, &c, &cause), 0);
	c.circle = circle;
	ck_assert_int_eq(t_contact_update(tr_fx.st, &c, T_NOW, &cause), 0);
	contact_free(&c);
}

/* Ana: inner, coffee 20 days ago (reach out, going cold); Bruno: close, got
 * an intro 5 days ago (I owe); Chen: wide, met once 2 days ago (met, no
 * follow-up); Dora: close, a call 3 days ago and two follow-ups: "call
 * back" due 3 days ago, "send the deck" due yesterday. */
static void tr_setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	score_params_default(&tr_params);
	t_fixture_open(&tr_fx);
	struct store *st = tr_fx.st;
	tr_ana = t_person(st, "Ana Souza", NULL);
	tr_bruno = t_person(st, "Bruno Lima", NULL);
	tr_chen = t_person(st, "Chen Wei", "devconf");
	tr_dora = t_person(st, "Dora Fátima", NULL);
	tr_circle(tr_ana, CIRCLE_INNER);
	tr_circle(tr_bruno, CIRCLE_CLOSE);
	tr_circle(tr_chen, CIRCLE_WIDE);
	tr_circle(tr_dora, CIRCLE_CLOSE);
	t_log(st, T_NOW - 20 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &tr_ana, 1, NULL);
	t_log(st, T_NOW - 5 * T_DAY, IKIND_INTRO, DIR_GOT, 0, &tr_bruno, 1, NULL);
	t_log(st, T_NOW - 2 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &tr_chen, 1, NULL);
	t_log(st, T_NOW - 3 * T_DAY, IKIND_CALL, DIR_NONE, 0, &tr_dora, 1, NULL);
	tr_call = tr_followup(tr_dora, T_NOW - 3 * T_DAY, "call back");
	tr_deck = tr_followup(tr_dora, T_NOW - 1 * T_DAY, "send the deck");
}

static void tr_teardown(void)
{
	t_fixture_close(&tr_fx);
}

static void tr_open(struct app *app)
{
	char *cause = NULL;
	ck_assert_msg(app_init(app, tr_fx.st, &tr_params, T_NOW, &cause) == 0, "%s", cause);
	app_idle(app, T_NOW);
	ck_assert_int_eq(app_key(app, 'w') & APP_DIRTY_ALL, APP_DIRTY_ALL);
	ck_assert_int_eq(app->screen, APP_SCREEN_REVIEW);
}

static void tr_type(struct app *app, const char *s)
{
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		i += utf8_decode(s + i, strlen(s + i), &cp);
		app_key(app, cp);
	}
}

/* 1 when the review shows contact (and follow-up, when not 0) in section s. */
static int tr_in(const struct app *app, enum review_section s, int64_t contact,
                 int64_t followup)
{
	struct vm_review copy = app->review; /* the selection is not the test's to move */
	return vm_review_select_in(&copy, review_section_title(s), contact, followup);
}

/* Selects contact's row in section s (fails the test when it is not there). */
static void tr_select(struct app *app, enum review_section s, int64_t contact,
                      int64_t followup)
{
	ck_assert_msg(vm_review_select_in(&app->review, review_section_title(s), contact, followup),
	              "%lld not in %s", (long long)contact, review_section_title(s));
}

static size_t tr_open_followups(int64_t rowid)
{
	struct followup *f = NULL;
	size_t n = 0;
	char *cause = NULL;
	struct store_followup_query q = {rowid, 0, 0};
	ck_assert_int_eq(store_followups(tr_fx.st, &q, &f, &n, &cause), 0);
	followups_free(f, n);
	return n;
}

static char *tr_status(struct app *app)
{
	struct buf b;
	buf_init(&b);
	size_t cursor;
	app_status(app, 200, &b, &cursor);
	return buf_detach(&b);
}

START_TEST(test_open_sections_and_back)
{
	struct app app;
	tr_open(&app);
	ck_assert_int_eq(app_mode(&app), KEYMAP_REVIEW);
	ck_assert(tr_in(&app, REVIEW_REACH_OUT, tr_ana, 0));
	ck_assert(tr_in(&app, REVIEW_I_OWE, tr_bruno, 0));
	ck_assert(tr_in(&app, REVIEW_MET_NO_FOLLOWUP, tr_chen, 0));
	ck_assert(tr_in(&app, REVIEW_FOLLOWUPS, tr_dora, tr_deck));
	ck_assert(tr_in(&app, REVIEW_FOLLOWUPS, tr_dora, tr_call));
	ck_assert(!tr_in(&app, REVIEW_MET_NO_FOLLOWUP, tr_ana, 0));
	ck_assert_ptr_nonnull(app.review.title);
	ck_assert_str_eq(app.review.title, "Weekly review, 2023-11-13 to 2023-11-19");
	/* nothing yet this Tuesday; last week the intro, Chen's meeting and
	 * Dora's call; Ana's coffee three weeks ago */
	ck_assert_uint_eq(app.review.weeks[VM_REVIEW_WEEKS - 1], 0);
	ck_assert_uint_eq(app.review.weeks[VM_REVIEW_WEEKS - 2], 3);
	ck_assert_uint_eq(app.review.weeks[VM_REVIEW_WEEKS - 4], 1);
	ck_assert_uint_eq(app.review.got[VM_REVIEW_WEEKS - 2], 1);
	ck_assert_uint_eq(app.review.gave[VM_REVIEW_WEEKS - 2], 0);
	size_t n = vm_review_count(&app.review);
	char *s = tr_status(&app);
	char *want = xasprintf("1/%zu  weekly review  j/k move  Tab section  c log", n);
	ck_assert_msg(strncmp(s, want, strlen(want)) == 0, "%s", s);
	free(want);
	free(s);
	/* moves and Tab */
	ck_assert_int_eq(app_key(&app, 'j') & APP_DIRTY_VIEW, APP_DIRTY_VIEW);
	ck_assert_uint_eq(app.review.sel, 1);
	app_key(&app, 'G');
	ck_assert_uint_eq(app.review.sel, n - 1);
	app_key(&app, 'g');
	app_key(&app, KEYMAP_KEY_TAB);
	ck_assert_uint_gt(app.review.sel, 0);
	ck_assert_str_ne(vm_review_section_title(&app.review, app.review.sel),
	                 vm_review_section_title(&app.review, 0));
	app_key(&app, KEYMAP_KEY_BTAB);
	ck_assert_uint_eq(app.review.sel, 0);
	/* back: Esc, q, w; q does not quit from here */
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.screen, APP_SCREEN_MAIN);
	ck_assert(!app.review.loaded);
	s = tr_status(&app);
	ck_assert_msg(strncmp(s, "1/4  sort:attention", 19) == 0, "%s", s);
	free(s);
	app_key(&app, 'w');
	app_key(&app, 'q');
	ck_assert_int_eq(app.screen, APP_SCREEN_MAIN);
	ck_assert(!app.quit);
	app_key(&app, 'w');
	app_key(&app, 'w');
	ck_assert_int_eq(app.screen, APP_SCREEN_MAIN);
	/* the help from the review goes back to it */
	app_key(&app, 'w');
	app_key(&app, '?');
	ck_assert_int_eq(app.screen, APP_SCREEN_HELP);
	ck_assert(vm_lines_has(&app.view, "THE WEEKLY REVIEW"));
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.screen, APP_SCREEN_REVIEW);
	app_free(&app);
}
END_TEST

START_TEST(test_snooze_in_place_and_undo)
{
	struct app app;
	tr_open(&app);
	tr_select(&app, REVIEW_REACH_OUT, tr_ana, 0);
	int dirty = app_key(&app, 'z');
	ck_assert_int_eq(dirty & APP_DIRTY_ALL, APP_DIRTY_ALL);
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(tr_fx.st, tr_ana, &c, &cause), 0);
	ck_assert_int_eq(c.snoozed_until, date_add_days(date_day_start(T_NOW), 7));
	contact_free(&c);
	ck_assert_str_eq(app.message, "snoozed Ana Souza until 2023-11-21");
	/* at once: snoozed, she is out of reach out */
	ck_assert(!tr_in(&app, REVIEW_REACH_OUT, tr_ana, 0));
	ck_assert_int_eq(app.screen, APP_SCREEN_REVIEW);
	/* the selection takes the row that took her place, in the same section */
	ck_assert_str_eq(vm_review_section_title(&app.review, app.review.sel),
	                 review_section_title(REVIEW_REACH_OUT));
	ck_assert_int_eq(vm_review_selected(&app.review)->contact, tr_bruno);
	app_key(&app, 'u');
	ck_assert_str_eq(app.message, "undid the snooze of Ana Souza");
	ck_assert(tr_in(&app, REVIEW_REACH_OUT, tr_ana, 0));
	app_free(&app);
}
END_TEST

START_TEST(test_followup_and_done_of_that_row)
{
	struct app app;
	tr_open(&app);
	tr_select(&app, REVIEW_MET_NO_FOLLOWUP, tr_chen, 0);
	app_key(&app, 'f');
	ck_assert_int_eq(app.input, APP_INPUT_FOLLOWUP);
	ck_assert_str_eq(app.ask, "follow-up with Chen Wei, WHEN TEXT: ");
	tr_type(&app, "1w write about the talk");
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(app.input, APP_INPUT_NONE);
	ck_assert_uint_eq(tr_open_followups(tr_chen), 1);
	/* followed up: no longer "met, no follow-up" */
	ck_assert(!tr_in(&app, REVIEW_MET_NO_FOLLOWUP, tr_chen, 0));

	/* d on the second of Dora's rows marks that one, not her first */
	tr_select(&app, REVIEW_FOLLOWUPS, tr_dora, tr_deck);
	app_key(&app, 'd');
	ck_assert_str_eq(app.message, "done: send the deck");
	ck_assert(!tr_in(&app, REVIEW_FOLLOWUPS, tr_dora, tr_deck));
	ck_assert(tr_in(&app, REVIEW_FOLLOWUPS, tr_dora, tr_call));
	ck_assert_uint_eq(tr_open_followups(tr_dora), 1);
	ck_assert_int_eq(vm_review_selected(&app.review)->followup, tr_call);
	app_key(&app, 'u');
	ck_assert(tr_in(&app, REVIEW_FOLLOWUPS, tr_dora, tr_deck));
	ck_assert_uint_eq(tr_open_followups(tr_dora), 2);
	/* on another row: the person's first open follow-up, or a word */
	tr_select(&app, REVIEW_REACH_OUT, tr_ana, 0);
	app_key(&app, 'd');
	ck_assert(app.message_error);
	ck_assert_str_eq(app.message, "Ana Souza has no open follow-up");
	app_free(&app);
}
END_TEST

START_TEST(test_record_and_capture_for_the_row)
{
	struct app app;
	tr_open(&app);
	/* a mark in the list does not go into the review's capture */
	app_key(&app, 'q');
	ck_assert(vm_contacts_select_rowid(&app.contacts, tr_dora));
	app_key(&app, ' ');
	app_key(&app, 'w');
	tr_select(&app, REVIEW_I_OWE, tr_bruno, 0);
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(app.screen, APP_SCREEN_RECORD);
	ck_assert_int_eq(app.recip.rowid, tr_bruno);
	ck_assert(vm_lines_has(&app.view, "Bruno Lima"));
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.screen, APP_SCREEN_REVIEW);
	ck_assert_str_eq(vm_review_selected(&app.review)->name, "Bruno Lima");

	tr_select(&app, REVIEW_REACH_OUT, tr_ana, 0);
	app_key(&app, 'c');
	ck_assert_ptr_nonnull(app.capture);
	ck_assert_str_eq(app.capture, "@\"Ana Souza\" ");
	/* the prompt logged coffee with her: she is no longer due */
	int64_t in = t_log(tr_fx.st, T_NOW, IKIND_MEETING, DIR_NONE, 0, &tr_ana, 1, NULL);
	struct app_log log = {in, NULL, NULL, 0, 0, xstrdup("logged a meeting with Ana Souza\n")};
	app_logged(&app, &log);
	ck_assert_int_eq(app.screen, APP_SCREEN_REVIEW);
	ck_assert(!tr_in(&app, REVIEW_REACH_OUT, tr_ana, 0));
	app_key(&app, 'u');
	ck_assert(tr_in(&app, REVIEW_REACH_OUT, tr_ana, 0));

	/* the form from the review goes back to it */
	app_key(&app, 'e');
	ck_assert_int_eq(app.screen, APP_SCREEN_FORM);
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.screen, APP_SCREEN_REVIEW);
	/* a removal from the record opened here comes back to the review too,
	 * without them */
	tr_select(&app, REVIEW_MET_NO_FOLLOWUP, tr_chen, 0);
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(app.recip.rowid, tr_chen);
	app_key(&app, 'D');
	app_key(&app, 'y');
	ck_assert_str_eq(app.message, "removed Chen Wei");
	ck_assert_int_eq(app.screen, APP_SCREEN_REVIEW);
	ck_assert(!tr_in(&app, REVIEW_MET_NO_FOLLOWUP, tr_chen, 0));
	app_free(&app);
}
END_TEST

START_TEST(test_live_write_and_hidden_by_filter)
{
	struct app app;
	char *cause = NULL;
	ck_assert_int_eq(app_init(&app, tr_fx.st, &tr_params, T_NOW, &cause), 0);
	app_idle(&app, T_NOW);
	app_key(&app, '/');
	tr_type(&app, "dora");
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_uint_eq(app.contacts.nshown, 1);
	app_key(&app, 'w');
	tr_select(&app, REVIEW_I_OWE, tr_bruno, 0);
	size_t sel = app.review.sel;
	/* another connection gives Ana a call: she leaves reach out, the
	 * selection stays on Bruno's row */
	struct store *other = t_open(tr_fx.path);
	t_log(other, T_NOW - 60, IKIND_CALL, DIR_NONE, 0, &tr_ana, 1, NULL);
	store_close(other);
	ck_assert_int_eq(app_idle(&app, T_NOW) & APP_DIRTY_ALL, APP_DIRTY_ALL);
	ck_assert(!tr_in(&app, REVIEW_REACH_OUT, tr_ana, 0));
	ck_assert_uint_lt(app.review.sel, sel);
	ck_assert_str_eq(vm_review_selected(&app.review)->name, "Bruno Lima");
	ck_assert_str_eq(vm_review_section_title(&app.review, app.review.sel),
	                 review_section_title(REVIEW_I_OWE));
	/* the filter hid Bruno: snoozing him clears it */
	app_key(&app, 'z');
	ck_assert_ptr_null(app.filter);
	ck_assert_uint_eq(app.contacts.nshown, 4);
	struct contact c;
	ck_assert_int_eq(store_contact_get(tr_fx.st, tr_bruno, &c, &cause), 0);
	ck_assert_int_gt(c.snoozed_until, T_NOW);
	contact_free(&c);
	/* a new day computes it again with the new clock */
	app_idle(&app, T_NOW + 7 * T_DAY);
	ck_assert_int_eq(app.review.now, T_NOW + 7 * T_DAY);
	ck_assert_str_eq(app.review.title, "Weekly review, 2023-11-20 to 2023-11-26");
	app_free(&app);
}
END_TEST

START_TEST(test_empty_journal_keys_harmless)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct app app;
	char *cause = NULL;
	ck_assert_int_eq(app_init(&app, fx.st, &tr_params, T_NOW, &cause), 0);
	app_key(&app, 'w');
	ck_assert_int_eq(app.screen, APP_SCREEN_REVIEW);
	ck_assert_uint_eq(vm_review_count(&app.review), 0);
	static const uint32_t keys[] = {'j', 'k', 'G', 'g', KEYMAP_KEY_TAB, KEYMAP_KEY_BTAB, 'z',
	                                'd', 'f', 'c', 'e', KEYMAP_KEY_ENTER, KEYMAP_KEY_PGDN, 'u'};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		app_key(&app, keys[i]);
		app_idle(&app, T_NOW);
		ck_assert_int_eq(app.screen, APP_SCREEN_REVIEW);
		ck_assert_ptr_null(app.capture);
		ck_assert_int_eq(app.input, APP_INPUT_NONE);
	}
	ck_assert_str_eq(app.message, "nothing to undo");
	app_key(&app, 'z');
	ck_assert_str_eq(app.message, "nobody to act on here");
	app_free(&app);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_app_review(void)
{
	Suite *s = suite_create("app_review");
	TCase *tc = tcase_create("app_review");
	tcase_add_checked_fixture(tc, tr_setup, tr_teardown);
	tcase_add_test(tc, test_open_sections_and_back);
	tcase_add_test(tc, test_snooze_in_place_and_undo);
	tcase_add_test(tc, test_followup_and_done_of_that_row);
	tcase_add_test(tc, test_record_and_capture_for_the_row);
	tcase_add_test(tc, test_live_write_and_hidden_by_filter);
	tcase_add_test(tc, test_empty_journal_keys_harmless);
	suite_add_tcase(s, tc);
	return s;
}
