/* store_interaction.c: interactions in the journal (DESIGN.md §3): add with
 * the O(1) cache update of each contact, bulk add, update and remove with a
 * rescore, one record, and the timeline (of one contact, of everyone, or of
 * many contacts read together). Depends on sqlite3 and score.h. */
#include "store_int.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

/* A timeline longer than this reads contacts and tags in one scan each
 * rather than per interaction. */
#define STORE_BATCH_MIN 64

#define STORE_INTERACTION_COLS                                                     \
	"i.id, i.uuid, i.occurred_at, i.kind, i.direction, i.deep, i.created_at, " \
	"i.updated_at, i.summary, i.service"

static void store_col_interaction(sqlite3_stmt *s, struct interaction *in)
{
	memset(in, 0, sizeof *in);
	in->rowid = sqlite3_column_int64(s, 0);
	store_col_id(s, 1, in->id);
	in->at = sqlite3_column_int64(s, 2);
	const char *t = (const char *)sqlite3_column_text(s, 3);
	if (t == NULL || model_ikind_parse(t, &in->kind) != 0)
		in->kind = IKIND_NOTE;
	t = (const char *)sqlite3_column_text(s, 4);
	if (t == NULL || model_direction_parse(t, &in->dir) != 0)
		in->dir = DIR_NONE;
	in->deep = sqlite3_column_int(s, 5) != 0;
	in->created_at = sqlite3_column_int64(s, 6);
	in->updated_at = sqlite3_column_int64(s, 7);
	in->summary = store_col_str(s, 8);
	in->service = store_col_service(s, 9);
	strv_init(&in->tags);
}

/* The service column of in: the name of the service it carries, NULL when
 * none or when its kind is itself a service (model.h). */
static const char *store_service_value(const struct interaction *in)
{
	enum ikind sv = model_interaction_service(in);
	return sv == IKIND_NONE || sv == in->kind ? NULL : model_ikind_name(sv);
}

static int store_interaction_check(const struct interaction *in, char **cause)
{
	if (in->ncontacts == 0)
		return err_set(cause, "an interaction needs a contact");
	for (size_t i = 0; i < in->tags.n; i++)
		if (in->tags.v[i][0] == '\0')
			return err_set(cause, "an interaction with an empty tag");
	return 0;
}

/* Tags and contact links of in (rowid set), replacing what was there unless
 * it is fresh; the caches of newly linked contacts are updated when `cache`
 * is set. */
static int store_interaction_parts(struct store *st, const struct interaction *in, int fresh,
                                   int cache, char **cause)
{
	if (!fresh && (store_run_id(st, STORE_SQL_INTERACTION_TAG_CLEAR, in->rowid, cause) != 0 ||
	               store_run_id(st, STORE_SQL_INTERACTION_LINK_CLEAR, in->rowid, cause) != 0))
		return -1;
	if (store_tags_insert(st, STORE_SQL_INTERACTION_TAG_INSERT, in->rowid, &in->tags, cause) != 0)
		return -1;
	struct score_event ev;
	score_event_of(&ev, in);
	for (size_t i = 0; i < in->ncontacts; i++) {
		int64_t who = in->contacts[i].rowid;
		sqlite3_stmt *s = store_stmt(st, STORE_SQL_INTERACTION_LINK_INSERT, cause);
		if (s == NULL || store_bind(st, s, cause, "iii", in->rowid, who, (int64_t)i) != 0)
			return -1;
		if (store_step_done(st, s, cause) != 0) {
			const char *name = in->contacts[i].name;
			name = name != NULL && name[0] != '\0' ? name : "a contact";
			if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
				return err_set(cause, "%s is " STORE_CONTACT_GONE, name);
			return err_wrap(cause, "%s: ", name);
		}
		/* a contact named twice is linked, and counted, once */
		if (cache && sqlite3_changes(st->db) == 1 &&
		    store_cache_add(st, who, &ev, cause) != 0)
			return -1;
	}
	return 0;
}

static int store_interaction_insert(struct store *st, struct interaction *in, int64_t now,
                                    int cache, char **cause)
{
	if (store_need_write(st, cause) != 0 || store_interaction_check(in, cause) != 0)
		return -1;
	if (in->id[0] == '\0')
		id_new(in->id);
	else if (!id_is_uuid(in->id))
		return err_set(cause, "\"%s\" is not a uuid", in->id);
	if (in->created_at == 0)
		in->created_at = now;
	if (in->updated_at == 0)
		in->updated_at = now;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_INTERACTION_INSERT, cause);
	if (s == NULL ||
	    store_bind(st, s, cause, "tittiiitx", in->id, in->at, model_ikind_name(in->kind),
	               model_direction_name(in->dir), (int64_t)(in->deep != 0), in->created_at,
	               in->updated_at, in->summary, store_service_value(in)) != 0 ||
	    store_step_done(st, s, cause) != 0)
		return err_wrap(cause, "adding an interaction: ");
	in->rowid = sqlite3_last_insert_rowid(st->db);
	if (store_interaction_parts(st, in, 1, cache, cause) != 0)
		return err_wrap(cause, "adding an interaction: ");
	return 0;
}

