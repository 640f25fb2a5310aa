/* check_model.c: tests of the journal's enums and names, the capture aliases
 * of interaction kinds (DESIGN.md §4), and the record constructors. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

struct alias_case {
	const char *alias;
	enum ikind kind;
};

/* Every alias of the table in DESIGN.md §4. */
static const struct alias_case alias_cases[] = {
	{"meet", IKIND_MEETING},      {"met", IKIND_MEETING},      {"meeting", IKIND_MEETING},
	{"coffee", IKIND_MEETING},    {"lunch", IKIND_MEETING},    {"dinner", IKIND_MEETING},
	{"breakfast", IKIND_MEETING}, {"drinks", IKIND_MEETING},   {"visit", IKIND_MEETING},
	{"call", IKIND_CALL},         {"called", IKIND_CALL},      {"phone", IKIND_CALL},
	{"video", IKIND_CALL},        {"zoom", IKIND_CALL},        {"message", IKIND_MESSAGE},
	{"msg", IKIND_MESSAGE},       {"email", IKIND_MESSAGE},    {"emailed", IKIND_MESSAGE},
	{"text", IKIND_MESSAGE},      {"texted", IKIND_MESSAGE},   {"chat", IKIND_MESSAGE},
	{"dm", IKIND_MESSAGE},        {"wrote", IKIND_MESSAGE},    {"event", IKIND_EVENT},
	{"conference", IKIND_EVENT},  {"fair", IKIND_EVENT},       {"meetup", IKIND_EVENT},
	{"share", IKIND_SHARE},       {"shared", IKIND_SHARE},     {"article", IKIND_SHARE},
	{"link", IKIND_SHARE},        {"intro", IKIND_INTRO},      {"introduced", IKIND_INTRO},
	{"introduction", IKIND_INTRO}, {"advice", IKIND_ADVICE},   {"advised", IKIND_ADVICE},
	{"mentored", IKIND_ADVICE},   {"mentoring", IKIND_ADVICE}, {"lead", IKIND_LEAD},
	{"joblead", IKIND_LEAD},      {"referral", IKIND_REFERRAL}, {"referred", IKIND_REFERRAL},
	{"favor", IKIND_FAVOR},       {"favour", IKIND_FAVOR},     {"helped", IKIND_FAVOR},
	{"gift", IKIND_GIFT},         {"note", IKIND_NOTE},
	/* ASCII case does not matter. */
	{"Coffee", IKIND_MEETING},    {"ZOOM", IKIND_CALL},        {"Favour", IKIND_FAVOR},
	{"INTRODUCTION", IKIND_INTRO},
};

START_TEST(test_alias)
{
	const struct alias_case *c = &alias_cases[_i];
	enum ikind k = IKIND_COUNT;
	ck_assert_msg(model_ikind_from_alias(c->alias, &k) == 0, "'%s' not an alias", c->alias);
	ck_assert_msg(k == c->kind, "'%s' -> %s, want %s", c->alias, model_ikind_name(k),
	              model_ikind_name(c->kind));
}
END_TEST

static const char *const not_aliases[] = {
	"", "with", "coffees", "meets", "coffee!", "kind:call", "café", "introductions",
	"averyveryverylongwordindeed", "gifts", "notes", " call", "call ",
	/* 15 and 16 bytes: the longest word the lookup copies, and the first it
	 * refuses (a copy of it would overrun the buffer: caught by make asan) */
	"meetingmeetingm", "meetingmeetingme",
};

START_TEST(test_not_alias)
{
	enum ikind k = IKIND_GIFT;
	ck_assert_int_eq(model_ikind_from_alias(not_aliases[_i], &k), -1);
	ck_assert_int_eq(k, IKIND_GIFT); /* untouched */
}
END_TEST

START_TEST(test_every_kind_is_its_own_alias)
{
	for (int i = 0; i < IKIND_COUNT; i++) {
		enum ikind k = IKIND_COUNT;
		ck_assert_int_eq(model_ikind_from_alias(model_ikind_name((enum ikind)i), &k), 0);
		ck_assert_int_eq(k, i);
	}
}
END_TEST

