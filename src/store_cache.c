/* store_cache.c: the score cache kept in each contact's row (DESIGN.md §3,
 * §4): O(1) update on an added interaction, rebuilds from the interactions,
 * the parameter digest. Depends on sqlite3 and score.h. */
#include "store_int.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#define STORE_DIGEST_KEY "score_digest"

void store_col_cache(sqlite3_stmt *s, int col, struct score_cache *sc)
{
	sc->ref_at = sqlite3_column_int64(s, col);
	sc->warm_sum = sqlite3_column_double(s, col + 1);
	sc->gave_sum = sqlite3_column_double(s, col + 2);
	sc->got_sum = sqlite3_column_double(s, col + 3);
	sc->last_at = sqlite3_column_int64(s, col + 4);
	sc->first_at = sqlite3_column_int64(s, col + 5);
	sc->max_at = sqlite3_column_int64(s, col + 6);
	sc->n = sqlite3_column_int64(s, col + 7);
	sc->n_service = sqlite3_column_int64(s, col + 8);
}

static int store_sum_differs(double a, double b)
{
	double scale = fmax(1.0, fmax(fabs(a), fabs(b)));
	return !(fabs(a - b) <= 1e-9 * scale);
}

int store_cache_differs(const struct score_cache *a, const struct score_cache *b)
{
	return a->ref_at != b->ref_at || a->last_at != b->last_at || a->first_at != b->first_at ||
	       a->max_at != b->max_at || a->n != b->n || a->n_service != b->n_service ||
	       store_sum_differs(a->warm_sum, b->warm_sum) ||
	       store_sum_differs(a->gave_sum, b->gave_sum) ||
	       store_sum_differs(a->got_sum, b->got_sum);
}

int store_contact_is_family(struct store *st, int64_t rowid, int *family, char **cause)
{
	sqlite3_stmt *s;
	if (store_contact_row(st, STORE_SQL_CONTACT_HAS_TAG, rowid, st->params.family_tag, &s,
	                      cause) != 0)
		return -1;
	*family = st->params.family_tag[0] != '\0' && sqlite3_column_int(s, 0) != 0;
	store_reset(s);
	return 0;
}

int store_cache_set(struct store *st, int64_t rowid, const struct score_cache *sc, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_CACHE_SET, cause);
	if (s == NULL ||
	    store_bind(st, s, cause,
	               "iiddd"
	               "iiiii",
	               rowid, sc->ref_at, sc->warm_sum, sc->gave_sum, sc->got_sum, sc->last_at,
	               sc->first_at, sc->max_at, sc->n, sc->n_service) != 0 ||
	    store_step_done(st, s, cause) != 0)
		return -1;
	return store_rank_refresh(st, rowid, cause);
}

int store_cache_add(struct store *st, int64_t rowid, const struct score_event *ev, char **cause)
{
	sqlite3_stmt *s;
	if (store_contact_row(st, STORE_SQL_CACHE_GET, rowid, st->params.family_tag, &s, cause) != 0)
		return -1;
	struct score_cache sc;
	store_col_cache(s, 0, &sc);
	int family = st->params.family_tag[0] != '\0' && sqlite3_column_int(s, 9) != 0;
	store_reset(s);
	score_cache_add(&sc, &st->params, ev, family);
	return store_cache_set(st, rowid, &sc, cause);
}

/* An event from five columns from col: occurred_at, kind, direction, deep,
 * service. */
static int store_col_event(struct store *st, sqlite3_stmt *s, int col, struct score_event *ev,
                           char **cause)
{
	const char *kind = (const char *)sqlite3_column_text(s, col + 1);
	const char *dir = (const char *)sqlite3_column_text(s, col + 2);
	ev->at = sqlite3_column_int64(s, col);
	ev->deep = sqlite3_column_int(s, col + 3) != 0;
	ev->service = store_col_service(s, col + 4);
	if (kind == NULL || model_ikind_parse(kind, &ev->kind) != 0 || dir == NULL ||
	    model_direction_parse(dir, &ev->dir) != 0)
		return err_set(cause,
		               "%s is damaged: an interaction of kind \"%s\" and direction "
		               "\"%s\"; restore a backup",
		               st->path, kind ? kind : "", dir ? dir : "");
	return 0;
}

