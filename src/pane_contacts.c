/* pane_contacts.c: the ranked contacts, one row each (name, organisation,
 * circle, warmth bar, last contact, status as a word in its colour, the
 * give-and-take mark), only the visible rows painted. Terminal layer;
 * depends on curses, tui_int.h and vm_contacts.h. */
#include <stdio.h>
#include <string.h>

#include "tui_int.h"

static enum theme_role pane_status_role(const struct vm_contact_row *r)
{
	if (r->snoozed)
		return THEME_MUTED;
	switch (r->score.status) {
	case STATUS_DUE:
		return THEME_DUE;
	case STATUS_COLD:
		return THEME_COLD;
	case STATUS_DORMANT:
		return THEME_DORMANT;
	case STATUS_OK:
	case STATUS_COUNT:
		break;
	}
	return THEME_OK;
}

static enum theme_role pane_col_role(const struct vm_contact_row *r, enum vm_col c)
{
	switch (c) {
	case VM_COL_ORG:
	case VM_COL_CIRCLE:
	case VM_COL_LAST:
		return THEME_MUTED;
	case VM_COL_WARMTH:
		return THEME_WARMTH_BAR;
	case VM_COL_STATUS:
		return pane_status_role(r);
	case VM_COL_BAL:
		return r->score.owe || r->score.balance < 0 ? THEME_GOT : THEME_GAVE;
	case VM_COL_MARK:
	case VM_COL_NAME:
	case VM_COLS:
		break;
	}
	return THEME_NORMAL;
}

void pane_contacts_paint(struct tui *t, const struct layout_rect *r, int focused)
{
	struct app *app = t->app;
	struct vm_contacts *vm = &app->contacts;
	char title[64];
	if (vm->filter != NULL) /* the matches of the total */
		snprintf(title, sizeof title, "Contacts %zu/%zu", vm->nshown, vm->n);
	else
		snprintf(title, sizeof title, "Contacts %zu", vm->n);
	tui_title(t, r, title, focused);
	if (r->h < 2 || r->w < 1)
		return;
	struct vm_columns cols;
	vm_contacts_columns((size_t)r->w, &cols);
	/* the heads */
	int x = r->x;
	for (int c = 0; c < VM_COLS; c++) {
		if (cols.w[c] == 0)
			continue;
		x += (int)tui_put(t, r->y + 1, x, vm_contacts_head((enum vm_col)c), cols.w[c],
		                  t->role[THEME_HEADER], 1);
		if (x < r->x + r->w)
			x += (int)tui_put(t, r->y + 1, x, " ", 1, t->role[THEME_HEADER], 1);
	}
	size_t height = r->h > 2 ? (size_t)(r->h - 2) : 0;
	if (focused)
		app->page = height;
	if (vm->nshown == 0) {
		if (height > 0)
			tui_put(t, r->y + 2, r->x, app->filter ? "no contact matches the filter" : "",
			        (size_t)r->w, t->role[THEME_MUTED], 1);
		return;
	}
	size_t top = vm_contacts_scroll(vm, height);
	for (size_t i = 0; i < height && top + i < vm->nshown; i++) {
		const struct vm_contact_row *row = vm_contacts_at(vm, top + i);
		int sel = top + i == vm->sel;
		attr_t base = sel ? t->role[focused ? THEME_SELECTED : THEME_SELECTED_INACTIVE] : 0;
		int y = r->y + 2 + (int)i;
		x = r->x;
		for (int c = 0; c < VM_COLS; c++) {
			if (cols.w[c] == 0)
				continue;
			char tmp[32];
			const char *s = vm_contacts_cell(vm, row, (enum vm_col)c, tmp);
			char mark[8];
			if (c == VM_COL_MARK) {
				snprintf(mark, sizeof mark, "%s%s", sel ? ">" : " ", s);
				s = mark;
			}
			attr_t a = sel ? base : t->role[pane_col_role(row, (enum vm_col)c)];
			x += (int)tui_put(t, y, x, s, cols.w[c], a, 1);
			if (x < r->x + r->w)
				x += (int)tui_put(t, y, x, " ", 1, sel ? base : t->role[THEME_NORMAL], 1);
		}
		if (sel && x < r->x + r->w)
			tui_put(t, y, x, "", (size_t)(r->x + r->w - x), base, 1);
	}
}
