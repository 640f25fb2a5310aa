/* vm_review.h: the weekly review screen as data: the review's sections as
 * rows a user acts on (a contact, a follow-up), the selection over them, the
 * 12-week sparklines, and the lines laid out for a width (one column, or two
 * at VM_REVIEW_TWO_COLS and wider) that the painter scrolls. View layer;
 * depends on store_review.h, review.h, score.h and vm_lines.h. */
#ifndef KITH_VM_REVIEW_H
#define KITH_VM_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "score.h"
#include "vm_lines.h"

struct store;

#define VM_REVIEW_WEEKS 12       /* the sparklines' weeks, oldest first */
#define VM_REVIEW_TWO_COLS 120   /* from this width on, two columns of sections */
#define VM_REVIEW_NO_ITEM ((size_t)-1)

/* One row a user acts on. */
struct vm_review_item {
	int64_t contact;  /* rowid of the contact */
	int64_t followup; /* rowid of the follow-up (the followups section), else 0 */
	char *name;       /* owned; untrusted */
	char *why;        /* owned; untrusted */
	enum theme_role role; /* the row's look when not selected */
};

struct vm_review_section {
	char *title; /* owned: "REACH OUT" */
	char *nudge; /* owned, NULL when none: a prompt under the title */
	int column;  /* 0 the left column, 1 the right one (two columns only) */
	size_t more; /* rows the section's limit left out */
	struct vm_review_item *items;
	size_t n, cap;
};

struct vm_review {
	struct store *st;                  /* borrowed */
	const struct score_params *params; /* borrowed */
	int loaded;
	int64_t now;
	char *title;   /* owned: "Week of Mon 16 Nov 2026" */
	char *summary; /* owned: what the week held, one line; NULL when none */
	char *nudge;   /* owned: a prompt about the week; NULL when none */
	unsigned weeks[VM_REVIEW_WEEKS], gave[VM_REVIEW_WEEKS], got[VM_REVIEW_WEEKS];
	struct vm_review_section *sec;
	size_t nsec, capsec;
	size_t sel; /* the selected item, in reading order over every section */
	size_t top; /* the first line shown */
};

/* The lines of the screen for a width: a head across the whole width (the
 * sparklines), then one or two columns; for each item, where its line is. */
struct vm_review_view {
	int columns;   /* 1 or 2 */
	size_t colw;   /* cells of a column (the width with one column) */
	struct vm_lines head;
	struct vm_lines col[2];
	size_t sel_col, sel_line; /* the selected item's line (in its column); VM_REVIEW_NO_ITEM */
	size_t sel_from; /* the line to show from with it: its section's title for a first item */
};

void vm_review_init(struct vm_review *vm, struct store *st, const struct score_params *params);
void vm_review_free(struct vm_review *vm);
/* Empties the sections (the selection and scroll stay for vm_review_keep). */
void vm_review_clear(struct vm_review *vm);
/* Computes the review of the week containing now from the journal; the
 * selection stays on the same row (contact and follow-up) when it is still
 * there, else on the row that took its place. -1 with *cause (caller frees),
 * vm unchanged. */
int vm_review_load(struct vm_review *vm, int64_t now, char **cause);

/* Building (vm_review_load, tests): a section (title and nudge copied; nudge
 * may be NULL), then its items (strings copied). */
struct vm_review_section *vm_review_add_section(struct vm_review *vm, const char *title,
                                                const char *nudge, int column);
void vm_review_add_item(struct vm_review_section *s, int64_t contact, int64_t followup,
                        const char *name, const char *why, enum theme_role role);

/* Every item, in reading order: sections one after the other. */
size_t vm_review_count(const struct vm_review *vm);
/* Item i in reading order, NULL past the end; the selected one. */
const struct vm_review_item *vm_review_at(const struct vm_review *vm, size_t i);
const struct vm_review_item *vm_review_selected(const struct vm_review *vm);
/* Moves the selection by delta items (clamped); with to_end, to the first
 * (delta < 0) or last item. 1 when it moved. */
int vm_review_move(struct vm_review *vm, long delta, int to_end);
/* The first item of the next (dir 1) or previous (dir -1) section that has
 * items, wrapping around. 1 when it moved. */
int vm_review_next_section(struct vm_review *vm, int dir);
/* Selects the first item of contact (and of follow-up, when not 0) in the
 * section titled section (NULL: in any); 1 when found. */
int vm_review_select_in(struct vm_review *vm, const char *section, int64_t contact,
                        int64_t followup);
/* Selects item offset (or its last) of the section titled section, when that
 * section has items; 1 when it did. */
int vm_review_select_near(struct vm_review *vm, const char *section, size_t offset);
/* Item i's place in its section (i less the index of the section's first). */
size_t vm_review_offset(const struct vm_review *vm, size_t i);
/* The title of item i's section; "" past the end (vm's). */
const char *vm_review_section_title(const struct vm_review *vm, size_t i);

/* A sparkline of n counts, one cell each, scaled to max (0: the largest of
 * them): "·" for none, else the eighths ▁▂▃▄▅▆▇█ (ascii: "." then
 * "_-~=+*#@"). Appended to out. */
void vm_review_sparkline(const unsigned *v, size_t n, unsigned max, int ascii, struct buf *out);

/* Lays the screen out for width cells (ascii: not a UTF-8 locale) into out
 * (caller's, vm_review_view_init first; emptied here). */
void vm_review_view_init(struct vm_review_view *out);
void vm_review_view_free(struct vm_review_view *out);
void vm_review_layout(const struct vm_review *vm, size_t width, int ascii,
                      struct vm_review_view *out);
/* The lines a view has below its head: the longer column. */
size_t vm_review_view_body(const struct vm_review_view *v);
/* Scrolls vm->top for a screen of height lines so that the selected item's
 * line shows (and the head while it fits); clamped to the view. */
void vm_review_scroll(struct vm_review *vm, const struct vm_review_view *v, size_t height);

#endif
