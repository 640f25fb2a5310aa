/* check_import.c: the import framework (import.h) with a reader over an
 * array of records: matching by UID, e-mail, then name and organisation;
 * merging without loss (contact_merge, kith merge's too); circle and tag of
 * new contacts; idempotence; dry runs; a failing reader rolls back. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "import.h"
#include "store_test.h"

/* A reader over recs: each given as "name|org|email|uid|note". */
struct ti_reader {
	const char *const *recs;
	size_t n, at;
	size_t fail_at; /* 1-based record where the reader reports a broken file; 0 never */
	int rewinds;
};

static char *ti_part(const char **s)
{
	const char *bar = strchr(*s, '|');
	size_t n = bar ? (size_t)(bar - *s) : strlen(*s);
	char *p = xstrndup(*s, n);
	*s += bar ? n + 1 : n;
	return p;
}

static int ti_next(void *self, struct import_record *rec, char **cause)
{
	struct ti_reader *r = self;
	if (r->fail_at != 0 && r->at + 1 == r->fail_at)
		return err_set(cause, "line %zu: broken", r->at + 1);
	if (r->at >= r->n)
		return 0;
	const char *s = r->recs[r->at++];
	rec->line = (long)r->at;
	char *name = ti_part(&s), *org = ti_part(&s), *email = ti_part(&s), *uid = ti_part(&s),
	     *note = ti_part(&s);
	free(rec->c.name);
	rec->c.name = name;
	free(rec->c.org);
	rec->c.org = org;
	if (email[0] != '\0')
		contact_add_field(&rec->c, FIELD_EMAIL, "", email);
	free(email);
	if (uid[0] != '\0')
		rec->uid = uid;
	else
		free(uid);
	free(rec->c.notes);
	rec->c.notes = note;
	return 1;
}

static int ti_rewind(void *self, char **cause)
{
	(void)cause;
	struct ti_reader *r = self;
	r->at = 0;
	r->rewinds++;
	return 0;
}

static struct import_counts ti_run(struct store *st, const char *const *recs, size_t n,
                                   const struct import_opts *o, int want_rc)
{
	struct ti_reader r = {recs, n, 0, 0, 0};
	struct import_reader ir = {ti_next, ti_rewind, &r};
	struct import_counts c;
	char *cause = NULL;
	int rc = import_run(st, &ir, o, T_NOW, &c, &cause);
	ck_assert_msg(rc == want_rc, "import: %d (%s)", rc, cause ? cause : "");
	free(cause);
	return c;
}

#define TI_N(a) (sizeof(a) / sizeof((a)[0]))

static void ti_counts(struct import_counts c, long n, long u, long same, long err)
{
	ck_assert_int_eq(c.new_, n);
	ck_assert_int_eq(c.updated, u);
	ck_assert_int_eq(c.unchanged, same);
	ck_assert_int_eq(c.errors, err);
}

static int64_t ti_count(struct store *st)
{
	struct store_contact_filter f = {-1, NULL, 1, 0, NULL, 0};
	struct contact *v;
	size_t n;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_list(st, &f, &v, &n, &cause), 0);
	contacts_free(v, n);
	return (int64_t)n;
}

/* The contact called name, loaded in full into out. */
static void ti_get(struct store *st, const char *name, struct contact *out)
{
	struct store_contact_filter f = {-1, NULL, 1, 0, NULL, 0};
	struct contact *v;
	size_t n;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_list(st, &f, &v, &n, &cause), 0);
	int64_t rowid = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			rowid = v[i].rowid;
	contacts_free(v, n);
	ck_assert_msg(rowid != 0, "no %s", name);
	ck_assert_int_eq(store_contact_get(st, rowid, out, &cause), 0);
}

