/* app_write.c: what the full-screen program writes (app.h): snooze, done,
 * follow-ups, removal, the add and edit form, and their undo, each one
 * transaction through store_write, everything read again after it. View
 * layer; depends on store.h, date.h, vm_form.h, app_int.h and import_file.h
 * (the welcome's import). */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "app_int.h"
#include "date.h"
#include "err.h"
#include "store.h"
#include "import_file.h"

/* ---- writes ---- */

enum app_op_kind { APP_OP_SNOOZE, APP_OP_DONE, APP_OP_UNDONE, APP_OP_FOLLOWUP, APP_OP_UNFOLLOW,
	           APP_OP_REMOVE, APP_OP_UNLOG, APP_OP_ADD, APP_OP_UPDATE };

struct app_op {
	enum app_op_kind kind;
	int64_t rowid, value, now;
	struct followup *fu;
	const struct app_log *log;
	struct contact *c; /* APP_OP_ADD, APP_OP_UPDATE */
};

/* Takes a logged line back: its follow-ups, its interaction, the contacts it
 * created (what is already gone is skipped). */
static int app_op_unlog(struct store *st, const struct app_log *l, int64_t now, char **cause)
{
	struct followup *fu = NULL;
	size_t nfu = 0;
	struct store_followup_query q = {0, 1, 0};
	if (store_followups(st, &q, &fu, &nfu, cause) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < l->nfollowups && rc == 0; i++)
		for (size_t k = 0; k < nfu; k++)
			if (fu[k].rowid == l->followups[i])
				rc = store_tx_followup_remove(st, l->followups[i], now, cause);
	followups_free(fu, nfu);
	struct interaction in;
	if (rc == 0) {
		int got = store_interaction_get(st, l->interaction, &in, cause);
		if (got < 0)
			rc = -1;
		else if (got == 0) {
			interaction_free(&in);
			rc = store_tx_interaction_remove(st, l->interaction, now, cause);
		}
	}
	for (size_t i = 0; i < l->ncontacts && rc == 0; i++) {
		struct contact c;
		int got = store_contact_get(st, l->contacts[i], &c, cause);
		if (got < 0)
			rc = -1;
		else if (got == 0) {
			contact_free(&c);
			rc = store_tx_contact_remove(st, l->contacts[i], now, cause);
		}
	}
	return rc;
}

static int app_op_run(struct store *st, void *arg, char **cause)
{
	struct app_op *op = arg;
	switch (op->kind) {
	case APP_OP_SNOOZE:
		return store_tx_contact_snooze(st, op->rowid, op->value, op->now, cause);
	case APP_OP_DONE:
	case APP_OP_UNDONE:
		return store_tx_followup_done(st, op->rowid, op->kind == APP_OP_DONE, op->now, cause);
	case APP_OP_FOLLOWUP:
		return store_tx_followup_add(st, op->fu, op->now, cause);
	case APP_OP_UNFOLLOW:
		return store_tx_followup_remove(st, op->rowid, op->now, cause);
	case APP_OP_REMOVE:
		return store_tx_contact_remove(st, op->rowid, op->now, cause);
	case APP_OP_UNLOG:
		return app_op_unlog(st, op->log, op->now, cause);
	case APP_OP_ADD:
		return store_tx_contact_add(st, op->c, op->now, cause);
	case APP_OP_UPDATE:
		return store_tx_contact_update(st, op->c, op->now, cause);
	}
	return err_set(cause, "unknown write");
}

/* Runs one write; 0 and everything reloaded, or -1 with the message set. */
static int app_write(struct app *app, struct app_op *op, int *dirty)
{
	char *cause = NULL;
	op->now = app->now;
	if (store_write(app->st, app_op_run, op, &cause) < 0) {
		*dirty |= app_fail(app, cause);
		return -1;
	}
	*dirty |= app_reload(app);
	return 0;
}

void app_set_undo(struct app *app, enum app_undo_kind k, int64_t rowid, int64_t old,
                  char *what)
{
	free(app->undo.what);
	app_log_free(&app->undo.log);
	if (app->undo.before != NULL) {
		contact_free(app->undo.before);
		free(app->undo.before);
		app->undo.before = NULL;
	}
	app->undo.kind = k;
	app->undo.rowid = rowid;
	app->undo.old = old;
	app->undo.what = what;
}

