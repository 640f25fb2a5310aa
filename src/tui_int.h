/* tui_int.h: what the terminal layer's files share (tui.c, pane_*.c,
 * colors.c): the screen state and the painting functions. Terminal layer;
 * depends on curses and app.h. */
#ifndef KITH_TUI_INT_H
#define KITH_TUI_INT_H

#include <curses.h>
#include <stddef.h>

#include "app.h"
#include "layout.h"
#include "theme.h"
#include "vm_lines.h"

struct tui {
	SCREEN *scr;
	FILE *in, *out;
	int script; /* a scripted run: no terminal */
	int ascii;  /* draw in ASCII (tui_put): the locale is not UTF-8 */
	struct app *app;
	attr_t role[THEME_ROLE_COUNT];
	struct layout lay;
	struct vm_lines scratch;
	int cursor, cy, cx; /* where the cursor goes when a line is typed */
	int mouse_dirty;    /* what the last mouse event changed */
	struct tui_capture *capture; /* the scripted mode's capture prompt; NULL: none */
};

/* Writes s escaped (utf8_fit) at (y, x) in at most `cells` cells in role's
 * look, padded to `cells` when pad is set; returns the cells written. */
size_t tui_put(struct tui *t, int y, int x, const char *s, size_t cells, attr_t a, int pad);
/* A pane's title line at r.y: "▸ TITLE" when focused, in the title look. */
void tui_title(struct tui *t, const struct layout_rect *r, const char *title, int focused);

void pane_contacts_paint(struct tui *t, const struct layout_rect *r, int focused);
void pane_timeline_paint(struct tui *t, const struct layout_rect *r, int focused);
void pane_recip_paint(struct tui *t, const struct layout_rect *r, int focused);
/* Lines under a title, scrolled so that *top stays within them (clamped). */
void pane_lines_paint(struct tui *t, const struct layout_rect *r, const char *title,
                      const struct vm_lines *l, size_t *top, int focused);
void pane_status_paint(struct tui *t, const struct layout_rect *r);
/* The weekly review over r (app->review, scrolled to its selection). */
void pane_review_paint(struct tui *t, const struct layout_rect *r);
/* The add and edit form over r (the cursor goes to the focused field). */
void pane_form_paint(struct tui *t, const struct layout_rect *r);

/* Looks for each theme role: from themes/NAME.theme (looked for in
 * $KITH_THEMES, the installed data folder, then ./themes), mono when
 * NO_COLOR is set or the terminal has no colours. Returns NULL, or a message
 * (caller frees) when the theme could not be read (mono is then used). */
char *colors_init(struct tui *t, const char *theme);

#endif
