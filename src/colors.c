/* colors.c: theme roles to curses attributes and colour pairs: 256 colours
 * where the terminal has them, 8 (bright as bold) otherwise, the terminal's
 * own background kept; mono for NO_COLOR. Terminal layer; depends on curses
 * and theme.h. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "tui_int.h"

#ifndef KITH_DATADIR
#define KITH_DATADIR "/usr/local/share/kith"
#endif

static attr_t colors_attrs(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & THEME_BOLD)
		r |= A_BOLD;
	if (a & THEME_DIM)
		r |= A_DIM;
	if (a & THEME_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		r |= A_REVERSE;
	return r;
}

/* A theme colour on this terminal: itself, or on 8 colours its dark form
 * (with *bold for the bright ones), or the default past 15. */
static short colors_fit(int c, int *bold)
{
	if (c < 0)
		return -1;
	if (c < COLORS)
		return (short)c;
	if (c < 16) {
		*bold = 1;
		return (short)(c - 8);
	}
	return -1;
}

/* The themes folder `up` folders above the program's own, where an
 * uninstalled program finds them (build/kith and build/asan/kith:
 * themes/), or NULL where the system cannot tell; caller frees. */
static char *colors_dir_above(int up)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (int i = 0; i <= up; i++) {
		char *slash = strrchr(exe, '/');
		if (slash == NULL)
			return NULL;
		*slash = '\0';
	}
	return xasprintf("%s/themes", exe);
}

static int colors_load(struct theme *t, const char *name, char **cause)
{
	const char *env = getenv("KITH_THEMES");
	char *up1 = colors_dir_above(1), *up2 = colors_dir_above(2);
	const char *dirs[] = {env, KITH_DATADIR "/themes", up1, up2, "themes"};
	char *first = NULL;
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		char *why = NULL;
		if (theme_load(t, dirs[i], name, &why) == 0) {
			free(first);
			free(up1);
			free(up2);
			return 0;
		}
		if (first == NULL)
			first = why;
		else
			free(why);
		if (env != NULL && i == 0)
			break; /* an explicit folder is the only one */
	}
	free(up1);
	free(up2);
	*cause = first ? first : xasprintf("theme %s not found", name);
	return -1;
}

char *colors_init(struct tui *t, const char *theme)
{
	struct theme th;
	theme_mono(&th);
	const char *no = getenv("NO_COLOR");
	int color = (no == NULL || no[0] == '\0') && has_colors() && start_color() == OK;
	char *msg = NULL;
	if (color && strcmp(theme, "mono") != 0) {
		if (colors_load(&th, theme, &msg) != 0) {
			theme_mono(&th);
			color = 0;
		}
	} else {
		color = 0;
	}
	if (color)
		use_default_colors();
	for (int i = 0; i < THEME_ROLE_COUNT; i++) {
		const struct theme_style *s = &th.role[i];
		attr_t a = colors_attrs(s->attrs);
		if (color && (s->fg >= 0 || s->bg >= 0) && i + 1 < COLOR_PAIRS) {
			int bold = 0, ignored = 0;
			short fg = colors_fit(s->fg, &bold), bg = colors_fit(s->bg, &ignored);
			if (init_pair((short)(i + 1), fg, bg) == OK)
				a |= COLOR_PAIR(i + 1);
			if (bold)
				a |= A_BOLD;
		}
		t->role[i] = a;
	}
	return msg;
}
