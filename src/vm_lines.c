/* vm_lines.c: lists of styled text lines (vm_lines.h). View layer, pure;
 * depends on err.h and buf.h. */
#include "vm_lines.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void vm_lines_init(struct vm_lines *l)
{
	memset(l, 0, sizeof *l);
}

void vm_lines_clear(struct vm_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].text);
	l->n = 0;
}

void vm_lines_free(struct vm_lines *l)
{
	vm_lines_clear(l);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void vm_lines_take(struct vm_lines *l, enum theme_role role, char *text)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].role = role;
	l->v[l->n++].text = text;
}

void vm_lines_add(struct vm_lines *l, enum theme_role role, const char *text)
{
	vm_lines_take(l, role, xstrdup(text));
}

void vm_lines_addf(struct vm_lines *l, enum theme_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vm_lines_take(l, role, xvasprintf(fmt, ap));
	va_end(ap);
}

void vm_lines_add_block(struct vm_lines *l, enum theme_role role, const char *indent,
                        const char *text)
{
	const char *p = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		vm_lines_addf(l, role, "%s%.*s", indent, (int)len, p);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

int vm_lines_has(const struct vm_lines *l, const char *needle)
{
	for (size_t i = 0; i < l->n; i++)
		if (strstr(l->v[i].text, needle) != NULL)
			return 1;
	return 0;
}
