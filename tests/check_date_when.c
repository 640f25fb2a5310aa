/* check_date_when.c: tests of the capture grammar's WHEN forms (leading words,
 * optional HH:MM) and due forms, with a pinned now in UTC and in a DST zone.
 * Each test sets TZ itself. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

static void dw_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static int64_t dw_iso(const char *s)
{
	int64_t t = 0;
	char *cause = NULL;
	ck_assert_msg(date_parse_iso(s, &t, &cause) == 0, "bad fixture %s", s);
	return t;
}

/* 2026-11-20T10:00Z, a Friday. */
#define DW_NOW "2026-11-20T10:00:00Z"

struct when_case {
	const char *words; /* split on spaces */
	size_t used;       /* words consumed; on an error, the word at fault */
	const char *at;    /* expected time (ISO); NULL: now */
	const char *error; /* substring of the message; NULL when it parses */
};

static const struct when_case when_cases[] = {
	{"today", 1, NULL, NULL},
	{"Today coffee", 1, NULL, NULL},
	{"today 08:15", 2, "2026-11-20T08:15:00Z", NULL},
	{"today 23:59 late", 2, "2026-11-20T23:59:00Z", NULL},
	{"yesterday", 1, "2026-11-19T12:00:00Z", NULL},
	{"YESTERDAY 18:30 x", 2, "2026-11-19T18:30:00Z", NULL},
	{"yesterday 9:05", 2, "2026-11-19T09:05:00Z", NULL},
	{"yesterday 00:00", 2, "2026-11-19T00:00:00Z", NULL},
	{"3d ago", 2, "2026-11-17T12:00:00Z", NULL},
	{"3D AGO 07:45", 3, "2026-11-17T07:45:00Z", NULL},
	{"2w ago", 2, "2026-11-06T12:00:00Z", NULL},
	{"1 day ago", 3, "2026-11-19T12:00:00Z", NULL},
	{"3 days ago", 3, "2026-11-17T12:00:00Z", NULL},
	{"1 week ago 09:00", 4, "2026-11-13T09:00:00Z", NULL},
	{"2 weeks ago", 3, "2026-11-06T12:00:00Z", NULL},
	{"0d ago", 2, NULL, NULL},
	{"30d ago", 2, "2026-10-21T12:00:00Z", NULL},
	{"400d ago", 2, "2025-10-16T12:00:00Z", NULL},
	{"fri", 1, "2026-11-13T12:00:00Z", NULL},
	{"friday", 1, "2026-11-13T12:00:00Z", NULL},
	{"Fri 17:00", 2, "2026-11-13T17:00:00Z", NULL},
	{"thu", 1, "2026-11-19T12:00:00Z", NULL},
	{"wednesday", 1, "2026-11-18T12:00:00Z", NULL},
	{"mon 9:05", 2, "2026-11-16T09:05:00Z", NULL},
	{"sat", 1, "2026-11-14T12:00:00Z", NULL},
	{"sunday", 1, "2026-11-15T12:00:00Z", NULL},
	{"2026-11-01", 1, "2026-11-01T12:00:00Z", NULL},
	{"2026-11-01 18:00 dinner", 2, "2026-11-01T18:00:00Z", NULL},
	{"2026-12-25 20:00", 2, "2026-12-25T20:00:00Z", NULL},
	{"2024-02-29", 1, "2024-02-29T12:00:00Z", NULL},
	{"2026-1-5", 1, "2026-01-05T12:00:00Z", NULL},
	{"10:30 call", 1, "2026-11-20T10:30:00Z", NULL},
	{"7:00", 1, "2026-11-20T07:00:00Z", NULL},
	{"coffee with", 0, NULL, NULL},
	{"@ana", 0, NULL, NULL},
	{"tomorrow", 0, NULL, NULL},
	{"3d printing", 0, NULL, NULL},
	{"3d", 0, NULL, NULL},
	{"3 people", 0, NULL, NULL},
	{"2026", 0, NULL, NULL},
	{"2026-11", 0, NULL, NULL},
	{"10:30am", 0, NULL, "'10:30am' is not a time of day"},
	{"today 10:30am", 1, NULL, "'10:30am' is not a time of day"},
	{"2026-11-19T09:00", 1, "2026-11-19T09:00:00Z", NULL},
	{"2026-11-19t09:00 coffee", 1, "2026-11-19T09:00:00Z", NULL},
	{"2026-11-19T09:00:30 10:00", 1, "2026-11-19T09:00:30Z", NULL},
	{"2026-11-19 09:00:30", 2, "2026-11-19T09:00:30Z", NULL},
	{"yesterday 7:05:59", 2, "2026-11-19T07:05:59Z", NULL},
	{"09:00:30 call", 1, "2026-11-20T09:00:30Z", NULL},
	{"1900-01-01", 1, "1900-01-01T12:00:00Z", NULL},
	{"3:1 ratio", 0, NULL, "'3:1' is not a time of day"},
	{"9:5", 0, NULL, "'9:5' is not a time of day"},
	{"yesterday 9:5", 1, NULL, "'9:5' is not a time of day"},
	{"123:00", 0, NULL, "'123:00' is not a time"},
	{"10:00:5", 0, NULL, "'10:00:5' is not a time"},
	{"10:00:60", 0, NULL, "'10:00:60' is not a time"},
	{"10:000", 0, NULL, "'10:000' is not a time"},
	{"2026-11-19T9:5", 0, NULL, "'2026-11-19T9:5' has a bad time"},
	{"2026-11-19T25:00", 0, NULL, "has a bad time"},
	{"2026-11-19T", 0, NULL, "has a bad time"},
	{"2026-11-19x", 0, NULL, "'2026-11-19x' is not a date"},
	{"26-11-19", 0, NULL, "'26-11-19' is not a date (write YYYY-MM-DD)"},
	{"2026-011-19", 0, NULL, "is not a date"},
	{"1899-12-31", 0, NULL, "'1899-12-31' is out of range (years 1900 to 9999)"},
	{"0999-01-01 10:00", 0, NULL, "out of range"},
	{"2026-11-19-----------------------------------------", 0, NULL,
	 "is not a date or a time"},
	{"yesterday noon", 1, "2026-11-19T12:00:00Z", NULL},
	{"2026-02-30", 0, NULL, "'2026-02-30' is not a day of the calendar"},
	{"2025-02-29 10:00", 0, NULL, "'2025-02-29' is not a day"},
	{"2026-13-01", 0, NULL, "not a day of the calendar"},
	{"2026-00-10", 0, NULL, "not a day of the calendar"},
	{"yesterday 25:00", 1, NULL, "'25:00' is not a time of day"},
	{"today 12:60", 1, NULL, "'12:60' is not a time"},
	{"3d ago 24:00", 2, NULL, "'24:00' is not a time"},
	{"25:00", 0, NULL, "'25:00' is not a time"},
	{"3x ago", 0, NULL, "'3x ago' is not a time"},
	{"3 years ago", 0, NULL, "'3 years ago' is not a time"},
	{"3m ago", 0, NULL, "'3m ago' is not a time"},
	{"99999d ago", 0, NULL, "too far back"},
	{"1000000d ago", 0, NULL, "is not a time"},
};

