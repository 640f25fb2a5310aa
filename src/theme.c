/* theme.c: theme files (theme.h): `role = FG BG ATTRS` lines with # comments,
 * colours by name or number, attributes as a comma list. Pure parsing plus
 * one file read; depends on buf.h and err.h. */
#include "theme.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

#define THEME_MAX_BYTES (64 * 1024)

static const char *const theme_roles[THEME_ROLE_COUNT] = {
	"normal", "header", "selected", "selected_inactive", "status", "status_error",
	"hint",   "title",  "border",   "muted",             "ok",     "due",
	"cold",   "dormant", "gave",    "got",               "warmth_bar", "balance_bar",
	"match",  "tag",    "prompt",   "preview",           "error",  "sparkline",
};

static const char *const theme_colors[8] = {"black", "red",     "green", "yellow",
                                            "blue",  "magenta", "cyan",  "white"};

const char *theme_role_name(enum theme_role r)
{
	return (unsigned)r < THEME_ROLE_COUNT ? theme_roles[r] : NULL;
}

void theme_mono(struct theme *t)
{
	for (int i = 0; i < THEME_ROLE_COUNT; i++)
		t->role[i] = (struct theme_style){THEME_DEFAULT_COLOR, THEME_DEFAULT_COLOR, 0};
	t->role[THEME_HEADER].attrs = THEME_BOLD;
	t->role[THEME_SELECTED].attrs = THEME_REVERSE;
	t->role[THEME_SELECTED_INACTIVE].attrs = THEME_UNDERLINE;
	t->role[THEME_STATUS].attrs = THEME_REVERSE;
	t->role[THEME_STATUS_ERROR].attrs = THEME_REVERSE | THEME_BOLD;
	t->role[THEME_TITLE].attrs = THEME_BOLD;
	t->role[THEME_MUTED].attrs = THEME_DIM;
	t->role[THEME_DUE].attrs = THEME_BOLD;
	t->role[THEME_DORMANT].attrs = THEME_DIM;
	t->role[THEME_MATCH].attrs = THEME_UNDERLINE;
	t->role[THEME_PROMPT].attrs = THEME_BOLD;
	t->role[THEME_ERROR].attrs = THEME_BOLD;
}

static int theme_color(const char *s, int *out)
{
	if (strcmp(s, "default") == 0) {
		*out = THEME_DEFAULT_COLOR;
		return 0;
	}
	int bright = strncmp(s, "bright", 6) == 0;
	for (int i = 0; i < 8; i++)
		if (strcmp(s + (bright ? 6 : 0), theme_colors[i]) == 0) {
			*out = i + (bright ? 8 : 0);
			return 0;
		}
	if (*s == '\0' || strlen(s) > 3)
		return -1;
	for (const char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p))
			return -1;
	int v = atoi(s);
	if (v > 255)
		return -1;
	*out = v;
	return 0;
}

static int theme_attrs(char *s, unsigned *out)
{
	*out = 0;
	if (strcmp(s, "none") == 0)
		return 0;
	static const char *const names[] = {"bold", "dim", "underline", "reverse"};
	for (char *tok = strtok(s, ","); tok != NULL; tok = strtok(NULL, ",")) {
		size_t i;
		for (i = 0; i < 4; i++)
			if (strcmp(tok, names[i]) == 0)
				break;
		if (i == 4)
			return -1;
		*out |= 1u << i;
	}
	return 0;
}

static int theme_line(struct theme *t, char *line, char **why)
{
	char *hash = strchr(line, '#');
	if (hash != NULL)
		*hash = '\0';
	char *words[5];
	int n = 0;
	for (char *tok = strtok(line, " \t\r"); tok != NULL && n < 5; tok = strtok(NULL, " \t\r"))
		words[n++] = tok;
	if (n == 0)
		return 0;
	if (n != 5 || strcmp(words[1], "=") != 0) {
		*why = xstrdup("expected: role = FG BG ATTRS");
		return -1;
	}
	int r;
	for (r = 0; r < THEME_ROLE_COUNT; r++)
		if (strcmp(words[0], theme_roles[r]) == 0)
			break;
	if (r == THEME_ROLE_COUNT) {
		*why = xasprintf("unknown role '%s'", words[0]);
		return -1;
	}
	struct theme_style s;
	if (theme_color(words[2], &s.fg) != 0 || theme_color(words[3], &s.bg) != 0) {
		*why = xstrdup("a colour is default, a name (red, brightred ...) or 0 to 255");
		return -1;
	}
	if (theme_attrs(words[4], &s.attrs) != 0) {
		*why = xstrdup("attributes are none or a list of bold, dim, underline, reverse");
		return -1;
	}
	t->role[r] = s;
	return 0;
}

int theme_parse(struct theme *t, const char *name, const char *text, char **cause)
{
	struct theme next = *t;
	char *copy = xstrdup(text);
	char *line = copy;
	int rc = 0;
	for (size_t lineno = 1; line != NULL; lineno++) {
		char *nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		char *why = NULL;
		if (theme_line(&next, line, &why) != 0) {
			rc = err_set(cause, "%s:%zu: %s", name, lineno, why);
			free(why);
			break;
		}
		line = nl != NULL ? nl + 1 : NULL;
	}
	free(copy);
	if (rc == 0)
		*t = next;
	return rc;
}

int theme_load(struct theme *t, const char *dir, const char *name, char **cause)
{
	char *path = xasprintf("%s/%s.theme", dir, name);
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		err_set(cause, "theme %s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= THEME_MAX_BYTES)
		buf_add(&b, chunk, got);
	int rc = 0;
	if (ferror(f) || b.len > THEME_MAX_BYTES)
		rc = err_set(cause, "theme %s: cannot be read whole", path);
	fclose(f);
	if (rc == 0)
		rc = theme_parse(t, path, buf_str(&b), cause);
	buf_free(&b);
	free(path);
	return rc;
}
