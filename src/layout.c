/* layout.c: pane rectangles for a terminal size (layout.h). Pure. */
#include "layout.h"

#include <string.h>

static struct layout_rect layout_rect(int y, int x, int h, int w)
{
	struct layout_rect r = {y, x, h > 0 ? h : 0, w > 0 ? w : 0};
	return r;
}

void layout_compute(struct layout *out, int cols, int rows, enum layout_pane focus)
{
	memset(out, 0, sizeof *out);
	if (cols < 0)
		cols = 0;
	if (rows < 0)
		rows = 0;
	out->cols = cols;
	out->rows = rows;
	if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
		out->mode = LAYOUT_TINY;
		return;
	}
	out->status = layout_rect(rows - 1, 0, 1, cols);
	int body = rows - 1;
	if (cols < LAYOUT_FULL_COLS || rows < LAYOUT_FULL_ROWS) {
		out->mode = LAYOUT_SINGLE;
		if ((unsigned)focus >= LAYOUT_PANES)
			focus = LAYOUT_CONTACTS;
		out->pane[focus] = layout_rect(0, 0, body, cols);
		return;
	}
	if (cols >= LAYOUT_SIDE_COLS) {
		out->mode = LAYOUT_SIDE;
		int left = cols * 11 / 20; /* 55% */
		int right = cols - left - 1; /* one column between */
		int top = body / 2;
		out->pane[LAYOUT_CONTACTS] = layout_rect(0, 0, body, left);
		out->pane[LAYOUT_TIMELINE] = layout_rect(0, left + 1, top, right);
		out->pane[LAYOUT_RECIP] = layout_rect(top, left + 1, body - top, right);
		return;
	}
	out->mode = LAYOUT_STACKED;
	int h1 = body * 2 / 5, h2 = body * 3 / 10;
	out->pane[LAYOUT_CONTACTS] = layout_rect(0, 0, h1, cols);
	out->pane[LAYOUT_TIMELINE] = layout_rect(h1, 0, h2, cols);
	out->pane[LAYOUT_RECIP] = layout_rect(h1 + h2, 0, body - h1 - h2, cols);
}
