/* check_lineedit.c: tests of the one-line editor: cleaning of inserted text,
 * motions and deletions by character (combining marks kept with their base)
 * and by word, kills and yank, history browsing, and horizontal scrolling. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "utf8.h"

#define E_ACUTE "e\xcc\x81" /* e + U+0301 COMBINING ACUTE ACCENT */
#define NIHON "\xe6\x97\xa5\xe6\x9c\xac" /* two wide characters */

START_TEST(test_insert_and_cursor)
{
	struct lineedit le;
	lineedit_init(&le);
	ck_assert_str_eq(lineedit_text(&le), "");
	ck_assert_int_eq(lineedit_insert(&le, "coffee", 6),
	                 LINEEDIT_CHANGED_TEXT | LINEEDIT_CHANGED_CURSOR);
	ck_assert_uint_eq(lineedit_cursor(&le), 6);
	lineedit_do(&le, LINEEDIT_HOME);
	ck_assert_int_eq(lineedit_insert_cp(&le, 0xC1),
	                 LINEEDIT_CHANGED_TEXT | LINEEDIT_CHANGED_CURSOR);
	ck_assert_str_eq(lineedit_text(&le), "\xc3\x81" "coffee");
	ck_assert_uint_eq(lineedit_cursor(&le), 2);
	ck_assert_uint_eq(lineedit_len(&le), 8);
	ck_assert_int_eq(lineedit_insert(&le, "", 0), 0);
	ck_assert_int_eq(lineedit_insert_cp(&le, 0x110000), 0);
	lineedit_free(&le);
}
END_TEST

struct clean_case {
	const char *in;
	size_t len;
	const char *want;
};

static const struct clean_case clean_cases[] = {
	{"a\tb", 3, "a b"},
	{"a\nb\r", 4, "a b "},
	{"a\x01" "b\x1b[31mc", 9, "ab[31mc"},
	{"x\x7f" "y", 3, "xy"},
	{"\xc2\x85" "z", 3, "z"},           /* C1 NEL */
	{"\xe2\x80\xae" "evil", 7, "evil"}, /* bidi override */
	{"\xff\xfe" "ok\xc3", 5, "ok"},     /* invalid and truncated bytes */
	{"F\xc3\xa1tima", 7, "F\xc3\xa1tima"},
	{"a\0b", 3, "ab"},
};

START_TEST(test_insert_cleans)
{
	const struct clean_case *c = &clean_cases[_i];
	struct lineedit le;
	lineedit_init(&le);
	lineedit_insert(&le, c->in, c->len);
	ck_assert_str_eq(lineedit_text(&le), c->want);
	ck_assert_uint_eq(lineedit_cursor(&le), strlen(c->want));
	lineedit_set(&le, "");
	lineedit_history_add(&le, c->want);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_set_cleans)
{
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, "one\ttwo\x1b");
	ck_assert_str_eq(lineedit_text(&le), "one two");
	ck_assert_uint_eq(lineedit_cursor(&le), 7);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_max_bytes)
{
	struct lineedit le;
	lineedit_init(&le);
	char *big = malloc(LINEEDIT_MAX_BYTES + 10);
	memset(big, 'a', LINEEDIT_MAX_BYTES + 10);
	lineedit_insert(&le, big, LINEEDIT_MAX_BYTES - 1);
	ck_assert_uint_eq(lineedit_len(&le), LINEEDIT_MAX_BYTES - 1);
	/* a two-byte character does not fit in the last byte: dropped whole */
	ck_assert_int_eq(lineedit_insert(&le, "\xc3\xa1", 2), 0);
	ck_assert_int_ne(lineedit_insert(&le, big, 10), 0);
	ck_assert_uint_eq(lineedit_len(&le), LINEEDIT_MAX_BYTES);
	ck_assert_int_eq(lineedit_insert(&le, "b", 1), 0);
	ck_assert_uint_eq(lineedit_len(&le), LINEEDIT_MAX_BYTES);
	ck_assert(utf8_valid(lineedit_text(&le), lineedit_len(&le)));
	free(big);
	lineedit_free(&le);
}
END_TEST

/* One operation on a text with the cursor at a byte offset. */
struct op_case {
	const char *text;
	size_t cursor;
	enum lineedit_op op;
	const char *want;
	size_t want_cursor;
	int want_change;
};

