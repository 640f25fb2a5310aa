/* check_vm_review.c: the review screen's model on hand-built sections: the
 * sparklines (UTF-8 and ASCII, one scale for gave and got), the selection
 * over the sections' rows, Tab from section to section, the layout in one
 * column and in two, and the scroll that keeps the selected row shown. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "vm_review.h"

static char *tr_spark(const unsigned *v, size_t n, unsigned max, int ascii)
{
	struct buf b;
	buf_init(&b);
	vm_review_sparkline(v, n, max, ascii, &b);
	char *s = buf_detach(&b);
	return s ? s : calloc(1, 1);
}

START_TEST(test_sparkline)
{
	const unsigned v[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 16, 9};
	char *s = tr_spark(v, 12, 0, 0);
	/* scaled to the largest (16): eighths rounded up, any count shows */
	ck_assert_str_eq(s, "\u00b7\u2581\u2581\u2582\u2582\u2583\u2583\u2584\u2584\u00b7\u2588\u2585");
	free(s);
	s = tr_spark(v, 12, 0, 1);
	ck_assert_str_eq(s, ".__--~~==.@+");
	free(s);
	/* a given scale: counts above it are cut to it */
	const unsigned w[4] = {1, 2, 4, 9};
	s = tr_spark(w, 4, 8, 1);
	ck_assert_str_eq(s, "_-=@");
	free(s);
	const unsigned none[3] = {0, 0, 0};
	s = tr_spark(none, 3, 0, 0);
	ck_assert_str_eq(s, "\u00b7\u00b7\u00b7");
	free(s);
	s = tr_spark(none, 0, 0, 1);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

/* REACH OUT: Ana, Bruno; GOING COLD: none; FOLLOW-UPS (right): Chen's one. */
static void tr_build(struct vm_review *vm)
{
	vm_review_init(vm, NULL, NULL);
	vm->title = strdup("Weekly review");
	struct vm_review_section *s = vm_review_add_section(vm, "REACH OUT", NULL, 0);
	vm_review_add_item(s, 1, 0, "Ana Souza", "inner circle, 3 weeks since coffee", THEME_COLD);
	vm_review_add_item(s, 2, 0, "Bruno Lima", "you owe: intro, 2 weeks ago", THEME_DUE);
	vm_review_add_section(vm, "GOING COLD", "nobody is going cold", 0);
	s = vm_review_add_section(vm, "FOLLOW-UPS", "", 1);
	vm_review_add_item(s, 3, 30, "Chen Wei", "due 2 days ago: send the deck", THEME_NORMAL);
	vm->weeks[11] = 4;
	vm->gave[11] = 1;
	vm->got[10] = 2;
}

