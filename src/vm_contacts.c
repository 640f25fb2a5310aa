/* vm_contacts.c: the contacts pane's rows (vm_contacts.h): filter, marks and
 * selection in memory, over the rows vm_contacts_load.c reads (the orders:
 * vm_contacts_sort.c). View layer; depends on store.h and utf8.h. */
#include "vm_contacts.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fmt.h"
#include "store.h"
#include "utf8.h"
#include "vm_contacts_int.h"

static const char *const vm_sort_names[VM_SORT_COUNT] = {"attention", "warmth", "recency",
                                                         "balance", "name"};

const char *vm_sort_name(enum vm_sort s)
{
	return (unsigned)s < VM_SORT_COUNT ? vm_sort_names[s] : "?";
}

void vm_contacts_init(struct vm_contacts *vm, struct store *st, const struct score_params *params)
{
	memset(vm, 0, sizeof *vm);
	vm->st = st;
	vm->params = params;
	buf_init(&vm->arena);
	buf_init(&vm->hays);
	strv_init(&vm->words);
}

void vm_contacts_orders_free(struct vm_contacts *vm)
{
	for (int i = 0; i < VM_SORT_COUNT; i++) {
		free(vm->order[i]);
		vm->order[i] = NULL;
	}
	free(vm->pos);
	vm->pos = NULL;
}

/* The rows shown become rows[0..n); owned (or NULL) is vm's to free, the
 * rows shown before are forgotten (freed when they were vm->own). */
void vm_contacts_shown_set(struct vm_contacts *vm, const uint32_t *rows, size_t n, uint32_t *owned)
{
	if (vm->own != owned)
		free(vm->own);
	vm->own = owned;
	vm->shown = rows;
	vm->nshown = n;
}

/* Forgets the rows kept for the filters typed (they hold a sort's order and
 * a load's rows). */
void vm_contacts_steps_free(struct vm_contacts *vm)
{
	for (size_t i = 0; i < vm->nsteps; i++) {
		free(vm->steps[i].filter);
		free(vm->steps[i].shown);
	}
	vm->nsteps = 0;
}

/* Keeps the rows shown for the filter in force, when there is one and room:
 * the step takes them over (a copy only when they are not vm's own). */
static void vm_steps_push(struct vm_contacts *vm)
{
	if (vm->filter == NULL || vm->nsteps == VM_FILTER_STEPS)
		return;
	struct vm_filter_step *step = &vm->steps[vm->nsteps++];
	step->filter = xstrdup(vm->filter);
	step->nshown = vm->nshown;
	step->shown = vm->own;
	if (step->shown == NULL) {
		step->shown = xcalloc(vm->nshown ? vm->nshown : 1, sizeof *step->shown);
		if (vm->nshown > 0)
			memcpy(step->shown, vm->shown, vm->nshown * sizeof *vm->shown);
	}
	vm->own = NULL;
	vm->shown = step->shown;
}

void vm_contacts_free(struct vm_contacts *vm)
{
	free(vm->rows);
	vm_contacts_orders_free(vm);
	vm_contacts_steps_free(vm);
	free(vm->own);
	free(vm->chars);
	free(vm->hit);
	free(vm->filter);
	strv_free(&vm->words);
	buf_free(&vm->arena);
	buf_free(&vm->hays);
	memset(vm, 0, sizeof *vm);
}

const char *vm_contacts_name(const struct vm_contacts *vm, const struct vm_contact_row *r)
{
	return vm->arena.data + r->name;
}

const char *vm_contacts_org(const struct vm_contacts *vm, const struct vm_contact_row *r)
{
	return vm->arena.data + r->org;
}

const char *vm_contacts_tags(const struct vm_contacts *vm, const struct vm_contact_row *r)
{
	return vm->arena.data + r->tags;
}

/* ---- filter ---- */

/* Whether row j's haystack has every filter word: the rows that lack one
 * of a word's bytes are passed over without a search, and a filter of single
 * letters and digits needs none. */