int store_tx_interaction_add(struct store *st, struct interaction *in, int64_t now, char **cause)
{
	return store_interaction_insert(st, in, now, 1, cause);
}

int store_tx_interaction_add_bulk(struct store *st, struct interaction *in, int64_t now,
                                  char **cause)
{
	return store_interaction_insert(st, in, now, 0, cause);
}

/* The contacts linked to an interaction, appended to ids. */
static int store_interaction_linked(struct store *st, int64_t rowid, struct store_ids *ids,
                                    char **cause)
{
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_INTERACTION_LINKED, cause);
	if (s == NULL || store_bind(st, s, cause, "i", rowid) != 0)
		return -1;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1)
		store_ids_push(ids, sqlite3_column_int64(s, 0));
	return rc;
}

int store_tx_interaction_update(struct store *st, struct interaction *in, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0 || store_interaction_check(in, cause) != 0)
		return -1;
	struct store_ids ids = {0};
	int rc = store_interaction_linked(st, in->rowid, &ids, cause);
	sqlite3_stmt *s = rc == 0 ? store_stmt(st, STORE_SQL_INTERACTION_UPDATE, cause) : NULL;
	if (s == NULL ||
	    store_bind(st, s, cause, "iittiitx", in->rowid, in->at, model_ikind_name(in->kind),
	               model_direction_name(in->dir), (int64_t)(in->deep != 0), now,
	               in->summary, store_service_value(in)) != 0 ||
	    store_step_done(st, s, cause) != 0)
		rc = -1;
	else if (sqlite3_changes(st->db) != 1)
		rc = err_set(cause, "no interaction with rowid %" PRId64, in->rowid);
	if (rc == 0)
		rc = store_interaction_parts(st, in, 0, 0, cause);
	if (rc == 0) {
		for (size_t i = 0; i < in->ncontacts; i++)
			store_ids_push(&ids, in->contacts[i].rowid);
		store_ids_sort_unique(&ids);
		rc = store_rescore_ids(st, &ids, cause);
	}
	store_ids_free(&ids);
	if (rc != 0)
		return err_wrap(cause, "updating an interaction: ");
	in->updated_at = now;
	return 0;
}

int store_tx_interaction_remove(struct store *st, int64_t rowid, int64_t now, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	char id[ID_LEN + 1];
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_INTERACTION_GET, cause);
	if (s == NULL || store_bind(st, s, cause, "i", rowid) != 0)
		return -1;
	int rc = store_step(st, s, cause);
	if (rc == 0)
		return err_set(cause, "no interaction with rowid %" PRId64, rowid);
	if (rc < 0)
		return -1;
	store_col_id(s, 1, id);
	store_reset(s);
	struct store_ids ids = {0};
	rc = store_interaction_linked(st, rowid, &ids, cause);
	if (rc == 0)
		rc = store_tombstone_put(st, id, "interaction", now, cause);
	if (rc == 0) {
		s = store_stmt(st, STORE_SQL_INTERACTION_DELETE, cause);
		if (s == NULL || store_bind(st, s, cause, "i", rowid) != 0 ||
		    store_step_done(st, s, cause) != 0)
			rc = -1;
	}
	if (rc == 0)
		rc = store_rescore_ids(st, &ids, cause);
	store_ids_free(&ids);
	if (rc != 0)
		return err_wrap(cause, "removing an interaction: ");
	return 0;
}

/* Tags and contacts of one loaded interaction. */
static int store_interaction_fill(struct store *st, struct interaction *in, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_INTERACTION_TAGS, cause);
	if (s == NULL || store_bind(st, s, cause, "i", in->rowid) != 0)
		return -1;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1)
		strv_take(&in->tags, store_col_str(s, 0));
	if (rc != 0)
		return -1;
	s = store_stmt(st, STORE_SQL_INTERACTION_CONTACTS, cause);
	if (s == NULL || store_bind(st, s, cause, "i", in->rowid) != 0)
		return -1;
	size_t cap = 0;
	while ((rc = store_step(st, s, cause)) == 1) {
		if (in->ncontacts == cap) {
			cap = cap ? cap * 2 : 4;
			in->contacts = xreallocarray(in->contacts, cap, sizeof *in->contacts);
		}
		store_col_ref(s, 0, &in->contacts[in->ncontacts++]);
	}
	return rc;
}

