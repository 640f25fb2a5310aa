/* vm_review.c: the weekly review screen's model (vm_review.h): its sections
 * and items, the selection, the sparklines and the lines for a width. View
 * layer, pure but for vm_review_load (vm_review_load.c); depends on buf.h,
 * utf8.h and vm_lines.h. */
#include "vm_review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void vm_review_init(struct vm_review *vm, struct store *st, const struct score_params *params)
{
	memset(vm, 0, sizeof *vm);
	vm->st = st;
	vm->params = params;
}

void vm_review_clear(struct vm_review *vm)
{
	for (size_t i = 0; i < vm->nsec; i++) {
		struct vm_review_section *s = &vm->sec[i];
		for (size_t k = 0; k < s->n; k++) {
			free(s->items[k].name);
			free(s->items[k].why);
		}
		free(s->items);
		free(s->title);
		free(s->nudge);
	}
	vm->nsec = 0;
	free(vm->title);
	free(vm->summary);
	free(vm->nudge);
	vm->title = vm->summary = vm->nudge = NULL;
	memset(vm->weeks, 0, sizeof vm->weeks);
	memset(vm->gave, 0, sizeof vm->gave);
	memset(vm->got, 0, sizeof vm->got);
	vm->loaded = 0;
}

void vm_review_free(struct vm_review *vm)
{
	vm_review_clear(vm);
	free(vm->sec);
	memset(vm, 0, sizeof *vm);
}

struct vm_review_section *vm_review_add_section(struct vm_review *vm, const char *title,
                                                const char *nudge, int column)
{
	if (vm->nsec == vm->capsec) {
		vm->capsec = vm->capsec ? vm->capsec * 2 : 8;
		vm->sec = xreallocarray(vm->sec, vm->capsec, sizeof *vm->sec);
	}
	struct vm_review_section *s = &vm->sec[vm->nsec++];
	memset(s, 0, sizeof *s);
	s->title = xstrdup(title);
	s->nudge = nudge && *nudge ? xstrdup(nudge) : NULL;
	s->column = column ? 1 : 0;
	return s;
}

void vm_review_add_item(struct vm_review_section *s, int64_t contact, int64_t followup,
                        const char *name, const char *why, enum theme_role role)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->items = xreallocarray(s->items, s->cap, sizeof *s->items);
	}
	struct vm_review_item *it = &s->items[s->n++];
	it->contact = contact;
	it->followup = followup;
	it->name = xstrdup(name ? name : "");
	it->why = xstrdup(why ? why : "");
	it->role = role;
}

size_t vm_review_count(const struct vm_review *vm)
{
	size_t n = 0;
	for (size_t i = 0; i < vm->nsec; i++)
		n += vm->sec[i].n;
	return n;
}

const struct vm_review_item *vm_review_at(const struct vm_review *vm, size_t i)
{
	for (size_t s = 0; s < vm->nsec; s++) {
		if (i < vm->sec[s].n)
			return &vm->sec[s].items[i];
		i -= vm->sec[s].n;
	}
	return NULL;
}

const struct vm_review_item *vm_review_selected(const struct vm_review *vm)
{
	return vm_review_at(vm, vm->sel);
}

int vm_review_move(struct vm_review *vm, long delta, int to_end)
{
	size_t n = vm_review_count(vm);
	if (n == 0)
		return 0;
	size_t to = vm->sel;
	if (to_end)
		to = delta < 0 ? 0 : n - 1;
	else if (delta < 0)
		to = (size_t)-delta > to ? 0 : to - (size_t)-delta;
	else
		to = (size_t)delta >= n - to ? n - 1 : to + (size_t)delta;
	int moved = to != vm->sel;
	vm->sel = to;
	return moved;
}

/* The section of item i and the index of its first item. */
static size_t vm_review_section_of(const struct vm_review *vm, size_t i, size_t *first)
{
	size_t base = 0;
	for (size_t s = 0; s < vm->nsec; s++) {
		if (i < base + vm->sec[s].n) {
			*first = base;
			return s;
		}
		base += vm->sec[s].n;
	}
	*first = base;
	return vm->nsec;
}

