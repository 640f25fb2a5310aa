/* theme.h: colour themes (themes/NAME.theme, lines of `role = FG BG ATTRS`)
 * parsed into one style per role; the terminal layer (colors.c) turns them
 * into curses pairs. Pure parsing plus one file read; depends on libc. */
#ifndef KITH_THEME_H
#define KITH_THEME_H

#include <stddef.h>

/* The roles, in the order of the theme files' documentation. */
enum theme_role {
	THEME_NORMAL,
	THEME_HEADER,
	THEME_SELECTED,
	THEME_SELECTED_INACTIVE,
	THEME_STATUS,
	THEME_STATUS_ERROR,
	THEME_HINT,
	THEME_TITLE,
	THEME_BORDER,
	THEME_MUTED,
	THEME_OK,
	THEME_DUE,
	THEME_COLD,
	THEME_DORMANT,
	THEME_GAVE,
	THEME_GOT,
	THEME_WARMTH_BAR,
	THEME_BALANCE_BAR,
	THEME_MATCH,
	THEME_TAG,
	THEME_PROMPT,
	THEME_PREVIEW,
	THEME_ERROR,
	THEME_SPARKLINE,
	THEME_ROLE_COUNT
};

enum theme_attr {
	THEME_BOLD = 1,
	THEME_DIM = 2,
	THEME_UNDERLINE = 4,
	THEME_REVERSE = 8,
};

#define THEME_DEFAULT_COLOR (-1) /* the terminal's own colour */

struct theme_style {
	int fg, bg;   /* 0..255, or THEME_DEFAULT_COLOR */
	unsigned attrs; /* enum theme_attr bits */
};

struct theme {
	struct theme_style role[THEME_ROLE_COUNT];
};

/* "normal", "selected_inactive" ... (static); NULL when out of range. */
const char *theme_role_name(enum theme_role r);
/* The built-in mono theme (no colour; attributes carry the meaning): what
 * NO_COLOR and a terminal without colours get. */
void theme_mono(struct theme *t);
/* Parses a theme file's text (name for messages) over *t: roles not named
 * keep their style. A bad line fails with *cause = "NAME:LINE: what" (caller
 * frees) and leaves *t as it was. */
int theme_parse(struct theme *t, const char *name, const char *text, char **cause);
/* Reads and parses dir/NAME.theme. */
int theme_load(struct theme *t, const char *dir, const char *name, char **cause);

#endif
