/* check_buf.c: tests of growable strings (append, printf growth, detach) and
 * string vectors (split, join, sort_unique, copy). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

START_TEST(test_empty)
{
	struct buf b;
	buf_init(&b);
	ck_assert_str_eq(buf_str(&b), "");
	ck_assert_uint_eq(b.len, 0);
	char *s = buf_detach(&b);
	ck_assert_str_eq(s, "");
	free(s);
	buf_free(&b);
	buf_reset(&b);
	ck_assert_str_eq(buf_str(&b), "");
}
END_TEST

START_TEST(test_append)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "ab", 2);
	buf_puts(&b, "cd");
	buf_putc(&b, 'e');
	buf_add(&b, "zzz", 0);
	buf_add(&b, "x\0y", 3); /* bytes, embedded NUL included */
	ck_assert_uint_eq(b.len, 8);
	ck_assert_mem_eq(b.data, "abcdex\0y", 9);
	ck_assert_str_eq(buf_str(&b), "abcdex");
	buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(buf_str(&b), "");
	buf_puts(&b, "again");
	ck_assert_str_eq(buf_str(&b), "again");
	buf_free(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
}
END_TEST

START_TEST(test_plural)
{
	ck_assert_str_eq(buf_plural(1, "person", "people"), "person");
	ck_assert_str_eq(buf_plural(0, "person", "people"), "people");
	ck_assert_str_eq(buf_plural(2, "day", "days"), "days");
	ck_assert_str_eq(buf_plural(-1, "day", "days"), "days");
	ck_assert_str_eq(buf_plural(11, "day", "days"), "days");
}
END_TEST

START_TEST(test_growth)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 5000; i++) {
		buf_putc(&b, (char)('a' + i % 26));
		ck_assert_uint_eq(b.len, (size_t)i + 1);
		ck_assert_int_eq(b.data[b.len], '\0');
		ck_assert_uint_gt(b.cap, b.len);
	}
	for (int i = 0; i < 5000; i++)
		ck_assert_int_eq(b.data[i], 'a' + i % 26);
	buf_free(&b);
}
END_TEST

START_TEST(test_printf)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s=%d", "n", 42);
	buf_printf(&b, "%s", "");
	buf_printf(&b, ";%05.1f", 3.14159);
	ck_assert_str_eq(buf_str(&b), "n=42;003.1");
	/* Longer than any initial capacity: the buffer grows within one call. */
	char big[1000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_printf(&b, "[%s|%s]", big, big);
	ck_assert_uint_eq(b.len, 10 + 2 * 999 + 3);
	ck_assert_uint_eq(strlen(buf_str(&b)), b.len);
	ck_assert_int_eq(b.data[10], '[');
	ck_assert_int_eq(b.data[10 + 1 + 999], '|');
	ck_assert_int_eq(b.data[b.len - 1], ']');
	buf_free(&b);
}
END_TEST

START_TEST(test_detach)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "owned");
	char *s = buf_detach(&b);
	ck_assert_str_eq(s, "owned");
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
	buf_puts(&b, "new");
	ck_assert_str_eq(buf_str(&b), "new");
	ck_assert_str_eq(s, "owned");
	free(s);
	buf_free(&b);
}
END_TEST

struct split_case {
	const char *in;
	char sep;
	const char *joined; /* items joined with '|' */
	size_t n;
};

static const struct split_case split_cases[] = {
	{"a,b,c", ',', "a|b|c", 3},
	{" a , b ,c ", ',', "a|b|c", 3},
	{"\ta\t,\tb", ',', "a|b", 2},
	{"a,,b", ',', "a|b", 2},
	{",a,", ',', "a", 1},
	{", , ,", ',', "", 0},
	{"", ',', "", 0},
	{"one", ',', "one", 1},
	{"two words, here", ',', "two words|here", 2},
	{"x;y,z", ';', "x|y,z", 2},
	{"work home", ' ', "work|home", 2},
};

START_TEST(test_split)
{
	const struct split_case *c = &split_cases[_i];
	struct strv sv;
	strv_init(&sv);
	strv_push(&sv, "before");
	strv_split(&sv, c->in, c->sep);
	ck_assert_uint_eq(sv.n, c->n + 1);
	ck_assert_str_eq(sv.v[0], "before"); /* split appends */
	for (size_t i = 1; i < sv.n; i++)
		ck_assert_uint_gt(strlen(sv.v[i]), 0);
	struct strv items;
	strv_init(&items);
	for (size_t i = 1; i < sv.n; i++)
		strv_push(&items, sv.v[i]);
	char *j = strv_join(&items, "|");
	ck_assert_str_eq(j, c->joined);
	free(j);
	strv_free(&items);
	strv_free(&sv);
	ck_assert_uint_eq(sv.n, 0);
}
END_TEST

