/* store_find.c: the lookups behind mentions and CONTACT arguments: uuid
 * prefix, folded full name, prefixes of folded name words, email, and every
 * name for completion (DESIGN.md §5, §7). Depends on sqlite3. */
#include "store_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

/* Archived contacts after the others, then by name. */
#define STORE_REF_ORDER " ORDER BY (c.archived_at IS NOT NULL), c.name_folded, c.name, c.id"

/* Collects the contact_refs of the statement's rows (rowid, uuid, name, org
 * from column 0): at most limit (0: all), counting them all in *total. */
static int store_refs_collect(struct store *st, sqlite3_stmt *s, size_t limit,
                              struct contact_ref **out, size_t *n, size_t *total, char **cause)
{
	struct contact_ref *v = NULL;
	size_t len = 0, cap = 0, all = 0;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		all++;
		if (limit != 0 && len >= limit) {
			if (total == NULL) {
				store_reset(s);
				rc = 0;
				break;
			}
			continue;
		}
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		store_col_ref(s, 0, &v[len++]);
	}
	if (rc != 0) {
		contact_refs_free(v, len);
		return -1;
	}
	*out = v;
	*n = len;
	if (total != NULL)
		*total = all;
	return 0;
}

/* Runs sql (prepared for one use) with text parameters and collects refs. */
static int store_refs_query(struct store *st, const char *sql, const char *const *texts,
                            const size_t *lens, size_t ntexts, size_t limit,
                            struct contact_ref **out, size_t *n, size_t *total, char **cause)
{
	*out = NULL;
	*n = 0;
	if (total != NULL)
		*total = 0;
	int own;
	if (store_snap_begin(st, &own, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st, sql, cause);
	int rc = s == NULL ? -1 : 0;
	for (size_t i = 0; rc == 0 && i < ntexts; i++)
		if (sqlite3_bind_text(s, (int)i + 1, texts[i], lens ? (int)lens[i] : -1,
		                      SQLITE_STATIC) != SQLITE_OK)
			rc = store_fail(st, sqlite3_errcode(st->db), cause);
	if (rc == 0)
		rc = store_refs_collect(st, s, limit, out, n, total, cause);
	(void)sqlite3_finalize(s); /* repeats the step's result, seen above */
	return store_snap_end(st, own, rc, cause);
}

/* The bounds of a prefix range: every string starting with p sorts at or
 * after p and before p followed by byte 0xFF, which UTF-8 never contains. */
static char *store_upper(const char *p)
{
	return xasprintf("%s\xff", p);
}

int store_contact_find_prefix(struct store *st, const char *prefix, size_t limit,
                              struct contact_ref **out, size_t *n, char **cause)
{
	char *lo = xstrdup(prefix);
	for (char *p = lo; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	char *hi = store_upper(lo);
	const char *texts[] = {lo, hi};
	int rc = store_refs_query(st,
	                          "SELECT c.id, c.uuid, c.name, c.org FROM contact c "
	                          "WHERE c.uuid >= ?1 AND c.uuid < ?2 ORDER BY c.uuid",
	                          texts, NULL, 2, limit, out, n, NULL, cause);
	free(lo);
	free(hi);
	return rc;
}

int store_contact_find_exact(struct store *st, const char *folded, size_t limit,
                             struct contact_ref **out, size_t *n, char **cause)
{
	const char *texts[] = {folded};
	return store_refs_query(st,
	                        "SELECT c.id, c.uuid, c.name, c.org FROM contact c "
	                        "WHERE c.name_folded = ?1" STORE_REF_ORDER,
	                        texts, NULL, 1, limit, out, n, NULL, cause);
}

int store_contact_find_words(struct store *st, char *const *words, size_t nwords, size_t limit,
                             struct contact_ref **out, size_t *n, size_t *total, char **cause)
{
	struct buf sql;
	buf_init(&sql);
	buf_puts(&sql, "SELECT c.id, c.uuid, c.name, c.org FROM contact c WHERE 1");
	const char **texts = xreallocarray(NULL, 2 * nwords + 1, sizeof *texts);
	char **uppers = xreallocarray(NULL, nwords + 1, sizeof *uppers);
	size_t nt = 0, nu = 0;
	for (size_t i = 0; i < nwords; i++) {
		if (words[i] == NULL || words[i][0] == '\0')
			continue; /* every name has a word starting with "" */
		uppers[nu] = store_upper(words[i]);
		texts[nt++] = words[i];
		texts[nt++] = uppers[nu++];
		buf_printf(&sql,
		           " AND c.id IN (SELECT w.contact_id FROM contact_word w "
		           "WHERE w.word >= ?%zu AND w.word < ?%zu)",
		           nt - 1, nt);
	}
	buf_puts(&sql, STORE_REF_ORDER);
	size_t all = 0;
	int rc = store_refs_query(st, buf_str(&sql), texts, NULL, nt, limit, out, n, &all, cause);
	if (total != NULL)
		*total = all;
	for (size_t i = 0; i < nu; i++)
		free(uppers[i]);
	free(uppers);
	free(texts);
	buf_free(&sql);
	return rc;
}

int store_contact_find_email(struct store *st, const char *email, size_t limit,
                             struct contact_ref **out, size_t *n, char **cause)
{
	const char *texts[] = {email};
	return store_refs_query(
		st,
		"SELECT c.id, c.uuid, c.name, c.org FROM contact c "
		"WHERE c.id IN (SELECT f.contact_id FROM contact_field f "
		"WHERE f.kind = 'email' AND lower(f.value) = lower(?1))" STORE_REF_ORDER,
		texts, NULL, 1, limit, out, n, NULL, cause);
}

int store_contact_names(struct store *st, struct contact_ref **out, size_t *n, char **cause)
{
	return store_refs_query(st,
	                        "SELECT c.id, c.uuid, c.name, c.org FROM contact c "
	                        "ORDER BY c.name_folded, c.name, c.id",
	                        NULL, NULL, 0, 0, out, n, NULL, cause);
}
