/* check_match.c: tests of finding the contact a name names: word prefixes,
 * the choice among candidates, completion order, suggestions for a miss
 * (tables), and resolving against a temporary journal. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "model.h"
#include "store.h"
#include "store_test.h"

static const struct contact_ref people[] = {
	{1, "", "Ana Souza", "Acme"},        /* 0 */
	{2, "", "Ana Lima", "Globex"},       /* 1 */
	{3, "", "Anne Kim", ""},             /* 2 */
	{4, "", "Bruno Lima", ""},           /* 3 */
	{5, "", "Fátima Okafor", ""},        /* 4 */
	{6, "", "Jean-Luc Picard", "Fleet"}, /* 5 */
	{7, "", "Ana", ""},                  /* 6 */
	{8, "", "Łukasz Nowak", ""},         /* 7 */
	{9, "", "Anabel Souza", ""},         /* 8 */
};
#define NPEOPLE (sizeof people / sizeof people[0])

struct prefix_case {
	const char *query, *name;
	int want;
};

static const struct prefix_case prefix_cases[] = {
	{"ana", "ana souza", 1},
	{"sou", "ana souza", 1},
	{"souza ana", "ana souza", 1},
	{"na", "ana souza", 0},
	{"ana lima", "ana souza", 0},
	{"luc", "jean-luc picard", 1},
	{"jean-luc", "jean-luc picard", 1},
	{"", "ana", 0},
	{"  ", "ana", 0},
	{"ana  ", "ana", 1},
	{"a a", "ana", 1},
	{"anab", "ana", 0},
	{"ana souza x", "ana souza", 0},
	{"fatima", "fatima okafor", 1},
};

START_TEST(test_words_prefix)
{
	const struct prefix_case *c = &prefix_cases[_i];
	ck_assert_msg(match_words_prefix(c->query, c->name) == c->want, "'%s' in '%s'", c->query,
	              c->name);
}
END_TEST

struct pick_case {
	const char *query; /* folded */
	enum match_result want;
	size_t picked;
};

static const struct pick_case pick_cases[] = {
	{"ana", MATCH_ONE, 6}, /* the exact name wins over the prefixes */
	{"ana souza", MATCH_ONE, 0},
	{"bruno", MATCH_ONE, 3},
	{"lima", MATCH_AMBIGUOUS, 0},
	{"an", MATCH_AMBIGUOUS, 0},
	{"fatima", MATCH_ONE, 4},
	{"okafor fatima", MATCH_ONE, 4},
	{"fat ok", MATCH_ONE, 4},
	{"luc", MATCH_ONE, 5},
	{"jean-luc", MATCH_ONE, 5},
	{"jean luc", MATCH_ONE, 5},
	{"lukasz", MATCH_ONE, 7},
	{"anab", MATCH_ONE, 8},
	{"ana s", MATCH_AMBIGUOUS, 0},
	{"a l", MATCH_ONE, 1},
	{"zed", MATCH_NONE, 0},
	{"", MATCH_NONE, 0},
	{"ana souza lima", MATCH_NONE, 0},
	{"nne", MATCH_NONE, 0},
};

START_TEST(test_pick)
{
	const struct pick_case *c = &pick_cases[_i];
	size_t picked = 999;
	enum match_result r = match_pick(c->query, people, NPEOPLE, &picked);
	ck_assert_msg(r == c->want, "'%s': %d", c->query, (int)r);
	if (r == MATCH_ONE)
		ck_assert_msg(picked == c->picked, "'%s': picked %zu", c->query, picked);
	else
		ck_assert_uint_eq(picked, 999);
}
END_TEST

START_TEST(test_pick_same_name)
{
	static const struct contact_ref twins[] = {
		{1, "", "Ana Souza", "Acme"},
		{2, "", "Bruno", ""},
		{3, "", "ANA SOUZA", ""},
	};
	size_t picked = 999;
	ck_assert_int_eq(match_pick("ana souza", twins, 3, &picked), MATCH_AMBIGUOUS);
	ck_assert_int_eq(match_pick("bru", twins, 3, &picked), MATCH_ONE);
	ck_assert_uint_eq(picked, 1);
	ck_assert_int_eq(match_pick("ana", NULL, 0, &picked), MATCH_NONE);
}
END_TEST

struct list_case {
	const char *query;
	size_t max;
	size_t n;
	size_t want[6];
};

