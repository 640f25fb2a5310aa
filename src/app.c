/* app.c: the full-screen program's state and what each key does (app.h):
 * moves and filters in memory, reloads after a write (app_write.c) or when
 * another process wrote. View layer; depends on store.h, match.h,
 * date.h, keymap.h, lineedit.h, utf8.h and the vm_*.h models. */
#include "app.h"
#include "app_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "date.h"
#include "err.h"
#include "match.h"
#include "store.h"
#include "utf8.h"

static void app_refresh_empty(struct app *app)
{
	int empty = 0;
	app->empty = app->contacts.n == 0 && store_is_empty(app->st, &empty, NULL) == 0 && empty;
}

int app_init(struct app *app, struct store *st, const struct score_params *params, int64_t now,
             char **cause)
{
	return app_init_head(app, st, params, now, 0, cause);
}

int app_init_head(struct app *app, struct store *st, const struct score_params *params,
                  int64_t now, size_t rows, char **cause)
{
	memset(app, 0, sizeof *app);
	app->st = st;
	app->params = params;
	app->now = now;
	keymap_init(&app->km);
	vm_contacts_init(&app->contacts, st, params);
	vm_timeline_init(&app->timeline, st);
	vm_recip_init(&app->recip, st, params);
	vm_review_init(&app->review, st, params);
	vm_lines_init(&app->view);
	lineedit_init(&app->le);
	app->page = 10;
	int head = -1;
	if (store_data_version(st, &app->data_version, cause) != 0 ||
	    (head = vm_contacts_load_head(&app->contacts, now, rows, cause)) < 0) {
		app_free(app);
		return -1;
	}
	app->rest = head == 0 ? rows : 0;
	app_refresh_empty(app);
	app->settle = 1;
	return 0;
}

int app_load_rest(struct app *app, char **cause)
{
	if (app->rest == 0)
		return 0;
	if (vm_contacts_load(&app->contacts, app->now, cause) != 0)
		return -1;
	app->rest = 0;
	app_refresh_empty(app);
	return APP_DIRTY_CONTACTS | APP_DIRTY_STATUS;
}

void app_free(struct app *app)
{
	keymap_free(&app->km);
	vm_contacts_free(&app->contacts);
	vm_timeline_free(&app->timeline);
	vm_recip_free(&app->recip);
	vm_review_free(&app->review);
	vm_lines_free(&app->view);
	lineedit_free(&app->le);
	free(app->ask);
	free(app->filter);
	free(app->filter_was);
	free(app->message);
	free(app->undo.what);
	app_log_free(&app->undo.log);
	if (app->undo.before != NULL) {
		contact_free(app->undo.before);
		free(app->undo.before);
	}
	free(app->capture);
	if (app->form != NULL) {
		vm_form_free(app->form);
		free(app->form);
	}
	memset(app, 0, sizeof *app);
}

void app_log_free(struct app_log *l)
{
	free(l->followups);
	free(l->contacts);
	free(l->said);
	memset(l, 0, sizeof *l);
}

enum keymap_mode app_mode(const struct app *app)
{
	switch (app->screen) {
	case APP_SCREEN_RECORD:
		return KEYMAP_RECORD;
	case APP_SCREEN_HELP:
		return KEYMAP_HELP;
	case APP_SCREEN_FORM:
		return KEYMAP_FORM;
	case APP_SCREEN_REVIEW:
		return KEYMAP_REVIEW;
	case APP_SCREEN_MAIN:
		break;
	}
	return KEYMAP_MAIN;
}

void app_say(struct app *app, int error, const char *fmt, ...)
{
	free(app->message);
	va_list ap;
	va_start(ap, fmt);
	app->message = xvasprintf(fmt, ap);
	va_end(ap);
	app->message_error = error;
}

/* A failed read or write: the cause goes to the status line. */
int app_fail(struct app *app, char *cause)
{
	app_say(app, 1, "%s", cause ? cause : "failed");
	free(cause);
	return APP_DIRTY_STATUS;
}

const struct vm_contact_row *app_selected(const struct app *app)
{
	return vm_contacts_selected(&app->contacts);
}

