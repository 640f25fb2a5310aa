/* check_app.c: tests of the full-screen program's view layer against a
 * temporary journal with a pinned clock: the contacts rows, sorts, filter,
 * marks and a selection that follows its contact across reloads; the
 * timeline and reciprocity models; every action's effect on the journal and
 * its dirty bits; undo; live reloads from another connection. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "store.h"
#include "store_test.h"
#include "utf8.h"

static char *ta_dir, *ta_path;
static struct store *ta_st;
static struct score_params ta_params;
static int64_t ta_ana, ta_bruno, ta_chen, ta_dora;

/* Ana: inner, a meeting 20 days ago (due); Bruno: close, a call yesterday,
 * gave him an intro; Chen: wide, tagged devconf, got advice 100 days ago;
 * Dora Fátima: outer, never. */
static void ta_setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	score_params_default(&ta_params);
	ta_dir = t_tmpdir();
	ta_path = t_path(ta_dir, "kith.db");
	ta_st = t_open(ta_path);
	ta_ana = t_person(ta_st, "Ana Souza", NULL);
	ta_bruno = t_person(ta_st, "Bruno Lima", "work");
	ta_chen = t_person(ta_st, "Chen Wei", "devconf");
	ta_dora = t_person(ta_st, "Dora Fátima", NULL);
	struct {
		int64_t rowid;
		enum circle c;
		const char *org;
	} set[] = {{ta_ana, CIRCLE_INNER, "Acme"},
	           {ta_bruno, CIRCLE_CLOSE, "Globex"},
	           {ta_chen, CIRCLE_WIDE, "Initech"},
	           {ta_dora, CIRCLE_OUTER, ""}};
	for (size_t i = 0; i < 4; i++) {
		struct contact c;
		char *cause = NULL;
		ck_assert_int_eq(store_contact_get(ta_st, set[i].rowid, &c, &cause), 0);
		c.circle = set[i].c;
		free(c.org);
		c.org = xstrdup(set[i].org);
		ck_assert_int_eq(t_contact_update(ta_st, &c, T_NOW, &cause), 0);
		contact_free(&c);
	}
	t_log(ta_st, T_NOW - 20 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &ta_ana, 1, NULL);
	t_log(ta_st, T_NOW - 1 * T_DAY, IKIND_CALL, DIR_NONE, 0, &ta_bruno, 1, NULL);
	t_log(ta_st, T_NOW - 2 * T_DAY, IKIND_INTRO, DIR_GAVE, 0, &ta_bruno, 1, NULL);
	t_log(ta_st, T_NOW - 100 * T_DAY, IKIND_ADVICE, DIR_GOT, 0, &ta_chen, 1, NULL);
}

static void ta_teardown(void)
{
	t_assert_idle(ta_st);
	store_close(ta_st);
	t_rmtree(ta_dir);
	free(ta_dir);
	free(ta_path);
	ta_st = NULL;
}

static const char *ta_sel_name(const struct app *app)
{
	const struct vm_contact_row *r = vm_contacts_selected(&app->contacts);
	return r ? vm_contacts_name(&app->contacts, r) : "";
}

static const char *ta_name_at(const struct vm_contacts *vm, size_t i)
{
	const struct vm_contact_row *r = vm_contacts_at(vm, i);
	return r ? vm_contacts_name(vm, r) : "";
}

static void ta_open(struct app *app)
{
	char *cause = NULL;
	ck_assert_msg(app_init(app, ta_st, &ta_params, T_NOW, &cause) == 0, "%s", cause);
	app_idle(app, T_NOW);
}

static void ta_type(struct app *app, const char *s)
{
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		i += utf8_decode(s + i, strlen(s + i), &cp);
		app_key(app, cp);
	}
}

/* ---- contacts ---- */

START_TEST(test_rows_and_attention_order)
{
	struct app app;
	ta_open(&app);
	ck_assert_uint_eq(app.contacts.n, 4);
	ck_assert_uint_eq(app.contacts.nshown, 4);
	/* Ana is inner and 20 days silent: first; Dora has no cadence: last */
	ck_assert_str_eq(ta_name_at(&app.contacts, 0), "Ana Souza");
	ck_assert_str_eq(ta_name_at(&app.contacts, 3), "Dora Fátima");
	const struct vm_contact_row *r = vm_contacts_at(&app.contacts, 0);
	char tmp[32];
	ck_assert_str_eq(vm_contacts_cell(&app.contacts, r, VM_COL_ORG, tmp), "Acme");
	ck_assert_str_eq(vm_contacts_cell(&app.contacts, r, VM_COL_CIRCLE, tmp), "inner");
	ck_assert_str_eq(vm_contacts_cell(&app.contacts, r, VM_COL_LAST, tmp), "20d");
	ck_assert_str_eq(vm_contacts_cell(&app.contacts, r, VM_COL_STATUS, tmp), "cold");
	r = vm_contacts_at(&app.contacts, 3);
	ck_assert_str_eq(vm_contacts_cell(&app.contacts, r, VM_COL_LAST, tmp), "never");
	ck_assert_str_eq(ta_sel_name(&app), "Ana Souza");
	app_free(&app);
}
END_TEST

