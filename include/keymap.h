/* keymap.h: the keys of the full-screen program as one table: for each
 * action its default keys, the screen it works in, its help text and its
 * short hint. The table produces the bindings, the `?` help and the status
 * line's hints; `bind KEY ACTION` lines of the configuration file rebind.
 * View layer, pure; depends on vm_lines.h. */
#ifndef KITH_KEYMAP_H
#define KITH_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "vm_lines.h"

/* Keys: a Unicode code point for a character (Ctrl-L is 12), or one of
 * these for the keys that have no character. */
enum keymap_key {
	KEYMAP_KEY_BASE = 0x200000,
	KEYMAP_KEY_UP = KEYMAP_KEY_BASE,
	KEYMAP_KEY_DOWN,
	KEYMAP_KEY_LEFT,
	KEYMAP_KEY_RIGHT,
	KEYMAP_KEY_HOME,
	KEYMAP_KEY_END,
	KEYMAP_KEY_PGUP,
	KEYMAP_KEY_PGDN,
	KEYMAP_KEY_TAB,
	KEYMAP_KEY_BTAB,
	KEYMAP_KEY_ENTER,
	KEYMAP_KEY_ESC,
	KEYMAP_KEY_BACKSPACE,
	KEYMAP_KEY_DELETE,
	KEYMAP_KEY_RESIZE,
	KEYMAP_KEY_NONE, /* nothing: a timeout */
	KEYMAP_KEY_F1 = KEYMAP_KEY_BASE + 0x100,
};

/* Where a binding works. */
enum keymap_mode {
	KEYMAP_MAIN,   /* the three panes */
	KEYMAP_RECORD, /* a contact's whole record */
	KEYMAP_HELP,   /* the help screen */
	KEYMAP_FORM,   /* the add and edit form (other keys type) */
	KEYMAP_REVIEW, /* the weekly review */
	KEYMAP_MODES
};

enum keymap_action {
	KEYMAP_ACT_NONE,
	KEYMAP_ACT_DOWN,
	KEYMAP_ACT_UP,
	KEYMAP_ACT_TOP,
	KEYMAP_ACT_BOTTOM,
	KEYMAP_ACT_PAGE_DOWN,
	KEYMAP_ACT_PAGE_UP,
	KEYMAP_ACT_NEXT_PANE,
	KEYMAP_ACT_PREV_PANE,
	KEYMAP_ACT_FILTER,
	KEYMAP_ACT_SORT,
	KEYMAP_ACT_SCOPE,
	KEYMAP_ACT_MARK,
	KEYMAP_ACT_RECORD,
	KEYMAP_ACT_CAPTURE,
	KEYMAP_ACT_ADD,
	KEYMAP_ACT_EDIT,
	KEYMAP_ACT_NEXT_FIELD,
	KEYMAP_ACT_PREV_FIELD,
	KEYMAP_ACT_SAVE,
	KEYMAP_ACT_CANCEL,
	KEYMAP_ACT_FOLLOWUP,
	KEYMAP_ACT_DONE,
	KEYMAP_ACT_SNOOZE,
	KEYMAP_ACT_REMOVE,
	KEYMAP_ACT_UNDO,
	KEYMAP_ACT_REVIEW,
	KEYMAP_ACT_HELP,
	KEYMAP_ACT_BACK,
	KEYMAP_ACT_REDRAW,
	KEYMAP_ACT_QUIT,
	KEYMAP_ACT_COUNT
};

struct keymap_bind {
	enum keymap_mode mode;
	uint32_t key;
	enum keymap_action action;
};

struct keymap {
	struct keymap_bind *v;
	size_t n, cap;
};

/* The default bindings of the table. */
void keymap_init(struct keymap *km);
void keymap_free(struct keymap *km);
/* The action of key in mode, KEYMAP_ACT_NONE when unbound. */
enum keymap_action keymap_lookup(const struct keymap *km, enum keymap_mode mode, uint32_t key);
/* "down", "page-up" ... (static); NULL out of range. */
const char *keymap_action_name(enum keymap_action a);
/* A key's name as the help and the configuration write it: "j", "Down",
 * "PgUp", "Tab", "Enter", "Esc", "Space", "C-l", "é". Into out. */
void keymap_key_name(uint32_t key, char out[16]);
/* Parses a key name (the forms above); -1 when it is not one. */
int keymap_key_parse(const char *s, uint32_t *key);
/* Binds key to action in every mode the action works in, replacing what the
 * key did there. -1 with *cause for an unknown action. */
int keymap_bind(struct keymap *km, uint32_t key, const char *action, char **cause);
/* Applies the `bind KEY ACTION` lines of a configuration file's text (name
 * for messages); other lines are not the keymap's and are skipped. A bad
 * bind line fails with *cause = "NAME:LINE: what" (caller frees) and leaves
 * km as it was. */
int keymap_parse_config(struct keymap *km, const char *name, const char *text, char **cause);
/* The help screen: every action of every mode with its keys. */
void keymap_help_lines(const struct keymap *km, struct vm_lines *out);
/* "j/k move  / filter  ? help": the hints of a mode that fit in width cells,
 * appended to out. */
void keymap_hints(const struct keymap *km, enum keymap_mode mode, size_t width, struct buf *out);
/* The same hints for the actions in only[0, nonly) alone (only NULL: all). */
void keymap_hints_of(const struct keymap *km, enum keymap_mode mode,
                     const enum keymap_action *only, size_t nonly, size_t width, struct buf *out);

#endif