#define FATIMA "coffee with @fatima okafor"
#define TC (LINEEDIT_CHANGED_TEXT | LINEEDIT_CHANGED_CURSOR)
#define CC LINEEDIT_CHANGED_CURSOR

static const struct op_case op_cases[] = {
	/* characters: a base and its combining marks move and go together */
	{"a" E_ACUTE "b", 1, LINEEDIT_RIGHT, "a" E_ACUTE "b", 4, CC},
	{"a" E_ACUTE "b", 4, LINEEDIT_LEFT, "a" E_ACUTE "b", 1, CC},
	{"a" E_ACUTE "b", 4, LINEEDIT_BACKSPACE, "ab", 1, TC},
	{"a" E_ACUTE "b", 1, LINEEDIT_DELETE, "ab", 1, TC},
	{"a" E_ACUTE E_ACUTE, 7, LINEEDIT_BACKSPACE, "a" E_ACUTE, 4, TC},
	{"x" NIHON, 7, LINEEDIT_LEFT, "x" NIHON, 4, CC},
	{"x" NIHON, 7, LINEEDIT_BACKSPACE, "x\xe6\x97\xa5", 4, TC},
	{"\xf0\x9f\x98\x80!", 4, LINEEDIT_LEFT, "\xf0\x9f\x98\x80!", 0, CC},
	{"ab", 0, LINEEDIT_LEFT, "ab", 0, 0},
	{"ab", 2, LINEEDIT_RIGHT, "ab", 2, 0},
	{"ab", 0, LINEEDIT_BACKSPACE, "ab", 0, 0},
	{"ab", 2, LINEEDIT_DELETE, "ab", 2, 0},
	{"", 0, LINEEDIT_BACKSPACE, "", 0, 0},
	{"hello", 3, LINEEDIT_HOME, "hello", 0, CC},
	{"hello", 3, LINEEDIT_END, "hello", 5, CC},
	{"hello", 5, LINEEDIT_END, "hello", 5, 0},
	/* words */
	{FATIMA, 26, LINEEDIT_WORD_LEFT, FATIMA, 20, CC},
	{FATIMA, 20, LINEEDIT_WORD_LEFT, FATIMA, 13, CC},
	{FATIMA, 13, LINEEDIT_WORD_LEFT, FATIMA, 7, CC},
	{FATIMA, 0, LINEEDIT_WORD_RIGHT, FATIMA, 6, CC},
	{FATIMA, 11, LINEEDIT_WORD_RIGHT, FATIMA, 19, CC},
	{"  ", 2, LINEEDIT_WORD_LEFT, "  ", 0, CC},
	{"F\xc3\xa1tima Okafor", 0, LINEEDIT_WORD_RIGHT, "F\xc3\xa1tima Okafor", 7, CC},
	{"caf" E_ACUTE " x", 0, LINEEDIT_WORD_RIGHT, "caf" E_ACUTE " x", 6, CC},
	{"coffee with @ana", 16, LINEEDIT_KILL_WORD_BACK, "coffee with @", 13, TC},
	{"coffee with @ana", 0, LINEEDIT_KILL_WORD_FORWARD, " with @ana", 0, TC},
	{"coffee with @ana", 6, LINEEDIT_KILL_WORD_FORWARD, "coffee @ana", 6, TC},
	/* Ctrl-W removes back to a blank, over trailing blanks first */
	{"with @\"F\xc3\xa1tima Okafor\"", 22, LINEEDIT_KILL_BIGWORD_BACK, "with @\"F\xc3\xa1tima ",
	 15, TC},
	{"a b  ", 5, LINEEDIT_KILL_BIGWORD_BACK, "a ", 2, TC},
	{"a b.c d", 5, LINEEDIT_KILL_BIGWORD_BACK, "a  d", 2, TC},
	{"abc", 0, LINEEDIT_KILL_BIGWORD_BACK, "abc", 0, 0},
	/* to the start and to the end */
	{"coffee with @ana", 7, LINEEDIT_KILL_TO_START, "with @ana", 0, TC},
	{"coffee with @ana", 7, LINEEDIT_KILL_TO_END, "coffee ", 7, TC},
	{"coffee", 6, LINEEDIT_KILL_TO_END, "coffee", 6, 0},
	{"coffee", 0, LINEEDIT_KILL_TO_START, "coffee", 0, 0},
	{"coffee", 0, LINEEDIT_YANK, "coffee", 0, 0}, /* nothing killed yet */
};

