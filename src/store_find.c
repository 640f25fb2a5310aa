/* store_find.c: the lookups behind mentions and CONTACT arguments: uuid
 * prefix, folded full name, prefixes of folded name words, email, and every
 * name for completion (DESIGN.md §5, §7); the terms of a contact filter and
 * of a tag compared without case. Depends on sqlite3. */
#include "store_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

/* Archived contacts after the others, then by name. */
#define STORE_REF_ORDER " ORDER BY (c.archived_at IS NOT NULL), c.name_folded, c.name, c.id"

/* Collects the contact_refs of the statement's rows (rowid, uuid, name, org
 * from column 0): at most limit (0: all), counting them all in *total. A row
 * of the contact of the row before is left out: a join gives a contact once
 * for each of its rows that matched, and the order ends with the rowid. */
static int store_refs_collect(struct store *st, sqlite3_stmt *s, size_t limit,
                              struct contact_ref **out, size_t *n, size_t *total, char **cause)
{
	struct contact_ref *v = NULL;
	size_t len = 0, cap = 0, all = 0;
	int64_t last = 0;
	int rc;
	while ((rc = store_step(st, s, cause)) == 1) {
		int64_t rowid = sqlite3_column_int64(s, 0);
		if (all > 0 && rowid == last)
			continue;
		last = rowid;
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

/* Runs sql (kept prepared: an import runs the same lookups per record) with
 * text parameters and collects refs. */
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
	sqlite3_stmt *s = store_prepare_kept(st, sql, cause);
	int rc = s == NULL ? -1 : 0;
	for (size_t i = 0; rc == 0 && i < ntexts; i++)
		if (sqlite3_bind_text(s, (int)i + 1, texts[i], lens ? (int)lens[i] : -1,
		                      SQLITE_STATIC) != SQLITE_OK)
			rc = store_fail(st, sqlite3_errcode(st->db), cause);
	if (rc == 0)
		rc = store_refs_collect(st, s, limit, out, n, total, cause);
	store_done(st, s);
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
		/* a join on the index of addresses: IN (SELECT ...) would build a
		 * temporary table of the matches every time */
		"SELECT c.id, c.uuid, c.name, c.org FROM contact_field f "
		"JOIN contact c ON c.id = f.contact_id "
		"WHERE f.kind = 'email' AND lower(f.value) = lower(?1)" STORE_REF_ORDER,
		texts, NULL, 1, limit, out, n, NULL, cause);
}

int store_contact_names(struct store *st, struct contact_ref **out, size_t *n, char **cause)
{
	return store_refs_query(st,
	                        "SELECT c.id, c.uuid, c.name, c.org FROM contact c "
	                        "ORDER BY c.name_folded, c.name, c.id",
	                        NULL, NULL, 0, 0, out, n, NULL, cause);
}

void store_tag_sql(struct buf *sql, const char *col, int n)
{
	/* two ranges, by the case of the first letter: "FAMILY".."Family" and
	 * "fAMILY".."family" hold every variant, where "FAMILY".."family" would
	 * hold every tag from G to e as well */
	buf_printf(sql,
	           "((%s BETWEEN ?%d AND substr(?%d, 1, 1) || substr(?%d, 2) OR "
	           "%s BETWEEN substr(?%d, 1, 1) || substr(?%d, 2) AND ?%d) "
	           "AND %s = ?%d COLLATE NOCASE)",
	           col, n, n, n + 1, col, n + 1, n, n + 1, col, n + 2);
}

int store_tag_bind(struct store *st, sqlite3_stmt *s, int n, const char *tag, char **cause)
{
	char *lo = xstrdup(tag), *hi = xstrdup(tag);
	for (size_t i = 0; lo[i] != '\0'; i++) {
		if (lo[i] >= 'a' && lo[i] <= 'z')
			lo[i] = (char)(lo[i] - 32);
		if (hi[i] >= 'A' && hi[i] <= 'Z')
			hi[i] = (char)(hi[i] + 32);
	}
	int rc = 0;
	if (sqlite3_bind_text(s, n, lo, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(s, n + 1, hi, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(s, n + 2, tag, -1, SQLITE_TRANSIENT) != SQLITE_OK)
		rc = store_fail(st, sqlite3_errcode(st->db), cause);
	free(lo);
	free(hi);
	return rc;
}

static unsigned store_filter_circles(const struct store_contact_filter *f)
{
	unsigned bits = f->circles & ((1u << CIRCLE_COUNT) - 1);
	if (f->circle >= 0 && f->circle < CIRCLE_COUNT)
		bits |= 1u << f->circle;
	return bits;
}

void store_filter_sql(struct buf *sql, const struct store_contact_filter *f)
{
	if (f == NULL || !f->archived)
		buf_puts(sql, " AND c.archived_at IS NULL");
	if (f == NULL)
		return;
	unsigned bits = store_filter_circles(f);
	if (bits != 0) {
		const char *sep = " AND c.circle IN (";
		for (int i = 0; i < CIRCLE_COUNT; i++) {
			if (bits & (1u << i)) {
				buf_printf(sql, "%s'%s'", sep, model_circle_name((enum circle)i));
				sep = ", ";
			}
		}
		buf_putc(sql, ')');
	}
	size_t ntags = (f->tag != NULL) + (f->tags != NULL ? f->ntags : 0);
	if (ntags == 0)
		return;
	buf_puts(sql, " AND c.id IN (SELECT contact_id FROM contact_tag WHERE ");
	for (size_t i = 0; i < ntags; i++) {
		if (i > 0)
			buf_puts(sql, " OR ");
		store_tag_sql(sql, "tag", (int)(3 * i + 1));
	}
	buf_putc(sql, ')');
}

int store_filter_bind(struct store *st, sqlite3_stmt *s, const struct store_contact_filter *f,
                      char **cause)
{
	if (f == NULL)
		return 0;
	int n = 1;
	if (f->tag != NULL) {
		if (store_tag_bind(st, s, n, f->tag, cause) != 0)
			return -1;
		n += 3;
	}
	for (size_t i = 0; f->tags != NULL && i < f->ntags; i++, n += 3)
		if (store_tag_bind(st, s, n, f->tags[i], cause) != 0)
			return -1;
	return 0;
}
