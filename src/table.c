/* table.c: text tables aligned by display width and fitted to a terminal
 * width. Pure; depends on buf.h and utf8.h. */
#include "table.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void table_init(struct table *t, size_t ncols, const char *const *heads)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols < TABLE_MAX_COLS ? ncols : TABLE_MAX_COLS;
	for (size_t i = 0; i < t->ncols; i++) {
		t->head[i] = heads[i];
		t->min[i] = 4;
	}
	strv_init(&t->cells);
}

void table_free(struct table *t)
{
	strv_free(&t->cells);
}

void table_add(struct table *t, const char *cell)
{
	strv_push(&t->cells, cell ? cell : "");
}

void table_addf(struct table *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strv_take(&t->cells, xvasprintf(fmt, ap));
	va_end(ap);
}

size_t table_rows(const struct table *t)
{
	return t->ncols ? t->cells.n / t->ncols : 0;
}

void table_measure(struct table *t, const char *const *cells)
{
	for (size_t c = 0; c < t->ncols; c++) {
		size_t cw = utf8_width(cells ? cells[c] : t->head[c]);
		if (cw > t->w[c])
			t->w[c] = cw;
	}
}

void table_fit(struct table *t, size_t width)
{
	if (width == 0)
		return;
	size_t total = 0;
	for (size_t c = 0; c < t->ncols; c++)
		total += t->w[c] + (c ? 2 : 0);
	/* shrink the widest flexible column a cell at a time */
	while (total > width) {
		size_t best = TABLE_MAX_COLS;
		for (size_t c = 0; c < t->ncols; c++)
			if (t->flex[c] && t->w[c] > t->min[c] &&
			    (best == TABLE_MAX_COLS || t->w[c] > t->w[best]))
				best = c;
		if (best == TABLE_MAX_COLS)
			break;
		t->w[best]--;
		total--;
	}
}

void table_write(const struct table *t, struct buf *out, const char *const *cells)
{
	size_t start = out->len;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *cell = cells ? cells[c] : t->head[c];
		int last = c + 1 == t->ncols;
		if (c > 0)
			buf_puts(out, "  ");
		if (t->right[c]) {
			size_t cw = utf8_width(cell);
			for (size_t i = cw; i < t->w[c]; i++)
				buf_putc(out, ' ');
			utf8_fit_as(out, cell, t->w[c], 0, t->ascii);
		} else {
			utf8_fit_as(out, cell, t->w[c], !last, t->ascii);
		}
	}
	/* no trailing spaces */
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	buf_putc(out, '\n');
}

void table_render(struct table *t, struct buf *out, size_t width)
{
	size_t rows = table_rows(t);
	table_measure(t, NULL);
	for (size_t r = 0; r < rows; r++)
		table_measure(t, (const char *const *)&t->cells.v[r * t->ncols]);
	table_fit(t, width);
	table_write(t, out, NULL);
	for (size_t r = 0; r < rows; r++)
		table_write(t, out, (const char *const *)&t->cells.v[r * t->ncols]);
}
