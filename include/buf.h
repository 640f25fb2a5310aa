/* buf.h: a growable, always NUL-terminated byte string, and a string vector.
 * Depends on err.h. The struct owns its memory; buf_free releases it. */
#ifndef KITH_BUF_H
#define KITH_BUF_H

#include <stddef.h>

#include "err.h"

struct buf {
	char *data; /* NUL-terminated once anything was added; may be NULL before */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b); /* length 0, keeps the memory */
void buf_add(struct buf *b, const void *p, size_t n);
/* Appends a copy of the n bytes at offset at of b itself (at + n <= b->len). */
void buf_repeat(struct buf *b, size_t at, size_t n);
/* Makes b n bytes longer and returns the first of them (not initialised,
 * the NUL after them set); the pointer is b's, valid until its next change. */
char *buf_extend(struct buf *b, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) KITH_PRINTF(2, 3);
const char *buf_str(const struct buf *b); /* "" when empty; valid until next change */
char *buf_detach(struct buf *b);          /* caller owns the result; b is empty after */
/* The word that goes with a count: one when n is 1, else many ("1 person",
 * "2 people", "0 days"). Returns one of its arguments. */
const char *buf_plural(long long n, const char *one, const char *many);
/* Appends word to text wrapped at width columns, counted in bytes (for ASCII
 * text such as usage lines): after a space, or on a new line indented by
 * indent spaces when it would pass width, unless the line is no longer than
 * indent yet (then it takes the word, however long). *col is the current
 * column, 0 at the start. */
void buf_wrap_word(struct buf *b, size_t *col, size_t indent, size_t width, const char *word);

/* A vector of heap strings; the vector owns them. */
struct strv {
	char **v;
	size_t n;
	size_t cap;
};

void strv_init(struct strv *sv);
void strv_free(struct strv *sv);
void strv_push(struct strv *sv, const char *s);   /* pushes a copy */
void strv_take(struct strv *sv, char *s);         /* takes ownership of s */
int strv_has(const struct strv *sv, const char *s); /* exact byte match */
void strv_copy(struct strv *dst, const struct strv *src); /* dst initialised here */
/* Splits s on sep, trimming ASCII space around items and dropping empty ones. */
void strv_split(struct strv *sv, const char *s, char sep);
char *strv_join(const struct strv *sv, const char *sep); /* caller frees */
void strv_sort_unique(struct strv *sv);

#endif
