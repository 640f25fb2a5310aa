/* check_vm_head.c: the first screen's rows (vm_contacts_load_head) against
 * the whole load's: the same count, the same first rows in the same order
 * with the same cells and selection, on journals with ties of attention,
 * interactions after now, archived and family contacts, before the rest is
 * read; then the whole load over it gives what a whole load alone gives; the
 * app started from a head (app_init_head, app_load_rest) likewise. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "demo.h"
#include "err.h"
#include "store_test.h"
#include "vm_contacts.h"

static struct t_fixture th_fx;
static struct score_params th_params;

static void th_setup(void)
{
	score_params_default(&th_params);
	t_fixture_open(&th_fx);
}

static void th_teardown(void)
{
	t_fixture_close(&th_fx);
}

/* A demo network whose clock is `ahead` seconds after T_NOW (so that some
 * of its interactions are after T_NOW), then `ties` contacts alike but for
 * their names (the same attention), one of every 7 of them archived, and a
 * family contact. */
static void th_journal(size_t contacts, int64_t ahead, size_t ties)
{
	char *cause = NULL;
	if (contacts > 0) {
		struct demo_options o;
		demo_options_default(&o);
		o.contacts = contacts;
		o.interactions = contacts * 2;
		o.now = T_NOW + ahead;
		ck_assert_msg(demo_generate(th_fx.st, &o, NULL, NULL, NULL, &cause) == 0, "%s", cause);
	}
	for (size_t i = 0; i < ties; i++) {
		char name[32];
		snprintf(name, sizeof name, "Tie %03zu", i);
		int64_t rowid = t_person(th_fx.st, name, i % 5 == 0 ? "family" : "x");
		if (i % 7 != 3)
			continue;
		struct contact c;
		ck_assert_int_eq(store_contact_get(th_fx.st, rowid, &c, &cause), 0);
		c.archived_at = T_NOW - 5 * T_DAY;
		ck_assert_msg(t_contact_update(th_fx.st, &c, T_NOW, &cause) == 0, "%s", cause);
		contact_free(&c);
	}
}

static void th_load(struct vm_contacts *vm, size_t k)
{
	char *cause = NULL;
	vm_contacts_init(vm, th_fx.st, &th_params);
	int rc = k == 0 ? vm_contacts_load(vm, T_NOW, &cause)
	                : vm_contacts_load_head(vm, T_NOW, k, &cause);
	ck_assert_msg(rc >= 0, "%s", cause);
	/* a head is read where the journal has more than 8k + 1024 contacts */
	if (k > 0)
		ck_assert_int_eq(rc, vm->n <= 8 * k + 1024);
}

/* Shown rows [0, n) of a and b are the same contacts with the same cells. */
static void th_same_rows(const struct vm_contacts *a, const struct vm_contacts *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct vm_contact_row *x = vm_contacts_at(a, i), *y = vm_contacts_at(b, i);
		ck_assert_ptr_nonnull(x);
		ck_assert_ptr_nonnull(y);
		ck_assert_msg(x->rowid == y->rowid, "row %zu: contact %lld, not %lld", i,
		              (long long)y->rowid, (long long)x->rowid);
		ck_assert_str_eq(x->id, y->id);
		ck_assert_str_eq(vm_contacts_name(a, x), vm_contacts_name(b, y));
		ck_assert_str_eq(vm_contacts_org(a, x), vm_contacts_org(b, y));
		ck_assert_str_eq(vm_contacts_tags(a, x), vm_contacts_tags(b, y));
		ck_assert_int_eq(x->circle, y->circle);
		ck_assert_int_eq(x->snoozed, y->snoozed);
		ck_assert(memcmp(&x->score, &y->score, sizeof x->score) == 0);
		for (int c = 0; c < VM_COLS; c++) {
			char ta[32], tb[32];
			ck_assert_str_eq(vm_contacts_cell(a, x, (enum vm_col)c, ta),
			                 vm_contacts_cell(b, y, (enum vm_col)c, tb));
		}
	}
}

/* The head of k rows against the whole load, then the whole load read over
 * the head against the whole load alone. */
static void th_check(size_t k)
{
	struct vm_contacts full, head;
	th_load(&full, 0);
	th_load(&head, k);
	ck_assert_uint_eq(head.n, full.n);
	ck_assert_uint_eq(head.nshown, full.nshown);
	ck_assert_uint_eq(head.sel, full.sel);
	ck_assert_uint_eq(head.top, full.top);
	ck_assert_int_eq(head.sort, full.sort);
	th_same_rows(&full, &head, k < full.n ? k : full.n);
	if (full.n > 0)
		ck_assert_int_eq(vm_contacts_selected(&head)->rowid,
		                 vm_contacts_selected(&full)->rowid);
	char *cause = NULL;
	ck_assert_msg(vm_contacts_load(&head, T_NOW, &cause) == 0, "%s", cause);
	ck_assert_uint_eq(head.n, full.n);
	ck_assert_uint_eq(head.nshown, full.nshown);
	ck_assert_uint_eq(head.sel, full.sel);
	th_same_rows(&full, &head, full.n);
	vm_contacts_free(&head);
	vm_contacts_free(&full);
}

static const size_t th_sizes[] = {1, 2, 5, 24, 40, 120};

START_TEST(test_head_empty)
{
	th_check(40);
	struct vm_contacts vm;
	th_load(&vm, 40);
	ck_assert_uint_eq(vm.n, 0);
	ck_assert_ptr_null(vm_contacts_selected(&vm));
	vm_contacts_free(&vm);
}
END_TEST