int app_snooze(struct app *app)
{
	const struct vm_contact_row *r = app_selected(app);
	if (r == NULL || app_need_recip(app) != 0)
		return APP_DIRTY_STATUS;
	int64_t until = date_add_days(date_day_start(app->now), 7);
	int64_t old = app->recip.c.snoozed_until;
	char *name = xstrdup(vm_contacts_name(&app->contacts, r));
	struct app_op op = {APP_OP_SNOOZE, r->rowid, until, 0, NULL, NULL, NULL};
	int dirty = 0;
	if (app_write(app, &op, &dirty) == 0) {
		char day[16];
		date_format_day(until, day);
		app_say(app, 0, "snoozed %s until %s", name, day);
		app_set_undo(app, APP_UNDO_SNOOZE, op.rowid, old, xasprintf("snooze of %s", name));
	}
	free(name);
	return dirty;
}

int app_done(struct app *app)
{
	return app_done_followup(app, 0);
}

int app_done_followup(struct app *app, int64_t followup)
{
	const struct vm_contact_row *r = app_selected(app);
	if (r == NULL || app_need_recip(app) != 0)
		return APP_DIRTY_STATUS;
	const struct followup *f = followup ? NULL : vm_recip_first_open(&app->recip);
	for (size_t i = 0; followup != 0 && i < app->recip.nfu; i++)
		if (app->recip.fu[i].rowid == followup && app->recip.fu[i].done_at == 0)
			f = &app->recip.fu[i];
	if (f == NULL) {
		app_say(app, 1, "%s has no open follow-up", vm_contacts_name(&app->contacts, r));
		return APP_DIRTY_STATUS;
	}
	char *text = xstrdup(f->text);
	struct app_op op = {APP_OP_DONE, f->rowid, 0, 0, NULL, NULL, NULL};
	int dirty = 0;
	if (app_write(app, &op, &dirty) == 0) {
		app_say(app, 0, "done: %s", text);
		app_set_undo(app, APP_UNDO_DONE, op.rowid, 0, xasprintf("done of \"%s\"", text));
	}
	free(text);
	return dirty;
}

int app_undo(struct app *app)
{
	if (app->undo.kind == APP_UNDO_NONE) {
		app_say(app, 1, "nothing to undo");
		return APP_DIRTY_STATUS;
	}
	struct app_op op = {APP_OP_SNOOZE, app->undo.rowid, app->undo.old, 0,
	                    NULL, &app->undo.log, NULL};
	if (app->undo.kind == APP_UNDO_DONE)
		op.kind = APP_OP_UNDONE;
	else if (app->undo.kind == APP_UNDO_FOLLOWUP)
		op.kind = APP_OP_UNFOLLOW;
	else if (app->undo.kind == APP_UNDO_LOG)
		op.kind = APP_OP_UNLOG;
	else if (app->undo.kind == APP_UNDO_ADD)
		op.kind = APP_OP_REMOVE;
	else if (app->undo.kind == APP_UNDO_EDIT) {
		op.kind = APP_OP_UPDATE;
		op.c = app->undo.before;
	}
	int dirty = 0;
	if (app_write(app, &op, &dirty) == 0) {
		app_say(app, 0, "undid the %s", app->undo.what);
		app_set_undo(app, APP_UNDO_NONE, 0, 0, NULL);
	}
	return dirty;
}

/* "WHEN TEXT": a due date as `kith followup` takes it, then the text. */
int app_followup_save(struct app *app)
{
	const struct vm_contact_row *r = app_selected(app);
	if (r == NULL)
		return APP_DIRTY_STATUS;
	const char *line = lineedit_text(&app->le);
	while (*line == ' ')
		line++;
	const char *sp = strchr(line, ' ');
	const char *text = sp ? sp + 1 : "";
	while (*text == ' ')
		text++;
	if (*line == '\0' || *text == '\0') {
		app_say(app, 1, "type WHEN then the text: 1w send the article");
		return APP_DIRTY_STATUS;
	}
	char *when = xstrndup(line, sp ? (size_t)(sp - line) : strlen(line));
	char *cause = NULL;
	int64_t due;
	int rc = date_parse_due(when, app->now, &due, &cause);
	free(when);
	if (rc != 0)
		return app_fail(app, cause);
	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = r->rowid;
	f.due_at = due;
	f.text = xstrdup(text);
	struct app_op op = {APP_OP_FOLLOWUP, 0, 0, 0, &f, NULL, NULL};
	int dirty = 0;
	char *name = xstrdup(vm_contacts_name(&app->contacts, r));
	if (app_write(app, &op, &dirty) == 0) {
		char day[16];
		date_format_day(due, day);
		app_say(app, 0, "follow-up with %s on %s", name, day);
		app_set_undo(app, APP_UNDO_FOLLOWUP, f.rowid, 0,
		             xasprintf("follow-up \"%s\"", f.text));
		app->input = APP_INPUT_NONE;
	}
	free(name);
	followup_free(&f);
	return dirty | APP_DIRTY_STATUS;
}

