/* app_review.c: the weekly review screen of the full-screen program (`w`):
 * opens it, computes it again after every write, and acts on the selected
 * row through the program's own actions (app_write.c), on the row's contact.
 * View layer; depends on app_int.h and vm_review.h. */
#include <string.h>

#include "app.h"
#include "app_int.h"

void app_review_load(struct app *app)
{
	char *cause = NULL;
	if (vm_review_load(&app->review, app->now, &cause) != 0)
		app_fail(app, cause);
}

int app_review_open(struct app *app)
{
	char *cause = NULL;
	if (vm_review_load(&app->review, app->now, &cause) != 0)
		return app_fail(app, cause);
	app->review.sel = 0;
	app->review.top = 0;
	app->screen = APP_SCREEN_REVIEW;
	app->back_to = APP_SCREEN_REVIEW;
	return APP_DIRTY_ALL;
}

/* Selects the selected row's contact in the contacts list, so that the
 * program's actions work on it (a filter that hides them is cleared); -1
 * with the message set when there is no row or no such contact. */
static int app_review_target(struct app *app)
{
	const struct vm_review_item *it = vm_review_selected(&app->review);
	if (it == NULL) {
		app_say(app, 1, "nobody to act on here");
		return -1;
	}
	if (!vm_contacts_select_rowid(&app->contacts, it->contact) && app->filter != NULL) {
		app_filter_apply(app, NULL);
		vm_contacts_select_rowid(&app->contacts, it->contact);
	}
	const struct vm_contact_row *r = app_selected(app);
	if (r == NULL || r->rowid != it->contact) {
		app_say(app, 1, "%s is not in the journal any more", it->name);
		return -1;
	}
	app->settle = 1;
	return 0;
}

int app_review_handle(struct app *app, enum keymap_action a)
{
	switch (a) {
	case KEYMAP_ACT_NEXT_PANE:
	case KEYMAP_ACT_PREV_PANE:
		return vm_review_next_section(&app->review, a == KEYMAP_ACT_NEXT_PANE ? 1 : -1)
		               ? APP_DIRTY_VIEW | APP_DIRTY_STATUS
		               : 0;
	case KEYMAP_ACT_RECORD:
		if (app_review_target(app) != 0)
			return APP_DIRTY_STATUS;
		return app_record_open(app, APP_SCREEN_REVIEW);
	case KEYMAP_ACT_CAPTURE: {
		if (app_review_target(app) != 0)
			return APP_DIRTY_STATUS;
		/* the row's person only, whoever is marked in the list */
		const struct vm_contact_row *r = app_selected(app);
		app_capture_for(app, &r, 1);
		return APP_DIRTY_STATUS;
	}
	case KEYMAP_ACT_DONE: {
		if (app_review_target(app) != 0)
			return APP_DIRTY_STATUS;
		const struct vm_review_item *it = vm_review_selected(&app->review);
		return app_done_followup(app, it->followup);
	}
	case KEYMAP_ACT_FOLLOWUP:
	case KEYMAP_ACT_SNOOZE:
	case KEYMAP_ACT_EDIT:
		/* the program's own, on the row's contact */
		return app_review_target(app) != 0 ? APP_DIRTY_STATUS : -1;
	default:
		return -1;
	}
}

void app_review_status(const struct app *app, struct buf *out)
{
	size_t n = vm_review_count(&app->review);
	buf_printf(out, "%zu/%zu  weekly review", n ? app->review.sel + 1 : 0, n);
}
