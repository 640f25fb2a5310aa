/* pane_status.c: the status line: position, sort, filter, then the message
 * or the key hints of the current mode; a line being typed with its cursor.
 * Terminal layer; depends on curses, tui_int.h and app.h. */
#include "tui_int.h"
#include "utf8.h"

void pane_status_paint(struct tui *t, const struct layout_rect *r)
{
	struct app *app = t->app;
	if (r->w < 1 || r->h < 1)
		return;
	struct buf b;
	buf_init(&b);
	app_status(app, (size_t)r->w, &b);
	enum theme_role role = app->message_error && app->message ? THEME_STATUS_ERROR
	                                                           : THEME_STATUS;
	if (app->input != APP_INPUT_NONE)
		role = THEME_PROMPT;
	tui_put(t, r->y, r->x, buf_str(&b), (size_t)r->w, t->role[role], 1);
	t->cursor = 0;
	if (app->input != APP_INPUT_NONE) {
		/* the cursor after the question and the text before it */
		size_t at = utf8_width(app->ask ? app->ask : "") +
		            lineedit_cells_before_cursor(&app->le);
		if (at < (size_t)r->w) {
			t->cursor = 1;
			t->cy = r->y;
			t->cx = r->x + (int)at;
		}
	}
	buf_free(&b);
}