START_TEST(test_when)
{
	const struct when_case *c = &when_cases[_i];
	dw_tz("UTC");
	int64_t now = dw_iso(DW_NOW), at = -1;
	char *words[8], *copy = strdup(c->words), *save = NULL, *cause = NULL;
	size_t n = 0, used = 99;
	for (char *w = strtok_r(copy, " ", &save); w != NULL && n < 8;
	     w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	int rc = date_parse_when(words, n, now, &at, &used, &cause);
	if (c->error != NULL) {
		ck_assert_msg(rc == -1, "%s: parsed", c->words);
		ck_assert_ptr_nonnull(cause);
		ck_assert_msg(strstr(cause, c->error) != NULL, "%s: message '%s'", c->words, cause);
		ck_assert_msg(used == c->used, "%s: fault at word %zu, not %zu", c->words, used,
		              c->used);
	} else {
		ck_assert_msg(rc == 0, "%s: %s", c->words, cause ? cause : "");
		ck_assert_ptr_null(cause);
		ck_assert_msg(used == c->used, "%s: used %zu, not %zu", c->words, used, c->used);
		int64_t want = c->at ? dw_iso(c->at) : now;
		ck_assert_msg(at == want, "%s: %lld, not %lld", c->words, (long long)at,
		              (long long)want);
	}
	free(cause);
	free(copy);
}
END_TEST

/* A relative WHEN stays within the years of an absolute one. */
START_TEST(test_when_year_range)
{
	dw_tz("UTC");
	char *w400[] = {"400w", "ago"}, *w100[] = {"100w", "ago"}, *cause = NULL;
	int64_t at = 0;
	size_t used = 9;
	ck_assert_int_eq(date_parse_when(w400, 2, dw_iso("1905-01-01T10:00:00Z"), &at, &used,
	                                 &cause),
	                 -1);
	ck_assert_ptr_nonnull(cause);
	ck_assert_msg(strstr(cause, "1897-05-02 is out of range") != NULL, "%s", cause);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(date_parse_when(w100, 2, dw_iso("1905-01-01T10:00:00Z"), &at, &used,
	                                 &cause),
	                 0);
	ck_assert_int_eq(at, dw_iso("1903-02-01T12:00:00Z"));
}
END_TEST

START_TEST(test_when_no_words)
{
	dw_tz("UTC");
	int64_t now = dw_iso(DW_NOW), at = 0;
	size_t used = 5;
	ck_assert_int_eq(date_parse_when(NULL, 0, now, &at, &used, NULL), 0);
	ck_assert_uint_eq(used, 0);
	ck_assert_int_eq(at, now);
}
END_TEST

START_TEST(test_when_long_word)
{
	dw_tz("UTC");
	char big[200];
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	char *words[] = {big, "ago"};
	int64_t now = dw_iso(DW_NOW), at = 0;
	size_t used = 5;
	ck_assert_int_eq(date_parse_when(words, 2, now, &at, &used, NULL), 0);
	ck_assert_uint_eq(used, 0);
	ck_assert_int_eq(at, now);
}
END_TEST

/* Berlin: CET (+01:00), CEST (+02:00) from 2026-03-29 02:00 to 2026-10-25 03:00. */
struct when_tz_case {
	const char *now;
	const char *words;
	size_t used;
	const char *at;
};

static const struct when_tz_case when_tz_cases[] = {
	{"2026-03-30T10:00:00+02:00", "yesterday", 1, "2026-03-29T12:00:00+02:00"},
	{"2026-03-30T10:00:00+02:00", "2d ago", 2, "2026-03-28T12:00:00+01:00"},
	{"2026-03-30T10:00:00+02:00", "1w ago 08:00", 3, "2026-03-23T08:00:00+01:00"},
	{"2026-03-30T10:00:00+02:00", "sun 01:30", 2, "2026-03-29T01:30:00+01:00"},
	{"2026-03-30T10:00:00+02:00", "sun 03:30", 2, "2026-03-29T03:30:00+02:00"},
	{"2026-03-30T10:00:00+02:00", "today", 1, "2026-03-30T10:00:00+02:00"},
	{"2026-03-30T00:30:00+02:00", "today 23:00", 2, "2026-03-30T23:00:00+02:00"},
	{"2026-10-26T09:00:00+01:00", "yesterday 12:00", 2, "2026-10-25T12:00:00+01:00"},
	{"2026-10-26T09:00:00+01:00", "sat", 1, "2026-10-24T12:00:00+02:00"},
};

START_TEST(test_when_dst)
{
	const struct when_tz_case *c = &when_tz_cases[_i];
	dw_tz("Europe/Berlin");
	char *words[8], *copy = strdup(c->words), *save = NULL, *cause = NULL;
	size_t n = 0, used = 0;
	for (char *w = strtok_r(copy, " ", &save); w != NULL && n < 8;
	     w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	int64_t at = 0;
	ck_assert_msg(date_parse_when(words, n, dw_iso(c->now), &at, &used, &cause) == 0, "%s",
	              cause ? cause : "");
	ck_assert_uint_eq(used, c->used);
	ck_assert_msg(at == dw_iso(c->at), "%s at %s", c->words, c->now);
	free(copy);
}
END_TEST

struct due_case {
	const char *now; /* NULL: DW_NOW */
	const char *s;
	const char *at;    /* expected local midnight */
	const char *error; /* substring; NULL when it parses */
};

static const struct due_case due_cases[] = {
	{NULL, "today", "2026-11-20T00:00:00Z", NULL},
	{NULL, "TODAY", "2026-11-20T00:00:00Z", NULL},
	{NULL, "tomorrow", "2026-11-21T00:00:00Z", NULL},
	{NULL, "0d", "2026-11-20T00:00:00Z", NULL},
	{NULL, "1d", "2026-11-21T00:00:00Z", NULL},
	{NULL, "3d", "2026-11-23T00:00:00Z", NULL},
	{NULL, "3D", "2026-11-23T00:00:00Z", NULL},
	{NULL, "11d", "2026-12-01T00:00:00Z", NULL},
	{NULL, "1w", "2026-11-27T00:00:00Z", NULL},
	{NULL, "2w", "2026-12-04T00:00:00Z", NULL},
	{NULL, "1m", "2026-12-20T00:00:00Z", NULL},
	{NULL, "3m", "2027-02-20T00:00:00Z", NULL},
	{NULL, "1y", "2027-11-20T00:00:00Z", NULL},
	{NULL, "3650d", "2036-11-17T00:00:00Z", NULL},
	{NULL, "521w", "2036-11-14T00:00:00Z", NULL},
	{NULL, "120m", "2036-11-20T00:00:00Z", NULL},
	{NULL, "fri", "2026-11-27T00:00:00Z", NULL},
	{NULL, "friday", "2026-11-27T00:00:00Z", NULL},
	{NULL, "Fri", "2026-11-27T00:00:00Z", NULL},
	{NULL, "sat", "2026-11-21T00:00:00Z", NULL},
	{NULL, "thu", "2026-11-26T00:00:00Z", NULL},
	{NULL, "monday", "2026-11-23T00:00:00Z", NULL},
	{NULL, "2026-12-01", "2026-12-01T00:00:00Z", NULL},
	{NULL, "2026-11-01", "2026-11-01T00:00:00Z", NULL},
	{"2027-01-31T15:00:00Z", "1m", "2027-02-28T00:00:00Z", NULL},
	{"2028-01-31T15:00:00Z", "1m", "2028-02-29T00:00:00Z", NULL},
	{"2026-10-31T15:00:00Z", "1m", "2026-11-30T00:00:00Z", NULL},
	{"2026-12-31T23:59:00Z", "tomorrow", "2027-01-01T00:00:00Z", NULL},
	{"2026-12-15T08:00:00Z", "1m", "2027-01-15T00:00:00Z", NULL},
	{"2028-02-29T08:00:00Z", "1y", "2029-02-28T00:00:00Z", NULL},
	{NULL, "2026-02-30", NULL, "'2026-02-30' is not a day of the calendar"},
	{NULL, "3x", NULL, "'3x' is not a due date"},
	{NULL, "3dd", NULL, "is not a due date"},
	{NULL, "3", NULL, "is not a due date"},
	{NULL, "d", NULL, "is not a due date"},
	{NULL, "", NULL, "is not a due date"},
	{NULL, "next week", NULL, "is not a due date"},
	{NULL, "important", NULL, "'important' is not a due date"},
	{NULL, "3651d", NULL, "too far ahead"},
	{NULL, "522w", NULL, "too far ahead"},
	{NULL, "121m", NULL, "too far ahead"},
	{NULL, "11y", NULL, "too far ahead"},
	{NULL, "1234567d", NULL, "too far ahead"},
	{NULL, "-1d", NULL, "is not a due date"},
	{NULL, "9999-12-31", "9999-12-31T00:00:00Z", NULL},
	{"9999-06-01T10:00:00Z", "1y", NULL, "10000-06-01 is out of range (years 1900 to 9999)"},
	{"9999-06-01T10:00:00Z", "6m", "9999-12-01T00:00:00Z", NULL},
	{NULL, "1899-12-31", NULL, "'1899-12-31' is out of range"},
	{NULL, "0999-01-01", NULL, "out of range"},
	{NULL, "2026-12-01T09:00", NULL, "'2026-12-01T09:00' is not a date"},
	{NULL, "2026-1-1x", NULL, "is not a date"},
};

START_TEST(test_due)
{
	const struct due_case *c = &due_cases[_i];
	dw_tz("UTC");
	int64_t now = dw_iso(c->now ? c->now : DW_NOW), at = -1;
	char *cause = NULL;
	int rc = date_parse_due(c->s, now, &at, &cause);
	if (c->error != NULL) {
		ck_assert_msg(rc == -1, "%s: parsed", c->s);
		ck_assert_msg(cause != NULL && strstr(cause, c->error) != NULL, "%s: '%s'", c->s,
		              cause ? cause : "(none)");
	} else {
		ck_assert_msg(rc == 0, "%s: %s", c->s, cause ? cause : "");
		ck_assert_msg(at == dw_iso(c->at), "%s: %lld", c->s, (long long)at);
	}
	free(cause);
}
END_TEST

START_TEST(test_due_long_message_is_clipped)
{
	dw_tz("UTC");
	char big[300];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	char *cause = NULL;
	int64_t at;
	ck_assert_int_eq(date_parse_due(big, dw_iso(DW_NOW), &at, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	ck_assert_uint_lt(strlen(cause), 160);
	free(cause);
}
END_TEST

/* Due dates across DST are local midnights. */
struct due_tz_case {
	const char *now;
	const char *s;
	const char *at;
};

static const struct due_tz_case due_tz_cases[] = {
	{"2026-03-28T10:00:00+01:00", "tomorrow", "2026-03-29T00:00:00+01:00"},
	{"2026-03-28T10:00:00+01:00", "2d", "2026-03-30T00:00:00+02:00"},
	{"2026-03-28T10:00:00+01:00", "mon", "2026-03-30T00:00:00+02:00"},
	{"2026-03-28T10:00:00+01:00", "1w", "2026-04-04T00:00:00+02:00"},
	{"2026-10-24T23:30:00+02:00", "tomorrow", "2026-10-25T00:00:00+02:00"},
	{"2026-10-24T23:30:00+02:00", "2d", "2026-10-26T00:00:00+01:00"},
	{"2026-10-25T01:00:00+02:00", "today", "2026-10-25T00:00:00+02:00"},
	{"2026-03-15T12:00:00+01:00", "1m", "2026-04-15T00:00:00+02:00"},
};

START_TEST(test_due_dst)
{
	const struct due_tz_case *c = &due_tz_cases[_i];
	dw_tz("Europe/Berlin");
	int64_t at = 0;
	char *cause = NULL;
	ck_assert_msg(date_parse_due(c->s, dw_iso(c->now), &at, &cause) == 0, "%s",
	              cause ? cause : "");
	ck_assert_msg(at == dw_iso(c->at), "%s from %s: %lld", c->s, c->now, (long long)at);
}
END_TEST

extern Suite *suite_date_when(void);

Suite *suite_date_when(void)
{
	Suite *s = suite_create("date_when");
	TCase *tc = tcase_create("when");
	tcase_add_loop_test(tc, test_when, 0, sizeof when_cases / sizeof when_cases[0]);
	tcase_add_test(tc, test_when_no_words);
	tcase_add_test(tc, test_when_year_range);
	tcase_add_test(tc, test_when_long_word);
	tcase_add_loop_test(tc, test_when_dst, 0, sizeof when_tz_cases / sizeof when_tz_cases[0]);
	suite_add_tcase(s, tc);
	tc = tcase_create("due");
	tcase_add_loop_test(tc, test_due, 0, sizeof due_cases / sizeof due_cases[0]);
	tcase_add_test(tc, test_due_long_message_is_clipped);
	tcase_add_loop_test(tc, test_due_dst, 0, sizeof due_tz_cases / sizeof due_tz_cases[0]);
	suite_add_tcase(s, tc);
	return s;
}
