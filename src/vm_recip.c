/* vm_recip.c: one contact's give and take, score terms, follow-ups and whole
 * record as lines (vm_recip.h), read from the store when the selection
 * settles. View layer; depends on store.h, score.h, explain.h, date.h, utf8.h. */
#include "vm_recip.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "store.h"
#include "utf8.h"

void vm_recip_init(struct vm_recip *vm, struct store *st, const struct score_params *params)
{
	memset(vm, 0, sizeof *vm);
	vm->st = st;
	vm->params = params;
}

static void vm_recip_drop(struct vm_recip *vm)
{
	if (vm->rowid != 0)
		contact_free(&vm->c);
	interactions_free(vm->in, vm->nin);
	followups_free(vm->fu, vm->nfu);
	vm->in = NULL;
	vm->fu = NULL;
	vm->nin = vm->nfu = 0;
	vm->rowid = 0;
	vm->nex = 0;
}

void vm_recip_free(struct vm_recip *vm)
{
	vm_recip_drop(vm);
	vm->loaded = 0;
}

int vm_recip_stale(const struct vm_recip *vm, int64_t rowid)
{
	return !vm->loaded || vm->rowid != rowid;
}

void vm_recip_invalidate(struct vm_recip *vm)
{
	vm->loaded = 0;
}

struct vm_recip_load {
	struct vm_recip *vm;
	int64_t rowid, now;
	const struct interaction *given; /* every interaction, already read; NULL: read them */
	size_t ngiven;
	struct contact c;
	struct score s;
	struct interaction *in;
	size_t nin;
	struct followup *fu;
	size_t nfu;
};

/* The first 2 * VM_RECIP_SERVICES services of v[0..n) into *out (caller
 * frees with interactions_free): what the pane shows of each (time, kind,
 * direction, summary), no tags or contacts. Returns their number. */
static size_t vm_recip_services_copy(const struct interaction *v, size_t n,
                                     struct interaction **out)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k < 2 * VM_RECIP_SERVICES; i++)
		k += model_interaction_service(&v[i]) != IKIND_NONE;
	*out = xcalloc(k ? k : 1, sizeof **out);
	size_t j = 0;
	for (size_t i = 0; i < n && j < k; i++) {
		if (model_interaction_service(&v[i]) == IKIND_NONE)
			continue;
		struct interaction *c = &(*out)[j++];
		interaction_init(c);
		c->rowid = v[i].rowid;
		memcpy(c->id, v[i].id, sizeof c->id);
		c->at = v[i].at;
		c->kind = v[i].kind;
		c->service = v[i].service;
		c->dir = v[i].dir;
		c->deep = v[i].deep;
		free(c->summary);
		c->summary = xstrdup(v[i].summary != NULL ? v[i].summary : "");
		c->created_at = v[i].created_at;
		c->updated_at = v[i].updated_at;
	}
	return k;
}

static int vm_recip_read(struct store *st, void *arg, char **cause)
{
	struct vm_recip_load *l = arg;
	int got = store_contact_get(st, l->rowid, &l->c, cause);
	if (got != 0)
		return got < 0 ? -1 : err_set(cause, "the contact is gone");
	struct interaction *all = NULL;
	size_t n = 0;
	struct store_timeline_query q = {l->rowid, 0, 0, 0};
	struct store_followup_query fq = {l->rowid, 1, 0};
	if (l->given != NULL)
		n = vm_recip_services_copy(l->given, l->ngiven, &all);
	if (store_contact_score(st, &l->c, l->vm->params, l->now, &l->s, cause) != 0 ||
	    (l->given == NULL && store_timeline(st, &q, &all, &n, cause) != 0) ||
	    store_followups(st, &fq, &l->fu, &l->nfu, cause) != 0) {
		interactions_free(all, n);
		contact_free(&l->c);
		return -1;
	}
	/* keep the services, moving them to the front of the array */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (model_interaction_service(&all[i]) != IKIND_NONE &&
		    k < 2 * VM_RECIP_SERVICES) {
			struct interaction t = all[k];
			all[k++] = all[i];
			all[i] = t;
		}
	}
	for (size_t i = k; i < n; i++)
		interaction_free(&all[i]);
	l->in = all;
	l->nin = k;
	return 0;
}

int vm_recip_load(struct vm_recip *vm, int64_t rowid, int64_t now, char **cause)
{
	return vm_recip_load_from(vm, rowid, now, NULL, 0, cause);
}

