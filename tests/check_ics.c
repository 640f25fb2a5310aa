/* check_ics.c: iCalendar out (ics.c): folding at 75 octets without splitting
 * a UTF-8 character, TEXT escapes, and VTODO items with stable UIDs, open and
 * completed. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "ics.h"
#include "utf8.h"

/* Fails unless every line of text (CRLF-ended) is at most 75 octets and
 * valid UTF-8 on its own; returns the text unfolded (caller frees). */
static char *unfold_checked(const char *text)
{
	struct buf out;
	buf_init(&out);
	buf_puts(&out, "");
	const char *p = text;
	int first = 1;
	while (*p != '\0') {
		const char *end = strstr(p, "\r\n");
		ck_assert_ptr_nonnull(end);
		size_t len = (size_t)(end - p);
		ck_assert_msg(len <= 75, "a line of %zu octets", len);
		ck_assert_msg(utf8_valid(p, len), "a line splits a character");
		if (!first && p[0] == ' ') {
			buf_add(&out, p + 1, len - 1);
		} else {
			if (!first)
				buf_putc(&out, '\n');
			buf_add(&out, p, len);
		}
		first = 0;
		p = end + 2;
	}
	return buf_detach(&out);
}

START_TEST(test_fold_lengths)
{
	/* every length around the limits, with 2-, 3- and 4-byte characters
	 * placed across the cut */
	static const char *const pieces[] = {"a", "\xc3\xa7", "\xe7\xa0\x94", "\xf0\x9f\x8e\x89"};
	for (size_t piece = 0; piece < 4; piece++) {
		for (size_t n = 0; n < 200; n++) {
			struct buf line, b;
			buf_init(&line);
			buf_init(&b);
			for (size_t i = 0; i < n; i++)
				buf_puts(&line, i % 3 == 2 ? pieces[piece] : "x");
			ics_fold(&b, buf_str(&line), line.len);
			char *back = unfold_checked(buf_str(&b));
			ck_assert_str_eq(back, buf_str(&line));
			if (line.len <= 75)
				ck_assert_uint_eq(b.len, line.len + 2); /* not folded */
			free(back);
			buf_free(&line);
			buf_free(&b);
		}
	}
}
END_TEST

START_TEST(test_fold_exact)
{
	char line[151];
	memset(line, 'x', 150);
	line[150] = '\0';
	struct buf b;
	buf_init(&b);
	ics_fold(&b, line, 150);
	/* 75, then a space and 74, then a space and 1 */
	ck_assert_uint_eq(b.len, 75 + 2 + 1 + 74 + 2 + 1 + 1 + 2);
	ck_assert_int_eq(b.data[75], '\r');
	ck_assert_int_eq(b.data[77], ' ');
	ck_assert_int_eq(b.data[77 + 75], '\r');
	buf_free(&b);
}
END_TEST

START_TEST(test_escape_text)
{
	struct buf b;
	buf_init(&b);
	ics_escape_text(&b, "a,b;c\\d\ne\r\x1b[31m\tf\x7f");
	ck_assert_str_eq(buf_str(&b), "a\\,b\\;c\\\\d\\ne[31m\tf");
	buf_free(&b);
}
END_TEST

START_TEST(test_escape_text_not_utf8)
{
	struct buf b;
	buf_init(&b);
	/* a stray byte, an overlong '/', a cut sequence; bidi and C1 are text */
	ics_escape_text(&b, "R\xff\xc0\xaf\xe2\x80\xae \xc2\x9b \xe2\x82");
	ck_assert_str_eq(buf_str(&b), "R\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xe2\x80\xae "
	                              "\xc2\x9b \xef\xbf\xbd\xef\xbf\xbd");
	ck_assert(utf8_valid(b.data, b.len));
	buf_free(&b);
}
END_TEST

START_TEST(test_calendar)
{
	setenv("TZ", "UTC", 1); /* the due day is a local date */
	tzset();
	struct followup f[2];
	memset(f, 0, sizeof f);
	strcpy(f[0].id, "0c4b7a3e-93aa-4a3e-8f00-1234567890ab");
	f[0].contact_name = xstrdup("Ana, \"the\" Souza");
	f[0].text = xstrdup("send the deck; then call");
	f[0].due_at = 1795737600; /* 2026-11-27 00:00 UTC */
	f[0].created_at = 1795168800;
	f[0].updated_at = 1795168800;
	strcpy(f[1].id, "11111111-2222-4333-8444-555555555555");
	f[1].contact_name = xstrdup("Bruno");
	f[1].text = xstrdup("thanks");
	f[1].due_at = 1795737600;
	f[1].created_at = 1795168800;
	f[1].updated_at = 1795172400;
	f[1].done_at = 1795172400;
	struct buf b;
	buf_init(&b);
	ics_write_calendar(&b, f, 2);
	char *text = unfold_checked(buf_str(&b));
	ck_assert_ptr_eq(strstr(buf_str(&b), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), b.data);
	ck_assert_ptr_nonnull(strstr(text, "UID:0c4b7a3e-93aa-4a3e-8f00-1234567890ab"));
	ck_assert_ptr_nonnull(strstr(text, "SUMMARY:Ana\\, \"the\" Souza: send the deck\\; then call"));
	ck_assert_ptr_nonnull(strstr(text, "DUE;VALUE=DATE:20261127"));
	const char *second = strstr(text, "UID:11111111-2222-4333-8444-555555555555");
	ck_assert_ptr_nonnull(second);
	const char *open = strstr(text, "STATUS:NEEDS-ACTION");
	ck_assert_ptr_nonnull(open);
	ck_assert(open < second);
	ck_assert_ptr_nonnull(strstr(second, "STATUS:COMPLETED"));
	ck_assert_ptr_nonnull(strstr(second, "COMPLETED:20261120T110000Z"));
	ck_assert_ptr_nonnull(strstr(second, "DTSTAMP:20261120T110000Z"));
	ck_assert_int_eq((int)(strstr(text, "END:VCALENDAR") - text), (int)strlen(text) - 13);
	ck_assert_ptr_null(strstr(text, "\n ")); /* nothing folded that fits */
	/* the same follow-ups write the same calendar: a re-export updates */
	struct buf again;
	buf_init(&again);
	ics_write_calendar(&again, f, 2);
	ck_assert_str_eq(buf_str(&again), buf_str(&b));
	buf_free(&again);
	free(text);
	buf_free(&b);
	followup_free(&f[0]);
	followup_free(&f[1]);
}
END_TEST

Suite *suite_ics(void)
{
	Suite *s = suite_create("ics");
	TCase *tc = tcase_create("ics");
	tcase_add_test(tc, test_fold_lengths);
	tcase_add_test(tc, test_fold_exact);
	tcase_add_test(tc, test_escape_text);
	tcase_add_test(tc, test_escape_text_not_utf8);
	tcase_add_test(tc, test_calendar);
	suite_add_tcase(s, tc);
	return s;
}
