/* vm_contacts_load.c: the contacts pane's rows read from the store: the whole
 * roster in one scan (texts and rank values), or for a first screen its head
 * by attention and the count. View layer; depends on store_roster.h,
 * rank_best.h, score.h and utf8.h. */
#include "vm_contacts.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "rank_best.h"
#include "store.h"
#include "store_roster.h"
#include "utf8.h"
#include "vm_contacts_int.h"

/* A text many contacts share (an organisation, a set of tags): where it is
 * in the arena and where its folded form is in the haystacks. */
struct vm_memo_slot {
	uint32_t hash, arena, len, hay, hay_len; /* len: of the text, in bytes */
	uint64_t chars; /* vm_contacts_chars of its folded form */
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
uint64_t vm_contacts_chars(const char *s, size_t n)
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
	uint64_t c = vm_contacts_chars(l->hays.data + hay, l->hays.len - hay);
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
	r->chars = vm_contacts_chars(row->folded, row->folded_len) | vm_char_bit('\n');
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
	vm_contacts_orders_free(vm);
	vm_contacts_steps_free(vm);
	vm_contacts_shown_set(vm, NULL, 0, NULL);
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
	vm_contacts_orders_free(&part);
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
	vm_contacts_shown_set(vm, own, n, own);
	vm->sel = 0;
	vm->top = 0;
	vm->want = l.n > 0 ? vm->rows[0].rowid : 0;
	return 0;
}