int vm_review_next_section(struct vm_review *vm, int dir)
{
	size_t n = vm_review_count(vm);
	if (n == 0 || vm->nsec == 0)
		return 0;
	size_t first;
	size_t s = vm_review_section_of(vm, vm->sel, &first);
	/* the first item of each section, to step over those without items */
	for (size_t step = 1; step <= vm->nsec; step++) {
		size_t t = dir < 0 ? (s + vm->nsec - step % vm->nsec) % vm->nsec : (s + step) % vm->nsec;
		if (vm->sec[t].n == 0)
			continue;
		size_t at = 0;
		for (size_t k = 0; k < t; k++)
			at += vm->sec[k].n;
		int moved = at != vm->sel;
		vm->sel = at;
		return moved;
	}
	return 0;
}

int vm_review_select_in(struct vm_review *vm, const char *section, int64_t contact,
                        int64_t followup)
{
	size_t at = 0;
	for (size_t s = 0; s < vm->nsec; s++) {
		const struct vm_review_section *sec = &vm->sec[s];
		for (size_t k = 0; k < sec->n; k++, at++) {
			const struct vm_review_item *it = &sec->items[k];
			if ((section == NULL || strcmp(sec->title, section) == 0) &&
			    it->contact == contact && (followup == 0 || it->followup == followup)) {
				vm->sel = at;
				return 1;
			}
		}
	}
	return 0;
}

int vm_review_select_near(struct vm_review *vm, const char *section, size_t offset)
{
	size_t at = 0;
	for (size_t s = 0; s < vm->nsec; s++) {
		const struct vm_review_section *sec = &vm->sec[s];
		if (sec->n > 0 && strcmp(sec->title, section) == 0) {
			vm->sel = at + (offset < sec->n ? offset : sec->n - 1);
			return 1;
		}
		at += sec->n;
	}
	return 0;
}

size_t vm_review_offset(const struct vm_review *vm, size_t i)
{
	size_t first;
	vm_review_section_of(vm, i, &first);
	return i - first;
}

const char *vm_review_section_title(const struct vm_review *vm, size_t i)
{
	size_t first;
	size_t s = vm_review_section_of(vm, i, &first);
	return s < vm->nsec ? vm->sec[s].title : "";
}

void vm_review_sparkline(const unsigned *v, size_t n, unsigned max, int ascii, struct buf *out)
{
	static const char *const bars[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
	                                    "\u2585", "\u2586", "\u2587", "\u2588"};
	static const char ascii_bars[] = "_-~=+*#@";
	if (max == 0)
		for (size_t i = 0; i < n; i++)
			if (v[i] > max)
				max = v[i];
	for (size_t i = 0; i < n; i++) {
		if (v[i] == 0) {
			buf_puts(out, ascii ? "." : "\u00b7");
			continue;
		}
		unsigned c = v[i] > max ? max : v[i];
		/* 1 to 8 eighths, rounded up: any count shows */
		size_t level = (size_t)(((unsigned long long)c * 8 + max - 1) / max);
		if (level < 1)
			level = 1;
		if (ascii)
			buf_putc(out, ascii_bars[level - 1]);
		else
			buf_puts(out, bars[level - 1]);
	}
}

void vm_review_view_init(struct vm_review_view *out)
{
	memset(out, 0, sizeof *out);
	vm_lines_init(&out->head);
	vm_lines_init(&out->col[0]);
	vm_lines_init(&out->col[1]);
}

void vm_review_view_free(struct vm_review_view *out)
{
	vm_lines_free(&out->head);
	vm_lines_free(&out->col[0]);
	vm_lines_free(&out->col[1]);
}

/* "interactions ▁▂▃  12 this week": a label, the line, what it adds up to. */
static void vm_review_spark_line(struct vm_lines *l, const char *label, const unsigned *v,
                                 unsigned max, int ascii, const char *after)
{
	struct buf b;
	buf_init(&b);
	utf8_fit(&b, label, 13, 1);
	vm_review_sparkline(v, VM_REVIEW_WEEKS, max, ascii, &b);
	if (after != NULL && *after) {
		buf_puts(&b, "  ");
		buf_puts(&b, after);
	}
	vm_lines_add(l, THEME_SPARKLINE, buf_str(&b));
	buf_free(&b);
}

/* One item's line: the selection mark, the name in namew cells, then why. */
static void vm_review_item_line(struct vm_lines *l, const struct vm_review_item *it, int sel,
                                size_t namew)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, sel ? "> " : "  ");
	utf8_fit(&b, it->name, namew, 1);
	buf_puts(&b, " ");
	buf_puts(&b, it->why);
	vm_lines_add(l, sel ? THEME_SELECTED : it->role, buf_str(&b));
	buf_free(&b);
}

