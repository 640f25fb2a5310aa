/* check_sync.c: the JSON reader (json_read.c), kith's JSON Lines records
 * (jsonl.c) and the merge of one journal's export into another (sync.c,
 * sync_merge.c): newer wins, ties alike on both sides, tombstones delete and
 * keep deleted, nothing doubled, a file cut short applies nothing, and two
 * journals syncing through one folder end equal. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "jsonl.h"
#include "store_test.h"
#include "sync.h"
#include "sync_test.h"

/* ---- the JSON reader ---- */

START_TEST(test_json_parse_values)
{
	const char *text = " {\"a\": [1, -2.5e1, true, false, null], \"s\": \"x\\u00e9\\ud83c\\udf89\\n\","
	                   " \"big\": 9007199254740993, \"o\": {}} ";
	struct json_value v;
	char *cause = NULL;
	ck_assert_int_eq(json_parse(text, strlen(text), &v, &cause), 0);
	ck_assert_int_eq(v.type, JSON_OBJECT);
	const struct json_value *a = json_get(&v, "a");
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(a->n, 5);
	ck_assert(a->items[0].is_int && a->items[0].integer == 1);
	ck_assert(!a->items[1].is_int && a->items[1].number == -25.0);
	ck_assert(a->items[2].type == JSON_BOOL && a->items[2].boolean);
	ck_assert(a->items[3].type == JSON_BOOL && !a->items[3].boolean);
	ck_assert_int_eq(a->items[4].type, JSON_NULL);
	ck_assert_str_eq(json_get(&v, "s")->string, "x\xc3\xa9\xf0\x9f\x8e\x89\n");
	ck_assert(json_get(&v, "big")->integer == INT64_C(9007199254740993));
	ck_assert_int_eq(json_get(&v, "o")->type, JSON_OBJECT);
	ck_assert_ptr_null(json_get(&v, "missing"));
	json_value_free(&v);
}
END_TEST

static const char *const bad_json[] = {
	"",
	"{",
	"{\"a\":1,}",
	"[1 2]",
	"\"no end",
	"\"tab\there\"",
	"\"nul\\u0000\"",
	"\"lone \\udc00\"",
	"\"half \\ud83c\"",
	"\"\\x41\"",
	"\"\xff\"",
	"01",
	"1.",
	"-",
	"1e",
	"tru",
	"{\"a\" 1}",
	"{1:2}",
	"[1] [2]",
	"1e999",
	"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
};

START_TEST(test_json_parse_bad)
{
	struct json_value v;
	char *cause = NULL;
	const char *text = bad_json[_i];
	ck_assert_msg(json_parse(text, strlen(text), &v, &cause) == -1, "accepted: %s", text);
	ck_assert_ptr_nonnull(cause);
	ck_assert_int_eq(v.type, JSON_NULL);
	free(cause);
}
END_TEST

START_TEST(test_json_depth_limit)
{
	char deep[2 * JSON_MAX_DEPTH + 1];
	memset(deep, '[', JSON_MAX_DEPTH);
	memset(deep + JSON_MAX_DEPTH, ']', JSON_MAX_DEPTH);
	struct json_value v;
	char *cause = NULL;
	ck_assert_int_eq(json_parse(deep, 2 * JSON_MAX_DEPTH, &v, &cause), 0);
	json_value_free(&v);
	char deeper[2 * JSON_MAX_DEPTH + 3];
	memset(deeper, '[', JSON_MAX_DEPTH + 1);
	memset(deeper + JSON_MAX_DEPTH + 1, ']', JSON_MAX_DEPTH + 1);
	ck_assert_int_eq(json_parse(deeper, 2 * JSON_MAX_DEPTH + 2, &v, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "deep"));
	free(cause);
}
END_TEST

/* ---- records ---- */