static int vm_row_matches(const struct vm_contacts *vm, size_t j)
{
	if ((vm->chars[j] & vm->need) != vm->need)
		return 0;
	if (vm->exact)
		return 1;
	const char *hay = vm->hays.data + vm->rows[j].hay;
	for (size_t k = 0; k < vm->words.n; k++)
		if (strstr(hay, vm->words.v[k]) == NULL)
			return 0;
	return 1;
}

/* The lowest bit set in m (not 0). */
static unsigned vm_low_bit(uint64_t m)
{
#if defined(__GNUC__) || defined(__clang__)
	return (unsigned)__builtin_ctzll(m);
#else
	unsigned b = 0;
	while (!(m & 1)) {
		m >>= 1;
		b++;
	}
	return b;
#endif
}

/* The rows of in[0..nin) (in the sort's order) that the filter shows, in
 * that order, into out (room for nin); returns how many. With all set, in
 * is every row. The rows are tested in row order, not in the sort's, so
 * that their chars and texts are read in sequence: a bit a row in vm->hit
 * for the candidates (with all: those whose chars have the filter's), the
 * bits of those that fail cleared, then in is read again for the bits left,
 * without a branch on them; vm->hit is all 0 again at the end. */
static size_t vm_filter_rows(struct vm_contacts *vm, const uint32_t *in, size_t nin, int all,
                             uint32_t *out)
{
	uint64_t *hit = vm->hit, need = vm->need;
	size_t nwords = (vm->n + 63) / 64;
	if (all) {
		for (size_t w = 0; w < nwords; w++) {
			const uint64_t *c = vm->chars + w * 64;
			size_t nb = vm->n - w * 64 < 64 ? vm->n - w * 64 : 64;
			uint64_t m = 0;
			for (size_t b = 0; b < nb; b++)
				m |= (uint64_t)((c[b] & need) == need) << b;
			hit[w] = m;
		}
	} else {
		for (size_t i = 0; i < nin; i++)
			hit[in[i] >> 6] |= UINT64_C(1) << (in[i] & 63);
	}
	if (!all || !vm->exact)
		for (size_t w = 0; w < nwords; w++)
			for (uint64_t m = hit[w]; m != 0; m &= m - 1) {
				unsigned b = vm_low_bit(m);
				if (!vm_row_matches(vm, w * 64 + b))
					hit[w] &= ~(UINT64_C(1) << b);
			}
	size_t k = 0;
	for (size_t i = 0; i < nin; i++) {
		uint32_t j = in[i];
		out[k] = j;
		k += (size_t)(hit[j >> 6] >> (j & 63)) & 1;
	}
	memset(hit, 0, nwords * sizeof *hit);
	return k;
}

/* The index in rows of contact rowid (rows are in rowid order), or n. */
static size_t vm_row_index(const struct vm_contacts *vm, int64_t rowid)
{
	size_t lo = 0, hi = vm->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (vm->rows[mid].rowid < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < vm->n && vm->rows[lo].rowid == rowid ? lo : vm->n;
}

/* Where row at (an index into rows) is among the rows shown, which are in
 * the sort's order: *place (when not NULL) gets the index in shown of the
 * first row not before it in that order; returns that index when it is row
 * at itself, else nshown. With every row shown, the order's inverse when it
 * is kept, else a scan of the order (in sequence, and no inverse made for a
 * sort that has no filter); with a filter, a binary search by the rows'
 * places in the order. */
static size_t vm_shown_find(struct vm_contacts *vm, size_t at, size_t *place)
{
	size_t lo = 0;
	int kept = vm->pos != NULL && vm->pos_sort == vm->sort;
	if (vm->nshown == 0) {
		/* nothing shown */
	} else if (vm->shown == vm->order[vm->sort] && !kept) {
		while (lo < vm->nshown && vm->shown[lo] != at)
			lo++;
	} else {
		const uint32_t *pos = vm_contacts_pos(vm, vm->sort);
		uint32_t p = pos[at];
		if (vm->shown == vm->order[vm->sort]) {
			lo = p;
		} else {
			size_t hi = vm->nshown;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (pos[vm->shown[mid]] < p)
					lo = mid + 1;
				else
					hi = mid;
			}
		}
	}
	if (place != NULL)
		*place = lo;
	return lo < vm->nshown && vm->shown[lo] == at ? lo : vm->nshown;
}