START_TEST(test_selection_and_sections)
{
	struct vm_review vm;
	tr_build(&vm);
	ck_assert_uint_eq(vm_review_count(&vm), 3);
	ck_assert_str_eq(vm_review_selected(&vm)->name, "Ana Souza");
	ck_assert_ptr_null(vm_review_at(&vm, 3));
	ck_assert_int_eq(vm_review_move(&vm, -1, 0), 0);
	ck_assert_int_eq(vm_review_move(&vm, 1, 0), 1);
	ck_assert_str_eq(vm_review_selected(&vm)->name, "Bruno Lima");
	ck_assert_int_eq(vm_review_move(&vm, 1, 0), 1);
	ck_assert_int_eq(vm_review_selected(&vm)->followup, 30);
	ck_assert_int_eq(vm_review_move(&vm, 5, 0), 0);
	ck_assert_int_eq(vm_review_move(&vm, -1, 1), 1);
	ck_assert_uint_eq(vm.sel, 0);
	ck_assert_int_eq(vm_review_move(&vm, 1, 1), 1);
	ck_assert_uint_eq(vm.sel, 2);
	/* Tab steps over the empty section and wraps */
	ck_assert_int_eq(vm_review_next_section(&vm, 1), 1);
	ck_assert_uint_eq(vm.sel, 0);
	ck_assert_int_eq(vm_review_next_section(&vm, 1), 1);
	ck_assert_uint_eq(vm.sel, 2);
	ck_assert_int_eq(vm_review_next_section(&vm, -1), 1);
	ck_assert_uint_eq(vm.sel, 0);
	ck_assert_int_eq(vm_review_next_section(&vm, -1), 1);
	ck_assert_uint_eq(vm.sel, 2);
	vm_review_move(&vm, 1, 0);
	ck_assert_int_eq(vm_review_select_in(&vm, NULL, 2, 0), 1);
	ck_assert_uint_eq(vm.sel, 1);
	ck_assert_int_eq(vm_review_select_in(&vm, NULL, 3, 31), 0);
	ck_assert_int_eq(vm_review_select_in(&vm, "REACH OUT", 3, 30), 0);
	ck_assert_uint_eq(vm.sel, 1);
	ck_assert_int_eq(vm_review_select_in(&vm, "FOLLOW-UPS", 3, 30), 1);
	ck_assert_uint_eq(vm.sel, 2);
	ck_assert_str_eq(vm_review_section_title(&vm, 2), "FOLLOW-UPS");
	ck_assert_str_eq(vm_review_section_title(&vm, 0), "REACH OUT");
	ck_assert_str_eq(vm_review_section_title(&vm, 3), "");
	ck_assert_uint_eq(vm_review_offset(&vm, 1), 1);
	ck_assert_uint_eq(vm_review_offset(&vm, 2), 0);
	/* near: the same place in the section, or its last; none in an empty one */
	ck_assert_int_eq(vm_review_select_near(&vm, "REACH OUT", 5), 1);
	ck_assert_uint_eq(vm.sel, 1);
	ck_assert_int_eq(vm_review_select_near(&vm, "REACH OUT", 0), 1);
	ck_assert_uint_eq(vm.sel, 0);
	ck_assert_int_eq(vm_review_select_near(&vm, "FOLLOW-UPS", 0), 1);
	ck_assert_uint_eq(vm.sel, 2);
	ck_assert_int_eq(vm_review_select_near(&vm, "GOING COLD", 0), 0);
	ck_assert_int_eq(vm_review_select_near(&vm, "NOWHERE", 0), 0);
	ck_assert_uint_eq(vm.sel, 2);
	/* with three sections of rows, BTab goes the other way round */
	struct vm_review_section *b = vm_review_add_section(&vm, "BIRTHDAYS", NULL, 1);
	vm_review_add_item(b, 1, 0, "Ana Souza", "birthday Thursday", THEME_NORMAL);
	vm.sel = 0;
	ck_assert_int_eq(vm_review_next_section(&vm, -1), 1);
	ck_assert_uint_eq(vm.sel, 3);
	ck_assert_int_eq(vm_review_next_section(&vm, -1), 1);
	ck_assert_uint_eq(vm.sel, 2);
	ck_assert_int_eq(vm_review_next_section(&vm, 1), 1);
	ck_assert_uint_eq(vm.sel, 3);
	vm_review_free(&vm);
	/* nothing to select: nothing moves */
	vm_review_init(&vm, NULL, NULL);
	ck_assert_int_eq(vm_review_move(&vm, 1, 0), 0);
	ck_assert_int_eq(vm_review_next_section(&vm, 1), 0);
	ck_assert_ptr_null(vm_review_selected(&vm));
	vm_review_free(&vm);
}
END_TEST

START_TEST(test_layout_one_and_two_columns)
{
	struct vm_review vm;
	tr_build(&vm);
	struct vm_review_view v;
	vm_review_view_init(&v);
	vm_review_layout(&vm, 80, 0, &v);
	ck_assert_int_eq(v.columns, 1);
	ck_assert_uint_eq(v.colw, 80);
	ck_assert_uint_eq(v.head.n, 3);
	ck_assert(vm_lines_has(&v.head, "\u00b7\u2588  4 in 12 weeks"));
	/* gave and got share one scale: 1 given is half of 2 received */
	ck_assert(vm_lines_has(&v.head, "gave         \u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7"
	                                "\u00b7\u00b7\u00b7\u00b7\u2584  1 given"));
	ck_assert(vm_lines_has(&v.head, "\u2588\u00b7  2 received"));
	ck_assert_uint_eq(v.col[1].n, 0);
	ck_assert_str_eq(v.col[0].v[0].text, "REACH OUT (2)");
	ck_assert_int_eq(v.col[0].v[0].role, THEME_HEADER);
	ck_assert_str_eq(v.col[0].v[1].text,
	                 "> Ana Souza  inner circle, 3 weeks since coffee");
	ck_assert_int_eq(v.col[0].v[1].role, THEME_SELECTED);
	ck_assert_int_eq(v.col[0].v[2].role, THEME_DUE);
	ck_assert_str_eq(v.col[0].v[4].text, "GOING COLD");
	ck_assert_str_eq(v.col[0].v[5].text, "  nobody is going cold");
	ck_assert_str_eq(v.col[0].v[7].text, "FOLLOW-UPS (1)");
	ck_assert_str_eq(v.col[0].v[8].text, "  Chen Wei   due 2 days ago: send the deck");
	/* a narrow screen: the names get a third of it */
	vm_review_layout(&vm, 24, 0, &v);
	ck_assert_str_eq(v.col[0].v[1].text, "> Ana Sou… inner circle, 3 weeks since coffee");
	ck_assert_uint_eq(v.sel_col, 0);
	ck_assert_uint_eq(v.sel_line, 1);
	ck_assert_uint_eq(v.sel_from, 0);
	ck_assert_uint_eq(vm_review_view_body(&v), 9);

	vm.sel = 2;
	vm_review_layout(&vm, VM_REVIEW_TWO_COLS, 1, &v);
	ck_assert_int_eq(v.columns, 2);
	ck_assert_uint_eq(v.colw, (VM_REVIEW_TWO_COLS - 3) / 2);
	ck_assert(vm_lines_has(&v.head, "interactions ...........@  4 in 12 weeks"));
	ck_assert_uint_eq(v.col[0].n, 6);
	ck_assert_uint_eq(v.col[1].n, 2);
	ck_assert_str_eq(v.col[1].v[0].text, "FOLLOW-UPS (1)");
	ck_assert_uint_eq(v.sel_col, 1);
	ck_assert_uint_eq(v.sel_line, 1);
	ck_assert_uint_eq(vm_review_view_body(&v), 6);
	vm_review_view_free(&v);
	vm_review_free(&vm);
}
END_TEST

