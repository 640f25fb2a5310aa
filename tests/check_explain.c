/* check_explain.c: tests of the score explained term by term: the share of
 * each attention term, blank when the attention shows as 0.000, and the
 * words of the cadence row. */
#include <check.h>
#include <string.h>

#include "explain.h"

/* The rows of a contact of the active circle with the given score. */
static size_t ex_rows(const struct score *s, int cadence_days, struct explain_row *rows)
{
	struct contact c;
	struct score_params p;
	contact_init(&c);
	c.circle = CIRCLE_ACTIVE;
	c.cadence_days = cadence_days;
	score_params_default(&p);
	size_t n = explain_score(&c, s, &p, rows);
	contact_free(&c);
	return n;
}

static const struct explain_row *ex_find(const struct explain_row *rows, size_t n,
                                         const char *term, size_t nth)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].term, term) == 0)
			return i + nth < n ? &rows[i + nth] : NULL;
	return NULL;
}

struct share_case {
	double recency_part, owed_part;
	const char *share_recency, *share_owed;
};

static const struct share_case share_cases[] = {
	{0.0, 0.0, "", ""},
	{0.0004, 0.0, "", ""},     /* shows as 0.000: no 100% beside it */
	{0.0002, 0.0002, "", ""},
	{0.0005, 0.0, "100%", "0%"}, /* the threshold: from here a share is shown */
	{0.3, 0.1, "75%", "25%"},
	{0.0, 0.25, "0%", "100%"},
};

START_TEST(test_share)
{
	const struct share_case *c = &share_cases[_i];
	struct score s;
	memset(&s, 0, sizeof s);
	s.cadence = 180;
	s.attention_recency = c->recency_part;
	s.attention_owed = c->owed_part;
	s.attention = c->recency_part + c->owed_part;
	struct explain_row rows[EXPLAIN_MAX_ROWS];
	size_t n = ex_rows(&s, -1, rows);
	const struct explain_row *first = ex_find(rows, n, "attention", 0);
	const struct explain_row *second = ex_find(rows, n, "attention", 1);
	ck_assert_ptr_nonnull(first);
	ck_assert_ptr_nonnull(second);
	ck_assert_str_eq(first->share, c->share_recency);
	ck_assert_str_eq(second->share, c->share_owed);
}
END_TEST

START_TEST(test_cadence_words)
{
	struct score s;
	memset(&s, 0, sizeof s);
	struct explain_row rows[EXPLAIN_MAX_ROWS];
	s.cadence = 1;
	size_t n = ex_rows(&s, 1, rows);
	const struct explain_row *r = ex_find(rows, n, "cadence", 0);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->detail, "C = 1 day (own)");
	s.cadence = 2;
	n = ex_rows(&s, 2, rows);
	r = ex_find(rows, n, "cadence", 0);
	ck_assert_str_eq(r->detail, "C = 2 days (own)");
}
END_TEST

extern Suite *suite_explain(void);

Suite *suite_explain(void)
{
	Suite *s = suite_create("explain");
	TCase *tc = tcase_create("rows");
	tcase_add_loop_test(tc, test_share, 0, sizeof share_cases / sizeof share_cases[0]);
	tcase_add_test(tc, test_cadence_words);
	suite_add_tcase(s, tc);
	return s;
}
