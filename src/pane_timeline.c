/* pane_timeline.c: the selected contact's interactions (or everyone's),
 * newest first: date, kind, a direction arrow, summary, the other people.
 * Terminal layer; depends on curses, tui_int.h and vm_timeline.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_int.h"
#include "utf8.h"

void pane_timeline_paint(struct tui *t, const struct layout_rect *r, int focused)
{
	struct app *app = t->app;
	struct vm_timeline *tl = &app->timeline;
	const struct vm_contact_row *sel = vm_contacts_selected(&app->contacts);
	struct buf title;
	buf_init(&title);
	buf_puts(&title, "Timeline: ");
	buf_puts(&title, tl->everyone ? "everyone"
	                 : sel        ? vm_contacts_name(&app->contacts, sel)
	                              : "nobody");
	tui_title(t, r, buf_str(&title), focused);
	buf_free(&title);
	if (r->h < 2 || r->w < 1)
		return;
	size_t height = (size_t)(r->h - 1);
	if (focused)
		app->page = height;
	int64_t self = sel ? sel->rowid : 0;
	if (vm_timeline_stale(tl, self)) {
		tui_put(t, r->y + 1, r->x, "\u2026", (size_t)r->w, t->role[THEME_MUTED], 1);
		return;
	}
	if (tl->n == 0) {
		tui_put(t, r->y + 1, r->x, "nothing logged yet", (size_t)r->w, t->role[THEME_MUTED], 1);
		return;
	}
	vm_timeline_scroll(tl, 0, height); /* clamps after a resize */
	size_t w = (size_t)r->w;
	size_t kw = vm_timeline_kind_cells(tl, tl->top, height, w);
	for (size_t i = 0; i < height && tl->top + i < tl->n; i++) {
		struct vm_timeline_cells c;
		vm_timeline_cells(tl, tl->top + i, self, &c);
		int y = r->y + 1 + (int)i;
		size_t x = 0;
		const struct interaction *in = &tl->v[tl->top + i];
		enum theme_role dir = in->dir == DIR_GAVE  ? THEME_GAVE
		                      : in->dir == DIR_GOT ? THEME_GOT
		                                           : THEME_NORMAL;
		x += tui_put(t, y, r->x, c.day, w > 11 ? 11 : w, t->role[THEME_MUTED], 1);
		/* the kind, then at least one blank before the arrow */
		if (x < w)
			x += tui_put(t, y, r->x + (int)x, c.kind, w - x > kw - 1 ? kw - 1 : w - x,
			             t->role[THEME_NORMAL], 1);
		if (x < w)
			x += tui_put(t, y, r->x + (int)x, "", 1, t->role[THEME_NORMAL], 1);
		if (x < w)
			x += tui_put(t, y, r->x + (int)x, c.arrow, w - x > 2 ? 2 : w - x, t->role[dir], 1);
		if (x < w) {
			struct buf b;
			buf_init(&b);
			buf_puts(&b, c.summary);
			if (*c.others) {
				buf_puts(&b, *c.summary ? " \u00b7 " : "");
				buf_puts(&b, c.others);
			}
			tui_put(t, y, r->x + (int)x, buf_str(&b), w - x, t->role[THEME_NORMAL], 1);
			buf_free(&b);
		}
		free(c.others);
	}
}