START_TEST(test_every_sort)
{
	struct app app;
	ta_open(&app);
	static const char *const first[VM_SORT_COUNT] = {"Ana Souza", "Bruno Lima", "Ana Souza",
	                                                 "Chen Wei", "Ana Souza"};
	static const char *const last[VM_SORT_COUNT] = {"Dora Fátima", "Dora Fátima", "Dora Fátima",
	                                                "Bruno Lima", "Dora Fátima"};
	for (int s = 0; s < VM_SORT_COUNT; s++) {
		vm_contacts_set_sort(&app.contacts, (enum vm_sort)s);
		ck_assert_msg(strcmp(ta_name_at(&app.contacts, 0), first[s]) == 0, "%s first: %s",
		              vm_sort_name((enum vm_sort)s), ta_name_at(&app.contacts, 0));
		ck_assert_msg(strcmp(ta_name_at(&app.contacts, 3), last[s]) == 0, "%s last: %s",
		              vm_sort_name((enum vm_sort)s), ta_name_at(&app.contacts, 3));
	}
	/* by name: Bruno second */
	ck_assert_str_eq(ta_name_at(&app.contacts, 1), "Bruno Lima");
	vm_contacts_set_sort(&app.contacts, VM_SORT_ATTENTION);
	/* `s` cycles and says which */
	int dirty = app_key(&app, 's');
	ck_assert_int_eq(dirty & APP_DIRTY_CONTACTS, APP_DIRTY_CONTACTS);
	ck_assert_int_eq(app.contacts.sort, VM_SORT_WARMTH);
	ck_assert_str_eq(app.message, "sorted by warmth");
	app_free(&app);
}
END_TEST

START_TEST(test_selection_follows_contact)
{
	struct app app;
	ta_open(&app);
	app_key(&app, 'j');
	const char *was = ta_sel_name(&app);
	char *name = xstrdup(was);
	int64_t rowid = vm_contacts_selected(&app.contacts)->rowid;
	/* a sort moves the row; the selection stays on the contact */
	vm_contacts_set_sort(&app.contacts, VM_SORT_NAME);
	ck_assert_str_eq(ta_sel_name(&app), name);
	/* a reload too */
	char *cause = NULL;
	ck_assert_int_eq(vm_contacts_load(&app.contacts, T_NOW, &cause), 0);
	ck_assert_int_eq(vm_contacts_selected(&app.contacts)->rowid, rowid);
	/* the contact is removed elsewhere: the row that took its place */
	size_t at = app.contacts.sel;
	ck_assert_int_eq(t_contact_remove(ta_st, rowid, T_NOW, &cause), 0);
	ck_assert_int_eq(vm_contacts_load(&app.contacts, T_NOW, &cause), 0);
	ck_assert_uint_eq(app.contacts.n, 3);
	ck_assert_uint_eq(app.contacts.sel, at);
	ck_assert_str_ne(ta_sel_name(&app), name);
	free(name);
	app_free(&app);
}
END_TEST

START_TEST(test_moves_clamp)
{
	struct app app;
	ta_open(&app);
	ck_assert_int_eq(app_key(&app, 'k'), 0); /* already at the top: nothing to paint */
	ck_assert_uint_eq(app.contacts.sel, 0);
	app_key(&app, 'G');
	ck_assert_uint_eq(app.contacts.sel, 3);
	ck_assert_int_eq(app_key(&app, KEYMAP_KEY_DOWN), 0);
	app_key(&app, 'g');
	ck_assert_uint_eq(app.contacts.sel, 0);
	app.page = 3;
	app_key(&app, KEYMAP_KEY_PGDN);
	ck_assert_uint_eq(app.contacts.sel, 2);
	app_key(&app, KEYMAP_KEY_PGUP);
	ck_assert_uint_eq(app.contacts.sel, 0);
	app_key(&app, KEYMAP_KEY_END);
	ck_assert_uint_eq(app.contacts.sel, 3);
	app_key(&app, KEYMAP_KEY_HOME);
	ck_assert_uint_eq(app.contacts.sel, 0);
	/* scrolling keeps the selection on screen */
	app_key(&app, 'G');
	ck_assert_uint_eq(vm_contacts_scroll(&app.contacts, 2), 2);
	app_key(&app, 'g');
	ck_assert_uint_eq(vm_contacts_scroll(&app.contacts, 2), 0);
	app_free(&app);
}
END_TEST

