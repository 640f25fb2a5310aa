/* check_vcard_chunks.c: the vCard reader reads its file a chunk at a time
 * (VCARD_CHUNK): line ends, folds and long lines across the chunks' edges,
 * CR-only files, line numbers; charset_stream_read gives the bytes getc gives;
 * a line's property is split into one block of strings. Depends on vcard.h,
 * vcard_int.h, charset.h and import.h. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "import.h"
#include "vcard.h"
#include "../src/vcard_int.h"

/* Reads every card of b (len bytes): how many, the notes of the first two and
 * the name of the last into the caller's strings (freed by the caller), the
 * return of the last vcard_next and its cause. */
struct chunk_read {
	int cards, rc;
	char *note[2], *last_name, *cause;
};

static void chunk_read(struct chunk_read *out, const char *b, size_t len)
{
	memset(out, 0, sizeof *out);
	FILE *f = fmemopen((void *)b, len, "rb");
	ck_assert_ptr_nonnull(f);
	struct vcard_reader r;
	vcard_reader_init(&r, f);
	struct import_record rec;
	for (;;) {
		import_record_init(&rec);
		if ((out->rc = vcard_next(&r, &rec, &out->cause)) != 1)
			break;
		if (out->cards < 2)
			out->note[out->cards] = strdup(rec.c.notes);
		free(out->last_name);
		out->last_name = strdup(rec.c.name);
		out->cards++;
		import_record_free(&rec);
	}
	import_record_free(&rec);
	vcard_reader_free(&r);
	fclose(f);
}

static void chunk_free(struct chunk_read *c)
{
	free(c->note[0]);
	free(c->note[1]);
	free(c->last_name);
	free(c->cause);
}

/* A card whose NOTE line ends with `end` placed so that its first byte is
 * the chunk's byte at - 1 (at from the start of the file), then folds on with
 * " more"; a second card follows. */
static char *chunk_file(size_t at, const char *end, size_t *len)
{
	const char *head = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:";
	const char *tail = " more\r\nEND:VCARD\r\nBEGIN:VCARD\nFN:Bo\nNOTE:two\nEND:VCARD\n";
	size_t h = strlen(head), pad = at - 1 - h, e = strlen(end), t = strlen(tail);
	char *b = malloc(h + pad + e + t + 1);
	memcpy(b, head, h);
	memset(b + h, 'a', pad);
	memcpy(b + h + pad, end, e);
	memcpy(b + h + pad + e, tail, t + 1);
	*len = h + pad + e + t;
	return b;
}

static void chunk_assert_note(const char *note, size_t pad)
{
	ck_assert_uint_eq(strlen(note), pad + 4);
	ck_assert_str_eq(note + pad, "more");
	ck_assert_uint_eq(strspn(note, "a"), pad);
}

/* CRLF, CR CR LF and a lone CR with the chunk's edge inside or just after
 * them: the line ends once, the fold after it goes on. */
START_TEST(test_chunk_line_end_at_edge)
{
	const char *ends[] = {"\r\n", "\r\r\n", "\r\r\r\n", "\r", "\n"};
	const char *head = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:";
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		for (size_t shift = 0; shift < 4; shift++) {
			size_t at = VCARD_CHUNK - shift, len;
			char *b = chunk_file(at, ends[i], &len);
			struct chunk_read c;
			chunk_read(&c, b, len);
			ck_assert_msg(c.rc == 0, "end %zu shift %zu: %s", i, shift,
			              c.cause ? c.cause : "");
			ck_assert_int_eq(c.cards, 2);
			chunk_assert_note(c.note[0], at - 1 - strlen(head));
			ck_assert_str_eq(c.note[1], "two");
			ck_assert_str_eq(c.last_name, "Bo");
			chunk_free(&c);
			free(b);
		}
	}
}
END_TEST

/* A line of three chunks and more is read whole. */
START_TEST(test_chunk_long_line)
{
	size_t at = 3 * VCARD_CHUNK + 100, len;
	char *b = chunk_file(at, "\n", &len);
	struct chunk_read c;
	chunk_read(&c, b, len);
	ck_assert_int_eq(c.rc, 0);
	ck_assert_int_eq(c.cards, 2);
	chunk_assert_note(c.note[0], at - 1 - strlen("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:"));
	chunk_free(&c);
	free(b);
}
END_TEST

/* A file with CR line ends only, several chunks long: every card, and the
 * line of a card left open far into it. */
