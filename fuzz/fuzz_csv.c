/* fuzz_csv.c: a libFuzzer harness for the CSV reader and the CSV formats in. Reads
 * arbitrary bytes as CSV records (checking line numbers and that what the writer writes
 * of each record reads back the same), then as a contact file (LinkedIn's preamble and
 * header by content, columns by name), and frees everything. Depends on the core only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "csv_map.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_check(int ok)
{
	if (!ok)
		__builtin_trap();
}

/* What the writer makes of a cell reads back as the cell, but for the two changes the
 * writer and reader make on purpose: the apostrophe before a formula, CR read as LF. */
static void fuzz_round_trip(const struct strv *f)
{
	struct buf out;
	buf_init(&out);
	struct csv_writer w;
	csv_writer_init(&w, &out);
	for (size_t i = 0; i < f->n; i++)
		csv_put_text(&w, f->v[i]);
	csv_end_row(&w);
	struct csv_reader *r = csv_reader_new_mem(out.data, out.len);
	struct strv back;
	strv_init(&back);
	char *cause = NULL;
	fuzz_check(csv_reader_next(r, &back, &cause) == 1);
	fuzz_check(back.n == f->n);
	for (size_t i = 0; i < f->n; i++) {
		const char *a = f->v[i], *b = back.v[i];
		if (*a != '\0' && strchr("=+-@\t\r", *a) != NULL) {
			fuzz_check(*b == '\'');
			b++;
		}
		size_t n = strlen(a);
		fuzz_check(strlen(b) == n);
		for (size_t k = 0; k < n; k++)
			fuzz_check(a[k] == b[k] || (a[k] == '\r' && b[k] == '\n'));
	}
	/* a UTF-8 BOM at the start of a cell would be eaten at the start of the text */
	fuzz_check(csv_reader_next(r, &back, &cause) == 0 ||
	           (f->n > 0 && strncmp(f->v[0], "\xEF\xBB\xBF", 3) == 0));
	free(cause);
	strv_free(&back);
	csv_reader_free(r);
	buf_free(&out);
}

static void fuzz_records(const char *s, size_t n)
{
	struct csv_reader *r = csv_reader_new_mem(s, n);
	struct strv f;
	strv_init(&f);
	char *cause = NULL;
	size_t last = 0;
	int rc;
	while ((rc = csv_reader_next(r, &f, &cause)) == 1) {
		fuzz_check(f.n >= 1);
		fuzz_check(csv_reader_lineno(r) > last);
		last = csv_reader_lineno(r);
		if (f.n > 0 && strncmp(f.v[0], "\xEF\xBB\xBF", 3) != 0)
			fuzz_round_trip(&f);
	}
	fuzz_check(rc == 0 || (rc < 0 && cause != NULL && strncmp(cause, "line ", 5) == 0));
	free(cause);
	strv_free(&f);
	csv_reader_free(r);
}

static void fuzz_contacts(const char *s, size_t n, enum csv_want want)
{
	struct csv_reader *r = csv_reader_new_mem(s, n);
	struct csv_source src;
	char *cause = NULL;
	if (csv_source_open(&src, r, want, &cause) == 0) {
		struct contact c;
		int rc;
		while ((rc = csv_source_next(&src, &c, &cause)) != 0) {
			if (rc < 0) {
				fuzz_check(cause != NULL && strncmp(cause, "line ", 5) == 0);
				break;
			}
			fuzz_check(c.name != NULL && c.org != NULL);
			contact_free(&c);
		}
	}
	free(cause);
	csv_source_free(&src);
	csv_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	fuzz_records(s, size);
	struct strv f;
	strv_init(&f);
	csv_split_line(s, size, &f);
	fuzz_check(f.n >= 1);
	strv_free(&f);
	fuzz_contacts(s, size, CSV_WANT_AUTO);
	fuzz_contacts(s, size, CSV_WANT_LINKEDIN);
	return 0;
}