START_TEST(test_new_then_unchanged)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const char *const recs[] = {
		"Ana Souza|Acme|ana@acme.example||likes tea",
		"Bruno Lima||bruno@example.com|urn:x:bruno|",
		"|Widgets Ltd|||",          /* the organisation is the name */
		"||only@mail.example||",     /* the e-mail is */
		"||||a note and nothing else", /* nothing to name it by: an error */
	};
	struct import_opts o = {-1, NULL, 0, NULL, NULL, NULL};
	ti_counts(ti_run(fx.st, recs, TI_N(recs), &o, 0), 4, 0, 0, 1);
	ck_assert_int_eq(ti_count(fx.st), 4);
	struct contact c;
	ti_get(fx.st, "Ana Souza", &c);
	ck_assert_int_eq(c.circle, CIRCLE_OUTER);
	ck_assert_int_eq(c.cadence_days, -1);
	contact_free(&c);
	ti_get(fx.st, "Widgets Ltd", &c);
	contact_free(&c);
	ti_get(fx.st, "only@mail.example", &c);
	contact_free(&c);
	/* the foreign UID stands for the contact's id, and is kept for the export */
	ti_get(fx.st, "Bruno Lima", &c);
	char id[ID_LEN + 1];
	import_uid_id("urn:x:bruno", id);
	ck_assert_str_eq(c.id, id);
	ck_assert_str_eq(import_contact_uid(&c), "urn:x:bruno");
	contact_free(&c);
	/* a second import: all unchanged, nothing new */
	ti_counts(ti_run(fx.st, recs, TI_N(recs), &o, 0), 0, 0, 4, 1);
	ck_assert_int_eq(ti_count(fx.st), 4);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_match_order)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const char *const first[] = {
		"Ana Souza|Acme|ana@acme.example|urn:x:ana|",
		"Bruno Lima|Beta|bruno@example.com||",
		"Carla Dias|Gamma|||",
		"Carla Dias|Delta|||", /* the same name elsewhere: another person */
	};
	struct import_opts o = {-1, NULL, 0, NULL, NULL, NULL};
	ti_counts(ti_run(fx.st, first, TI_N(first), &o, 0), 4, 0, 0, 0);
	static const char *const second[] = {
		"Ana S.|Acme|other@acme.example|urn:x:ana|",     /* by UID: the card's texts win */
		"B. Lima||BRUNO@example.com||new note",           /* by e-mail, any case */
		"Carla Dias|gamma|carla@gamma.example||",         /* by name and organisation */
		"Carla Dias|Epsilon|||",                          /* a third Carla */
	};
	ti_counts(ti_run(fx.st, second, TI_N(second), &o, 0), 1, 3, 0, 0);
	ck_assert_int_eq(ti_count(fx.st), 5);
	struct contact c;
	ti_get(fx.st, "Ana S.", &c); /* renamed by the newer card; both e-mails kept */
	ck_assert_int_eq(c.nfields, 3);
	contact_free(&c);
	ti_get(fx.st, "Bruno Lima", &c); /* matched by e-mail: the name is not replaced */
	ck_assert_str_eq(c.org, "Beta");
	ck_assert_str_eq(c.notes, "new note");
	ck_assert_int_eq(c.nfields, 1);
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

/* Two cards with different UIDs in one file are two people, even with the
 * same name, organisation and e-mail; a card without a UID still merges. */
