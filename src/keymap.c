/* keymap.c: the one key table (keymap.h) and what is made of it: bindings,
 * help lines, status hints, and `bind KEY ACTION` lines. View layer, pure;
 * depends on buf.h, utf8.h and vm_lines.h. */
#include "keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

/* One action of the table: its name for `bind`, the modes it works in (bits
 * of 1 << mode), its default keys (names, space-separated), help and hint. */
struct keymap_entry {
	enum keymap_action action;
	const char *name;
	unsigned modes;
	const char *keys;
	const char *help;
	const char *hint; /* NULL: not in the status line */
};

#define KM_MAIN (1u << KEYMAP_MAIN)
#define KM_RECORD (1u << KEYMAP_RECORD)
#define KM_HELP (1u << KEYMAP_HELP)
#define KM_FORM (1u << KEYMAP_FORM)
#define KM_REVIEW (1u << KEYMAP_REVIEW)
#define KM_ALL (KM_MAIN | KM_RECORD | KM_HELP | KM_REVIEW)

static const struct keymap_entry keymap_table[] = {
	{KEYMAP_ACT_DOWN, "down", KM_ALL, "j Down", "next row (scroll down in a view)", NULL},
	{KEYMAP_ACT_UP, "up", KM_ALL, "k Up", "previous row (scroll up)", "move"},
	{KEYMAP_ACT_TOP, "top", KM_ALL, "g Home", "first row", NULL},
	{KEYMAP_ACT_BOTTOM, "bottom", KM_ALL, "G End", "last row", NULL},
	{KEYMAP_ACT_PAGE_DOWN, "page-down", KM_ALL, "PgDn C-f", "a page down", NULL},
	{KEYMAP_ACT_PAGE_UP, "page-up", KM_ALL, "PgUp C-b", "a page up", NULL},
	{KEYMAP_ACT_NEXT_PANE, "next-pane", KM_MAIN, "Tab", "focus the next pane", "pane"},
	{KEYMAP_ACT_PREV_PANE, "previous-pane", KM_MAIN, "BTab", "focus the previous pane", NULL},
	/* the weekly review: the actions work on the selected row's contact */
	{KEYMAP_ACT_NEXT_PANE, "next-pane", KM_REVIEW, "Tab", "the next section", "section"},
	{KEYMAP_ACT_PREV_PANE, "previous-pane", KM_REVIEW, "BTab", "the previous section", NULL},
	{KEYMAP_ACT_CAPTURE, "capture", KM_REVIEW, "c",
	 "log what happened with them (the capture prompt)", "log"},
	{KEYMAP_ACT_FOLLOWUP, "followup", KM_REVIEW, "f", "add a follow-up with them: WHEN and text",
	 "follow-up"},
	{KEYMAP_ACT_SNOOZE, "snooze", KM_REVIEW, "z", "snooze them for a week", "snooze"},
	{KEYMAP_ACT_DONE, "done", KM_REVIEW, "d",
	 "mark the selected follow-up done (else their first open one)", "done"},
	{KEYMAP_ACT_RECORD, "record", KM_REVIEW, "Enter", "their whole record", "record"},
	{KEYMAP_ACT_EDIT, "edit", KM_REVIEW, "e", "edit them (the form)", NULL},
	{KEYMAP_ACT_FILTER, "filter", KM_MAIN, "/",
	 "filter by name, organisation and tag as you type (Enter keeps, Esc restores)", "filter"},
	{KEYMAP_ACT_SORT, "sort", KM_MAIN, "s",
	 "next sort: attention, warmth, recency, balance, name", "sort"},
	{KEYMAP_ACT_SCOPE, "timeline-scope", KM_MAIN, "t",
	 "timeline of the selected contact, or everyone's", "scope"},
	{KEYMAP_ACT_MARK, "mark", KM_MAIN, "Space", "mark or unmark the row", NULL},
	{KEYMAP_ACT_RECORD, "record", KM_MAIN, "Enter", "the contact's whole record", "record"},
	{KEYMAP_ACT_CAPTURE, "capture", KM_MAIN | KM_RECORD, "c",
	 "log what happened (the capture prompt, with the selected or marked contacts)", "log"},
	{KEYMAP_ACT_ADD, "add", KM_MAIN, "a", "add a contact (a form; nothing is written until saved)",
	 "add"},
	{KEYMAP_ACT_EDIT, "edit", KM_MAIN | KM_RECORD, "e", "edit the contact (the same form)",
	 "edit"},
	{KEYMAP_ACT_FOLLOWUP, "followup", KM_MAIN | KM_RECORD, "f",
	 "add a follow-up: WHEN and text (1w call back)", "follow-up"},
	{KEYMAP_ACT_DONE, "done", KM_MAIN | KM_RECORD, "d",
	 "mark the contact's first open follow-up done", "done"},
	{KEYMAP_ACT_SNOOZE, "snooze", KM_MAIN | KM_RECORD, "z", "snooze the contact for a week",
	 "snooze"},
	{KEYMAP_ACT_REMOVE, "remove", KM_MAIN | KM_RECORD, "D",
	 "remove the contact (asks first, names them)", NULL},
	{KEYMAP_ACT_UNDO, "undo", KM_MAIN | KM_RECORD | KM_REVIEW, "u",
	 "undo the last log, add, edit, follow-up, done or snooze made here", "undo"},
	{KEYMAP_ACT_REVIEW, "review", KM_MAIN, "w",
	 "the weekly review: whom to reach out to, what is slipping, whom you owe", "review"},
	{KEYMAP_ACT_HELP, "help", KM_MAIN | KM_RECORD | KM_REVIEW, "? F1", "this help", "help"},
	{KEYMAP_ACT_BACK, "back", KM_RECORD, "q Esc", "back to the list", "back"},
	{KEYMAP_ACT_BACK, "back", KM_REVIEW, "q Esc w", "back to the list", "back"},
	{KEYMAP_ACT_BACK, "back", KM_HELP, "q Esc ?", "back to the list", "back"},
	{KEYMAP_ACT_NEXT_FIELD, "next-field", KM_FORM, "Tab Down", "the next field", "next"},
	{KEYMAP_ACT_PREV_FIELD, "previous-field", KM_FORM, "BTab Up", "the previous field", NULL},
	{KEYMAP_ACT_SAVE, "save", KM_FORM, "Enter", "save, once every field is valid", "save"},
	{KEYMAP_ACT_CANCEL, "cancel", KM_FORM, "Esc", "leave without writing (twice when changed)",
	 "cancel"},
	{KEYMAP_ACT_REDRAW, "redraw", KM_ALL | KM_FORM, "C-l", "redraw the screen", NULL},
	{KEYMAP_ACT_QUIT, "quit", KM_MAIN, "q", "quit", "quit"},
};