START_TEST(test_filter_live_keep_and_restore)
{
	struct app app;
	ta_open(&app);
	app_key(&app, 'j');
	int64_t before = vm_contacts_selected(&app.contacts)->rowid;
	app_key(&app, '/');
	ck_assert_int_eq(app.input, APP_INPUT_FILTER);
	/* accent- and case-insensitive, over the name */
	ta_type(&app, "FATI");
	ck_assert_uint_eq(app.contacts.nshown, 1);
	ck_assert_str_eq(ta_sel_name(&app), "Dora Fátima");
	/* Esc restores the list and the selection */
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.input, APP_INPUT_NONE);
	ck_assert_uint_eq(app.contacts.nshown, 4);
	ck_assert_ptr_null(app.filter);
	ck_assert_int_eq(vm_contacts_selected(&app.contacts)->rowid, before);
	/* over the organisation and the tags; Enter keeps */
	app_key(&app, '/');
	ta_type(&app, "initech");
	ck_assert_uint_eq(app.contacts.nshown, 1);
	ck_assert_str_eq(ta_sel_name(&app), "Chen Wei");
	app_key(&app, KEYMAP_KEY_BACKSPACE);
	ck_assert_str_eq(app.filter, "initec");
	app_key(&app, 21); /* C-u */
	ck_assert_uint_eq(app.contacts.nshown, 4);
	ta_type(&app, "work");
	ck_assert_str_eq(ta_sel_name(&app), "Bruno Lima");
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(app.input, APP_INPUT_NONE);
	ck_assert_uint_eq(app.contacts.nshown, 1);
	struct buf b;
	buf_init(&b);
	size_t cur;
	app_status(&app, 200, &b, &cur);
	ck_assert_uint_eq(cur, APP_NO_CURSOR);
	ck_assert_msg(strstr(buf_str(&b), "1/1 of 4") != NULL, "%s", buf_str(&b));
	ck_assert_msg(strstr(buf_str(&b), "filter:work") != NULL, "%s", buf_str(&b));
	buf_free(&b);
	/* two words must both match */
	vm_contacts_set_filter(&app.contacts, "ana acme");
	ck_assert_uint_eq(app.contacts.nshown, 1);
	vm_contacts_set_filter(&app.contacts, "ana globex");
	ck_assert_uint_eq(app.contacts.nshown, 0);
	ck_assert_ptr_null(vm_contacts_selected(&app.contacts));
	app_free(&app);
}
END_TEST

START_TEST(test_marks)
{
	struct app app;
	ta_open(&app);
	app_key(&app, ' ');
	ck_assert_uint_eq(app.contacts.sel, 1); /* Space marks and moves down */
	app_key(&app, ' ');
	ck_assert_str_eq(app.message, "2 marked");
	const struct vm_contact_row **m = NULL;
	ck_assert_uint_eq(vm_contacts_marked(&app.contacts, &m), 2);
	ck_assert_str_eq(vm_contacts_name(&app.contacts, m[0]), ta_name_at(&app.contacts, 0));
	free(m);
	/* marks survive a reload and a filter that hides them */
	char *cause = NULL;
	ck_assert_int_eq(vm_contacts_load(&app.contacts, T_NOW, &cause), 0);
	vm_contacts_set_filter(&app.contacts, "dora");
	ck_assert_uint_eq(vm_contacts_marked(&app.contacts, &m), 2);
	free(m);
	char tmp[32];
	vm_contacts_set_filter(&app.contacts, NULL);
	ck_assert_str_eq(vm_contacts_cell(&app.contacts, vm_contacts_at(&app.contacts, 0),
	                                  VM_COL_MARK, tmp),
	                 "*");
	app_key(&app, 'g');
	app_key(&app, ' '); /* unmark */
	ck_assert_str_eq(app.message, "1 marked");
	app_free(&app);
}
END_TEST

START_TEST(test_columns_fit)
{
	static const size_t widths[] = {0, 1, 5, 20, 30, 44, 60, 80, 120};
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		struct vm_columns c;
		vm_contacts_columns(widths[i], &c);
		size_t sum = 0, on = 0;
		for (int k = 0; k < VM_COLS; k++)
			if (c.w[k]) {
				sum += c.w[k];
				on++;
			}
		if (on > 1)
			sum += on - 1;
		ck_assert_msg(sum <= widths[i], "width %zu uses %zu", widths[i], sum);
		ck_assert_uint_eq(c.w[VM_COL_NAME], widths[i] < 1 ? 0 : c.w[VM_COL_NAME]);
	}
	struct vm_columns c;
	vm_contacts_columns(120, &c);
	ck_assert_uint_gt(c.w[VM_COL_ORG], 0);
	ck_assert_uint_eq(c.w[VM_COL_STATUS], 7);
	vm_contacts_columns(40, &c);
	ck_assert_uint_eq(c.w[VM_COL_ORG], 0); /* the organisation goes first */
	ck_assert_uint_ge(c.w[VM_COL_NAME], 12);
}
END_TEST

/* ---- timeline and reciprocity ---- */

START_TEST(test_timeline_lazy_and_scope)
{
	struct app app;
	ta_open(&app);
	/* settled on Ana: her meeting */
	ck_assert_int_eq(app.timeline.loaded_for, ta_ana);
	ck_assert_uint_eq(app.timeline.n, 1);
	/* moving does not read; the idle tick does */
	app_key(&app, 'j');
	ck_assert_int_eq(app.timeline.loaded_for, ta_ana);
	ck_assert(app.settle);
	int dirty = app_idle(&app, T_NOW);
	ck_assert_int_eq(dirty & (APP_DIRTY_TIMELINE | APP_DIRTY_RECIP),
	                 APP_DIRTY_TIMELINE | APP_DIRTY_RECIP);
	int64_t sel = vm_contacts_selected(&app.contacts)->rowid;
	ck_assert_int_eq(app.timeline.loaded_for, sel);
	/* `t`: everyone's, newest first */
	app_key(&app, 't');
	ck_assert_str_eq(app.message, "timeline: everyone");
	app_idle(&app, T_NOW);
	ck_assert_uint_eq(app.timeline.n, 4);
	struct vm_timeline_cells cells;
	vm_timeline_cells(&app.timeline, 0, 0, &cells);
	ck_assert_str_eq(cells.kind, "call");
	ck_assert_str_eq(cells.others, "Bruno Lima");
	free(cells.others);
	vm_timeline_cells(&app.timeline, 1, 0, &cells);
	ck_assert_str_eq(cells.kind, "intro");
	ck_assert_str_eq(cells.arrow, "\u2192");
	free(cells.others);
	app_free(&app);
}
END_TEST

