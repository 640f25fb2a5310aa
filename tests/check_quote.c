/* check_quote.c: a token quoted in an error message (capture, due dates) is
 * cut at 40 bytes, never in the middle of a character; capture marks the cut
 * with "…". */
#include <check.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "capture.h"
#include "date.h"

#define NOW INT64_C(1700000000)

/* The message of a line that must fail. Caller frees. */
static char *cq_message(const char *line)
{
	struct capture c;
	struct capture_error e;
	ck_assert_int_eq(capture_parse(line, NOW, &c, &e), -1);
	ck_assert_ptr_nonnull(e.message);
	char *m = e.message;
	e.message = NULL;
	capture_error_free(&e);
	return m;
}

/* The quote of `token` (as written in the line) in the message, with `want`
 * the expected quoted text: what lies between the quotes. */
static void cq_check(const char *prefix, const char *token, const char *want)
{
	struct buf line, q;
	buf_init(&line);
	buf_init(&q);
	buf_printf(&line, "%s%s", prefix, token);
	char *m = cq_message(buf_str(&line));
	buf_printf(&q, "'%s'", want);
	ck_assert_msg(strstr(m, buf_str(&q)) != NULL, "message '%s' lacks %s", m, buf_str(&q));
	free(m);
	buf_free(&line);
	buf_free(&q);
}

static const char cq_39[] = "+abcdefghijabcdefghijabcdefghijabcdefgh"; /* 39 bytes */

START_TEST(test_quote_short_and_exact)
{
	ck_assert_uint_eq(strlen(cq_39), 39);
	cq_check("call @ana ", "+x", "+x");
	cq_check("call @ana ", cq_39, cq_39);
	/* exactly 40 bytes: whole, no ellipsis */
	char t40[64];
	snprintf(t40, sizeof t40, "%sZ", cq_39);
	cq_check("call @ana ", t40, t40);
}
END_TEST

START_TEST(test_quote_cut)
{
	/* 41 bytes and more: the first 40, then "…" */
	char t41[64], want[64];
	snprintf(t41, sizeof t41, "%sZY", cq_39);
	snprintf(want, sizeof want, "%sZ\xe2\x80\xa6", cq_39);
	cq_check("call @ana ", t41, want);
	char longer[200];
	snprintf(longer, sizeof longer, "%sZ%s%s", cq_39, cq_39, cq_39);
	cq_check("call @ana ", longer, want);
	/* the rest of the token is not in the message */
	char *m = cq_message("call @ana +abcdefghijabcdefghijabcdefghijabcdefghiQRSTUV");
	ck_assert_ptr_null(strstr(m, "Q"));
	ck_assert_ptr_nonnull(strstr(m, "abcdefghi\xe2\x80\xa6'"));
	free(m);
}
END_TEST

START_TEST(test_quote_never_splits_a_character)
{
	/* "é" (2 bytes) at bytes 39-40: cut before it */
	char tok[80], want[80];
	snprintf(tok, sizeof tok, "%s\xc3\xa9xyz", cq_39);
	snprintf(want, sizeof want, "%s\xe2\x80\xa6", cq_39);
	cq_check("call @ana ", tok, want);
	/* "€" (3 bytes) at bytes 38-40 would end past the 40th: it goes whole */
	char t38[40];
	memcpy(t38, cq_39, 38);
	t38[38] = '\0';
	snprintf(tok, sizeof tok, "%s\xe2\x82\xacxyz", t38);
	snprintf(want, sizeof want, "%s\xe2\x80\xa6", t38);
	cq_check("call @ana ", tok, want);
	/* at bytes 37-39 it is the 38th to 40th byte: kept */
	char t37[40];
	memcpy(t37, cq_39, 37);
	t37[37] = '\0';
	snprintf(tok, sizeof tok, "%s\xe2\x82\xacxyz", t37);
	snprintf(want, sizeof want, "%s\xe2\x82\xac\xe2\x80\xa6", t37);
	cq_check("call @ana ", tok, want);
}
END_TEST

START_TEST(test_quote_kind)
{
	/* kind:NAME quotes the name the same way */
	char *m = cq_message("kind:abcdefghijabcdefghijabcdefghijabcdefghijXYZ @ana");
	ck_assert_ptr_nonnull(strstr(m, "'abcdefghijabcdefghijabcdefghijabcdefghij\xe2\x80\xa6'"));
	ck_assert_ptr_null(strstr(m, "XYZ"));
	free(m);
}
END_TEST

/* A due date that does not parse is quoted the same way: at most 40 bytes,
 * whole characters only. */
static char *dq_message(const char *spec)
{
	int64_t due = 0;
	char *cause = NULL;
	ck_assert_int_eq(date_parse_due(spec, NOW, &due, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	return cause;
}

START_TEST(test_quote_due)
{
	char a40[41];
	memset(a40, 'q', 40);
	a40[40] = '\0';
	/* 40 bytes: whole */
	char *m = dq_message(a40);
	ck_assert_msg(strstr(m, a40) != NULL, "%s", m);
	free(m);
	/* more: the first 40, nothing after them */
	char longer[80];
	snprintf(longer, sizeof longer, "%sXYZXYZ", a40);
	m = dq_message(longer);
	ck_assert_msg(strstr(m, a40) != NULL, "%s", m);
	ck_assert_msg(strchr(m, 'X') == NULL, "%s", m);
	free(m);
	/* "é" across the 40th byte: left out whole */
	char split[80];
	snprintf(split, sizeof split, "%.39s\xc3\xa9zz", a40);
	m = dq_message(split);
	ck_assert_msg(strstr(m, "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq") != NULL, "%s", m);
	ck_assert_msg(strchr(m, '\xc3') == NULL && strchr(m, 'z') == NULL, "%s", m);
	free(m);
}
END_TEST

extern Suite *suite_quote(void);

Suite *suite_quote(void)
{
	Suite *s = suite_create("quote");
	TCase *tc = tcase_create("quote");
	tcase_add_test(tc, test_quote_short_and_exact);
	tcase_add_test(tc, test_quote_cut);
	tcase_add_test(tc, test_quote_never_splits_a_character);
	tcase_add_test(tc, test_quote_kind);
	tcase_add_test(tc, test_quote_due);
	suite_add_tcase(s, tc);
	return s;
}
