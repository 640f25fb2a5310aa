/* pane_recip.c: the reciprocity pane (give and take, the balance bar, open
 * follow-ups, the score's terms) and the scrolled line views shared with the
 * record and the help. Terminal layer; depends on curses, tui_int.h and
 * vm_recip.h. */
#include <stdio.h>
#include <string.h>

#include "tui_int.h"

void pane_lines_paint(struct tui *t, const struct layout_rect *r, const char *title,
                      const struct vm_lines *l, size_t *top, int focused)
{
	tui_title(t, r, title, focused);
	if (r->h < 2 || r->w < 1)
		return;
	size_t height = (size_t)(r->h - 1);
	size_t max = l->n > height ? l->n - height : 0;
	if (*top > max)
		*top = max;
	for (size_t i = 0; i < height && *top + i < l->n; i++) {
		const struct vm_line *ln = &l->v[*top + i];
		tui_put(t, r->y + 1 + (int)i, r->x, ln->text, (size_t)r->w, t->role[ln->role], 1);
	}
}

void pane_recip_paint(struct tui *t, const struct layout_rect *r, int focused)
{
	struct app *app = t->app;
	const struct vm_contact_row *sel = vm_contacts_selected(&app->contacts);
	int64_t rowid = sel ? sel->rowid : 0;
	struct buf title;
	buf_init(&title);
	buf_puts(&title, "Give and take");
	if (sel != NULL) {
		buf_puts(&title, ": ");
		buf_puts(&title, vm_contacts_name(&app->contacts, sel));
	}
	vm_lines_clear(&t->scratch);
	if (vm_recip_stale(&app->recip, rowid))
		vm_lines_add(&t->scratch, THEME_MUTED, "\u2026");
	else
		vm_recip_lines(&app->recip, (size_t)(r->w > 0 ? r->w : 0), &t->scratch);
	if (focused && r->h > 1)
		app->page = (size_t)(r->h - 1);
	pane_lines_paint(t, r, buf_str(&title), &t->scratch, &app->recip_top, focused);
	buf_free(&title);
}