START_TEST(test_recip_lines)
{
	struct app app;
	ta_open(&app);
	ck_assert(vm_contacts_select_rowid(&app.contacts, ta_bruno));
	app.settle = 1;
	app_idle(&app, T_NOW);
	struct vm_lines l;
	vm_lines_init(&l);
	vm_recip_lines(&app.recip, 60, &l);
	ck_assert(vm_lines_has(&l, "GAVE"));
	ck_assert(vm_lines_has(&l, "intro"));
	ck_assert(vm_lines_has(&l, "WHY HERE"));
	ck_assert(vm_lines_has(&l, "recency"));
	ck_assert(vm_lines_has(&l, "balance +"));
	/* Chen: what he gave me is on the GOT side, at column 31 */
	ck_assert(vm_contacts_select_rowid(&app.contacts, ta_chen));
	app.settle = 1;
	app_idle(&app, T_NOW);
	vm_recip_lines(&app.recip, 60, &l);
	ck_assert(vm_lines_has(&l, "balance -"));
	int found = 0;
	for (size_t i = 0; i < l.n; i++) {
		const char *p = strstr(l.v[i].text, "advice");
		if (p != NULL && strncmp(l.v[i].text, "                             ", 29) == 0)
			found = 1;
	}
	ck_assert_msg(found, "advice is not on the GOT side");
	vm_lines_free(&l);
	char bar[64];
	/* a mutual service is on both sides */
	t_log(ta_st, T_NOW - 3 * T_DAY, IKIND_SHARE, DIR_MUTUAL, 0, &ta_chen, 1, NULL);
	char *cause = NULL;
	ck_assert_int_eq(vm_recip_load(&app.recip, ta_chen, T_NOW, &cause), 0);
	vm_recip_lines(&app.recip, 60, &l);
	int both = 0;
	for (size_t i = 0; i < l.n; i++) {
		const char *p = strstr(l.v[i].text, "share (both)");
		both |= p != NULL && strstr(p + 1, "share (both)") != NULL;
	}
	ck_assert_msg(both, "a mutual service is not on both sides");
	vm_lines_free(&l);
	vm_recip_balance_bar(0.5, 10, bar);
	ck_assert_str_eq(bar, "\u00b7\u00b7\u00b7\u00b7\u00b7|\u2588\u2588\u2588\u00b7\u00b7");
	vm_recip_balance_bar(-1, 4, bar);
	ck_assert_str_eq(bar, "\u2588\u2588|\u00b7\u00b7");
	app_free(&app);
}
END_TEST

/* A meeting that carries a favour given: the timeline shows its kind as
 * "meeting · gave favor", widening its kind column while it is in view, and
 * the reciprocity pane lists the favour on the GAVE side. */
START_TEST(test_carried_service_in_panes)
{
	struct interaction in;
	interaction_init(&in);
	in.at = T_NOW - 5 * T_DAY;
	in.kind = IKIND_MEETING;
	in.service = IKIND_FAVOR;
	in.dir = DIR_GAVE;
	t_set(&in.summary, "lunch, helped with the move");
	t_ref_add(&in, ta_dora);
	char *cause = NULL;
	ck_assert_int_eq(t_interaction_add(ta_st, &in, T_NOW, &cause), 0);
	interaction_free(&in);
	struct app app;
	ta_open(&app);
	ck_assert(vm_contacts_select_rowid(&app.contacts, ta_dora));
	app.settle = 1;
	app_idle(&app, T_NOW);
	ck_assert_int_eq(app.timeline.loaded_for, ta_dora);
	ck_assert_uint_eq(app.timeline.n, 1);
	struct vm_timeline_cells cells;
	vm_timeline_cells(&app.timeline, 0, ta_dora, &cells);
	ck_assert_str_eq(cells.kind, "meeting \u00b7 gave favor");
	ck_assert_str_eq(cells.arrow, "\u2192");
	free(cells.others);
	ck_assert_uint_eq(vm_timeline_kind_cells(&app.timeline, 0, 10, 80), 21);
	ck_assert_uint_eq(vm_timeline_kind_cells(&app.timeline, 0, 10, 30), 12);
	ck_assert_uint_eq(vm_timeline_kind_cells(&app.timeline, 0, 10, 10), 9);
	ck_assert_uint_eq(vm_timeline_kind_cells(&app.timeline, 1, 10, 80), 9); /* out of view */
	struct vm_lines l;
	vm_lines_init(&l);
	vm_recip_lines(&app.recip, 60, &l);
	int gave = 0;
	for (size_t i = 0; i < l.n; i++)
		gave |= strncmp(l.v[i].text, "2023-", 5) == 0 &&
		        strstr(l.v[i].text, " favor lunch, help") != NULL;
	ck_assert_msg(gave, "the favour is not on the GAVE side");
	ck_assert(vm_lines_has(&l, "balance +"));
	vm_lines_free(&l);
	/* Ana's meeting carries nothing: the column keeps its width */
	ck_assert(vm_contacts_select_rowid(&app.contacts, ta_ana));
	app.settle = 1;
	app_idle(&app, T_NOW);
	ck_assert_int_eq(app.timeline.loaded_for, ta_ana);
	vm_timeline_cells(&app.timeline, 0, ta_ana, &cells);
	ck_assert_str_eq(cells.kind, "meeting");
	free(cells.others);
	ck_assert_uint_eq(vm_timeline_kind_cells(&app.timeline, 0, 10, 80), 9);
	app_free(&app);
}
END_TEST

