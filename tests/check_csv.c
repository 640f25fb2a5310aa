/* check_csv.c: tests of the CSV reader (quotes, commas, quotes and line breaks inside
 * fields, CRLF/LF/CR, BOM, line numbers, the unterminated-quote error) and writer
 * (quoting, the formula escape). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

/* Reads all records of s into one string: cells joined by '|', records by ';'. */
static char *csv_dump(const char *s, char **cause, size_t *lines)
{
	struct csv_reader *r = csv_reader_new_mem(s, strlen(s));
	struct strv f;
	strv_init(&f);
	struct buf out;
	buf_init(&out);
	buf_puts(&out, "");
	int rc;
	size_t nl = 0;
	while ((rc = csv_reader_next(r, &f, cause)) == 1) {
		char *row = strv_join(&f, "|");
		if (out.len > 0)
			buf_putc(&out, ';');
		buf_puts(&out, row);
		free(row);
		if (lines != NULL && nl < 8)
			lines[nl++] = csv_reader_lineno(r);
	}
	strv_free(&f);
	csv_reader_free(r);
	if (rc < 0) {
		buf_free(&out);
		return NULL;
	}
	return buf_detach(&out);
}

static void check_dump(const char *in, const char *want)
{
	char *cause = NULL;
	char *got = csv_dump(in, &cause, NULL);
	ck_assert_msg(got != NULL, "%s: %s", in, cause ? cause : "?");
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_plain)
{
	check_dump("a,b,c\n1,2,3\n", "a|b|c;1|2|3");
	check_dump("a,b,c\r\n1,2,3", "a|b|c;1|2|3");
	check_dump("a,b\r1,2\r", "a|b;1|2");
	check_dump("a,,\n", "a||");
	check_dump("", "");
	check_dump("\n", "");
	check_dump("a\n\nb\n", "a;;b");
}
END_TEST

START_TEST(test_quoted)
{
	check_dump("\"a,b\",c\n", "a,b|c");
	check_dump("\"say \"\"hi\"\"\",x\n", "say \"hi\"|x");
	check_dump("\"two\r\nlines\",\"and\nmore\"\n", "two\nlines|and\nmore");
	check_dump("\"\",\"\"\n", "|");
	check_dump("\"\"\"\"\n", "\"");
	/* lenient: a quote inside an unquoted field, text after a closing quote */
	check_dump("ab\"c,d\n", "ab\"c|d");
	check_dump("\"ab\"c,d\n", "abc|d");
}
END_TEST

START_TEST(test_bom_and_lines)
{
	check_dump("\xEF\xBB\xBFName,Email\nAna,a@x\n", "Name|Email;Ana|a@x");
	size_t lines[8] = {0};
	char *cause = NULL;
	char *got = csv_dump("a\n\"b\nc\nd\",e\nf\r\ng\n", &cause, lines);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, "a;b\nc\nd|e;f;g");
	ck_assert_uint_eq(lines[0], 1);
	ck_assert_uint_eq(lines[1], 2);
	ck_assert_uint_eq(lines[2], 5);
	ck_assert_uint_eq(lines[3], 6);
	free(got);
}
END_TEST

START_TEST(test_unterminated)
{
	char *cause = NULL;
	char *got = csv_dump("a,b\nc,d\ne,\"open\nx\ny\n", &cause, NULL);
	ck_assert_ptr_null(got);
	ck_assert_str_eq(cause, "line 3: unterminated quoted field");
	free(cause);
}
END_TEST

START_TEST(test_raw_lines)
{
	const char *s = "Notes:\n\"\nFirst Name,Last Name\r\nAna,\"Souza, S\"\n";
	struct csv_reader *r = csv_reader_new_mem(s, strlen(s));
	struct buf line;
	buf_init(&line);
	ck_assert_int_eq(csv_reader_line(r, &line), 1);
	ck_assert_str_eq(buf_str(&line), "Notes:");
	ck_assert_int_eq(csv_reader_line(r, &line), 1);
	ck_assert_str_eq(buf_str(&line), "\"");
	ck_assert_uint_eq(csv_reader_lineno(r), 2);
	ck_assert_int_eq(csv_reader_line(r, &line), 1);
	ck_assert_str_eq(buf_str(&line), "First Name,Last Name");
	struct strv f;
	strv_init(&f);
	ck_assert_int_eq(csv_reader_next(r, &f, NULL), 1);
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.v[1], "Souza, S");
	ck_assert_uint_eq(csv_reader_lineno(r), 4);
	ck_assert_int_eq(csv_reader_next(r, &f, NULL), 0);
	ck_assert_int_eq(csv_reader_line(r, &line), 0);
	csv_split_line("x,\"open, rest", 13, &f);
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.v[1], "open, rest");
	csv_split_line("", 0, &f);
	ck_assert_uint_eq(f.n, 1);
	strv_free(&f);
	buf_free(&line);
	csv_reader_free(r);
}
END_TEST

