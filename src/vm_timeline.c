/* vm_timeline.c: the timeline pane's interactions (vm_timeline.h), read from
 * the store only when the selection settles on another contact or the journal
 * changed. View layer; depends on store.h, date.h, model.h. */
#include "vm_timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "store.h"
#include "utf8.h"

void vm_timeline_init(struct vm_timeline *vm, struct store *st)
{
	memset(vm, 0, sizeof *vm);
	vm->st = st;
}

void vm_timeline_free(struct vm_timeline *vm)
{
	interactions_free(vm->v, vm->n);
	vm->v = NULL;
	vm->n = 0;
	vm->loaded = 0;
}

int vm_timeline_stale(const struct vm_timeline *vm, int64_t contact)
{
	return !vm->loaded || vm->loaded_for != (vm->everyone ? 0 : contact);
}

int vm_timeline_load(struct vm_timeline *vm, int64_t contact, char **cause)
{
	int64_t who = vm->everyone ? 0 : contact;
	struct interaction *v = NULL;
	size_t n = 0;
	if (vm->everyone || who != 0) {
		struct store_timeline_query q = {who, 0, 0, VM_TIMELINE_MAX};
		if (store_timeline(vm->st, &q, &v, &n, cause) != 0)
			return -1;
	}
	int same = vm->loaded && vm->loaded_for == who;
	interactions_free(vm->v, vm->n);
	vm->v = v;
	vm->n = n;
	vm->loaded = 1;
	vm->loaded_for = who;
	if (!same || vm->top >= n)
		vm->top = 0;
	return 0;
}

void vm_timeline_invalidate(struct vm_timeline *vm)
{
	vm->loaded = 0;
}

int vm_timeline_toggle_scope(struct vm_timeline *vm)
{
	vm->everyone = !vm->everyone;
	vm->loaded = 0;
	vm->top = 0;
	return vm->everyone;
}

int vm_timeline_scroll(struct vm_timeline *vm, long delta, size_t height)
{
	size_t max = vm->n > height ? vm->n - height : 0;
	size_t t = vm->top;
	if (delta < 0)
		t = (size_t)-delta > t ? 0 : t - (size_t)-delta;
	else
		t = t + (size_t)delta > max ? max : t + (size_t)delta;
	int moved = t != vm->top;
	vm->top = t;
	return moved;
}

const char *vm_timeline_arrow(enum direction d)
{
	switch (d) {
	case DIR_GAVE:
		return "\u2192";
	case DIR_GOT:
		return "\u2190";
	case DIR_MUTUAL:
		return "\u2194";
	case DIR_NONE:
	case DIR_COUNT:
		break;
	}
	return " ";
}

/* The kind label of one interaction into out (truncated to fit, which no
 * label of model_kind_label needs). */
static void vm_timeline_kind(const struct interaction *in, char out[48])
{
	struct buf b;
	buf_init(&b);
	model_kind_label(&b, in->kind, in->service, in->dir, 0);
	snprintf(out, 48, "%s", buf_str(&b));
	buf_free(&b);
}

size_t vm_timeline_kind_cells(const struct vm_timeline *vm, size_t top, size_t n, size_t width)
{
	size_t w = 9, most = width * 2 / 5 > w ? width * 2 / 5 : w;
	for (size_t i = top; i < vm->n && i - top < n; i++) {
		char kind[48];
		vm_timeline_kind(&vm->v[i], kind);
		size_t k = utf8_width(kind) + 1;
		if (k > w)
			w = k;
	}
	return w < most ? w : most;
}

void vm_timeline_cells(const struct vm_timeline *vm, size_t i, int64_t self,
                       struct vm_timeline_cells *out)
{
	const struct interaction *in = &vm->v[i];
	date_format_day(in->at, out->day);
	vm_timeline_kind(in, out->kind);
	out->arrow = vm_timeline_arrow(in->dir);
	out->summary = in->summary != NULL ? in->summary : "";
	struct buf b;
	buf_init(&b);
	for (size_t k = 0; k < in->ncontacts; k++) {
		if (in->contacts[k].rowid == self && !vm->everyone)
			continue;
		if (b.len > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, in->contacts[k].name != NULL ? in->contacts[k].name : "?");
	}
	out->others = buf_detach(&b);
	if (out->others == NULL)
		out->others = xstrdup("");
}
