/* check_match_query.c: how an address-book entry ranks for a mail client's
 * query (match_query.c): name, e-mail, organisation, inside, none. */
#include <check.h>
#include <stdlib.h>

#include "match.h"
#include "utf8.h"

static const struct {
	const char *query, *name, *org, *email;
	int want;
} address_cases[] = {
	{"Ana Souza", "Ana Souza", "", "a@x", 0},
	{"ANA", "Ana", "Acme", "z@x", 0},
	{"ana", "Ana Souza", "", "z@x", 1},
	{"sou an", "Ana Souza", "", "z@x", 1},
	{"lima", "Bruno Souza-Lima", "", "z@x", 1},
	{"fatima", "Fátima Ñúñez", "", "z@x", 1},
	{"nunez", "Fátima Ñúñez", "", "z@x", 1},
	{"bruno@", "Ana", "", "bruno@lab.example", 2},
	{"BRUNO@LAB", "Ana", "", "bruno@lab.example", 2},
	{"acme", "Ana", "Acme Corp", "z@x", 3},
	{"corp", "Ana", "Acme Corp", "z@x", 3},
	{"nan", "Ana", "Banana", "z@x", 4},
	{"lab.ex", "Ana", "", "bruno@lab.example", 4},
	{"uz", "Ana Souza", "", "z@x", 4},
	{"", "Ana", "", "z@x", 4},
	{"carla", "Ana", "Acme", "z@x", -1},
	{"ana bruno", "Ana Souza", "", "bruno@x", -1},
};

START_TEST(test_match_address)
{
	char *q = utf8_fold(address_cases[_i].query);
	char *name = utf8_fold(address_cases[_i].name);
	char *org = utf8_fold(address_cases[_i].org);
	char *email = utf8_fold(address_cases[_i].email);
	ck_assert_int_eq(match_address(q, name, org, email), address_cases[_i].want);
	free(q);
	free(name);
	free(org);
	free(email);
}
END_TEST

Suite *suite_match_query(void)
{
	Suite *s = suite_create("match_query");
	TCase *tc = tcase_create("address");
	tcase_add_loop_test(tc, test_match_address, 0,
	                    (int)(sizeof address_cases / sizeof address_cases[0]));
	suite_add_tcase(s, tc);
	return s;
}
