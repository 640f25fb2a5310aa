/* check_vm_recip_shared.c: the reciprocity pane given the timeline pane's
 * interactions (vm_recip_load_from) shows what it shows reading them itself,
 * and the timeline counts as complete only for its own, fresh, whole read
 * (vm_timeline_complete). Depends on store_test.h, vm_recip.h, vm_timeline.h. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "store_test.h"
#include "vm_recip.h"
#include "vm_timeline.h"

/* The pane's lines joined, for comparing two loads. */
static char *tr_lines(const struct vm_recip *vm)
{
	struct vm_lines l;
	vm_lines_init(&l);
	vm_recip_lines(vm, 100, &l);
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < l.n; i++) {
		buf_puts(&b, l.v[i].text);
		buf_putc(&b, '\n');
	}
	vm_lines_free(&l);
	return buf_detach(&b);
}

START_TEST(test_recip_from_timeline)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct score_params p;
	score_params_default(&p);
	int64_t ana = t_person(fx.st, "Ana", NULL), bo = t_person(fx.st, "Bo", NULL);
	static const enum ikind kinds[] = {IKIND_MEETING, IKIND_INTRO, IKIND_CALL, IKIND_GIFT,
	                                   IKIND_ADVICE, IKIND_MESSAGE, IKIND_LEAD};
	for (int i = 0; i < 7; i++)
		t_log(fx.st, T_NOW - (i + 1) * T_DAY, kinds[i], i % 2 ? DIR_GAVE : DIR_GOT, 0, &ana, 1,
		      NULL);
	char *cause = NULL;
	struct vm_timeline tl;
	vm_timeline_init(&tl, fx.st);
	ck_assert(!vm_timeline_complete(&tl, ana));
	ck_assert_int_eq(vm_timeline_load(&tl, ana, &cause), 0);
	ck_assert_uint_eq(tl.n, 7);
	ck_assert(vm_timeline_complete(&tl, ana));
	ck_assert(!vm_timeline_complete(&tl, bo)); /* another contact's */
	ck_assert(!vm_timeline_complete(&tl, 0));
	struct vm_recip read, given;
	vm_recip_init(&read, fx.st, &p);
	vm_recip_init(&given, fx.st, &p);
	ck_assert_int_eq(vm_recip_load(&read, ana, T_NOW, &cause), 0);
	ck_assert_int_eq(vm_recip_load_from(&given, ana, T_NOW, tl.v, tl.n, &cause), 0);
	ck_assert_uint_eq(given.nin, 4);
	char *a = tr_lines(&read), *b = tr_lines(&given);
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(strstr(b, "gift"));
	free(a);
	free(b);
	/* a write makes the timeline stale: it is not complete until read again */
	vm_timeline_invalidate(&tl);
	ck_assert(!vm_timeline_complete(&tl, ana));
	vm_timeline_toggle_scope(&tl); /* everyone's is not one contact's */
	ck_assert_int_eq(vm_timeline_load(&tl, ana, &cause), 0);
	ck_assert(!vm_timeline_complete(&tl, ana));
	vm_recip_free(&read);
	vm_recip_free(&given);
	vm_timeline_free(&tl);
	t_fixture_close(&fx);
}
END_TEST

/* A timeline cut at its limit is not all of the contact's interactions. */
START_TEST(test_timeline_cut_not_complete)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t ana = t_person(fx.st, "Ana", NULL);
	for (int i = 0; i < VM_TIMELINE_MAX; i++)
		t_log(fx.st, T_NOW - (i + 1) * 60, IKIND_MESSAGE, DIR_NONE, 0, &ana, 1, NULL);
	char *cause = NULL;
	struct vm_timeline tl;
	vm_timeline_init(&tl, fx.st);
	ck_assert_int_eq(vm_timeline_load(&tl, ana, &cause), 0);
	ck_assert_uint_eq(tl.n, VM_TIMELINE_MAX);
	ck_assert(!vm_timeline_complete(&tl, ana));
	vm_timeline_free(&tl);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_vm_recip_shared(void)
{
	Suite *s = suite_create("vm_recip_shared");
	TCase *tc = tcase_create("shared");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_recip_from_timeline);
	tcase_add_test(tc, test_timeline_cut_not_complete);
	suite_add_tcase(s, tc);
	return s;
}
