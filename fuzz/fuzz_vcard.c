/* fuzz_vcard.c: a libFuzzer harness for the vCard reader. Reads arbitrary
 * bytes as a vCard file, card by card as an import does; writes each card
 * back (4.0 and 3.0) and reads that again: one card, lines of at most 75
 * octets, and a second write equal to the first. Depends on the core only.
 * Seeds: tests/fixtures/vcard. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "vcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FV_CHECK(cond)                                                                  \
	do {                                                                            \
		if (!(cond))                                                            \
			__builtin_trap();                                               \
	} while (0)

/* Every card of the len bytes at p into *out (at most max); the reader's result. */
static int fv_read(const char *p, size_t len, struct import_record *out, int max, int *n)
{
	*n = 0;
	if (len == 0)
		return 0;
	FILE *f = fmemopen((void *)p, len, "rb");
	if (f == NULL)
		return -1;
	struct vcard_reader r;
	vcard_reader_init(&r, f);
	int rc;
	char *cause = NULL;
	for (;;) {
		struct import_record rec;
		import_record_init(&rec);
		rc = vcard_next(&r, &rec, &cause);
		if (rc != 1 || *n >= max) {
			import_record_free(&rec);
			break;
		}
		out[(*n)++] = rec;
	}
	FV_CHECK(rc != -1 || (cause != NULL && strncmp(cause, "line ", 5) == 0));
	free(cause);
	vcard_reader_free(&r);
	fclose(f);
	return rc;
}

static void fv_lines_fit(const struct buf *b)
{
	const char *p = b->data;
	while (p != NULL && *p != '\0') {
		const char *e = strstr(p, "\r\n");
		FV_CHECK(e != NULL && e - p <= 75);
		p = e + 2;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_record recs[16];
	int n;
	fv_read((const char *)data, size, recs, 16, &n);
	for (int i = 0; i < n; i++) {
		for (int version = 3; version <= 4; version++) {
			struct buf one, two;
			buf_init(&one);
			buf_init(&two);
			vcard_write(&one, &recs[i].c, version);
			fv_lines_fit(&one);
			struct import_record back[2];
			int m;
			FV_CHECK(fv_read(one.data, one.len, back, 2, &m) == 0 && m == 1);
			vcard_write(&two, &back[0].c, version);
			struct import_record again[2];
			int k;
			FV_CHECK(fv_read(two.data, two.len, again, 2, &k) == 0 && k == 1);
			FV_CHECK(contact_same_details(&back[0].c, &again[0].c));
			import_record_free(&back[0]);
			import_record_free(&again[0]);
			buf_free(&one);
			buf_free(&two);
		}
		import_record_free(&recs[i]);
	}
	return 0;
}
