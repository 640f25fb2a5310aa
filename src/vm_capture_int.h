/* vm_capture_int.h: what the vm_capture*.c files share and nobody else uses.
 * View layer; depends on vm_capture.h. */
#ifndef KITH_VM_CAPTURE_INT_H
#define KITH_VM_CAPTURE_INT_H

#include "vm_capture.h"

/* Rebuilds vm->rows from the line's state, the completion and the message;
 * frees them. The rows are vm's. */
void vm_capture_rows_build(struct vm_capture *vm);
void vm_capture_rows_free(struct vm_capture *vm);

#endif