START_TEST(test_record_view)
{
	struct app app;
	ta_open(&app);
	struct contact c;
	char *cause = NULL;
	struct store *other = t_open(ta_path); /* another process edits Ana */
	ck_assert_int_eq(store_contact_get(other, ta_ana, &c, &cause), 0);
	contact_add_field(&c, FIELD_EMAIL, "work", "ana@example.org");
	contact_add_field(&c, FIELD_PHONE, "", "+55 11 5555");
	t_set(&c.notes, "likes jazz\nhas two cats");
	t_set(&c.met, "devconf 2024");
	ck_assert_int_eq(t_contact_update(other, &c, T_NOW, &cause), 0);
	contact_free(&c);
	store_close(other);
	app_idle(&app, T_NOW); /* another connection wrote: reload */
	int dirty = app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(dirty & APP_DIRTY_ALL, APP_DIRTY_ALL);
	ck_assert_int_eq(app.screen, APP_SCREEN_RECORD);
	ck_assert(vm_lines_has(&app.view, "ana@example.org (work)"));
	ck_assert(vm_lines_has(&app.view, "+55 11 5555"));
	ck_assert(vm_lines_has(&app.view, "devconf 2024"));
	ck_assert(vm_lines_has(&app.view, "  has two cats"));
	ck_assert(vm_lines_has(&app.view, "FOLLOW-UPS"));
	app.page = 3;
	app_key(&app, 'j');
	ck_assert_uint_eq(app.view_top, 1);
	app_key(&app, 'G');
	ck_assert_uint_eq(app.view_top, app.view.n - 3);
	app_key(&app, 'q'); /* back, not quit */
	ck_assert_int_eq(app.screen, APP_SCREEN_MAIN);
	ck_assert(!app.quit);
	app_key(&app, 'q');
	ck_assert(app.quit);
	app_free(&app);
}
END_TEST

/* ---- writes ---- */

static int64_t ta_snoozed(int64_t rowid)
{
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(ta_st, rowid, &c, &cause), 0);
	int64_t v = c.snoozed_until;
	contact_free(&c);
	return v;
}

START_TEST(test_snooze_and_undo)
{
	struct app app;
	ta_open(&app);
	int dirty = app_key(&app, 'z');
	ck_assert_int_eq(dirty & APP_DIRTY_ALL, APP_DIRTY_ALL);
	/* a week from today's midnight */
	ck_assert_int_eq(ta_snoozed(ta_ana), (T_NOW - T_NOW % T_DAY) + 7 * T_DAY);
	ck_assert_str_eq(app.message, "snoozed Ana Souza until 2023-11-21");
	/* shown at once, the selection still on Ana */
	ck_assert_str_eq(ta_sel_name(&app), "Ana Souza");
	char tmp[32];
	ck_assert_str_eq(vm_contacts_cell(&app.contacts, vm_contacts_selected(&app.contacts),
	                                  VM_COL_STATUS, tmp),
	                 "snoozed");
	app_key(&app, 'u');
	ck_assert_int_eq(ta_snoozed(ta_ana), 0);
	ck_assert_str_eq(app.message, "undid the snooze of Ana Souza");
	app_key(&app, 'u');
	ck_assert_str_eq(app.message, "nothing to undo");
	ck_assert(app.message_error);
	app_free(&app);
}
END_TEST

static size_t ta_open_followups(int64_t rowid)
{
	struct followup *f = NULL;
	size_t n = 0;
	char *cause = NULL;
	struct store_followup_query q = {rowid, 0, 0};
	ck_assert_int_eq(store_followups(ta_st, &q, &f, &n, &cause), 0);
	followups_free(f, n);
	return n;
}

