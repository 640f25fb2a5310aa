/* check_vm_contacts.c: the contacts pane's model on its own (vm_contacts.h)
 * against a temporary journal: the roster scan it loads from, a filter that
 * narrows the rows shown as it grows, the name sort on long common prefixes,
 * ties broken by id. Depends on store_test.h. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../src/store_int.h"
#include "demo.h"
#include "store_roster.h"
#include "store_test.h"
#include "utf8.h"
#include "vm_contacts.h"

static struct t_fixture tv_fx;
static struct score_params tv_params;

static void tv_setup(void)
{
	score_params_default(&tv_params);
	t_fixture_open(&tv_fx);
}

static void tv_teardown(void)
{
	t_fixture_close(&tv_fx);
}

static int64_t tv_person_org(const char *name, const char *org, const char *tags)
{
	int64_t rowid = t_person(tv_fx.st, name, tags);
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(tv_fx.st, rowid, &c, &cause), 0);
	t_set(&c.org, org);
	ck_assert_msg(t_contact_update(tv_fx.st, &c, T_NOW, &cause) == 0, "%s", cause);
	contact_free(&c);
	return rowid;
}

static void tv_load(struct vm_contacts *vm)
{
	char *cause = NULL;
	vm_contacts_init(vm, tv_fx.st, &tv_params);
	ck_assert_msg(vm_contacts_load(vm, T_NOW, &cause) == 0, "%s", cause);
}

/* The number of rows shown with filter text. */
static size_t tv_filtered(struct vm_contacts *vm, const char *text)
{
	vm_contacts_set_filter(vm, text);
	return vm->nshown;
}

static const char *tv_name_at(const struct vm_contacts *vm, size_t i)
{
	const struct vm_contact_row *r = vm_contacts_at(vm, i);
	return r ? vm_contacts_name(vm, r) : "";
}

/* ---- the roster ---- */

struct tv_seen {
	int64_t last;
	size_t n;
	int ordered, folded, ranked;
};

static int tv_roster_row(void *arg, const struct store_roster_row *row, char **cause)
{
	(void)cause;
	struct tv_seen *s = arg;
	if (row->rowid <= s->last)
		s->ordered = 0;
	s->last = row->rowid;
	char *f = utf8_fold(row->name);
	if (strcmp(f, row->folded) != 0)
		s->folded = 0;
	free(f);
	if (row->rank == NULL || row->rank->rowid != row->rowid || strlen(row->rank->id) != ID_LEN)
		s->ranked = 0;
	s->n++;
	return 0;
}

/* One scan gives every contact in rowid order, its folded name and its rank values. */
START_TEST(test_roster_order_folded_rank)
{
	const char *names[] = {"Zoë Ânia", "ana souza", "BRUNO Lima", "Chen  Wei"};
	for (size_t i = 0; i < 4; i++)
		tv_person_org(names[i], "Acme", i == 2 ? "work" : NULL);
	struct tv_seen s = {0, 0, 1, 1, 1};
	char *cause = NULL;
	ck_assert_int_eq(store_contact_roster(tv_fx.st, tv_roster_row, &s, &cause), 0);
	ck_assert_uint_eq(s.n, 4);
	ck_assert(s.ordered);
	ck_assert(s.folded);
	ck_assert(s.ranked);
}
END_TEST

struct tv_lengths {
	size_t n, wrong;
};

static int tv_roster_lengths(void *arg, const struct store_roster_row *row, char **cause)
{
	(void)cause;
	struct tv_lengths *l = arg;
	l->n++;
	if (row->name_len != strlen(row->name) || row->org_len != strlen(row->org) ||
	    row->tags_len != strlen(row->tags) || row->folded_len != strlen(row->folded))
		l->wrong++;
	return 0;
}

/* Each text of a roster row comes with its length in bytes, for names,
 * organisations and tags of several bytes a character and none at all. */
START_TEST(test_roster_lengths)
{
	tv_person_org("Zoë Ânia", "Ünïcorn Labs", "rust,Berlin,日本");
	tv_person_org("李小龍", "", NULL);
	tv_person_org("Ana", "Acme", "x");
	struct tv_lengths l = {0, 0};
	char *cause = NULL;
	ck_assert_int_eq(store_contact_roster(tv_fx.st, tv_roster_lengths, &l, &cause), 0);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_uint_eq(l.wrong, 0);
}
END_TEST

/* Texts that begin alike and differ in length, beyond one word of the
 * hash (8 bytes) or within it, are kept apart and each found by itself. */