static void set(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

START_TEST(test_jsonl_contact_round_trip)
{
	struct contact c;
	contact_init(&c);
	strcpy(c.id, "0c4b7a3e-93aa-4a3e-8f00-1234567890ab");
	set(&c.name, "Fátima \"F\" \x1b[31mNúñez");
	set(&c.org, "Ação");
	set(&c.notes, "line\nline\ttab");
	set(&c.birthday, "--04-12");
	c.circle = CIRCLE_CLOSE;
	c.kind = CKIND_STRATEGIC;
	c.cadence_days = 0;
	c.created_at = T_NOW - 9;
	c.updated_at = T_NOW;
	c.snoozed_until = T_NOW + 5;
	strv_push(&c.tags, "conf");
	strv_push(&c.tags, "b");
	strv_sort_unique(&c.tags);
	contact_add_field(&c, FIELD_EMAIL, "work,pref", "f@example.org");
	contact_add_field(&c, FIELD_VCARD, "X-FOO", "X-FOO;A=b:c");
	struct buf b;
	buf_init(&b);
	jsonl_write_contact(&b, &c);
	ck_assert_int_eq(b.data[b.len - 1], '\n');
	ck_assert_ptr_null(memchr(b.data, '\n', b.len - 1)); /* one line */
	struct jsonl_record r;
	char *cause = NULL;
	ck_assert_int_eq(jsonl_parse(b.data, b.len - 1, &r, &cause), 0);
	ck_assert_int_eq(r.type, JSONL_CONTACT);
	ck_assert(contact_same_details(&r.contact, &c));
	ck_assert_str_eq(r.contact.id, c.id);
	ck_assert_int_eq(r.contact.cadence_days, 0);
	ck_assert_int_eq(r.contact.created_at, c.created_at);
	ck_assert_int_eq(r.contact.updated_at, c.updated_at);
	ck_assert_int_eq(r.contact.archived_at, 0);
	ck_assert_int_eq(r.contact.snoozed_until, c.snoozed_until);
	/* written again, the same bytes */
	struct buf again;
	buf_init(&again);
	jsonl_write_contact(&again, &r.contact);
	ck_assert_str_eq(buf_str(&again), buf_str(&b));
	jsonl_record_free(&r);
	buf_free(&again);
	buf_free(&b);
	contact_free(&c);
}
END_TEST

START_TEST(test_jsonl_other_records)
{
	struct interaction in;
	interaction_init(&in);
	strcpy(in.id, "11111111-2222-4333-8444-555555555555");
	in.at = T_NOW - 3;
	in.kind = IKIND_MEETING;
	in.service = IKIND_REFERRAL; /* a meeting that carries a referral */
	in.dir = DIR_GOT;
	in.deep = 1;
	set(&in.summary, "lunch");
	strv_push(&in.tags, "x");
	struct contact_ref who = {0, "aaaaaaaa-2222-4333-8444-555555555555", NULL, NULL};
	interaction_add_contact(&in, &who);
	in.created_at = in.updated_at = T_NOW;
	struct followup f;
	memset(&f, 0, sizeof f);
	strcpy(f.id, "bbbbbbbb-2222-4333-8444-555555555555");
	strcpy(f.contact_id, who.id);
	f.text = xstrdup("write");
	f.due_at = T_NOW + 86400;
	f.done_at = T_NOW;
	f.created_at = f.updated_at = T_NOW;
	struct buf b;
	buf_init(&b);
	jsonl_write_interaction(&b, &in);
	jsonl_write_followup(&b, &f, in.id);
	jsonl_write_tombstone(&b, who.id, "contact", T_NOW);
	char *save = NULL, *line = strtok_r(b.data, "\n", &save);
	struct jsonl_record r;
	char *cause = NULL;
	ck_assert_int_eq(jsonl_parse(line, strlen(line), &r, &cause), 0);
	ck_assert_int_eq(r.type, JSONL_INTERACTION);
	ck_assert_str_eq(r.interaction.id, in.id);
	ck_assert_int_eq(r.interaction.kind, IKIND_MEETING);
	ck_assert_int_eq(r.interaction.service, IKIND_REFERRAL);
	ck_assert_int_eq(r.interaction.dir, DIR_GOT);
	ck_assert_int_eq(r.interaction.deep, 1);
	ck_assert_int_eq(r.interaction.at, in.at);
	ck_assert_uint_eq(r.interaction.ncontacts, 1);
	ck_assert_str_eq(r.interaction.contacts[0].id, who.id);
	jsonl_record_free(&r);
	line = strtok_r(NULL, "\n", &save);
	ck_assert_int_eq(jsonl_parse(line, strlen(line), &r, &cause), 0);
	ck_assert_int_eq(r.type, JSONL_FOLLOWUP);
	ck_assert_str_eq(r.followup.contact_id, who.id);
	ck_assert_str_eq(r.interaction_id, in.id);
	ck_assert_int_eq(r.followup.done_at, T_NOW);
	ck_assert_int_eq(r.followup.due_at, f.due_at);
	ck_assert_str_eq(r.followup.text, "write");
	jsonl_record_free(&r);
	line = strtok_r(NULL, "\n", &save);
	ck_assert_int_eq(jsonl_parse(line, strlen(line), &r, &cause), 0);
	ck_assert_int_eq(r.type, JSONL_TOMBSTONE);
	ck_assert_str_eq(r.tomb_id, who.id);
	ck_assert_str_eq(r.tomb_kind, "contact");
	ck_assert_int_eq(r.deleted_at, T_NOW);
	jsonl_record_free(&r);
	buf_free(&b);
	interaction_free(&in);
	followup_free(&f);
}
END_TEST

START_TEST(test_jsonl_tags_as_stored)
{
	/* a hand-made file: tags as the store keeps them, sorted and once */
	const char *line =
		"{\"type\":\"contact\",\"id\":\"AAAAAAAA-2222-4333-8444-555555555555\","
		"\"name\":\"Ana\",\"org\":\"\",\"role\":\"\",\"circle\":\"outer\","
		"\"kind\":\"personal\",\"cadence_days\":null,\"met\":\"\",\"birthday\":\"\","
		"\"notes\":\"\",\"tags\":[\"b\",\"a\",\"b\"],\"fields\":[],\"archived_at\":null,"
		"\"snoozed_until\":null,\"created_at\":1,\"updated_at\":2}";
	struct jsonl_record r;
	char *cause = NULL;
	ck_assert_int_eq(jsonl_parse(line, strlen(line), &r, &cause), 0);
	ck_assert_uint_eq(r.contact.tags.n, 2);
	ck_assert_str_eq(r.contact.tags.v[0], "a");
	ck_assert_str_eq(r.contact.tags.v[1], "b");
	ck_assert_str_eq(r.contact.id, "aaaaaaaa-2222-4333-8444-555555555555"); /* lower case */
	ck_assert_int_eq(r.contact.cadence_days, -1);
	jsonl_record_free(&r);
}
END_TEST

static const char *const bad_records[] = {
	"[]",
	"{\"type\":1}",
	"{\"type\":\"tombstone\",\"id\":\"x\",\"kind\":\"contact\",\"deleted_at\":5}",
	"{\"type\":\"tombstone\",\"id\":\"aaaaaaaa-2222-4333-8444-555555555555\","
	"\"kind\":\"person\",\"deleted_at\":5}",
	"{\"type\":\"tombstone\",\"id\":\"aaaaaaaa-2222-4333-8444-555555555555\","
	"\"kind\":\"contact\",\"deleted_at\":1.5}",
	"{\"type\":\"interaction\",\"id\":\"aaaaaaaa-2222-4333-8444-555555555555\",\"at\":1,"
	"\"kind\":\"meeting\",\"direction\":\"none\",\"deep\":false,\"summary\":\"\",\"tags\":[],"
	"\"contacts\":[],\"created_at\":1,\"updated_at\":1}",
	"{\"type\":\"interaction\",\"id\":\"aaaaaaaa-2222-4333-8444-555555555555\",\"at\":1,"
	"\"kind\":\"brunch\",\"direction\":\"none\",\"deep\":false,\"summary\":\"\",\"tags\":[],"
	"\"contacts\":[\"aaaaaaaa-2222-4333-8444-555555555555\"],\"created_at\":1,\"updated_at\":1}",
	"{\"type\":\"kith\",\"version\":0}",
};

START_TEST(test_jsonl_bad_records)
{
	struct jsonl_record r;
	char *cause = NULL;
	const char *line = bad_records[_i];
	ck_assert_msg(jsonl_parse(line, strlen(line), &r, &cause) == -1, "accepted %s", line);
	ck_assert_ptr_nonnull(cause);
	free(cause);
	jsonl_record_free(&r);
}
END_TEST

/* ---- merging ---- */

struct merge_tx {
	FILE *f;
	struct sync_counts counts;
};

static int merge_fn(struct store *st, void *arg, char **cause)
{
	struct merge_tx *tx = arg;
	rewind(tx->f);
	memset(&tx->counts, 0, sizeof tx->counts);
	return sync_tx_merge(st, tx->f, "in.jsonl", NULL, &tx->counts, cause);
}

/* Merges text into st; returns what store_write returned. */
static int merge_text(struct store *st, const char *text, struct sync_counts *counts, char **cause)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct merge_tx tx = {f, {0, 0, 0, 0, 0}};
	int rc = store_write(st, merge_fn, &tx, cause);
	fclose(f);
	*counts = tx.counts;
	return rc;
}