START_TEST(test_services)
{
	static const char *const want[] = {"share",    "intro", "advice", "lead",
	                                   "referral", "favor", "gift"};
	int n = 0;
	for (int i = 0; i < IKIND_COUNT; i++) {
		const char *name = model_ikind_name((enum ikind)i);
		int listed = 0;
		for (size_t j = 0; j < sizeof want / sizeof want[0]; j++)
			if (strcmp(name, want[j]) == 0)
				listed = 1;
		ck_assert_msg(model_ikind_is_service((enum ikind)i) == listed, "%s", name);
		n += listed;
	}
	ck_assert_int_eq(n, 7);
}
END_TEST

/* Each enum: names are distinct lower-case words that parse back; others fail. */
START_TEST(test_names_round_trip)
{
	static const char *const circles[] = {"inner", "close", "active", "wide", "outer"};
	static const char *const ckinds[] = {"personal", "operational", "strategic"};
	static const char *const ikinds[] = {"meeting", "call",  "message",  "event",
	                                     "share",   "intro", "advice",   "lead",
	                                     "referral", "favor", "gift",    "note"};
	static const char *const dirs[] = {"none", "gave", "got", "mutual"};
	static const char *const fields[] = {"email", "phone", "url", "address", "vcard"};
	ck_assert_int_eq(CIRCLE_COUNT, 5);
	ck_assert_int_eq(CKIND_COUNT, 3);
	ck_assert_int_eq(IKIND_COUNT, 12);
	ck_assert_int_eq(DIR_COUNT, 4);
	ck_assert_int_eq(FIELD_COUNT, 5);
	for (int i = 0; i < CIRCLE_COUNT; i++) {
		enum circle v = CIRCLE_COUNT;
		ck_assert_str_eq(model_circle_name((enum circle)i), circles[i]);
		ck_assert_int_eq(model_circle_parse(circles[i], &v), 0);
		ck_assert_int_eq(v, i);
	}
	for (int i = 0; i < CKIND_COUNT; i++) {
		enum contact_kind v = CKIND_COUNT;
		ck_assert_str_eq(model_ckind_name((enum contact_kind)i), ckinds[i]);
		ck_assert_int_eq(model_ckind_parse(ckinds[i], &v), 0);
		ck_assert_int_eq(v, i);
	}
	for (int i = 0; i < IKIND_COUNT; i++) {
		enum ikind v = IKIND_COUNT;
		ck_assert_str_eq(model_ikind_name((enum ikind)i), ikinds[i]);
		ck_assert_int_eq(model_ikind_parse(ikinds[i], &v), 0);
		ck_assert_int_eq(v, i);
	}
	for (int i = 0; i < DIR_COUNT; i++) {
		enum direction v = DIR_COUNT;
		ck_assert_str_eq(model_direction_name((enum direction)i), dirs[i]);
		ck_assert_int_eq(model_direction_parse(dirs[i], &v), 0);
		ck_assert_int_eq(v, i);
	}
	for (int i = 0; i < FIELD_COUNT; i++) {
		enum field_kind v = FIELD_COUNT;
		ck_assert_str_eq(model_field_name((enum field_kind)i), fields[i]);
		ck_assert_int_eq(model_field_parse(fields[i], &v), 0);
		ck_assert_int_eq(v, i);
	}
	ck_assert_str_eq(model_circle_name(CIRCLE_COUNT), "?");
	ck_assert_str_eq(model_ckind_name(CKIND_COUNT), "?");
	ck_assert_str_eq(model_ikind_name(IKIND_COUNT), "?");
	ck_assert_str_eq(model_direction_name(DIR_COUNT), "?");
	ck_assert_str_eq(model_field_name(FIELD_COUNT), "?");
}
END_TEST