int store_contact_events(struct store *st, int64_t rowid, struct score_event **out, size_t *n,
                         char **cause)
{
	*out = NULL;
	*n = 0;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	struct score_event *v = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_CONTACT_EVENTS, cause);
	int rc = s == NULL || store_bind(st, s, cause, "i", rowid) != 0 ? -1 : 1;
	while (rc == 1 && (rc = store_step(st, s, cause)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		if (store_col_event(st, s, 0, &v[len++], cause) != 0) {
			store_reset(s);
			rc = -1;
		}
	}
	rc = store_snap_end(st, own, rc, cause);
	if (rc != 0) {
		free(v);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}

int store_tx_rescore(struct store *st, int64_t contact_rowid, char **cause)
{
	if (store_need_write(st, cause) != 0)
		return -1;
	int family;
	struct score_event *ev;
	size_t n;
	if (store_contact_is_family(st, contact_rowid, &family, cause) != 0 ||
	    store_contact_events(st, contact_rowid, &ev, &n, cause) != 0)
		return -1;
	struct score_cache sc;
	score_cache_build(&sc, &st->params, ev, n, family);
	free(ev);
	return store_cache_set(st, contact_rowid, &sc, cause);
}

int store_rescore_ids(struct store *st, const struct store_ids *ids, char **cause)
{
	for (size_t i = 0; i < ids->n; i++)
		if (store_tx_rescore(st, ids->v[i], cause) != 0)
			return -1;
	return 0;
}

/* A contact whose cache differed, kept until the scans end. */
struct store_fix {
	int64_t rowid;
	struct score_cache was, now_is;
};

/* Scans every contact with its stored cache, and every link ordered by
 * contact, in step; records the caches that differ from a rebuild. */
static int store_rescore_scan(struct store *st, struct store_fix **fixes, size_t *nfix,
                              char **cause)
{
	sqlite3_stmt *cs = store_prepare(st,
	                                 "SELECT c.id, c.sc_ref_at, c.sc_warm, c.sc_gave, "
	                                 "c.sc_got, c.sc_last_at, c.sc_first_at, c.sc_max_at, "
	                                 "c.sc_n, c.sc_n_service, EXISTS (SELECT 1 FROM "
	                                 "contact_tag t WHERE t.contact_id = c.id AND t.tag = ?1 "
	                                 "COLLATE NOCASE) "
	                                 "FROM contact c ORDER BY c.id",
	                                 cause);
	if (cs == NULL)
		return -1;
	sqlite3_stmt *es = store_prepare(st,
	                                 "SELECT l.contact_id, i.occurred_at, i.kind, "
	                                 "i.direction, i.deep, i.service "
	                                 "FROM interaction_contact l "
	                                 "JOIN interaction i ON i.id = l.interaction_id "
	                                 "ORDER BY l.contact_id",
	                                 cause);
	if (es == NULL) {
		(void)sqlite3_finalize(cs);
		return -1;
	}
	struct score_event *ev = NULL;
	size_t nev = 0, cap = 0, fcap = 0;
	int rc = store_bind(st, cs, cause, "t", st->params.family_tag);
	int erc = rc == 0 ? store_step(st, es, cause) : -1; /* 1: es holds the next link */
	while (rc == 0 && erc >= 0 && (rc = store_step(st, cs, cause)) == 1) {
		rc = 0;
		int64_t id = sqlite3_column_int64(cs, 0);
		struct score_cache was, now_is;
		store_col_cache(cs, 1, &was);
		int family = st->params.family_tag[0] != '\0' && sqlite3_column_int(cs, 10) != 0;
		nev = 0;
		/* links of contacts that no longer exist cannot be: foreign keys */
		while (erc == 1 && sqlite3_column_int64(es, 0) <= id) {
			if (sqlite3_column_int64(es, 0) == id) {
				if (nev == cap) {
					cap = cap ? cap * 2 : 64;
					ev = xreallocarray(ev, cap, sizeof *ev);
				}
				if (store_col_event(st, es, 1, &ev[nev++], cause) != 0) {
					erc = -1;
					break;
				}
			}
			erc = store_step(st, es, cause);
		}
		if (erc < 0)
			break;
		score_cache_build(&now_is, &st->params, ev, nev, family);
		if (store_cache_differs(&was, &now_is)) {
			if (*nfix == fcap) {
				fcap = fcap ? fcap * 2 : 16;
				*fixes = xreallocarray(*fixes, fcap, sizeof **fixes);
			}
			(*fixes)[*nfix].rowid = id;
			(*fixes)[*nfix].was = was;
			(*fixes)[(*nfix)++].now_is = now_is;
		}
	}
	free(ev);
	if (erc < 0 && rc == 0)
		rc = -1;
	(void)sqlite3_finalize(cs); /* both repeat a step error already reported */
	(void)sqlite3_finalize(es);
	return rc < 0 ? -1 : 0;
}

int store_tx_rescore_all(struct store *st, store_rescore_report report, void *arg, size_t *ndiffer,
                         char **cause)
{
	*ndiffer = 0;
	if (store_need_write(st, cause) != 0)
		return -1;
	struct store_fix *fixes = NULL;
	size_t nfix = 0;
	int rc = store_rescore_scan(st, &fixes, &nfix, cause);
	for (size_t i = 0; rc == 0 && i < nfix; i++) {
		if (report != NULL) {
			struct contact_ref who;
			memset(&who, 0, sizeof who);
			sqlite3_stmt *s = store_stmt(st, STORE_SQL_CONTACT_REF, cause);
			if (s == NULL || store_bind(st, s, cause, "i", fixes[i].rowid) != 0 ||
			    store_step(st, s, cause) != 1) {
				rc = -1;
				break;
			}
			store_col_ref(s, 0, &who);
			store_reset(s);
			report(arg, &who, &fixes[i].was, &fixes[i].now_is);
			contact_ref_free(&who);
		}
		rc = store_cache_set(st, fixes[i].rowid, &fixes[i].now_is, cause);
	}
	free(fixes);
	if (rc != 0)
		return -1;
	*ndiffer = nfix;
	return 0;
}

int store_digest_save(struct store *st, char **cause)
{
	char hex[24];
	snprintf(hex, sizeof hex, "%016" PRIx64, score_params_digest(&st->params));
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_META_SET, cause);
	if (s == NULL || store_bind(st, s, cause, "tt", STORE_DIGEST_KEY, hex) != 0)
		return -1;
	return store_step_done(st, s, cause);
}

int store_digest_check(struct store *st, int *same, char **cause)
{
	char hex[24];
	snprintf(hex, sizeof hex, "%016" PRIx64, score_params_digest(&st->params));
	*same = 0;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, STORE_SQL_META_GET, cause);
	int rc = s == NULL || store_bind(st, s, cause, "t", STORE_DIGEST_KEY) != 0
	                 ? -1
	                 : store_step(st, s, cause);
	if (rc == 1) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		*same = t != NULL && strcmp(t, hex) == 0;
		store_reset(s);
		rc = 0;
	}
	return store_snap_end(st, own, rc, cause) < 0 ? -1 : 0;
}

int store_contact_score(struct store *st, const struct contact *c, const struct score_params *p,
                        int64_t now, struct score *out, char **cause)
{
	if (!score_cache_has_future(&c->sc, now)) {
		score_compute(out, c, p, now);
		return 0;
	}
	struct score_event *ev = NULL;
	size_t n = 0;
	if (store_contact_events(st, c->rowid, &ev, &n, cause) != 0)
		return -1;
	score_compute_events(out, c, p, ev, n, now);
	free(ev);
	return 0;
}
