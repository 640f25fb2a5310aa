/* buf.c: growable strings and string vectors. Depends on err.h. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_repeat(struct buf *b, size_t at, size_t n)
{
	buf_reserve(b, n); /* first: it may move the bytes copied */
	if (n > 0)
		memcpy(b->data + b->len, b->data + at, n);
	b->len += n;
	b->data[b->len] = '\0';
}

char *buf_extend(struct buf *b, size_t n)
{
	buf_reserve(b, n);
	char *at = b->data + b->len;
	b->len += n;
	b->data[b->len] = '\0';
	return at;
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* One byte stored directly: a copy of one byte through memcpy costs more
 * than the byte (the roster's load adds 300k of them). */
void buf_putc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len <= 0)
		return;
	buf_reserve(b, (size_t)len);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)len;
}

const char *buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

char *buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");
	buf_init(b);
	return p;
}

const char *buf_plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void strv_init(struct strv *sv)
{
	sv->v = NULL;
	sv->n = 0;
	sv->cap = 0;
}

void strv_free(struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	strv_init(sv);
}

void strv_take(struct strv *sv, char *s)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 4;
		sv->v = xreallocarray(sv->v, sv->cap, sizeof *sv->v);
	}
	sv->v[sv->n++] = s;
}

void strv_push(struct strv *sv, const char *s)
{
	strv_take(sv, xstrdup(s));
}

int strv_has(const struct strv *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return 1;
	return 0;
}

void strv_copy(struct strv *dst, const struct strv *src)
{
	strv_init(dst);
	for (size_t i = 0; i < src->n; i++)
		strv_push(dst, src->v[i]);
}

void strv_split(struct strv *sv, const char *s, char sep)
{
	while (*s != '\0') {
		const char *end = strchr(s, sep);
		if (end == NULL)
			end = s + strlen(s);
		const char *a = s, *z = end;
		while (a < z && (*a == ' ' || *a == '\t'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
			z--;
		if (z > a)
			strv_take(sv, xstrndup(a, (size_t)(z - a)));
		s = *end ? end + 1 : end;
	}
}

char *strv_join(const struct strv *sv, const char *sep)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < sv->n; i++) {
		if (i > 0)
			buf_puts(&b, sep);
		buf_puts(&b, sv->v[i]);
	}
	return buf_detach(&b);
}

void buf_wrap_word(struct buf *b, size_t *col, size_t indent, size_t width, const char *word)
{
	size_t n = strlen(word);
	if (*col > indent && *col + 1 + n > width) {
		buf_putc(b, '\n');
		for (*col = 0; *col < indent; (*col)++)
			buf_putc(b, ' ');
	} else if (*col > 0) {
		buf_putc(b, ' ');
		(*col)++;
	}
	buf_puts(b, word);
	*col += n;
}

static int strv_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void strv_sort_unique(struct strv *sv)
{
	if (sv->n < 2)
		return;
	qsort(sv->v, sv->n, sizeof *sv->v, strv_cmp);
	size_t j = 1;
	for (size_t i = 1; i < sv->n; i++) {
		if (strcmp(sv->v[i], sv->v[j - 1]) == 0)
			free(sv->v[i]);
		else
			sv->v[j++] = sv->v[i];
	}
	sv->n = j;
}
