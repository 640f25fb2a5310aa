/* store_contact.c: contacts in the journal: add, update, snooze, archive,
 * the full record and the lists (DESIGN.md §3), with their tags, fields and
 * the folded name words that mentions look up. Depends on sqlite3, utf8.h. */
#include "store_int.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

/* Below this many contacts a list reads each one's tags; above, all tags in
 * one scan. */
#define STORE_TAG_SCAN_MIN 256

void store_col_contact(sqlite3_stmt *s, struct contact *c)
{
	memset(c, 0, sizeof *c);
	c->rowid = sqlite3_column_int64(s, 0);
	store_col_id(s, 1, c->id);
	c->name = store_col_str(s, 2);
	c->org = store_col_str(s, 3);
	c->role = store_col_str(s, 4);
	const char *t = (const char *)sqlite3_column_text(s, 5);
	if (t == NULL || model_circle_parse(t, &c->circle) != 0)
		c->circle = CIRCLE_OUTER;
	t = (const char *)sqlite3_column_text(s, 6);
	if (t == NULL || model_ckind_parse(t, &c->kind) != 0)
		c->kind = CKIND_PERSONAL;
	c->cadence_days = sqlite3_column_type(s, 7) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 7);
	c->met = store_col_str(s, 8);
	c->birthday = store_col_str(s, 9);
	c->created_at = sqlite3_column_int64(s, 10);
	c->updated_at = sqlite3_column_int64(s, 11);
	c->archived_at = sqlite3_column_int64(s, 12); /* NULL reads as 0 */
	c->snoozed_until = sqlite3_column_int64(s, 13);
	store_col_cache(s, 14, &c->sc);
	c->notes = xstrdup("");
	strv_init(&c->tags);
}

int store_contact_tags(struct store *st, int64_t rowid, struct strv *sv, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_CONTACT_TAGS, cause);
	if (s == NULL || store_bind(st, s, cause, "i", rowid) != 0)
		return -1;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1)
		strv_take(sv, store_col_str(s, 0));
	return rc;
}

static int store_contact_fields(struct store *st, struct contact *c, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_CONTACT_FIELDS, cause);
	if (s == NULL || store_bind(st, s, cause, "i", c->rowid) != 0)
		return -1;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		enum field_kind k;
		const char *kind = (const char *)sqlite3_column_text(s, 0);
		if (kind == NULL || model_field_parse(kind, &k) != 0)
			k = FIELD_VCARD;
		char *type = store_col_str(s, 1), *value = store_col_str(s, 2);
		contact_add_field(c, k, type, value);
		free(type);
		free(value);
	}
	return rc;
}

/* What a contact must be before it is written. */
static int store_contact_check(const struct contact *c, char **cause)
{
	const char *p = c->name;
	while (p != NULL && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p == NULL || *p == '\0')
		return err_set(cause, "a contact needs a name");
	if (c->cadence_days < -1)
		return err_set(cause, "%s: a cadence of %d days", c->name, c->cadence_days);
	for (size_t i = 0; i < c->tags.n; i++)
		if (c->tags.v[i][0] == '\0')
			return err_set(cause, "%s: an empty tag", c->name);
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].value == NULL)
			return err_set(cause, "%s: a field without a value", c->name);
	return 0;
}

/* The name words of a folded name: each word, and each part of a word that
 * follows a '-' ("souza-lima" gives "souza-lima" and "lima"), so that a
 * prefix of any of them finds the contact. */
static int store_contact_words(struct store *st, int64_t rowid, const char *folded, int fresh,
                               char **cause)
{
	if (!fresh && store_run_id(st, STORE_SQL_CONTACT_WORD_CLEAR, rowid, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_CONTACT_WORD_INSERT, cause);
	if (s == NULL)
		return -1;
	const char *p = folded;
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		const char *end = p;
		while (*end != '\0' && *end != ' ')
			end++;
		for (const char *w = p; w < end; w++) {
			if (w != p && w[-1] != '-')
				continue;
			if (store_bind(st, s, cause, "bi", (size_t)(end - w), w, rowid) != 0 ||
			    store_step_done(st, s, cause) != 0)
				return -1;
		}
		p = end;
	}
	return 0;
}

/* The fields of c (rowid set, none stored yet), STORE_FIELD_ROWS a run, or
 * one a statement when a run has no more than STORE_FIELD_ONE_MAX. */
