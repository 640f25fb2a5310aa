/* layout.h: where each pane goes for a terminal size: side by side at 100
 * columns and more, stacked narrower, one pane at a time below 80x20, a
 * "terminal too small" line below 20x6. Pure; depends on libc. */
#ifndef KITH_LAYOUT_H
#define KITH_LAYOUT_H

enum layout_pane { LAYOUT_CONTACTS, LAYOUT_TIMELINE, LAYOUT_RECIP, LAYOUT_PANES };

enum layout_mode {
	LAYOUT_SIDE,    /* contacts left; timeline and reciprocity stacked on the right */
	LAYOUT_STACKED, /* contacts, timeline, reciprocity one above the other */
	LAYOUT_SINGLE,  /* only the focused pane */
	LAYOUT_TINY,    /* one line: the terminal is too small */
};

#define LAYOUT_SIDE_COLS 100
#define LAYOUT_FULL_COLS 80
#define LAYOUT_FULL_ROWS 20
#define LAYOUT_MIN_COLS 20
#define LAYOUT_MIN_ROWS 6

struct layout_rect {
	int y, x, h, w; /* never negative; h or w 0 when not shown */
};

struct layout {
	enum layout_mode mode;
	int cols, rows;
	struct layout_rect pane[LAYOUT_PANES]; /* each with its title line at y */
	struct layout_rect status;             /* the last line */
};

/* Fills *out (caller's storage) for cols x rows (negative counts as 0); in
 * LAYOUT_SINGLE only `focus` gets a rectangle. */
void layout_compute(struct layout *out, int cols, int rows, enum layout_pane focus);

#endif
