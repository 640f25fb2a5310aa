/* pane_status.c: the status line: position, sort, filter, then the message
 * or the key hints of the current mode; a line being typed with its cursor.
 * Terminal layer; depends on curses, tui_int.h and app.h. */
#include "tui_int.h"

void pane_status_paint(struct tui *t, const struct layout_rect *r)
{
	struct app *app = t->app;
	if (r->w < 1 || r->h < 1)
		return;
	struct buf b;
	buf_init(&b);
	size_t at;
	app_status(app, (size_t)r->w, &b, &at);
	enum theme_role role = app->message_error && app->message ? THEME_STATUS_ERROR
	                                                           : THEME_STATUS;
	if (app->input != APP_INPUT_NONE)
		role = THEME_PROMPT;
	tui_put(t, r->y, r->x, buf_str(&b), (size_t)r->w, t->role[role], 1);
	/* the cursor in the line being typed */
	t->cursor = at < (size_t)r->w;
	if (t->cursor) {
		t->cy = r->y;
		t->cx = r->x + (int)at;
	}
	buf_free(&b);
}