static int store_contact_fields_insert(struct store *st, const struct contact *c, char **cause)
{
	for (size_t at = 0; at < c->nfields;) {
		size_t left = c->nfields - at;
		int one = left <= STORE_FIELD_ONE_MAX;
		size_t rows = one ? 1 : left < STORE_FIELD_ROWS ? left : STORE_FIELD_ROWS;
		sqlite3_stmt *s = store_stmt(
			st, one ? STORE_SQL_CONTACT_FIELD_INSERT_ONE : STORE_SQL_CONTACT_FIELD_INSERT, cause);
		if (s == NULL)
			return -1;
		if (!one)
			(void)sqlite3_clear_bindings(s); /* rows left unbound are none */
		int rc = sqlite3_bind_int64(s, 1, c->rowid);
		for (size_t i = 0; rc == SQLITE_OK && i < rows; i++) {
			const struct field *f = &c->fields[at + i];
			int col = (int)(2 + 4 * i);
			rc = sqlite3_bind_int64(s, col, (int64_t)(at + i));
			if (rc == SQLITE_OK)
				rc = sqlite3_bind_text(s, col + 1, model_field_name(f->kind), -1,
				                       SQLITE_STATIC);
			if (rc == SQLITE_OK)
				rc = sqlite3_bind_text(s, col + 2, f->type ? f->type : "", -1,
				                       SQLITE_STATIC);
			if (rc == SQLITE_OK)
				rc = sqlite3_bind_text(s, col + 3, f->value, -1, SQLITE_STATIC);
		}
		if (rc != SQLITE_OK) {
			store_reset(s);
			return store_fail(st, rc, cause);
		}
		if (store_step_done(st, s, cause) != 0)
			return -1;
		at += rows;
	}
	return 0;
}

/* Tags, fields and name words of c (rowid set), replacing what was there
 * unless the contact is fresh. */
static int store_contact_parts(struct store *st, const struct contact *c, const char *folded,
                               int fresh, char **cause)
{
	if (!fresh && (store_run_id(st, STORE_SQL_CONTACT_TAG_CLEAR, c->rowid, cause) != 0 ||
	               store_run_id(st, STORE_SQL_CONTACT_FIELD_CLEAR, c->rowid, cause) != 0))
		return -1;
	if (store_tags_insert(st, STORE_SQL_CONTACT_TAG_INSERT, c->rowid, &c->tags, cause) != 0)
		return -1;
	if (store_contact_fields_insert(st, c, cause) != 0)
		return -1;
	return store_contact_words(st, c->rowid, folded, fresh, cause);
}

/* Binds the columns of the contact insert and update statements (?1 the
 * uuid, ?2 .. ?15 the columns, in STORE_SQL_CONTACT_INSERT order); the
 * strings are c's and folded, which must live until s is reset. */
static int store_contact_bind(struct store *st, sqlite3_stmt *s, const struct contact *c,
                              const char *folded, int64_t updated_at, char **cause)
{
	return store_bind(st, s, cause,
	                  "ttttttt"
	                  "nttii"
	                  "zzt",
	                  c->id, c->name, folded, c->org, c->role, model_circle_name(c->circle),
	                  model_ckind_name(c->kind), (int64_t)c->cadence_days, c->met, c->birthday,
	                  c->created_at, updated_at, c->archived_at, c->snoozed_until, c->notes);
}

int store_tx_contact_add(struct store *st, struct contact *c, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0 || store_contact_check(c, cause) != 0)
		return -1;
	if (c->id[0] == '\0')
		id_new(c->id);
	else if (!id_is_uuid(c->id))
		return err_set(cause, "%s: \"%s\" is not a uuid", c->name, c->id);
	if (c->created_at == 0)
		c->created_at = now;
	if (c->updated_at == 0)
		c->updated_at = now;
	char *folded = utf8_fold(c->name);
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_CONTACT_INSERT, cause);
	int rc = -1;
	if (s != NULL && store_contact_bind(st, s, c, folded, c->updated_at, cause) == 0 &&
	    store_step_done(st, s, cause) == 0) {
		/* the insert wrote the rank of an empty score cache */
		c->rowid = sqlite3_last_insert_rowid(st->db);
		memset(&c->sc, 0, sizeof c->sc);
		rc = store_contact_parts(st, c, folded, 1, cause);
	}
	free(folded);
	if (rc != 0)
		return err_wrap(cause, "adding %s: ", c->name ? c->name : "a contact");
	return 0;
}

int store_tx_contact_update(struct store *st, struct contact *c, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0 || store_contact_check(c, cause) != 0)
		return -1;
	int was, is;
	if (store_contact_is_family(st, c->rowid, &was, cause) != 0)
		return err_wrap(cause, "updating %s: ", c->name);
	char *folded = utf8_fold(c->name);
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_CONTACT_UPDATE, cause);
	int rc = -1;
	/* the update's ?1 is the rowid, bound over the uuid; it writes the rank */
	if (s != NULL && store_contact_bind(st, s, c, folded, now, cause) == 0 &&
	    store_bind(st, s, cause, "i", c->rowid) == 0 && store_step_done(st, s, cause) == 0)
		rc = store_contact_parts(st, c, folded, 0, cause);
	free(folded);
	if (rc == 0)
		rc = store_contact_is_family(st, c->rowid, &is, cause);
	if (rc == 0 && is != was)
		rc = store_tx_rescore(st, c->rowid, cause);
	if (rc != 0)
		return err_wrap(cause, "updating %s: ", c->name);
	c->updated_at = now;
	return 0;
}