START_TEST(test_ops)
{
	const struct op_case *c = &op_cases[_i];
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, c->text);
	lineedit_set_cursor(&le, c->cursor);
	ck_assert_uint_eq(lineedit_cursor(&le), c->cursor);
	int change = lineedit_do(&le, c->op);
	ck_assert_msg(strcmp(lineedit_text(&le), c->want) == 0, "case %d: '%s'", _i,
	              lineedit_text(&le));
	ck_assert_msg(lineedit_cursor(&le) == c->want_cursor, "case %d: cursor %zu", _i,
	              lineedit_cursor(&le));
	ck_assert_msg(change == c->want_change, "case %d: change %d", _i, change);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_set_cursor_boundary)
{
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, "a" E_ACUTE "b");
	lineedit_set_cursor(&le, 2); /* between e and its accent */
	ck_assert_uint_eq(lineedit_cursor(&le), 1);
	lineedit_set_cursor(&le, 3); /* inside the accent's bytes */
	ck_assert_uint_eq(lineedit_cursor(&le), 1);
	lineedit_set_cursor(&le, 99);
	ck_assert_uint_eq(lineedit_cursor(&le), 5);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_kill_and_yank)
{
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, "coffee with @ana");
	lineedit_do(&le, LINEEDIT_KILL_BIGWORD_BACK);
	ck_assert_str_eq(lineedit_text(&le), "coffee with ");
	lineedit_do(&le, LINEEDIT_HOME);
	ck_assert_int_eq(lineedit_do(&le, LINEEDIT_YANK), TC);
	ck_assert_str_eq(lineedit_text(&le), "@anacoffee with ");
	ck_assert_uint_eq(lineedit_cursor(&le), 4);
	lineedit_do(&le, LINEEDIT_KILL_TO_END);
	ck_assert_str_eq(lineedit_text(&le), "@ana");
	lineedit_do(&le, LINEEDIT_YANK);
	lineedit_do(&le, LINEEDIT_YANK);
	ck_assert_str_eq(lineedit_text(&le), "@anacoffee with coffee with ");
	/* plain deletions do not touch the kill buffer */
	lineedit_do(&le, LINEEDIT_BACKSPACE);
	lineedit_do(&le, LINEEDIT_HOME);
	lineedit_do(&le, LINEEDIT_DELETE);
	lineedit_do(&le, LINEEDIT_END);
	lineedit_do(&le, LINEEDIT_YANK);
	ck_assert_str_eq(lineedit_text(&le), "anacoffee with coffee withcoffee with ");
	lineedit_free(&le);
}
END_TEST

