/* vm_contacts_sort.c: the contacts pane's orders (vm_contacts_int.h): a sort
 * key per row, a radix sort by the sort's value, then the ties by the other
 * levels. View layer; depends on vm_contacts.h, utf8.h. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"
#include "vm_contacts_int.h"

/* A row's sort key, made once per sort: the value compared first, so that a
 * sort touches the rows only to break ties. */
struct vm_key {
	uint64_t pre; /* the value as a number in the sort's order (vm_key_level) */
	uint32_t at; /* index into rows */
};

/* The first 8 bytes of s (up to end), big-endian, 0 after its end. */
static uint64_t vm_key_prefix(const char *s, char end)
{
	uint64_t v = 0;
	int i = 0;
	for (; i < 8 && s[i] != end && s[i] != '\0'; i++)
		v = v << 8 | (unsigned char)s[i];
	return v << (8 * (8 - i));
}

static int vm_cmp_desc(double a, double b)
{
	return a > b ? -1 : a < b ? 1 : 0;
}

/* The folded names at the start of two haystacks, as strcmp would order them. */
static int vm_hay_name_cmp(const char *a, const char *b)
{
	while (*a == *b && *a != '\n') {
		a++;
		b++;
	}
	unsigned char x = *a == '\n' ? 0 : (unsigned char)*a, y = *b == '\n' ? 0 : (unsigned char)*b;
	return x < y ? -1 : x > y;
}

/* As `kith list`: the sort's value, then importance, then longer silence,
 * then the id; by name: the folded name, the name, the id. */
static int vm_key_cmp(const struct vm_contacts *vm, enum vm_sort s, const struct vm_key *a,
                      const struct vm_key *b)
{
	int c = 0;
	if (a->pre != b->pre)
		return a->pre < b->pre ? -1 : 1;
	/* a tie on the key: the rows themselves */
	const struct vm_contact_row *ra = &vm->rows[a->at], *rb = &vm->rows[b->at];
	if (s == VM_SORT_NAME) {
		c = vm_hay_name_cmp(vm->hays.data + ra->hay, vm->hays.data + rb->hay);
		if (c == 0)
			c = strcmp(vm->arena.data + ra->name, vm->arena.data + rb->name);
	} else {
		c = vm_cmp_desc(ra->score.importance, rb->score.importance);
		if (c == 0)
			c = vm_cmp_desc(ra->score.days_since, rb->score.days_since);
	}
	return c != 0 ? c : strcmp(ra->id, rb->id);
}

