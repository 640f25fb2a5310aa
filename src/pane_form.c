/* pane_form.c: the add and edit form: a label and a line per field, what is
 * wrong with a field under it (marked "!", not by colour alone), the focused
 * field scrolled to keep its cursor in view, the others shown from their
 * start. Terminal layer; depends on curses, tui_int.h and vm_form.h. */
#include "tui_int.h"
#include "utf8.h"

#define PANE_FORM_LABEL 14 /* cells of the label column */

void pane_form_paint(struct tui *t, const struct layout_rect *r)
{
	struct vm_form *f = t->app->form;
	if (f == NULL || r->h < 1 || r->w < 1)
		return;
	struct buf title;
	buf_init(&title);
	if (f->rowid) {
		buf_puts(&title, "Edit ");
		buf_puts(&title, f->was[VM_FORM_NAME]);
	} else {
		buf_puts(&title, "New contact");
	}
	buf_puts(&title, " \u2014 nothing is written until Enter saves");
	tui_title(t, r, buf_str(&title), 1);
	buf_free(&title);
	/* each field takes a line, and one more for its error */
	int lines[VM_FORM_FIELDS], total = 0;
	for (int k = 0; k < VM_FORM_FIELDS; k++) {
		lines[k] = total;
		total += f->error[k] ? 2 : 1;
	}
	int height = r->h - 1, top = 0;
	int want = lines[f->focus] + (f->error[f->focus] ? 2 : 1);
	if (want > height)
		top = want - height;
	size_t label = (size_t)r->w > PANE_FORM_LABEL + 4 ? PANE_FORM_LABEL : (size_t)r->w / 3;
	for (int k = 0; k < VM_FORM_FIELDS; k++) {
		int y = r->y + 1 + lines[k] - top;
		int focused = (size_t)k == f->focus;
		char head[32];
		snprintf(head, sizeof head, "%s%s", f->error[k] ? "!" : " ",
		         vm_form_label((enum vm_form_field)k));
		if (y > r->y && y < r->y + r->h) {
			size_t x = tui_put(t, y, r->x, head, label, t->role[focused ? THEME_HEADER
			                                                             : THEME_MUTED], 1);
			size_t width = (size_t)r->w > x + 1 ? (size_t)r->w - x - 1 : 0;
			/* the focused field scrolled to its cursor, the others from their start */
			size_t start = 0, col = 0;
			if (focused)
				lineedit_view(&f->le[k], width, &start, &col);
			if (width > 0)
				tui_put(t, y, r->x + (int)x + 1, lineedit_text(&f->le[k]) + start, width,
				        t->role[focused ? THEME_PROMPT : THEME_NORMAL], 1);
			if (focused && width > 0) {
				t->cursor = 1;
				t->cy = y;
				t->cx = r->x + (int)x + 1 + (int)col;
			}
		}
		if (f->error[k] && y + 1 > r->y && y + 1 < r->y + r->h && (size_t)r->w > label)
			tui_put(t, y + 1, r->x + (int)label, f->error[k], (size_t)r->w - label,
			        t->role[THEME_ERROR], 1);
	}
}
