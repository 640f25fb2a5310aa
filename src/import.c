/* import.c: the import framework (import.h): records from any reader matched
 * against the journal by UID, e-mail, then name and organisation, merged with
 * contact_merge, all in one transaction. Depends on model, store, id, utf8. */
#include "import.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "id.h"
#include "utf8.h"

void import_record_init(struct import_record *r)
{
	memset(r, 0, sizeof *r);
	contact_init(&r->c);
}

void import_record_free(struct import_record *r)
{
	contact_free(&r->c);
	free(r->uid);
	free(r->why);
	memset(r, 0, sizeof *r);
}

void import_uid_id(const char *uid, char out[ID_LEN + 1])
{
	if (id_is_uuid(uid)) {
		for (size_t i = 0; i <= ID_LEN; i++)
			out[i] = (char)tolower((unsigned char)uid[i]);
		return;
	}
	id_from_text(uid, out);
}

#define IMPORT_UID_PREFIX "UID:"

const char *import_contact_uid(const struct contact *c)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].kind == FIELD_VCARD && strcmp(c->fields[i].type, "UID") == 0 &&
		    strncmp(c->fields[i].value, IMPORT_UID_PREFIX, strlen(IMPORT_UID_PREFIX)) == 0)
			return c->fields[i].value + strlen(IMPORT_UID_PREFIX);
	return c->id;
}

/* Drops what the journal refuses and no source means: empty tags and fields. */
static int import_field_empty(const struct field *f, const void *arg)
{
	(void)arg;
	return f->value[0] == '\0';
}

static void import_tidy(struct contact *c)
{
	size_t j = 0;
	for (size_t i = 0; i < c->tags.n; i++) {
		if (c->tags.v[i][0] == '\0')
			free(c->tags.v[i]);
		else
			c->tags.v[j++] = c->tags.v[i];
	}
	c->tags.n = j;
	contact_drop_fields(c, import_field_empty, NULL);
}

/* The display name when the source gave none: the organisation, else the
 * first e-mail address, else the first phone number or web address. */
static void import_fallback_name(struct contact *c)
{
	if (c->name[0] != '\0')
		return;
	const char *name = c->org[0] != '\0' ? c->org : NULL;
	for (size_t i = 0; name == NULL && i < c->nfields; i++)
		if (c->fields[i].kind == FIELD_EMAIL)
			name = c->fields[i].value;
	for (size_t i = 0; name == NULL && i < c->nfields; i++)
		if (c->fields[i].kind == FIELD_PHONE || c->fields[i].kind == FIELD_URL)
			name = c->fields[i].value;
	if (name != NULL) {
		free(c->name);
		c->name = xstrdup(name);
	}
}

/* The contacts this import made from cards with a UID: a set of rowids (open
 * addressing). Two cards with different UIDs in one import are two people,
 * whatever their e-mail or name. */
struct import_seen {
	int64_t *v; /* 0: a free slot */
	size_t cap, n;
};

static size_t import_seen_slot(const struct import_seen *s, int64_t rowid)
{
	size_t i = (size_t)((uint64_t)rowid * UINT64_C(0x9e3779b97f4a7c15) >> 17) & (s->cap - 1);
	while (s->v[i] != 0 && s->v[i] != rowid)
		i = (i + 1) & (s->cap - 1);
	return i;
}

static int import_seen_has(const struct import_seen *s, int64_t rowid)
{
	return s != NULL && s->cap > 0 && s->v[import_seen_slot(s, rowid)] == rowid;
}

static void import_seen_add(struct import_seen *s, int64_t rowid)
{
	if (s == NULL)
		return;
	if (2 * (s->n + 1) > s->cap) {
		struct import_seen bigger = {NULL, s->cap ? s->cap * 2 : 64, 0};
		bigger.v = xcalloc(bigger.cap, sizeof *bigger.v);
		for (size_t i = 0; i < s->cap; i++)
			if (s->v[i] != 0)
				bigger.v[import_seen_slot(&bigger, s->v[i])] = s->v[i], bigger.n++;
		free(s->v);
		*s = bigger;
	}
	size_t i = import_seen_slot(s, rowid);
	if (s->v[i] == 0) {
		s->v[i] = rowid;
		s->n++;
	}
}

/* The keys of the contacts of a journal that was empty when this import
 * began, all of them written by it: a Bloom filter of their uuids, folded
 * names with folded organisations, and e-mail addresses (ASCII lower case, as
 * SQLite's lower() compares them). A key it has never seen is no contact's, and its lookup is skipped;
 * one it may have seen is looked up. Its size is fixed, whatever the file. */
