/* vm_contacts.c: the contacts pane's rows (vm_contacts.h): one load from the
 * rank scan and the roster in one snapshot, then sort, filter, marks and the
 * selection in memory. View layer; depends on store.h, store_roster.h,
 * score.h and utf8.h. */
#include "vm_contacts.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fmt.h"
#include "store.h"
#include "store_roster.h"
#include "utf8.h"

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
}

void vm_contacts_free(struct vm_contacts *vm)
{
	free(vm->rows);
	free(vm->shown);
	free(vm->filter);
	buf_free(&vm->arena);
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

/* ---- loading ---- */

struct vm_load {
	struct vm_contacts *vm;
	int64_t now;
	struct vm_contact_row *rows;
	size_t n, cap;
	struct buf arena;
	size_t named; /* rows the roster gave texts to */
};

static void vm_row_score(struct vm_contact_row *r, const struct score *s, int64_t snoozed_until,
                         int64_t now)
{
	r->status = s->status;
	r->owe = s->owe;
	r->last_contact = s->last_contact;
	r->attention = s->attention;
	r->warmth = s->warmth;
	r->recency = s->recency;
	r->balance = s->balance;
	r->importance = s->importance;
	r->days_since = s->days_since;
	r->snoozed = snoozed_until > now;
}

static int vm_load_rank(void *arg, const struct store_rank_row *row, char **cause)
{
	struct vm_load *l = arg;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->rows = xreallocarray(l->rows, l->cap, sizeof *l->rows);
	}
	struct vm_contact_row *r = &l->rows[l->n++];
	memset(r, 0, sizeof *r);
	r->rowid = row->rowid;
	memcpy(r->id, row->id, sizeof r->id);
	r->circle = row->subj.circle;
	if (!score_cache_has_future(&row->sc, l->now)) {
		struct score s;
		score_compute_subject(&s, &row->subj, &row->sc, l->vm->params, l->now);
		vm_row_score(r, &s, row->snoozed_until, l->now);
		return 0;
	}
	/* interactions planned after now: score from the events, as `kith show` does */
	struct contact c;
	int got = store_contact_get(l->vm->st, row->rowid, &c, cause);
	if (got != 0)
		return got < 0 ? -1 : err_set(cause, "a contact vanished while loading");
	struct score_event *ev = NULL;
	size_t nev = 0;
	int rc = store_contact_events(l->vm->st, row->rowid, &ev, &nev, cause);
	if (rc == 0) {
		struct score s;
		score_compute_events(&s, &c, l->vm->params, ev, nev, l->now);
		vm_row_score(r, &s, c.snoozed_until, l->now);
	}
	free(ev);
	contact_free(&c);
	return rc;
}

static int vm_row_cmp_rowid(const void *pa, const void *pb)
{
	const struct vm_contact_row *a = pa, *b = pb;
	return a->rowid < b->rowid ? -1 : a->rowid > b->rowid;
}

static size_t vm_arena_put(struct buf *b, const char *s)
{
	size_t at = b->len;
	buf_add(b, s, strlen(s) + 1);
	return at;
}

static int vm_load_roster(void *arg, const struct store_roster_row *row, char **cause)
{
	(void)cause;
	struct vm_load *l = arg;
	struct vm_contact_row key = {.rowid = row->rowid};
	struct vm_contact_row *r = bsearch(&key, l->rows, l->n, sizeof *l->rows, vm_row_cmp_rowid);
	if (r == NULL)
		return 0;
	r->name = vm_arena_put(&l->arena, row->name);
	r->org = vm_arena_put(&l->arena, row->org);
	r->tags = vm_arena_put(&l->arena, row->tags);
	/* the filter's haystack: the folded name, organisation and tags */
	char *name = utf8_fold(row->name), *org = utf8_fold(row->org), *tags = utf8_fold(row->tags);
	r->fname = vm_arena_put(&l->arena, name);
	r->hay = l->arena.len;
	buf_puts(&l->arena, name);
	buf_putc(&l->arena, '\n');
	buf_puts(&l->arena, org);
	buf_putc(&l->arena, '\n');
	buf_add(&l->arena, tags, strlen(tags) + 1);
	free(name);
	free(org);
	free(tags);
	l->named++;
	return 0;
}

static int vm_load_all(struct store *st, void *arg, char **cause)
{
	struct vm_load *l = arg;
	struct store_contact_filter f = {.circle = -1, .tag = NULL, .archived = 0};
	if (store_contact_rank(st, &f, vm_load_rank, l, cause) != 0)
		return -1;
	if (l->n > 1)
		qsort(l->rows, l->n, sizeof *l->rows, vm_row_cmp_rowid);
	if (store_contact_roster(st, vm_load_roster, l, cause) != 0)
		return -1;
	if (l->named != l->n)
		return err_set(cause, "the journal changed while loading");
	return 0;
}

static void vm_contacts_rebuild(struct vm_contacts *vm);

int vm_contacts_load(struct vm_contacts *vm, int64_t now, char **cause)
{
	struct vm_load l;
	memset(&l, 0, sizeof l);
	l.vm = vm;
	l.now = now;
	buf_init(&l.arena);
	buf_putc(&l.arena, '\0'); /* offset 0 is "" */
	if (store_read(vm->st, vm_load_all, &l, cause) != 0) {
		free(l.rows);
		buf_free(&l.arena);
		return -1;
	}
	/* marks follow their contacts */
	for (size_t i = 0; i < vm->n; i++) {
		if (!vm->rows[i].marked)
			continue;
		struct vm_contact_row *r =
			bsearch(&vm->rows[i], l.rows, l.n, sizeof *l.rows, vm_row_cmp_rowid);
		if (r != NULL)
			r->marked = 1;
	}
	free(vm->rows);
	buf_free(&vm->arena);
	vm->rows = l.rows;
	vm->n = l.n;
	vm->arena = l.arena;
	vm->now = now;
	vm_contacts_rebuild(vm);
	return 0;
}

