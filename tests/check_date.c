/* check_date.c: tests of calendar arithmetic and ISO 8601 text: valid dates,
 * parsing and formatting, day and ISO week starts, adding days across DST,
 * and counting days. Each test sets TZ itself. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

static void date_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* Unix times of fixed moments (checked against the tz database). */
#define T_UTC_1120 1795132800      /* 2026-11-20T00:00Z */
#define T_UTC_1120_10 1795168800   /* 2026-11-20T10:00Z */
#define T_BER_1120_10 1795165200   /* 2026-11-20T10:00+01:00 */
#define T_BER_0328_10 1774688400   /* 2026-03-28T10:00+01:00, the day before DST */
#define T_BER_0329_10 1774771200   /* 2026-03-29T10:00+02:00 */
#define T_BER_0329_00 1774738800   /* 2026-03-29T00:00+01:00 */
#define T_BER_0329_12 1774778400   /* 2026-03-29T12:00+02:00 */
#define T_BER_0323_00 1774220400   /* 2026-03-23T00:00+01:00, a Monday */
#define T_BER_1024_10 1792828800   /* 2026-10-24T10:00+02:00, the day before DST ends */
#define T_BER_1025_10 1792918800   /* 2026-10-25T10:00+01:00 */
#define T_BER_1025_0230B 1792891800 /* 2026-10-25T02:30+01:00, the second 02:30 */
#define T_BER_0101_12 1798801200   /* 2027-01-01T12:00+01:00, a Friday */
#define T_BER_1228_00 1798412400   /* 2026-12-28T00:00+01:00, a Monday */
#define T_BER_1221_00 1797807600   /* 2026-12-21T00:00+01:00 */

struct ymd_case {
	int y, m, d, valid;
};

static const struct ymd_case ymd_cases[] = {
	{2026, 1, 1, 1},   {2026, 1, 31, 1},  {2026, 1, 32, 0},  {2026, 2, 28, 1},
	{2026, 2, 29, 0},  {2026, 2, 30, 0},  {2024, 2, 29, 1},  {2028, 2, 29, 1},
	{2000, 2, 29, 1},  {1900, 2, 29, 0},  {2100, 2, 29, 0},  {2026, 4, 30, 1},
	{2026, 4, 31, 0},  {2026, 6, 31, 0},  {2026, 9, 31, 0},  {2026, 11, 31, 0},
	{2026, 12, 31, 1}, {2026, 13, 1, 0},  {2026, 0, 1, 0},   {2026, 1, 0, 0},
	{2026, -1, 1, 0},  {0, 1, 1, 0},      {1, 1, 1, 1},      {9999, 12, 31, 1},
	{10000, 1, 1, 0},
};

START_TEST(test_valid_ymd)
{
	const struct ymd_case *c = &ymd_cases[_i];
	ck_assert_msg(date_valid_ymd(c->y, c->m, c->d) == c->valid, "%d-%d-%d", c->y, c->m, c->d);
}
END_TEST

START_TEST(test_make_local)
{
	int64_t t = 0;
	date_tz("UTC");
	ck_assert_int_eq(date_make_local(2026, 11, 20, 10, 0, 0, &t), 0);
	ck_assert_int_eq(t, T_UTC_1120_10);
	ck_assert_int_eq(date_make_local(1969, 12, 31, 12, 0, 0, &t), 0);
	ck_assert_int_eq(t, -43200);
	date_tz("Europe/Berlin");
	ck_assert_int_eq(date_make_local(2026, 11, 20, 10, 0, 0, &t), 0);
	ck_assert_int_eq(t, T_BER_1120_10);
	ck_assert_int_eq(date_make_local(2026, 3, 29, 10, 0, 0, &t), 0);
	ck_assert_int_eq(t, T_BER_0329_10);
	t = 42;
	ck_assert_int_eq(date_make_local(2026, 2, 30, 10, 0, 0, &t), -1);
	ck_assert_int_eq(date_make_local(2026, 11, 20, 24, 0, 0, &t), -1);
	ck_assert_int_eq(date_make_local(2026, 11, 20, 10, 60, 0, &t), -1);
	ck_assert_int_eq(date_make_local(2026, 11, 20, -1, 0, 0, &t), -1);
	ck_assert_int_eq(t, 42);
}
END_TEST