static const struct list_case filter_cases[] = {
	{"ana", 10, 4, {6, 0, 1, 8}}, {"ana", 2, 2, {6, 0}},      {"lima", 10, 2, {1, 3}},
	{"souza", 10, 2, {0, 8}},     {"bruno lima", 10, 1, {3}}, {"zz", 10, 0, {0}},
	{"ana", 0, 0, {0}},
};

START_TEST(test_filter)
{
	const struct list_case *c = &filter_cases[_i];
	size_t out[16];
	size_t n = match_filter(c->query, people, NPEOPLE, out, c->max);
	ck_assert_msg(n == c->n, "'%s': %zu", c->query, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(out[i] == c->want[i], "'%s' #%zu: %zu", c->query, i, out[i]);
}
END_TEST

static const struct list_case suggest_cases[] = {
	/* one edit from ana, ana lima, ana souza and anne; ties by name */
	{"anna", 5, 4, {6, 1, 0, 2}},
	{"anna", 3, 3, {6, 1, 0}},
	{"brunno", 5, 1, {3}},
	{"burno", 5, 1, {3}}, /* a transposition is one edit */
	{"picrad", 5, 1, {5}},
	{"fatma", 5, 1, {4}},
	{"okafr", 5, 1, {4}},
	{"lucasz", 5, 1, {7}},
	{"souza ana", 5, 2, {0, 8}},
	{"anabell", 5, 1, {8}},
	{"ana souzza", 5, 2, {0, 8}},
	{"xyz", 5, 0, {0}},
	{"q", 5, 0, {0}},
	{"bartholomew", 5, 0, {0}},
	{"", 5, 0, {0}},
	{"anna", 0, 0, {0}},
};

START_TEST(test_suggest)
{
	const struct list_case *c = &suggest_cases[_i];
	size_t out[16];
	size_t n = match_suggest(c->query, people, NPEOPLE, out, c->max);
	ck_assert_msg(n == c->n, "'%s': %zu suggestions", c->query, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(out[i] == c->want[i], "'%s' #%zu: %s", c->query, i,
		              people[out[i]].name);
}
END_TEST

START_TEST(test_suggest_long_names)
{
	/* names and queries longer than the compared prefix do not overflow */
	char longname[400];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	const struct contact_ref refs[] = {{1, "", longname, ""}, {2, "", "Ana", ""}};
	size_t out[2];
	size_t n = match_suggest(longname, refs, 2, out, 2);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(out[0], 0);
	ck_assert_uint_eq(match_suggest("anaa", refs, 2, out, 2), 1);
	ck_assert_uint_eq(out[0], 1);
}
END_TEST

/* ---- against a journal ---- */

struct person {
	const char *name, *org, *id; /* id NULL: a new one */
};

static const struct person journal[] = {
	{"Ana Souza", "Acme", NULL},
	{"Ana Lima", "Globex", NULL},
	{"Ana Paula", "X", NULL},
	{"Ana Maria", "", NULL},
	{"Ana Clara", "", NULL},
	{"Ana Beatriz", "", NULL},
	{"Anne Kim", "", NULL},
	{"Bruno Lima", "", "abcdef01-0000-4000-8000-000000000001"},
	{"Fátima Okafor", "", "abcdef02-0000-4000-8000-000000000002"},
	{"Jean-Luc Picard", "Fleet", NULL},
	{"Carla Dias", "Acme", "c0ffee00-0000-4000-8000-000000000003"},
	{"Carla Dias", "", "c0ffee11-0000-4000-8000-000000000004"},
	{"Dr. Who", "", NULL},
};
#define NJOURNAL (sizeof journal / sizeof journal[0])

struct resolve_case {
	const char *spec;
	const char *name;  /* expected contact's name; NULL: an error */
	const char *error; /* the whole message, or a part of it when partial is set */
	int partial;
};

static const struct resolve_case resolve_cases[] = {
	{"abcdef01-0000-4000-8000-000000000001", "Bruno Lima", NULL, 0},
	{"ABCDEF01-0000-4000-8000-000000000001", "Bruno Lima", NULL, 0},
	{"abcdef02", "Fátima Okafor", NULL, 0},
	{"  abcdef02-0000  ", "Fátima Okafor", NULL, 0},
	{"c0ffee00", "Carla Dias", NULL, 0},
	{"ana souza", "Ana Souza", NULL, 0},
	{"Ana Souza", "Ana Souza", NULL, 0},
	{"@ana.souza", "Ana Souza", NULL, 0},
	{"@\"Ana  Souza\"", "Ana Souza", NULL, 0},
	{"ana s", "Ana Souza", NULL, 0},
	{"@bruno", "Bruno Lima", NULL, 0},
	{"bru", "Bruno Lima", NULL, 0},
	{"fatima", "Fátima Okafor", NULL, 0},
	{"FÁTIMA", "Fátima Okafor", NULL, 0},
	{"@okafor", "Fátima Okafor", NULL, 0},
	{"luc", "Jean-Luc Picard", NULL, 0},
	{"@jean-luc", "Jean-Luc Picard", NULL, 0},
	{"@\"Dr. Who\"", "Dr. Who", NULL, 0},
	{"who", "Dr. Who", NULL, 0},
	{"@ana", NULL, "…and 1 more; write more of the name, or give one of these ids", 1},
	{"@ana", NULL, "'ana' is ambiguous: Ana Beatriz (", 1},
	{"lima", NULL, ", Bruno Lima (abcdef01); write more of the name, or give one of these ids", 1},
	{"lima", NULL, "'lima' is ambiguous: Ana Lima (Globex, ", 1},
	{"carla dias", NULL,
         "'carla dias' is ambiguous: Carla Dias (Acme, c0ffee00), Carla Dias (c0ffee11); "
         "several contacts have this name: give one of these ids",
         0},
	{"Carla Dias#abcdef01", NULL, "'Carla Dias#abcdef01' names nobody: that id is Bruno Lima's",
         0},
	{"carla#ffffff", NULL, "'carla#ffffff' names nobody: no contact's id starts with ffffff", 0},
	{"#ffffff", NULL, "no contact's id starts with ffffff", 0},
	{"Zoe \"Z\" Quinn", NULL, "To add them: kith add 'Zoe \"Z\" Quinn'", 1},
	{"O'Brien", NULL, "To add them: kith add \"O'Brien\"", 1},
	{"brunno", NULL,
         "nobody called 'brunno'; did you mean Bruno Lima? To add them: kith add Brunno", 0},
	{"@anna", NULL, "nobody called 'anna'; did you mean Ana Beatriz, Ana Clara, Ana Lima? ", 1},
	{"@zyx", NULL, "nobody called 'zyx'. To add them: kith add Zyx", 0},
	{"zoe.quinn", NULL, "nobody called 'zoe quinn'. To add them: kith add \"Zoe Quinn\"", 0},
	{"Zoe Quinn", NULL, "To add them: kith add \"Zoe Quinn\"", 1},
	{"abcdef", NULL,
         "id abcdef is ambiguous: abcdef01-0000 Bruno Lima, abcdef02-0000 Fátima "
         "Okafor; write more of the id",
         0},
	{"ffffffff-0000-4000-8000-000000000000", NULL,
         "no contact has the id ffffffff-0000-4000-8000-000000000000", 0},
	{"deadbeef", NULL,
         "nothing matches 'deadbeef': no contact's id starts so, and nobody is called that", 0},
	{"", NULL, "no contact given", 1},
	{"   ", NULL, "no contact given", 1},
	{"@\"Ana Souza", NULL, "unterminated quote", 1},
	{"@\"\"", NULL, "no name given", 1},
	{"@", NULL, "no name given", 1},
};

/* A temporary journal holding the people above; each test opens its own. */
struct journal {
	char *dir;
	struct store *st;
	int64_t rowid[NJOURNAL];
};

static void journal_open(struct journal *j)
{
	j->dir = t_tmpdir();
	char *path = t_path(j->dir, "kith.db");
	j->st = t_open(path);
	free(path);
	for (size_t i = 0; i < NJOURNAL; i++) {
		struct contact c;
		char *cause = NULL;
		contact_init(&c);
		free(c.name);
		free(c.org);
		c.name = strdup(journal[i].name);
		c.org = strdup(journal[i].org);
		if (journal[i].id != NULL)
			memcpy(c.id, journal[i].id, ID_LEN + 1);
		ck_assert_msg(t_contact_add(j->st, &c, T_NOW, &cause) == 0, "%s", cause);
		j->rowid[i] = c.rowid;
		contact_free(&c);
	}
}

static void journal_close(struct journal *j)
{
	store_close(j->st);
	t_rmtree(j->dir);
	free(j->dir);
}

START_TEST(test_resolve)
{
	const struct resolve_case *c = &resolve_cases[_i];
	struct journal j;
	struct contact_ref ref;
	char *cause = NULL;
	journal_open(&j);
	int rc = match_resolve(j.st, c->spec, &ref, &cause);
	if (c->name != NULL) {
		ck_assert_msg(rc == 0, "'%s': %s", c->spec, cause ? cause : "");
		ck_assert_str_eq(ref.name, c->name);
		size_t i = 0;
		while (i < NJOURNAL && strcmp(journal[i].name, c->name) != 0)
			i++;
		ck_assert_int_eq(ref.rowid, j.rowid[i]);
		ck_assert_int_eq(strlen(ref.id), ID_LEN);
		ck_assert_str_eq(ref.org, journal[i].org);
		contact_ref_free(&ref);
	} else {
		ck_assert_msg(rc == -1, "'%s' resolved to %s", c->spec, rc == 0 ? ref.name : "?");
		ck_assert_ptr_nonnull(cause);
		if (c->partial)
			ck_assert_msg(strstr(cause, c->error) != NULL, "'%s': '%s'", c->spec,
			              cause);
		else
			ck_assert_str_eq(cause, c->error);
		ck_assert_ptr_null(ref.name);
	}
	free(cause);
	journal_close(&j);
}
END_TEST

START_TEST(test_resolve_name)
{
	struct journal j;
	struct contact_ref ref;
	char *cause = NULL;
	journal_open(&j);
	/* a mention's text: never an id, dots kept as written */
	ck_assert_int_eq(match_resolve_name(j.st, "Dr. Who", NULL, &ref, &cause), 0);
	ck_assert_str_eq(ref.name, "Dr. Who");
	contact_ref_free(&ref);
	ck_assert_int_eq(match_resolve_name(j.st, "abcdef01", NULL, &ref, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "nobody called @abcdef01"));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(match_resolve_name(j.st, "jean luc", NULL, &ref, &cause), 0);
	ck_assert_str_eq(ref.name, "Jean-Luc Picard");
	contact_ref_free(&ref);
	ck_assert_int_eq(match_resolve_name(j.st, "", NULL, &ref, &cause), -1);
	free(cause);
	journal_close(&j);
}
END_TEST

START_TEST(test_resolve_empty_journal)
{
	char *dir = t_tmpdir(), *path = t_path(dir, "kith.db"), *cause = NULL;
	struct store *st = t_open(path);
	struct contact_ref ref;
	ck_assert_int_eq(match_resolve(st, "@ana", &ref, &cause), -1);
	ck_assert_str_eq(cause, "nobody called 'ana'. To add them: kith add Ana");
	free(cause);
	cause = NULL;
	/* a mention in a capture line offers the @+ form */
	ck_assert_int_eq(match_resolve_name(st, "ana", NULL, &ref, &cause), -1);
	ck_assert_str_eq(cause, "nobody called @ana. To add a new person write @+\"Ana\"");
	free(cause);
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST


/* Namesakes told apart by an id prefix, in an argument and in a mention. */
START_TEST(test_resolve_id_suffix)
{
	static const struct {
		const char *spec;
		const char *id; /* the expected contact's id */
	} cases[] = {
		{"Carla Dias#c0ffee11", "c0ffee11-0000-4000-8000-000000000004"},
		{"carla dias#C0FFEE00", "c0ffee00-0000-4000-8000-000000000003"},
		{"@\"Carla Dias\"#c0ffee11", "c0ffee11-0000-4000-8000-000000000004"},
		{"@carla.dias#c0ffee00-0000", "c0ffee00-0000-4000-8000-000000000003"},
		{"carla#c0ffee11", "c0ffee11-0000-4000-8000-000000000004"},
		{"c0ffee11", "c0ffee11-0000-4000-8000-000000000004"},
		{"#c0ffee11", "c0ffee11-0000-4000-8000-000000000004"},
	};
	struct journal j;
	struct contact_ref ref;
	char *cause = NULL;
	journal_open(&j);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = match_resolve(j.st, cases[i].spec, &ref, &cause);
		ck_assert_msg(rc == 0, "'%s': %s", cases[i].spec, cause ? cause : "");
		ck_assert_str_eq(ref.id, cases[i].id);
		contact_ref_free(&ref);
	}
	ck_assert_int_eq(match_resolve_name(j.st, "carla dias", "c0ffee11", &ref, &cause), 0);
	ck_assert_str_eq(ref.id, "c0ffee11-0000-4000-8000-000000000004");
	contact_ref_free(&ref);
	/* a mention's message offers the mention that works */
	ck_assert_int_eq(match_resolve_name(j.st, "carla dias", NULL, &ref, &cause), -1);
	ck_assert_str_eq(cause, "@\"carla dias\" is ambiguous: @\"Carla Dias\"#c0ffee00 (Acme), "
	                        "@\"Carla Dias\"#c0ffee11; several contacts have this name: write "
	                        "one of these");
	free(cause);
	cause = NULL;
	ck_assert_int_eq(match_resolve_name(j.st, "carla", "abcdef01", &ref, &cause), -1);
	ck_assert_str_eq(cause, "@carla#abcdef01 names nobody: that id is Bruno Lima's");
	free(cause);
	cause = NULL;
	/* word-prefix ambiguity: the namesakes get their id, the others not */
	ck_assert_int_eq(match_resolve_name(j.st, "dias", NULL, &ref, &cause), -1);
	ck_assert_str_eq(cause, "@dias is ambiguous: @\"Carla Dias\"#c0ffee00 (Acme), "
	                        "@\"Carla Dias\"#c0ffee11; write one of these or more of the name");
	free(cause);
	cause = NULL;
	ck_assert_int_eq(match_resolve_name(j.st, "lima", NULL, &ref, &cause), -1);
	ck_assert_msg(strstr(cause, "@\"Ana Lima\" (Globex), @\"Bruno Lima\";") != NULL, "%s",
	              cause);
	free(cause);
	journal_close(&j);
}
END_TEST

/* The exact full name as written comes first, before the dots and marks of
 * the mention forms: J.R. Smith, @home, "Quoted", #1 fan. */
START_TEST(test_resolve_exact_first)
{
	static const char *const names[] = {"J.R. Smith", "J R Smith", "@home", "\"Quoted\"",
	                                    "#1 fan", "!bang", "+plus"};
	char *dir = t_tmpdir(), *path = t_path(dir, "kith.db"), *cause = NULL;
	struct store *st = t_open(path);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct contact c;
		contact_init(&c);
		free(c.name);
		c.name = strdup(names[i]);
		ck_assert_msg(t_contact_add(st, &c, T_NOW, &cause) == 0, "%s", cause);
		contact_free(&c);
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct contact_ref ref;
		int rc = match_resolve(st, names[i], &ref, &cause);
		ck_assert_msg(rc == 0, "'%s': %s", names[i], cause ? cause : "");
		ck_assert_str_eq(ref.name, names[i]);
		contact_ref_free(&ref);
	}
	store_close(st);
	t_rmtree(dir);
	free(path);
	free(dir);
}
END_TEST

extern Suite *suite_match(void);

Suite *suite_match(void)
{
	Suite *s = suite_create("match");
	TCase *tc = tcase_create("pure");
	tcase_add_loop_test(tc, test_words_prefix, 0, sizeof prefix_cases / sizeof prefix_cases[0]);
	tcase_add_loop_test(tc, test_pick, 0, sizeof pick_cases / sizeof pick_cases[0]);
	tcase_add_test(tc, test_pick_same_name);
	tcase_add_loop_test(tc, test_filter, 0, sizeof filter_cases / sizeof filter_cases[0]);
	tcase_add_loop_test(tc, test_suggest, 0, sizeof suggest_cases / sizeof suggest_cases[0]);
	tcase_add_test(tc, test_suggest_long_names);
	suite_add_tcase(s, tc);
	tc = tcase_create("journal");
	tcase_add_loop_test(tc, test_resolve, 0, sizeof resolve_cases / sizeof resolve_cases[0]);
	tcase_add_test(tc, test_resolve_name);
	tcase_add_test(tc, test_resolve_empty_journal);
	tcase_add_test(tc, test_resolve_id_suffix);
	tcase_add_test(tc, test_resolve_exact_first);
	suite_add_tcase(s, tc);
	return s;
}