#define IMPORT_KEYS_BITS (UINT64_C(1) << 23) /* 1 MiB */

enum import_key { IMPORT_KEY_UUID, IMPORT_KEY_NAME, IMPORT_KEY_EMAIL };

struct import_keys {
	unsigned char *bits; /* NULL: the journal was not empty, look everything up */
	int email_any;       /* an address not all ASCII was written: look them all up */
};

/* The key's hash: FNV-1a over its kind and bytes (a name's, a 0, then its
 * organisation's), e-mail addresses in ASCII lower case. */
static uint64_t import_key_hash(enum import_key kind, const char *key, const char *org)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ (uint64_t)kind;
	for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++) {
		unsigned char ch = *p;
		if (kind == IMPORT_KEY_EMAIL && ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		h = (h ^ ch) * UINT64_C(0x100000001b3);
	}
	if (org != NULL) {
		h *= UINT64_C(0x100000001b3);
		for (const unsigned char *p = (const unsigned char *)org; *p != '\0'; p++)
			h = (h ^ *p) * UINT64_C(0x100000001b3);
	}
	return h ^ (h >> 29);
}

static int import_key_ascii(const char *key)
{
	for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++)
		if (*p >= 0x80)
			return 0;
	return 1;
}

/* 1 when a contact of the journal may have the key (it must be looked up);
 * org: the folded organisation of a name, else NULL. */
static int import_keys_may(const struct import_keys *k, enum import_key kind, const char *key,
                           const char *org)
{
	if (k == NULL || k->bits == NULL)
		return 1;
	if (kind == IMPORT_KEY_EMAIL && (k->email_any || !import_key_ascii(key)))
		return 1;
	uint64_t h = import_key_hash(kind, key, org);
	uint64_t a = h % IMPORT_KEYS_BITS, b = (h >> 32) % IMPORT_KEYS_BITS;
	return (k->bits[a / 8] >> (a % 8) & 1) && (k->bits[b / 8] >> (b % 8) & 1);
}

static void import_keys_put(struct import_keys *k, enum import_key kind, const char *key,
                            const char *org)
{
	uint64_t h = import_key_hash(kind, key, org);
	uint64_t a = h % IMPORT_KEYS_BITS, b = (h >> 32) % IMPORT_KEYS_BITS;
	k->bits[a / 8] |= (unsigned char)(1u << (a % 8));
	k->bits[b / 8] |= (unsigned char)(1u << (b % 8));
}

/* Puts the keys of c, as the journal now holds it, in k: name and org are
 * c's folded (NULL: folded here). */
static void import_keys_add(struct import_keys *k, const struct contact *c, const char *name,
                            const char *org)
{
	if (k == NULL || k->bits == NULL)
		return;
	import_keys_put(k, IMPORT_KEY_UUID, c->id, NULL);
	char *n = name ? NULL : utf8_fold(c->name), *o = org ? NULL : utf8_fold(c->org);
	import_keys_put(k, IMPORT_KEY_NAME, name ? name : n, org ? org : o);
	free(n);
	free(o);
	for (size_t i = 0; i < c->nfields; i++) {
		if (c->fields[i].kind != FIELD_EMAIL)
			continue;
		if (!import_key_ascii(c->fields[i].value))
			k->email_any = 1;
		import_keys_put(k, IMPORT_KEY_EMAIL, c->fields[i].value, NULL);
	}
}

/* Finds the contact rec is a copy of: by UID (*by_uid = 1), by one of its
 * e-mail addresses, by name and organisation (folded and org: rec's, folded).
 * 0 with *found loaded, 1 when none, -1 on error. */