/* ---- order and filter ---- */

static int vm_cmp_desc(double a, double b)
{
	return a > b ? -1 : a < b ? 1 : 0;
}

/* As `kith list`: the sort's value, then importance, then longer silence,
 * then the id; by name: the folded name, the name, the id. */
static int vm_row_cmp(const struct vm_contacts *vm, const struct vm_contact_row *a,
                      const struct vm_contact_row *b)
{
	int c = 0;
	switch (vm->sort) {
	case VM_SORT_ATTENTION:
		c = vm_cmp_desc(a->attention, b->attention);
		break;
	case VM_SORT_WARMTH:
		c = vm_cmp_desc(a->warmth, b->warmth);
		break;
	case VM_SORT_RECENCY:
		c = vm_cmp_desc(a->recency, b->recency);
		break;
	case VM_SORT_BALANCE:
		c = -vm_cmp_desc(a->balance, b->balance);
		break;
	case VM_SORT_NAME:
	case VM_SORT_COUNT:
		c = strcmp(vm->arena.data + a->fname, vm->arena.data + b->fname);
		if (c == 0)
			c = strcmp(vm->arena.data + a->name, vm->arena.data + b->name);
		return c != 0 ? c : strcmp(a->id, b->id);
	}
	if (c == 0)
		c = vm_cmp_desc(a->importance, b->importance);
	if (c == 0)
		c = vm_cmp_desc(a->days_since, b->days_since);
	if (c == 0)
		c = strcmp(a->id, b->id);
	return c;
}

/* A merge sort of the shown indexes: qsort has no argument for the order. */
static void vm_sort_range(const struct vm_contacts *vm, size_t *v, size_t *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	vm_sort_range(vm, v, tmp, h);
	vm_sort_range(vm, v + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = vm_row_cmp(vm, &vm->rows[v[j]], &vm->rows[v[i]]) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

static int vm_row_matches(const struct vm_contacts *vm, const struct vm_contact_row *r)
{
	if (vm->filter == NULL)
		return 1;
	const char *hay = vm->arena.data + r->hay;
	const char *w = vm->filter;
	while (*w != '\0') {
		const char *end = strchr(w, ' ');
		size_t len = end ? (size_t)(end - w) : strlen(w);
		char word[256];
		if (len >= sizeof word)
			len = sizeof word - 1;
		memcpy(word, w, len);
		word[len] = '\0';
		if (strstr(hay, word) == NULL)
			return 0;
		w += end ? (size_t)(end - w) + 1 : strlen(w);
	}
	return 1;
}

/* Filters and sorts the shown rows, and finds the wanted contact again. */
static void vm_contacts_rebuild(struct vm_contacts *vm)
{
	free(vm->shown);
	vm->shown = xcalloc(vm->n ? vm->n : 1, sizeof *vm->shown);
	vm->nshown = 0;
	for (size_t i = 0; i < vm->n; i++)
		if (vm_row_matches(vm, &vm->rows[i]))
			vm->shown[vm->nshown++] = i;
	size_t *tmp = xcalloc(vm->nshown ? vm->nshown : 1, sizeof *tmp);
	vm_sort_range(vm, vm->shown, tmp, vm->nshown);
	free(tmp);
	size_t keep = vm->sel;
	if (vm->want == 0 || !vm_contacts_select_rowid(vm, vm->want)) {
		/* the contact is gone: the row that took its place */
		vm->sel = keep < vm->nshown ? keep : vm->nshown ? vm->nshown - 1 : 0;
		const struct vm_contact_row *r = vm_contacts_selected(vm);
		vm->want = r ? r->rowid : 0;
	}
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
	for (size_t i = 0; i < vm->nshown; i++)
		if (vm->rows[vm->shown[i]].rowid == rowid) {
			vm->sel = i;
			vm->want = rowid;
			return 1;
		}
	return 0;
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
	vm_contacts_rebuild(vm);
}

enum vm_sort vm_contacts_cycle_sort(struct vm_contacts *vm)
{
	vm_contacts_set_sort(vm, (enum vm_sort)((vm->sort + 1) % VM_SORT_COUNT));
	return vm->sort;
}

void vm_contacts_set_filter(struct vm_contacts *vm, const char *text)
{
	free(vm->filter);
	vm->filter = NULL;
	if (text != NULL) {
		char *f = utf8_fold(text);
		if (*f != '\0')
			vm->filter = f;
		else
			free(f);
	}
	vm_contacts_rebuild(vm);
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
		fmt_bar(r->warmth, 5, 0, tmp);
		return tmp;
	case VM_COL_LAST:
		if (r->last_contact == 0)
			return "never";
		fmt_age(r->days_since, tmp);
		return tmp;
	case VM_COL_STATUS:
		return r->snoozed ? "snoozed" : score_status_name(r->status);
	case VM_COL_BAL:
		return fmt_balance_mark(r->owe, r->balance);
	case VM_COLS:
		break;
	}
	return "";
}
