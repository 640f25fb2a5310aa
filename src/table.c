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

void table_render(const struct table *t, struct buf *out, size_t width)
{
	size_t w[TABLE_MAX_COLS];
	size_t rows = table_rows(t);
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = utf8_width(t->head[c]);
		for (size_t r = 0; r < rows; r++) {
			size_t cw = utf8_width(t->cells.v[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	}
	if (width > 0) {
		size_t total = 0;
		for (size_t c = 0; c < t->ncols; c++)
			total += w[c] + (c ? 2 : 0);
		/* shrink the widest flexible column a cell at a time */
		while (total > width) {
			size_t best = TABLE_MAX_COLS;
			for (size_t c = 0; c < t->ncols; c++)
				if (t->flex[c] && w[c] > t->min[c] &&
				    (best == TABLE_MAX_COLS || w[c] > w[best]))
					best = c;
			if (best == TABLE_MAX_COLS)
				break;
			w[best]--;
			total--;
		}
	}
	for (size_t r = 0; r <= rows; r++) {
		struct buf line;
		buf_init(&line);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = r == 0 ? t->head[c] : t->cells.v[(r - 1) * t->ncols + c];
			int last = c + 1 == t->ncols;
			if (c > 0)
				buf_puts(&line, "  ");
			if (t->right[c]) {
				size_t cw = utf8_width(cell);
				for (size_t i = cw; i < w[c]; i++)
					buf_putc(&line, ' ');
				utf8_fit(&line, cell, w[c], 0);
			} else {
				utf8_fit(&line, cell, w[c], !last);
			}
		}
		/* no trailing spaces */
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		buf_add(out, buf_str(&line), line.len);
		buf_putc(out, '\n');
		buf_free(&line);
	}
}
