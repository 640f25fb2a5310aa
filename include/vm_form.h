/* vm_form.h: the add and edit form of the full-screen program as data: one
 * line editor per field (name, org, role, circle, kind, cadence, e-mails,
 * phones, tags, met, notes), each checked as it is typed, and the record it
 * makes once every field is valid. Nothing is written here: the caller saves.
 * View layer, pure; depends on lineedit.h and model.h. */
#ifndef KITH_VM_FORM_H
#define KITH_VM_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "lineedit.h"
#include "model.h"

enum vm_form_field {
	VM_FORM_NAME,
	VM_FORM_ORG,
	VM_FORM_ROLE,
	VM_FORM_CIRCLE,
	VM_FORM_KIND,
	VM_FORM_CADENCE,
	VM_FORM_EMAILS,
	VM_FORM_PHONES,
	VM_FORM_TAGS,
	VM_FORM_MET,
	VM_FORM_NOTES,
	VM_FORM_FIELDS
};

struct vm_form {
	int64_t rowid; /* the contact edited; 0 for a new one */
	struct lineedit le[VM_FORM_FIELDS];
	char *was[VM_FORM_FIELDS];   /* each field's text when the form opened */
	char *error[VM_FORM_FIELDS]; /* what is wrong with a field; NULL when fine */
	size_t focus;
	int notes_lines; /* the notes have line breaks: kept unless retyped */
};

/* "name", "organisation" ... (static). */
const char *vm_form_label(enum vm_form_field f);
/* An empty form for a new contact (circle active, kind personal). */
void vm_form_init_add(struct vm_form *f);
/* A form holding c's fields. */
void vm_form_init_edit(struct vm_form *f, const struct contact *c);
void vm_form_free(struct vm_form *f);

/* The text of a field (f's, valid until the next change). */
const char *vm_form_text(const struct vm_form *f, enum vm_form_field k);
/* Replaces a field's text and checks it again. */
void vm_form_set(struct vm_form *f, enum vm_form_field k, const char *text);
/* Inserts a character in the focused field, or runs an editing operation on
 * it; the field is checked again. Returns 1 when something changed. */
int vm_form_insert(struct vm_form *f, uint32_t cp);
int vm_form_edit(struct vm_form *f, enum lineedit_op op);
/* Moves the focus by delta fields (wrapping). */
void vm_form_move(struct vm_form *f, long delta);
/* 1 when some field differs from what it was when the form opened. */
int vm_form_changed(const struct vm_form *f);
/* The first field with an error, or VM_FORM_FIELDS when every one is valid. */
enum vm_form_field vm_form_first_error(const struct vm_form *f);

/* Fills c (a record of the contact edited, or contact_init'ed for a new
 * one) from the form; only valid when vm_form_first_error() is
 * VM_FORM_FIELDS. E-mails and phones replace those of c, keeping the type of
 * a value that stays; other fields of c are kept. */
void vm_form_apply(const struct vm_form *f, struct contact *c);

#endif