/* The index in shown of the row nearest, in the sort's order, to row at
 * (which is not shown): the one below on a tie, else above; 0 when nothing
 * is shown. */
static size_t vm_nearest_shown(struct vm_contacts *vm, size_t at)
{
	if (vm->nshown == 0)
		return 0;
	size_t i;
	vm_shown_find(vm, at, &i);
	if (i == vm->nshown)
		return i - 1; /* none below */
	if (i == 0)
		return 0; /* none above */
	const uint32_t *pos = vm_contacts_pos(vm, vm->sort);
	uint32_t below = pos[vm->shown[i]] - pos[at], above = pos[at] - pos[vm->shown[i - 1]];
	return below <= above ? i : i - 1;
}

/* Finds the wanted contact again among the rows shown. */
static void vm_contacts_reselect(struct vm_contacts *vm)
{
	size_t keep = vm->sel, at = vm_row_index(vm, vm->want);
	if (vm->want == 0 || !vm_contacts_select_rowid(vm, vm->want)) {
		/* hidden by the filter: the nearest contact it shows; gone: the row
		   that took its place */
		if (at < vm->n)
			vm->sel = vm_nearest_shown(vm, at);
		else
			vm->sel = keep < vm->nshown ? keep : vm->nshown ? vm->nshown - 1 : 0;
		const struct vm_contact_row *r = vm_contacts_selected(vm);
		vm->want = r ? r->rowid : 0;
	}
}

/* Filters and sorts the shown rows, and finds the wanted contact again.
 * With no word, every row in the sort's order (that order itself); from a
 * kept step (the filter only got stricter), the rows it kept are filtered
 * again, in the order they are in; else every row is. */
static void vm_contacts_rebuild(struct vm_contacts *vm, const struct vm_filter_step *from)
{
	if (vm->words.n == 0) {
		vm_contacts_shown_set(vm, vm->n > 0 ? vm_contacts_order(vm, vm->sort) : NULL, vm->n, NULL);
		vm->tested = 0;
	} else {
		const uint32_t *in = from ? from->shown : vm_contacts_order(vm, vm->sort);
		size_t nin = from ? from->nshown : vm->n;
		uint32_t *out = xcalloc(nin ? nin : 1, sizeof *out);
		size_t k = vm_filter_rows(vm, in, nin, from == NULL, out);
		vm_contacts_shown_set(vm, out, k, out);
		vm->tested = nin;
	}
	vm_contacts_reselect(vm);
}

/* After a load: each row's chars in sequence, a bit a row for the filter,
 * then the rows shown and the selection found again. */
void vm_contacts_index(struct vm_contacts *vm)
{
	free(vm->chars);
	free(vm->hit);
	if (vm->n > 0) /* first: the sort's scratch is freed before the rest is made */
		vm_contacts_order(vm, vm->sort);
	vm->chars = xcalloc(vm->n ? vm->n : 1, sizeof *vm->chars);
	for (size_t j = 0; j < vm->n; j++)
		vm->chars[j] = vm->rows[j].chars;
	vm->hit = xcalloc(vm->n / 64 + 1, sizeof *vm->hit);
	vm_contacts_rebuild(vm, NULL);
	vm_steps_push(vm);
}

const struct vm_contact_row *vm_contacts_at(const struct vm_contacts *vm, size_t i)
{
	return i < vm->nshown ? &vm->rows[vm->shown[i]] : NULL;
}

const struct vm_contact_row *vm_contacts_selected(const struct vm_contacts *vm)
{
	return vm_contacts_at(vm, vm->sel);
}

int vm_contacts_select(struct vm_contacts *vm, size_t i)
{
	if (vm->nshown == 0)
		return 0;
	if (i >= vm->nshown)
		i = vm->nshown - 1;
	int moved = i != vm->sel;
	vm->sel = i;
	vm->want = vm->rows[vm->shown[i]].rowid;
	return moved;
}

