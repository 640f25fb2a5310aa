/* pane_review.c: the weekly review screen: its title, the sparklines across
 * the width, the sections in one column or two, scrolled so that the
 * selected row shows. Terminal layer; depends on curses, tui_int.h and
 * vm_review.h. */
#include <langinfo.h>
#include <string.h>

#include "tui_int.h"

/* Sparklines in ASCII when the locale is not UTF-8. */
static int pane_review_ascii(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs == NULL || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0);
}

void pane_review_paint(struct tui *t, const struct layout_rect *r)
{
	struct app *app = t->app;
	struct vm_review *vm = &app->review;
	tui_title(t, r, vm->title ? vm->title : "Weekly review", 1);
	if (r->h < 2 || r->w < 1)
		return;
	size_t height = (size_t)(r->h - 1);
	app->page = height;
	struct vm_review_view v;
	vm_review_view_init(&v);
	vm_review_layout(vm, (size_t)r->w, pane_review_ascii(), &v);
	vm_review_scroll(vm, &v, height);
	size_t body = vm_review_view_body(&v);
	for (size_t i = 0; i < height; i++) {
		size_t line = vm->top + i;
		int y = r->y + 1 + (int)i;
		if (line < v.head.n) {
			const struct vm_line *ln = &v.head.v[line];
			tui_put(t, y, r->x, ln->text, (size_t)r->w, t->role[ln->role], 1);
			continue;
		}
		line -= v.head.n;
		if (line >= body)
			break;
		for (int c = 0; c < v.columns; c++) {
			int x = r->x + c * (int)(v.colw + 3);
			if (c == 1)
				tui_put(t, y, x - 2, "\u2502", 1, t->role[THEME_BORDER], 0);
			if (line < v.col[c].n) {
				const struct vm_line *ln = &v.col[c].v[line];
				tui_put(t, y, x, ln->text, v.colw, t->role[ln->role], 1);
			}
		}
	}
	vm_review_view_free(&v);
}