#define KEYMAP_NTABLE (sizeof keymap_table / sizeof keymap_table[0])

static const struct {
	const char *name;
	uint32_t key;
} keymap_names[] = {
	{"Up", KEYMAP_KEY_UP},       {"Down", KEYMAP_KEY_DOWN},   {"Left", KEYMAP_KEY_LEFT},
	{"Right", KEYMAP_KEY_RIGHT}, {"Home", KEYMAP_KEY_HOME},   {"End", KEYMAP_KEY_END},
	{"PgUp", KEYMAP_KEY_PGUP},   {"PgDn", KEYMAP_KEY_PGDN},   {"Tab", KEYMAP_KEY_TAB},
	{"BTab", KEYMAP_KEY_BTAB},   {"Enter", KEYMAP_KEY_ENTER}, {"Esc", KEYMAP_KEY_ESC},
	{"Backspace", KEYMAP_KEY_BACKSPACE}, {"Delete", KEYMAP_KEY_DELETE},
	{"Space", ' '},              {"F1", KEYMAP_KEY_F1},
};

#define KEYMAP_NNAMES (sizeof keymap_names / sizeof keymap_names[0])

const char *keymap_action_name(enum keymap_action a)
{
	for (size_t i = 0; i < KEYMAP_NTABLE; i++)
		if (keymap_table[i].action == a)
			return keymap_table[i].name;
	return NULL;
}

void keymap_key_name(uint32_t key, char out[16])
{
	for (size_t i = 0; i < KEYMAP_NNAMES; i++)
		if (keymap_names[i].key == key) {
			snprintf(out, 16, "%s", keymap_names[i].name);
			return;
		}
	if (key >= 1 && key <= 26) {
		snprintf(out, 16, "C-%c", (char)('a' + key - 1));
		return;
	}
	char b[4];
	int n = key < KEYMAP_KEY_BASE && !utf8_is_control(key) ? utf8_encode(key, b) : 0;
	if (n > 0)
		snprintf(out, 16, "%.*s", n, b);
	else
		snprintf(out, 16, "?");
}