int app_remove(struct app *app)
{
	int64_t rowid = app->confirm;
	app->input = APP_INPUT_NONE;
	const struct vm_contact_row *r = app_selected(app);
	if (r == NULL || r->rowid != rowid)
		return APP_DIRTY_STATUS;
	char *name = xstrdup(vm_contacts_name(&app->contacts, r));
	enum app_screen from = app->screen;
	struct app_op op = {APP_OP_REMOVE, rowid, 0, 0, NULL, NULL, NULL};
	int dirty = APP_DIRTY_STATUS;
	if (app_write(app, &op, &dirty) == 0) {
		app_say(app, 0, "removed %s", name);
		/* their record is gone: back to where it was opened from */
		app->screen = from == APP_SCREEN_RECORD ? app->back_to : APP_SCREEN_MAIN;
		/* an undo of something about them can no longer apply */
		app_set_undo(app, APP_UNDO_NONE, 0, 0, NULL);
	}
	free(name);
	return dirty | APP_DIRTY_ALL;
}

/* ---- the form ---- */

int app_form_open(struct app *app, int edit)
{
	const struct vm_contact_row *r = app_selected(app);
	if (edit && (r == NULL || app_need_recip(app) != 0))
		return APP_DIRTY_STATUS;
	app->form = xmalloc(sizeof *app->form);
	if (edit)
		vm_form_init_edit(app->form, &app->recip.c);
	else
		vm_form_init_add(app->form);
	app->form_discard = 0;
	app->form_from = app->screen;
	app->screen = APP_SCREEN_FORM;
	return APP_DIRTY_ALL;
}

static int app_form_close(struct app *app)
{
	vm_form_free(app->form);
	free(app->form);
	app->form = NULL;
	app->screen = app->form_from == APP_SCREEN_RECORD || app->form_from == APP_SCREEN_REVIEW
	                      ? app->form_from
	                      : APP_SCREEN_MAIN;
	if (app->screen == APP_SCREEN_RECORD && app_need_recip(app) == 0)
		app_view_record(app);
	return APP_DIRTY_ALL;
}

/* Enter: every field valid, then one write; else the first bad field. */
static int app_form_save(struct app *app)
{
	struct vm_form *f = app->form;
	enum vm_form_field bad = vm_form_first_error(f);
	if (bad != VM_FORM_FIELDS) {
		f->focus = bad;
		app_say(app, 1, "%s: %s", vm_form_label(bad), f->error[bad]);
		return APP_DIRTY_VIEW | APP_DIRTY_STATUS;
	}
	if (f->rowid != 0 && !vm_form_changed(f)) {
		app_say(app, 0, "nothing changed");
		return app_form_close(app) | APP_DIRTY_STATUS;
	}
	struct contact *c = xcalloc(1, sizeof *c);
	struct contact *old = NULL;
	char *cause = NULL;
	if (f->rowid != 0) {
		old = xcalloc(1, sizeof *old);
		int got = store_contact_get(app->st, f->rowid, c, &cause);
		if (got == 0)
			got = store_contact_get(app->st, f->rowid, old, &cause);
		if (got != 0) {
			free(c);
			free(old);
			if (got < 0)
				return app_fail(app, cause);
			app_say(app, 1, "the contact is gone");
			return app_form_close(app) | APP_DIRTY_STATUS;
		}
	} else {
		contact_init(c);
	}
	vm_form_apply(f, c);
	struct app_op op = {f->rowid ? APP_OP_UPDATE : APP_OP_ADD, 0, 0, 0, NULL, NULL, c};
	int dirty = 0;
	if (app_write(app, &op, &dirty) == 0) {
		if (old != NULL) {
			app_say(app, 0, "saved %s", c->name);
			app_set_undo(app, APP_UNDO_EDIT, c->rowid, 0, xasprintf("edit of %s", c->name));
			app->undo.before = old;
			old = NULL;
		} else {
			app_say(app, 0, "added %s", c->name);
			app_set_undo(app, APP_UNDO_ADD, c->rowid, 0, xasprintf("add of %s", c->name));
			app->undo.rowid = c->rowid;
			vm_contacts_select_rowid(&app->contacts, c->rowid);
			app->settle = 1;
		}
		dirty |= app_form_close(app);
	}
	if (old != NULL) {
		contact_free(old);
		free(old);
	}
	contact_free(c);
	free(c);
	return dirty | APP_DIRTY_STATUS;
}