START_TEST(test_texts_of_one_prefix)
{
	tv_person_org("Ana", "Acme Corporation", "team-alpha");
	tv_person_org("Bia", "Acme Corporation Ltd", "team-alphabet");
	tv_person_org("Cid", "Acme Cor", "team");
	tv_person_org("Dan", "Acme Corporation", "team-alpha");
	struct vm_contacts vm;
	tv_load(&vm);
	vm_contacts_set_sort(&vm, VM_SORT_NAME);
	ck_assert_uint_eq(vm.nshown, 4);
	ck_assert_str_eq(vm_contacts_org(&vm, vm_contacts_at(&vm, 0)), "Acme Corporation");
	ck_assert_str_eq(vm_contacts_org(&vm, vm_contacts_at(&vm, 1)), "Acme Corporation Ltd");
	ck_assert_str_eq(vm_contacts_org(&vm, vm_contacts_at(&vm, 2)), "Acme Cor");
	ck_assert_str_eq(vm_contacts_tags(&vm, vm_contacts_at(&vm, 1)), "team-alphabet");
	ck_assert_str_eq(vm_contacts_tags(&vm, vm_contacts_at(&vm, 2)), "team");
	ck_assert_uint_eq(vm_contacts_at(&vm, 0)->org, vm_contacts_at(&vm, 3)->org);
	ck_assert_uint_eq(tv_filtered(&vm, "ltd"), 1);
	ck_assert_str_eq(tv_name_at(&vm, 0), "Bia");
	ck_assert_uint_eq(tv_filtered(&vm, "alphabet"), 1);
	ck_assert_uint_eq(tv_filtered(&vm, "corporation"), 3);
	vm_contacts_free(&vm);
}
END_TEST

struct tv_family {
	int64_t rowid[8];
	int family[8];
	size_t n;
};

static int tv_roster_family(void *arg, const struct store_roster_row *row, char **cause)
{
	(void)cause;
	struct tv_family *f = arg;
	ck_assert_uint_lt(f->n, 8);
	f->rowid[f->n] = row->rowid;
	f->family[f->n++] = row->rank->subj.family;
	return 0;
}

/* The family tag is known among a contact's tags as ranking knows it (any
 * ASCII case, whole tags only), whatever its place among them. */
START_TEST(test_roster_family_from_tags)
{
	int64_t a = t_person(tv_fx.st, "Ana", "Family");
	int64_t b = t_person(tv_fx.st, "Bia", "families");
	int64_t c = t_person(tv_fx.st, "Cid", "alumni,family,zoo");
	int64_t d = t_person(tv_fx.st, "Dan", NULL);
	int64_t e = t_person(tv_fx.st, "Eva", "fam");
	struct tv_family f = {{0}, {0}, 0};
	char *cause = NULL;
	ck_assert_int_eq(store_contact_roster(tv_fx.st, tv_roster_family, &f, &cause), 0);
	ck_assert_uint_eq(f.n, 5);
	const int64_t ids[5] = {a, b, c, d, e};
	const int want[5] = {1, 0, 1, 0, 0};
	for (size_t i = 0; i < 5; i++) {
		ck_assert_int_eq(f.rowid[i], ids[i]);
		ck_assert_msg(f.family[i] == want[i], "row %zu: family %d", i, f.family[i]);
	}
	/* with no family tag configured, nobody is family */
	tv_fx.st->params.family_tag[0] = '\0';
	f.n = 0;
	ck_assert_int_eq(store_contact_roster(tv_fx.st, tv_roster_family, &f, &cause), 0);
	for (size_t i = 0; i < f.n; i++)
		ck_assert_int_eq(f.family[i], 0);
}
END_TEST

/* Organisations and tags shared by many contacts are kept once, and every
 * contact that has them is found by them, folded; texts that differ are
 * not taken for one another. */
START_TEST(test_shared_texts)
{
	tv_person_org("Ana", "Ünïcorn Labs", "rust,Berlin");
	tv_person_org("Bia", "Ünïcorn Labs", "rust,Berlin");
	tv_person_org("Cid", "Ünïcorn Lab", "rust");
	tv_person_org("Dan", "rust", "Ünïcorn Labs");
	tv_person_org("Eva", "", NULL);
	/* two texts of the same length and the same 32-bit hash (vm_load_text's) */
	tv_person_org("Fay", "klcbaaaaa", NULL);
	tv_person_org("Gil", "svtaaaaaa", NULL);
	struct vm_contacts vm;
	tv_load(&vm);
	vm_contacts_set_sort(&vm, VM_SORT_NAME);
	ck_assert_uint_eq(vm.nshown, 7);
	ck_assert_str_eq(vm_contacts_org(&vm, vm_contacts_at(&vm, 5)), "klcbaaaaa");
	ck_assert_str_eq(vm_contacts_org(&vm, vm_contacts_at(&vm, 6)), "svtaaaaaa");
	const struct vm_contact_row *ana = vm_contacts_at(&vm, 0), *bia = vm_contacts_at(&vm, 1),
	                            *cid = vm_contacts_at(&vm, 2), *dan = vm_contacts_at(&vm, 3),
	                            *eva = vm_contacts_at(&vm, 4);
	ck_assert_uint_eq(ana->org, bia->org);
	ck_assert_uint_eq(ana->tags, bia->tags);
	ck_assert_str_eq(vm_contacts_org(&vm, bia), "Ünïcorn Labs");
	ck_assert_str_eq(vm_contacts_org(&vm, cid), "Ünïcorn Lab");
	ck_assert_str_eq(vm_contacts_tags(&vm, cid), "rust");
	ck_assert_str_eq(vm_contacts_org(&vm, dan), "rust");
	ck_assert_str_eq(vm_contacts_tags(&vm, dan), "Ünïcorn Labs");
	ck_assert_str_eq(vm_contacts_org(&vm, eva), "");
	ck_assert_str_eq(vm_contacts_tags(&vm, eva), "");
	ck_assert_uint_eq(tv_filtered(&vm, "unicorn labs"), 3);
	ck_assert_uint_eq(tv_filtered(&vm, "berlin"), 2);
	ck_assert_str_eq(tv_name_at(&vm, 1), "Bia");
	ck_assert_uint_eq(tv_filtered(&vm, "svtaaaaaa"), 1);
	ck_assert_str_eq(tv_name_at(&vm, 0), "Gil");
	ck_assert_uint_eq(tv_filtered(&vm, "lab rust"), 4);
	vm_contacts_free(&vm);
}
END_TEST