static unsigned vm_review_max2(const unsigned *a, const unsigned *b)
{
	unsigned m = 0;
	for (size_t i = 0; i < VM_REVIEW_WEEKS; i++) {
		if (a[i] > m)
			m = a[i];
		if (b[i] > m)
			m = b[i];
	}
	return m;
}

void vm_review_layout(const struct vm_review *vm, size_t width, int ascii,
                      struct vm_review_view *out)
{
	vm_lines_clear(&out->head);
	vm_lines_clear(&out->col[0]);
	vm_lines_clear(&out->col[1]);
	out->columns = width >= VM_REVIEW_TWO_COLS ? 2 : 1;
	out->colw = out->columns == 2 ? (width - 3) / 2 : width;
	out->sel_col = out->sel_line = out->sel_from = VM_REVIEW_NO_ITEM;

	unsigned total = 0, gave = 0, got = 0;
	for (size_t i = 0; i < VM_REVIEW_WEEKS; i++) {
		total += vm->weeks[i];
		gave += vm->gave[i];
		got += vm->got[i];
	}
	char after[64];
	snprintf(after, sizeof after, "%u in 12 weeks", total);
	vm_review_spark_line(&out->head, "interactions", vm->weeks, 0, ascii, after);
	/* gave and got on one scale, so that the two lines compare */
	unsigned max = vm_review_max2(vm->gave, vm->got);
	snprintf(after, sizeof after, "%u given", gave);
	vm_review_spark_line(&out->head, "gave", vm->gave, max, ascii, after);
	snprintf(after, sizeof after, "%u received", got);
	vm_review_spark_line(&out->head, "got", vm->got, max, ascii, after);
	if (vm->summary != NULL)
		vm_lines_add(&out->head, THEME_NORMAL, vm->summary);
	if (vm->nudge != NULL)
		vm_lines_add(&out->head, THEME_MUTED, vm->nudge);

	/* the names in one column as wide as the widest, within a third of it */
	size_t namew = 0, cap = out->colw >= 60 ? 22 : out->colw / 3;
	for (size_t i = 0, n = vm_review_count(vm); i < n; i++) {
		size_t w = utf8_width(vm_review_at(vm, i)->name);
		namew = w > namew ? w : namew;
	}
	if (namew > cap)
		namew = cap;
	size_t at = 0;
	for (size_t s = 0; s < vm->nsec; s++) {
		const struct vm_review_section *sec = &vm->sec[s];
		size_t c = out->columns == 2 ? (size_t)sec->column : 0;
		struct vm_lines *l = &out->col[c];
		if (l->n > 0)
			vm_lines_add(l, THEME_NORMAL, "");
		size_t title = l->n;
		if (sec->n > 0)
			vm_lines_addf(l, THEME_HEADER, "%s (%zu)", sec->title, sec->n);
		else
			vm_lines_add(l, THEME_HEADER, sec->title);
		for (size_t k = 0; k < sec->n; k++, at++) {
			int sel = at == vm->sel;
			if (sel) {
				out->sel_col = c;
				out->sel_line = l->n;
				out->sel_from = k == 0 ? title : l->n;
			}
			vm_review_item_line(l, &sec->items[k], sel, namew);
		}
		if (sec->more > 0)
			vm_lines_addf(l, THEME_MUTED, "  and %zu more", sec->more);
		if (sec->nudge != NULL)
			vm_lines_addf(l, THEME_MUTED, "  %s", sec->nudge);
	}
}

size_t vm_review_view_body(const struct vm_review_view *v)
{
	return v->col[0].n > v->col[1].n ? v->col[0].n : v->col[1].n;
}

void vm_review_scroll(struct vm_review *vm, const struct vm_review_view *v, size_t height)
{
	size_t total = v->head.n + vm_review_view_body(v);
	size_t max = total > height ? total - height : 0;
	if (height > 0 && v->sel_line != VM_REVIEW_NO_ITEM) {
		size_t line = v->head.n + v->sel_line, from = v->head.n + v->sel_from;
		if (vm->sel == 0 && line < height)
			vm->top = 0; /* the first row: the head shows with it */
		else if (from < vm->top)
			vm->top = line - from < height ? from : line;
		else if (line >= vm->top + height)
			vm->top = line - height + 1;
	}
	if (vm->top > max)
		vm->top = max;
}