/* A few contacts, fewer than the rows asked for, all tied but for two. */
START_TEST(test_head_few_ties)
{
	th_journal(0, 0, 12);
	int64_t a = t_person(th_fx.st, "Ana", NULL);
	int64_t who[1] = {a};
	t_log(th_fx.st, T_NOW - 3 * T_DAY, IKIND_CALL, DIR_MUTUAL, 1, who, 1, NULL);
	for (size_t i = 0; i < sizeof th_sizes / sizeof th_sizes[0]; i++)
		th_check(th_sizes[i]);
}
END_TEST

/* A network of 1,500 (the search keeps the best rows few more than once for
 * the smallest heads), interactions after now, ties, archived and family. */
START_TEST(test_head_network)
{
	th_journal(1500, 20 * T_DAY, 60);
	for (size_t i = 0; i < sizeof th_sizes / sizeof th_sizes[0]; i++)
		th_check(th_sizes[i]);
}
END_TEST

/* Another start order or a filter: the whole load. */
START_TEST(test_head_other_sort)
{
	th_journal(200, 0, 10);
	for (int s = VM_SORT_ATTENTION + 1; s < VM_SORT_COUNT; s++) {
		struct vm_contacts full, head;
		th_load(&full, 0);
		vm_contacts_set_sort(&full, (enum vm_sort)s);
		vm_contacts_init(&head, th_fx.st, &th_params);
		vm_contacts_set_sort(&head, (enum vm_sort)s);
		char *cause = NULL;
		ck_assert_msg(vm_contacts_load_head(&head, T_NOW, 5, &cause) == 1, "%s", cause);
		ck_assert_uint_eq(head.nshown, full.nshown);
		th_same_rows(&full, &head, full.n);
		vm_contacts_free(&head);
		vm_contacts_free(&full);
	}
	struct vm_contacts full, head;
	th_load(&full, 0);
	vm_contacts_set_filter(&full, "tie");
	th_load(&head, 0);
	vm_contacts_set_filter(&head, "tie");
	char *cause = NULL;
	ck_assert_msg(vm_contacts_load_head(&head, T_NOW, 2, &cause) == 1, "%s", cause);
	ck_assert_uint_gt(full.nshown, 2);
	ck_assert_uint_eq(head.nshown, full.nshown);
	th_same_rows(&full, &head, full.nshown);
	vm_contacts_free(&head);
	vm_contacts_free(&full);
}
END_TEST

static char *th_status(struct app *app)
{
	struct buf b;
	buf_init(&b);
	size_t cur = 0;
	app_status(app, 120, &b, &cur);
	return buf_detach(&b);
}

/* The app from a head of 24 rows: the status line and the selected contact
 * of the app of the whole roster, before and after the rest is read (at the
 * head's time); keys after it move on the whole roster; a contact another
 * connection added between the head and the rest is in the rest. */
START_TEST(test_app_head)
{
	th_journal(1500, 10 * T_DAY, 20);
	struct app whole, head;
	char *cause = NULL;
	ck_assert_msg(app_init(&whole, th_fx.st, &th_params, T_NOW, &cause) == 0, "%s", cause);
	ck_assert_uint_eq(whole.rest, 0);
	ck_assert_msg(app_init_head(&head, th_fx.st, &th_params, T_NOW, 24, &cause) == 0, "%s",
	              cause);
	ck_assert_uint_eq(head.rest, 24);
	char *a = th_status(&whole), *b = th_status(&head);
	ck_assert_str_eq(b, a);
	free(b);
	ck_assert_int_eq(vm_contacts_selected(&head.contacts)->rowid,
	                 vm_contacts_selected(&whole.contacts)->rowid);
	th_same_rows(&whole.contacts, &head.contacts, 24);
	/* the rest, read later, is read at the head's time */
	ck_assert_int_eq(app_load_rest(&head, &cause), APP_DIRTY_CONTACTS | APP_DIRTY_STATUS);
	ck_assert_uint_eq(head.rest, 0);
	ck_assert_int_eq(app_load_rest(&head, &cause), 0);
	b = th_status(&head);
	ck_assert_str_eq(b, a);
	free(b);
	th_same_rows(&whole.contacts, &head.contacts, whole.contacts.n);
	app_key(&head, KEYMAP_KEY_END);
	ck_assert_uint_eq(head.contacts.sel, whole.contacts.n - 1);
	free(a);
	app_free(&head);
	/* another connection writes between the head and the rest */
	ck_assert_msg(app_init_head(&head, th_fx.st, &th_params, T_NOW, 24, &cause) == 0, "%s",
	              cause);
	struct store *other = t_open(th_fx.path);
	t_person(other, "Zed Newcomer", NULL);
	store_close(other);
	ck_assert_int_ge(app_load_rest(&head, &cause), 0);
	ck_assert_uint_eq(head.contacts.n, whole.contacts.n + 1);
	app_free(&head);
	app_free(&whole);
}
END_TEST

Suite *suite_vm_head(void)
{
	Suite *s = suite_create("vm_head");
	TCase *tc = tcase_create("head");
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, th_setup, th_teardown);
	tcase_add_test(tc, test_head_empty);
	tcase_add_test(tc, test_head_few_ties);
	tcase_add_test(tc, test_head_network);
	tcase_add_test(tc, test_head_other_sort);
	tcase_add_test(tc, test_app_head);
	suite_add_tcase(s, tc);
	return s;
}
