/* lineedit.h: a one-line UTF-8 text editor with emacs-style editing, a kill
 * buffer, a history list and horizontal scrolling measured in screen cells.
 * View layer, pure; depends on buf.h and utf8.h. The struct owns its memory. */
#ifndef KITH_LINEEDIT_H
#define KITH_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define LINEEDIT_MAX_BYTES 65536 /* the text never grows past this */
#define LINEEDIT_HISTORY_MAX 500 /* default number of history lines kept */

/* The editing operations. A "character" is a code point with the
 * zero-width code points (combining marks) that follow it; a "word" for
 * WORD_* and KILL_WORD_* is a run of letters and digits; KILL_BIGWORD_BACK
 * (Ctrl-W) removes back to the previous blank, as a shell does. */
enum lineedit_op {
	LINEEDIT_LEFT,
	LINEEDIT_RIGHT,
	LINEEDIT_WORD_LEFT,  /* Alt-b */
	LINEEDIT_WORD_RIGHT, /* Alt-f */
	LINEEDIT_HOME,       /* Home, Ctrl-A */
	LINEEDIT_END,        /* End, Ctrl-E */
	LINEEDIT_BACKSPACE,
	LINEEDIT_DELETE,
	LINEEDIT_KILL_BIGWORD_BACK, /* Ctrl-W */
	LINEEDIT_KILL_WORD_BACK,    /* Alt-Backspace */
	LINEEDIT_KILL_WORD_FORWARD, /* Alt-d */
	LINEEDIT_KILL_TO_START,     /* Ctrl-U */
	LINEEDIT_KILL_TO_END,       /* Ctrl-K */
	LINEEDIT_YANK,              /* Ctrl-Y: inserts the last killed text */
	LINEEDIT_HISTORY_PREV,      /* Up */
	LINEEDIT_HISTORY_NEXT,      /* Down */
};

/* What an operation changed (bits); 0 when nothing did. */
enum lineedit_change {
	LINEEDIT_CHANGED_TEXT = 1,
	LINEEDIT_CHANGED_CURSOR = 2,
};

struct lineedit {
	struct buf text;     /* valid UTF-8 without control characters */
	size_t cursor;       /* byte offset, always at a character boundary */
	size_t scroll;       /* byte offset of the first character shown */
	struct buf kill;     /* the last killed text */
	struct strv history; /* oldest first */
	size_t hist_pos;     /* history.n while editing a new line */
	size_t hist_max;
	char *draft; /* the new line, kept while browsing history; may be NULL */
};

void lineedit_init(struct lineedit *le);
void lineedit_free(struct lineedit *le);

/* The text (owned by le; valid until the next change) and the cursor. */
const char *lineedit_text(const struct lineedit *le);
size_t lineedit_len(const struct lineedit *le);
size_t lineedit_cursor(const struct lineedit *le);

/* Replaces the whole text (cleaned as lineedit_insert cleans) and puts the
 * cursor at its end. */
void lineedit_set(struct lineedit *le, const char *text);
/* Moves the cursor to the character boundary at or before byte offset pos. */
void lineedit_set_cursor(struct lineedit *le, size_t pos);

/* Inserts len bytes at the cursor and moves the cursor after them. Invalid
 * UTF-8 and control characters are dropped, except that TAB, CR and LF become
 * a space; text past LINEEDIT_MAX_BYTES is dropped whole character by
 * character. Returns the lineedit_change bits. */
int lineedit_insert(struct lineedit *le, const char *s, size_t len);
int lineedit_insert_cp(struct lineedit *le, uint32_t cp);

/* Replaces bytes [start, start + len) (clamped to the text) with s (cleaned),
 * and puts the cursor just after the inserted text. For completion. */
void lineedit_replace(struct lineedit *le, size_t start, size_t len, const char *s);

/* Runs one operation; returns the lineedit_change bits. */
int lineedit_do(struct lineedit *le, enum lineedit_op op);

/* History. add appends line (cleaned) unless it is blank or the same as the
 * newest line, drops the oldest past hist_max, and ends any browsing (as
 * lineedit_history_reset does). */
void lineedit_history_add(struct lineedit *le, const char *line);
void lineedit_history_reset(struct lineedit *le);

/* Screen cells of the text before the cursor, and of the whole text. */
size_t lineedit_cells_before_cursor(const struct lineedit *le);
size_t lineedit_cells(const struct lineedit *le);

/* For a field `width` cells wide: updates the scroll offset so that the
 * cursor is visible (the cursor may sit in the last cell), with some text
 * kept in view left of the cursor when scrolled, and as much text shown as
 * fits. *start is the byte offset of the first character to show, *col the
 * cursor's cell in the field (< width when width > 0). */
void lineedit_view(struct lineedit *le, size_t width, size_t *start, size_t *col);

#endif