static void store_interaction_load_columns(sqlite3_stmt *s, void *out)
{
	store_col_interaction(s, out);
}

static int store_interaction_load_parts(struct store *st, void *out, char **cause)
{
	return store_interaction_fill(st, out, cause);
}

static void store_interaction_load_free(void *out)
{
	interaction_free(out);
}

static const struct store_loader store_interaction_loader = {
	store_interaction_load_columns, store_interaction_load_parts, store_interaction_load_free};

static int store_interaction_load(struct store *st, enum store_stmt id, int64_t rowid,
                                  const char *uuid, struct interaction *out, char **cause)
{
	memset(out, 0, sizeof *out);
	return store_load(st, id, rowid, uuid, &store_interaction_loader, out, cause);
}

int store_interaction_get(struct store *st, int64_t rowid, struct interaction *out, char **cause)
{
	return store_interaction_load(st, STORE_SQL_INTERACTION_GET, rowid, NULL, out, cause);
}

int store_interaction_by_uuid(struct store *st, const char *uuid, struct interaction *out,
                              char **cause)
{
	return store_interaction_load(st, STORE_SQL_INTERACTION_GET_UUID, 0, uuid, out, cause);
}

/* ---- the timeline ---- */

/* The FROM and WHERE of a timeline query (parameters ?1 contact, ?2 since,
 * ?3 until, ?4 limit), ordered newest first unless it is a subquery (`sub`)
 * that has no limit. */
static void store_timeline_from(struct buf *b, const struct store_timeline_query *q, int sub)
{
	buf_puts(b, " FROM interaction i");
	if (q->contact_rowid != 0)
		buf_puts(b, " JOIN interaction_contact l ON l.interaction_id = i.id "
		            "AND l.contact_id = ?1");
	buf_puts(b, " WHERE 1");
	if (q->since != 0)
		buf_puts(b, " AND i.occurred_at >= ?2");
	if (q->until != 0)
		buf_puts(b, " AND i.occurred_at <= ?3");
	if (!sub || q->limit != 0)
		buf_puts(b, " ORDER BY i.occurred_at DESC, i.id DESC");
	if (q->limit != 0)
		buf_puts(b, " LIMIT ?4");
}

/* The statements of a timeline are kept (store_prepare_kept): moving the
 * selection reads the same few shapes of query again and again. sql is
 * prepared with the parameters ?1 ... ?4 of q (when NULL: none) and ?5 the
 * JSON array of rowids `set` (static until the statement is done). */
static sqlite3_stmt *store_timeline_prepare(struct store *st, const char *sql,
                                            const struct store_timeline_query *q,
                                            const char *set, char **cause)
{
	sqlite3_stmt *s = store_prepare_kept(st, sql, cause);
	if (s == NULL)
		return NULL;
	const struct store_timeline_query none = {0, 0, 0, 0};
	if (q == NULL)
		q = &none;
	const int64_t v[4] = {q->contact_rowid, q->since, q->until,
	                      q->limit > INT64_MAX ? INT64_MAX : (int64_t)q->limit};
	const char *const name[4] = {"?1", "?2", "?3", "?4"};
	int rc = SQLITE_OK;
	for (int i = 0; rc == SQLITE_OK && i < 4; i++) {
		int at = sqlite3_bind_parameter_index(s, name[i]);
		if (at > 0)
			rc = sqlite3_bind_int64(s, at, v[i]);
	}
	int at = sqlite3_bind_parameter_index(s, "?5");
	if (rc == SQLITE_OK && at > 0)
		rc = sqlite3_bind_text(s, at, set, -1, SQLITE_STATIC);
	if (rc != SQLITE_OK) {
		store_fail(st, sqlite3_errcode(st->db), cause);
		store_done(st, s);
		return NULL;
	}
	return s;
}

/* head, then the rowids of the interactions of the timeline q (ids NULL) or
 * of the JSON array ids (parameter ?5), then tail; prepared. */
static sqlite3_stmt *store_batch_prepare(struct store *st, const struct store_timeline_query *q,
                                         const char *ids, const char *head, const char *tail,
                                         char **cause)
{
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, head);
	if (ids != NULL) {
		buf_puts(&sql, "SELECT value FROM json_each(?5)");
	} else {
		buf_puts(&sql, "SELECT i.id");
		store_timeline_from(&sql, q, 1);
	}
	buf_puts(&sql, tail);
	sqlite3_stmt *s = store_timeline_prepare(st, buf_str(&sql), q, ids, cause);
	buf_free(&sql);
	return s;
}