/* A merge sort of the keys: qsort has no argument for the rows. */
static void vm_sort_range(const struct vm_contacts *vm, enum vm_sort s, struct vm_key *v,
                          struct vm_key *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	vm_sort_range(vm, s, v, tmp, h);
	vm_sort_range(vm, s, v + h, tmp, n - h);
	if (vm_key_cmp(vm, s, &v[h], &v[h - 1]) >= 0)
		return; /* already in order */
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = vm_key_cmp(vm, s, &v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

/* A value as an unsigned number that sorts highest first (0 and -0 alike,
 * NaN last). */
static uint64_t vm_radix_desc(double d)
{
	if (d != d)
		return UINT64_MAX;
	if (d == 0)
		d = 0; /* -0 sorts with 0 */
	uint64_t b;
	memcpy(&b, &d, sizeof b);
	b = b >> 63 ? ~b : b | UINT64_C(1) << 63; /* ascending with d */
	return ~b;
}

/* What sort s compares at level 0 (its value), 1 (importance), 2 (days of
 * silence) and 3 (the id's first 8 bytes), as numbers in their order; by
 * name, level 0 only (the folded name's first 8 bytes). */
static uint64_t vm_key_level(const struct vm_contacts *vm, enum vm_sort s, int level,
                             const struct vm_contact_row *r)
{
	const struct score_brief *b = &r->score;
	if (level == 1)
		return vm_radix_desc(b->importance);
	if (level == 2)
		return vm_radix_desc(b->days_since);
	if (level == 3)
		return vm_key_prefix(r->id, '\0');
	switch (s) {
	case VM_SORT_ATTENTION:
		return vm_radix_desc(b->attention);
	case VM_SORT_WARMTH:
		return vm_radix_desc(b->warmth);
	case VM_SORT_RECENCY:
		return vm_radix_desc(b->recency);
	case VM_SORT_BALANCE:
		return vm_radix_desc(-b->balance); /* the lowest balance first */
	case VM_SORT_NAME:
	case VM_SORT_COUNT:
		break;
	}
	return vm_key_prefix(vm->hays.data + r->hay, '\n');
}

/* Sorts the keys by pre, keeping the order of equal ones: a radix sort of
 * 11 bits a pass, the passes where every key has the same digit skipped. */
static void vm_sort_radix(struct vm_key *keys, struct vm_key *tmp, size_t n, size_t *count)
{
	enum { BITS = 11, BUCKETS = 1 << BITS };
	struct vm_key *v = keys, *w = tmp; /* each pass from v into w, then they swap */
	for (int shift = 0; shift < 64 && n > 0; shift += BITS) {
		memset(count, 0, BUCKETS * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[(v[i].pre >> shift) & (BUCKETS - 1)]++;
		if (count[(v[0].pre >> shift) & (BUCKETS - 1)] == n)
			continue; /* one digit for all */
		size_t at = 0;
		for (size_t d = 0; d < BUCKETS; d++) {
			size_t c = count[d];
			count[d] = at;
			at += c;
		}
		for (size_t i = 0; i < n; i++)
			w[count[(v[i].pre >> shift) & (BUCKETS - 1)]++] = v[i];
		struct vm_key *t = v;
		v = w;
		w = t;
	}
	if (v != keys)
		memcpy(keys, v, n * sizeof *keys);
}

/* Runs of keys alike in the sort's value shorter than this are ordered by
 * vm_key_cmp alone; longer ones are first sorted by the other levels. */
#define VM_TIES_RADIX 64

/* Every row's index in the order of sort s, made the first time it is asked
 * for: sorted by the sort's value (a radix sort), then each run of keys alike
 * in it by the other levels of the comparison, the last first (a stable radix
 * sort each, for a long run), so that only keys alike in every level (by
 * name: in the first 8 bytes) are left for vm_key_cmp to order. Values seldom
 * tie: most rows are sorted once, not once a level. */
const uint32_t *vm_contacts_order(struct vm_contacts *vm, enum vm_sort s)
{
	if (vm->order[s] != NULL)
		return vm->order[s];
	/* the inverse kept is another sort's: made again when asked for, and
	   not held while this one is made */
	free(vm->pos);
	vm->pos = NULL;
	size_t n = vm->n;
	struct vm_key *keys = xcalloc(n ? n : 1, sizeof *keys);
	struct vm_key *tmp = xcalloc(n ? n : 1, sizeof *tmp);
	size_t *count = xcalloc(1 << 11, sizeof *count);
	for (size_t i = 0; i < n; i++) {
		keys[i].at = (uint32_t)i;
		keys[i].pre = vm_key_level(vm, s, 0, &vm->rows[i]);
	}
	vm_sort_radix(keys, tmp, n, count);
	/* runs of one value: the other levels, then the rows decide (in order
	 * already but for the name's rest and the id's) */
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && keys[j].pre == keys[i].pre)
			j++;
		uint64_t value = keys[i].pre;
		for (int level = 3; s != VM_SORT_NAME && j - i > VM_TIES_RADIX && level > 0; level--) {
			for (size_t k = i; k < j; k++)
				keys[k].pre = vm_key_level(vm, s, level, &vm->rows[keys[k].at]);
			vm_sort_radix(keys + i, tmp, j - i, count);
			if (level == 1)
				for (size_t k = i; k < j; k++)
					keys[k].pre = value;
		}
		vm_sort_range(vm, s, keys + i, tmp, j - i);
		i = j;
	}
	free(count);
	free(tmp);
	uint32_t *order = xcalloc(n ? n : 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = keys[i].at;
	free(keys);
	vm->order[s] = order;
	return order;
}

const uint32_t *vm_contacts_pos(struct vm_contacts *vm, enum vm_sort s)
{
	const uint32_t *order = vm_contacts_order(vm, s);
	if (vm->pos != NULL && vm->pos_sort == s)
		return vm->pos;
	if (vm->pos == NULL)
		vm->pos = xcalloc(vm->n ? vm->n : 1, sizeof *vm->pos);
	for (size_t i = 0; i < vm->n; i++)
		vm->pos[order[i]] = (uint32_t)i;
	vm->pos_sort = s;
	return vm->pos;
}