START_TEST(test_distinct_uids)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const char *const recs[] = {
		"Ana Souza|Acme|ana@acme.example|urn:x:1|",
		"Ana Souza|Acme|ana@acme.example|urn:x:2|",
		"Ana Souza|Acme|ana@acme.example||a note",
	};
	struct import_opts o = {-1, NULL, 0, NULL, NULL, NULL};
	ti_counts(ti_run(fx.st, recs, TI_N(recs), &o, 0), 2, 1, 0, 0);
	ck_assert_int_eq(ti_count(fx.st), 2);
	/* in a later import, a new UID finds the person by e-mail */
	static const char *const later[] = {"Ana Souza|Acme|ana@acme.example|urn:x:3|"};
	ti_counts(ti_run(fx.st, later, 1, &o, 0), 0, 1, 0, 0);
	ck_assert_int_eq(ti_count(fx.st), 2);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_circle_tag_dry_run)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const char *const recs[] = {"Ana Souza|Acme|ana@acme.example||",
	                                   "Bruno Lima|||urn:x:b|"};
	struct import_opts dry = {CIRCLE_WIDE, "imported", 1, NULL, NULL, NULL};
	int64_t commits = store_commits(fx.st);
	ti_counts(ti_run(fx.st, recs, TI_N(recs), &dry, 0), 2, 0, 0, 0);
	ck_assert_int_eq(ti_count(fx.st), 0);
	ck_assert_int_eq(store_commits(fx.st), commits);
	struct import_opts o = {CIRCLE_WIDE, "imported", 0, NULL, NULL, NULL};
	ti_counts(ti_run(fx.st, recs, TI_N(recs), &o, 0), 2, 0, 0, 0);
	struct contact c;
	ti_get(fx.st, "Ana Souza", &c);
	ck_assert_int_eq(c.circle, CIRCLE_WIDE);
	ck_assert(contact_has_tag(&c, "imported"));
	contact_free(&c);
	/* another tag later: the contacts are updated, their circle stays */
	struct import_opts o2 = {CIRCLE_INNER, "again", 0, NULL, NULL, NULL};
	ti_counts(ti_run(fx.st, recs, TI_N(recs), &o2, 0), 0, 2, 0, 0);
	ti_get(fx.st, "Bruno Lima", &c);
	ck_assert_int_eq(c.circle, CIRCLE_WIDE);
	ck_assert(contact_has_tag(&c, "imported") && contact_has_tag(&c, "again"));
	contact_free(&c);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_broken_reader_rolls_back)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	static const char *const recs[] = {"Ana Souza|||", "Bruno Lima|||", "Carla Dias|||"};
	struct ti_reader r = {recs, 3, 0, 3, 0};
	struct import_reader ir = {ti_next, ti_rewind, &r};
	struct import_opts o = {-1, NULL, 0, NULL, NULL, NULL};
	struct import_counts c;
	char *cause = NULL;
	ck_assert_int_eq(import_run(fx.st, &ir, &o, T_NOW, &c, &cause), -1);
	ck_assert_str_eq(cause, "line 3: broken");
	free(cause);
	ck_assert_int_eq(ti_count(fx.st), 0);
	t_fixture_close(&fx);
}
END_TEST

struct ti_seen {
	long progress, warned, last_line;
};

static void ti_progress(void *arg, long records)
{
	struct ti_seen *s = arg;
	s->progress = records;
}

static void ti_warn(void *arg, long line, const char *why)
{
	struct ti_seen *s = arg;
	(void)why;
	s->warned++;
	s->last_line = line;
}

START_TEST(test_progress_and_warnings)
{
	struct t_fixture fx;
	t_fixture_open(&fx);
	size_t n = IMPORT_PROGRESS_EVERY * 2 + 5;
	char **recs = xcalloc(n, sizeof *recs);
	for (size_t i = 0; i < n; i++)
		recs[i] = i == 7 ? xstrdup("||||") : xasprintf("Person %zu|||", i);
	struct ti_seen seen = {0, 0, 0};
	struct import_opts o = {-1, NULL, 0, ti_progress, ti_warn, &seen};
	ti_counts(ti_run(fx.st, (const char *const *)recs, n, &o, 0), (long)n - 1, 0, 0, 1);
	ck_assert_int_eq(seen.progress, IMPORT_PROGRESS_EVERY * 2);
	ck_assert_int_eq(seen.warned, 1);
	ck_assert_int_eq(seen.last_line, 8);
	for (size_t i = 0; i < n; i++)
		free(recs[i]);
	free(recs);
	t_fixture_close(&fx);
}
END_TEST

START_TEST(test_contact_merge)
{
	struct contact k, o;
	contact_init(&k);
	contact_init(&o);
	t_set(&k.name, "Ana");
	t_set(&k.notes, "first\nsecond");
	contact_add_field(&k, FIELD_EMAIL, "work", "Ana@Acme.example");
	contact_add_tag(&k, "Friends");
	t_set(&o.name, "Ana Souza");
	t_set(&o.org, "Acme");
	t_set(&o.notes, "second");
	o.cadence_days = 30;
	contact_add_field(&o, FIELD_EMAIL, "home", "ana@acme.example"); /* the same address */
	contact_add_field(&o, FIELD_PHONE, "", "+1 555");
	contact_add_tag(&o, "friends");
	contact_add_tag(&o, "climbing");
	struct contact k2;
	contact_copy(&k2, &k);
	ck_assert_int_eq(contact_merge(&k, &o, 0), 1);
	ck_assert_str_eq(k.name, "Ana"); /* kept */
	ck_assert_str_eq(k.org, "Acme"); /* filled */
	ck_assert_str_eq(k.notes, "first\nsecond"); /* already held */
	ck_assert_int_eq(k.cadence_days, 30);
	ck_assert_int_eq(k.nfields, 2);
	ck_assert_int_eq(k.tags.n, 2);
	ck_assert_int_eq(contact_merge(&k, &o, 0), 0); /* nothing more to add */
	ck_assert_int_eq(contact_merge(&k2, &o, 1), 1);
	ck_assert_str_eq(k2.name, "Ana Souza"); /* the newer copy wins */
	ck_assert_int_eq(k2.cadence_days, -1);
	contact_free(&k);
	contact_free(&k2);
	contact_free(&o);
}
END_TEST

