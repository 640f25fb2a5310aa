/* check_csv_map.c: tests of the CSV formats in (LinkedIn with preambles and localised
 * headers, Google, Outlook in Windows-1252, an unknown CSV), on the fixtures in
 * tests/fixtures/csv and the real files of the shared corpus when it is there. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_map.h"
#include "linkedin.h"

/* What one file gave: its contacts, or the file's error. */
struct got {
	struct contact *c;
	size_t n;
	char *fatal;
	char format[16];
	struct strv unmatched;
	size_t header_line;
};

static void got_free(struct got *g)
{
	contacts_free(g->c, g->n);
	strv_free(&g->unmatched);
	free(g->fatal);
}

static void read_path(const char *path, enum csv_want want, struct got *g)
{
	memset(g, 0, sizeof *g);
	strv_init(&g->unmatched);
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	struct csv_reader *r = csv_reader_new_file(f);
	struct csv_source src;
	char *cause = NULL;
	if (csv_source_open(&src, r, want, &cause) != 0) {
		g->fatal = cause;
	} else {
		snprintf(g->format, sizeof g->format, "%s", src.map.format);
		strv_copy(&g->unmatched, &src.map.unmatched);
		g->header_line = src.header_line;
		struct contact c;
		int rc;
		while ((rc = csv_source_next(&src, &c, &cause)) != 0) {
			if (rc < 0) {
				g->fatal = cause;
				break;
			}
			g->c = xreallocarray(g->c, g->n + 1, sizeof *g->c);
			g->c[g->n++] = c;
		}
	}
	csv_source_free(&src);
	csv_reader_free(r);
	fclose(f);
}

static void read_fixture(const char *name, enum csv_want want, struct got *g)
{
	const char *dir = getenv("KITH_FIXTURES");
	char *path = xasprintf("%s/csv/%s", dir && *dir ? dir : "tests/fixtures", name);
	read_path(path, want, g);
	free(path);
}

/* The value of the i-th field of kind k, or NULL. */
static const char *field_of(const struct contact *c, enum field_kind k, size_t i, const char **type)
{
	for (size_t j = 0; j < c->nfields; j++)
		if (c->fields[j].kind == k && i-- == 0) {
			if (type != NULL)
				*type = c->fields[j].type;
			return c->fields[j].value;
		}
	return NULL;
}

/* The English LinkedIn rows of the linkedin_en_* fixtures. */
static void check_linkedin_en(const struct got *g)
{
	ck_assert_ptr_null(g->fatal);
	ck_assert_str_eq(g->format, "linkedin");
	ck_assert_uint_eq(g->n, 3);
	const struct contact *a = &g->c[0];
	ck_assert_str_eq(a->name, "Ana Souza");
	ck_assert_str_eq(a->org, "Souza, Lima & Filhos");
	ck_assert_str_eq(a->role, "Head of \"Platform\"");
	ck_assert_str_eq(a->met, "LinkedIn, 15 Mar 2023");
	ck_assert_str_eq(field_of(a, FIELD_EMAIL, 0, NULL), "ana@example.com");
	const char *type = NULL;
	ck_assert_str_eq(field_of(a, FIELD_URL, 0, &type), "https://www.linkedin.com/in/ana-souza");
	ck_assert_str_eq(type, "linkedin");
	ck_assert_str_eq(g->c[1].org, "Acme\nLabs");
	ck_assert_ptr_null(field_of(&g->c[1], FIELD_EMAIL, 0, NULL));
	ck_assert_str_eq(g->c[1].met, "LinkedIn, 02 Feb 2025");
	ck_assert_str_eq(g->c[2].name, "Chen Wei");
	ck_assert_str_eq(g->c[2].met, "LinkedIn");
	ck_assert_uint_eq(g->unmatched.n, 0);
}