START_TEST(test_followup_done_undo)
{
	struct app app;
	ta_open(&app);
	app_key(&app, 'd');
	ck_assert_str_eq(app.message, "Ana Souza has no open follow-up");
	app_key(&app, 'f');
	ck_assert_int_eq(app.input, APP_INPUT_FOLLOWUP);
	ta_type(&app, "1w");
	app_key(&app, KEYMAP_KEY_ENTER);
	/* no text yet: asked again, nothing written */
	ck_assert_int_eq(app.input, APP_INPUT_FOLLOWUP);
	ck_assert(app.message_error);
	ck_assert_uint_eq(ta_open_followups(ta_ana), 0);
	ta_type(&app, " send the article");
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_int_eq(app.input, APP_INPUT_NONE);
	ck_assert_str_eq(app.message, "follow-up with Ana Souza on 2023-11-21");
	ck_assert_uint_eq(ta_open_followups(ta_ana), 1);
	/* shown at once in the reciprocity pane */
	app_idle(&app, T_NOW);
	struct vm_lines l;
	vm_lines_init(&l);
	vm_recip_lines(&app.recip, 80, &l);
	ck_assert(vm_lines_has(&l, "2023-11-21 send the article"));
	vm_lines_free(&l);
	/* undo removes it */
	app_key(&app, 'u');
	ck_assert_uint_eq(ta_open_followups(ta_ana), 0);
	/* a bad WHEN is refused */
	app_key(&app, 'f');
	ta_type(&app, "someday call");
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert(app.message_error);
	ck_assert_int_eq(app.input, APP_INPUT_FOLLOWUP);
	app_key(&app, KEYMAP_KEY_ESC);
	ck_assert_int_eq(app.input, APP_INPUT_NONE);
	/* done, and its undo */
	app_key(&app, 'f');
	ta_type(&app, "2d call back");
	app_key(&app, KEYMAP_KEY_ENTER);
	ck_assert_uint_eq(ta_open_followups(ta_ana), 1);
	app_key(&app, 'd');
	ck_assert_str_eq(app.message, "done: call back");
	ck_assert_uint_eq(ta_open_followups(ta_ana), 0);
	app_key(&app, 'u');
	ck_assert_uint_eq(ta_open_followups(ta_ana), 1);
	app_free(&app);
}
END_TEST

START_TEST(test_remove_confirms)
{
	struct app app;
	ta_open(&app);
	app_key(&app, 'D');
	ck_assert_int_eq(app.input, APP_INPUT_CONFIRM);
	ck_assert(strstr(app.ask, "remove Ana Souza") != NULL);
	app_key(&app, 'n');
	ck_assert_int_eq(app.input, APP_INPUT_NONE);
	ck_assert_uint_eq(app.contacts.n, 4);
	app_key(&app, 'D');
	app_key(&app, 'y');
	ck_assert_uint_eq(app.contacts.n, 3);
	ck_assert_str_eq(app.message, "removed Ana Souza");
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(ta_st, ta_ana, &c, &cause), 1);
	app_free(&app);
}
END_TEST

/* A line typed at the status row stays in view with its cursor however long
 * the question or the line, and a confirmation shows its y/n at 60 cells. */
START_TEST(test_status_line_in_view)
{
	struct app app;
	ta_open(&app);
	struct buf b;
	buf_init(&b);
	size_t cur;
	app_key(&app, 'f');
	ta_type(&app, "1w send the article");
	app_status(&app, 80, &b, &cur);
	ck_assert_str_eq(buf_str(&b), "follow-up with Ana Souza, WHEN TEXT: 1w send the article");
	ck_assert_uint_eq(cur, utf8_width(buf_str(&b)));
	/* narrower than the question and the line: the line's end and the cursor show */
	buf_reset(&b);
	app_status(&app, 30, &b, &cur);
	ck_assert_msg(utf8_width(buf_str(&b)) <= 30, "%s", buf_str(&b));
	ck_assert_msg(strstr(buf_str(&b), "the article") != NULL, "%s", buf_str(&b));
	/* the question keeps half the row */
	ck_assert_msg(strncmp(buf_str(&b), "follow-up with\u2026", 17) == 0, "%s", buf_str(&b));
	ck_assert_uint_lt(cur, 30);
	ck_assert_uint_eq(cur, utf8_width(buf_str(&b)));
	/* a line longer than the whole status row: scrolled to the cursor */
	ta_type(&app, " and the notes from the meetup about hiring in Lisbon");
	buf_reset(&b);
	app_status(&app, 40, &b, &cur);
	ck_assert_msg(utf8_width(buf_str(&b)) <= 40, "%s", buf_str(&b));
	ck_assert_msg(strstr(buf_str(&b), "in Lisbon") != NULL, "%s", buf_str(&b));
	ck_assert_uint_lt(cur, 40);
	app_key(&app, KEYMAP_KEY_HOME);
	buf_reset(&b);
	app_status(&app, 40, &b, &cur);
	ck_assert_msg(strstr(buf_str(&b), "1w send") != NULL, "%s", buf_str(&b));
	ck_assert_uint_lt(cur, 40);
	app_key(&app, KEYMAP_KEY_ESC);
	/* the filter's count goes before the typed line does */
	app_key(&app, '/');
	ta_type(&app, "ana");
	buf_reset(&b);
	app_status(&app, 40, &b, &cur);
	ck_assert_str_eq(buf_str(&b), "/ana   1/1 of 4");
	ck_assert_uint_eq(cur, 4);
	buf_reset(&b);
	app_status(&app, 10, &b, &cur);
	ck_assert_str_eq(buf_str(&b), "/ana");
	ck_assert_uint_eq(cur, 4);
	app_key(&app, KEYMAP_KEY_ESC);
	/* the confirmation's answer is in view */
	app_key(&app, 'D');
	buf_reset(&b);
	app_status(&app, 60, &b, &cur);
	ck_assert_msg(strstr(buf_str(&b), "remove Ana Souza") != NULL, "%s", buf_str(&b));
	ck_assert_msg(strstr(buf_str(&b), "y/n") != NULL, "%s", buf_str(&b));
	ck_assert_uint_lt(cur, 60);
	app_key(&app, 'n');
	/* one cell: nothing past it */
	app_key(&app, 'f');
	ta_type(&app, "1w call");
	buf_reset(&b);
	app_status(&app, 1, &b, &cur);
	ck_assert_uint_le(utf8_width(buf_str(&b)), 1);
	ck_assert_uint_eq(cur, 0);
	buf_free(&b);
	app_free(&app);
}
END_TEST