START_TEST(test_parse_rejects)
{
	/* Parsing is exact: no aliases, no other case, no prefixes. */
	enum circle c = CIRCLE_WIDE;
	enum contact_kind k = CKIND_STRATEGIC;
	enum ikind ik = IKIND_GIFT;
	enum direction d = DIR_GOT;
	enum field_kind f = FIELD_URL;
	ck_assert_int_eq(model_circle_parse("Inner", &c), -1);
	ck_assert_int_eq(model_circle_parse("inn", &c), -1);
	ck_assert_int_eq(model_circle_parse("", &c), -1);
	ck_assert_int_eq(model_ckind_parse("work", &k), -1);
	ck_assert_int_eq(model_ikind_parse("coffee", &ik), -1);
	ck_assert_int_eq(model_ikind_parse("favour", &ik), -1);
	ck_assert_int_eq(model_direction_parse("given", &d), -1);
	ck_assert_int_eq(model_direction_parse("+gave", &d), -1);
	ck_assert_int_eq(model_field_parse("tel", &f), -1);
	ck_assert_int_eq(c, CIRCLE_WIDE);
	ck_assert_int_eq(k, CKIND_STRATEGIC);
	ck_assert_int_eq(ik, IKIND_GIFT);
	ck_assert_int_eq(d, DIR_GOT);
	ck_assert_int_eq(f, FIELD_URL);
}
END_TEST

START_TEST(test_contact_records)
{
	struct contact c;
	contact_init(&c);
	ck_assert_str_eq(c.name, "");
	ck_assert_str_eq(c.org, "");
	ck_assert_str_eq(c.birthday, "");
	ck_assert_int_eq(c.circle, CIRCLE_OUTER);
	ck_assert_int_eq(c.kind, CKIND_PERSONAL);
	ck_assert_int_eq(c.cadence_days, -1);
	ck_assert_uint_eq(c.nfields, 0);
	contact_add_field(&c, FIELD_EMAIL, "work", "ana@example.org");
	contact_add_field(&c, FIELD_PHONE, NULL, "+49 30 1234");
	ck_assert_uint_eq(c.nfields, 2);
	ck_assert_int_eq(c.fields[0].kind, FIELD_EMAIL);
	ck_assert_str_eq(c.fields[0].type, "work");
	ck_assert_str_eq(c.fields[0].value, "ana@example.org");
	ck_assert_str_eq(c.fields[1].type, "");
	strv_push(&c.tags, "family");
	ck_assert(contact_has_tag(&c, "family"));
	ck_assert(!contact_has_tag(&c, "fam"));
	contact_free(&c);
	ck_assert_ptr_null(c.name);
	ck_assert_uint_eq(c.nfields, 0);
}
END_TEST

START_TEST(test_tags_and_emails_without_case)
{
	struct contact c;
	contact_init(&c);
	ck_assert_int_eq(contact_add_tag(&c, "Family"), 1);
	ck_assert_int_eq(contact_add_tag(&c, "family"), 0);
	ck_assert_int_eq(contact_add_tag(&c, "FAMILY"), 0);
	ck_assert_int_eq(contact_add_tag(&c, "famíly"), 1); /* only ASCII letters fold */
	ck_assert_uint_eq(c.tags.n, 2);
	ck_assert_str_eq(c.tags.v[0], "Family");
	ck_assert(contact_has_tag(&c, "fAmIlY"));
	ck_assert(!contact_has_tag(&c, "famil"));
	ck_assert(!contact_has_tag(&c, "familyy"));
	ck_assert_uint_eq(contact_remove_tag(&c, "FAMILY"), 1);
	ck_assert_uint_eq(contact_remove_tag(&c, "family"), 0);
	ck_assert_uint_eq(c.tags.n, 1);
	ck_assert_str_eq(c.tags.v[0], "famíly");
	ck_assert(model_tag_equal("a-B_9", "A-b_9"));
	ck_assert(!model_tag_equal("a", "a "));
	ck_assert(!model_tag_equal("@", "`")); /* 0x40 and 0x60 are not letters */
	ck_assert(model_field_equal(FIELD_EMAIL, "Ana@Acme.Example", "ana@acme.example"));
	ck_assert(!model_field_equal(FIELD_URL, "https://A.example/X", "https://a.example/x"));
	ck_assert(!model_field_equal(FIELD_EMAIL, "ana@acme.example", "ana@acme.exampl"));
	contact_free(&c);
}
END_TEST

