/* store_rank.c: the contacts as ranking sees them (store.h store_contact_rank).
 * Each contact row keeps a rank value, one BLOB packing what a score needs
 * (kith_rank() writes it, in step with every write to those columns); the
 * scans read it from the covering index contact_rank, which orders each
 * circle by what its contacts are owed. Family tags come from
 * the tag index. Part of the store; the only SQLite code is in store*.c. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store.h"
#include "store_int.h"


/* The rank value, little-endian: version, circle, cadence (i32), created,
 * snoozed (i64), uuid text, then the score cache (i64 ref_at, f64 warm, gave,
 * got, i64 last, first, max, n, n_service). */
#define STORE_RANK_VERSION 1
#define STORE_RANK_LEN (2 + 4 + 8 + 8 + ID_LEN + 9 * 8)

static void store_rank_put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* Eight bytes, little-endian: one load where the machine is little-endian
 * (the test is folded away by the compiler), bytes assembled elsewhere. A
 * scan unpacks eleven of these a contact. */
static uint64_t store_rank_get64(const unsigned char *p)
{
	const uint16_t one = 1;
	unsigned char first;
	memcpy(&first, &one, 1);
	uint64_t v = 0;
	if (first == 1) {
		memcpy(&v, p, sizeof v);
		return v;
	}
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static void store_rank_putd(unsigned char *p, double d)
{
	uint64_t v;
	memcpy(&v, &d, sizeof v);
	store_rank_put64(p, v);
}

static double store_rank_getd(const unsigned char *p)
{
	uint64_t v = store_rank_get64(p);
	double d;
	memcpy(&d, &v, sizeof d);
	return d;
}

/* kith_rank(circle, cadence_days, created_at, snoozed_until, uuid, sc_ref_at,
 * sc_warm, sc_gave, sc_got, sc_last_at, sc_first_at, sc_max_at, sc_n,
 * sc_n_service): the packed rank value. */
static void store_rank_fn_pack(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	unsigned char b[STORE_RANK_LEN];
	memset(b, 0, sizeof b);
	enum circle circle = CIRCLE_OUTER;
	if (argc != 14) {
		sqlite3_result_error(ctx, "kith_rank: bad arguments", -1);
		return;
	}
	/* no rank for a row the table's CHECK turns away (the contact insert
	 * computes the rank before the check) */
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	if (name == NULL || model_circle_parse(name, &circle) != 0) {
		sqlite3_result_null(ctx);
		return;
	}
	b[0] = STORE_RANK_VERSION;
	b[1] = (unsigned char)circle;
	int32_t cadence = sqlite3_value_type(argv[1]) == SQLITE_NULL
	                          ? -1
	                          : (int32_t)sqlite3_value_int(argv[1]);
	for (int i = 0; i < 4; i++)
		b[2 + i] = (unsigned char)((uint32_t)cadence >> (8 * i));
	store_rank_put64(b + 6, (uint64_t)sqlite3_value_int64(argv[2]));
	store_rank_put64(b + 14, (uint64_t)sqlite3_value_int64(argv[3]));
	const unsigned char *uuid = sqlite3_value_text(argv[4]);
	if (uuid != NULL && sqlite3_value_bytes(argv[4]) == ID_LEN)
		memcpy(b + 22, uuid, ID_LEN);
	unsigned char *sc = b + 22 + ID_LEN;
	store_rank_put64(sc, (uint64_t)sqlite3_value_int64(argv[5]));
	for (int i = 0; i < 3; i++)
		store_rank_putd(sc + 8 + 8 * i, sqlite3_value_double(argv[6 + i]));
	for (int i = 0; i < 5; i++)
		store_rank_put64(sc + 32 + 8 * i, (uint64_t)sqlite3_value_int64(argv[9 + i]));
	sqlite3_result_blob(ctx, b, sizeof b, SQLITE_TRANSIENT);
}

/* Unpacks a rank value; -1 when it is not one (a row written before it). */
static int store_rank_unpack(const unsigned char *b, int len, struct store_rank_row *r)
{
	if (b == NULL || len != STORE_RANK_LEN || b[0] != STORE_RANK_VERSION || b[1] >= CIRCLE_COUNT)
		return -1;
	r->subj.circle = (enum circle)b[1];
	uint32_t cadence = 0;
	for (int i = 0; i < 4; i++)
		cadence |= (uint32_t)b[2 + i] << (8 * i);
	r->subj.cadence_days = (int32_t)cadence;
	r->subj.created_at = (int64_t)store_rank_get64(b + 6);
	r->snoozed_until = (int64_t)store_rank_get64(b + 14);
	memcpy(r->id, b + 22, ID_LEN);
	r->id[ID_LEN] = '\0';
	const unsigned char *sc = b + 22 + ID_LEN;
	r->sc.ref_at = (int64_t)store_rank_get64(sc);
	r->sc.warm_sum = store_rank_getd(sc + 8);
	r->sc.gave_sum = store_rank_getd(sc + 16);
	r->sc.got_sum = store_rank_getd(sc + 24);
	r->sc.last_at = (int64_t)store_rank_get64(sc + 32);
	r->sc.first_at = (int64_t)store_rank_get64(sc + 40);
	r->sc.max_at = (int64_t)store_rank_get64(sc + 48);
	r->sc.n = (int64_t)store_rank_get64(sc + 56);
	r->sc.n_service = (int64_t)store_rank_get64(sc + 64);
	return 0;
}

int store_rank_register(sqlite3 *db)
{
	return sqlite3_create_function_v2(db, "kith_rank", 14,
	                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                                  NULL, store_rank_fn_pack, NULL, NULL, NULL);
}

int store_rank_refresh(struct store *st, int64_t rowid, char **cause)
{
	return store_run_id(st, STORE_SQL_RANK_SET, rowid, cause);
}

/* A row without a rank value: read its columns instead. */
static int store_rank_columns(struct store *st, int64_t rowid, struct store_rank_row *r,
                              char **cause)
{
	struct contact c;
	int rc = store_contact_get(st, rowid, &c, cause);
	if (rc != 0)
		return rc < 0 ? -1 : err_set(cause, "the contact is " STORE_CONTACT_GONE);
	r->subj.circle = c.circle;
	r->subj.cadence_days = c.cadence_days;
	r->subj.created_at = c.created_at;
	r->snoozed_until = c.snoozed_until;
	memcpy(r->id, c.id, sizeof r->id);
	r->sc = c.sc;
	contact_free(&c);
	return 0;
}

static int store_rank_cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

int store_rank_family(struct store *st, int64_t **ids, size_t *n, char **cause)
{
	*ids = NULL;
	*n = 0;
	if (st->params.family_tag[0] == '\0')
		return 0;
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT contact_id FROM contact_tag INDEXED BY contact_tag_by_tag WHERE ");
	store_tag_sql(&sql, "tag", 1);
	sqlite3_stmt *s = store_prepare(st, buf_str(&sql), cause);
	buf_free(&sql);
	if (s == NULL)
		return -1;
	int rc = store_tag_bind(st, s, 1, st->params.family_tag, cause);
	size_t cap = 0;
	while (rc == 0 && (rc = store_step(st, s, cause)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*ids = xreallocarray(*ids, cap, sizeof **ids);
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	if (rc < 0)
		return -1;
	if (*n > 1)
		qsort(*ids, *n, sizeof **ids, store_rank_cmp_id);
	return 0;
}

int store_rank_row_fill(struct store *st, int64_t rowid, const void *blob, int len,
                        const int64_t *family, size_t nfamily, struct store_rank_row *r,
                        char **cause)
{
	r->rowid = rowid;
	if (store_rank_unpack(blob, len, r) != 0 && store_rank_columns(st, rowid, r, cause) != 0)
		return -1;
	r->subj.family = nfamily > 0 && bsearch(&rowid, family, nfamily, sizeof *family,
	                                        store_rank_cmp_id) != NULL;
	return 0;
}

void store_rank_sql(struct buf *sql, const struct store_contact_filter *f,
                    enum store_rank_order order, int64_t now)
{
	buf_puts(sql, "SELECT c.id, c.rank FROM contact c WHERE 1");
	if (order != STORE_RANK_FUTURE) {
		store_filter_sql(sql, f);
		if (order == STORE_RANK_OWED)
			buf_puts(sql, " ORDER BY c.sc_got - c.sc_gave DESC");
		return;
	}
	/* the contacts not archived with "+", which no index serves: without
	 * the statistics it is never given, SQLite would scan contact_rank for
	 * them rather than contact_future for the times (and a journal made
	 * before contact_future is scanned whole, slower but right) */
	struct store_contact_filter any = *f;
	any.archived = 1;
	store_filter_sql(sql, &any);
	if (!f->archived)
		buf_puts(sql, " AND +c.archived_at IS NULL");
	buf_printf(sql, " AND c.sc_max_at > %" PRId64, now);
}

/* The scan behind each store_contact_rank*. */
static int store_rank_read(struct store *st, const struct store_contact_filter *f,
                           enum store_rank_order order, int64_t now, store_rank_fn fn, void *arg,
                           char **cause)
{
	int64_t *family = NULL;
	size_t nfamily = 0;
	if (store_rank_family(st, &family, &nfamily, cause) != 0)
		return -1;
	struct buf sql;
	buf_init(&sql);
	store_rank_sql(&sql, f, order, now);
	sqlite3_stmt *s = store_prepare(st, buf_str(&sql), cause);
	buf_free(&sql);
	if (s == NULL) {
		free(family);
		return -1;
	}
	int rc = store_filter_bind(st, s, f, cause);
	struct store_rank_row row;
	while (rc == 0 && (rc = store_step(st, s, cause)) == 1) {
		if (store_rank_row_fill(st, sqlite3_column_int64(s, 0), sqlite3_column_blob(s, 1),
		                        sqlite3_column_bytes(s, 1), family, nfamily, &row, cause) != 0) {
			rc = -1;
			break;
		}
		rc = fn(arg, &row, cause);
	}
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	free(family);
	return rc < 0 ? -1 : 0;
}

static int store_rank_scan(struct store *st, const struct store_contact_filter *f,
                           enum store_rank_order order, int64_t now, store_rank_fn fn, void *arg,
                           char **cause)
{
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	int rc = store_rank_read(st, f, order, now, fn, arg, cause);
	return store_snap_end(st, own, rc, cause);
}

int store_contact_rank(struct store *st, const struct store_contact_filter *f, store_rank_fn fn,
                       void *arg, char **cause)
{
	return store_rank_scan(st, f, STORE_RANK_ANY, 0, fn, arg, cause);
}

int store_contact_rank_owed(struct store *st, const struct store_contact_filter *f,
                            store_rank_fn fn, void *arg, char **cause)
{
	return store_rank_scan(st, f, STORE_RANK_OWED, 0, fn, arg, cause);
}

int store_contact_rank_future(struct store *st, const struct store_contact_filter *f,
                              int64_t now, store_rank_fn fn, void *arg, char **cause)
{
	return store_rank_scan(st, f, STORE_RANK_FUTURE, now, fn, arg, cause);
}
