/* check_import_file.c: import_file.h, the import of a path whatever its format:
 * format names, the guess, what is refused before and at the run, and the labels,
 * on the files of tests/fixtures/import. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "import.h"
#include "import_file.h"
#include "store_test.h"

static char *tif_fixture(const char *name)
{
	const char *dir = getenv("KITH_FIXTURES");
	return xasprintf("%s/import/%s", dir && *dir ? dir : "tests/fixtures", name);
}

START_TEST(test_import_file_names)
{
	ck_assert(import_file_format_known("auto"));
	ck_assert(import_file_format_known("linkedin"));
	ck_assert(!import_file_format_known("vcf"));
	struct buf b;
	buf_init(&b);
	import_file_format_names(&b);
	ck_assert_str_eq(buf_str(&b), ", vcard, vdir, jsonl, linkedin, csv");
	buf_free(&b);
	/* a name it does not know is refused before the path is looked at */
	struct import_file imf;
	char *cause = NULL;
	ck_assert_int_eq(import_file_open(&imf, "/nonexistent", "vcf", &cause), -1);
	ck_assert_str_eq(cause, "'vcf' is not a format kith imports");
	free(cause);
}
END_TEST

START_TEST(test_import_file_guess)
{
	static const struct {
		const char *file, *format, *label;
	} want[] = {
		{"people.csv", "csv", "CSV"},
		{"Connections.csv", "csv", "CSV"}, /* LinkedIn's once its header is read */
		{"journal.jsonl", "jsonl", "kith JSON Lines"},
		{"vdir", "vdir", "vdir"},
		{"vdir/ines-1.vcf", "vcard", "vCard"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *path = tif_fixture(want[i].file);
		struct import_file imf;
		char *cause = NULL;
		ck_assert_msg(import_file_open(&imf, path, NULL, &cause) == 0, "%s", cause);
		ck_assert_str_eq(import_file_format(&imf), want[i].format);
		ck_assert_str_eq(import_file_label(&imf), want[i].label);
		ck_assert_int_eq(import_file_merges(&imf), strcmp(want[i].format, "jsonl") == 0);
		import_file_close(&imf);
		free(path);
	}
	char *notes = tif_fixture("notes.txt");
	struct import_file imf;
	char *cause = NULL;
	ck_assert_int_eq(import_file_open(&imf, notes, NULL, &cause), IMPORT_FILE_UNKNOWN);
	ck_assert_ptr_nonnull(strstr(cause, "notes.txt: cannot tell its format"));
	free(cause);
	free(notes);
}
END_TEST

START_TEST(test_import_file_run)
{
	char *dir = t_tmpdir();
	char *db = t_path(dir, "kith.db");
	struct store *st = t_open(db);
	char *cause = NULL;
	struct import_counts n;
	/* JSON Lines keeps its records' circles and tags: a tag is refused */
	char *jsonl = tif_fixture("journal.jsonl");
	struct import_file imf;
	ck_assert_int_eq(import_file_open(&imf, jsonl, "auto", &cause), 0);
	struct import_opts tagged = {-1, "work", 0, NULL, NULL, NULL};
	ck_assert_int_eq(import_file_run(st, &imf, &tagged, T_NOW, &n, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "its records keep their own circles and tags"));
	free(cause);
	cause = NULL;
	import_file_close(&imf);
	/* LinkedIn's label once read, and one run only */
	char *li = tif_fixture("Connections.csv");
	ck_assert_int_eq(import_file_open(&imf, li, NULL, &cause), 0);
	struct import_opts o = {-1, NULL, 0, NULL, NULL, NULL};
	ck_assert_int_eq(import_file_run(st, &imf, &o, T_NOW, &n, &cause), 0);
	ck_assert_int_eq(n.new_, 3);
	ck_assert_str_eq(import_file_label(&imf), "LinkedIn");
	struct buf b;
	buf_init(&b);
	import_file_summary(&imf, &b);
	ck_assert_str_eq(buf_str(&b), "read as linkedin (header on line 4)\n");
	buf_free(&b);
	ck_assert_int_eq(import_file_run(st, &imf, &o, T_NOW, &n, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "already imported"));
	free(cause);
	import_file_close(&imf);
	/* the one call: the same file again is all unchanged */
	struct import_file_report rep;
	cause = NULL;
	ck_assert_int_eq(import_file_path(st, li, &o, T_NOW, &rep, &cause), 0);
	ck_assert_int_eq(rep.n.unchanged, 3);
	ck_assert_int_eq(rep.n.new_, 0);
	ck_assert_str_eq(rep.label, "LinkedIn");
	ck_assert(!rep.merged);
	free(li);
	free(jsonl);
	store_close(st);
	t_rmtree(dir);
	free(dir);
	free(db);
}
END_TEST

/* What an import's progress callback was told. */
struct tif_progress {
	int calls;
	long last;
	int growing; /* each count greater than the one before */
};

static void tif_progress_seen(void *arg, long records)
{
	struct tif_progress *p = arg;
	if (records <= p->last)
		p->growing = 0;
	p->calls++;
	p->last = records;
}

START_TEST(test_import_file_jsonl_progress)
{
	/* a JSON Lines file of 2500 contacts: told at 1000 and 2000, as the
	 * vCard and CSV imports are, through the same callback */
	char *dir = t_tmpdir();
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "{\"type\":\"kith\",\"version\":1}\n");
	for (int i = 0; i < 2500; i++)
		buf_printf(&b,
		           "{\"type\":\"contact\",\"id\":\"00000000-0000-4000-8000-%012d\","
		           "\"name\":\"Person %d\",\"org\":\"\",\"role\":\"\",\"circle\":\"outer\","
		           "\"kind\":\"personal\",\"cadence_days\":null,\"met\":\"\",\"birthday\":\"\","
		           "\"notes\":\"\",\"tags\":[],\"fields\":[],\"archived_at\":null,"
		           "\"snoozed_until\":null,\"created_at\":1795168800,"
		           "\"updated_at\":1795168800}\n",
		           i, i);
	char *path = t_path(dir, "many.jsonl");
	t_spit(path, b.data, b.len);
	buf_free(&b);
	char *db = t_path(dir, "kith.db");
	struct store *st = t_open(db);
	for (int dry = 1; dry >= 0; dry--) {
		struct tif_progress p = {0, 0, 1};
		struct import_opts o = {-1, NULL, dry, tif_progress_seen, NULL, &p};
		struct import_file_report rep;
		char *cause = NULL;
		ck_assert_msg(import_file_path(st, path, &o, T_NOW, &rep, &cause) == 0, "%s", cause);
		ck_assert(rep.merged);
		ck_assert_int_eq(rep.n.new_, 2500);
		ck_assert_int_eq(p.calls, 2);
		ck_assert_int_eq(p.last, 2 * IMPORT_PROGRESS_EVERY);
		ck_assert(p.growing);
	}
	store_close(st);
	t_rmtree(dir);
	free(dir);
	free(path);
	free(db);
}
END_TEST