int vm_recip_load_from(struct vm_recip *vm, int64_t rowid, int64_t now,
                       const struct interaction *all, size_t n, char **cause)
{
	if (rowid == 0) {
		vm_recip_drop(vm);
		vm->loaded = 1;
		vm->now = now;
		return 0;
	}
	struct vm_recip_load l;
	memset(&l, 0, sizeof l);
	l.vm = vm;
	l.rowid = rowid;
	l.now = now;
	l.given = all;
	l.ngiven = n;
	if (store_read(vm->st, vm_recip_read, &l, cause) != 0)
		return -1;
	vm_recip_drop(vm);
	vm->c = l.c;
	vm->s = l.s;
	vm->in = l.in;
	vm->nin = l.nin;
	vm->fu = l.fu;
	vm->nfu = l.nfu;
	vm->rowid = rowid;
	vm->now = now;
	vm->loaded = 1;
	vm->nex = explain_score(&vm->c, &vm->s, vm->params, vm->ex);
	return 0;
}

void vm_recip_balance_bar(double balance, int cells, char out[64])
{
	vm_recip_balance_bar_as(balance, cells, 0, out);
}

void vm_recip_balance_bar_as(double balance, int cells, int ascii, char out[64])
{
	if (cells > 20)
		cells = 20;
	cells -= cells % 2;
	int half = cells / 2;
	double b = isfinite(balance) ? fmax(-1, fmin(1, balance)) : 0;
	int fill = (int)lround(fabs(b) * half);
	out[0] = '\0';
	for (int i = 0; i < cells; i++) {
		int on = b < 0 ? (i < half && i >= half - fill) : (i >= half && i < half + fill);
		strcat(out, on ? (ascii ? "#" : "\u2588") : ascii ? "." : "\u00b7");
		if (i == half - 1)
			strcat(out, "|");
	}
}

const struct followup *vm_recip_first_open(const struct vm_recip *vm)
{
	for (size_t i = 0; i < vm->nfu; i++)
		if (vm->fu[i].done_at == 0)
			return &vm->fu[i];
	return NULL;
}

/* "2026-11-01 intro" for the k-th service of direction d, or NULL. */
static const struct interaction *vm_recip_side(const struct vm_recip *vm, enum direction d,
                                               size_t k)
{
	for (size_t i = 0; i < vm->nin; i++) {
		enum direction x = vm->in[i].dir;
		if (x == d || x == DIR_MUTUAL) {
			if (k-- == 0)
				return &vm->in[i];
		}
	}
	return NULL;
}

static void vm_recip_cell(struct buf *b, const struct interaction *in, size_t cells, int pad)
{
	if (in == NULL) {
		if (pad)
			utf8_fit(b, "", cells, 1);
		return;
	}
	char day[16];
	date_format_day(in->at, day);
	/* the service, also when a meeting carries it */
	char *s = xasprintf("%s %s%s %s", day, model_interaction_service_name(in),
	                    in->dir == DIR_MUTUAL ? " (both)" : "", in->summary ? in->summary : "");
	utf8_fit(b, s, cells, pad);
	free(s);
}

void vm_recip_lines(const struct vm_recip *vm, size_t width, struct vm_lines *out)
{
	vm_lines_clear(out);
	if (vm->rowid == 0) {
		vm_lines_add(out, THEME_MUTED, "nobody selected");
		return;
	}
	const struct score *s = &vm->s;
	char bar[64];
	vm_recip_balance_bar_as(s->balance, 10, vm->ascii, bar);
	vm_lines_addf(out, s->owe ? THEME_GOT : THEME_NORMAL, "balance %+.2f  got %s gave%s",
	              s->balance, bar, s->owe ? "  I owe" : "");
	size_t col = width > 3 ? (width - 2) / 2 : 1;
	struct buf b;
	buf_init(&b);
	utf8_fit(&b, "GAVE", col, 1);
	buf_puts(&b, "  GOT");
	vm_lines_add(out, THEME_HEADER, buf_str(&b));
	size_t rows = 0;
	for (size_t k = 0;; k++) {
		const struct interaction *g = vm_recip_side(vm, DIR_GAVE, k);
		const struct interaction *r = vm_recip_side(vm, DIR_GOT, k);
		if (g == NULL && r == NULL)
			break;
		buf_reset(&b);
		vm_recip_cell(&b, g, col, 1);
		buf_puts(&b, "  ");
		vm_recip_cell(&b, r, col, 0);
		vm_lines_add(out, THEME_NORMAL, buf_str(&b));
		rows++;
	}
	if (rows == 0)
		vm_lines_add(out, THEME_MUTED, "no services yet");
	size_t open = 0;
	for (size_t i = 0; i < vm->nfu; i++) {
		if (vm->fu[i].done_at != 0)
			continue;
		if (open++ == 0)
			vm_lines_add(out, THEME_HEADER, "FOLLOW-UPS");
		char day[16];
		date_format_day(vm->fu[i].due_at, day);
		vm_lines_addf(out, vm->fu[i].due_at < vm->now ? THEME_DUE : THEME_NORMAL,
		              "%s %s%s", day, vm->fu[i].text,
		              vm->fu[i].due_at < vm->now ? " (overdue)" : "");
	}
	vm_lines_addf(out, THEME_HEADER, "WHY HERE  attention %.3f, %s", s->attention,
	              score_status_name(s->status));
	for (size_t i = 0; i < vm->nex; i++) {
		const struct explain_row *e = &vm->ex[i];
		vm_lines_addf(out, THEME_NORMAL, "%-14s %7s %4s  %s", e->term, e->value, e->share,
		              e->detail);
	}
	buf_free(&b);
}