static int import_match(struct store *st, const struct import_record *rec,
                        const struct import_seen *seen, const struct import_keys *keys,
                        const char *folded, const char *org, struct contact *found,
                        int *by_uid, char **cause)
{
	/* a card with its own UID is not another card of this import */
	const struct import_seen *other = rec->uid != NULL && rec->uid[0] != '\0' ? seen : NULL;
	*by_uid = 0;
	if (rec->uid != NULL && rec->uid[0] != '\0') {
		char id[ID_LEN + 1];
		import_uid_id(rec->uid, id);
		int rc = import_keys_may(keys, IMPORT_KEY_UUID, id, NULL)
		                 ? store_contact_by_uuid(st, id, found, cause)
		                 : 1;
		if (rc != 1) {
			*by_uid = rc == 0;
			return rc;
		}
	}
	int64_t rowid = 0;
	for (size_t i = 0; rowid == 0 && i < rec->c.nfields; i++) {
		if (rec->c.fields[i].kind != FIELD_EMAIL ||
		    !import_keys_may(keys, IMPORT_KEY_EMAIL, rec->c.fields[i].value, NULL))
			continue;
		struct contact_ref *refs;
		size_t n;
		if (store_contact_find_email(st, rec->c.fields[i].value, 1, &refs, &n, cause) != 0)
			return -1;
		if (n > 0 && !import_seen_has(other, refs[0].rowid))
			rowid = refs[0].rowid;
		contact_refs_free(refs, n);
	}
	if (rowid == 0 && import_keys_may(keys, IMPORT_KEY_NAME, folded, org)) {
		struct contact_ref *refs;
		size_t n;
		int rc = store_contact_find_exact(st, folded, 0, &refs, &n, cause);
		for (size_t i = 0; rc == 0 && rowid == 0 && i < n; i++) {
			char *o = utf8_fold(refs[i].org ? refs[i].org : "");
			if (strcmp(o, org) == 0 && !import_seen_has(other, refs[i].rowid))
				rowid = refs[i].rowid;
			free(o);
		}
		if (rc == 0)
			contact_refs_free(refs, n);
		if (rc != 0)
			return -1;
	}
	if (rowid == 0)
		return 1;
	return store_contact_get(st, rowid, found, cause);
}

/* Keeps rec's foreign UID on c unless c's id already stands for it. */
static void import_keep_uid(struct contact *c, const char *uid)
{
	if (uid == NULL || uid[0] == '\0' || strcmp(c->id, uid) == 0)
		return;
	char *line = xasprintf(IMPORT_UID_PREFIX "%s", uid);
	int have = 0;
	for (size_t i = 0; i < c->nfields && !have; i++)
		have = c->fields[i].kind == FIELD_VCARD && strcmp(c->fields[i].value, line) == 0;
	if (!have)
		contact_add_field(c, FIELD_VCARD, "UID", line);
	free(line);
}

/* Before a newer copy of the same card is merged: its kept properties (REV,
 * PRODID, N, PHOTO ...) stand for themselves, so the old ones it no longer
 * holds go; those it holds stay where they are, so that the same card again
 * leaves the contact as it was. UID lines, its own and other cards', stay. */
static int import_card_prop(const struct field *f, const void *arg)
{
	const struct contact *card = arg;
	if (f->kind != FIELD_VCARD || strcmp(f->type, "UID") == 0)
		return 0;
	for (size_t i = 0; i < card->nfields; i++)
		if (card->fields[i].kind == FIELD_VCARD && strcmp(card->fields[i].type, f->type) == 0 &&
		    strcmp(card->fields[i].value, f->value) == 0)
			return 0;
	return 1;
}

static void import_drop_card_props(struct contact *c, const struct contact *card)
{
	contact_drop_fields(c, import_card_prop, card);
}

/* What the source said of circle, kind and cadence. */
static void import_take_stated(struct contact *c, const struct import_record *rec)
{
	if (rec->has_circle)
		c->circle = rec->c.circle;
	if (rec->has_kind)
		c->kind = rec->c.kind;
	if (rec->has_cadence)
		c->cadence_days = rec->c.cadence_days;
}

