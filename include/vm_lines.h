/* vm_lines.h: a list of text lines, each in one theme role, that a pane
 * scrolls and paints (the reciprocity pane, the record view, the help).
 * View layer, pure; depends on theme.h. The list owns its strings. */
#ifndef KITH_VM_LINES_H
#define KITH_VM_LINES_H

#include <stddef.h>

#include "err.h"
#include "theme.h"

struct vm_line {
	enum theme_role role;
	char *text; /* untrusted text inside: the painter escapes it */
};

struct vm_lines {
	struct vm_line *v;
	size_t n, cap;
};

void vm_lines_init(struct vm_lines *l);
void vm_lines_free(struct vm_lines *l);
void vm_lines_clear(struct vm_lines *l);
void vm_lines_add(struct vm_lines *l, enum theme_role role, const char *text); /* copies */
void vm_lines_addf(struct vm_lines *l, enum theme_role role, const char *fmt, ...)
	KITH_PRINTF(3, 4);
/* Adds text split at its line breaks, each line prefixed by indent. */
void vm_lines_add_block(struct vm_lines *l, enum theme_role role, const char *indent,
                        const char *text);
/* 1 when some line contains needle (tests). */
int vm_lines_has(const struct vm_lines *l, const char *needle);

#endif