START_TEST(test_chunk_cr_only)
{
	struct buf b;
	buf_init(&b);
	int n = 3 * VCARD_CHUNK / 40;
	for (int i = 0; i < n; i++)
		buf_printf(&b, "BEGIN:VCARD\rFN:P%05d\rEND:VCARD\r", i);
	struct chunk_read c;
	chunk_read(&c, b.data, b.len);
	ck_assert_int_eq(c.rc, 0);
	ck_assert_int_eq(c.cards, n);
	char want[16];
	snprintf(want, sizeof want, "P%05d", n - 1);
	ck_assert_str_eq(c.last_name, want);
	chunk_free(&c);
	buf_puts(&b, "BEGIN:VCARD\rFN:Open\r");
	chunk_read(&c, b.data, b.len);
	ck_assert_int_eq(c.rc, -1);
	char line[64];
	snprintf(line, sizeof line, "line %d: ", 3 * n + 1);
	ck_assert_msg(strstr(c.cause, line) == c.cause, "%s", c.cause);
	chunk_free(&c);
	buf_free(&b);
}
END_TEST

/* charset_stream_read gives what charset_stream_getc gives, whatever the
 * size asked for: a BOM dropped, UTF-16 decoded, bytes put back by the
 * sniffing first. */
START_TEST(test_chunk_stream_read)
{
	static const struct {
		const char *data;
		size_t len;
	} cases[] = {
		{"\xef\xbb\xbf" "BEGIN", 8},
		{"\xff\xfe" "A\0\xe9\0\x3d\xd8\x00\xde" "B\0", 12},
		{"\0B\0E\x01\xfc", 6},
		{"\xef\xbb" "xyz", 5},
		{"abcdefgh", 8},
		{"a", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		for (size_t n = 1; n <= 9; n += 4) {
			FILE *f = fmemopen((void *)cases[i].data, cases[i].len, "rb");
			struct charset_stream cs;
			charset_stream_init(&cs, f);
			struct buf got;
			buf_init(&got);
			buf_add(&got, "", 0);
			char part[16];
			size_t k;
			while ((k = charset_stream_read(&cs, part, n)) > 0) {
				ck_assert_uint_le(k, n);
				buf_add(&got, part, k);
			}
			fclose(f);
			f = fmemopen((void *)cases[i].data, cases[i].len, "rb");
			charset_stream_init(&cs, f);
			struct buf want;
			buf_init(&want);
			buf_add(&want, "", 0);
			int c;
			while ((c = charset_stream_getc(&cs)) != EOF)
				buf_putc(&want, (char)c);
			fclose(f);
			ck_assert_uint_eq(got.len, want.len);
			ck_assert_msg(memcmp(got.data, want.data, got.len) == 0, "case %zu, n %zu", i, n);
			buf_free(&got);
			buf_free(&want);
		}
	}
}
END_TEST

/* A property's line, group, upper-case name, parameters and value, each its
 * own string in the one block vcard_prop_free frees; lines that are no
 * property are refused. */
START_TEST(test_chunk_prop_parts)
{
	static const struct {
		const char *line, *group, *name, *params, *value;
	} ok[] = {
		{"item1.email;type=WORK;PREF=1:a@b.org", "item1", "EMAIL", ";type=WORK;PREF=1",
		 "a@b.org"},
		{"FN:Ana Souza", "", "FN", "", "Ana Souza"},
		{"x-my_prop;a=\"b:c\":v:w", "", "X-MY_PROP", ";a=\"b:c\"", "v:w"},
		{"g.NOTE:", "g", "NOTE", "", ""},
		{"tel;;:1", "", "TEL", ";;", "1"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		struct vcard_prop p;
		ck_assert_int_eq(vcard_parse_prop(ok[i].line, &p), 0);
		ck_assert_str_eq(p.raw, ok[i].line);
		ck_assert_str_eq(p.group, ok[i].group);
		ck_assert_str_eq(p.name, ok[i].name);
		ck_assert_str_eq(p.params, ok[i].params);
		ck_assert_str_eq(p.value, ok[i].value);
		ck_assert_int_eq(p.used, 0);
		vcard_prop_free(&p);
		ck_assert_ptr_null(p.raw);
	}
	static const char *const no[] = {"no colon", "a b:c", ":x", "a.:x", "a.b.c:x", "\"q:x\""};
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		struct vcard_prop p;
		ck_assert_msg(vcard_parse_prop(no[i], &p) == 1, "%s", no[i]);
	}
}
END_TEST

Suite *suite_vcard_chunks(void)
{
	Suite *s = suite_create("vcard_chunks");
	TCase *tc = tcase_create("chunks");
	tcase_add_test(tc, test_chunk_line_end_at_edge);
	tcase_add_test(tc, test_chunk_long_line);
	tcase_add_test(tc, test_chunk_cr_only);
	tcase_add_test(tc, test_chunk_stream_read);
	tcase_add_test(tc, test_chunk_prop_parts);
	suite_add_tcase(s, tc);
	return s;
}
