/* vm_capture.h: the quick-capture prompt as data: the edited line, the live preview,
 * @-completion, and what Enter and Esc ask for. View layer: pure except for name lookups
 * in the journal (store.h, match.h); the terminal layer maps keys and paints the rows. */
#ifndef KITH_VM_CAPTURE_H
#define KITH_VM_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#include "capture.h"
#include "lineedit.h"
#include "model.h"

struct store;

#define VM_CAPTURE_CANDIDATES 8 /* names offered by @-completion */

/* Logical keys; VM_CAPTURE_KEY_TEXT comes with a code point. */
enum vm_capture_key {
	VM_CAPTURE_KEY_TEXT,
	VM_CAPTURE_KEY_ENTER,
	VM_CAPTURE_KEY_ESC,
	VM_CAPTURE_KEY_TAB,
	VM_CAPTURE_KEY_BACKTAB,
	VM_CAPTURE_KEY_LEFT,
	VM_CAPTURE_KEY_RIGHT,
	VM_CAPTURE_KEY_WORD_LEFT,
	VM_CAPTURE_KEY_WORD_RIGHT,
	VM_CAPTURE_KEY_HOME,
	VM_CAPTURE_KEY_END,
	VM_CAPTURE_KEY_BACKSPACE,
	VM_CAPTURE_KEY_DELETE,
	VM_CAPTURE_KEY_KILL_BIGWORD_BACK, /* Ctrl-W */
	VM_CAPTURE_KEY_KILL_WORD_BACK,    /* Alt-Backspace */
	VM_CAPTURE_KEY_KILL_WORD_FORWARD, /* Alt-d */
	VM_CAPTURE_KEY_KILL_TO_START,     /* Ctrl-U */
	VM_CAPTURE_KEY_KILL_TO_END,       /* Ctrl-K */
	VM_CAPTURE_KEY_YANK,              /* Ctrl-Y */
	VM_CAPTURE_KEY_UP,
	VM_CAPTURE_KEY_DOWN,
	VM_CAPTURE_KEY_REDRAW, /* Ctrl-L, or the terminal changed size */
};

/* What a handler changed, for the one paint per loop (bits). */
enum vm_capture_dirty {
	VM_CAPTURE_DIRTY_LINE = 1,    /* the input line or its cursor */
	VM_CAPTURE_DIRTY_PREVIEW = 2, /* the rows below it */
	VM_CAPTURE_DIRTY_ALL = 7,     /* everything, the title and frame too */
};

enum vm_capture_action {
	VM_CAPTURE_EDITING,
	VM_CAPTURE_SAVE,   /* Enter on a line that parses and names only known people */
	VM_CAPTURE_CANCEL, /* Esc */
};

/* How a mention stands against the journal. */
enum vm_capture_who {
	VM_CAPTURE_WHO_FOUND,     /* one contact: name holds the full name */
	VM_CAPTURE_WHO_NEW,       /* @+: will be created */
	VM_CAPTURE_WHO_AMBIGUOUS, /* several contacts match */
	VM_CAPTURE_WHO_UNKNOWN,   /* nobody matches */
};

struct vm_capture_person {
	char *text;   /* the mention as written (capture_mention.text) */
	char *folded; /* its folded form, the lookup key */
	char *id_prefix; /* capture_mention.id_prefix: NULL, or it picks among namesakes */
	int create;
	enum vm_capture_who who;
	int same_name; /* AMBIGUOUS because several contacts have exactly this name */
	char *name;    /* the contact's full name (FOUND), the new name (NEW), else NULL */
};

/* Styles the terminal layer maps to colours and attributes. */
enum vm_capture_style {
	VM_CAPTURE_STYLE_TEXT,
	VM_CAPTURE_STYLE_DIM,
	VM_CAPTURE_STYLE_LABEL,
	VM_CAPTURE_STYLE_KIND,
	VM_CAPTURE_STYLE_FOUND,
	VM_CAPTURE_STYLE_NEW,
	VM_CAPTURE_STYLE_WARN,
	VM_CAPTURE_STYLE_ERROR,
	VM_CAPTURE_STYLE_TAG,
	VM_CAPTURE_STYLE_SELECTED,
	VM_CAPTURE_STYLE_COUNT
};

/* A run of text in one style. Text comes from the journal and the user: the
 * painter escapes it (utf8_fit). */
struct vm_capture_span {
	enum vm_capture_style style;
	char *text;
};

/* A line of the preview; wrap: may continue over the following screen lines. */
struct vm_capture_row {
	struct vm_capture_span *spans;
	size_t n;
	int wrap;
};

/* @-completion in progress: the token at [start, start + len) of the line
 * shows candidate pos (or the text as typed when pos == n). Namesakes are
 * offered each on its own: forms[i] names exactly cands[i]
 * (@"Ana Souza"#3f9c2a1b when others have that name), and labels[i] is how
 * the list shows it (the name, then the organisation, or the id, of a
 * namesake: "Ana Souza (Acme)"). */
struct vm_capture_completion {
	int active;
	size_t start, len;
	char *typed; /* the token as typed before the first Tab */
	struct contact_ref *cands;
	char **forms, **labels; /* n each */
	size_t n, pos;
};

struct vm_capture {
	struct store *st; /* not owned; NULL: no journal (every mention unknown) */
	int64_t now;
	struct lineedit le;
	/* the preview of the current line */
	int blank;  /* nothing typed but blanks */
	int parsed; /* capture_parse succeeded: cap is valid, else err */
	struct capture cap;
	struct capture_error err;
	struct vm_capture_person *people; /* one per mention of cap */
	size_t npeople;
	char *summary; /* cap's summary with the names found; NULL unless parsed */
	struct vm_capture_completion comp;
	struct vm_capture_person *cache; /* lookups already made, by folded text */
	size_t ncache;
	char *message; /* feedback on the last key (Tab, Enter, a failed save); may be NULL */
	enum vm_capture_style message_style;
	enum vm_capture_action action;
	struct vm_capture_row *rows; /* what to paint below the line, most important first */
	size_t nrows;
};

/* st may be NULL; it is borrowed and must outlive vm. */
void vm_capture_init(struct vm_capture *vm, struct store *st, int64_t now);
void vm_capture_free(struct vm_capture *vm);

/* The line being edited (owned by vm, valid until the next key). */
const char *vm_capture_line(const struct vm_capture *vm);
/* Replaces the line (a prefill) and refreshes the preview. */
void vm_capture_set_line(struct vm_capture *vm, const char *line);
/* Appends a line to the Up/Down history (oldest first). */
void vm_capture_history_add(struct vm_capture *vm, const char *line);

/* Handles one key; cp is the code point for VM_CAPTURE_KEY_TEXT. Returns the
 * vm_capture_dirty bits; vm->action tells whether to save or cancel. */
int vm_capture_key(struct vm_capture *vm, enum vm_capture_key key, uint32_t cp);

/* The save was refused or failed: shows message (copied) and goes back to
 * editing. Returns the dirty bits. */
int vm_capture_fail(struct vm_capture *vm, const char *message);

/* When the line does not parse: 1 and the bytes of the line to underline. */
int vm_capture_error_span(const struct vm_capture *vm, size_t *offset, size_t *len);

#endif