START_TEST(test_replace)
{
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, "coffee with @fat today");
	lineedit_replace(&le, 12, 4, "@\"F\xc3\xa1tima Okafor\"");
	ck_assert_str_eq(lineedit_text(&le), "coffee with @\"F\xc3\xa1tima Okafor\" today");
	ck_assert_uint_eq(lineedit_cursor(&le), 29);
	lineedit_replace(&le, 12, 17, "@fat");
	ck_assert_str_eq(lineedit_text(&le), "coffee with @fat today");
	ck_assert_uint_eq(lineedit_cursor(&le), 16);
	lineedit_replace(&le, 100, 5, "!"); /* clamped to the end */
	ck_assert_str_eq(lineedit_text(&le), "coffee with @fat today!");
	lineedit_replace(&le, 0, 100, "x\ny");
	ck_assert_str_eq(lineedit_text(&le), "x y");
	ck_assert_uint_eq(lineedit_cursor(&le), 3);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_history)
{
	struct lineedit le;
	lineedit_init(&le);
	lineedit_history_add(&le, "one");
	lineedit_history_add(&le, "two");
	lineedit_history_add(&le, "two");  /* the same as the newest: kept once */
	lineedit_history_add(&le, "   ");  /* blank: not kept */
	lineedit_history_add(&le, "");
	ck_assert_uint_eq(le.history.n, 2);
	lineedit_insert(&le, "draft", 5);
	lineedit_do(&le, LINEEDIT_LEFT);
	ck_assert_int_eq(lineedit_do(&le, LINEEDIT_HISTORY_NEXT), 0);
	ck_assert_int_eq(lineedit_do(&le, LINEEDIT_HISTORY_PREV), TC);
	ck_assert_str_eq(lineedit_text(&le), "two");
	ck_assert_uint_eq(lineedit_cursor(&le), 3);
	lineedit_do(&le, LINEEDIT_HISTORY_PREV);
	ck_assert_str_eq(lineedit_text(&le), "one");
	ck_assert_int_eq(lineedit_do(&le, LINEEDIT_HISTORY_PREV), 0);
	ck_assert_str_eq(lineedit_text(&le), "one");
	lineedit_do(&le, LINEEDIT_HISTORY_NEXT);
	ck_assert_str_eq(lineedit_text(&le), "two");
	lineedit_do(&le, LINEEDIT_HISTORY_NEXT);
	ck_assert_str_eq(lineedit_text(&le), "draft"); /* the line being edited comes back */
	ck_assert_uint_eq(lineedit_cursor(&le), 5);
	ck_assert_int_eq(lineedit_do(&le, LINEEDIT_HISTORY_NEXT), 0);
	/* a second round trip still finds the draft */
	lineedit_do(&le, LINEEDIT_HISTORY_PREV);
	lineedit_do(&le, LINEEDIT_HISTORY_NEXT);
	ck_assert_str_eq(lineedit_text(&le), "draft");
	/* reset forgets the browsing position */
	lineedit_do(&le, LINEEDIT_HISTORY_PREV);
	lineedit_history_reset(&le);
	ck_assert_int_eq(lineedit_do(&le, LINEEDIT_HISTORY_NEXT), 0);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_history_max)
{
	struct lineedit le;
	lineedit_init(&le);
	le.hist_max = 3;
	const char *lines[] = {"a", "b", "c", "d", "e"};
	for (size_t i = 0; i < 5; i++)
		lineedit_history_add(&le, lines[i]);
	ck_assert_uint_eq(le.history.n, 3);
	ck_assert_str_eq(le.history.v[0], "c");
	ck_assert_str_eq(le.history.v[2], "e");
	lineedit_do(&le, LINEEDIT_HISTORY_PREV);
	lineedit_do(&le, LINEEDIT_HISTORY_PREV);
	lineedit_do(&le, LINEEDIT_HISTORY_PREV);
	ck_assert_str_eq(lineedit_text(&le), "c");
	ck_assert_int_eq(lineedit_do(&le, LINEEDIT_HISTORY_PREV), 0);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_cells)
{
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, "x" NIHON E_ACUTE);
	ck_assert_uint_eq(lineedit_cells(&le), 6);
	ck_assert_uint_eq(lineedit_cells_before_cursor(&le), 6);
	lineedit_do(&le, LINEEDIT_LEFT);
	ck_assert_uint_eq(lineedit_cells_before_cursor(&le), 5);
	lineedit_do(&le, LINEEDIT_LEFT);
	ck_assert_uint_eq(lineedit_cells_before_cursor(&le), 3);
	lineedit_do(&le, LINEEDIT_HOME);
	ck_assert_uint_eq(lineedit_cells_before_cursor(&le), 0);
	lineedit_free(&le);
}
END_TEST

struct view_case {
	const char *text;
	size_t cursor, width;
	size_t want_start, want_col;
};

static const struct view_case view_cases[] = {
	{"abcdefghijklmnopqrstuvwxyz", 26, 10, 17, 9}, /* at the end: the tail in view */
	{"abcdefghijklmnopqrstuvwxyz", 0, 10, 0, 0},
	{"abcdefghijklmnopqrstuvwxyz", 8, 10, 0, 8},   /* left of the ellipsis cell */
	{"abcdefghijklmnopqrstuvwxyz", 9, 10, 1, 8},
	{"short", 5, 10, 0, 5},
	{"exactly10!", 10, 10, 1, 9},                  /* the cursor needs a cell too */
	{"", 0, 1, 0, 0},
	{"abc", 3, 1, 3, 0},
	{"abc", 1, 0, 1, 0},
	{NIHON NIHON NIHON, 18, 5, 12, 4},             /* wide characters are not split */
};

