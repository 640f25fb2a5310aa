/* check_store_names.c: how the store names and compares what people type:
 * tags without ASCII case (filters, the family half-life, stored sets),
 * filters that admit any of several circles or tags, and writes about a
 * contact removed meanwhile that name it, never by rowid. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store_test.h"

/* The names a filter admits, sorted by name and joined with commas. */
static char *sn_names(struct store *st, const struct store_contact_filter *f)
{
	struct contact *v = NULL;
	size_t n = 0;
	char *cause = NULL;
	ck_assert_msg(store_contact_list(st, f, &v, &n, &cause) == 0, "%s", cause);
	struct strv names;
	strv_init(&names);
	for (size_t i = 0; i < n; i++)
		strv_push(&names, v[i].name);
	char *joined = strv_join(&names, ",");
	strv_free(&names);
	contacts_free(v, n);
	return joined;
}

struct sn_rank {
	int64_t family[8];
	size_t nfamily, n;
};

static int sn_rank_take(void *arg, const struct store_rank_row *row, char **cause)
{
	(void)cause;
	struct sn_rank *r = arg;
	r->n++;
	if (row->subj.family && r->nfamily < 8)
		r->family[r->nfamily++] = row->rowid;
	return 0;
}

START_TEST(test_tags_without_case)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t ana = t_person(fx.st, "Ana", "Family,family,FAMILY,DevConf");
	int64_t bo = t_person(fx.st, "Bo", "devconf");
	t_person(fx.st, "Cy", "familyish");
	t_person(fx.st, "Di", "Fam");
	char *cause = NULL;
	/* a stored tag set holds one of each, as first written */
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, ana, &c, &cause), 0);
	ck_assert_uint_eq(c.tags.n, 2);
	ck_assert_str_eq(c.tags.v[0], "DevConf");
	ck_assert_str_eq(c.tags.v[1], "Family");
	contact_free(&c);
	/* filters */
	struct store_contact_filter f = {.circle = -1, .tag = "DEVCONF"};
	char *got = sn_names(fx.st, &f);
	ck_assert_str_eq(got, "Ana,Bo");
	free(got);
	f.tag = "family";
	got = sn_names(fx.st, &f);
	ck_assert_str_eq(got, "Ana");
	free(got);
	/* the family half-life follows the tag in any case */
	struct sn_rank r;
	memset(&r, 0, sizeof r);
	struct store_contact_filter all = {.circle = -1, .archived = 1};
	ck_assert_int_eq(store_contact_rank(fx.st, &all, sn_rank_take, &r, &cause), 0);
	ck_assert_uint_eq(r.n, 4);
	ck_assert_uint_eq(r.nfamily, 1);
	ck_assert_int_eq(r.family[0], ana);
	/* a rank scan filtered by a tag in another case */
	memset(&r, 0, sizeof r);
	f.tag = "devCONF";
	ck_assert_int_eq(store_contact_rank(fx.st, &f, sn_rank_take, &r, &cause), 0);
	ck_assert_uint_eq(r.n, 2);
	(void)bo;
	t_fixture_close(&fx);
}
END_TEST

/* The family half-life by a tag in any case: as logged, after an edit that
 * adds the tag, and after a full rescore. */