/* The selected contact's reciprocity (its record and follow-ups), loaded now
 * when it is not yet: actions need it at once. Its services come from the
 * timeline pane when that holds all of the contact's interactions. */
int app_need_recip(struct app *app)
{
	const struct vm_contact_row *r = app_selected(app);
	int64_t rowid = r ? r->rowid : 0;
	if (!vm_recip_stale(&app->recip, rowid))
		return 0;
	char *cause = NULL;
	const struct vm_timeline *tl = &app->timeline;
	int shared = vm_timeline_complete(tl, rowid);
	if (vm_recip_load_from(&app->recip, rowid, app->now, shared ? tl->v : NULL,
	                       shared ? tl->n : 0, &cause) != 0) {
		app_fail(app, cause);
		return -1;
	}
	app->recip_top = 0;
	return 0;
}

void app_view_record(struct app *app)
{
	vm_recip_record_lines(&app->recip, &app->view);
	if (app->view.n == 0 || app->view_top >= app->view.n)
		app->view_top = 0;
}

int app_record_open(struct app *app, enum app_screen back)
{
	if (app_selected(app) == NULL || app_need_recip(app) != 0)
		return APP_DIRTY_STATUS;
	app->back_to = back;
	app->screen = APP_SCREEN_RECORD;
	app->view_top = 0;
	app_view_record(app);
	return APP_DIRTY_ALL;
}

/* Everything read again after a write here or elsewhere; the selection stays
 * on its contact. */
int app_reload(struct app *app)
{
	char *cause = NULL;
	if (vm_contacts_load(&app->contacts, app->now, &cause) != 0)
		return app_fail(app, cause) | APP_DIRTY_ALL;
	app_refresh_empty(app);
	vm_timeline_invalidate(&app->timeline);
	vm_recip_invalidate(&app->recip);
	app->settle = 1;
	if (app->review.loaded)
		app_review_load(app);
	if (app->screen == APP_SCREEN_RECORD) {
		const struct vm_contact_row *r = app_selected(app);
		if (r == NULL || r->rowid != app->recip.rowid) {
			app->screen = app->back_to; /* its contact is gone */
		} else if (app_need_recip(app) == 0) {
			app_view_record(app);
		}
	}
	return APP_DIRTY_ALL;
}

/* ---- the line being typed ---- */

static void app_ask(struct app *app, enum app_input in, const char *text, char *question)
{
	app->input = in;
	free(app->ask);
	app->ask = question;
	lineedit_set(&app->le, text ? text : "");
	free(app->message);
	app->message = NULL;
}

void app_filter_apply(struct app *app, const char *text)
{
	free(app->filter);
	app->filter = text && *text ? xstrdup(text) : NULL;
	vm_contacts_set_filter(&app->contacts, app->filter);
	app->settle = 1;
}