START_TEST(test_live_reload_keeps_contact)
{
	struct app app;
	ta_open(&app);
	ck_assert(vm_contacts_select_rowid(&app.contacts, ta_dora));
	size_t row = app.contacts.sel;
	/* another process logs a meeting with Dora: she moves, the selection follows */
	struct store *other = t_open(ta_path);
	t_log(other, T_NOW - T_DAY, IKIND_MEETING, DIR_NONE, 0, &ta_dora, 1, NULL);
	store_close(other);
	ck_assert_int_eq(app_idle(&app, T_NOW) & APP_DIRTY_ALL, APP_DIRTY_ALL);
	ck_assert_str_eq(ta_sel_name(&app), "Dora Fátima");
	ck_assert_int_eq(app.timeline.loaded_for, ta_dora);
	ck_assert_uint_eq(app.timeline.n, 1);
	(void)row;
	/* nothing new: nothing to paint */
	ck_assert_int_eq(app_idle(&app, T_NOW), 0);
	app_free(&app);
}
END_TEST

START_TEST(test_welcome_on_empty)
{
	char *dir = t_tmpdir();
	char *path = t_path(dir, "kith.db");
	struct store *st = t_open(path);
	struct app app;
	char *cause = NULL;
	ck_assert_int_eq(app_init(&app, st, &ta_params, T_NOW, &cause), 0);
	ck_assert(app.empty);
	ck_assert_ptr_null(vm_contacts_selected(&app.contacts));
	/* every key is harmless with nobody */
	static const uint32_t keys[] = {'j', 'k', 'G', 'g', ' ', 's', 't', 'z', 'd', 'f', 'D',
	                                KEYMAP_KEY_ENTER, KEYMAP_KEY_PGDN, 'u', '?'};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		app_key(&app, keys[i]);
		app_idle(&app, T_NOW);
	}
	struct vm_lines l;
	vm_lines_init(&l);
	app_welcome_lines(&l);
	ck_assert(vm_lines_has(&l, "kith demo"));
	ck_assert(vm_lines_has(&l, "add your first contact here"));
	vm_lines_free(&l);
	app_free(&app);
	t_log(st, T_NOW, IKIND_NOTE, DIR_NONE, 0, &(int64_t){t_person(st, "Eve", NULL)}, 1, NULL);
	ck_assert_int_eq(app_init(&app, st, &ta_params, T_NOW, &cause), 0);
	ck_assert(!app.empty);
	app_free(&app);
	store_close(st);
	t_rmtree(dir);
	free(dir);
	free(path);
}
END_TEST

START_TEST(test_capture_prefill_and_undo)
{
	struct app app;
	ta_open(&app);
	/* the selected contact */
	app_key(&app, 'c');
	ck_assert_ptr_nonnull(app.capture);
	ck_assert_str_eq(app.capture, "@\"Ana Souza\" ");
	app_capture_done(&app);
	ck_assert_ptr_null(app.capture);
	/* or every marked one, in the order shown */
	app_key(&app, ' ');
	app_key(&app, 'j');
	app_key(&app, ' ');
	app_key(&app, 'c');
	char *want = xasprintf("@\"Ana Souza\" @\"%s\" ", ta_name_at(&app.contacts, 2));
	ck_assert_str_eq(app.capture, want);
	free(want);
	/* the prompt logged a line with a new contact and a follow-up */
	int64_t fresh = t_person(ta_st, "Fred New", NULL);
	int64_t in = t_log(ta_st, T_NOW, IKIND_MEETING, DIR_NONE, 0, (int64_t[]){ta_ana, fresh}, 2,
	                   NULL);
	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = ta_ana;
	f.due_at = T_NOW + 7 * T_DAY;
	f.text = xstrdup("write");
	char *cause = NULL;
	ck_assert_int_eq(t_followup_add(ta_st, &f, T_NOW, &cause), 0);
	struct app_log log = {in, xmalloc(sizeof(int64_t)), xmalloc(sizeof(int64_t)), 1, 1,
	                      xstrdup("logged a meeting with Ana Souza and Fred New\n")};
	log.followups[0] = f.rowid;
	log.contacts[0] = fresh;
	followup_free(&f);
	int dirty = app_logged(&app, &log);
	ck_assert_int_eq(dirty & APP_DIRTY_ALL, APP_DIRTY_ALL);
	ck_assert_ptr_null(app.capture);
	ck_assert_str_eq(app.message, "logged a meeting with Ana Souza and Fred New");
	ck_assert_uint_eq(app.contacts.n, 5); /* shown at once */
	const struct vm_contact_row **m = NULL;
	ck_assert_uint_eq(vm_contacts_marked(&app.contacts, &m), 0);
	free(m);
	/* undo takes the whole line back */
	app_key(&app, 'u');
	ck_assert_str_eq(app.message, "undid the log");
	ck_assert_uint_eq(app.contacts.n, 4);
	struct interaction got;
	ck_assert_int_eq(store_interaction_get(ta_st, in, &got, &cause), 1);
	ck_assert_uint_eq(ta_open_followups(ta_ana), 0);
	app_free(&app);
}
END_TEST

