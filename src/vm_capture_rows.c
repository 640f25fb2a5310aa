/* vm_capture_rows.c: what the capture prompt shows below the line, as rows of styled
 * spans: feedback, completion candidates, and the preview of the line or its error.
 * View layer, pure; depends on vm_capture.h, capture.h and date.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "err.h"
#include "vm_capture.h"
#include "vm_capture_int.h"

static const char *const vmc_weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

void vm_capture_rows_free(struct vm_capture *vm)
{
	for (size_t i = 0; i < vm->nrows; i++) {
		for (size_t k = 0; k < vm->rows[i].n; k++)
			free(vm->rows[i].spans[k].text);
		free(vm->rows[i].spans);
	}
	free(vm->rows);
	vm->rows = NULL;
	vm->nrows = 0;
}

static struct vm_capture_row *vmc_row(struct vm_capture *vm, int wrap)
{
	vm->rows = xreallocarray(vm->rows, vm->nrows + 1, sizeof *vm->rows);
	struct vm_capture_row *r = &vm->rows[vm->nrows++];
	r->spans = NULL;
	r->n = 0;
	r->wrap = wrap;
	return r;
}

static void vmc_span(struct vm_capture_row *r, enum vm_capture_style style, const char *text)
{
	r->spans = xreallocarray(r->spans, r->n + 1, sizeof *r->spans);
	r->spans[r->n].style = style;
	r->spans[r->n].text = xstrdup(text);
	r->n++;
}

static void vmc_spanf(struct vm_capture_row *r, enum vm_capture_style style, const char *fmt, ...)
	KITH_PRINTF(3, 4);

static void vmc_spanf(struct vm_capture_row *r, enum vm_capture_style style, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	r->spans = xreallocarray(r->spans, r->n + 1, sizeof *r->spans);
	r->spans[r->n].style = style;
	r->spans[r->n].text = s;
	r->n++;
}

/* "today 10:00", "yesterday 12:00", "Mon 2026-11-16 12:00"; with_time 0
 * leaves the time out (due dates). */
static void vmc_when(char *out, size_t size, int64_t t, int64_t now, int with_time)
{
	char minute[24], day[16];
	date_format_minute(t, minute);
	date_format_day(t, day);
	int days = date_days_between(t, now);
	const char *clock = with_time ? minute + 11 : "";
	const char *sep = with_time ? " " : "";
	if (days == 0)
		snprintf(out, size, "today%s%s", sep, clock);
	else if (days == 1)
		snprintf(out, size, "yesterday%s%s", sep, clock);
	else if (days == -1)
		snprintf(out, size, "tomorrow%s%s", sep, clock);
	else {
		time_t tt = (time_t)t;
		struct tm tm;
		const char *wd = "";
		if (localtime_r(&tt, &tm) != NULL && tm.tm_wday >= 0 && tm.tm_wday < 7)
			wd = vmc_weekdays[tm.tm_wday];
		snprintf(out, size, "%s %s%s%s", wd, day, sep, clock);
	}
}

static void vmc_rows_people(struct vm_capture *vm)
{
	struct vm_capture_row *r = vmc_row(vm, 0);
	vmc_span(r, VM_CAPTURE_STYLE_LABEL, "with ");
	for (size_t i = 0; i < vm->npeople; i++) {
		const struct vm_capture_person *p = &vm->people[i];
		if (i > 0)
			vmc_span(r, VM_CAPTURE_STYLE_TEXT, ", ");
		char *m = capture_mention_format(p->text);
		switch (p->who) {
		case VM_CAPTURE_WHO_FOUND:
			vmc_span(r, VM_CAPTURE_STYLE_FOUND, p->name);
			break;
		case VM_CAPTURE_WHO_NEW:
			vmc_span(r, VM_CAPTURE_STYLE_NEW, p->name);
			vmc_span(r, VM_CAPTURE_STYLE_DIM, " new");
			break;
		case VM_CAPTURE_WHO_AMBIGUOUS:
			vmc_spanf(r, VM_CAPTURE_STYLE_WARN, "%s ?ambiguous%s", m,
			          p->same_name ? " (same name)" : "");
			break;
		case VM_CAPTURE_WHO_UNKNOWN:
			vmc_spanf(r, VM_CAPTURE_STYLE_ERROR, "%s unknown", m);
			break;
		}
		free(m);
	}
}