/* ---- the filter ---- */

/* The rows shown, as rowids joined, for comparing two models. */
static char *tv_shown(const struct vm_contacts *vm)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < vm->nshown; i++)
		buf_printf(&b, "%lld ", (long long)vm_contacts_at(vm, i)->rowid);
	return buf_detach(&b);
}

/* Typing a filter one letter at a time, then erasing it, shows at each step
 * what a model given that filter at once shows. */
START_TEST(test_filter_narrowing_equals_fresh)
{
	tv_person_org("Ana Souza", "Acme", NULL);
	tv_person_org("Anabela Lima", "", "anatomy");
	tv_person_org("Bruno Anand", "Globex", NULL);
	tv_person_org("Cláudia Ânia", "Sans", NULL);
	tv_person_org("Dora Santos", "Ana Corp", "work");
	tv_person_org("Eva", "", NULL);
	static const char *const steps[] = {"a",   "an",  "ana", "ana ", "ana s", "ana sa",
	                                    "ana s", "ana", "an", "a",   "s",     "sa",
	                                    "san", "sa",  "",    "n",   "an",    "AN"};
	struct vm_contacts typed;
	tv_load(&typed);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		vm_contacts_set_filter(&typed, steps[i]);
		struct vm_contacts fresh;
		tv_load(&fresh);
		vm_contacts_set_filter(&fresh, steps[i]);
		char *a = tv_shown(&typed), *b = tv_shown(&fresh);
		ck_assert_msg(strcmp(a, b) == 0, "'%s': typed %s, at once %s", steps[i], a, b);
		free(a);
		free(b);
		vm_contacts_free(&fresh);
	}
	/* "ana sa": Ana Souza (souza has no "sa"), Dora Santos of Ana Corp */
	vm_contacts_set_filter(&typed, "ana sa");
	ck_assert_uint_eq(typed.nshown, 1);
	ck_assert_str_eq(tv_name_at(&typed, 0), "Dora Santos");
	vm_contacts_set_filter(&typed, "ana");
	ck_assert_uint_eq(typed.nshown, 4);
	vm_contacts_free(&typed);
}
END_TEST

/* Whether row r has every word of filter in its folded name, organisation
 * or tags: a plain search, as the filter is defined. */
static int tv_plain_match(const struct vm_contacts *vm, const struct vm_contact_row *r,
                          const char *filter)
{
	char *f = utf8_fold(filter);
	struct strv words;
	strv_init(&words);
	strv_split(&words, f, ' ');
	char *a = utf8_fold(vm_contacts_name(vm, r)), *b = utf8_fold(vm_contacts_org(vm, r)),
	     *c = utf8_fold(vm_contacts_tags(vm, r));
	char *hay = xasprintf("%s\n%s\n%s", a, b, c);
	int all = 1;
	for (size_t k = 0; k < words.n; k++)
		all = all && strstr(hay, words.v[k]) != NULL;
	free(hay);
	free(a);
	free(b);
	free(c);
	strv_free(&words);
	free(f);
	return all;
}

/* How many contacts the plain search finds. */
static size_t tv_count_plain(const struct vm_contacts *vm, const char *filter)
{
	size_t n = 0;
	for (size_t i = 0; i < vm->n; i++)
		n += tv_plain_match(vm, &vm->rows[i], filter);
	return n;
}

/* The set of bytes a row has only passes rows over: a filter is still a
 * search for each word whole, for letters, digits, punctuation and accented
 * letters alike. */