int vm_contacts_move(struct vm_contacts *vm, long delta)
{
	if (vm->nshown == 0)
		return 0;
	size_t i = vm->sel;
	if (delta < 0)
		i = (size_t)-delta > i ? 0 : i - (size_t)-delta;
	else
		i = (size_t)delta >= vm->nshown - i ? vm->nshown - 1 : i + (size_t)delta;
	return vm_contacts_select(vm, i);
}

int vm_contacts_select_rowid(struct vm_contacts *vm, int64_t rowid)
{
	size_t at = vm_row_index(vm, rowid);
	if (at == vm->n)
		return 0;
	size_t i = vm_shown_find(vm, at, NULL);
	if (i == vm->nshown)
		return 0;
	vm->sel = i;
	vm->want = rowid;
	return 1;
}

size_t vm_contacts_scroll(struct vm_contacts *vm, size_t height)
{
	if (height == 0)
		return vm->top;
	if (vm->sel < vm->top)
		vm->top = vm->sel;
	else if (vm->sel >= vm->top + height)
		vm->top = vm->sel - height + 1;
	/* no blank rows at the end while there are rows above */
	if (vm->nshown >= height && vm->top > vm->nshown - height)
		vm->top = vm->nshown - height;
	if (vm->nshown < height)
		vm->top = 0;
	return vm->top;
}

void vm_contacts_set_sort(struct vm_contacts *vm, enum vm_sort s)
{
	vm->sort = (unsigned)s < VM_SORT_COUNT ? s : VM_SORT_ATTENTION;
	vm_contacts_steps_free(vm);
	vm_contacts_rebuild(vm, NULL);
	vm_steps_push(vm);
}

enum vm_sort vm_contacts_cycle_sort(struct vm_contacts *vm)
{
	vm_contacts_set_sort(vm, (enum vm_sort)((vm->sort + 1) % VM_SORT_COUNT));
	return vm->sort;
}

void vm_contacts_set_filter(struct vm_contacts *vm, const char *text)
{
	char *f = text != NULL ? utf8_fold(text) : NULL;
	if (f != NULL && *f == '\0') {
		free(f);
		f = NULL;
	}
	/* a filter that only grew at its end shows a subset of what a filter
	   kept shows: the longest kept that f begins with */
	while (vm->nsteps > 0) {
		struct vm_filter_step *top = &vm->steps[vm->nsteps - 1];
		if (f != NULL && strncmp(f, top->filter, strlen(top->filter)) == 0)
			break;
		free(top->filter);
		free(top->shown);
		vm->nsteps--;
	}
	const struct vm_filter_step *from = vm->nsteps > 0 ? &vm->steps[vm->nsteps - 1] : NULL;
	int same = from != NULL && strcmp(f, from->filter) == 0;
	free(vm->filter);
	vm->filter = f;
	strv_free(&vm->words);
	strv_init(&vm->words);
	if (f != NULL)
		strv_split(&vm->words, f, ' ');
	vm->need = 0;
	vm->exact = 1;
	for (size_t i = 0; i < vm->words.n; i++) {
		char *w = vm->words.v[i];
		if (strlen(w) > 255)
			w[255] = '\0';
		vm->need |= vm_contacts_chars(w, strlen(w));
		/* one letter or digit: its bit says it all */
		int alnum = (w[0] >= 'a' && w[0] <= 'z') || (w[0] >= '0' && w[0] <= '9');
		if (!alnum || w[1] != '\0')
			vm->exact = 0;
	}
	if (same) {
		vm_contacts_shown_set(vm, from->shown, from->nshown, NULL);
		vm->tested = 0;
		vm_contacts_reselect(vm);
		return;
	}
	vm_contacts_rebuild(vm, from);
	vm_steps_push(vm);
}

int vm_contacts_toggle_mark(struct vm_contacts *vm)
{
	if (vm->nshown == 0)
		return 0;
	struct vm_contact_row *r = &vm->rows[vm->shown[vm->sel]];
	r->marked = !r->marked;
	return r->marked;
}

void vm_contacts_clear_marks(struct vm_contacts *vm)
{
	for (size_t i = 0; i < vm->n; i++)
		vm->rows[i].marked = 0;
}

