/* sync_merge.c: merging another journal's JSON Lines into this one by uuid
 * (DESIGN.md §8): the newer record wins, tombstones delete, nothing comes back
 * once deleted, nothing is doubled. Core; depends on store.h, jsonl.h and
 * import.h (the progress's pace). */
#include "sync.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "import.h"
#include "jsonl.h"

struct sync_merge {
	struct store *st;
	struct sync_counts *counts;
	struct buf mine, theirs; /* the two versions of a record, as lines */
};

/* 1 when the record that arrives should replace the one the journal has:
 * it is newer, or as new and its line is the greater (a rule both sides of
 * a sync apply alike, so that they choose the same). */
static int sync_wins(struct sync_merge *m, int64_t theirs_at, int64_t mine_at)
{
	if (theirs_at != mine_at)
		return theirs_at > mine_at;
	return strcmp(buf_str(&m->theirs), buf_str(&m->mine)) > 0;
}

/* 1 when uuid has a tombstone (the record must not come back: counted as
 * unchanged), 0 when not, -1 on error. */
static int sync_is_dead(struct sync_merge *m, const char *uuid, char **cause)
{
	int64_t at;
	int rc = store_tombstone_get(m->st, uuid, &at, NULL, cause);
	if (rc < 0)
		return -1;
	m->counts->unchanged += rc == 0;
	return rc == 0;
}

/* With both versions written in m->mine and m->theirs: 1 when theirs is to
 * be taken, else 0, counted as unchanged. */
static int sync_take(struct sync_merge *m, int64_t theirs_at, int64_t mine_at)
{
	int take = sync_wins(m, theirs_at, mine_at);
	m->counts->unchanged += !take;
	return take;
}

/* The rowid of contact uuid: 0 with *rowid (0 when there is none). */
static int sync_contact_rowid(struct sync_merge *m, const char *uuid, int64_t *rowid, char **cause)
{
	struct contact_ref *r = NULL;
	size_t n = 0;
	*rowid = 0;
	if (store_contact_find_prefix(m->st, uuid, 1, &r, &n, cause) != 0)
		return -1;
	if (n == 1 && strcmp(r[0].id, uuid) == 0)
		*rowid = r[0].rowid;
	contact_refs_free(r, n);
	return 0;
}

static int sync_contact(struct sync_merge *m, struct contact *c, char **cause)
{
	int dead = sync_is_dead(m, c->id, cause);
	if (dead != 0)
		return dead < 0 ? -1 : 0;
	struct contact mine;
	int rc = store_contact_by_uuid(m->st, c->id, &mine, cause);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		c->rowid = 0;
		if (store_tx_contact_add(m->st, c, c->updated_at, cause) != 0)
			return -1;
		m->counts->added++;
		return 0;
	}
	buf_reset(&m->mine);
	buf_reset(&m->theirs);
	jsonl_write_contact(&m->mine, &mine);
	jsonl_write_contact(&m->theirs, c);
	c->rowid = mine.rowid;
	int take = sync_take(m, c->updated_at, mine.updated_at);
	contact_free(&mine);
	if (!take)
		return 0;
	if (store_tx_contact_update(m->st, c, c->updated_at, cause) != 0)
		return -1;
	m->counts->updated++;
	return 0;
}

static int sync_interaction(struct sync_merge *m, struct interaction *in, char **cause)
{
	int dead = sync_is_dead(m, in->id, cause);
	if (dead != 0)
		return dead < 0 ? -1 : 0;
	/* links to contacts this journal lacks (deleted here) are dropped */
	size_t kept = 0;
	for (size_t i = 0; i < in->ncontacts; i++) {
		struct contact_ref *r = &in->contacts[i];
		if (sync_contact_rowid(m, r->id, &r->rowid, cause) != 0)
			return -1;
		if (r->rowid == 0) {
			contact_ref_free(r);
			continue;
		}
		in->contacts[kept++] = *r;
	}
	in->ncontacts = kept;
	if (kept == 0) {
		m->counts->unchanged++;
		return 0;
	}
	struct interaction mine;
	int rc = store_interaction_by_uuid(m->st, in->id, &mine, cause);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		in->rowid = 0;
		if (store_tx_interaction_add(m->st, in, in->updated_at, cause) != 0)
			return -1;
		m->counts->added++;
		return 0;
	}
	buf_reset(&m->mine);
	buf_reset(&m->theirs);
	jsonl_write_interaction(&m->mine, &mine);
	jsonl_write_interaction(&m->theirs, in);
	in->rowid = mine.rowid;
	int take = sync_take(m, in->updated_at, mine.updated_at);
	interaction_free(&mine);
	if (!take)
		return 0;
	if (store_tx_interaction_update(m->st, in, in->updated_at, cause) != 0)
		return -1;
	m->counts->updated++;
	return 0;
}