/* Contacts (unless `tags_only`) and tags of the interactions v[0..n) of the
 * timeline q, or of the interactions whose rowids are the JSON array ids, in
 * a scan each. An interaction may be in v more than once (the timelines of
 * two of its contacts): each copy gets them. */
static int store_timeline_batch(struct store *st, const struct store_timeline_query *q,
                                const char *ids, int tags_only, struct interaction **v,
                                size_t n, char **cause)
{
	struct store_slot *slot = xreallocarray(NULL, n ? n : 1, sizeof *slot);
	for (size_t i = 0; i < n; i++) {
		slot[i].rowid = v[i]->rowid;
		slot[i].at = i;
	}
	store_slots_sort(slot, n);
	sqlite3_stmt *s = tags_only ? NULL : store_batch_prepare(st, q, ids,
	                                      "SELECT l2.interaction_id, c.id, c.uuid, c.name, "
	                                      "c.org FROM interaction_contact l2 "
	                                      "JOIN contact c ON c.id = l2.contact_id "
	                                      "WHERE l2.interaction_id IN (",
	                                      ") ORDER BY l2.interaction_id, l2.pos", cause);
	int rc = tags_only ? 0 : s == NULL ? -1 : 1;
	const struct store_slot *hit;
	while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
		int64_t id = sqlite3_column_int64(s, 0);
		hit = store_slots_find(slot, n, id);
		for (; hit != NULL && hit < slot + n && hit->rowid == id; hit++) {
			struct interaction *in = v[hit->at];
			in->contacts =
				xreallocarray(in->contacts, in->ncontacts + 1, sizeof *in->contacts);
			store_col_ref(s, 1, &in->contacts[in->ncontacts++]);
		}
	}
	store_done(st, s); /* the step's result was seen above */
	if (rc == 0) {
		s = store_batch_prepare(st, q, ids,
		                        "SELECT t.interaction_id, t.tag FROM interaction_tag t "
		                        "WHERE t.interaction_id IN (",
		                        ") ORDER BY t.interaction_id, t.tag", cause);
		rc = s == NULL ? -1 : 1;
		while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
			int64_t id = sqlite3_column_int64(s, 0);
			hit = store_slots_find(slot, n, id);
			for (; hit != NULL && hit < slot + n && hit->rowid == id; hit++)
				strv_take(&v[hit->at]->tags, store_col_str(s, 1));
		}
		store_done(st, s); /* the step's result was seen above */
	}
	free(slot);
	return rc;
}

static int store_timeline_read(struct store *st, const struct store_timeline_query *q,
                               struct interaction **out, size_t *n, char **cause)
{
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT " STORE_INTERACTION_COLS);
	store_timeline_from(&sql, q, 0);
	sqlite3_stmt *s = store_timeline_prepare(st, buf_str(&sql), q, NULL, cause);
	buf_free(&sql);
	if (s == NULL)
		return -1;
	struct interaction *v = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 32;
			v = xreallocarray(v, cap, sizeof *v);
		}
		store_col_interaction(s, &v[len++]);
	}
	store_done(st, s); /* the step's result was seen above */
	if (rc == 0 && len > STORE_BATCH_MIN) {
		struct interaction **at = xreallocarray(NULL, len, sizeof *at);
		for (size_t i = 0; i < len; i++)
			at[i] = &v[i];
		rc = store_timeline_batch(st, q, NULL, 0, at, len, cause);
		free(at);
	} else {
		for (size_t i = 0; rc == 0 && i < len; i++)
			rc = store_interaction_fill(st, &v[i], cause);
	}
	if (rc != 0) {
		interactions_free(v, len);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}