/* Merges the export of from into to, and checks the counts (-1: any). */
static void merge_into(struct store *to, struct store *from, int added, int updated, int unchanged,
                       int deleted)
{
	char *text = t_export(from);
	struct sync_counts n;
	char *cause = NULL;
	ck_assert_msg(merge_text(to, text, &n, &cause) == 0, "merge: %s", cause ? cause : "?");
	free(text);
	if (added >= 0)
		ck_assert_int_eq(n.added, added);
	if (updated >= 0)
		ck_assert_int_eq(n.updated, updated);
	if (unchanged >= 0)
		ck_assert_int_eq(n.unchanged, unchanged);
	if (deleted >= 0)
		ck_assert_int_eq(n.deleted, deleted);
}

static void uuid_of(struct store *st, int64_t rowid, char out[ID_LEN + 1])
{
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(st, rowid, &c, &cause), 0);
	memcpy(out, c.id, ID_LEN + 1);
	contact_free(&c);
}

START_TEST(test_merge_new_then_idempotent)
{
	struct t_fixture a, b;
	t_fixture_open(&a);
	t_fixture_open(&b);
	int64_t ana = t_person(a.st, "Ana", "family");
	int64_t bruno = t_person(a.st, "Bruno", NULL);
	int64_t both[] = {ana, bruno};
	t_log(a.st, T_NOW - 5 * T_DAY, IKIND_INTRO, DIR_GAVE, 1, both, 2, NULL);
	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = ana;
	f.due_at = T_NOW + T_DAY;
	f.text = xstrdup("call back");
	char *cause = NULL;
	ck_assert_int_eq(t_followup_add(a.st, &f, T_NOW, &cause), 0);
	followup_free(&f);
	merge_into(b.st, a.st, 4, 0, 0, 0);
	t_assert_equal_journals(a.st, b.st);
	/* a second merge changes nothing, nor does merging back */
	merge_into(b.st, a.st, 0, 0, 4, 0);
	merge_into(a.st, b.st, 0, 0, 4, 0);
	t_assert_equal_journals(a.st, b.st);
	/* the caches were kept: the merged contact scores as the original */
	char id[ID_LEN + 1];
	uuid_of(a.st, ana, id);
	t_check_cache(b.st, t_rowid_of(b.st, id));
	struct contact ca, cb;
	ck_assert_int_eq(store_contact_get(a.st, ana, &ca, &cause), 0);
	ck_assert_int_eq(store_contact_get(b.st, t_rowid_of(b.st, id), &cb, &cause), 0);
	ck_assert_int_eq(cb.sc.n, 1);
	ck_assert(cb.sc.warm_sum == ca.sc.warm_sum);
	contact_free(&ca);
	contact_free(&cb);
	t_fixture_close(&a);
	t_fixture_close(&b);
}
END_TEST