static void vm_recip_fields(struct vm_lines *out, const struct contact *c, enum field_kind k,
                            const char *label)
{
	for (size_t i = 0; i < c->nfields; i++) {
		const struct field *f = &c->fields[i];
		if (f->kind != k)
			continue;
		if (f->type != NULL && *f->type)
			vm_lines_addf(out, THEME_NORMAL, "%-9s %s (%s)", label, f->value, f->type);
		else
			vm_lines_addf(out, THEME_NORMAL, "%-9s %s", label, f->value);
	}
}

void vm_recip_record_lines(const struct vm_recip *vm, struct vm_lines *out)
{
	vm_lines_clear(out);
	if (vm->rowid == 0) {
		vm_lines_add(out, THEME_MUTED, "nobody selected");
		return;
	}
	const struct contact *c = &vm->c;
	if (*c->role || *c->org)
		vm_lines_addf(out, THEME_TITLE, "%s \u2014 %s%s%s", c->name, c->role,
		              *c->role && *c->org ? ", " : "", c->org);
	else
		vm_lines_add(out, THEME_TITLE, c->name);
	vm_lines_addf(out, THEME_MUTED, "%-9s %s", "id", c->id);
	int cadence = score_cadence(c, vm->params);
	if (cadence > 0)
		vm_lines_addf(out, THEME_NORMAL, "%-9s %s, every %d days, %s", "circle",
		              model_circle_name(c->circle), cadence, model_ckind_name(c->kind));
	else
		vm_lines_addf(out, THEME_NORMAL, "%-9s %s, no cadence, %s", "circle",
		              model_circle_name(c->circle), model_ckind_name(c->kind));
	vm_recip_fields(out, c, FIELD_EMAIL, "email");
	vm_recip_fields(out, c, FIELD_PHONE, "phone");
	vm_recip_fields(out, c, FIELD_URL, "url");
	vm_recip_fields(out, c, FIELD_ADDRESS, "address");
	if (*c->birthday)
		vm_lines_addf(out, THEME_NORMAL, "%-9s %s", "birthday", c->birthday);
	if (*c->met)
		vm_lines_addf(out, THEME_NORMAL, "%-9s %s", "met", c->met);
	if (c->tags.n > 0) {
		char *tags = strv_join(&c->tags, ", ");
		vm_lines_addf(out, THEME_TAG, "%-9s %s", "tags", tags);
		free(tags);
	}
	if (c->snoozed_until > vm->now) {
		char day[16];
		date_format_day(c->snoozed_until, day);
		vm_lines_addf(out, THEME_MUTED, "%-9s until %s", "snoozed", day);
	}
	if (*c->notes) {
		vm_lines_add(out, THEME_HEADER, "NOTES");
		vm_lines_add_block(out, THEME_NORMAL, "  ", c->notes);
	}
	vm_lines_add(out, THEME_HEADER, "FOLLOW-UPS");
	if (vm->nfu == 0)
		vm_lines_add(out, THEME_MUTED, "  none");
	for (size_t i = 0; i < vm->nfu; i++) {
		char day[16];
		date_format_day(vm->fu[i].due_at, day);
		vm_lines_addf(out, vm->fu[i].done_at ? THEME_MUTED : THEME_NORMAL, "  %s %s %s",
		              vm->fu[i].done_at ? "[x]" : "[ ]", day, vm->fu[i].text);
	}
}