struct iso_case {
	const char *tz;
	const char *s;
	int64_t t;
};

static const struct iso_case iso_cases[] = {
	{"UTC", "2026-11-20", T_UTC_1120},
	{"UTC", "2026-11-20T10:00", T_UTC_1120_10},
	{"UTC", "2026-11-20 10:00", T_UTC_1120_10},
	{"UTC", "2026-11-20t10:00", T_UTC_1120_10},
	{"UTC", "2026-11-20T10:00:30", T_UTC_1120_10 + 30},
	{"UTC", "2026-11-20T10:00:30.999", T_UTC_1120_10 + 30},
	{"Europe/Berlin", "2026-11-20", T_BER_1120_10 - 10 * 3600},
	{"Europe/Berlin", "2026-11-20T10:00", T_BER_1120_10},
	{"Europe/Berlin", "2026-11-20 10:00:00", T_BER_1120_10},
	{"Europe/Berlin", "2026-03-29T10:00", T_BER_0329_10},
	/* With an offset the zone does not matter. */
	{"Europe/Berlin", "2026-11-20T10:00Z", T_UTC_1120_10},
	{"Europe/Berlin", "2026-11-20T10:00:00Z", T_UTC_1120_10},
	{"Asia/Tokyo", "2026-11-20T10:00:00z", T_UTC_1120_10},
	{"Asia/Tokyo", "2026-11-20T11:00:00+01:00", T_UTC_1120_10},
	{"Asia/Tokyo", "2026-11-20T11:00+0100", T_UTC_1120_10},
	{"Asia/Tokyo", "2026-11-20T11:00+01", T_UTC_1120_10},
	{"UTC", "2026-11-20T05:30-04:30", T_UTC_1120_10},
	{"UTC", "2026-11-20T10:00-00:00", T_UTC_1120_10},
	{"UTC", "2026-11-21T00:00+14:00", T_UTC_1120_10},
	{"America/New_York", "2026-11-20Z", T_UTC_1120},
};

START_TEST(test_parse_iso)
{
	const struct iso_case *c = &iso_cases[_i];
	date_tz(c->tz);
	int64_t t = 0;
	char *cause = NULL;
	int rc = date_parse_iso(c->s, &t, &cause);
	ck_assert_msg(rc == 0, "'%s': %s", c->s, cause ? cause : "");
	ck_assert_ptr_null(cause);
	ck_assert_int_eq(t, c->t);
}
END_TEST

static const char *const iso_rejects[] = {
	"",
	"2026",
	"2026-11",
	"2026-11-2",
	"26-11-20",
	"2026/11/20",
	"2026-1-20",
	"2026-11-20x",
	"2026-11-20T",
	"2026-11-20T10",
	"2026-11-20T10:0",
	"2026-11-20T1:00",
	"2026-11-20T10:00:",
	"2026-11-20T10:00:5",
	"2026-11-20T10:00:00.",
	"2026-11-20T10:00 ",
	"2026-11-20T10:00 extra",
	"2026-02-30",
	"2026-02-29T10:00",
	"2026-13-01",
	"2026-00-10",
	"0000-01-01",
	"1899-12-31",
	"0999-06-01T10:00",
	"2026-11-20T24:00",
	"2026-11-20T10:60",
	"2026-11-20T10:00:60",
	"2026-11-20T10:00+15:00",
	"2026-11-20T10:00+01:60",
	"2026-11-20T10:00+01:0",
	"2026-11-20T10:00+1",
	"2026-11-20T10:00+01:",
	"2026-11-20T10:00ZZ",
	"2026-11-20T10:00+01:00 ",
	" 2026-11-20",
};