size_t vm_contacts_marked(const struct vm_contacts *vm, const struct vm_contact_row ***out)
{
	size_t n = 0;
	for (size_t i = 0; i < vm->n; i++)
		n += vm->rows[i].marked != 0;
	*out = xcalloc(n ? n : 1, sizeof **out);
	size_t k = 0;
	char *seen = xcalloc(vm->n ? vm->n : 1, 1);
	for (size_t i = 0; i < vm->nshown; i++) {
		size_t at = vm->shown[i];
		seen[at] = 1;
		if (vm->rows[at].marked)
			(*out)[k++] = &vm->rows[at];
	}
	for (size_t i = 0; i < vm->n; i++)
		if (!seen[i] && vm->rows[i].marked)
			(*out)[k++] = &vm->rows[i];
	free(seen);
	return k;
}

/* ---- columns ---- */

static const char *const vm_heads[VM_COLS] = {"", "NAME", "ORG", "CIRCLE", "WARM", "LAST",
                                              "STATUS", "BAL"};
/* fixed widths; name and org share the rest */
static const size_t vm_fixed[VM_COLS] = {2, 0, 0, 6, 5, 5, 7, 4};

void vm_contacts_columns(size_t width, struct vm_columns *out)
{
	memset(out, 0, sizeof *out);
	/* columns dropped in this order while the name would get under 12 cells */
	static const enum vm_col drop[] = {VM_COL_ORG, VM_COL_CIRCLE, VM_COL_WARMTH, VM_COL_BAL,
	                                   VM_COL_LAST};
	int on[VM_COLS];
	for (int c = 0; c < VM_COLS; c++)
		on[c] = 1;
	for (size_t d = 0;; d++) {
		size_t fixed = 0, gaps = 0;
		for (int c = 0; c < VM_COLS; c++)
			if (on[c]) {
				fixed += vm_fixed[c];
				gaps++;
			}
		gaps--; /* between columns */
		size_t need = fixed + gaps + (on[VM_COL_ORG] ? 12 + 6 : 12);
		if (need <= width || d == sizeof drop / sizeof drop[0]) {
			size_t rest = width > fixed + gaps ? width - fixed - gaps : 0;
			for (int c = 0; c < VM_COLS; c++)
				out->w[c] = on[c] ? vm_fixed[c] : 0;
			if (on[VM_COL_ORG]) {
				out->w[VM_COL_ORG] = rest * 2 / 5;
				out->w[VM_COL_NAME] = rest - out->w[VM_COL_ORG];
			} else {
				out->w[VM_COL_NAME] = rest;
			}
			/* too narrow even for the status: the name alone */
			if (fixed + gaps > width) {
				memset(out, 0, sizeof *out);
				out->w[VM_COL_NAME] = width;
			}
			return;
		}
		on[drop[d]] = 0;
	}
}

const char *vm_contacts_head(enum vm_col c)
{
	return (unsigned)c < VM_COLS ? vm_heads[c] : "";
}

const char *vm_contacts_cell(const struct vm_contacts *vm, const struct vm_contact_row *r,
                             enum vm_col c, char tmp[32])
{
	switch (c) {
	case VM_COL_MARK:
		return r->marked ? "*" : " ";
	case VM_COL_NAME:
		return vm_contacts_name(vm, r);
	case VM_COL_ORG:
		return vm_contacts_org(vm, r);
	case VM_COL_CIRCLE:
		return model_circle_name(r->circle);
	case VM_COL_WARMTH:
		fmt_bar(r->score.warmth, 5, vm->ascii, tmp);
		return tmp;
	case VM_COL_LAST:
		if (r->score.last_contact == 0)
			return "never";
		fmt_age(r->score.days_since, tmp);
		return tmp;
	case VM_COL_STATUS:
		return r->snoozed ? "snoozed" : score_status_name(r->score.status);
	case VM_COL_BAL:
		return fmt_balance_mark(r->score.owe, r->score.balance);
	case VM_COLS:
		break;
	}
	return "";
}