/* Sets one time column of a contact (snooze, archive). */
static int store_contact_stamp(struct store *st, enum store_stmt id, int64_t rowid, int64_t at,
                               int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, id, cause);
	if (s == NULL || store_bind(st, s, cause, "izi", rowid, at, now) != 0 ||
	    store_step_done(st, s, cause) != 0)
		return -1;
	if (sqlite3_changes(st->db) != 1)
		return err_set(cause, "the contact is " STORE_CONTACT_GONE);
	return store_rank_refresh(st, rowid, cause);
}

int store_tx_contact_snooze(struct store *st, int64_t rowid, int64_t until, int64_t now,
                            char **cause)
{
	return store_contact_stamp(st, STORE_SQL_CONTACT_SNOOZE, rowid, until, now, cause);
}

int store_tx_contact_archive(struct store *st, int64_t rowid, int archived, int64_t now,
                             char **cause)
{
	return store_contact_stamp(st, STORE_SQL_CONTACT_ARCHIVE, rowid, archived ? now : 0, now,
	                           cause);
}

/* The columns of a full record, notes included (store_load). */
static void store_contact_load_columns(sqlite3_stmt *s, void *out)
{
	struct contact *c = out;
	store_col_contact(s, c);
	free(c->notes);
	c->notes = store_col_str(s, STORE_CONTACT_NCOLS);
}

static int store_contact_load_parts(struct store *st, void *out, char **cause)
{
	struct contact *c = out;
	if (store_contact_tags(st, c->rowid, &c->tags, cause) != 0)
		return -1;
	return store_contact_fields(st, c, cause);
}

static void store_contact_load_free(void *out)
{
	contact_free(out);
}

static const struct store_loader store_contact_loader = {
	store_contact_load_columns, store_contact_load_parts, store_contact_load_free};

static int store_contact_load(struct store *st, enum store_stmt id, int64_t rowid, const char *uuid,
                              struct contact *out, char **cause)
{
	memset(out, 0, sizeof *out);
	return store_load(st, id, rowid, uuid, &store_contact_loader, out, cause);
}

int store_contact_get(struct store *st, int64_t rowid, struct contact *out, char **cause)
{
	return store_contact_load(st, STORE_SQL_CONTACT_GET, rowid, NULL, out, cause);
}

int store_contact_by_uuid(struct store *st, const char *uuid, struct contact *out, char **cause)
{
	return store_contact_load(st, STORE_SQL_CONTACT_GET_UUID, 0, uuid, out, cause);
}

static int store_list_tags(struct store *st, struct contact *v, size_t n, char **cause)
{
	if (n < STORE_TAG_SCAN_MIN) {
		for (size_t i = 0; i < n; i++)
			if (store_contact_tags(st, v[i].rowid, &v[i].tags, cause) != 0)
				return -1;
		return 0;
	}
	struct store_slot *slot = xreallocarray(NULL, n, sizeof *slot);
	for (size_t i = 0; i < n; i++) {
		slot[i].rowid = v[i].rowid;
		slot[i].at = i;
	}
	store_slots_sort(slot, n);
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT contact_id, tag FROM contact_tag "
	                                "ORDER BY contact_id, tag",
	                                cause);
	int rc = s == NULL ? -1 : 1;
	while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
		const struct store_slot *hit =
			store_slots_find(slot, n, sqlite3_column_int64(s, 0));
		if (hit != NULL)
			strv_take(&v[hit->at].tags, store_col_str(s, 1));
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	free(slot);
	return rc;
}

static int store_list_read(struct store *st, const struct store_contact_filter *f,
                           struct contact **out, size_t *n, char **cause)
{
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT " STORE_CONTACT_COLS " FROM contact c WHERE 1");
	store_filter_sql(&sql, f);
	buf_puts(&sql, " ORDER BY c.name_folded, c.name, c.id");
	sqlite3_stmt *s = store_prepare(st, buf_str(&sql), cause);
	buf_free(&sql);
	if (s == NULL)
		return -1;
	int rc = store_filter_bind(st, s, f, cause);
	struct contact *v = NULL;
	size_t len = 0, cap = 0;
	rc = rc == 0 ? 1 : -1;
	while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		store_col_contact(s, &v[len++]);
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	if (rc == 0)
		rc = store_list_tags(st, v, len, cause);
	if (rc != 0) {
		contacts_free(v, len);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}

int store_contact_list(struct store *st, const struct store_contact_filter *f, struct contact **out,
                       size_t *n, char **cause)
{
	*out = NULL;
	*n = 0;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = store_list_read(st, f, out, n, cause);
	rc = store_snap_end(st, own, rc, cause);
	if (rc != 0 && *out != NULL) {
		contacts_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int store_tombstone_put(struct store *st, const char *uuid, const char *kind, int64_t at,
                        char **cause)
{
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_TOMBSTONE_INSERT, cause);
	if (s == NULL || store_bind(st, s, cause, "tti", uuid, kind, at) != 0)
		return -1;
	return store_step_done(st, s, cause);
}