int store_timeline(struct store *st, const struct store_timeline_query *q, struct interaction **out,
                   size_t *n, char **cause)
{
	*out = NULL;
	*n = 0;
	struct store_timeline_query all = {0, 0, 0, 0};
	if (q == NULL)
		q = &all;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = store_timeline_read(st, q, out, n, cause);
	rc = store_snap_end(st, own, rc, cause);
	if (rc != 0 && *out != NULL) {
		interactions_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* ---- the timelines of many contacts ---- */

/* The JSON array of the rowids of v[0..n) (sorted), each once. */
static void store_set_json(struct buf *b, const struct store_slot *v, size_t n)
{
	buf_putc(b, '[');
	for (size_t i = 0; i < n; i++)
		if (i == 0 || v[i].rowid != v[i - 1].rowid)
			buf_printf(b, "%s%" PRId64, i ? "," : "", v[i].rowid);
	buf_putc(b, ']');
}

/* Newest first, as a timeline is ordered. */
static int store_timeline_cmp(const void *a, const void *b)
{
	const struct interaction *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? 1 : -1;
	return (x->rowid < y->rowid) - (x->rowid > y->rowid);
}

/* The JSON array of the interactions of the contacts `who` (JSON array
 * contacts) into *ids. Reading the interactions by rowid afterwards reads
 * the journal in its order rather than a page a row. */
static int store_timelines_ids(struct store *st, const char *contacts, struct buf *ids,
                               char **cause)
{
	sqlite3_stmt *s = store_timeline_prepare(st,
	                                         "SELECT interaction_id FROM interaction_contact "
	                                         "WHERE contact_id IN "
	                                         "(SELECT value FROM json_each(?5))",
	                                         NULL, contacts, cause);
	if (s == NULL)
		return -1;
	struct store_slot *v = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[len].rowid = sqlite3_column_int64(s, 0);
		v[len++].at = 0;
	}
	store_done(st, s); /* the step's result was seen above */
	store_slots_sort(v, len);
	store_set_json(ids, v, len);
	free(v);
	return rc;
}

/* Each interaction of ids once per contact of `who` it has, into that
 * contact's vector (unordered); *total: how many in all. */
static int store_timelines_rows(struct store *st, const char *ids, const struct store_slot *who,
                                size_t n, struct interaction **out, size_t *counts,
                                size_t *total, char **cause)
{
	sqlite3_stmt *s = store_timeline_prepare(
		st,
		"SELECT " STORE_INTERACTION_COLS ", l.contact_id FROM interaction i "
		"JOIN interaction_contact l ON l.interaction_id = i.id "
		"WHERE i.id IN (SELECT value FROM json_each(?5))",
		NULL, ids, cause);
	if (s == NULL)
		return -1;
	size_t *cap = xcalloc(n, sizeof *cap);
	const struct store_slot *hit;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		if ((hit = store_slots_find(who, n, sqlite3_column_int64(s, 10))) == NULL)
			continue;
		size_t k = hit->at;
		if (counts[k] == cap[k]) {
			cap[k] = cap[k] ? cap[k] * 2 : 8;
			out[k] = xreallocarray(out[k], cap[k], sizeof *out[k]);
		}
		store_col_interaction(s, &out[k][counts[k]++]);
		(*total)++;
	}
	store_done(st, s); /* the step's result was seen above */
	free(cap);
	return rc;
}

static int store_timelines_read(struct store *st, const int64_t *contacts, size_t n,
                                struct interaction **out, size_t *counts, char **cause)
{
	struct store_slot *who = xreallocarray(NULL, n, sizeof *who);
	for (size_t i = 0; i < n; i++) {
		who[i].rowid = contacts[i];
		who[i].at = i;
	}
	store_slots_sort(who, n);
	struct buf set, ids;
	buf_init(&set);
	buf_init(&ids);
	store_set_json(&set, who, n);
	size_t total = 0;
	int rc = store_timelines_ids(st, buf_str(&set), &ids, cause);
	if (rc == 0)
		rc = store_timelines_rows(st, buf_str(&ids), who, n, out, counts, &total, cause);
	if (rc == 0 && total > 0) {
		struct interaction **at = xreallocarray(NULL, total, sizeof *at);
		size_t m = 0;
		for (size_t k = 0; k < n; k++) {
			if (counts[k] > 1)
				qsort(out[k], counts[k], sizeof *out[k], store_timeline_cmp);
			for (size_t j = 0; j < counts[k]; j++)
				at[m++] = &out[k][j];
		}
		rc = store_timeline_batch(st, NULL, buf_str(&ids), 1, at, total, cause);
		free(at);
	}
	buf_free(&set);
	buf_free(&ids);
	free(who);
	return rc;
}

int store_timelines(struct store *st, const int64_t *contacts, size_t n,
                    struct interaction **out, size_t *counts, char **cause)
{
	for (size_t i = 0; i < n; i++) {
		out[i] = NULL;
		counts[i] = 0;
	}
	if (n == 0)
		return 0;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = store_timelines_read(st, contacts, n, out, counts, cause);
	rc = store_snap_end(st, own, rc, cause);
	if (rc != 0) {
		for (size_t i = 0; i < n; i++) {
			interactions_free(out[i], counts[i]);
			out[i] = NULL;
			counts[i] = 0;
		}
	}
	return rc;
}