static void vmc_rows_parsed(struct vm_capture *vm)
{
	const struct capture *c = &vm->cap;
	char when[48];
	struct vm_capture_row *r = vmc_row(vm, 0);
	struct buf kind;
	buf_init(&kind);
	model_kind_label(&kind, c->kind, c->service, c->dir, 0);
	vmc_span(r, VM_CAPTURE_STYLE_KIND, buf_str(&kind));
	buf_free(&kind);
	vmc_when(when, sizeof when, c->at, vm->now, 1);
	vmc_span(r, VM_CAPTURE_STYLE_LABEL, "  when ");
	vmc_span(r, VM_CAPTURE_STYLE_TEXT, when);
	if (c->dir != DIR_NONE) {
		vmc_span(r, VM_CAPTURE_STYLE_LABEL, "  direction ");
		vmc_span(r, VM_CAPTURE_STYLE_TEXT, model_direction_name(c->dir));
	}
	if (c->deep)
		vmc_span(r, VM_CAPTURE_STYLE_TEXT, "  deep");

	vmc_rows_people(vm);

	if (c->tags.n > 0 || c->nfollowups > 0) {
		r = vmc_row(vm, 0);
		if (c->tags.n > 0) {
			vmc_span(r, VM_CAPTURE_STYLE_LABEL, "tags");
			for (size_t i = 0; i < c->tags.n; i++)
				vmc_spanf(r, VM_CAPTURE_STYLE_TAG, " #%s", c->tags.v[i]);
		}
		for (size_t i = 0; i < c->nfollowups; i++) {
			vmc_when(when, sizeof when, c->followups[i], vm->now, 0);
			if (i == 0)
				vmc_span(r, VM_CAPTURE_STYLE_LABEL,
				         c->tags.n > 0 ? "  follow-up " : "follow-up ");
			else
				vmc_span(r, VM_CAPTURE_STYLE_TEXT, ", ");
			vmc_span(r, VM_CAPTURE_STYLE_TEXT, when);
		}
	}
	if (vm->summary != NULL && vm->summary[0] != '\0') {
		r = vmc_row(vm, 0);
		vmc_span(r, VM_CAPTURE_STYLE_LABEL, "note ");
		vmc_span(r, VM_CAPTURE_STYLE_DIM, vm->summary);
	}
}

static void vmc_rows_completion(struct vm_capture *vm)
{
	const struct vm_capture_completion *c = &vm->comp;
	struct vm_capture_row *r = vmc_row(vm, 0);
	vmc_spanf(r, VM_CAPTURE_STYLE_LABEL, "%zu/%zu ", c->pos < c->n ? c->pos + 1 : 0, c->n);
	for (size_t i = 0; i < c->n; i++) {
		if (i > 0)
			vmc_span(r, VM_CAPTURE_STYLE_DIM, " · ");
		vmc_span(r, i == c->pos ? VM_CAPTURE_STYLE_SELECTED : VM_CAPTURE_STYLE_TEXT,
		         c->labels[i]);
	}
}

void vm_capture_rows_build(struct vm_capture *vm)
{
	vm_capture_rows_free(vm);
	if (vm->message != NULL) {
		struct vm_capture_row *r = vmc_row(vm, 1);
		vmc_span(r, vm->message_style, vm->message);
	}
	if (vm->comp.active && vm->comp.n > 1)
		vmc_rows_completion(vm);
	if (vm->blank) {
		struct vm_capture_row *r = vmc_row(vm, 0);
		vmc_span(r, VM_CAPTURE_STYLE_DIM,
		         "what happened? e.g. yesterday coffee with @ana +gave #devconf !1w");
	} else if (!vm->parsed) {
		struct vm_capture_row *r = vmc_row(vm, 1);
		vmc_span(r, VM_CAPTURE_STYLE_ERROR, vm->err.message ? vm->err.message : "?");
	} else {
		vmc_rows_parsed(vm);
	}
}