START_TEST(test_merge_newer_wins)
{
	struct t_fixture a, b;
	t_fixture_open(&a);
	t_fixture_open(&b);
	int64_t ana = t_person(a.st, "Ana", NULL);
	char id[ID_LEN + 1];
	uuid_of(a.st, ana, id);
	merge_into(b.st, a.st, 1, 0, 0, 0);
	int64_t bana = t_rowid_of(b.st, id);
	t_edit_org(b.st, bana, "Beta", T_NOW + 20);
	t_edit_org(a.st, ana, "Alpha", T_NOW + 10);
	/* a's older edit does not undo b's newer one */
	merge_into(b.st, a.st, 0, 0, 1, 0);
	merge_into(a.st, b.st, 0, 1, 0, 0);
	t_assert_equal_journals(a.st, b.st);
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(a.st, ana, &c, &cause), 0);
	ck_assert_str_eq(c.org, "Beta");
	ck_assert_int_eq(c.updated_at, T_NOW + 20);
	contact_free(&c);
	t_fixture_close(&a);
	t_fixture_close(&b);
}
END_TEST

START_TEST(test_merge_tie_alike)
{
	/* both edited in the same second: each side picks the same version */
	struct t_fixture a, b;
	t_fixture_open(&a);
	t_fixture_open(&b);
	int64_t ana = t_person(a.st, "Ana", NULL);
	char id[ID_LEN + 1];
	uuid_of(a.st, ana, id);
	merge_into(b.st, a.st, 1, 0, 0, 0);
	t_edit_org(b.st, t_rowid_of(b.st, id), "Zeta", T_NOW + 10);
	t_edit_org(a.st, ana, "Alpha", T_NOW + 10);
	merge_into(b.st, a.st, 0, 0, 1, 0);
	merge_into(a.st, b.st, 0, 1, 0, 0);
	t_assert_equal_journals(a.st, b.st);
	t_fixture_close(&a);
	t_fixture_close(&b);
}
END_TEST