/* Into a journal empty when it begins, an import looks a record up by UID,
 * e-mail or name only when a contact it made may have that key: it still
 * merges the copies inside one file (by UID, by an address in any ASCII case,
 * one an earlier merge added, by name and organisation in any case), exactly
 * as into a journal that already had a contact. */
START_TEST(test_fresh_journal_lookups)
{
	static const char *const recs[] = {
		"Ana Souza|Acme|ana@acme.example||",
		"ANA SOUZA|ACME|||likes tea",                        /* by name and organisation */
		"Ana Souza|Beta|||",                                 /* another Ana */
		"Bruno Lima||Bruno@Example.com||",
		"B. Lima||bruno@EXAMPLE.com||a note",                /* by e-mail */
		"Carla Dias|Gamma|carla@gamma.example|urn:x:carla|",
		"Carla D.|Gamma|c2@gamma.example|urn:x:carla|",      /* by UID, adds an address */
		"Someone|Else|C2@GAMMA.example||", /* by the address added: unchanged */
	};
	struct import_opts o = {-1, NULL, 0, NULL, NULL, NULL};
	int email_runs[2], name_runs[2], uid_runs[2];
	for (int before = 0; before < 2; before++) {
		struct t_fixture fx;
		t_fixture_open(&fx);
		if (before)
			t_person(fx.st, "Zed Other", NULL);
		ti_counts(ti_run(fx.st, recs, TI_N(recs), &o, 0), 4, 3, 1, 0);
		ck_assert_int_eq(ti_count(fx.st), 4 + before);
		email_runs[before] = t_stmt_runs(fx.st, "f.kind = 'email'");
		name_runs[before] = t_stmt_runs(fx.st, "c.name_folded = ?1");
		uid_runs[before] = t_stmt_runs(fx.st, "WHERE c.uuid = ?1");
		struct contact_ref *refs;
		size_t n;
		char *cause = NULL;
		ck_assert_int_eq(store_contact_find_exact(fx.st, "ana souza", 0, &refs, &n, &cause), 0);
		ck_assert_uint_eq(n, 2);
		struct contact c;
		for (size_t i = 0; i < n; i++) {
			ck_assert_int_eq(store_contact_get(fx.st, refs[i].rowid, &c, &cause), 0);
			ck_assert_str_eq(c.notes, strcmp(c.org, "Acme") == 0 ? "likes tea" : "");
			contact_free(&c);
		}
		contact_refs_free(refs, n);
		ti_get(fx.st, "Bruno Lima", &c);
		ck_assert_str_eq(c.notes, "a note");
		contact_free(&c);
		ti_get(fx.st, "Carla D.", &c);
		ck_assert_int_eq(c.nfields, 3); /* two addresses and the UID */
		contact_free(&c);
		t_fixture_close(&fx);
	}
	/* into the empty one, only the lookups of keys seen before ran */
	ck_assert_int_eq(email_runs[0], 2);
	ck_assert_int_eq(name_runs[0], 1);
	ck_assert_int_eq(uid_runs[0], 1);
	ck_assert_int_eq(email_runs[1], 5);
	ck_assert_int_ge(name_runs[1], 4);
	ck_assert_int_eq(uid_runs[1], 2);
}
END_TEST

extern Suite *suite_import(void);

Suite *suite_import(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_new_then_unchanged);
	tcase_add_test(tc, test_match_order);
	tcase_add_test(tc, test_distinct_uids);
	tcase_add_test(tc, test_circle_tag_dry_run);
	tcase_add_test(tc, test_broken_reader_rolls_back);
	tcase_add_test(tc, test_progress_and_warnings);
	tcase_add_test(tc, test_contact_merge);
	tcase_add_test(tc, test_fresh_journal_lookups);
	suite_add_tcase(s, tc);
	return s;
}
