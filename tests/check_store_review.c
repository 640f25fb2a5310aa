/* check_store_review.c: the review's load (store_review.c) reads the
 * timelines of the people it wants together, and each is what store_timeline
 * reads for that contact. Depends on store_review.h and store_test.h. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "store_review.h"
#include "store_test.h"

/* An interaction of the contacts rowids[0..n) with the tags (comma-separated
 * or NULL) and a summary; its rowid. */
static int64_t t_log_tagged(struct store *st, int64_t at, enum ikind kind, const int64_t *rowids,
                            size_t n, const char *tags)
{
	struct interaction in;
	interaction_init(&in);
	in.at = at;
	in.kind = kind;
	t_set(&in.summary, "coffee and a plan");
	for (size_t i = 0; i < n; i++) {
		struct contact_ref r = {rowids[i], "", "", ""};
		interaction_add_contact(&in, &r);
	}
	char *list = tags != NULL ? strdup(tags) : NULL, *save = NULL;
	for (char *t = list ? strtok_r(list, ",", &save) : NULL; t; t = strtok_r(NULL, ",", &save))
		strv_push(&in.tags, t);
	free(list);
	char *cause = NULL;
	int rc = t_interaction_add(st, &in, T_NOW, &cause);
	ck_assert_msg(rc == 0, "logging: %s", cause ? cause : "?");
	int64_t rowid = in.rowid;
	interaction_free(&in);
	return rowid;
}

/* got (a person's loaded timeline) is want (store_timeline's) but for the
 * interactions' contacts, which are not loaded. */
static void t_same_timeline(const struct interaction *got, size_t ngot,
                            const struct interaction *want, size_t nwant)
{
	ck_assert_uint_eq(ngot, nwant);
	for (size_t i = 0; i < nwant; i++) {
		ck_assert_int_eq(got[i].rowid, want[i].rowid);
		ck_assert_str_eq(got[i].id, want[i].id);
		ck_assert_int_eq(got[i].at, want[i].at);
		ck_assert_int_eq(got[i].kind, want[i].kind);
		ck_assert_int_eq(got[i].dir, want[i].dir);
		ck_assert_str_eq(got[i].summary, want[i].summary);
		ck_assert_uint_eq(got[i].ncontacts, 0);
		ck_assert_uint_eq(got[i].tags.n, want[i].tags.n);
		for (size_t j = 0; j < want[i].tags.n; j++)
			ck_assert_str_eq(got[i].tags.v[j], want[i].tags.v[j]);
	}
}

START_TEST(test_review_timelines_as_read_one_by_one)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	int64_t ann = t_person(fx.st, "Ann", NULL), bob = t_person(fx.st, "Bob", NULL),
		cy = t_person(fx.st, "Cy", NULL);
	int64_t both[2] = {ann, bob};
	int64_t old = T_NOW - 1500 * T_DAY;
	/* Logged out of order, two at the same moment, one shared by two people,
	 * tags on several: each timeline is newest first, ties by rowid. */
	t_log_tagged(fx.st, old + 3 * T_DAY, IKIND_CALL, &ann, 1, "work");
	t_log_tagged(fx.st, old, IKIND_MEETING, both, 2, "conf,spring");
	t_log_tagged(fx.st, old + 3 * T_DAY, IKIND_MESSAGE, &ann, 1, NULL);
	t_log_tagged(fx.st, old + 9 * T_DAY, IKIND_NOTE, &bob, 1, "later");
	t_log_tagged(fx.st, old - 40 * T_DAY, IKIND_MEETING, both, 2, "intro");
	t_log_tagged(fx.st, old + T_DAY, IKIND_MEETING, &bob, 1, NULL);
	(void)cy; /* never in touch: nothing to read */

	struct score_params p;
	score_params_default(&p);
	struct store_review r;
	char *cause = NULL;
	ck_assert_msg(store_review_load(fx.st, &p, T_NOW, &r, &cause) == 0, "%s",
	              cause ? cause : "?");
	size_t wanted = 0;
	for (size_t i = 0; i < r.in.npeople; i++) {
		const struct review_person *pp = &r.in.people[i];
		if (!review_person_wants_timeline(pp->c, &pp->score, T_NOW)) {
			ck_assert_ptr_null(pp->timeline);
			ck_assert_uint_eq(pp->ntimeline, 0);
			continue;
		}
		wanted++;
		struct store_timeline_query q = {pp->c->rowid, 0, 0, 0};
		struct interaction *v = NULL;
		size_t n = 0;
		ck_assert_int_eq(store_timeline(fx.st, &q, &v, &n, &cause), 0);
		t_same_timeline(pp->timeline, pp->ntimeline, v, n);
		interactions_free(v, n);
	}
	ck_assert_uint_eq(wanted, 2); /* Ann and Bob, dormant with a history */
	store_review_free(&r);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_review_load_empty_journal)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	struct score_params p;
	score_params_default(&p);
	struct store_review r;
	char *cause = NULL;
	ck_assert_int_eq(store_review_load(fx.st, &p, T_NOW, &r, &cause), 0);
	ck_assert_uint_eq(r.in.npeople, 0);
	store_review_free(&r);
	t_fixture_close(&fx);
}
END_TEST

Suite *suite_store_review(void)
{
	Suite *s = suite_create("store_review");
	TCase *tc = tcase_create("load");
	tcase_add_test(tc, test_review_timelines_as_read_one_by_one);
	tcase_add_test(tc, test_review_load_empty_journal);
	suite_add_tcase(s, tc);
	return s;
}