int app_form_key(struct app *app, uint32_t key)
{
	struct vm_form *f = app->form;
	enum keymap_action a = keymap_lookup(&app->km, KEYMAP_FORM, key);
	if (a != KEYMAP_ACT_CANCEL)
		app->form_discard = 0;
	switch (a) {
	case KEYMAP_ACT_NEXT_FIELD:
		vm_form_move(f, 1);
		return APP_DIRTY_VIEW;
	case KEYMAP_ACT_PREV_FIELD:
		vm_form_move(f, -1);
		return APP_DIRTY_VIEW;
	case KEYMAP_ACT_SAVE:
		return app_form_save(app);
	case KEYMAP_ACT_CANCEL:
		if (vm_form_changed(f) && !app->form_discard) {
			app->form_discard = 1;
			app_say(app, 1, "Esc again leaves without saving the changes");
			return APP_DIRTY_STATUS;
		}
		app_say(app, 0, "nothing written");
		return app_form_close(app) | APP_DIRTY_STATUS;
	case KEYMAP_ACT_REDRAW:
		return APP_DIRTY_ALL | APP_DIRTY_CLEAR;
	default:
		break;
	}
	free(app->message);
	app->message = NULL;
	int ch = app_edit_key(&f->le[f->focus], key);
	if (ch > 0 && (ch & LINEEDIT_CHANGED_TEXT)) {
		/* the editing went around vm_form: check the field again */
		char *t = xstrdup(lineedit_text(&f->le[f->focus]));
		vm_form_set(f, (enum vm_form_field)f->focus, t);
		free(t);
	}
	return APP_DIRTY_VIEW | APP_DIRTY_STATUS;
}

/* import_opts' progress of the welcome's import: the count on the status line. */
static void app_import_progress(void *arg, long records)
{
	struct app *app = arg;
	if (app->progress == NULL)
		return;
	app_say(app, 0, "importing: %ld records read", records);
	app->progress(app->progress_arg);
}

int app_import(struct app *app, const char *path)
{
	app->input = APP_INPUT_NONE;
	char *p = xstrdup(path);
	/* a path typed with spaces around it, or a leading ~/ */
	size_t n = strlen(p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		p[--n] = '\0';
	char *start = p;
	while (*start == ' ' || *start == '\t')
		start++;
	char *full = start[0] == '~' && start[1] == '/' && getenv("HOME") != NULL
	                     ? xasprintf("%s%s", getenv("HOME"), start + 1)
	                     : xstrdup(start);
	free(p);
	if (full[0] == '\0') {
		free(full);
		return APP_DIRTY_STATUS;
	}
	struct import_opts o = {-1, NULL, 0, app_import_progress, NULL, app};
	struct import_file_report rep;
	char *cause = NULL;
	int dirty = APP_DIRTY_STATUS;
	int rc = import_file_path(app->st, full, &o, app->now, &rep, &cause);
	const char *base = strrchr(full, '/');
	base = base != NULL && base[1] != '\0' ? base + 1 : full;
	if (rc != 0) {
		/* the file by its name, as the summary names it, so that a long
		 * path does not push what went wrong off the status line */
		size_t flen = strlen(full);
		const char *why = strncmp(cause, full, flen) == 0 && cause[flen] == ':' ? cause + flen
		                                                                        : NULL;
		app_say(app, 1, "%s%s%s; nothing imported", why != NULL ? base : "",
		        why != NULL ? why : cause,
		        rc == IMPORT_FILE_UNKNOWN ? " (vCard, vdir, CSV, LinkedIn or JSON Lines)" : "");
		free(cause);
	} else {
		dirty |= app_reload(app);
		long read = rep.n.new_ + rep.n.updated + rep.n.unchanged;
		app_say(app, 0, "imported %ld %s from %s (%s): %ld new, %ld updated, %ld unchanged, "
		        "%ld %s", read, rep.merged ? buf_plural(read, "record", "records")
		                              : buf_plural(read, "contact", "contacts"),
		        base, rep.label, rep.n.new_, rep.n.updated, rep.n.unchanged, rep.n.errors,
		        buf_plural(rep.n.errors, "error", "errors"));
	}
	free(full);
	return dirty | APP_DIRTY_ALL;
}
