/* vm_contacts_int.h: what the contacts pane's files share inside the view
 * layer: the order of the rows for a sort and its inverse
 * (vm_contacts_sort.c). */
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

#endif