START_TEST(test_parse_iso_rejects)
{
	const char *s = iso_rejects[_i];
	date_tz("UTC");
	int64_t t = 7;
	char *cause = NULL;
	ck_assert_msg(date_parse_iso(s, &t, &cause) == -1, "'%s' accepted", s);
	ck_assert_ptr_nonnull(cause);
	ck_assert_msg(strstr(cause, s) != NULL, "'%s' not named in: %s", s, cause);
	ck_assert_int_eq(t, 7);
	free(cause);
	ck_assert_int_eq(date_parse_iso(s, &t, NULL), -1);
}
END_TEST

struct format_case {
	const char *tz;
	int64_t t;
	const char *iso, *day, *minute;
};

static const struct format_case format_cases[] = {
	{"UTC", T_UTC_1120_10, "2026-11-20T10:00:00+00:00", "2026-11-20", "2026-11-20 10:00"},
	{"Europe/Berlin", T_BER_1120_10, "2026-11-20T10:00:00+01:00", "2026-11-20",
	 "2026-11-20 10:00"},
	{"Europe/Berlin", T_BER_0329_10, "2026-03-29T10:00:00+02:00", "2026-03-29",
	 "2026-03-29 10:00"},
	{"Europe/Berlin", T_BER_1025_0230B, "2026-10-25T02:30:00+01:00", "2026-10-25",
	 "2026-10-25 02:30"},
	{"Europe/Berlin", T_BER_1025_0230B - 3600, "2026-10-25T02:30:00+02:00", "2026-10-25",
	 "2026-10-25 02:30"},
	{"Asia/Kolkata", T_UTC_1120_10, "2026-11-20T15:30:00+05:30", "2026-11-20",
	 "2026-11-20 15:30"},
	{"America/St_Johns", T_UTC_1120_10, "2026-11-20T06:30:00-03:30", "2026-11-20",
	 "2026-11-20 06:30"},
	{"America/Los_Angeles", T_UTC_1120 + 7, "2026-11-19T16:00:07-08:00", "2026-11-19",
	 "2026-11-19 16:00"},
	{"UTC", -43200, "1969-12-31T12:00:00+00:00", "1969-12-31", "1969-12-31 12:00"},
};

START_TEST(test_format_round_trip)
{
	const struct format_case *c = &format_cases[_i];
	date_tz(c->tz);
	char iso[32], day[16], minute[24];
	date_format_iso(c->t, iso);
	date_format_day(c->t, day);
	date_format_minute(c->t, minute);
	ck_assert_str_eq(iso, c->iso);
	ck_assert_str_eq(day, c->day);
	ck_assert_str_eq(minute, c->minute);
	/* The ISO form carries its offset: it parses back to the same moment in any zone. */
	int64_t back = 0;
	date_tz("Asia/Tokyo");
	ck_assert_int_eq(date_parse_iso(iso, &back, NULL), 0);
	ck_assert_int_eq(back, c->t);
	/* The minute form is local: it parses back in its own zone, seconds dropped. */
	date_tz(c->tz);
	ck_assert_int_eq(date_parse_iso(minute, &back, NULL), 0);
	char again[24];
	date_format_minute(back, again);
	ck_assert_str_eq(again, minute);
}
END_TEST

/* Years print with four digits: 999 as 0999; past 9999 (only a damaged
 * journal has such a time) the year is clamped to keep the width. */
START_TEST(test_format_four_digit_year)
{
	date_tz("UTC");
	char iso[32], day[16], minute[24];
	date_format_iso(-30641662555LL, iso);
	date_format_day(-30641662555LL, day);
	date_format_minute(-30641662555LL, minute);
	ck_assert_str_eq(iso, "0999-01-02T03:04:05+00:00");
	ck_assert_str_eq(day, "0999-01-02");
	ck_assert_str_eq(minute, "0999-01-02 03:04");
	date_format_day(253402300740LL, day);
	ck_assert_str_eq(day, "9999-12-31");
	date_format_day(253402300740LL + 400LL * DAY_SECONDS, day);
	ck_assert_str_eq(day, "9999-02-03");
	date_format_minute(-62200000000LL, minute);
	ck_assert_uint_eq(strlen(minute), 16);
	ck_assert_int_eq(strncmp(minute, "0000-", 5), 0);
}
END_TEST