int keymap_key_parse(const char *s, uint32_t *key)
{
	for (size_t i = 0; i < KEYMAP_NNAMES; i++)
		if (strcmp(s, keymap_names[i].name) == 0) {
			*key = keymap_names[i].key;
			return 0;
		}
	if (strncmp(s, "C-", 2) == 0 && s[2] >= 'a' && s[2] <= 'z' && s[3] == '\0') {
		*key = (uint32_t)(s[2] - 'a' + 1);
		return 0;
	}
	size_t len = strlen(s);
	uint32_t cp;
	if (len == 0 || utf8_decode(s, len, &cp) != len || cp == UTF8_INVALID ||
	    utf8_is_control(cp) || cp == ' ')
		return -1;
	*key = cp;
	return 0;
}

static void keymap_put(struct keymap *km, enum keymap_mode mode, uint32_t key,
                       enum keymap_action a)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->v[i].mode == mode && km->v[i].key == key) {
			km->v[i].action = a;
			return;
		}
	if (km->n == km->cap) {
		km->cap = km->cap ? km->cap * 2 : 64;
		km->v = xreallocarray(km->v, km->cap, sizeof *km->v);
	}
	km->v[km->n++] = (struct keymap_bind){mode, key, a};
}

void keymap_init(struct keymap *km)
{
	memset(km, 0, sizeof *km);
	for (size_t i = 0; i < KEYMAP_NTABLE; i++) {
		const struct keymap_entry *e = &keymap_table[i];
		char *keys = xstrdup(e->keys);
		char *save = NULL;
		for (char *k = strtok_r(keys, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
			uint32_t key;
			if (keymap_key_parse(k, &key) != 0)
				continue; /* the table's own names always parse (tests check it) */
			for (int m = 0; m < KEYMAP_MODES; m++)
				if (e->modes & (1u << m))
					keymap_put(km, (enum keymap_mode)m, key, e->action);
		}
		free(keys);
	}
}

void keymap_free(struct keymap *km)
{
	free(km->v);
	memset(km, 0, sizeof *km);
}

enum keymap_action keymap_lookup(const struct keymap *km, enum keymap_mode mode, uint32_t key)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->v[i].mode == mode && km->v[i].key == key)
			return km->v[i].action;
	return KEYMAP_ACT_NONE;
}

int keymap_bind(struct keymap *km, uint32_t key, const char *action, char **cause)
{
	int found = 0;
	for (size_t i = 0; i < KEYMAP_NTABLE; i++) {
		const struct keymap_entry *e = &keymap_table[i];
		if (strcmp(e->name, action) != 0)
			continue;
		for (int m = 0; m < KEYMAP_MODES; m++)
			if (e->modes & (1u << m))
				keymap_put(km, (enum keymap_mode)m, key, e->action);
		found = 1;
	}
	if (found)
		return 0;
	return err_set(cause, "unknown action '%s' (see the keys in kith(1))", action);
}

/* The words of a line, at most max; returns how many (max + 1 when more). */
static size_t keymap_words(char *line, char **w, size_t max)
{
	size_t n = 0;
	char *save = NULL;
	for (char *t = strtok_r(line, " \t\r", &save); t; t = strtok_r(NULL, " \t\r", &save)) {
		if (n == max)
			return max + 1;
		w[n++] = t;
	}
	return n;
}

