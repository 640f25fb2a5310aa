/* vm_form.c: the add and edit form (vm_form.h): a line editor per field,
 * each field checked at every change by the rules `kith add` applies, and
 * the record made from it. View layer, pure; depends on lineedit.h,
 * model.h, buf.h and utf8.h. */
#include "vm_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

static const char *const vm_form_labels[VM_FORM_FIELDS] = {
	"name", "organisation", "role", "circle", "kind", "cadence",
	"e-mails", "phones", "tags", "met", "notes",
};

const char *vm_form_label(enum vm_form_field f)
{
	return (unsigned)f < VM_FORM_FIELDS ? vm_form_labels[f] : "";
}

/* ---- checks ---- */

/* The items of a list field: split on commas (and, for tags, blanks). */
static void vm_form_items(const char *text, int blanks, struct strv *out)
{
	strv_init(out);
	char *copy = xstrdup(text);
	if (blanks)
		for (char *p = copy; *p; p++)
			if (*p == ' ')
				*p = ',';
	strv_split(out, copy, ',');
	free(copy);
}

/* Days from 1 to 3650, "none", or "" for the circle's; *days as in struct
 * contact (-1 the circle's, 0 none). */
static int vm_form_cadence(const char *s, int *days)
{
	while (*s == ' ')
		s++;
	if (*s == '\0' || strcmp(s, "default") == 0) {
		*days = -1;
		return 0;
	}
	if (strcmp(s, "none") == 0) {
		*days = 0;
		return 0;
	}
	char *end;
	long v = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (end == s || *end != '\0' || v < 1 || v > 3650)
		return -1;
	*days = (int)v;
	return 0;
}

static char *vm_form_check(const struct vm_form *f, enum vm_form_field k)
{
	const char *t = lineedit_text(&f->le[k]);
	struct strv items;
	char *why = NULL;
	switch (k) {
	case VM_FORM_NAME: {
		char *folded = utf8_fold(t);
		if (*folded == '\0')
			why = xstrdup("a contact needs a name");
		free(folded);
		break;
	}
	case VM_FORM_CIRCLE: {
		enum circle c;
		if (model_circle_parse(t, &c) != 0)
			why = xstrdup("inner, close, active, wide or outer");
		break;
	}
	case VM_FORM_KIND: {
		enum contact_kind c;
		if (model_ckind_parse(t, &c) != 0)
			why = xstrdup("personal, operational or strategic");
		break;
	}
	case VM_FORM_CADENCE: {
		int days;
		if (vm_form_cadence(t, &days) != 0)
			why = xstrdup("days from 1 to 3650, none, or empty for the circle's");
		break;
	}
	case VM_FORM_EMAILS:
		vm_form_items(t, 0, &items);
		for (size_t i = 0; i < items.n && why == NULL; i++) {
			const char *at = strchr(items.v[i], '@');
			if (at == NULL || at == items.v[i] || at[1] == '\0' || strchr(items.v[i], ' '))
				why = xasprintf("'%s' does not look like an e-mail address", items.v[i]);
		}
		strv_free(&items);
		break;
	case VM_FORM_TAGS:
		vm_form_items(t, 1, &items);
		for (size_t i = 0; i < items.n && why == NULL; i++)
			if (strcmp(items.v[i], "#") == 0)
				why = xstrdup("'#' needs a tag after it");
		strv_free(&items);
		break;
	case VM_FORM_ORG:
	case VM_FORM_ROLE:
	case VM_FORM_PHONES:
	case VM_FORM_MET:
	case VM_FORM_NOTES:
	case VM_FORM_FIELDS:
		break;
	}
	return why;
}

static void vm_form_recheck(struct vm_form *f, enum vm_form_field k)
{
	free(f->error[k]);
	f->error[k] = vm_form_check(f, k);
}

/* ---- set-up ---- */

static void vm_form_open(struct vm_form *f, int64_t rowid, const char *const *texts)
{
	memset(f, 0, sizeof *f);
	f->rowid = rowid;
	for (int k = 0; k < VM_FORM_FIELDS; k++) {
		lineedit_init(&f->le[k]);
		lineedit_set(&f->le[k], texts[k] ? texts[k] : "");
		f->was[k] = xstrdup(lineedit_text(&f->le[k]));
		f->error[k] = vm_form_check(f, (enum vm_form_field)k);
	}
}

void vm_form_init_add(struct vm_form *f)
{
	const char *texts[VM_FORM_FIELDS] = {NULL};
	texts[VM_FORM_CIRCLE] = "active";
	texts[VM_FORM_KIND] = "personal";
	vm_form_open(f, 0, texts);
}

static char *vm_form_join_fields(const struct contact *c, enum field_kind kind)
{
	struct strv v;
	strv_init(&v);
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].kind == kind)
			strv_push(&v, c->fields[i].value);
	char *s = strv_join(&v, ", ");
	strv_free(&v);
	return s;
}

void vm_form_init_edit(struct vm_form *f, const struct contact *c)
{
	char cadence[16] = "";
	if (c->cadence_days == 0)
		snprintf(cadence, sizeof cadence, "none");
	else if (c->cadence_days > 0)
		snprintf(cadence, sizeof cadence, "%d", c->cadence_days);
	char *emails = vm_form_join_fields(c, FIELD_EMAIL);
	char *phones = vm_form_join_fields(c, FIELD_PHONE);
	char *tags = strv_join(&c->tags, " ");
	const char *texts[VM_FORM_FIELDS] = {
		c->name, c->org, c->role, model_circle_name(c->circle), model_ckind_name(c->kind),
		cadence, emails, phones, tags, c->met, c->notes,
	};
	vm_form_open(f, c->rowid, texts);
	/* a line editor holds one line: notes of several stay as they are unless retyped */
	f->notes_lines = strchr(c->notes, '\n') != NULL;
	free(emails);
	free(phones);
	free(tags);
}