START_TEST(test_same_details)
{
	struct contact a, b;
	contact_init(&a);
	contact_init(&b);
	ck_assert(contact_same_details(&a, &b));
	contact_add_field(&a, FIELD_URL, "", "https://a.example");
	ck_assert(!contact_same_details(&a, &b));
	contact_add_field(&b, FIELD_URL, "", "https://a.example");
	ck_assert(contact_same_details(&a, &b));
	/* one field differs in its value alone, then in its kind alone */
	contact_add_field(&a, FIELD_EMAIL, "", "ana@a.example");
	contact_add_field(&b, FIELD_EMAIL, "", "bo@a.example");
	ck_assert(!contact_same_details(&a, &b));
	free(b.fields[1].value);
	b.fields[1].value = strdup("ana@a.example");
	ck_assert(contact_same_details(&a, &b));
	b.fields[1].kind = FIELD_PHONE;
	ck_assert(!contact_same_details(&a, &b));
	b.fields[1].kind = FIELD_EMAIL;
	a.rowid = 7; /* ids and times do not count */
	a.updated_at = 99;
	ck_assert(contact_same_details(&a, &b));
	free(b.met);
	b.met = strdup("PyCon");
	ck_assert(!contact_same_details(&a, &b));
	free(a.met);
	a.met = strdup("PyCon");
	contact_add_tag(&a, "x");
	ck_assert(!contact_same_details(&a, &b));
	contact_add_tag(&b, "y");
	ck_assert(!contact_same_details(&a, &b));
	b.tags.v[0][0] = 'x';
	ck_assert(contact_same_details(&a, &b));
	b.cadence_days = 0;
	ck_assert(!contact_same_details(&a, &b));
	b.cadence_days = a.cadence_days;
	b.circle = CIRCLE_INNER;
	ck_assert(!contact_same_details(&a, &b));
	contact_free(&a);
	contact_free(&b);
}
END_TEST

START_TEST(test_interaction_records)
{
	struct interaction in;
	interaction_init(&in);
	ck_assert_str_eq(in.summary, "");
	ck_assert_uint_eq(in.ncontacts, 0);
	char name[] = "Ana Souza";
	struct contact_ref r = {.rowid = 7, .name = name, .org = NULL};
	strcpy(r.id, "0c4b7a3e-93f1-4d6b-9a2e-5f8c1d2e3f40");
	interaction_add_contact(&in, &r);
	struct contact_ref r2 = {.rowid = 8, .name = NULL, .org = name};
	interaction_add_contact(&in, &r2);
	name[0] = 'X'; /* the interaction holds copies */
	ck_assert_uint_eq(in.ncontacts, 2);
	ck_assert_int_eq(in.contacts[0].rowid, 7);
	ck_assert_str_eq(in.contacts[0].id, "0c4b7a3e-93f1-4d6b-9a2e-5f8c1d2e3f40");
	ck_assert_str_eq(in.contacts[0].name, "Ana Souza");
	ck_assert_str_eq(in.contacts[0].org, "");
	ck_assert_str_eq(in.contacts[1].name, "");
	ck_assert_str_eq(in.contacts[1].org, "Ana Souza");
	interaction_free(&in);
	ck_assert_ptr_null(in.contacts);
	ck_assert_uint_eq(in.ncontacts, 0);

	struct interaction *v = calloc(2, sizeof *v);
	ck_assert_ptr_nonnull(v);
	interaction_init(&v[0]);
	interaction_init(&v[1]);
	interaction_add_contact(&v[1], &r);
	interactions_free(v, 2); /* frees v too; valgrind checks */
}
END_TEST