START_TEST(test_linkedin_preambles)
{
	static const char *const files[] = {"linkedin_en_0.csv", "linkedin_en_3.csv",
	                                    "linkedin_many.csv"};
	static const size_t header[] = {1, 4, 45};
	for (size_t i = 0; i < 3; i++) {
		struct got g;
		read_fixture(files[i], CSV_WANT_AUTO, &g);
		check_linkedin_en(&g);
		ck_assert_uint_eq(g.header_line, header[i]);
		got_free(&g);
		read_fixture(files[i], CSV_WANT_LINKEDIN, &g);
		check_linkedin_en(&g);
		got_free(&g);
	}
	/* a file without LinkedIn's header is refused as LinkedIn */
	struct got g;
	read_fixture("unknown.csv", CSV_WANT_LINKEDIN, &g);
	ck_assert_ptr_nonnull(g.fatal);
	ck_assert_ptr_nonnull(strstr(g.fatal, "no LinkedIn header row"));
	got_free(&g);
}
END_TEST

START_TEST(test_linkedin_languages)
{
	static const struct {
		const char *file, *name, *org, *role, *email, *met;
	} want[] = {
		{"linkedin_de.csv", "Jürgen Müller", "Müller, Schmidt & Co. KG", "Geschäftsführer",
		 "jm@example.de", "LinkedIn, 03 Mar 2022"},
		{"linkedin_fr.csv", "Élodie Durand", "Société Générale", "Ingénieure",
		 "elodie@example.fr", "LinkedIn, 12 Feb 2023"},
		{"linkedin_es.csv", "José García López", "Telefónica", "Ingeniero", "jose@example.es",
		 "LinkedIn, 05 Jan 2024"},
		{"linkedin_pt.csv", "João Silva", "Petrobras", "Analista", "joao@example.pt",
		 "LinkedIn, 20 Oct 2021"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct got g;
		read_fixture(want[i].file, CSV_WANT_AUTO, &g);
		ck_assert_msg(g.fatal == NULL, "%s: %s", want[i].file, g.fatal);
		ck_assert_str_eq(g.format, "linkedin");
		ck_assert_uint_eq(g.n, 1);
		ck_assert_str_eq(g.c[0].name, want[i].name);
		ck_assert_str_eq(g.c[0].org, want[i].org);
		ck_assert_str_eq(g.c[0].role, want[i].role);
		ck_assert_str_eq(field_of(&g.c[0], FIELD_EMAIL, 0, NULL), want[i].email);
		ck_assert_str_eq(g.c[0].met, want[i].met);
		ck_assert_uint_eq(g.unmatched.n, 0);
		got_free(&g);
	}
}
END_TEST

START_TEST(test_linkedin_dates)
{
	int y, m, d;
	ck_assert_int_eq(linkedin_date_parse("15 Mar 2023", &y, &m, &d), 0);
	ck_assert_int_eq(y * 10000 + m * 100 + d, 20230315);
	ck_assert_int_eq(linkedin_date_parse("12 mars 2023", &y, &m, &d), 0);
	ck_assert_int_eq(m, 3);
	ck_assert_int_eq(linkedin_date_parse("3 de marzo de 2024", &y, &m, &d), 0);
	ck_assert_int_eq(y * 10000 + m * 100 + d, 20240303);
	ck_assert_int_eq(linkedin_date_parse("01 juil. 2020", &y, &m, &d), 0);
	ck_assert_int_eq(m, 7);
	ck_assert_int_eq(linkedin_date_parse("01 juin 2020", &y, &m, &d), 0);
	ck_assert_int_eq(m, 6);
	ck_assert_int_eq(linkedin_date_parse("9 Dez. 2019", &y, &m, &d), 0);
	ck_assert_int_eq(m, 12);
	ck_assert_int_eq(linkedin_date_parse("Mar 15, 2023", &y, &m, &d), 0);
	ck_assert_int_eq(d, 15);
	ck_assert_int_eq(linkedin_date_parse("2023-03-15", &y, &m, &d), 0);
	ck_assert_int_eq(y * 10000 + m * 100 + d, 20230315);
	ck_assert_int_eq(linkedin_date_parse("30 Feb 2023", &y, &m, &d), -1);
	ck_assert_int_eq(linkedin_date_parse("15 Foo 2023", &y, &m, &d), -1);
	ck_assert_int_eq(linkedin_date_parse("15 Mar", &y, &m, &d), -1);
	ck_assert_int_eq(linkedin_date_parse("15 Mar 2023 extra", &y, &m, &d), -1);
	ck_assert_int_eq(linkedin_date_parse("", &y, &m, &d), -1);
	struct buf b;
	buf_init(&b);
	linkedin_met(&b, "sometime");
	ck_assert_str_eq(buf_str(&b), "LinkedIn, sometime");
	buf_free(&b);
}
END_TEST

START_TEST(test_google)
{
	struct got g;
	read_fixture("google.csv", CSV_WANT_AUTO, &g);
	ck_assert_ptr_null(g.fatal);
	ck_assert_str_eq(g.format, "google");
	ck_assert_uint_eq(g.n, 2);
	/* a row with nothing to name the contact by (the importer then refuses it) */
	ck_assert_str_eq(g.c[1].name, "");
	ck_assert_str_eq(g.c[1].birthday, "--12-24");
	const struct contact *c = &g.c[0];
	ck_assert_str_eq(c->name, "Dr. Marta Ribeiro");
	ck_assert_str_eq(c->org, "Fundação X");
	ck_assert_str_eq(c->role, "Director");
	ck_assert_str_eq(c->birthday, "1980-04-05");
	ck_assert_str_eq(c->notes, "Met at the \"DevConf\" booth,\nlikes tea");
	const char *type = NULL;
	ck_assert_str_eq(field_of(c, FIELD_EMAIL, 0, &type), "marta@work.example");
	ck_assert_str_eq(type, "work");
	ck_assert_str_eq(field_of(c, FIELD_EMAIL, 1, &type), "marta.r@work.example");
	ck_assert_str_eq(field_of(c, FIELD_EMAIL, 2, &type), "marta@home.example");
	ck_assert_str_eq(type, "home");
	ck_assert_str_eq(field_of(c, FIELD_PHONE, 0, &type), "+351 912 345 678");
	ck_assert_str_eq(type, "cell");
	/* vCard's structured form, the whole address in the street part, escaped */
	ck_assert_str_eq(field_of(c, FIELD_ADDRESS, 0, &type), ";;Rua A 1\\n1000-001 Lisboa;;;;");
	ck_assert_str_eq(type, "home");
	ck_assert_str_eq(field_of(c, FIELD_URL, 0, &type), "https://marta.example");
	ck_assert_str_eq(type, "profile");
	ck_assert_uint_eq(c->tags.n, 2);
	ck_assert_str_eq(c->tags.v[0], "Friends");
	ck_assert_str_eq(c->tags.v[1], "devconf");
	char *un = strv_join(&g.unmatched, "|");
	ck_assert_str_eq(un, "Phonetic First Name|Phonetic Middle Name|Phonetic Last Name|"
	                     "Nickname|File As|Organization Department|Photo");
	free(un);
	got_free(&g);
}
END_TEST

START_TEST(test_outlook_1252)
{
	struct got g;
	read_fixture("outlook_1252.csv", CSV_WANT_AUTO, &g);
	ck_assert_ptr_null(g.fatal);
	ck_assert_str_eq(g.format, "outlook");
	ck_assert_uint_eq(g.n, 2);
	const struct contact *c = &g.c[0];
	ck_assert_str_eq(c->name, "Mme Hélène Gaumé");
	ck_assert_str_eq(c->org, "Café Crème SARL");
	ck_assert_str_eq(c->role, "Directrice");
	ck_assert_str_eq(c->notes, "Prix: 20 € “net”");
	ck_assert_str_eq(c->birthday, "");
	const char *type = NULL;
	ck_assert_str_eq(field_of(c, FIELD_EMAIL, 0, NULL), "helene@cafe.example");
	ck_assert_str_eq(field_of(c, FIELD_PHONE, 0, &type), "+33 1 23 45 67 89");
	ck_assert_str_eq(type, "work");
	ck_assert_str_eq(field_of(c, FIELD_PHONE, 1, &type), "+33 6 12 34 56 78");
	ck_assert_str_eq(type, "cell");
	ck_assert_str_eq(field_of(c, FIELD_URL, 0, NULL), "http://cafe.example/");
	ck_assert_uint_eq(c->tags.n, 2);
	ck_assert_str_eq(c->tags.v[1], "Paris");
	ck_assert_str_eq(g.c[1].name, "Zoë Ørsted");
	ck_assert_str_eq(g.c[1].notes, "Birthday: 3/15/1980");
	ck_assert(strv_has(&g.unmatched, "Hobby"));
	ck_assert(strv_has(&g.unmatched, "E-mail Display Name"));
	ck_assert(!strv_has(&g.unmatched, "Business Street"));
	ck_assert_str_eq(field_of(c, FIELD_ADDRESS, 0, &type),
	                 ";;12 rue de l'Église;Paris;;75001;France");
	ck_assert_str_eq(type, "work");
	got_free(&g);
}
END_TEST

START_TEST(test_unknown_columns)
{
	struct got g;
	read_fixture("unknown.csv", CSV_WANT_AUTO, &g);
	ck_assert_ptr_null(g.fatal);
	ck_assert_str_eq(g.format, "csv");
	ck_assert_uint_eq(g.n, 2);
	ck_assert_str_eq(g.c[0].name, "Ana Souza");
	ck_assert_str_eq(field_of(&g.c[0], FIELD_EMAIL, 0, NULL), "ana@example.com");
	ck_assert_str_eq(field_of(&g.c[0], FIELD_PHONE, 0, NULL), "+55 11 5555 0000");
	ck_assert_uint_eq(g.c[0].tags.n, 2);
	ck_assert_str_eq(g.c[1].name, "Bruno Lima");
	char *un = strv_join(&g.unmatched, "|");
	ck_assert_str_eq(un, "Shoe Size|Favourite Colour");
	free(un);
	got_free(&g);
}
END_TEST

START_TEST(test_unterminated)
{
	struct got g;
	read_fixture("unterminated.csv", CSV_WANT_AUTO, &g);
	ck_assert_ptr_nonnull(g.fatal);
	ck_assert_str_eq(g.fatal, "line 4: unterminated quoted field");
	got_free(&g);
}
END_TEST

START_TEST(test_targets)
{
	const char *type = NULL;
	ck_assert_int_eq(csv_map_target("E-mail 2 Address", &type), CSV_COL_EMAIL);
	ck_assert_int_eq(csv_map_target("  PRÉNOM ", NULL), CSV_COL_FIRST);
	ck_assert_int_eq(csv_map_target("Business Phone", &type), CSV_COL_PHONE);
	ck_assert_str_eq(type, "work");
	ck_assert_int_eq(csv_map_target("Shoe Size", &type), CSV_COL_UNMATCHED);
	ck_assert_str_eq(type, "");
	ck_assert_int_eq(csv_map_target("", NULL), CSV_COL_UNMATCHED);
	struct strv h;
	strv_init(&h);
	strv_split(&h, "First Name,Last Name,Company", ',');
	ck_assert_int_eq(linkedin_header_is(&h), 0); /* connected on or three others needed */
	strv_push(&h, "Connected On");
	ck_assert_int_eq(linkedin_header_is(&h), 1);
	strv_free(&h);
	strv_init(&h);
	strv_push(&h, "Notes:");
	ck_assert_int_eq(linkedin_preamble_is(&h), 1);
	strv_push(&h, "x");
	ck_assert_int_eq(linkedin_preamble_is(&h), 0);
	strv_free(&h);
	strv_init(&h);
	strv_push(&h, "Some long sentence:");
	ck_assert_int_eq(linkedin_preamble_is(&h), 0);
	strv_free(&h);
}
END_TEST

/* Birthdays: YYYY-MM-DD and --MM-DD kept, Outlook's 0/0/00 dropped, anything else kept in
 * the notes; Thunderbird's three columns made one. */
START_TEST(test_birthdays)
{
	static const struct {
		const char *cell, *birthday, *notes;
	} want[] = {
		{"--02-29", "--02-29", ""},         {"1980-04-05", "1980-04-05", ""},
		{"1999-02-29", "", "Birthday: 1999-02-29"}, {"0/0/00", "", ""},
		{"3/15/1980", "", "Birthday: 3/15/1980"},   {"--13-01", "", "Birthday: --13-01"},
	};
	struct strv h, row;
	strv_init(&h);
	strv_split(&h, "Name,Birthday", ',');
	struct csv_map m;
	csv_map_init(&m, &h);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		strv_init(&row);
		strv_push(&row, "Ana");
		strv_push(&row, want[i].cell);
		struct contact c;
		contact_init(&c);
		ck_assert_int_eq(csv_map_row(&m, &row, &c), 1);
		ck_assert_msg(strcmp(c.birthday, want[i].birthday) == 0, "%s: %s", want[i].cell,
		              c.birthday);
		ck_assert_str_eq(c.notes, want[i].notes);
		contact_free(&c);
		strv_free(&row);
	}
	csv_map_free(&m);
	strv_free(&h);
	strv_init(&h);
	strv_split(&h, "Display Name,Birth Year,Birth Month,Birth Day", ',');
	csv_map_init(&m, &h);
	strv_init(&row);
	csv_split_line("Ana,,7,4", 8, &row);
	struct contact c;
	contact_init(&c);
	ck_assert_int_eq(csv_map_row(&m, &row, &c), 1);
	ck_assert_str_eq(c.birthday, "--07-04");
	contact_free(&c);
	strv_free(&row);
	strv_init(&row);
	csv_split_line("Ana,1970,11,15", 14, &row);
	contact_init(&c);
	ck_assert_int_eq(csv_map_row(&m, &row, &c), 1);
	ck_assert_str_eq(c.birthday, "1970-11-15");
	contact_free(&c);
	strv_free(&row);
	csv_map_free(&m);
	strv_free(&h);
}
END_TEST

