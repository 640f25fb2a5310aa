/* check_clock.c: tests of "now": pinned by a spec, bad specs rejected with a
 * message naming the value, and the system clock when unpinned. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"

START_TEST(test_pinned_local)
{
	setenv("TZ", "UTC", 1);
	tzset();
	struct clock c;
	char *cause = NULL;
	ck_assert_int_eq(clock_init(&c, "2026-11-20T10:00", &cause), 0);
	ck_assert_ptr_null(cause);
	ck_assert_int_eq(c.pinned, 1);
	ck_assert_int_eq(clock_now(&c), 1795168800);
	ck_assert_int_eq(clock_now(&c), 1795168800); /* pinned: never moves */

	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	ck_assert_int_eq(clock_init(&c, "2026-11-20T10:00", &cause), 0);
	ck_assert_int_eq(clock_now(&c), 1795168800 - 3600);
	ck_assert_int_eq(clock_init(&c, "2026-07-01 12:30:15", &cause), 0);
	ck_assert_int_eq(clock_now(&c), 1782909015 - 7200);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

START_TEST(test_pinned_offset)
{
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	struct clock c;
	ck_assert_int_eq(clock_init(&c, "2026-11-20T10:00:00Z", NULL), 0);
	ck_assert_int_eq(clock_now(&c), 1795168800);
	ck_assert_int_eq(clock_init(&c, "2026-11-20T11:00:00+01:00", NULL), 0);
	ck_assert_int_eq(clock_now(&c), 1795168800);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

static const char *const bad_specs[] = {
	"tomorrow", "2026-02-30T10:00", "2026-11-20T25:00", "2026-11-20T10:60", "20261120",
	"2026-11-20T10:00 extra", "2026-11-20T10", "2026-13-01", "now",
};

START_TEST(test_bad_spec)
{
	const char *spec = bad_specs[_i];
	struct clock c;
	char *cause = NULL;
	ck_assert_int_eq(clock_init(&c, spec, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	ck_assert_msg(strstr(cause, spec) != NULL, "'%s' not named in: %s", spec, cause);
	ck_assert_int_eq(c.pinned, 0);
	free(cause);
	/* A NULL cause is allowed. */
	ck_assert_int_eq(clock_init(&c, spec, NULL), -1);
}
END_TEST

START_TEST(test_unpinned)
{
	struct clock c;
	char *cause = NULL;
	ck_assert_int_eq(clock_init(&c, NULL, &cause), 0);
	ck_assert_int_eq(c.pinned, 0);
	int64_t before = (int64_t)time(NULL);
	int64_t now = clock_now(&c);
	ck_assert_int_ge(now, before - 60);
	ck_assert_int_le(now, before + 60);

	ck_assert_int_eq(clock_init(&c, "", &cause), 0);
	ck_assert_int_eq(c.pinned, 0);
	now = clock_now(&c);
	ck_assert_int_ge(now, before - 60);
	ck_assert_int_le(now, before + 60);
	ck_assert_ptr_null(cause);
}
END_TEST

extern Suite *suite_clock(void);

Suite *suite_clock(void)
{
	Suite *s = suite_create("clock");
	TCase *tc = tcase_create("clock");
	tcase_add_test(tc, test_pinned_local);
	tcase_add_test(tc, test_pinned_offset);
	tcase_add_loop_test(tc, test_bad_spec, 0, sizeof bad_specs / sizeof bad_specs[0]);
	tcase_add_test(tc, test_unpinned);
	suite_add_tcase(s, tc);
	return s;
}