START_TEST(test_family_any_case)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t lower = t_person(fx.st, "Lower", "family");
	int64_t upper = t_person(fx.st, "Upper", "FAMILY");
	int64_t later = t_person(fx.st, "Later", NULL);
	int64_t none = t_person(fx.st, "None", NULL);
	int64_t who[] = {lower, upper, later, none};
	for (size_t i = 0; i < 4; i++) {
		t_log(fx.st, T_NOW - 100 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &who[i], 1, NULL);
		t_log(fx.st, T_NOW - 10 * T_DAY, IKIND_MEETING, DIR_NONE, 0, &who[i], 1, NULL);
	}
	char *cause = NULL;
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, later, &c, &cause), 0);
	strv_push(&c.tags, "Family");
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), 0);
	contact_free(&c);
	for (int pass = 0; pass < 2; pass++) {
		struct contact v[4];
		for (size_t i = 0; i < 4; i++)
			ck_assert_int_eq(store_contact_get(fx.st, who[i], &v[i], &cause), 0);
		ck_assert(v[0].sc.warm_sum > v[3].sc.warm_sum); /* 270 days, not 90 */
		ck_assert(v[1].sc.warm_sum == v[0].sc.warm_sum);
		ck_assert(v[2].sc.warm_sum == v[0].sc.warm_sum);
		for (size_t i = 0; i < 4; i++)
			contact_free(&v[i]);
		size_t ndiffer = 99;
		ck_assert_int_eq(t_rescore_all(fx.st, NULL, NULL, &ndiffer, &cause), 0);
		ck_assert_uint_eq(ndiffer, 0);
	}
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_filter_any_of)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const struct {
		const char *name, *tags;
		enum circle circle;
	} people[] = {
		{"Ana", "work", CIRCLE_INNER},
		{"Bo", "climbing", CIRCLE_CLOSE},
		{"Cy", "work,climbing", CIRCLE_WIDE},
		{"Di", "", CIRCLE_OUTER},
	};
	char *cause = NULL;
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		struct contact c;
		contact_init(&c);
		t_set(&c.name, people[i].name);
		strv_split(&c.tags, people[i].tags, ',');
		c.circle = people[i].circle;
		ck_assert_msg(t_contact_add(fx.st, &c, T_NOW, &cause) == 0, "%s", cause);
		contact_free(&c);
	}
	static const char *const tags[] = {"Climbing", "nope", "WORK"};
	struct {
		unsigned circles;
		size_t ntags;
		const char *want;
	} cases[] = {
		{(1u << CIRCLE_INNER) | (1u << CIRCLE_WIDE), 0, "Ana,Cy"},
		{(1u << CIRCLE_CLOSE) | (1u << CIRCLE_OUTER), 0, "Bo,Di"},
		{0, 2, "Bo,Cy"},
		{0, 3, "Ana,Bo,Cy"},
		{(1u << CIRCLE_INNER) | (1u << CIRCLE_CLOSE), 1, "Bo"},
		{0, 0, "Ana,Bo,Cy,Di"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct store_contact_filter f = {.circle = -1,
		                                 .circles = cases[i].circles,
		                                 .tags = tags,
		                                 .ntags = cases[i].ntags};
		char *got = sn_names(fx.st, &f);
		ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu: %s", i, got);
		free(got);
		struct sn_rank r;
		memset(&r, 0, sizeof r);
		ck_assert_int_eq(store_contact_rank(fx.st, &f, sn_rank_take, &r, &cause), 0);
		ck_assert_uint_eq(r.n, (strlen(cases[i].want) + 1) / 3);
	}
	t_fixture_close(&fx);
}
END_TEST

/* Between looking a contact up and writing, another process removed them:
 * the message names them. */
START_TEST(test_removed_meanwhile)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t ana = t_person(fx.st, "Ana Souza", NULL);
	int64_t bo = t_person(fx.st, "Bruno Lima", NULL);
	char *cause = NULL;
	struct contact c;
	ck_assert_int_eq(store_contact_get(fx.st, ana, &c, &cause), 0);
	ck_assert_int_eq(t_contact_remove(fx.st, ana, T_NOW, &cause), 0);
	ck_assert_int_eq(t_contact_update(fx.st, &c, T_NOW, &cause), -1);
	ck_assert_str_eq(cause, "updating Ana Souza: the contact is no longer in the journal "
	                        "(removed meanwhile?)");
	free(cause);
	cause = NULL;
	contact_free(&c);

	struct contact_ref ref = {bo, "", "Bruno Lima", ""};
	ck_assert_int_eq(t_contact_remove(fx.st, bo, T_NOW, &cause), 0);
	struct interaction in;
	interaction_init(&in);
	in.at = T_NOW - T_DAY;
	interaction_add_contact(&in, &ref);
	ck_assert_int_eq(t_interaction_add(fx.st, &in, T_NOW, &cause), -1);
	ck_assert_str_eq(cause, "adding an interaction: Bruno Lima is no longer in the journal "
	                        "(removed meanwhile?)");
	free(cause);
	cause = NULL;
	interaction_free(&in);

	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = bo;
	f.contact_name = xstrdup("Bruno Lima");
	f.text = xstrdup("call back");
	f.due_at = T_NOW + T_DAY;
	ck_assert_int_eq(t_followup_add(fx.st, &f, T_NOW, &cause), -1);
	ck_assert_str_eq(cause, "adding a follow-up with Bruno Lima: the contact is no longer in "
	                        "the journal (removed meanwhile?)");
	free(cause);
	followup_free(&f);
	t_fixture_close(&fx);
}
END_TEST

extern Suite *suite_store_names(void);

Suite *suite_store_names(void)
{
	Suite *s = suite_create("store_names");
	TCase *tc = tcase_create("names");
	tcase_add_test(tc, test_tags_without_case);
	tcase_add_test(tc, test_family_any_case);
	tcase_add_test(tc, test_filter_any_of);
	tcase_add_test(tc, test_removed_meanwhile);
	suite_add_tcase(s, tc);
	return s;
}