START_TEST(test_view_cases)
{
	const struct view_case *c = &view_cases[_i];
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, c->text);
	lineedit_set_cursor(&le, c->cursor);
	size_t start = 99, col = 99;
	lineedit_view(&le, c->width, &start, &col);
	ck_assert_msg(start == c->want_start && col == c->want_col, "case %d: start %zu col %zu",
	              _i, start, col);
	lineedit_free(&le);
}
END_TEST

/* Every cursor position at every width: the cursor is in the field, the
 * column is the width of the text between start and cursor, and a text that
 * fits is shown from its start. */
START_TEST(test_view_invariants)
{
	static const char text[] = "coffee " NIHON " with @\"F\xc3\xa1tima Okafor\" caf" E_ACUTE
	                           " \xf0\x9f\x98\x80 #devconf !1w";
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, text);
	size_t total = lineedit_cells(&le);
	for (size_t width = 1; width <= total + 2; width++) {
		/* walk right from the start, then left from the end, as a user would */
		lineedit_do(&le, LINEEDIT_HOME);
		for (int dir = 0; dir < 2; dir++) {
			for (;;) {
				size_t start, col;
				lineedit_view(&le, width, &start, &col);
				size_t cur = lineedit_cursor(&le);
				ck_assert_uint_le(start, cur);
				ck_assert_uint_lt(col, width);
				char *part = strndup(text + start, cur - start);
				ck_assert_uint_eq(col, utf8_width(part));
				free(part);
				if (total < width)
					ck_assert_uint_eq(start, 0);
				enum lineedit_op op = dir == 0 ? LINEEDIT_RIGHT : LINEEDIT_LEFT;
				if (lineedit_do(&le, op) == 0)
					break;
			}
		}
	}
	lineedit_free(&le);
}
END_TEST

START_TEST(test_view_keeps_context)
{
	struct lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, "abcdefghijklmnopqrstuvwxyz0123456789");
	size_t start, col;
	lineedit_view(&le, 20, &start, &col);
	ck_assert_uint_eq(col, 19);
	/* moving left through the window does not scroll */
	for (int i = 0; i < 10; i++)
		lineedit_do(&le, LINEEDIT_LEFT);
	size_t start2, col2;
	lineedit_view(&le, 20, &start2, &col2);
	ck_assert_uint_eq(start2, start);
	ck_assert_uint_eq(col2, 9);
	/* past the left edge it scrolls, keeping some text left of the cursor */
	for (int i = 0; i < 12; i++)
		lineedit_do(&le, LINEEDIT_LEFT);
	lineedit_view(&le, 20, &start2, &col2);
	ck_assert_uint_lt(start2, start);
	ck_assert_uint_ge(col2, 5);
	lineedit_free(&le);
}
END_TEST

extern Suite *suite_lineedit(void);

Suite *suite_lineedit(void)
{
	Suite *s = suite_create("lineedit");
	TCase *tc = tcase_create("edit");
	tcase_add_test(tc, test_insert_and_cursor);
	tcase_add_loop_test(tc, test_insert_cleans, 0,
	                    sizeof clean_cases / sizeof clean_cases[0]);
	tcase_add_test(tc, test_set_cleans);
	tcase_add_test(tc, test_max_bytes);
	tcase_add_loop_test(tc, test_ops, 0, sizeof op_cases / sizeof op_cases[0]);
	tcase_add_test(tc, test_set_cursor_boundary);
	tcase_add_test(tc, test_kill_and_yank);
	tcase_add_test(tc, test_replace);
	tcase_add_test(tc, test_history);
	tcase_add_test(tc, test_history_max);
	suite_add_tcase(s, tc);
	TCase *tv = tcase_create("view");
	tcase_add_test(tv, test_cells);
	tcase_add_loop_test(tv, test_view_cases, 0, sizeof view_cases / sizeof view_cases[0]);
	tcase_add_test(tv, test_view_invariants);
	tcase_add_test(tv, test_view_keeps_context);
	suite_add_tcase(s, tv);
	return s;
}