/* A spreadsheet's ';' (or TAB) separated file: the separator told by the header,
 * quoted cells keeping theirs. */
START_TEST(test_separator)
{
	ck_assert_int_eq(csv_guess_sep("Vorname;Nachname;E-Mail-Adresse", 31), ';');
	ck_assert_int_eq(csv_guess_sep("Name\tE-mail", 12), '\t');
	ck_assert_int_eq(csv_guess_sep("First Name,Last Name", 20), ',');
	ck_assert_int_eq(csv_guess_sep("\"a;b;c\",d", 9), ',');
	ck_assert_int_eq(csv_guess_sep("Name", 4), ',');
	ck_assert_int_eq(csv_guess_sep("", 0), ',');
	const char *s = "J\u00fcrgen;\"M\u00fcller; Jr.\";a,b\r\n";
	struct csv_reader *r = csv_reader_new_mem(s, strlen(s));
	csv_reader_set_sep(r, ';');
	struct strv f;
	strv_init(&f);
	ck_assert_int_eq(csv_reader_next(r, &f, NULL), 1);
	ck_assert_uint_eq(f.n, 3);
	ck_assert_str_eq(f.v[1], "M\u00fcller; Jr.");
	ck_assert_str_eq(f.v[2], "a,b");
	csv_split_line_sep("x;y", 3, ';', &f);
	ck_assert_uint_eq(f.n, 2);
	strv_free(&f);
	csv_reader_free(r);
}
END_TEST

/* A record across the reader's 64 KiB chunks is read whole. */
START_TEST(test_long_record)
{
	size_t n = 200000;
	char *s = xmalloc(n + 8);
	s[0] = '"';
	memset(s + 1, 'x', n);
	memcpy(s + 1 + n, "\",y\n", 5);
	struct csv_reader *r = csv_reader_new_mem(s, strlen(s));
	struct strv f;
	strv_init(&f);
	ck_assert_int_eq(csv_reader_next(r, &f, NULL), 1);
	ck_assert_uint_eq(f.n, 2);
	ck_assert_uint_eq(strlen(f.v[0]), n);
	ck_assert_str_eq(f.v[1], "y");
	strv_free(&f);
	csv_reader_free(r);
	free(s);
}
END_TEST

START_TEST(test_writer)
{
	struct buf b;
	buf_init(&b);
	struct csv_writer w;
	csv_writer_init(&w, &b);
	csv_put_text(&w, "plain");
	csv_put_text(&w, "a,b");
	csv_put_text(&w, "say \"hi\"");
	csv_put_text(&w, "two\nlines");
	csv_put_text(&w, "");
	csv_put_text(&w, NULL);
	csv_put_text(&w, " pad");
	csv_end_row(&w);
	ck_assert_str_eq(buf_str(&b),
	                 "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,\" pad\"\r\n");
	buf_reset(&b);
	csv_put_text(&w, "=1+2");
	csv_put_text(&w, "+33 1 23");
	csv_put_text(&w, "-2+3");
	csv_put_text(&w, "@SUM(A1)");
	csv_put_text(&w, "\tx");
	csv_put_text(&w, "\rx");
	csv_put_text(&w, "a=b");
	csv_put_number(&w, -0.25, 3);
	csv_end_row(&w);
	ck_assert_str_eq(buf_str(&b), "\"'=1+2\",\"'+33 1 23\",\"'-2+3\",\"'@SUM(A1)\",\"'\tx\","
	                              "\"'\rx\",a=b,-0.250\r\n");
	/* what the writer wrote reads back */
	struct csv_reader *r = csv_reader_new_mem(b.data, b.len);
	struct strv f;
	strv_init(&f);
	ck_assert_int_eq(csv_reader_next(r, &f, NULL), 1);
	ck_assert_uint_eq(f.n, 8);
	ck_assert_str_eq(f.v[0], "'=1+2");
	ck_assert_str_eq(f.v[5], "'\nx");
	strv_free(&f);
	csv_reader_free(r);
	buf_free(&b);
}
END_TEST

Suite *suite_csv(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_plain);
	tcase_add_test(tc, test_quoted);
	tcase_add_test(tc, test_bom_and_lines);
	tcase_add_test(tc, test_separator);
	tcase_add_test(tc, test_unterminated);
	tcase_add_test(tc, test_raw_lines);
	tcase_add_test(tc, test_long_record);
	tcase_add_test(tc, test_writer);
	suite_add_tcase(s, tc);
	return s;
}