int keymap_parse_config(struct keymap *km, const char *name, const char *text, char **cause)
{
	struct keymap next;
	next.n = next.cap = km->n;
	next.v = xreallocarray(NULL, km->n ? km->n : 1, sizeof *next.v);
	if (km->n)
		memcpy(next.v, km->v, km->n * sizeof *next.v);
	char *copy = xstrdup(text);
	char *line = copy;
	int rc = 0;
	for (size_t lineno = 1; line != NULL && rc == 0; lineno++) {
		char *nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		char *hash = strchr(line, '#');
		if (hash != NULL)
			*hash = '\0';
		char *w[3];
		size_t n = keymap_words(line, w, 3);
		if (n > 0 && strcmp(w[0], "bind") == 0) {
			uint32_t key;
			char *why = NULL;
			if (n != 3)
				why = xstrdup("expected: bind KEY ACTION");
			else if (keymap_key_parse(w[1], &key) != 0)
				why = xasprintf("'%s' is not a key (a character, C-x, Up, PgDn, Enter ...)",
				                w[1]);
			else
				(void)keymap_bind(&next, key, w[2], &why);
			if (why != NULL) {
				rc = err_set(cause, "%s:%zu: %s", name, lineno, why);
				free(why);
			}
		}
		line = nl != NULL ? nl + 1 : NULL;
	}
	free(copy);
	if (rc == 0) {
		free(km->v);
		*km = next;
	} else {
		free(next.v);
	}
	return rc;
}

/* The keys bound to action in mode, "j Down", into out (cut to fit); with
 * first set, only the first. */
static void keymap_keys_of(const struct keymap *km, enum keymap_mode mode, enum keymap_action a,
                           int first, char out[64])
{
	out[0] = '\0';
	size_t len = 0;
	for (size_t i = 0; i < km->n; i++) {
		if (km->v[i].mode != mode || km->v[i].action != a)
			continue;
		char name[16];
		keymap_key_name(km->v[i].key, name);
		size_t need = strlen(name) + (len ? 1 : 0);
		if (len + need >= 64)
			break;
		if (len)
			out[len++] = ' ';
		memcpy(out + len, name, strlen(name) + 1);
		len += strlen(name);
		if (first)
			break;
	}
}

void keymap_help_lines(const struct keymap *km, struct vm_lines *out)
{
	static const char *const titles[KEYMAP_MODES] = {"THE LIST", "A RECORD", "THIS HELP",
	                                                 "THE FORM", "THE WEEKLY REVIEW"};
	vm_lines_clear(out);
	for (int m = 0; m < KEYMAP_MODES; m++) {
		if (m > 0)
			vm_lines_add(out, THEME_NORMAL, "");
		vm_lines_add(out, THEME_HEADER, titles[m]);
		for (size_t i = 0; i < KEYMAP_NTABLE; i++) {
			const struct keymap_entry *e = &keymap_table[i];
			if (!(e->modes & (1u << m)))
				continue;
			char keys[64];
			keymap_keys_of(km, (enum keymap_mode)m, e->action, 0, keys);
			if (keys[0] == '\0')
				continue;
			vm_lines_addf(out, THEME_NORMAL, "  %-14s %s", keys, e->help);
		}
	}
	vm_lines_add(out, THEME_NORMAL, "");
	vm_lines_add(out, THEME_MUTED, "  Rebind in the configuration file: bind KEY ACTION");
}

void keymap_hints(const struct keymap *km, enum keymap_mode mode, size_t width, struct buf *out)
{
	keymap_hints_of(km, mode, NULL, 0, width, out);
}

void keymap_hints_of(const struct keymap *km, enum keymap_mode mode,
                     const enum keymap_action *only, size_t nonly, size_t width, struct buf *out)
{
	size_t used = 0;
	for (size_t i = 0; i < KEYMAP_NTABLE; i++) {
		const struct keymap_entry *e = &keymap_table[i];
		if (e->hint == NULL || !(e->modes & (1u << mode)))
			continue;
		size_t k = 0;
		while (k < nonly && only[k] != e->action)
			k++;
		if (only != NULL && k == nonly)
			continue;
		char keys[130];
		if (e->action == KEYMAP_ACT_UP) {
			/* "j/k move": the pair reads better than two hints */
			char down[64], up[64];
			keymap_keys_of(km, mode, KEYMAP_ACT_DOWN, 1, down);
			keymap_keys_of(km, mode, KEYMAP_ACT_UP, 1, up);
			snprintf(keys, sizeof keys, "%s/%s", down, up);
		} else {
			keymap_keys_of(km, mode, e->action, 1, keys);
		}
		if (keys[0] == '\0')
			continue;
		size_t w = utf8_width(keys) + 1 + strlen(e->hint);
		if (used + w + (used ? 2 : 0) > width)
			break;
		if (used) {
			buf_puts(out, "  ");
			used += 2;
		}
		buf_printf(out, "%s %s", keys, e->hint);
		used += w;
	}
}