/* The uuid of interaction rowid into out ("" for none). */
static int sync_interaction_uuid(struct sync_merge *m, int64_t rowid, char out[ID_LEN + 1],
                                 char **cause)
{
	out[0] = '\0';
	if (rowid == 0)
		return 0;
	struct interaction in;
	int rc = store_interaction_get(m->st, rowid, &in, cause);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		memcpy(out, in.id, ID_LEN + 1);
		interaction_free(&in);
	}
	return 0;
}

static int sync_followup(struct sync_merge *m, struct jsonl_record *rec, char **cause)
{
	struct followup *f = &rec->followup;
	int dead = sync_is_dead(m, f->id, cause);
	if (dead != 0)
		return dead < 0 ? -1 : 0;
	if (sync_contact_rowid(m, f->contact_id, &f->contact_rowid, cause) != 0)
		return -1;
	if (f->contact_rowid == 0) {
		m->counts->unchanged++;
		return 0;
	}
	f->interaction_rowid = 0;
	if (rec->interaction_id[0] != '\0') {
		struct interaction in;
		int rc = store_interaction_by_uuid(m->st, rec->interaction_id, &in, cause);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			f->interaction_rowid = in.rowid;
			interaction_free(&in);
		} else {
			rec->interaction_id[0] = '\0';
		}
	}
	struct followup *mine = NULL;
	size_t n = 0;
	if (store_followup_find_prefix(m->st, f->id, 1, &mine, &n, cause) != 0)
		return -1;
	int rc = 0;
	if (n == 0) {
		rc = store_tx_followup_add(m->st, f, f->updated_at, cause);
		m->counts->added += rc == 0;
		return rc;
	}
	char mine_in[ID_LEN + 1];
	rc = sync_interaction_uuid(m, mine->interaction_rowid, mine_in, cause);
	if (rc == 0) {
		buf_reset(&m->mine);
		buf_reset(&m->theirs);
		jsonl_write_followup(&m->mine, mine, mine_in);
		jsonl_write_followup(&m->theirs, f, rec->interaction_id);
		f->rowid = mine->rowid;
		if (sync_take(m, f->updated_at, mine->updated_at)) {
			rc = store_tx_followup_update(m->st, f, f->updated_at, cause);
			m->counts->updated += rc == 0;
		}
	}
	followups_free(mine, n);
	return rc;
}

/* Deletes the record a tombstone names, when the journal has it: how many
 * records went (a contact takes its follow-ups and the interactions it alone
 * had with it), 0 when there was none. */
static int64_t sync_delete(struct sync_merge *m, const struct jsonl_record *r, char **cause)
{
	int64_t rowid = 0;
	if (strcmp(r->tomb_kind, "contact") == 0) {
		struct store_remove_count with;
		if (sync_contact_rowid(m, r->tomb_id, &rowid, cause) != 0)
			return -1;
		if (rowid == 0)
			return 0;
		if (store_contact_remove_count(m->st, rowid, &with, cause) != 0 ||
		    store_tx_contact_remove(m->st, rowid, r->deleted_at, cause) != 0)
			return -1;
		return 1 + with.followups + with.interactions;
	} else if (strcmp(r->tomb_kind, "interaction") == 0) {
		struct interaction in;
		int rc = store_interaction_by_uuid(m->st, r->tomb_id, &in, cause);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			rowid = in.rowid;
			interaction_free(&in);
			if (store_tx_interaction_remove(m->st, rowid, r->deleted_at, cause) != 0)
				return -1;
		}
	} else {
		struct followup *f = NULL;
		size_t n = 0;
		if (store_followup_find_prefix(m->st, r->tomb_id, 1, &f, &n, cause) != 0)
			return -1;
		rowid = n == 1 ? f->rowid : 0;
		followups_free(f, n);
		if (rowid != 0 && store_tx_followup_remove(m->st, rowid, r->deleted_at, cause) != 0)
			return -1;
	}
	return rowid != 0;
}

