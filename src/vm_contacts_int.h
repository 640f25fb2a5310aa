/* vm_contacts_int.h: what the contacts pane's files share inside the view
 * layer: the order of the rows for a sort and its inverse
 * (vm_contacts_sort.c), the rows shown and kept (vm_contacts.c), and the
 * byte sets of texts (vm_contacts_load.c). */
#ifndef KITH_VM_CONTACTS_INT_H
#define KITH_VM_CONTACTS_INT_H

#include <stdint.h>

#include "vm_contacts.h"

/* Every row's index in the order of sort s, made the first time it is asked
 * for and kept in vm->order[s] (owned by vm, freed when the rows change). */
const uint32_t *vm_contacts_order(struct vm_contacts *vm, enum vm_sort s);
/* The inverse of that order: row i is at place pos[i] of it (owned by vm,
 * kept for one sort at a time: valid until the next call for another sort
 * or the next load). */
const uint32_t *vm_contacts_pos(struct vm_contacts *vm, enum vm_sort s);

/* Forgets every kept order and its inverse (the rows are changing). */
void vm_contacts_orders_free(struct vm_contacts *vm);
/* The rows shown become rows[0..n); owned (or NULL) is vm's to free, the
 * rows shown before are forgotten (freed when they were vm->own). */
void vm_contacts_shown_set(struct vm_contacts *vm, const uint32_t *rows, size_t n, uint32_t *owned);
/* Forgets the rows kept for the filters typed. */
void vm_contacts_steps_free(struct vm_contacts *vm);
/* After a load of the whole roster: the filter's arrays, the sort's order,
 * the rows shown for the filter in force and the selection made again. */
void vm_contacts_index(struct vm_contacts *vm);
/* The set of the bytes of s[0..n) (a bit a letter or digit, the other
 * bytes sharing the rest): a text that has a word has every bit of it. */
uint64_t vm_contacts_chars(const char *s, size_t n);

#endif