/* The service an interaction stands for, and its label (DESIGN.md §4). */
START_TEST(test_carried_service)
{
	static const struct {
		enum ikind kind, carried, want;
	} rows[] = {
		{IKIND_MEETING, IKIND_INTRO, IKIND_INTRO},  {IKIND_CALL, IKIND_LEAD, IKIND_LEAD},
		{IKIND_EVENT, IKIND_SHARE, IKIND_SHARE},    {IKIND_MESSAGE, IKIND_GIFT, IKIND_GIFT},
		{IKIND_MEETING, IKIND_NONE, IKIND_NONE},    {IKIND_MEETING, IKIND_CALL, IKIND_NONE},
		{IKIND_MEETING, IKIND_MEETING, IKIND_NONE}, {IKIND_INTRO, IKIND_NONE, IKIND_INTRO},
		{IKIND_INTRO, IKIND_ADVICE, IKIND_INTRO},   {IKIND_NOTE, IKIND_FAVOR, IKIND_NONE},
		{IKIND_REFERRAL, IKIND_REFERRAL, IKIND_REFERRAL},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ck_assert_msg(model_ikind_service(rows[i].kind, rows[i].carried) == rows[i].want,
		              "row %zu", i);
		struct interaction in;
		interaction_init(&in);
		in.kind = rows[i].kind;
		in.service = rows[i].carried;
		ck_assert_int_eq(model_interaction_service(&in), rows[i].want);
		const char *name = model_interaction_service_name(&in);
		if (rows[i].want == IKIND_NONE)
			ck_assert_ptr_null(name);
		else
			ck_assert_str_eq(name, model_ikind_name(rows[i].want));
		interaction_free(&in);
	}
	/* a new interaction carries nothing; one zeroed neither */
	struct interaction in;
	interaction_init(&in);
	ck_assert_int_eq(in.service, IKIND_NONE);
	ck_assert_int_eq(model_interaction_service(&in), IKIND_NONE);
	interaction_free(&in);
	ck_assert_int_eq(in.service, IKIND_MEETING); /* 0 */
	ck_assert_int_eq(model_interaction_service(&in), IKIND_NONE);
}
END_TEST

START_TEST(test_kind_label)
{
	static const struct {
		enum ikind kind, carried;
		enum direction dir;
		int deep;
		const char *want;
	} rows[] = {
		{IKIND_MEETING, IKIND_INTRO, DIR_GAVE, 0, "meeting \u00b7 gave intro"},
		{IKIND_CALL, IKIND_LEAD, DIR_GOT, 1, "call* \u00b7 got lead"},
		{IKIND_MEETING, IKIND_ADVICE, DIR_MUTUAL, 0, "meeting \u00b7 mutual advice"},
		{IKIND_EVENT, IKIND_SHARE, DIR_NONE, 0, "event \u00b7 share"},
		{IKIND_MEETING, IKIND_NONE, DIR_GAVE, 0, "meeting"},
		{IKIND_INTRO, IKIND_NONE, DIR_GAVE, 0, "intro"},
		{IKIND_INTRO, IKIND_ADVICE, DIR_GAVE, 1, "intro*"},
		{IKIND_NOTE, IKIND_GIFT, DIR_GOT, 0, "note"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct buf b;
		buf_init(&b);
		model_kind_label(&b, rows[i].kind, rows[i].carried, rows[i].dir, rows[i].deep);
		ck_assert_str_eq(buf_str(&b), rows[i].want);
		buf_free(&b);
	}
}
END_TEST

extern Suite *suite_model(void);

Suite *suite_model(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("model");
	tcase_add_loop_test(tc, test_alias, 0, sizeof alias_cases / sizeof alias_cases[0]);
	tcase_add_loop_test(tc, test_not_alias, 0, sizeof not_aliases / sizeof not_aliases[0]);
	tcase_add_test(tc, test_every_kind_is_its_own_alias);
	tcase_add_test(tc, test_services);
	tcase_add_test(tc, test_names_round_trip);
	tcase_add_test(tc, test_parse_rejects);
	tcase_add_test(tc, test_contact_records);
	tcase_add_test(tc, test_interaction_records);
	tcase_add_test(tc, test_tags_and_emails_without_case);
	tcase_add_test(tc, test_same_details);
	tcase_add_test(tc, test_carried_service);
	tcase_add_test(tc, test_kind_label);
	suite_add_tcase(s, tc);
	return s;
}