START_TEST(test_day_start)
{
	date_tz("Europe/Berlin");
	ck_assert_int_eq(date_day_start(T_BER_1120_10), T_BER_1120_10 - 10 * 3600);
	ck_assert_int_eq(date_day_start(T_BER_1120_10 - 10 * 3600), T_BER_1120_10 - 10 * 3600);
	ck_assert_int_eq(date_day_start(T_BER_1120_10 - 10 * 3600 - 1),
	                 T_BER_1120_10 - 10 * 3600 - DAY_SECONDS);
	/* On the day DST starts, midnight is 12 hours (not 11) before noon CEST. */
	ck_assert_int_eq(date_day_start(T_BER_0329_12), T_BER_0329_00);
	ck_assert_int_eq(T_BER_0329_12 - T_BER_0329_00, 11 * 3600);
	date_tz("UTC");
	ck_assert_int_eq(date_day_start(T_UTC_1120_10), T_UTC_1120);
	ck_assert_int_eq(date_day_start(-43200), -DAY_SECONDS);
	date_tz("America/Los_Angeles");
	ck_assert_int_eq(date_day_start(T_UTC_1120), T_UTC_1120 - DAY_SECONDS + 8 * 3600);
}
END_TEST

struct week_case {
	int64_t t, start;
};

static const struct week_case week_cases[] = {
	{T_BER_0101_12, T_BER_1228_00},                   /* Friday 2027-01-01 */
	{T_BER_0101_12 + 2 * DAY_SECONDS, T_BER_1228_00}, /* Sunday 2027-01-03 noon */
	{T_BER_0101_12 + 3 * DAY_SECONDS - 12 * 3600 - 1, T_BER_1228_00}, /* Sunday 23:59:59 */
	{T_BER_0101_12 + 3 * DAY_SECONDS - 12 * 3600, T_BER_1228_00 + 7 * DAY_SECONDS},
	{T_BER_1228_00, T_BER_1228_00},     /* Monday 00:00 is its own week start */
	{T_BER_1228_00 - 1, T_BER_1221_00}, /* Sunday 2026-12-27 23:59:59 */
	{T_BER_0329_12, T_BER_0323_00},     /* the Sunday DST starts */
	{T_BER_0329_12 + DAY_SECONDS, T_BER_0323_00 + 7 * DAY_SECONDS - 3600},
};

START_TEST(test_week_start)
{
	const struct week_case *c = &week_cases[_i];
	date_tz("Europe/Berlin");
	ck_assert_int_eq(date_week_start(c->t), c->start);
	char day[16];
	date_format_day(c->start, day);
	struct tm tm;
	time_t tt = (time_t)c->start;
	localtime_r(&tt, &tm);
	ck_assert_msg(tm.tm_wday == 1 && tm.tm_hour == 0 && tm.tm_min == 0, "%s", day);
}
END_TEST

START_TEST(test_add_days_dst)
{
	date_tz("Europe/Berlin");
	/* Spring: the day is 23 hours long; the wall-clock time stays 10:00. */
	ck_assert_int_eq(date_add_days(T_BER_0328_10, 1), T_BER_0329_10);
	ck_assert_int_eq(T_BER_0329_10 - T_BER_0328_10, 23 * 3600);
	ck_assert_int_eq(date_add_days(T_BER_0329_10, -1), T_BER_0328_10);
	/* Autumn: 25 hours. */
	ck_assert_int_eq(date_add_days(T_BER_1024_10, 1), T_BER_1025_10);
	ck_assert_int_eq(T_BER_1025_10 - T_BER_1024_10, 25 * 3600);
	ck_assert_int_eq(date_add_days(T_BER_1025_10, -1), T_BER_1024_10);
	/* Across several months and both changes, still 10:00. */
	char m[24];
	date_format_minute(date_add_days(T_BER_0328_10, 210), m);
	ck_assert_str_eq(m, "2026-10-24 10:00");
	/* No days: the very moment, even the second 02:30 of the autumn night. */
	ck_assert_int_eq(date_add_days(T_BER_1025_0230B, 0), T_BER_1025_0230B);
	ck_assert_int_eq(date_add_days(T_BER_1025_0230B - 3600, 0), T_BER_1025_0230B - 3600);
}
END_TEST