void vm_form_free(struct vm_form *f)
{
	for (int k = 0; k < VM_FORM_FIELDS; k++) {
		lineedit_free(&f->le[k]);
		free(f->was[k]);
		free(f->error[k]);
	}
	memset(f, 0, sizeof *f);
}

/* ---- editing ---- */

const char *vm_form_text(const struct vm_form *f, enum vm_form_field k)
{
	return lineedit_text(&f->le[k]);
}

void vm_form_set(struct vm_form *f, enum vm_form_field k, const char *text)
{
	lineedit_set(&f->le[k], text);
	vm_form_recheck(f, k);
}

int vm_form_insert(struct vm_form *f, uint32_t cp)
{
	int ch = lineedit_insert_cp(&f->le[f->focus], cp);
	if (ch & LINEEDIT_CHANGED_TEXT)
		vm_form_recheck(f, (enum vm_form_field)f->focus);
	return ch != 0;
}

int vm_form_edit(struct vm_form *f, enum lineedit_op op)
{
	int ch = lineedit_do(&f->le[f->focus], op);
	if (ch & LINEEDIT_CHANGED_TEXT)
		vm_form_recheck(f, (enum vm_form_field)f->focus);
	return ch != 0;
}

void vm_form_move(struct vm_form *f, long delta)
{
	long n = VM_FORM_FIELDS;
	long at = ((long)f->focus + delta % n + n) % n;
	f->focus = (size_t)at;
}

int vm_form_changed(const struct vm_form *f)
{
	for (int k = 0; k < VM_FORM_FIELDS; k++)
		if (strcmp(lineedit_text(&f->le[k]), f->was[k]) != 0)
			return 1;
	return 0;
}

enum vm_form_field vm_form_first_error(const struct vm_form *f)
{
	for (int k = 0; k < VM_FORM_FIELDS; k++)
		if (f->error[k] != NULL)
			return (enum vm_form_field)k;
	return VM_FORM_FIELDS;
}

/* ---- the record ---- */

static char *vm_form_trimmed(const struct vm_form *f, enum vm_form_field k)
{
	const char *t = lineedit_text(&f->le[k]);
	while (*t == ' ')
		t++;
	size_t n = strlen(t);
	while (n > 0 && t[n - 1] == ' ')
		n--;
	return xstrndup(t, n);
}

/* Replaces c's fields of kind with the items of a list field, keeping the
 * type of each value that stays. */
static void vm_form_fields(const struct vm_form *f, enum vm_form_field k, enum field_kind kind,
                           struct contact *c)
{
	struct strv items;
	vm_form_items(lineedit_text(&f->le[k]), 0, &items);
	struct field *kept = xcalloc(c->nfields + items.n + 1, sizeof *kept);
	size_t n = 0;
	for (size_t i = 0; i < c->nfields; i++) {
		struct field *fd = &c->fields[i];
		if (fd->kind == kind && !strv_has(&items, fd->value)) {
			free(fd->type);
			free(fd->value);
			continue;
		}
		kept[n++] = *fd;
	}
	free(c->fields);
	c->fields = kept;
	c->nfields = n;
	for (size_t i = 0; i < items.n; i++) {
		int have = 0;
		for (size_t j = 0; j < c->nfields && !have; j++)
			have = c->fields[j].kind == kind && strcmp(c->fields[j].value, items.v[i]) == 0;
		if (!have)
			contact_add_field(c, kind, "", items.v[i]);
	}
	strv_free(&items);
}

void vm_form_apply(const struct vm_form *f, struct contact *c)
{
	char **texts[] = {&c->name, &c->org, &c->role, &c->met};
	enum vm_form_field from[] = {VM_FORM_NAME, VM_FORM_ORG, VM_FORM_ROLE, VM_FORM_MET};
	for (size_t i = 0; i < 4; i++) {
		free(*texts[i]);
		*texts[i] = vm_form_trimmed(f, from[i]);
	}
	if (!f->notes_lines ||
	    strcmp(lineedit_text(&f->le[VM_FORM_NOTES]), f->was[VM_FORM_NOTES]) != 0) {
		free(c->notes);
		c->notes = vm_form_trimmed(f, VM_FORM_NOTES);
	}
	(void)model_circle_parse(lineedit_text(&f->le[VM_FORM_CIRCLE]), &c->circle);
	(void)model_ckind_parse(lineedit_text(&f->le[VM_FORM_KIND]), &c->kind);
	(void)vm_form_cadence(lineedit_text(&f->le[VM_FORM_CADENCE]), &c->cadence_days);
	vm_form_fields(f, VM_FORM_EMAILS, FIELD_EMAIL, c);
	vm_form_fields(f, VM_FORM_PHONES, FIELD_PHONE, c);
	struct strv tags;
	vm_form_items(lineedit_text(&f->le[VM_FORM_TAGS]), 1, &tags);
	strv_free(&c->tags);
	strv_init(&c->tags);
	for (size_t i = 0; i < tags.n; i++)
		strv_push(&c->tags, tags.v[i][0] == '#' ? tags.v[i] + 1 : tags.v[i]);
	strv_sort_unique(&c->tags);
	strv_free(&tags);
}