static int import_tx_record(struct store *st, struct import_record *rec,
                            const struct import_opts *o, struct import_seen *seen,
                            struct import_keys *keys, int64_t now, enum import_outcome *what,
                            char **cause)
{
	/* rec is tidy and has a name (import_write) */
	struct contact old;
	int by_uid;
	char *folded = utf8_fold(rec->c.name), *org = utf8_fold(rec->c.org);
	int rc = import_match(st, rec, seen, keys, folded, org, &old, &by_uid, cause);
	if (rc == 1) {
		struct contact *c = &rec->c;
		c->rowid = 0;
		c->id[0] = '\0';
		if (rec->uid != NULL && rec->uid[0] != '\0')
			import_uid_id(rec->uid, c->id);
		/* what the source did not say: circle --circle (else outer), the
		 * circle's cadence, personal */
		if (!rec->has_circle)
			c->circle = o->circle >= 0 ? (enum circle)o->circle : CIRCLE_OUTER;
		if (!rec->has_kind)
			c->kind = CKIND_PERSONAL;
		if (!rec->has_cadence)
			c->cadence_days = -1;
		if (o->tag != NULL && o->tag[0] != '\0')
			contact_add_tag(c, o->tag);
		import_keep_uid(c, rec->uid);
		c->created_at = c->updated_at = 0;
		c->archived_at = c->snoozed_until = 0;
		*what = IMPORT_NEW;
		rc = store_tx_contact_add(st, c, now, cause);
		if (rc == 0)
			import_keys_add(keys, c, folded, org);
		if (rc == 0 && rec->uid != NULL && rec->uid[0] != '\0')
			import_seen_add(seen, c->rowid);
		free(folded);
		free(org);
		return rc;
	}
	free(folded);
	free(org);
	if (rc < 0)
		return -1;
	struct contact merged;
	contact_copy(&merged, &old);
	if (by_uid)
		import_drop_card_props(&merged, &rec->c);
	(void)contact_merge(&merged, &rec->c, by_uid);
	if (by_uid)
		import_take_stated(&merged, rec);
	if (o->tag != NULL && o->tag[0] != '\0')
		contact_add_tag(&merged, o->tag);
	import_keep_uid(&merged, rec->uid);
	rc = 0;
	if (contact_same_details(&merged, &old)) {
		*what = IMPORT_UNCHANGED;
	} else {
		*what = IMPORT_UPDATED;
		rc = store_tx_contact_update(st, &merged, now, cause);
		if (rc == 0)
			import_keys_add(keys, &merged, NULL, NULL);
	}
	contact_free(&merged);
	contact_free(&old);
	return rc;
}

struct import_job {
	const struct import_reader *r;
	const struct import_opts *o;
	int64_t now;
	struct import_counts counts;
	int runs;
	struct import_seen seen;
	struct import_keys keys;
};

static int import_write(struct store *st, void *arg, char **cause)
{
	struct import_job *job = arg;
	const struct import_opts *o = job->o;
	memset(&job->counts, 0, sizeof job->counts);
	free(job->seen.v);
	memset(&job->seen, 0, sizeof job->seen);
	free(job->keys.bits);
	memset(&job->keys, 0, sizeof job->keys);
	if (job->runs++ > 0 && job->r->rewind(job->r->self, cause) != 0)
		return -1;
	int empty = 0;
	if (store_is_empty(st, &empty, cause) != 0)
		return -1;
	if (empty)
		job->keys.bits = xcalloc(IMPORT_KEYS_BITS / 8, 1);
	struct import_record rec;
	long nread = 0;
	int rc;
	for (;;) {
		import_record_init(&rec);
		if ((rc = job->r->next(job->r->self, &rec, cause)) != 1)
			break;
		nread++;
		if (o->progress != NULL && nread % IMPORT_PROGRESS_EVERY == 0)
			o->progress(o->arg, nread);
		if (!rec.error) {
			import_tidy(&rec.c);
			import_fallback_name(&rec.c);
		}
		if (!rec.error && rec.c.name[0] == '\0') {
			rec.error = 1;
			free(rec.why);
			rec.why = xstrdup("a record with no name, organisation, e-mail or phone");
		}
		if (rec.error) {
			job->counts.errors++;
			if (o->warn != NULL)
				o->warn(o->arg, rec.line, rec.why ? rec.why : "an unreadable record");
			import_record_free(&rec);
			continue;
		}
		enum import_outcome what = IMPORT_UNCHANGED;
		if (import_tx_record(st, &rec, o, &job->seen, &job->keys, job->now, &what, cause) !=
		    0) {
			if (rec.line > 0)
				err_wrap(cause, "line %ld: ", rec.line);
			rc = -1;
			break;
		}
		if (what == IMPORT_NEW)
			job->counts.new_++;
		else if (what == IMPORT_UPDATED)
			job->counts.updated++;
		else
			job->counts.unchanged++;
		import_record_free(&rec);
	}
	import_record_free(&rec);
	return rc < 0 ? -1 : 0;
}

int import_run(struct store *st, const struct import_reader *r, const struct import_opts *o,
               int64_t now, struct import_counts *out, char **cause)
{
	struct import_job job = {r, o, now, {0, 0, 0, 0}, 0, {NULL, 0, 0}, {NULL, 0}};
	int rc = o->dry_run ? store_trial(st, import_write, &job, cause)
	                    : store_write(st, import_write, &job, cause);
	*out = job.counts;
	free(job.seen.v);
	free(job.keys.bits);
	return rc < 0 ? -1 : 0;
}