START_TEST(test_merge_tombstones)
{
	struct t_fixture a, b;
	t_fixture_open(&a);
	t_fixture_open(&b);
	int64_t ana = t_person(a.st, "Ana", NULL);
	int64_t bruno = t_person(a.st, "Bruno", NULL);
	t_log(a.st, T_NOW - T_DAY, IKIND_CALL, DIR_NONE, 0, &bruno, 1, NULL);
	int64_t both[] = {ana, bruno};
	t_log(a.st, T_NOW - 2 * T_DAY, IKIND_MEETING, DIR_NONE, 0, both, 2, NULL);
	char ida[ID_LEN + 1], idb[ID_LEN + 1];
	uuid_of(a.st, ana, ida);
	uuid_of(a.st, bruno, idb);
	merge_into(b.st, a.st, 4, 0, 0, 0);
	/* b edits Bruno after a removed him: the removal still wins */
	char *cause = NULL;
	ck_assert_int_eq(t_contact_remove(a.st, bruno, T_NOW + 5, &cause), 0);
	t_edit_org(b.st, t_rowid_of(b.st, idb), "Later", T_NOW + 50);
	merge_into(a.st, b.st, 0, 0, -1, 0);
	ck_assert_int_eq(t_rowid_of(a.st, idb), 0); /* not brought back */
	merge_into(b.st, a.st, 0, -1, -1, 2);     /* Bruno and his call */
	ck_assert_int_eq(t_rowid_of(b.st, idb), 0);
	ck_assert_int_ne(t_rowid_of(b.st, ida), 0);
	merge_into(a.st, b.st, 0, 0, -1, 0);
	t_assert_equal_journals(a.st, b.st);
	/* the shared meeting stays, with Ana alone */
	struct interaction *v = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_timeline(b.st, NULL, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0].ncontacts, 1);
	ck_assert_str_eq(v[0].contacts[0].id, ida);
	/* it lost a contact: a changed record, on both sides alike */
	ck_assert_int_eq(v[0].updated_at, T_NOW + 5);
	interactions_free(v, n);
	t_fixture_close(&a);
	t_fixture_close(&b);
}
END_TEST