/* Editing keys shared by every typed line; -1 when key is not one. */
int app_edit_key(struct lineedit *le, uint32_t key)
{
	static const struct {
		uint32_t key;
		enum lineedit_op op;
	} ops[] = {
		{KEYMAP_KEY_LEFT, LINEEDIT_LEFT},      {KEYMAP_KEY_RIGHT, LINEEDIT_RIGHT},
		{KEYMAP_KEY_HOME, LINEEDIT_HOME},      {KEYMAP_KEY_END, LINEEDIT_END},
		{1, LINEEDIT_HOME},                    {5, LINEEDIT_END},
		{KEYMAP_KEY_BACKSPACE, LINEEDIT_BACKSPACE}, {127, LINEEDIT_BACKSPACE},
		{8, LINEEDIT_BACKSPACE},               {KEYMAP_KEY_DELETE, LINEEDIT_DELETE},
		{4, LINEEDIT_DELETE},                  {21, LINEEDIT_KILL_TO_START},
		{11, LINEEDIT_KILL_TO_END},            {23, LINEEDIT_KILL_BIGWORD_BACK},
		{25, LINEEDIT_YANK},
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (ops[i].key == key)
			return lineedit_do(le, ops[i].op);
	if (key < KEYMAP_KEY_BASE && key >= 0x20 && !utf8_is_control(key))
		return lineedit_insert_cp(le, key);
	return -1;
}

static int app_input_key(struct app *app, uint32_t key)
{
	int dirty = APP_DIRTY_STATUS;
	if (app->input == APP_INPUT_CONFIRM) {
		if (key == 'y' || key == 'Y')
			return app_remove(app);
		app->input = APP_INPUT_NONE;
		app_say(app, 0, "kept them");
		return dirty;
	}
	if (key == KEYMAP_KEY_ESC || key == 7 /* C-g */) {
		if (app->input == APP_INPUT_FILTER) {
			char *was = app->filter_was;
			app->filter_was = NULL;
			app_filter_apply(app, was);
			free(was);
			vm_contacts_select_rowid(&app->contacts, app->sel_was);
			dirty |= APP_DIRTY_ALL;
		}
		app->input = APP_INPUT_NONE;
		return dirty;
	}
	if (key == KEYMAP_KEY_ENTER) {
		if (app->input == APP_INPUT_FOLLOWUP)
			return app_followup_save(app);
		if (app->input == APP_INPUT_IMPORT)
			return app_import(app, lineedit_text(&app->le));
		app->input = APP_INPUT_NONE;
		if (app->filter)
			app_say(app, 0, "%zu of %zu match", app->contacts.nshown, app->contacts.n);
		return dirty;
	}
	if (app->input == APP_INPUT_FILTER &&
	    (key == KEYMAP_KEY_UP || key == KEYMAP_KEY_DOWN)) {
		vm_contacts_move(&app->contacts, key == KEYMAP_KEY_UP ? -1 : 1);
		app->filter_moved = 1;
		app->settle = 1;
		return dirty | APP_DIRTY_CONTACTS;
	}
	int ch = app_edit_key(&app->le, key);
	if (ch > 0 && (ch & LINEEDIT_CHANGED_TEXT) && app->input == APP_INPUT_FILTER) {
		/* unless moved by hand, the contact selected before `/` is the one
		   wanted: it comes back once the filter shows it again */
		if (!app->filter_moved && app->sel_was != 0)
			app->contacts.want = app->sel_was;
		app_filter_apply(app, lineedit_text(&app->le));
		dirty |= APP_DIRTY_ALL;
	}
	return dirty;
}

/* ---- the capture prompt ---- */

void app_capture_for(struct app *app, const struct vm_contact_row *const *rows, size_t n)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		const struct vm_contact_row *r = rows[i];
		/* with its id when it has a namesake: the line names nobody else */
		const char *name = vm_contacts_name(&app->contacts, r);
		char *cause = NULL;
		char *mention = match_mention_of(app->st, r->id, name, NULL, &cause);
		if (mention == NULL)
			mention = capture_mention_format(name);
		free(cause);
		buf_puts(&b, mention);
		buf_putc(&b, ' ');
		free(mention);
	}
	free(app->capture);
	app->capture = buf_detach(&b);
	if (app->capture == NULL)
		app->capture = xstrdup("");
}

/* `c`: the capture prompt, prefilled with a mention of every marked contact,
 * else of the selected one; in a record, of the contact it shows (the marks
 * are the list's). */
static void app_capture_prefill(struct app *app)
{
	const struct vm_contact_row **m = NULL;
	size_t n = app->screen == APP_SCREEN_MAIN ? vm_contacts_marked(&app->contacts, &m) : 0;
	const struct vm_contact_row *sel = app_selected(app);
	if (n > 0)
		app_capture_for(app, m, n);
	else
		app_capture_for(app, &sel, sel != NULL);
	free(m);
}

int app_logged(struct app *app, struct app_log *log)
{
	free(app->capture);
	app->capture = NULL;
	int dirty = app_reload(app);
	char *said = log->said;
	log->said = NULL;
	if (said != NULL) {
		size_t len = strlen(said);
		while (len > 0 && said[len - 1] == '\n')
			said[--len] = '\0';
	}
	app_say(app, 0, "%s", said && *said ? said : "logged");
	app_set_undo(app, APP_UNDO_LOG, 0, 0, xstrdup("log"));
	free(said);
	app->undo.log = *log;
	memset(log, 0, sizeof *log);
	/* the people just met are marked no more */
	vm_contacts_clear_marks(&app->contacts);
	return dirty | APP_DIRTY_ALL;
}

