/* check_json.c: tests of the JSON writer (json.c): string escapes, numbers
 * (-0, non-finite), separators, indentation and nesting deeper than any cap. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"

/* json_escape of in, compared with the exact JSON text want. */
static void check_escape(const char *in, const char *want)
{
	struct buf b;
	buf_init(&b);
	json_escape(&b, in);
	ck_assert_str_eq(buf_str(&b), want);
	buf_free(&b);
}

START_TEST(test_escape_specials)
{
	check_escape("", "\"\"");
	check_escape("plain", "\"plain\"");
	check_escape("a\\b", "\"a\\\\b\"");
	check_escape("\\", "\"\\\\\"");
	check_escape("say \"hi\"", "\"say \\\"hi\\\"\"");
	check_escape("a\tb", "\"a\\tb\"");
	check_escape("l1\nl2\r", "\"l1\\nl2\\r\"");
	check_escape("/", "\"/\"");
}
END_TEST

START_TEST(test_escape_controls)
{
	check_escape("\x1b[31m", "\"\\u001b[31m\"");
	check_escape("bell\x07", "\"bell\\u0007\"");
	check_escape("\x01\x1f", "\"\\u0001\\u001f\"");
	check_escape("del\x7f", "\"del\\u007f\"");
	check_escape("c1\xc2\x9b", "\"c1\\u009b\"");     /* U+009B CSI */
	check_escape("\xe2\x80\xae" "x", "\"\\u202ex\""); /* RIGHT-TO-LEFT OVERRIDE */
	/* printable non-ASCII passes through as UTF-8 */
	check_escape("S\xc3\xa3o \xe6\x9d\xb1", "\"S\xc3\xa3o \xe6\x9d\xb1\"");
}
END_TEST

START_TEST(test_escape_invalid_utf8)
{
	check_escape("a\xff" "b", "\"a\\ufffdb\"");
	check_escape("\xc3", "\"\\ufffd\"");             /* truncated sequence */
	check_escape("\xc0\xaf", "\"\\ufffd\\ufffd\"");  /* overlong slash */
	check_escape("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\""); /* surrogate */
}
END_TEST

/* The compact text of one double. */
static void check_double(double v, const char *want)
{
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, 0);
	json_double(&j, v);
	ck_assert_str_eq(buf_str(&b), want);
	buf_free(&b);
}

START_TEST(test_numbers)
{
	check_double(0.0, "0");
	check_double(-0.0, "0");
	check_double(0.25, "0.25");
	check_double(-0.5, "-0.5");
	check_double(1.0 / 3.0, "0.3333333333");
	check_double(-1e-12, "-1e-12");
	check_double(NAN, "null");
	check_double(INFINITY, "null");
	check_double(-INFINITY, "null");

	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, 0);
	json_array_begin(&j);
	json_int(&j, INT64_MIN);
	json_int(&j, 0);
	json_bool(&j, 1);
	json_bool(&j, 0);
	json_null(&j);
	json_string(&j, NULL);
	json_time(&j, 0);
	json_array_end(&j);
	ck_assert_str_eq(buf_str(&b), "[-9223372036854775808,0,true,false,null,null,null]");
	buf_free(&b);
}
END_TEST

START_TEST(test_objects_compact)
{
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, 0);
	json_object_begin(&j);
	json_member_string(&j, "a\\b", "x\ty");
	json_key(&j, "list");
	json_array_begin(&j);
	json_array_end(&j);
	json_key(&j, "obj");
	json_object_begin(&j);
	json_member_int(&j, "n", 1);
	json_object_end(&j);
	json_member_double(&j, "z", -0.0);
	json_member_bool(&j, "t", 1);
	json_object_end(&j);
	ck_assert_str_eq(buf_str(&b),
	                 "{\"a\\\\b\":\"x\\ty\",\"list\":[],\"obj\":{\"n\":1},\"z\":0,\"t\":true}");
	buf_free(&b);
}
END_TEST

START_TEST(test_objects_pretty)
{
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, 1);
	json_array_begin(&j);
	json_object_begin(&j);
	json_member_string(&j, "k", "v");
	json_key(&j, "e");
	json_object_begin(&j);
	json_object_end(&j);
	json_object_end(&j);
	json_int(&j, 2);
	json_array_end(&j);
	ck_assert_str_eq(buf_str(&b), "[\n"
	                              "  {\n"
	                              "    \"k\": \"v\",\n"
	                              "    \"e\": {}\n"
	                              "  },\n"
	                              "  2\n"
	                              "]\n");
	buf_free(&b);
}
END_TEST

