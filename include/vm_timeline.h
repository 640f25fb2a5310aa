/* vm_timeline.h: the timeline pane as data: the selected contact's
 * interactions newest first, or everyone's, loaded once per contact and kept
 * until the journal changes. View layer; depends on store.h and model.h. */
#ifndef KITH_VM_TIMELINE_H
#define KITH_VM_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "model.h"

struct store;

#define VM_TIMELINE_MAX 500 /* interactions kept; the oldest beyond are left out */

struct vm_timeline {
	struct store *st; /* borrowed */
	int everyone;     /* scope: 1 everyone's, 0 the selected contact's */
	int loaded;
	int64_t loaded_for; /* contact rowid of what is loaded (0: everyone) */
	struct interaction *v;
	size_t n;
	size_t top; /* first row on screen */
};

void vm_timeline_init(struct vm_timeline *vm, struct store *st);
void vm_timeline_free(struct vm_timeline *vm);
/* 1 when what is loaded is not the timeline of `contact` in the current scope. */
int vm_timeline_stale(const struct vm_timeline *vm, int64_t contact);
/* Loads the timeline of contact (0: nobody selected; ignored in the everyone
 * scope); -1 with *cause (caller frees), vm unchanged, on a read error. */
int vm_timeline_load(struct vm_timeline *vm, int64_t contact, char **cause);
/* Forgets what is loaded (the journal changed). */
void vm_timeline_invalidate(struct vm_timeline *vm);
/* Switches between the contact's and everyone's; returns the new scope. */
int vm_timeline_toggle_scope(struct vm_timeline *vm);
/* Scrolls by delta rows within n; returns 1 when it moved. */
int vm_timeline_scroll(struct vm_timeline *vm, long delta, size_t height);

/* One row's cells. */
struct vm_timeline_cells {
	char day[16];          /* "2026-11-20" */
	char kind[48];         /* "meeting", "meeting · gave intro" (model_kind_label) */
	const char *arrow;     /* "→" gave, "←" got, "↔" mutual, " " none (static) */
	const char *summary;   /* vm's */
	char *others;          /* the other people, ", "-joined; caller frees */
};
/* Cells of row i (< n); `self` is left out of the others. */
void vm_timeline_cells(const struct vm_timeline *vm, size_t i, int64_t self,
                       struct vm_timeline_cells *out);
/* Cells the kind column of a pane `width` cells wide takes for rows [top,
 * top + n): the widest kind of them plus a space, never less than 9
 * ("referral ") and never more than two fifths of the width beyond that, so
 * that the column widens only while a row that carries a service is in view
 * and the summaries keep most of the row. */
size_t vm_timeline_kind_cells(const struct vm_timeline *vm, size_t top, size_t n, size_t width);
/* The arrow of a direction (static). */
const char *vm_timeline_arrow(enum direction d);

#endif