START_TEST(test_filter_bytes_and_words)
{
	tv_person_org("Bo Zed", "", NULL);
	tv_person_org("Agent 007", "C++ Guild", NULL);
	tv_person_org("Zoë", "Café Nº5", "sci-fi");
	struct vm_contacts vm;
	tv_load(&vm);
	static const char *const filters[] = {"o",   "oz",  "o z", "07",  "70",   "7 0",   "+",
	                                      "c+",  "+c",  "-",   "i-f", "f-i",  "é",     "cafe",
	                                      "ë",   "zoe", "z",   "q",   "5",    "n",     "º",
	                                      "d b", "guild 7", "e o", "ed", "de", "o\xcc", "+ +"};
	static const char *const none[] = {"oz", "70", "+c", "f-i", "q", "de"};
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		size_t want = tv_count_plain(&vm, filters[i]);
		vm_contacts_set_filter(&vm, filters[i]);
		ck_assert_msg(vm.nshown == want, "'%s': %zu shown, wanted %zu", filters[i], vm.nshown,
		              want);
	}
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		vm_contacts_set_filter(&vm, none[i]);
		ck_assert_msg(vm.nshown == 0, "'%s': %zu shown", none[i], vm.nshown);
	}
	ck_assert_uint_eq(tv_filtered(&vm, "07"), 1);
	ck_assert_uint_eq(tv_filtered(&vm, "c+"), 1);
	ck_assert_uint_eq(tv_filtered(&vm, "z"), 2);
	vm_contacts_free(&vm);
}
END_TEST

/* A narrowed filter keeps the sort's order, after a sort changed under it. */
START_TEST(test_filter_narrowing_keeps_sort)
{
	tv_person_org("Ana Zeta", "", NULL);
	tv_person_org("Ana Beta", "", NULL);
	tv_person_org("Ana Alfa", "", NULL);
	struct vm_contacts vm;
	tv_load(&vm);
	vm_contacts_set_filter(&vm, "an");
	vm_contacts_set_sort(&vm, VM_SORT_NAME);
	vm_contacts_set_filter(&vm, "ana");
	ck_assert_uint_eq(vm.nshown, 3);
	ck_assert_str_eq(tv_name_at(&vm, 0), "Ana Alfa");
	ck_assert_str_eq(tv_name_at(&vm, 1), "Ana Beta");
	ck_assert_str_eq(tv_name_at(&vm, 2), "Ana Zeta");
	vm_contacts_free(&vm);
}
END_TEST

/* Erasing the filter's last letters gives back the rows kept for what is
 * left, testing no row, and the selection stays on its contact; a load or a
 * sort forgets them (a new contact shows, the new order holds). */
START_TEST(test_filter_steps_kept)
{
	tv_person_org("Ana Zeta", "", NULL);
	int64_t beta = tv_person_org("Ana Beta", "", NULL);
	tv_person_org("Dora", "Anatel", NULL);
	tv_person_org("Caio", "", NULL);
	struct vm_contacts vm;
	tv_load(&vm);
	vm_contacts_set_filter(&vm, "a");
	ck_assert_uint_eq(vm.tested, vm.n);
	ck_assert_uint_eq(vm.nshown, 4);
	vm_contacts_set_filter(&vm, "an");
	ck_assert_uint_eq(vm.tested, 4);
	vm_contacts_set_filter(&vm, "ana ");
	vm_contacts_set_filter(&vm, "ana b");
	ck_assert_uint_eq(vm.nshown, 1);
	ck_assert_int_eq(vm_contacts_selected(&vm)->rowid, beta);
	vm_contacts_set_filter(&vm, "ana ");
	ck_assert_uint_eq(vm.tested, 0);
	ck_assert_uint_eq(vm.nshown, 3);
	ck_assert_int_eq(vm_contacts_selected(&vm)->rowid, beta);
	vm_contacts_set_filter(&vm, "an");
	ck_assert_uint_eq(vm.tested, 0);
	ck_assert_uint_eq(vm.nshown, 3);
	/* another word after a kept prefix narrows what that prefix kept */
	vm_contacts_set_filter(&vm, "ana z");
	ck_assert_uint_eq(vm.tested, 3);
	ck_assert_uint_eq(vm.nshown, 1);
	ck_assert_str_eq(tv_name_at(&vm, 0), "Ana Zeta");
	vm_contacts_set_filter(&vm, "a");
	ck_assert_uint_eq(vm.tested, 0);
	ck_assert_uint_eq(vm.nshown, 4);
	/* a load: a new contact, found when the filter is erased back */
	vm_contacts_set_filter(&vm, "an");
	tv_person_org("Anabel", "", NULL);
	char *cause = NULL;
	ck_assert_msg(vm_contacts_load(&vm, T_NOW, &cause) == 0, "%s", cause);
	ck_assert_uint_eq(vm.nshown, 4);
	vm_contacts_set_filter(&vm, "a");
	ck_assert_uint_eq(vm.tested, vm.n);
	ck_assert_uint_eq(vm.nshown, 5);
	vm_contacts_set_filter(&vm, "an");
	/* a sort: the rows come back in its order */
	vm_contacts_set_sort(&vm, VM_SORT_NAME);
	vm_contacts_set_filter(&vm, "a");
	ck_assert_uint_eq(vm.nshown, 5);
	ck_assert_str_eq(tv_name_at(&vm, 0), "Ana Beta");
	ck_assert_str_eq(tv_name_at(&vm, 1), "Ana Zeta");
	ck_assert_str_eq(tv_name_at(&vm, 2), "Anabel");
	/* none: every row */
	vm_contacts_set_filter(&vm, "");
	ck_assert_uint_eq(vm.nshown, 5);
	vm_contacts_set_filter(&vm, "ana");
	ck_assert_uint_eq(vm.tested, vm.n);
	vm_contacts_free(&vm);
}
END_TEST