START_TEST(test_add_days_calendar)
{
	date_tz("UTC");
	int64_t t;
	char d[16];
	ck_assert_int_eq(date_make_local(2026, 1, 31, 9, 0, 0, &t), 0);
	date_format_day(date_add_days(t, 1), d);
	ck_assert_str_eq(d, "2026-02-01");
	ck_assert_int_eq(date_make_local(2028, 2, 28, 9, 0, 0, &t), 0);
	date_format_day(date_add_days(t, 1), d);
	ck_assert_str_eq(d, "2028-02-29");
	date_format_day(date_add_days(t, 366), d);
	ck_assert_str_eq(d, "2029-02-28");
	ck_assert_int_eq(date_make_local(2026, 1, 1, 9, 0, 0, &t), 0);
	date_format_day(date_add_days(t, -1), d);
	ck_assert_str_eq(d, "2025-12-31");
	ck_assert_int_eq(date_add_days(t, 7), t + 7 * DAY_SECONDS);
}
END_TEST

START_TEST(test_days_between)
{
	date_tz("Europe/Berlin");
	ck_assert_int_eq(date_days_between(T_BER_1120_10, T_BER_1120_10), 0);
	ck_assert_int_eq(date_days_between(T_BER_1120_10, T_BER_1120_10 + 13 * 3600), 0);
	/* 23:59 to 00:01 of the next day is a day, though two minutes apart. */
	int64_t late = T_BER_1120_10 + 13 * 3600 + 59 * 60;
	ck_assert_int_eq(date_days_between(late, late + 120), 1);
	ck_assert_int_eq(date_days_between(late + 120, late), -1);
	/* Across DST: 23 and 25 hour days count as one. */
	ck_assert_int_eq(date_days_between(T_BER_0328_10, T_BER_0329_10), 1);
	ck_assert_int_eq(date_days_between(T_BER_1024_10, T_BER_1025_10), 1);
	ck_assert_int_eq(date_days_between(T_BER_0328_10, T_BER_1025_10), 211);
	/* Across a year boundary. */
	ck_assert_int_eq(date_days_between(T_BER_1228_00, T_BER_0101_12), 4);
	ck_assert_int_eq(date_days_between(T_BER_0101_12, T_BER_1221_00), -11);
	/* The local date counts: 23:30 UTC on the 19th is already the 20th in Berlin. */
	date_tz("UTC");
	ck_assert_int_eq(date_days_between(T_UTC_1120 - 1800, T_UTC_1120), 1);
	date_tz("Europe/Berlin");
	ck_assert_int_eq(date_days_between(T_UTC_1120 - 1800, T_UTC_1120), 0);
}
END_TEST

extern Suite *suite_date(void);

Suite *suite_date(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("parse");
	tcase_add_loop_test(tc, test_valid_ymd, 0, sizeof ymd_cases / sizeof ymd_cases[0]);
	tcase_add_test(tc, test_make_local);
	tcase_add_loop_test(tc, test_parse_iso, 0, sizeof iso_cases / sizeof iso_cases[0]);
	tcase_add_loop_test(tc, test_parse_iso_rejects, 0,
	                    sizeof iso_rejects / sizeof iso_rejects[0]);
	tcase_add_loop_test(tc, test_format_round_trip, 0,
	                    sizeof format_cases / sizeof format_cases[0]);
	suite_add_tcase(s, tc);
	tc = tcase_create("arithmetic");
	tcase_add_test(tc, test_format_four_digit_year);
	tcase_add_test(tc, test_day_start);
	tcase_add_loop_test(tc, test_week_start, 0, sizeof week_cases / sizeof week_cases[0]);
	tcase_add_test(tc, test_add_days_dst);
	tcase_add_test(tc, test_add_days_calendar);
	tcase_add_test(tc, test_days_between);
	suite_add_tcase(s, tc);
	return s;
}