/* `c` on namesakes prefills the id form of each: the line names nobody else. */
START_TEST(test_capture_prefill_namesakes)
{
	t_person(ta_st, "Ana Souza", NULL);
	struct app app;
	ta_open(&app);
	struct buf want;
	buf_init(&want);
	size_t n = app.contacts.nshown;
	for (size_t i = 0; i < n; i++) {
		const struct vm_contact_row *r = vm_contacts_at(&app.contacts, i);
		if (strcmp(vm_contacts_name(&app.contacts, r), "Ana Souza") == 0) {
			app_key(&app, ' '); /* marks and moves down */
			buf_printf(&want, "@\"Ana Souza\"#%.8s ", r->id);
		} else {
			app_key(&app, 'j');
		}
	}
	app_key(&app, 'c');
	ck_assert_ptr_nonnull(app.capture);
	ck_assert_uint_eq(strlen(buf_str(&want)), 2 * strlen("@\"Ana Souza\"#12345678 "));
	ck_assert_str_eq(app.capture, buf_str(&want));
	app_capture_done(&app);
	buf_free(&want);
	app_free(&app);
}
END_TEST

START_TEST(test_mouse)
{
	struct app app;
	ta_open(&app);
	app.focus = LAYOUT_RECIP;
	int dirty = app_click(&app, LAYOUT_CONTACTS, 2);
	ck_assert_int_eq(app.focus, LAYOUT_CONTACTS);
	ck_assert_uint_eq(app.contacts.sel, 2);
	ck_assert_int_eq(dirty & APP_DIRTY_CONTACTS, APP_DIRTY_CONTACTS);
	/* past the last row, or on the heads: only the focus */
	app_click(&app, LAYOUT_CONTACTS, 40);
	ck_assert_uint_eq(app.contacts.sel, 2);
	app_click(&app, LAYOUT_TIMELINE, -1);
	ck_assert_int_eq(app.focus, LAYOUT_TIMELINE);
	ck_assert_uint_eq(app.contacts.sel, 2);
	/* the wheel moves the pane under it */
	app_wheel(&app, LAYOUT_CONTACTS, -3);
	ck_assert_int_eq(app.focus, LAYOUT_CONTACTS);
	ck_assert_uint_eq(app.contacts.sel, 0);
	app_wheel(&app, LAYOUT_CONTACTS, 3);
	ck_assert_uint_eq(app.contacts.sel, 3);
	/* nothing while a line is typed */
	app_key(&app, '/');
	ck_assert_int_eq(app_click(&app, LAYOUT_CONTACTS, 0), 0);
	ck_assert_uint_eq(app.contacts.sel, 3);
	app_free(&app);
}
END_TEST

Suite *suite_app(void)
{
	Suite *s = suite_create("app");
	TCase *tc = tcase_create("app");
	tcase_add_checked_fixture(tc, ta_setup, ta_teardown);
	tcase_add_test(tc, test_rows_and_attention_order);
	tcase_add_test(tc, test_every_sort);
	tcase_add_test(tc, test_selection_follows_contact);
	tcase_add_test(tc, test_moves_clamp);
	tcase_add_test(tc, test_filter_live_keep_and_restore);
	tcase_add_test(tc, test_marks);
	tcase_add_test(tc, test_columns_fit);
	tcase_add_test(tc, test_timeline_lazy_and_scope);
	tcase_add_test(tc, test_recip_lines);
	tcase_add_test(tc, test_carried_service_in_panes);
	tcase_add_test(tc, test_record_view);
	tcase_add_test(tc, test_snooze_and_undo);
	tcase_add_test(tc, test_followup_done_undo);
	tcase_add_test(tc, test_remove_confirms);
	tcase_add_test(tc, test_status_line_in_view);
	tcase_add_test(tc, test_live_reload_keeps_contact);
	tcase_add_test(tc, test_welcome_on_empty);
	tcase_add_test(tc, test_capture_prefill_and_undo);
	tcase_add_test(tc, test_capture_prefill_namesakes);
	tcase_add_test(tc, test_mouse);
	suite_add_tcase(s, tc);
	return s;
}