/* Address parts by place (home, business or work, other) made one structured field each. */
START_TEST(test_address_parts)
{
	struct strv h, row;
	const char *head = "Name,Home Street,Home Street 2,Home City,Work Address,Work ZipCode,"
	                   "Other Postal Code,Address";
	const char *line = "Ana,\"1 Main St, Apt 2\",Floor 3,Springfield,Rua B;2,12345,,"
	                   "\"a\\b ::: c\"";
	strv_init(&h);
	csv_split_line(head, strlen(head), &h);
	struct csv_map m;
	csv_map_init(&m, &h);
	ck_assert_uint_eq(m.unmatched.n, 0);
	strv_init(&row);
	csv_split_line(line, strlen(line), &row);
	struct contact c;
	contact_init(&c);
	ck_assert_int_eq(csv_map_row(&m, &row, &c), 1);
	const char *type = NULL;
	ck_assert_str_eq(field_of(&c, FIELD_ADDRESS, 0, &type), ";;a\\\\b;;;;");
	ck_assert_str_eq(field_of(&c, FIELD_ADDRESS, 1, &type), ";;c;;;;");
	ck_assert_str_eq(field_of(&c, FIELD_ADDRESS, 2, &type),
	                 ";;1 Main St\\, Apt 2\\nFloor 3;Springfield;;;");
	ck_assert_str_eq(type, "home");
	ck_assert_str_eq(field_of(&c, FIELD_ADDRESS, 3, &type), ";;Rua B\\;2;;;12345;");
	ck_assert_str_eq(type, "work");
	ck_assert_ptr_null(field_of(&c, FIELD_ADDRESS, 4, NULL));
	contact_free(&c);
	strv_free(&row);
	csv_map_free(&m);
	strv_free(&h);
}
END_TEST