/* How many of c's kept vCard properties have the text line. */
static int tif_props(const struct contact *c, const char *line)
{
	int n = 0;
	for (size_t i = 0; i < c->nfields; i++)
		n += c->fields[i].kind == FIELD_VCARD && strcmp(c->fields[i].value, line) == 0;
	return n;
}

/* A newer copy of a card (the same UID): the kept properties it no longer
 * holds go, those it holds stay once, the fields of both are kept; the same
 * copy again changes nothing. */
START_TEST(test_import_file_card_newer)
{
	static const char v1[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-1\r\nFN:Ada Byron\r\n"
	                         "X-FOO:one\r\nEMAIL:ada@example.org\r\nX-BAR:same\r\n"
	                         "END:VCARD\r\n";
	static const char v2[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-1\r\nFN:Ada Byron\r\n"
	                         "X-FOO:two\r\nEMAIL:ada@example.org\r\nX-BAR:same\r\n"
	                         "EMAIL:ada@home.example\r\nEND:VCARD\r\n";
	char *dir = t_tmpdir();
	char *db = t_path(dir, "kith.db"), *f1 = t_path(dir, "v1.vcf"), *f2 = t_path(dir, "v2.vcf");
	t_spit(f1, v1, sizeof v1 - 1);
	t_spit(f2, v2, sizeof v2 - 1);
	struct store *st = t_open(db);
	struct import_opts o = {-1, NULL, 0, NULL, NULL, NULL};
	struct import_file_report rep;
	char *cause = NULL;
	ck_assert_int_eq(import_file_path(st, f1, &o, T_NOW, &rep, &cause), 0);
	ck_assert_int_eq(rep.n.new_, 1);
	ck_assert_int_eq(import_file_path(st, f2, &o, T_NOW + 60, &rep, &cause), 0);
	ck_assert_int_eq(rep.n.updated, 1);
	char id[ID_LEN + 1];
	import_uid_id("card-1", id);
	struct contact c;
	ck_assert_int_eq(store_contact_by_uuid(st, id, &c, &cause), 0);
	ck_assert_int_eq(tif_props(&c, "X-FOO:one"), 0);
	ck_assert_int_eq(tif_props(&c, "X-FOO:two"), 1);
	ck_assert_int_eq(tif_props(&c, "X-BAR:same"), 1);
	ck_assert_int_eq(tif_props(&c, "UID:card-1"), 1);
	int emails = 0;
	for (size_t i = 0; i < c.nfields; i++)
		emails += c.fields[i].kind == FIELD_EMAIL;
	ck_assert_int_eq(emails, 2);
	contact_free(&c);
	ck_assert_int_eq(import_file_path(st, f2, &o, T_NOW + 120, &rep, &cause), 0);
	ck_assert_int_eq(rep.n.unchanged, 1);
	ck_assert_int_eq(rep.n.updated, 0);
	store_close(st);
	t_rmtree(dir);
	free(f1);
	free(f2);
	free(db);
	free(dir);
}
END_TEST

/* Every file of the corpus of real exports imports into a new journal, and a
 * second import of it changes nothing: all its cards unchanged, whatever the
 * order of their kept properties (N, X-..., PHOTO) among their fields. */
START_TEST(test_import_file_corpus_twice)
{
	char *corpus = t_corpus_dir();
	if (corpus == NULL) {
		fprintf(stderr, "import_file: the corpus of real contact files is not here "
		                "(../shared/corpus/contacts, or $KITH_CORPUS): skipped\n");
		return;
	}
	DIR *d = opendir(corpus);
	ck_assert_ptr_nonnull(d);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || (strcmp(e->d_name + len - 4, ".vcf") != 0 &&
		                strcmp(e->d_name + len - 4, ".csv") != 0))
			continue;
		char *path = t_path(corpus, e->d_name);
		char *dir = t_tmpdir();
		char *db = t_path(dir, "kith.db");
		struct store *st = t_open(db);
		struct import_opts o = {-1, NULL, 0, NULL, NULL, NULL};
		struct import_file_report first, again;
		char *cause = NULL;
		if (import_file_path(st, path, &o, T_NOW, &first, &cause) == 0) {
			files++;
			ck_assert_int_eq(import_file_path(st, path, &o, T_NOW + 60, &again, &cause), 0);
			ck_assert_msg(again.n.new_ == 0 && again.n.updated == 0 &&
			                  again.n.unchanged == first.n.new_ + first.n.updated,
			              "%s: again %ld new, %ld updated, %ld unchanged", e->d_name,
			              again.n.new_, again.n.updated, again.n.unchanged);
		}
		free(cause); /* the broken ones are refused, nothing written */
		store_close(st);
		t_rmtree(dir);
		free(db);
		free(dir);
		free(path);
	}
	closedir(d);
	ck_assert_int_ge(files, 37); /* the 40 files but the 3 broken ones */
	free(corpus);
}
END_TEST

extern Suite *suite_import_file(void);

Suite *suite_import_file(void)
{
	Suite *s = suite_create("import_file");
	TCase *tc = tcase_create("import_file");
	tcase_add_test(tc, test_import_file_names);
	tcase_add_test(tc, test_import_file_guess);
	tcase_add_test(tc, test_import_file_run);
	tcase_add_test(tc, test_import_file_jsonl_progress);
	tcase_add_test(tc, test_import_file_corpus_twice);
	tcase_add_test(tc, test_import_file_card_newer);
	suite_add_tcase(s, tc);
	return s;
}