START_TEST(test_merge_cut_short)
{
	struct t_fixture a, b;
	t_fixture_open(&a);
	t_fixture_open(&b);
	t_person(a.st, "Ana", NULL);
	t_person(a.st, "Bruno", NULL);
	char *text = t_export(a.st);
	size_t len = strlen(text);
	struct sync_counts n;
	char *cause = NULL;
	/* the last newline gone, then half of the last line */
	for (size_t cut = 1; cut <= 40; cut += 39) {
		text[len - cut] = '\0';
		ck_assert_int_eq(merge_text(b.st, text, &n, &cause), -1);
		ck_assert_ptr_nonnull(strstr(cause, "in.jsonl:3: "));
		ck_assert_ptr_nonnull(strstr(cause, "cut short"));
		free(cause);
	cause = NULL;
		cause = NULL;
		int empty = 0;
		ck_assert_int_eq(store_is_empty(b.st, &empty, &cause), 0);
		ck_assert_int_eq(empty, 1); /* the whole file was rolled back */
	}
	free(text);
	/* no version line; a newer version; a bad line in the middle */
	ck_assert_int_eq(merge_text(b.st, "{\"type\":\"contact\"}\n", &n, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "in.jsonl:1: "));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(merge_text(b.st, "{\"type\":\"kith\",\"version\":2}\n", &n, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "newer kith"));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(merge_text(b.st, "{\"type\":\"kith\",\"version\":1}\n\n{oops}\n", &n, &cause),
	                 -1);
	ck_assert_ptr_nonnull(strstr(cause, "in.jsonl:3: "));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(merge_text(b.st, "", &n, &cause), -1);
	free(cause);
	cause = NULL;
	/* a record of a type from a newer kith is skipped, counted */
	ck_assert_int_eq(merge_text(b.st,
	                            "{\"type\":\"kith\",\"version\":1}\n{\"type\":\"hologram\"}\n",
	                            &n, &cause),
	                 0);
	ck_assert_int_eq(n.skipped, 1);
	t_fixture_close(&a);
	t_fixture_close(&b);
}
END_TEST

struct contact_merge_tx {
	int64_t keep, other, now;
};

static int contact_merge_fn(struct store *st, void *arg, char **cause)
{
	struct contact_merge_tx *tx = arg;
	return store_tx_contact_merge(st, tx->keep, tx->other, tx->now, cause);
}

START_TEST(test_merge_after_contact_merge)
{
	/* a merges Bruno into Ana: Bruno's call moves to Ana, and b, which
	 * deletes Bruno on the merge, keeps the call with Ana */
	struct t_fixture a, b;
	t_fixture_open(&a);
	t_fixture_open(&b);
	int64_t ana = t_person(a.st, "Ana", NULL);
	int64_t bruno = t_person(a.st, "Bruno", NULL);
	char call[ID_LEN + 1];
	t_log(a.st, T_NOW - T_DAY, IKIND_CALL, DIR_NONE, 0, &bruno, 1, call);
	merge_into(b.st, a.st, 3, 0, 0, 0);
	struct contact_merge_tx tx = {ana, bruno, T_NOW + 60};
	char *cause = NULL;
	ck_assert_int_eq(store_write(a.st, contact_merge_fn, &tx, &cause), 0);
	merge_into(b.st, a.st, -1, -1, -1, 1);
	merge_into(a.st, b.st, 0, 0, -1, 0);
	t_assert_equal_journals(a.st, b.st);
	struct interaction in;
	ck_assert_int_eq(store_interaction_by_uuid(b.st, call, &in, &cause), 0);
	ck_assert_uint_eq(in.ncontacts, 1);
	ck_assert_str_eq(in.contacts[0].name, "Ana");
	ck_assert_int_eq(in.updated_at, T_NOW + 60);
	interaction_free(&in);
	t_fixture_close(&b);
	t_fixture_close(&a);
}
END_TEST

Suite *suite_sync(void)
{
	Suite *s = suite_create("sync");
	TCase *tc = tcase_create("json");
	tcase_add_test(tc, test_json_parse_values);
	tcase_add_loop_test(tc, test_json_parse_bad, 0, (int)(sizeof bad_json / sizeof bad_json[0]));
	tcase_add_test(tc, test_json_depth_limit);
	suite_add_tcase(s, tc);
	tc = tcase_create("jsonl");
	tcase_add_test(tc, test_jsonl_contact_round_trip);
	tcase_add_test(tc, test_jsonl_other_records);
	tcase_add_test(tc, test_jsonl_tags_as_stored);
	tcase_add_loop_test(tc, test_jsonl_bad_records, 0,
	                    (int)(sizeof bad_records / sizeof bad_records[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("merge");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_merge_new_then_idempotent);
	tcase_add_test(tc, test_merge_newer_wins);
	tcase_add_test(tc, test_merge_tie_alike);
	tcase_add_test(tc, test_merge_tombstones);
	tcase_add_test(tc, test_merge_cut_short);
	tcase_add_test(tc, test_merge_after_contact_merge);
	suite_add_tcase(s, tc);
	return s;
}