/* Nesting far past any fixed cap: [0,[1,[2,...[n-1]...],-2],-1]. Every level
 * holds an item before and after its child, so a lost or reset item count
 * shows as a missing or extra comma, and a depth that drifts from the number
 * of open containers shows in the indentation and the final newline. */
static const int deep_levels[] = {31, 32, 33, 64, 200};

START_TEST(test_deep_nesting)
{
	int n = deep_levels[_i];
	struct buf b, want;
	struct json j;
	buf_init(&b);
	buf_init(&want);
	json_init(&j, &b, 0);
	for (int i = 0; i < n; i++) {
		json_array_begin(&j);
		json_int(&j, i);
		buf_printf(&want, "[%d", i);
		if (i + 1 < n)
			buf_putc(&want, ',');
	}
	for (int i = n - 1; i >= 0; i--) {
		json_array_end(&j);
		buf_putc(&want, ']');
		if (i > 0) {
			json_int(&j, -(i + 1));
			buf_printf(&want, ",%d", -(i + 1));
		}
	}
	ck_assert_int_eq(j.depth, 0);
	ck_assert_str_eq(buf_str(&b), buf_str(&want));
	buf_free(&b);
	buf_free(&want);
}
END_TEST

START_TEST(test_deep_nesting_pretty)
{
	int n = deep_levels[_i];
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, 1);
	for (int i = 0; i < n; i++) {
		json_object_begin(&j);
		json_key(&j, "k");
	}
	json_int(&j, 7);
	for (int i = 0; i < n; i++)
		json_object_end(&j);
	ck_assert_int_eq(j.depth, 0);
	const char *s = buf_str(&b);
	/* a line per key and per close, and the newline after the last close */
	size_t lines = 0;
	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	ck_assert_uint_eq(lines, (size_t)(2 * n + 1));
	ck_assert_uint_eq(strlen(s) - strlen(strchr(s, '\n')), 1); /* "{" */
	ck_assert(s[strlen(s) - 1] == '\n' && s[strlen(s) - 2] == '}');
	/* the innermost value is indented two spaces per level */
	struct buf inner;
	buf_init(&inner);
	buf_putc(&inner, '\n');
	for (int i = 0; i < n; i++)
		buf_puts(&inner, "  ");
	buf_puts(&inner, "\"k\": 7\n");
	ck_assert_ptr_nonnull(strstr(s, buf_str(&inner)));
	/* each close line is indented one level less than the line before it */
	const char *p = s + strlen(s) - 1;
	for (int level = 0; level < n; level++) {
		/* walk back over "}\n" preceded by 2*level spaces */
		const char *nl = p;
		ck_assert(*nl == '\n');
		ck_assert(nl[-1] == '}');
		for (int sp = 0; sp < level; sp++) {
			ck_assert(nl[-2 - 2 * sp] == ' ');
			ck_assert(nl[-3 - 2 * sp] == ' ');
		}
		p = nl - 2 - 2 * level;
		ck_assert(*p == '\n');
	}
	buf_free(&inner);
	buf_free(&b);
}
END_TEST

extern Suite *suite_json(void);

Suite *suite_json(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("escape");
	tcase_add_test(tc, test_escape_specials);
	tcase_add_test(tc, test_escape_controls);
	tcase_add_test(tc, test_escape_invalid_utf8);
	suite_add_tcase(s, tc);
	tc = tcase_create("values");
	tcase_add_test(tc, test_numbers);
	tcase_add_test(tc, test_objects_compact);
	tcase_add_test(tc, test_objects_pretty);
	suite_add_tcase(s, tc);
	tc = tcase_create("depth");
	tcase_add_loop_test(tc, test_deep_nesting, 0,
	                    (int)(sizeof deep_levels / sizeof deep_levels[0]));
	tcase_add_loop_test(tc, test_deep_nesting_pretty, 0,
	                    (int)(sizeof deep_levels / sizeof deep_levels[0]));
	suite_add_tcase(s, tc);
	return s;
}
