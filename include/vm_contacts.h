/* vm_contacts.h: the contacts pane as data: every contact's row loaded once
 * from the journal and kept in memory (texts in one arena), sorted, filtered
 * and marked without touching the store; the selection follows a contact, not
 * a row. View layer, pure but for the load; depends on store.h, score.h. */
#ifndef KITH_VM_CONTACTS_H
#define KITH_VM_CONTACTS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "model.h"
#include "score.h"

struct store;

enum vm_sort { VM_SORT_ATTENTION, VM_SORT_WARMTH, VM_SORT_RECENCY, VM_SORT_BALANCE, VM_SORT_NAME,
	       VM_SORT_COUNT };

/* "attention", "warmth", "recency", "balance", "name" (static). */
const char *vm_sort_name(enum vm_sort s);

/* One contact as the pane shows it. The texts are offsets into the arena
 * (vm_contacts_name and kin return them). */
struct vm_contact_row {
	int64_t rowid;
	char id[ID_LEN + 1];
	uint32_t name, org, tags; /* arena offsets */
	uint32_t hay; /* offset in hays: the folded name, organisation and tags,
	               '\n' between */
	uint64_t chars; /* the bytes the haystack has, as a set (a bit a letter
	                   or digit, the other bytes sharing the rest) */
	enum circle circle;
	int snoozed, marked;
	struct score_brief score;
};

/* The rows a filter showed, kept while it is typed (vm_contacts_set_filter). */
struct vm_filter_step {
	char *filter; /* folded */
	uint32_t *shown; /* owned */
	size_t nshown;
};
#define VM_FILTER_STEPS 16

struct vm_contacts {
	struct store *st; /* borrowed */
	const struct score_params *params; /* borrowed */
	int64_t now;
	struct vm_contact_row *rows; /* every contact, in rowid order */
	size_t n;
	struct buf arena;
	struct buf hays; /* every row's haystack in row order, each ended by '\0' */
	uint32_t *order[VM_SORT_COUNT]; /* every row's index in each sort's order,
	                                   made when that sort is first shown */
	uint32_t *pos; /* the inverse of order[pos_sort]: each row's place in it */
	enum vm_sort pos_sort;
	uint64_t *chars; /* each row's chars, in row order: a filter's first test
	                    reads them in sequence */
	uint64_t *hit; /* a bit a row, all 0 between two changes of the filter */
	const uint32_t *shown; /* indexes into rows: the filtered rows in sort
	                          order; order[sort] itself when nothing is
	                          filtered out, else a kept step's rows or own */
	uint32_t *own; /* the rows shown when no step keeps them (or NULL) */
	size_t nshown;
	size_t sel; /* index into shown (0 when nothing is shown) */
	size_t top; /* first shown row on screen */
	enum vm_sort sort;
	char *filter; /* folded filter text; NULL: none */
	struct strv words; /* its words, each cut at 255 bytes */
	uint64_t need; /* the bytes of the words, as a set (chars of a row) */
	int exact; /* every word is one letter or digit: need alone decides */
	/* the rows shown for each filter typed, each filter a prefix of the next
	   (until the next load or sort): Backspace gives back a set kept */
	struct vm_filter_step steps[VM_FILTER_STEPS];
	size_t nsteps;
	size_t tested; /* rows the last change of the filter tested */
	int64_t want;  /* the selected contact's rowid; kept across rebuilds */
	int ascii;     /* the warmth bar in ASCII (a locale that is not UTF-8) */
};

/* st and params are borrowed and must outlive vm. Nothing is loaded yet. */
void vm_contacts_init(struct vm_contacts *vm, struct store *st, const struct score_params *params);
void vm_contacts_free(struct vm_contacts *vm);

/* (Re)reads every contact that is not archived and scores it at now; the
 * sort, the filter, the marks and the selected contact are kept (the
 * selection moves to the nearest row when its contact is gone). -1 with
 * *cause (caller frees), and vm unchanged, on a read error. */