/* The shared corpus of real files, beside the repository (or beside a checkout of it). */
static char *corpus_path(const char *name)
{
	static const char *const dirs[] = {"../shared/corpus/contacts",
	                                   "../../shared/corpus/contacts"};
	const char *env = getenv("KITH_CORPUS");
	if (env != NULL && *env != '\0')
		return xasprintf("%s/%s", env, name);
	for (size_t i = 0; i < 2; i++) {
		char *p = xasprintf("%s/%s", dirs[i], name);
		if (access(p, R_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

START_TEST(test_corpus)
{
	static const struct {
		const char *file, *format;
		size_t cards;
		const char *names[3], *emails[3];
	} want[] = {
		{"linkedin-flashes-sample_connections.csv", "linkedin", 7,
		 {"Ada Lovelace", "Grace Hopper", "Alan Turing"}, {NULL, NULL, NULL}},
		{"linkedin-labeldekho-Connections.csv", "linkedin", 10,
		 {"Alice Johnson", "Bob Williams", "Carol Davis"},
		 {"alice.johnson@techcorp.com", "bob@startupxyz.com", NULL}},
		{"linkedin-socialgraph-unicode.csv", "linkedin", 3,
		 {"\xd9\x85\xd8\xad\xd9\x85\xd8\xaf \xd8\xa3\xd8\xad\xd9\x85\xd8\xaf",
		  "\xe6\x9d\x8e \xe6\x98\x8e", "François Dupont"},
		 {NULL, "liming@example.cn", "francois@fr.test"}},
		{"linkedin-socialgraph-locale_fr.csv", "linkedin", 1, {"Pierre Martin", NULL, NULL},
		 {"pierre@fr.example", NULL, NULL}},
		{"roundcube-gmail.csv", "google", 1,
		 {"Prefix Firstname Middle Lastname Suffix", NULL, NULL},
		 {"home@aaa.pl", "work@email.pl", "unknown@email.com"}},
		{"roundcube-tb_plain.csv", "thunderbird", 1, {"Displayname", NULL, NULL},
		 {"test@domain.tld", "next@domain.tld", NULL}},
		{"roundcube-all.csv", "csv", 1, {"Display Name", NULL, NULL},
		 {"home@example.com", "work@example.com", "other@example.com"}},
	};
	char *probe = corpus_path("SOURCES.md");
	if (probe == NULL || access(probe, R_OK) != 0) {
		free(probe);
		fprintf(stderr, "check_csv_map: no shared corpus beside the repository: skipped\n");
		return;
	}
	free(probe);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *path = corpus_path(want[i].file);
		struct got g;
		read_path(path, CSV_WANT_AUTO, &g);
		ck_assert_msg(g.fatal == NULL, "%s: %s", want[i].file, g.fatal);
		ck_assert_msg(strcmp(g.format, want[i].format) == 0, "%s: format %s", want[i].file,
		              g.format);
		ck_assert_msg(g.n == want[i].cards, "%s: %zu contacts", want[i].file, g.n);
		for (size_t k = 0; k < 3; k++) {
			if (want[i].names[k] != NULL)
				ck_assert_str_eq(g.c[k].name, want[i].names[k]);
			/* one contact: its first three e-mails; several: each one's first */
			const char *e = NULL;
			if (g.n == 1)
				e = field_of(&g.c[0], FIELD_EMAIL, k, NULL);
			else if (k < g.n)
				e = field_of(&g.c[k], FIELD_EMAIL, 0, NULL);
			if (want[i].emails[k] == NULL)
				ck_assert_msg(e == NULL, "%s: e-mail %zu is %s", want[i].file, k, e);
			else
				ck_assert_msg(e != NULL && strcmp(e, want[i].emails[k]) == 0,
				              "%s: e-mail %zu is %s", want[i].file, k, e ? e : "none");
		}
		got_free(&g);
		free(path);
	}
}
END_TEST

Suite *suite_csv_map(void)
{
	Suite *s = suite_create("csv_map");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_linkedin_preambles);
	tcase_add_test(tc, test_linkedin_languages);
	tcase_add_test(tc, test_linkedin_dates);
	tcase_add_test(tc, test_google);
	tcase_add_test(tc, test_outlook_1252);
	tcase_add_test(tc, test_unknown_columns);
	tcase_add_test(tc, test_unterminated);
	tcase_add_test(tc, test_targets);
	tcase_add_test(tc, test_birthdays);
	tcase_add_test(tc, test_address_parts);
	tcase_add_test(tc, test_corpus);
	suite_add_tcase(s, tc);
	return s;
}