int app_capture_done(struct app *app)
{
	free(app->capture);
	app->capture = NULL;
	return APP_DIRTY_ALL;
}

/* ---- actions ---- */

static int app_move(struct app *app, long delta, int to_end)
{
	if (app->screen == APP_SCREEN_REVIEW)
		return vm_review_move(&app->review, delta, to_end) ? APP_DIRTY_VIEW | APP_DIRTY_STATUS
		                                                    : 0;
	if (app->screen != APP_SCREEN_MAIN) {
		size_t n = app->view.n, h = app->page ? app->page : 1;
		size_t max = n > h ? n - h : 0;
		size_t t = app->view_top;
		if (to_end)
			t = delta < 0 ? 0 : max;
		else if (delta < 0)
			t = (size_t)-delta > t ? 0 : t - (size_t)-delta;
		else
			t = t + (size_t)delta > max ? max : t + (size_t)delta;
		int moved = t != app->view_top;
		app->view_top = t;
		return moved ? APP_DIRTY_VIEW : 0;
	}
	switch (app->focus) {
	case LAYOUT_CONTACTS: {
		int moved;
		if (to_end)
			moved = vm_contacts_select(&app->contacts,
			                           delta < 0 ? 0 : app->contacts.nshown);
		else
			moved = vm_contacts_move(&app->contacts, delta);
		if (!moved)
			return 0;
		app->settle = 1;
		return APP_DIRTY_CONTACTS | APP_DIRTY_STATUS;
	}
	case LAYOUT_TIMELINE: {
		long d = to_end ? (delta < 0 ? -(long)app->timeline.n : (long)app->timeline.n) : delta;
		return vm_timeline_scroll(&app->timeline, d, app->page) ? APP_DIRTY_TIMELINE : 0;
	}
	case LAYOUT_RECIP:
	case LAYOUT_PANES:
		break;
	}
	size_t t = app->recip_top;
	if (to_end)
		t = delta < 0 ? 0 : SIZE_MAX / 2; /* the painter clamps */
	else if (delta < 0)
		t = (size_t)-delta > t ? 0 : t - (size_t)-delta;
	else
		t += (size_t)delta;
	app->recip_top = t;
	return APP_DIRTY_RECIP;
}

/* `D`'s question: the answer right after the name (cut past 40 cells), so
 * that a narrow status line still shows it. Caller frees. */
static char *app_confirm_question(const struct app *app, const struct vm_contact_row *r)
{
	struct buf name;
	buf_init(&name);
	utf8_fit(&name, vm_contacts_name(&app->contacts, r), 40, 0);
	char *q = xasprintf("remove %s? y/n (their follow-ups go too; this cannot be undone) ",
	                    buf_str(&name));
	buf_free(&name);
	return q;
}