START_TEST(test_scroll_keeps_selection)
{
	struct vm_review vm;
	vm_review_init(&vm, NULL, NULL);
	struct vm_review_section *s = vm_review_add_section(&vm, "REACH OUT", NULL, 0);
	char name[16];
	for (int i = 0; i < 7; i++) {
		snprintf(name, sizeof name, "P%d", i);
		vm_review_add_item(s, i + 1, 0, name, "due", THEME_NORMAL);
	}
	s = vm_review_add_section(&vm, "I OWE", NULL, 0);
	vm_review_add_item(s, 20, 0, "Q", "you owe", THEME_NORMAL);
	struct vm_review_view v;
	vm_review_view_init(&v);
	/* 3 head lines, then title, 7 rows, blank, title, 1 row: 14 lines in 5 */
	vm_review_layout(&vm, 40, 0, &v);
	vm_review_scroll(&vm, &v, 5);
	ck_assert_uint_eq(vm.top, 0);
	vm.sel = 4; /* line 3 + 5 */
	vm_review_layout(&vm, 40, 0, &v);
	vm_review_scroll(&vm, &v, 5);
	ck_assert_uint_eq(vm.top, 4);
	vm.sel = 7; /* the first of its section: its title shows too */
	vm_review_layout(&vm, 40, 0, &v);
	vm_review_scroll(&vm, &v, 5);
	ck_assert_uint_eq(vm.top, 9);
	vm.sel = 6; /* back up: line 10 */
	vm_review_layout(&vm, 40, 0, &v);
	vm_review_scroll(&vm, &v, 5);
	ck_assert_uint_eq(vm.top, 9);
	vm_review_move(&vm, -1, 1);
	vm_review_layout(&vm, 40, 0, &v);
	vm_review_scroll(&vm, &v, 5);
	ck_assert_uint_eq(vm.top, 0);
	/* a screen of one line and of none: no crash, the row shows when it can */
	vm.sel = 7;
	vm_review_layout(&vm, 1, 1, &v);
	vm_review_scroll(&vm, &v, 1);
	ck_assert_uint_eq(vm.top, 13);
	vm_review_scroll(&vm, &v, 0);
	ck_assert_uint_eq(vm.top, 13);
	vm_review_layout(&vm, 0, 1, &v);
	vm_review_scroll(&vm, &v, 40);
	ck_assert_uint_eq(vm.top, 0);
	/* from below, up to the first row of a section: its title comes into
	 * view (I OWE at line 12, Q at 13; RECONNECT's rows below make room) */
	s = vm_review_add_section(&vm, "RECONNECT", NULL, 0);
	for (int i = 0; i < 3; i++)
		vm_review_add_item(s, 30 + i, 0, "R", "dormant", THEME_NORMAL);
	vm.sel = 7;
	vm_review_layout(&vm, 40, 0, &v);
	vm.top = 13;
	vm_review_scroll(&vm, &v, 5);
	ck_assert_uint_eq(vm.top, 12);
	vm_review_view_free(&v);
	vm_review_free(&vm);
}
END_TEST

Suite *suite_vm_review(void)
{
	Suite *s = suite_create("vm_review");
	TCase *tc = tcase_create("vm_review");
	tcase_add_test(tc, test_sparkline);
	tcase_add_test(tc, test_selection_and_sections);
	tcase_add_test(tc, test_layout_one_and_two_columns);
	tcase_add_test(tc, test_scroll_keeps_selection);
	suite_add_tcase(s, tc);
	return s;
}