static int sync_tombstone(struct sync_merge *m, const struct jsonl_record *r, char **cause)
{
	int64_t was = 0;
	int had = store_tombstone_get(m->st, r->tomb_id, &was, NULL, cause);
	if (had < 0)
		return -1;
	int64_t gone = sync_delete(m, r, cause);
	if (gone < 0)
		return -1;
	/* a tombstone the journal has as new is not written again: a merge
	 * that changes nothing leaves the mark of change where it was */
	if ((gone > 0 || had == 1 || r->deleted_at > was) &&
	    store_tx_tombstone_add(m->st, r->tomb_id, r->tomb_kind, r->deleted_at, cause) != 0)
		return -1;
	if (gone > 0)
		m->counts->deleted += gone;
	else if (had == 1)
		m->counts->added++;
	else if (r->deleted_at > was)
		m->counts->updated++;
	else
		m->counts->unchanged++;
	return 0;
}

static int sync_apply(struct sync_merge *m, struct jsonl_record *r, char **cause)
{
	switch (r->type) {
	case JSONL_CONTACT:
		return sync_contact(m, &r->contact, cause);
	case JSONL_INTERACTION:
		return sync_interaction(m, &r->interaction, cause);
	case JSONL_FOLLOWUP:
		return sync_followup(m, r, cause);
	case JSONL_TOMBSTONE:
		return sync_tombstone(m, r, cause);
	case JSONL_HEADER:
		return err_set(cause, "a second version line");
	case JSONL_UNKNOWN:
		m->counts->skipped++;
		return 0;
	}
	return 0;
}

int sync_tx_merge(struct store *st, FILE *in, const char *name,
                  const struct sync_progress *progress, struct sync_counts *counts,
                  char **cause)
{
	long records = 0;
	struct sync_merge m = {st, counts, {NULL, 0, 0}, {NULL, 0, 0}};
	struct jsonl_reader rd;
	jsonl_reader_init(&rd, in);
	int rc, header = 0;
	while ((rc = jsonl_reader_next(&rd, cause)) == 1) {
		if (!rd.complete) {
			rc = err_set(cause, "the last line has no end (the file is cut short)");
			break;
		}
		if (rd.len == 0 || (rd.len == 1 && rd.line[0] == '\r'))
			continue;
		struct jsonl_record r;
		rc = jsonl_parse(rd.line, rd.len, &r, cause);
		if (rc == 0 && !header) {
			if (r.type != JSONL_HEADER)
				rc = err_set(cause, "not a kith JSON Lines file (no version line first)");
			else if (r.version > JSONL_VERSION)
				rc = err_set(cause, "written by a newer kith (format version %d; this "
				                    "kith reads up to %d)",
				             r.version, JSONL_VERSION);
			header = 1;
		} else if (rc == 0) {
			rc = sync_apply(&m, &r, cause);
			if (++records % IMPORT_PROGRESS_EVERY == 0 && progress != NULL &&
			    progress->fn != NULL)
				progress->fn(progress->arg, records);
		}
		jsonl_record_free(&r);
		if (rc != 0)
			break;
	}
	if (rc == 0 && !header)
		rc = err_set(cause, "empty: not a kith JSON Lines file");
	if (rc != 0) {
		if (rd.lineno > 0)
			err_wrap(cause, "%s:%ld: ", name, rd.lineno);
		else
			err_wrap(cause, "%s: ", name);
	}
	jsonl_reader_free(&rd);
	buf_free(&m.mine);
	buf_free(&m.theirs);
	return rc < 0 ? -1 : 0;
}