int app_handle(struct app *app, enum keymap_action a)
{
	long page = app->page > 1 ? (long)app->page - 1 : 1;
	if (app->screen == APP_SCREEN_REVIEW) {
		int dirty = app_review_handle(app, a);
		if (dirty >= 0)
			return dirty;
	}
	const struct vm_contact_row *r = app_selected(app);
	switch (a) {
	case KEYMAP_ACT_NONE:
	case KEYMAP_ACT_COUNT:
		return 0;
	case KEYMAP_ACT_DOWN:
		return app_move(app, 1, 0);
	case KEYMAP_ACT_UP:
		return app_move(app, -1, 0);
	case KEYMAP_ACT_TOP:
		return app_move(app, -1, 1);
	case KEYMAP_ACT_BOTTOM:
		return app_move(app, 1, 1);
	case KEYMAP_ACT_PAGE_DOWN:
		return app_move(app, page, 0);
	case KEYMAP_ACT_PAGE_UP:
		return app_move(app, -page, 0);
	case KEYMAP_ACT_NEXT_PANE:
		app->focus = (enum layout_pane)((app->focus + 1) % LAYOUT_PANES);
		return APP_DIRTY_ALL;
	case KEYMAP_ACT_PREV_PANE:
		app->focus = (enum layout_pane)((app->focus + LAYOUT_PANES - 1) % LAYOUT_PANES);
		return APP_DIRTY_ALL;
	case KEYMAP_ACT_FILTER:
		free(app->filter_was);
		app->filter_was = app->filter ? xstrdup(app->filter) : NULL;
		app->sel_was = r ? r->rowid : 0;
		app->filter_moved = 0;
		app->focus = LAYOUT_CONTACTS;
		app_ask(app, APP_INPUT_FILTER, app->filter, xstrdup("/"));
		return APP_DIRTY_ALL;
	case KEYMAP_ACT_SORT:
		app_say(app, 0, "sorted by %s", vm_sort_name(vm_contacts_cycle_sort(&app->contacts)));
		return APP_DIRTY_CONTACTS | APP_DIRTY_STATUS;
	case KEYMAP_ACT_SCOPE:
		if (vm_timeline_toggle_scope(&app->timeline))
			app_say(app, 0, "timeline: everyone");
		else
			app_say(app, 0, "timeline: the selected contact");
		app->settle = 1;
		return APP_DIRTY_TIMELINE | APP_DIRTY_STATUS;
	case KEYMAP_ACT_MARK: {
		if (r == NULL)
			return 0;
		vm_contacts_toggle_mark(&app->contacts);
		const struct vm_contact_row **m = NULL;
		size_t n = vm_contacts_marked(&app->contacts, &m);
		free(m);
		app_say(app, 0, "%zu marked", n);
		vm_contacts_move(&app->contacts, 1);
		app->settle = 1;
		return APP_DIRTY_CONTACTS | APP_DIRTY_STATUS;
	}
	case KEYMAP_ACT_RECORD:
		return app_record_open(app, APP_SCREEN_MAIN);
	case KEYMAP_ACT_CAPTURE:
		app_capture_prefill(app);
		return APP_DIRTY_STATUS;
	case KEYMAP_ACT_ADD:
		return app_form_open(app, 0);
	case KEYMAP_ACT_EDIT:
		return app_form_open(app, 1);
	case KEYMAP_ACT_NEXT_FIELD:
	case KEYMAP_ACT_PREV_FIELD:
	case KEYMAP_ACT_SAVE:
	case KEYMAP_ACT_CANCEL:
		return 0; /* the form's own (app_form_key) */
	case KEYMAP_ACT_FOLLOWUP:
		if (r == NULL)
			return 0;
		app_ask(app, APP_INPUT_FOLLOWUP, "",
		        xasprintf("follow-up with %s, WHEN TEXT: ", vm_contacts_name(&app->contacts, r)));
		return APP_DIRTY_STATUS;
	case KEYMAP_ACT_DONE:
		return app_done(app);
	case KEYMAP_ACT_SNOOZE:
		return app_snooze(app);
	case KEYMAP_ACT_REMOVE:
		if (r == NULL)
			return 0;
		app->confirm = r->rowid;
		app_ask(app, APP_INPUT_CONFIRM, "", app_confirm_question(app, r));
		return APP_DIRTY_STATUS;
	case KEYMAP_ACT_UNDO:
		return app_undo(app);
	case KEYMAP_ACT_HELP:
		keymap_help_lines(&app->km, &app->view);
		app->view_top = 0;
		if (app->screen != APP_SCREEN_RECORD)
			app->back_to = app->screen;
		app->screen = APP_SCREEN_HELP;
		return APP_DIRTY_ALL;
	case KEYMAP_ACT_REVIEW:
		return app_review_open(app);
	case KEYMAP_ACT_BACK:
		app->screen = app->screen == APP_SCREEN_REVIEW ? APP_SCREEN_MAIN : app->back_to;
		if (app->screen == APP_SCREEN_MAIN) {
			app->back_to = APP_SCREEN_MAIN;
			vm_review_clear(&app->review); /* read again when opened again */
		}
		return APP_DIRTY_ALL;
	case KEYMAP_ACT_REDRAW:
		return APP_DIRTY_ALL | APP_DIRTY_CLEAR;
	case KEYMAP_ACT_QUIT:
		app->quit = 1;
		return 0;
	}
	return 0;
}

