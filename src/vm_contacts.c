/* vm_contacts.c: the contacts pane's rows (vm_contacts.h): one load from the
 * roster (texts and rank values in one scan; first its head, for a first
 * screen), then filter, marks and selection in memory (the orders:
 * vm_contacts_sort.c). View layer; depends on store_roster.h, rank_best.h. */
#include "vm_contacts.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fmt.h"
#include "rank_best.h"
#include "store.h"
#include "store_roster.h"
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

static void vm_orders_free(struct vm_contacts *vm)
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
static void vm_shown_set(struct vm_contacts *vm, const uint32_t *rows, size_t n, uint32_t *owned)
{
	if (vm->own != owned)
		free(vm->own);
	vm->own = owned;
	vm->shown = rows;
	vm->nshown = n;
}

/* Forgets the rows kept for the filters typed (they hold a sort's order and
 * a load's rows). */
static void vm_steps_free(struct vm_contacts *vm)
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
	vm_orders_free(vm);
	vm_steps_free(vm);
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

/* ---- loading ---- */

/* A text many contacts share (an organisation, a set of tags): where it is
 * in the arena and where its folded form is in the haystacks. */
struct vm_memo_slot {
	uint32_t hash, arena, len, hay, hay_len; /* len: of the text, in bytes */
	uint64_t chars; /* vm_chars of its folded form */
};

#define VM_MEMO_SLOTS 8192 /* a power of 2; when full, new texts are not kept */

struct vm_load {
	struct vm_contacts *vm;
	int64_t now;
	struct vm_contact_row *rows;
	size_t n, cap;
	struct buf arena, hays;
	struct vm_memo_slot *memo; /* VM_MEMO_SLOTS of them; arena 0: free */
	size_t nmemo;
	size_t texts; /* the first k: rows given their texts (vm_head_texts) */
};

static void vm_row_score(struct vm_contact_row *r, const struct score *s, int64_t snoozed_until,
                         int64_t now)
{
	score_brief_of(&r->score, s);
	r->snoozed = snoozed_until > now;
}

/* Appends the row of one contact, scored at now, to the load arg (a
 * struct vm_load; rank_best's take for the first screen). */
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
	struct score s;
	int rc = store_contact_score(l->vm->st, &c, l->vm->params, l->now, &s, cause);
	if (rc == 0)
		vm_row_score(r, &s, c.snoozed_until, l->now);
	contact_free(&c);
	return rc;
}

static int vm_row_cmp_rowid(const void *pa, const void *pb)
{
	const struct vm_contact_row *a = pa, *b = pb;
	return a->rowid < b->rowid ? -1 : a->rowid > b->rowid;
}

/* The place of byte c in a set of the bytes a text has: one a letter or
 * digit, the other bytes sharing the rest; a table of every byte's, so that
 * the load looks each byte up instead of testing it. */
#define VM_CHAR_POS(c) \
	((c) >= 'a' && (c) <= 'z' ? (c) - 'a' : (c) >= '0' && (c) <= '9' ? 26 + (c) - '0' : 36 + (c) % 28)
#define VM_CHAR_POS4(c) \
	VM_CHAR_POS(c), VM_CHAR_POS((c) + 1), VM_CHAR_POS((c) + 2), VM_CHAR_POS((c) + 3)
#define VM_CHAR_POS16(c) \
	VM_CHAR_POS4(c), VM_CHAR_POS4((c) + 4), VM_CHAR_POS4((c) + 8), VM_CHAR_POS4((c) + 12)
#define VM_CHAR_POS64(c) \
	VM_CHAR_POS16(c), VM_CHAR_POS16((c) + 16), VM_CHAR_POS16((c) + 32), VM_CHAR_POS16((c) + 48)
static const unsigned char vm_char_pos[256] = {VM_CHAR_POS64(0), VM_CHAR_POS64(64),
                                               VM_CHAR_POS64(128), VM_CHAR_POS64(192)};

static uint64_t vm_char_bit(unsigned char c)
{
	return UINT64_C(1) << vm_char_pos[c];
}

