/* check_id.c: tests of record identifiers: the text form of new UUIDs, their
 * version and variant, uniqueness, and the uuid and prefix recognisers. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "id.h"

static int id_cmp(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

START_TEST(test_new_format)
{
	for (int n = 0; n < 200; n++) {
		char id[ID_LEN + 1];
		memset(id, 'X', sizeof id);
		id_new(id);
		ck_assert_uint_eq(strlen(id), ID_LEN);
		for (size_t i = 0; i < ID_LEN; i++) {
			if (i == 8 || i == 13 || i == 18 || i == 23)
				ck_assert_msg(id[i] == '-', "%s", id);
			else
				ck_assert_msg(strchr("0123456789abcdef", id[i]) != NULL, "%s", id);
		}
		ck_assert_msg(id[14] == '4', "version 4: %s", id);
		ck_assert_msg(strchr("89ab", id[19]) != NULL, "RFC 4122 variant: %s", id);
		ck_assert(id_is_uuid(id));
		ck_assert(id_is_prefix(id));
	}
}
END_TEST

START_TEST(test_new_unique)
{
	enum { N = 10000 };
	char(*ids)[ID_LEN + 1] = malloc(N * sizeof *ids);
	ck_assert_ptr_nonnull(ids);
	for (int i = 0; i < N; i++)
		id_new(ids[i]);
	qsort(ids, N, sizeof *ids, id_cmp);
	for (int i = 1; i < N; i++)
		ck_assert_str_ne(ids[i - 1], ids[i]);
	free(ids);
}
END_TEST

struct id_case {
	const char *s;
	int uuid;
	int prefix;
};

static const struct id_case id_cases[] = {
	{"0c4b7a3e-93f1-4d6b-9a2e-5f8c1d2e3f40", 1, 1},
	{"0C4B7A3E-93F1-4D6B-9A2E-5F8C1D2E3F40", 1, 1}, /* either case */
	{"00000000-0000-0000-0000-000000000000", 1, 1},
	{"0c4b7a3e-93f1-4d6b-9a2e-5f8c1d2e3f4", 0, 1},  /* 35 characters */
	{"0c4b7a3e-93f1-4d6b-9a2e-5f8c1d2e3f401", 0, 0}, /* 37 characters */
	{"0c4b7a3e93f14d6b9a2e5f8c1d2e3f40", 0, 0},     /* no dashes */
	{"0c4b7a3e-93f1-4d6b-9a2e_5f8c1d2e3f40", 0, 0},
	{"0c4b7a3e-93f1-4d6b-9a2e-5f8c1d2e3f4g", 0, 0},
	{"0c4b7a3-e93f1-4d6b-9a2e-5f8c1d2e3f40", 0, 0}, /* dash one place early */
	{" 0c4b7a3e-93f1-4d6b-9a2e-5f8c1d2e3f4", 0, 0},
	{"", 0, 0},
	{"0c4b7", 0, 0},   /* 5: too short for a prefix */
	{"0c4b7a", 0, 1},  /* 6 */
	{"0c4b7a3e", 0, 1},
	{"0c4b7a3e-", 0, 1},
	{"0c4b7a3e-93", 0, 1},
	{"0c4b7a3e93", 0, 0}, /* the ninth character must be the dash */
	{"ana-souza", 0, 0},
	{"abcdef", 0, 1},
	{"abcdeg", 0, 0},
	{"------", 0, 0},
	{"0c4b7a 3e", 0, 0},
};

START_TEST(test_recognise)
{
	const struct id_case *c = &id_cases[_i];
	ck_assert_msg(id_is_uuid(c->s) == c->uuid, "id_is_uuid(\"%s\")", c->s);
	ck_assert_msg(id_is_prefix(c->s) == c->prefix, "id_is_prefix(\"%s\")", c->s);
}
END_TEST

extern Suite *suite_id(void);

Suite *suite_id(void)
{
	Suite *s = suite_create("id");
	TCase *tc = tcase_create("id");
	tcase_add_test(tc, test_new_format);
	tcase_add_test(tc, test_new_unique);
	tcase_add_loop_test(tc, test_recognise, 0, sizeof id_cases / sizeof id_cases[0]);
	suite_add_tcase(s, tc);
	return s;
}