int app_click(struct app *app, enum layout_pane pane, long row)
{
	if (app->screen != APP_SCREEN_MAIN || app->input != APP_INPUT_NONE ||
	    (unsigned)pane >= LAYOUT_PANES)
		return 0;
	int dirty = app->focus != pane ? APP_DIRTY_ALL : 0;
	app->focus = pane;
	if (pane == LAYOUT_CONTACTS && row >= 0 &&
	    app->contacts.top + (size_t)row < app->contacts.nshown &&
	    vm_contacts_select(&app->contacts, app->contacts.top + (size_t)row)) {
		app->settle = 1;
		dirty |= APP_DIRTY_CONTACTS | APP_DIRTY_STATUS;
	}
	return dirty;
}

int app_wheel(struct app *app, enum layout_pane pane, long delta)
{
	if (app->input != APP_INPUT_NONE || app->screen == APP_SCREEN_FORM)
		return 0;
	if (app->screen == APP_SCREEN_MAIN && (unsigned)pane < LAYOUT_PANES)
		app->focus = pane;
	return app_move(app, delta, 0) | APP_DIRTY_ALL;
}

int app_key(struct app *app, uint32_t key)
{
	if (key == KEYMAP_KEY_RESIZE)
		return APP_DIRTY_ALL;
	if (key == KEYMAP_KEY_NONE)
		return 0;
	if (app->input != APP_INPUT_NONE)
		return app_input_key(app, key);
	if (app->screen == APP_SCREEN_FORM && app->form != NULL)
		return app_form_key(app, key);
	if (key == 'i' && app->empty && app->screen == APP_SCREEN_MAIN) {
		/* the welcome's own key: bring contacts in */
		app_ask(app, APP_INPUT_IMPORT, "", xstrdup("import a vCard, CSV or JSON Lines file, or a vdir folder: "));
		return APP_DIRTY_STATUS;
	}
	enum keymap_action a = keymap_lookup(&app->km, app_mode(app), key);
	int dirty = 0;
	if (app->message != NULL && a != KEYMAP_ACT_NONE) {
		free(app->message); /* a message lasts until the next key */
		app->message = NULL;
		dirty = APP_DIRTY_STATUS;
	}
	return dirty | app_handle(app, a);
}

int app_idle(struct app *app, int64_t now)
{
	int dirty = 0;
	int64_t v = 0;
	char *cause = NULL;
	if (store_data_version(app->st, &v, &cause) != 0)
		return app_fail(app, cause);
	/* scores move with the clock: a new day reloads too */
	int new_day = date_day_start(now) != date_day_start(app->now);
	app->now = now;
	if (v != app->data_version || new_day) {
		app->data_version = v;
		dirty |= app_reload(app);
	}
	if (app->settle) {
		const struct vm_contact_row *r = app_selected(app);
		int64_t rowid = r ? r->rowid : 0;
		if (vm_timeline_stale(&app->timeline, rowid)) {
			if (vm_timeline_load(&app->timeline, rowid, &cause) != 0)
				return dirty | app_fail(app, cause);
			dirty |= APP_DIRTY_TIMELINE;
		}
		if (vm_recip_stale(&app->recip, rowid)) {
			if (app_need_recip(app) != 0)
				return dirty | APP_DIRTY_STATUS;
			dirty |= APP_DIRTY_RECIP;
		}
		app->settle = 0;
	}
	return dirty;
}

/* The question, then the line being typed around its cursor, then (for the
 * filter) the count when there is room for it: the question gives way to the
 * line, down to half the width. */