/* The set of the bytes of s[0..n): a text that has a word has every one of
 * its bytes, so a row whose set lacks one is skipped unsearched. */
static uint64_t vm_chars(const char *s, size_t n)
{
	uint64_t m = 0;
	for (size_t i = 0; i < n; i++)
		m |= vm_char_bit((unsigned char)s[i]);
	return m;
}

/* Text s of len bytes in b, with its '\0'; returns its offset. */
static uint32_t vm_arena_put(struct buf *b, const char *s, size_t len)
{
	uint32_t at = (uint32_t)b->len;
	buf_add(b, s, len + 1);
	return at;
}

/* Text s (len bytes) in the arena, and folded at the end of the haystacks: a
 * text seen before (organisations and tags repeat) is stored once and its
 * folded form copied instead of folded again. Returns its arena offset. */
static uint32_t vm_load_text(struct vm_load *l, const char *s, size_t len, uint64_t *chars)
{
	if (len == 0)
		return 0; /* offset 0 is "" */
	uint64_t h = 14695981039346656037u; /* FNV-1a, 8 bytes a step */
	size_t i = 0;
	for (uint64_t w; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 1099511628211u;
		h ^= h >> 32;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	uint32_t h32 = (uint32_t)(h ^ h >> 32);
	size_t at = h32 & (VM_MEMO_SLOTS - 1);
	for (size_t probe = 0; probe < VM_MEMO_SLOTS; probe++, at = (at + 1) & (VM_MEMO_SLOTS - 1)) {
		struct vm_memo_slot *m = &l->memo[at];
		if (m->arena == 0)
			break;
		if (m->hash == h32 && m->len == len && memcmp(l->arena.data + m->arena, s, len) == 0) {
			buf_repeat(&l->hays, m->hay, m->hay_len);
			*chars |= m->chars;
			return m->arena;
		}
	}
	uint32_t off = vm_arena_put(&l->arena, s, len);
	size_t hay = l->hays.len;
	utf8_fold_append(&l->hays, s);
	uint64_t c = vm_chars(l->hays.data + hay, l->hays.len - hay);
	*chars |= c;
	/* kept while the table is at most half full, so that probes stay short */
	if (l->nmemo < VM_MEMO_SLOTS / 2 && l->memo[at].arena == 0 && off != 0 &&
	    len <= UINT32_MAX && l->hays.len - hay <= UINT32_MAX) {
		struct vm_memo_slot m = {h32, off, (uint32_t)len, (uint32_t)hay,
		                         (uint32_t)(l->hays.len - hay), c};
		l->memo[at] = m;
		l->nmemo++;
	}
	return off;
}

/* The texts of one contact into its row r: its name, and the filter's
 * haystack (the folded name as stored, organisation and tags). */
static int vm_load_texts(struct vm_load *l, struct vm_contact_row *r,
                         const struct store_roster_row *row, char **cause)
{
	r->name = vm_arena_put(&l->arena, row->name, row->name_len);
	r->hay = (uint32_t)l->hays.len;
	buf_add(&l->hays, row->folded, row->folded_len);
	r->chars = vm_chars(row->folded, row->folded_len) | vm_char_bit('\n');
	buf_putc(&l->hays, '\n');
	r->org = vm_load_text(l, row->org, row->org_len, &r->chars);
	buf_putc(&l->hays, '\n');
	r->tags = vm_load_text(l, row->tags, row->tags_len, &r->chars);
	buf_putc(&l->hays, '\0');
	/* offsets are 32 bits: the next row's must fit */
	if (l->arena.len > UINT32_MAX || l->hays.len > UINT32_MAX)
		return err_set(cause, "too much text to show: %zu contacts read", l->n);
	return 0;
}

static int vm_load_roster(void *arg, const struct store_roster_row *row, char **cause)
{
	struct vm_load *l = arg;
	if (vm_load_rank(l, row->rank, cause) != 0)
		return -1;
	return vm_load_texts(l, &l->rows[l->n - 1], row, cause);
}

/* The roster comes in rowid order: so are the rows. */
static int vm_load_all(struct store *st, void *arg, char **cause)
{
	return store_contact_roster(st, vm_load_roster, arg, cause);
}

static void vm_contacts_index(struct vm_contacts *vm);

static void vm_load_begin(struct vm_load *l, struct vm_contacts *vm, int64_t now)
{
	memset(l, 0, sizeof *l);
	l->vm = vm;
	l->now = now;
	buf_init(&l->arena);
	buf_init(&l->hays);
	buf_putc(&l->arena, '\0'); /* offset 0 is "" */
	l->memo = xcalloc(VM_MEMO_SLOTS, sizeof *l->memo);
}

/* Frees what l read, for a load that failed. */
static void vm_load_abort(struct vm_load *l)
{
	free(l->rows);
	buf_free(&l->arena);
	buf_free(&l->hays);
}

/* vm's rows, texts and orders give way to l's rows[0..n) and texts (n may
 * be more than l->n: the rows past them are blank); nothing is shown until
 * the caller says what. */
static void vm_load_install(struct vm_contacts *vm, struct vm_load *l, size_t n, int64_t now)
{
	free(vm->rows);
	vm_orders_free(vm);
	vm_steps_free(vm);
	vm_shown_set(vm, NULL, 0, NULL);
	buf_free(&vm->arena);
	buf_free(&vm->hays);
	if (n > l->n) {
		vm->rows = xcalloc(n, sizeof *vm->rows);
		if (l->n > 0)
			memcpy(vm->rows, l->rows, l->n * sizeof *l->rows);
		free(l->rows);
	} else {
		vm->rows = l->rows;
	}
	vm->n = n;
	vm->arena = l->arena;
	vm->hays = l->hays;
	vm->now = now;
}

/* The whole roster read into l becomes vm's rows, the sort, filter, marks
 * and selected contact kept. */
static void vm_load_finish(struct vm_contacts *vm, struct vm_load *l, int64_t now)
{
	/* marks follow their contacts */
	for (size_t i = 0; i < vm->n; i++) {
		if (!vm->rows[i].marked)
			continue;
		struct vm_contact_row *r =
			bsearch(&vm->rows[i], l->rows, l->n, sizeof *l->rows, vm_row_cmp_rowid);
		if (r != NULL)
			r->marked = 1;
	}
	vm_load_install(vm, l, l->n, now);
	vm_contacts_index(vm);
}

int vm_contacts_load(struct vm_contacts *vm, int64_t now, char **cause)
{
	struct vm_load l;
	vm_load_begin(&l, vm, now);
	int rc = store_read(vm->st, vm_load_all, &l, cause);
	free(l.memo);
	if (rc != 0) {
		vm_load_abort(&l);
		return -1;
	}
	vm_load_finish(vm, &l, now);
	return 0;
}

/* ---- the first screen: the head of the ranked list ---- */

/* Keeps the k first of the load's rows in the order of the attention sort
 * (vm_contacts_order on them alone), in that order. */
static size_t vm_head_trim(void *arg, size_t k, double *kth)
{
	struct vm_load *l = arg;
	struct vm_contacts part;
	memset(&part, 0, sizeof part);
	part.rows = l->rows;
	part.n = l->n;
	const uint32_t *order = vm_contacts_order(&part, VM_SORT_ATTENTION);
	size_t keep = k < l->n ? k : l->n;
	struct vm_contact_row *best = xreallocarray(NULL, keep ? keep : 1, sizeof *best);
	for (size_t i = 0; i < keep; i++)
		best[i] = l->rows[order[i]];
	vm_orders_free(&part);
	if (keep > 0)
		memcpy(l->rows, best, keep * sizeof *best);
	free(best);
	l->n = keep;
	if (keep == k)
		*kth = l->rows[k - 1].score.attention;
	return keep;
}

/* The texts of the head's rows, which the roster gives in their order. */
static int vm_head_texts(void *arg, const struct store_roster_row *row, char **cause)
{
	struct vm_load *l = arg;
	while (l->texts < l->n && l->rows[l->texts].rowid != row->rowid)
		l->texts++;
	if (l->texts == l->n)
		return 0;
	return vm_load_texts(l, &l->rows[l->texts++], row, cause);
}

struct vm_head {
	struct vm_load *l;
	size_t k, total;
	int whole; /* the whole roster was read instead */
};

/* Up to this many contacts a head of k reads about as many rows as the
 * whole roster: that is read instead. */
#define VM_HEAD_MIN(k) (8 * (k) + 1024)

/* The count, the k best by attention, then their texts: one snapshot. */
static int vm_head_read(struct store *st, void *arg, char **cause)
{
	static const struct rank_best_ops ops = {vm_load_rank, NULL, vm_head_trim};
	struct vm_head *h = arg;
	struct vm_load *l = h->l;
	struct store_contact_filter all = {-1, NULL, 0, 0, NULL, 0};
	if (store_contact_roster_count(st, &h->total, cause) != 0)
		return -1;
	if (h->total <= VM_HEAD_MIN(h->k)) {
		h->whole = 1;
		return vm_load_all(st, l, cause);
	}
	if (rank_best(st, l->vm->params, &all, l->now, h->k, &ops, l, cause) != 0)
		return -1;
	int64_t *ids = xcalloc(l->n ? l->n : 1, sizeof *ids);
	for (size_t i = 0; i < l->n; i++)
		ids[i] = l->rows[i].rowid;
	int rc = store_contact_roster_of(st, ids, l->n, vm_head_texts, l, cause);
	free(ids);
	return rc;
}

int vm_contacts_load_head(struct vm_contacts *vm, int64_t now, size_t k, char **cause)
{
	if (k == 0 || vm->sort != VM_SORT_ATTENTION || vm->filter != NULL)
		return vm_contacts_load(vm, now, cause) == 0 ? 1 : -1;
	struct vm_load l;
	vm_load_begin(&l, vm, now);
	struct vm_head h = {&l, k, 0, 0};
	int rc = store_read(vm->st, vm_head_read, &h, cause);
	free(l.memo);
	if (rc != 0) {
		vm_load_abort(&l);
		return -1;
	}
	if (h.whole) {
		vm_load_finish(vm, &l, now);
		return 1;
	}
	size_t n = h.total > l.n ? h.total : l.n;
	vm_load_install(vm, &l, n, now);
	/* no filter runs on a head: its tests' arrays come with the whole roster */
	free(vm->chars);
	vm->chars = NULL;
	free(vm->hit);
	vm->hit = NULL;
	uint32_t *own = xcalloc(n ? n : 1, sizeof *own);
	for (size_t i = 0; i < l.n; i++)
		own[i] = (uint32_t)i;
	vm_shown_set(vm, own, n, own);
	vm->sel = 0;
	vm->top = 0;
	vm->want = l.n > 0 ? vm->rows[0].rowid : 0;
	return 0;
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
		vm_shown_set(vm, vm->n > 0 ? vm_contacts_order(vm, vm->sort) : NULL, vm->n, NULL);
		vm->tested = 0;
	} else {
		const uint32_t *in = from ? from->shown : vm_contacts_order(vm, vm->sort);
		size_t nin = from ? from->nshown : vm->n;
		uint32_t *out = xcalloc(nin ? nin : 1, sizeof *out);
		size_t k = vm_filter_rows(vm, in, nin, from == NULL, out);
		vm_shown_set(vm, out, k, out);
		vm->tested = nin;
	}
	vm_contacts_reselect(vm);
}

/* After a load: each row's chars in sequence, a bit a row for the filter,
 * then the rows shown and the selection found again. */
static void vm_contacts_index(struct vm_contacts *vm)
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
	vm_steps_free(vm);
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
		vm->need |= vm_chars(w, strlen(w));
		/* one letter or digit: its bit says it all */
		int alnum = (w[0] >= 'a' && w[0] <= 'z') || (w[0] >= '0' && w[0] <= '9');
		if (!alnum || w[1] != '\0')
			vm->exact = 0;
	}
	if (same) {
		vm_shown_set(vm, from->shown, from->nshown, NULL);
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
