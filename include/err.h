/* err.h: allocation that aborts when memory runs out, and heap error messages.
 * Depends on libc only. Convention: a function that can fail returns 0 on
 * success and -1 on failure, and then stores a heap message in *cause (when
 * cause is not NULL) that the caller frees. */
#ifndef KITH_ERR_H
#define KITH_ERR_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__) || defined(__clang__)
#define KITH_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define KITH_NORETURN __attribute__((noreturn))
#else
#define KITH_PRINTF(a, b)
#define KITH_NORETURN
#endif

/* All return memory the caller frees; none returns NULL. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) KITH_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) KITH_PRINTF(1, 0);

/* Replaces *cause (freeing the old one) with a formatted message; returns -1.
 * Does nothing but return -1 when cause is NULL. */
int err_set(char **cause, const char *fmt, ...) KITH_PRINTF(2, 3);

/* Prefixes *cause with a formatted context ("importing x.vcf: " + old). */
int err_wrap(char **cause, const char *fmt, ...) KITH_PRINTF(2, 3);

#endif
