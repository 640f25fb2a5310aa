/* csv_import.c: CSV files as an import reader: bytes through the charset stream, records
 * through csv.c, the header and the rows through csv_map.c, one record at a time.
 * Pure but for reading its FILE; depends on charset.h, csv_map.h and import.h. */
#include "csv_import.h"

#include <stdlib.h>
#include <string.h>

#include "linkedin.h"

static size_t csv_import_read(void *ctx, char *dst, size_t n)
{
	return charset_stream_read(ctx, dst, n);
}

void csv_import_init(struct csv_import *ci, FILE *f, enum csv_want want)
{
	memset(ci, 0, sizeof *ci);
	charset_stream_init(&ci->cs, f);
	ci->want = want;
	ci->r = csv_reader_new(csv_import_read, &ci->cs);
}

static void csv_import_close(struct csv_import *ci)
{
	if (ci->opened)
		csv_source_free(&ci->src);
	ci->opened = 0;
	csv_reader_free(ci->r);
	ci->r = NULL;
}

void csv_import_free(struct csv_import *ci)
{
	csv_import_close(ci);
}

static int csv_import_next(void *self, struct import_record *rec, char **cause)
{
	struct csv_import *ci = self;
	if (!ci->opened) {
		if (csv_source_open(&ci->src, ci->r, ci->want, cause) != 0) {
			csv_source_free(&ci->src);
			return -1;
		}
		ci->opened = 1;
	}
	struct contact c;
	int rc = csv_source_next(&ci->src, &c, cause);
	if (rc <= 0)
		return rc;
	rec->line = (long)csv_reader_lineno(ci->r);
	contact_free(&rec->c);
	rec->c = c;
	return 1;
}

static int csv_import_rewind(void *self, char **cause)
{
	struct csv_import *ci = self;
	if (charset_stream_rewind(&ci->cs, cause) != 0)
		return -1;
	csv_import_close(ci);
	ci->r = csv_reader_new(csv_import_read, &ci->cs);
	return 0;
}

struct import_reader csv_import_reader(struct csv_import *ci)
{
	struct import_reader ir = {csv_import_next, csv_import_rewind, ci};
	return ir;
}

void csv_import_summary(const struct csv_import *ci, struct buf *out)
{
	if (!ci->opened)
		return;
	buf_printf(out, "read as %s (header on line %zu)\n", ci->src.map.format,
	           ci->src.header_line);
	if (ci->src.map.unmatched.n > 0) {
		char *names = strv_join(&ci->src.map.unmatched, ", ");
		buf_printf(out, "%s not imported: %s\n",
		           buf_plural((long long)ci->src.map.unmatched.n, "column", "columns"), names);
		free(names);
	}
}

int csv_import_sniff(const char *head, size_t n)
{
	size_t i = 0;
	if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	size_t end = i;
	while (end < n && head[end] != '\n' && head[end] != '\r')
		end++;
	struct strv cells;
	strv_init(&cells);
	csv_split_line_sep(head + i, end - i, csv_guess_sep(head + i, end - i), &cells);
	int yes = linkedin_preamble_is(&cells) || linkedin_header_is(&cells);
	for (size_t k = 0; !yes && cells.n > 1 && k < cells.n; k++)
		yes = csv_map_target(cells.v[k], NULL) != CSV_COL_UNMATCHED;
	strv_free(&cells);
	return yes;
}
