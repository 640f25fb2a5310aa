/* table.h: text tables whose columns line up by display width (CJK, emoji,
 * combining marks), with every cell escaped, fitted to a width by shrinking the
 * flexible columns. Pure; depends on buf.h and utf8.h. */
#ifndef KITH_TABLE_H
#define KITH_TABLE_H

#include <stddef.h>

#include "buf.h"

#define TABLE_MAX_COLS 16

struct table {
	size_t ncols;
	const char *head[TABLE_MAX_COLS];
	int right[TABLE_MAX_COLS]; /* right-aligned (numbers) */
	int flex[TABLE_MAX_COLS];  /* may shrink to fit */
	size_t min[TABLE_MAX_COLS];
	size_t w[TABLE_MAX_COLS]; /* column widths, grown by table_measure */
	int ascii; /* a cut cell ends in "..." instead of U+2026 (utf8_fit_as) */
	struct strv cells; /* row-major */
};

/* heads: ncols column titles (static strings). */
void table_init(struct table *t, size_t ncols, const char *const *heads);
void table_free(struct table *t);
void table_add(struct table *t, const char *cell); /* next cell, row by row; copies */
void table_addf(struct table *t, const char *fmt, ...) KITH_PRINTF(2, 3);
size_t table_rows(const struct table *t);
/* Renders heads and the rows added, columns two spaces apart, no trailing
 * spaces. width 0 means no limit. */
void table_render(struct table *t, struct buf *out, size_t width);

/* The same in steps, for rows too many to keep: measure every row (cells
 * NULL measures the heads), fit to a width, then write the heads (NULL) and
 * each row. */
void table_measure(struct table *t, const char *const *cells);
void table_fit(struct table *t, size_t width);
void table_write(const struct table *t, struct buf *out, const char *const *cells);

#endif