int vm_contacts_load(struct vm_contacts *vm, int64_t now, char **cause);
/* For a first screen: reads the number of contacts not archived and the k
 * first of them in the attention sort's order (rank_best), without the
 * others; vm then counts them all (n and nshown), shows those k first (rows
 * and shown [0, k)), the first selected, and has blank rows after them, to
 * be painted no further than row k and read in full by vm_contacts_load
 * before anything else is done with them: 0. It reads the whole roster
 * instead, as vm_contacts_load does, and returns 1, for a journal of fewer
 * than 8k + 1024 contacts (a head would read about as many), with another
 * sort or a filter in force, or k 0. -1 with *cause, vm unchanged. */
int vm_contacts_load_head(struct vm_contacts *vm, int64_t now, size_t k, char **cause);

/* Texts of a row (owned by vm, valid until the next load). */
const char *vm_contacts_name(const struct vm_contacts *vm, const struct vm_contact_row *r);
const char *vm_contacts_org(const struct vm_contacts *vm, const struct vm_contact_row *r);
const char *vm_contacts_tags(const struct vm_contacts *vm, const struct vm_contact_row *r);

/* The i-th shown row, or NULL past the end. */
const struct vm_contact_row *vm_contacts_at(const struct vm_contacts *vm, size_t i);
/* The selected row, or NULL when nothing is shown. */
const struct vm_contact_row *vm_contacts_selected(const struct vm_contacts *vm);

/* Moves the selection by delta rows (clamped); 1 when it moved. */
int vm_contacts_move(struct vm_contacts *vm, long delta);
/* Selects shown row i (clamped); 1 when it moved. */
int vm_contacts_select(struct vm_contacts *vm, size_t i);
/* Selects the row of contact rowid when it is shown; 1 when it is. */
int vm_contacts_select_rowid(struct vm_contacts *vm, int64_t rowid);
/* Keeps the selection within `height` rows from top; returns top. */
size_t vm_contacts_scroll(struct vm_contacts *vm, size_t height);

void vm_contacts_set_sort(struct vm_contacts *vm, enum vm_sort s);
/* The next sort of the cycle attention, warmth, recency, balance, name. */
enum vm_sort vm_contacts_cycle_sort(struct vm_contacts *vm);
/* Shows only the contacts whose folded name, organisation and tags contain
 * every word of text folded (NULL or blank: all). The selected contact stays
 * selected when it is still shown, else the shown contact nearest it in the
 * sort's order is (the one below on a tie). */
void vm_contacts_set_filter(struct vm_contacts *vm, const char *text);

/* Marks or unmarks the selected row; returns its new mark (0 when none). */
int vm_contacts_toggle_mark(struct vm_contacts *vm);
void vm_contacts_clear_marks(struct vm_contacts *vm);
/* The marked rows, shown or not: the shown ones in their order, then the rest;
 * *out (caller frees with free(); the rows stay vm's) gets n pointers. */
size_t vm_contacts_marked(const struct vm_contacts *vm, const struct vm_contact_row ***out);

/* The columns of a row for a pane `width` cells wide: a mark, name,
 * organisation, circle, warmth bar, time since last contact, status and the
 * give-and-take mark, one cell apart; a column that does not fit is 0 wide
 * (organisation first, then circle, then the bar). The sum of the widths and
 * the gaps never exceeds width. */
enum vm_col { VM_COL_MARK, VM_COL_NAME, VM_COL_ORG, VM_COL_CIRCLE, VM_COL_WARMTH, VM_COL_LAST,
	      VM_COL_STATUS, VM_COL_BAL, VM_COLS };
struct vm_columns {
	size_t w[VM_COLS];
};
void vm_contacts_columns(size_t width, struct vm_columns *out);
/* Column titles (static). */
const char *vm_contacts_head(enum vm_col c);
/* The text of column c of row r (static or vm's, or tmp's storage). */
const char *vm_contacts_cell(const struct vm_contacts *vm, const struct vm_contact_row *r,
                             enum vm_col c, char tmp[32]);

#endif