static void app_status_input(struct app *app, size_t width, struct buf *b, size_t *cursor)
{
	const struct vm_contacts *c = &app->contacts;
	const char *ask = app->ask ? app->ask : "";
	struct buf count;
	buf_init(&count);
	if (app->input == APP_INPUT_FILTER)
		buf_printf(&count, "   %zu/%zu of %zu", c->nshown ? c->sel + 1 : 0, c->nshown, c->n);
	size_t qw = utf8_width(ask), want = lineedit_cells(&app->le) + 1; /* and the cursor */
	size_t cw = utf8_width(buf_str(&count));
	if (qw + want + cw > width)
		cw = 0; /* the count goes first */
	size_t q = qw;
	if (q + want + cw > width) {
		q = width > want ? width - want : 0;
		if (q < width / 2)
			q = width / 2;
		if (q > qw)
			q = qw;
	}
	size_t field = width - q - cw;
	if (width == 0 || field == 0) {
		buf_free(&count);
		return;
	}
	utf8_fit(b, ask, q, 1);
	size_t start = 0, col = 0;
	lineedit_view(&app->le, field, &start, &col);
	utf8_fit(b, lineedit_text(&app->le) + start, field, 0);
	if (cw > 0)
		buf_puts(b, buf_str(&count));
	*cursor = q + col;
	buf_free(&count);
}

/* "2/4 of 9  sort:attention  filter:acme" */
static void app_status_position(const struct app *app, struct buf *b)
{
	const struct vm_contacts *c = &app->contacts;
	buf_printf(b, "%zu/%zu", c->nshown ? c->sel + 1 : 0, c->nshown);
	if (c->nshown != c->n)
		buf_printf(b, " of %zu", c->n);
	buf_printf(b, "  sort:%s", vm_sort_name(c->sort));
	if (app->filter != NULL) {
		buf_puts(b, "  filter:");
		buf_puts(b, app->filter);
	}
}

void app_status(struct app *app, size_t width, struct buf *out, size_t *cursor)
{
	struct buf b;
	buf_init(&b);
	*cursor = APP_NO_CURSOR;
	if (app->input != APP_INPUT_NONE) {
		app_status_input(app, width, &b, cursor);
	} else {
		if (app->screen == APP_SCREEN_REVIEW)
			app_review_status(app, &b);
		else
			app_status_position(app, &b);
		buf_puts(&b, "  ");
		if (app->message != NULL) {
			buf_puts(&b, app->message);
		} else {
			/* the welcome of an empty journal: what it can do, not moves */
			static const enum keymap_action welcome[] = {KEYMAP_ACT_ADD, KEYMAP_ACT_CAPTURE,
			                                             KEYMAP_ACT_HELP, KEYMAP_ACT_QUIT};
			int hello = app->empty && app->screen == APP_SCREEN_MAIN;
			size_t used = utf8_width(buf_str(&b));
			keymap_hints_of(&app->km, app_mode(app), hello ? welcome : NULL,
			                hello ? sizeof welcome / sizeof welcome[0] : 0,
			                width > used ? width - used : 0, &b);
		}
	}
	utf8_fit(out, buf_str(&b), width, 0);
	buf_free(&b);
}

void app_welcome_lines(struct vm_lines *out)
{
	vm_lines_clear(out);
	vm_lines_add(out, THEME_NORMAL, "Your journal is empty. To begin, press");
	vm_lines_add(out, THEME_NORMAL, "  a              to add your first contact here");
	vm_lines_add(out, THEME_NORMAL, "  i              to import vCard, CSV, JSON Lines or vdir");
	vm_lines_add(out, THEME_NORMAL, "or, from a shell:");
	vm_lines_add(out, THEME_NORMAL, "  kith demo      a demo network to explore");
	vm_lines_add(out, THEME_NORMAL, "  kith add NAME  a contact");
	vm_lines_add(out, THEME_NORMAL, "  kith log TEXT  what just happened, with @names");
	vm_lines_add(out, THEME_NORMAL, "");
	vm_lines_add(out, THEME_MUTED, "This screen shows them as soon as they are written.");
	vm_lines_add(out, THEME_MUTED, "Press ? for the keys, q to quit.");
}