/* A filter that hides the selected contact moves the selection to the
 * shown contact nearest it in the sort's order (the one below on a tie), not
 * to the row that had its number; the one above when none is below. */
START_TEST(test_filter_hides_selection_nearest)
{
	const char *names[] = {"Ana Alfa", "Bia Beta", "Caio Gama", "Dani Delta", "Edu Eps",
	                       "Fabi Zeta", "Gil Eta"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		tv_person_org(names[i], (i == 0 || i == 4 || i == 6) ? "Acme" : "", NULL);
	struct vm_contacts vm;
	tv_load(&vm);
	vm_contacts_set_sort(&vm, VM_SORT_NAME);
	/* Dani is row 3; Acme keeps Ana, Edu and Gil: Edu is nearest (not Gil, at row 3 clamped) */
	vm_contacts_select(&vm, 3);
	vm_contacts_set_filter(&vm, "acme");
	ck_assert_uint_eq(vm.nshown, 3);
	ck_assert_str_eq(vm_contacts_name(&vm, vm_contacts_selected(&vm)), "Edu Eps");
	/* Bia: Ana one above, Edu three below: Ana (not Edu, at Bia's row 1) */
	vm_contacts_set_filter(&vm, NULL);
	vm_contacts_select(&vm, 1);
	vm_contacts_set_filter(&vm, "acme");
	ck_assert_str_eq(vm_contacts_name(&vm, vm_contacts_selected(&vm)), "Ana Alfa");
	/* Caio: Ana two above, Edu two below: the one below */
	vm_contacts_set_filter(&vm, NULL);
	vm_contacts_select(&vm, 2);
	vm_contacts_set_filter(&vm, "acme");
	ck_assert_str_eq(vm_contacts_name(&vm, vm_contacts_selected(&vm)), "Edu Eps");
	/* Gil hidden with nobody below: Edu, the nearest above */
	vm_contacts_set_filter(&vm, NULL);
	vm_contacts_select(&vm, 6);
	vm_contacts_set_filter(&vm, "d");
	ck_assert_uint_eq(vm.nshown, 2);
	ck_assert_str_eq(vm_contacts_name(&vm, vm_contacts_selected(&vm)), "Edu Eps");
	vm_contacts_free(&vm);
}
END_TEST

/* ---- sorts ---- */

/* By name: the folded name, short or past its first 8 bytes, then the name
 * (not the organisation that follows it in the haystack), then the id. */
START_TEST(test_name_sort_long_prefixes)
{
	tv_person_org("Alexandrina Zed", "", NULL);
	tv_person_org("Bo Li", "", NULL);
	tv_person_org("Alexandrina Bee", "Acme", NULL);
	tv_person_org("ALEXANDRINA Bee", "Zeta", NULL);
	tv_person_org("Alexandra", "", NULL);
	tv_person_org("Álex", "", NULL);
	tv_person_org("Alexandrina", "", NULL);
	struct vm_contacts vm;
	tv_load(&vm);
	vm_contacts_set_sort(&vm, VM_SORT_NAME);
	static const char *const want[] = {"Álex",           "Alexandra",       "Alexandrina",
	                                   "ALEXANDRINA Bee", "Alexandrina Bee", "Alexandrina Zed",
	                                   "Bo Li"};
	ck_assert_uint_eq(vm.nshown, 7);
	for (size_t i = 0; i < 7; i++)
		ck_assert_msg(strcmp(tv_name_at(&vm, i), want[i]) == 0, "%zu: %s, wanted %s", i,
		              tv_name_at(&vm, i), want[i]);
	vm_contacts_free(&vm);
}
END_TEST

/* Contacts alike in every value come in the order of their ids, in every sort. */
START_TEST(test_ties_by_id)
{
	for (int i = 0; i < 9; i++)
		tv_person_org("Same Name", "", NULL);
	struct vm_contacts vm;
	tv_load(&vm);
	for (int s = 0; s < VM_SORT_COUNT; s++) {
		vm_contacts_set_sort(&vm, (enum vm_sort)s);
		ck_assert_uint_eq(vm.nshown, 9);
		for (size_t i = 1; i < vm.nshown; i++)
			ck_assert_msg(strcmp(vm_contacts_at(&vm, i - 1)->id, vm_contacts_at(&vm, i)->id) < 0,
			              "%s: row %zu", vm_sort_name((enum vm_sort)s), i);
	}
	vm_contacts_free(&vm);
}
END_TEST

/* A tie on the sort's value goes to the more important contact: never seen,
 * everyone's warmth is 0, and the inner circle comes before the outer. */
START_TEST(test_ties_by_importance)
{
	for (int i = 0; i < 8; i++) {
		int64_t rowid = t_person(tv_fx.st, i % 2 ? "Outer One" : "Inner One", NULL);
		struct contact c;
		char *cause = NULL;
		ck_assert_int_eq(store_contact_get(tv_fx.st, rowid, &c, &cause), 0);
		c.circle = i % 2 ? CIRCLE_OUTER : CIRCLE_INNER;
		ck_assert_msg(t_contact_update(tv_fx.st, &c, T_NOW, &cause) == 0, "%s", cause);
		contact_free(&c);
	}
	struct vm_contacts vm;
	tv_load(&vm);
	vm_contacts_set_sort(&vm, VM_SORT_WARMTH);
	ck_assert_uint_eq(vm.nshown, 8);
	for (size_t i = 0; i < 8; i++)
		ck_assert_str_eq(tv_name_at(&vm, i), i < 4 ? "Inner One" : "Outer One");
	vm_contacts_free(&vm);
}
END_TEST

/* The value a sort compares first, highest first. */
static double tv_sort_value(enum vm_sort s, const struct vm_contact_row *r)
{
	switch (s) {
	case VM_SORT_ATTENTION:
		return r->score.attention;
	case VM_SORT_WARMTH:
		return r->score.warmth;
	case VM_SORT_RECENCY:
		return r->score.recency;
	case VM_SORT_BALANCE:
		return -r->score.balance;
	case VM_SORT_NAME:
	case VM_SORT_COUNT:
		break;
	}
	return 0;
}

/* Whether row a may come before row b in sort s, by the comparison spelled
 * out: the value, importance, longer silence, the id; by name the folded
 * name, the name, the id. */
static int tv_in_order(const struct vm_contacts *vm, enum vm_sort s, const struct vm_contact_row *a,
                       const struct vm_contact_row *b)
{
	int c = 0;
	if (s == VM_SORT_NAME) {
		char *fa = utf8_fold(vm_contacts_name(vm, a)), *fb = utf8_fold(vm_contacts_name(vm, b));
		c = strcmp(fa, fb);
		free(fa);
		free(fb);
		if (c == 0)
			c = strcmp(vm_contacts_name(vm, a), vm_contacts_name(vm, b));
	} else {
		double x = tv_sort_value(s, a), y = tv_sort_value(s, b);
		c = x > y ? -1 : x < y;
		if (c == 0)
			c = a->score.importance > b->score.importance ? -1
			                                              : a->score.importance < b->score.importance;
		if (c == 0)
			c = a->score.days_since > b->score.days_since ? -1
			                                              : a->score.days_since < b->score.days_since;
	}
	if (c == 0)
		c = strcmp(a->id, b->id);
	return c < 0;
}

/* Every sort orders every pair of neighbours of n contacts as the comparison
 * says, on contacts alike in some levels and not in others (radix passes and
 * runs of ties both at work). */
static void tv_sorts_check(int n)
{
	static const char *const names[] = {"Ana", "ana", "Ána", "Bo", "Alexandrina Zed",
	                                    "Alexandrina Bee", "Zoë", "Zoe", "Chen Wei"};
	static const enum circle circles[] = {CIRCLE_INNER, CIRCLE_OUTER, CIRCLE_CLOSE};
	for (int i = 0; i < n; i++) {
		int64_t rowid = t_person(tv_fx.st, names[i % 9], NULL);
		struct contact c;
		char *cause = NULL;
		ck_assert_int_eq(store_contact_get(tv_fx.st, rowid, &c, &cause), 0);
		c.circle = circles[i % 3];
		ck_assert_msg(t_contact_update(tv_fx.st, &c, T_NOW, &cause) == 0, "%s", cause);
		contact_free(&c);
		if (i % 4 != 0) /* some never seen, some seen at one of a few times */
			t_log(tv_fx.st, T_NOW - (i % 5 + 1) * T_DAY, i % 2 ? IKIND_INTRO : IKIND_MEETING,
			      i % 3 ? DIR_GAVE : DIR_GOT, 0, &rowid, 1, NULL);
	}
	struct vm_contacts vm;
	tv_load(&vm);
	for (int s = 0; s < VM_SORT_COUNT; s++) {
		vm_contacts_set_sort(&vm, (enum vm_sort)s);
		ck_assert_uint_eq(vm.nshown, (size_t)n);
		for (size_t i = 1; i < vm.nshown; i++)
			ck_assert_msg(tv_in_order(&vm, (enum vm_sort)s, vm_contacts_at(&vm, i - 1),
			                          vm_contacts_at(&vm, i)),
			              "%s: rows %zu and %zu", vm_sort_name((enum vm_sort)s), i - 1, i);
	}
	vm_contacts_free(&vm);
}

START_TEST(test_sorts_in_order)
{
	tv_sorts_check(60);
}
END_TEST

/* Runs of ties long enough to be sorted by the other levels of the
 * comparison before the rows decide: 70 never seen (one value each sort). */
START_TEST(test_sorts_in_order_long_ties)
{
	tv_sorts_check(280);
}
END_TEST

/* ---- many rows ---- */

/* A demo network of n contacts, a few interactions each, loaded. */
static void tv_load_demo(struct vm_contacts *vm, size_t n)
{
	struct demo_options o;
	demo_options_default(&o);
	o.contacts = n;
	o.interactions = n * 3;
	o.now = T_NOW;
	char *cause = NULL;
	ck_assert_msg(demo_generate(tv_fx.st, &o, NULL, NULL, NULL, &cause) == 0, "%s", cause);
	tv_load(vm);
	ck_assert_uint_eq(vm->n, n);
}

/* The rows shown, in order (caller frees the array). */
static const struct vm_contact_row **tv_rows_shown(const struct vm_contacts *vm)
{
	const struct vm_contact_row **v = xcalloc(vm->nshown + 1, sizeof *v);
	for (size_t i = 0; i < vm->nshown; i++)
		v[i] = vm_contacts_at(vm, i);
	return v;
}

/* Which of all[0..n) a plain search for filter keeps (caller frees). */
static char *tv_plain_keep(const struct vm_contacts *vm, const struct vm_contact_row **all,
                           size_t n, const char *filter)
{
	char *keep = xcalloc(n + 1, 1);
	for (size_t i = 0; i < n; i++)
		keep[i] = filter == NULL || tv_plain_match(vm, all[i], filter);
	return keep;
}

/* Each row shown is found where it is shown, each other one not at all
 * (the selection unmoved); at is scratch for vm->n places. */
static void tv_find_each(struct vm_contacts *vm, size_t *at)
{
	for (size_t j = 0; j < vm->n; j++)
		at[j] = vm->nshown;
	for (size_t i = 0; i < vm->nshown; i++)
		at[vm_contacts_at(vm, i) - vm->rows] = i;
	size_t was = vm->sel;
	for (size_t j = 0; j < vm->n; j++) {
		int found = vm_contacts_select_rowid(vm, vm->rows[j].rowid);
		ck_assert_int_eq(found, at[j] < vm->nshown);
		if (found)
			ck_assert_uint_eq(vm->sel, at[j]);
		else
			ck_assert_uint_eq(vm->sel, was);
		was = vm->sel;
	}
}

/* The filter shows what a plain search keeps of every row in the sort's
 * order, in that order, and each row shown is found where it is shown, each
 * other one not at all (the selection unmoved): with thousands of rows, in
 * every sort, typed and erased a letter at a time. */
START_TEST(test_many_filter_and_find)
{
	struct vm_contacts vm;
	tv_load_demo(&vm, 2000);
	static const char *const typed[] = {"a", "an", "ana", "an", "a",   "",    "e",   "e o", "e",
	                                    "",  "m", "ma", "mar", "ma", "m", "z",   "",    "o e",
	                                    "7", "" };
	size_t *at = xcalloc(vm.n, sizeof *at);
	for (int s = 0; s < VM_SORT_COUNT; s++) {
		vm_contacts_set_filter(&vm, NULL);
		vm_contacts_set_sort(&vm, (enum vm_sort)s);
		const struct vm_contact_row **all = tv_rows_shown(&vm);
		size_t n = vm.nshown;
		ck_assert_uint_eq(n, vm.n);
		tv_find_each(&vm, at); /* a new order, no filter yet */
		for (size_t f = 0; f < sizeof typed / sizeof typed[0]; f++) {
			vm_contacts_set_filter(&vm, typed[f]);
			char *keep = tv_plain_keep(&vm, all, n, *typed[f] ? typed[f] : NULL);
			size_t k = 0;
			for (size_t i = 0; i < n; i++)
				if (keep[i]) {
					ck_assert_msg(k < vm.nshown && vm_contacts_at(&vm, k) == all[i],
					              "%s '%s': row %zu shown is not the plain search's",
					              vm_sort_name((enum vm_sort)s), typed[f], k);
					k++;
				}
			ck_assert_uint_eq(k, vm.nshown);
			/* no bit left over for the next change to test */
			for (size_t w = 0; w < (vm.n + 63) / 64; w++)
				ck_assert_msg(vm.hit[w] == 0, "'%s': bits left in word %zu", typed[f], w);
			tv_find_each(&vm, at);
			free(keep);
		}
		free(all);
	}
	free(at);
	vm_contacts_free(&vm);
}
END_TEST

/* The place in all[0..n) nearest p that keep keeps: p itself, else the
 * nearest below on a tie, else above; *tie is set on a tie. */
static size_t tv_nearest(const char *keep, size_t n, size_t p, int *tie)
{
	if (keep[p])
		return p;
	for (size_t d = 1; d <= p || p + d < n; d++) {
		int below = p + d < n && keep[p + d], above = d <= p && keep[p - d];
		*tie |= below && above;
		if (below)
			return p + d;
		if (above)
			return p - d;
	}
	return n;
}

/* A filter that hides the selected contact selects the shown one nearest it
 * in the sort's order (below on a tie, else above), as a plain scan of the
 * order says, letter after letter; Backspace gives that contact back. */
START_TEST(test_many_nearest)
{
	struct vm_contacts vm;
	tv_load_demo(&vm, 2000);
	size_t hidden = 0;
	int ties = 0;
	static const enum vm_sort sorts[] = {VM_SORT_ATTENTION, VM_SORT_NAME};
	for (size_t s = 0; s < 2; s++) {
		vm_contacts_set_filter(&vm, NULL);
		vm_contacts_set_sort(&vm, sorts[s]);
		const struct vm_contact_row **all = tv_rows_shown(&vm);
		size_t n = vm.nshown;
		char *ka = tv_plain_keep(&vm, all, n, "a"), *kan = tv_plain_keep(&vm, all, n, "an");
		for (size_t p = 0; p < n; p += 7) {
			vm_contacts_set_filter(&vm, NULL);
			vm_contacts_select(&vm, p);
			vm_contacts_set_filter(&vm, "a");
			size_t p1 = tv_nearest(ka, n, p, &ties);
			hidden += p1 != p;
			ck_assert_ptr_eq(vm_contacts_selected(&vm), all[p1]);
			vm_contacts_set_filter(&vm, "an");
			size_t p2 = tv_nearest(kan, n, p1, &ties);
			hidden += p2 != p1;
			ck_assert_msg(vm_contacts_selected(&vm) == all[p2], "%s: from %zu, %zu not %zu",
			              vm_sort_name(sorts[s]), p1, p2, p2);
			vm_contacts_set_filter(&vm, "a");
			ck_assert_ptr_eq(vm_contacts_selected(&vm), all[p2]);
		}
		free(ka);
		free(kan);
		free(all);
	}
	ck_assert_uint_gt(hidden, 20); /* the rule was at work, ties included */
	ck_assert(ties);
	vm_contacts_free(&vm);
}
END_TEST

/* The index of row r among the rows shown, by a linear search. */
static size_t tv_index_of(const struct vm_contacts *vm, const struct vm_contact_row *r)
{
	size_t i = 0;
	while (i < vm->nshown && vm_contacts_at(vm, i) != r)
		i++;
	return i;
}

/* The selected contact stays selected through every sort, with no filter
 * and with one, among thousands of rows, where a linear search finds it. */
START_TEST(test_many_selection_across_sorts)
{
	struct vm_contacts vm;
	tv_load_demo(&vm, 2000);
	const size_t picks[] = {0, 777, 1999};
	for (size_t k = 0; k < 3; k++)
		for (int filtered = 0; filtered < 2; filtered++) {
			vm_contacts_set_filter(&vm, NULL);
			vm_contacts_select(&vm, picks[k]);
			const struct vm_contact_row *r = vm_contacts_selected(&vm);
			if (filtered) /* a word of its name, a filter that shows it */
				vm_contacts_set_filter(&vm, vm_contacts_name(&vm, r));
			ck_assert_ptr_eq(vm_contacts_selected(&vm), r);
			for (int c = 0; c < VM_SORT_COUNT; c++) {
				vm_contacts_cycle_sort(&vm);
				ck_assert_ptr_eq(vm_contacts_selected(&vm), r);
				ck_assert_uint_eq(vm.sel, tv_index_of(&vm, r));
			}
		}
	vm_contacts_free(&vm);
}
END_TEST

Suite *suite_vm_contacts(void)
{
	Suite *s = suite_create("vm_contacts");
	TCase *tc = tcase_create("vm_contacts");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, tv_setup, tv_teardown);
	tcase_add_test(tc, test_roster_order_folded_rank);
	tcase_add_test(tc, test_roster_family_from_tags);
	tcase_add_test(tc, test_roster_lengths);
	tcase_add_test(tc, test_texts_of_one_prefix);
	tcase_add_test(tc, test_shared_texts);
	tcase_add_test(tc, test_filter_narrowing_equals_fresh);
	tcase_add_test(tc, test_filter_narrowing_keeps_sort);
	tcase_add_test(tc, test_filter_steps_kept);
	tcase_add_test(tc, test_filter_hides_selection_nearest);
	tcase_add_test(tc, test_filter_bytes_and_words);
	tcase_add_test(tc, test_name_sort_long_prefixes);
	tcase_add_test(tc, test_ties_by_id);
	tcase_add_test(tc, test_ties_by_importance);
	tcase_add_test(tc, test_sorts_in_order);
	tcase_add_test(tc, test_sorts_in_order_long_ties);
	tcase_add_test(tc, test_many_filter_and_find);
	tcase_add_test(tc, test_many_nearest);
	tcase_add_test(tc, test_many_selection_across_sorts);
	suite_add_tcase(s, tc);
	return s;
}