START_TEST(test_join)
{
	struct strv sv;
	strv_init(&sv);
	char *j = strv_join(&sv, ", ");
	ck_assert_str_eq(j, "");
	free(j);
	strv_push(&sv, "a");
	j = strv_join(&sv, ", ");
	ck_assert_str_eq(j, "a");
	free(j);
	strv_push(&sv, "");
	strv_take(&sv, strdup("c"));
	j = strv_join(&sv, ", ");
	ck_assert_str_eq(j, "a, , c");
	free(j);
	j = strv_join(&sv, "");
	ck_assert_str_eq(j, "ac");
	free(j);
	strv_free(&sv);
}
END_TEST

START_TEST(test_push_copies)
{
	struct strv sv;
	strv_init(&sv);
	char word[] = "mutable";
	strv_push(&sv, word);
	word[0] = 'M';
	ck_assert_str_eq(sv.v[0], "mutable");
	ck_assert(strv_has(&sv, "mutable"));
	ck_assert(!strv_has(&sv, "Mutable"));
	ck_assert(!strv_has(&sv, "mut"));
	for (int i = 0; i < 100; i++)
		strv_take(&sv, strdup("x"));
	ck_assert_uint_eq(sv.n, 101);
	struct strv copy;
	strv_copy(&copy, &sv);
	ck_assert_uint_eq(copy.n, sv.n);
	ck_assert_ptr_ne(copy.v[0], sv.v[0]);
	ck_assert_str_eq(copy.v[0], "mutable");
	strv_free(&sv);
	ck_assert_str_eq(copy.v[100], "x");
	strv_free(&copy);
}
END_TEST

struct sort_case {
	const char *in;     /* comma separated */
	const char *sorted; /* comma separated */
};

static const struct sort_case sort_cases[] = {
	{"", ""},
	{"b", "b"},
	{"b,a", "a,b"},
	{"b,a,b,c,a", "a,b,c"},
	{"x,x,x", "x"},
	{"work,Work,home,work", "Work,home,work"},
	{"devconf,alumni,devconf,berlin,alumni", "alumni,berlin,devconf"},
};

START_TEST(test_sort_unique)
{
	const struct sort_case *c = &sort_cases[_i];
	struct strv sv;
	strv_init(&sv);
	strv_split(&sv, c->in, ',');
	strv_sort_unique(&sv);
	char *j = strv_join(&sv, ",");
	ck_assert_str_eq(j, c->sorted);
	free(j);
	strv_free(&sv);
}
END_TEST

/* Words wrapped at 20 columns, continuation lines indented by 4. */
static const struct {
	const char *words[8];
	const char *out;
} wrap_cases[] = {
	{{"usage:", "kith", NULL}, "usage: kith"},
	/* 19 and 20 columns fit; 21 wraps */
	{{"aaaaaaaaa", "bbbbbbbbb", NULL}, "aaaaaaaaa bbbbbbbbb"},
	{{"aaaaaaaaa", "bbbbbbbbbb", NULL}, "aaaaaaaaa bbbbbbbbbb"},
	{{"aaaaaaaaa", "bbbbbbbbbbb", NULL}, "aaaaaaaaa\n    bbbbbbbbbbb"},
	/* a line no longer than the indent takes the next word, however long */
	{{"a", "bbbbbbbbbbbbbbbbbbbbbbbbb", "c", NULL}, "a bbbbbbbbbbbbbbbbbbbbbbbbb\n    c"},
	{{"a", "bb", "cccccccccccccccccc", "dd", NULL}, "a bb cccccccccccccccccc\n    dd"},
	{{"aaaaaaaaa", "bbbbbbbbbbb", "cccccccccccccccccccccc", "d", NULL},
	 "aaaaaaaaa\n    bbbbbbbbbbb\n    cccccccccccccccccccccc\n    d"},
};

START_TEST(test_wrap_word)
{
	struct buf b;
	buf_init(&b);
	size_t col = 0;
	for (size_t i = 0; wrap_cases[_i].words[i] != NULL; i++)
		buf_wrap_word(&b, &col, 4, 20, wrap_cases[_i].words[i]);
	ck_assert_str_eq(buf_str(&b), wrap_cases[_i].out);
	const char *last = strrchr(buf_str(&b), '\n');
	ck_assert_uint_eq(col, strlen(last ? last + 1 : buf_str(&b)));
	buf_free(&b);
}
END_TEST

extern Suite *suite_buf(void);

Suite *suite_buf(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("buf");
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_append);
	tcase_add_test(tc, test_growth);
	tcase_add_test(tc, test_printf);
	tcase_add_test(tc, test_detach);
	tcase_add_test(tc, test_plural);
	suite_add_tcase(s, tc);
	tc = tcase_create("strv");
	tcase_add_loop_test(tc, test_split, 0, sizeof split_cases / sizeof split_cases[0]);
	tcase_add_test(tc, test_join);
	tcase_add_test(tc, test_push_copies);
	tcase_add_loop_test(tc, test_sort_unique, 0, sizeof sort_cases / sizeof sort_cases[0]);
	tcase_add_loop_test(tc, test_wrap_word, 0, sizeof wrap_cases / sizeof wrap_cases[0]);
	suite_add_tcase(s, tc);
	return s;
}
