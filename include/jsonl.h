/* jsonl.h: kith's JSON Lines format, everything a journal holds, one record a
 * line (DESIGN.md §8): the writer of each record and the reader of one line.
 * Pure; depends on model.h, buf.h and json.h.
 *
 * The first line is {"type":"kith","version":1}; then one line per contact,
 * interaction, follow-up and tombstone, each with "type", its uuid ("id") and
 * its times as Unix seconds ("created_at", "updated_at"; "deleted_at" for a
 * tombstone). Records name each other by uuid. */
#ifndef KITH_JSONL_H
#define KITH_JSONL_H

#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "id.h"
#include "model.h"

#define JSONL_VERSION 1

enum jsonl_type {
	JSONL_HEADER,
	JSONL_CONTACT,
	JSONL_INTERACTION,
	JSONL_FOLLOWUP,
	JSONL_TOMBSTONE,
	JSONL_UNKNOWN /* a type this kith does not know (a newer one's): skipped */
};

/* One line read. For an interaction, contacts[i].id are the uuids of its
 * contacts (rowids 0, names NULL); for a follow-up, contact_id is its
 * contact's uuid and interaction_id the uuid of its interaction ("" for
 * none). */
struct jsonl_record {
	enum jsonl_type type;
	int version; /* JSONL_HEADER */
	struct contact contact;
	struct interaction interaction;
	struct followup followup;
	char interaction_id[ID_LEN + 1];
	char tomb_id[ID_LEN + 1];
	char tomb_kind[16]; /* "contact", "interaction", "followup" */
	int64_t deleted_at;
};

/* Each appends one line, '\n' included, to b. */
void jsonl_write_header(struct buf *b);
void jsonl_write_contact(struct buf *b, const struct contact *c);
/* in->contacts[i].id are written; interaction_id of a follow-up is the uuid
 * of its interaction or "" (NULL) for none. */
void jsonl_write_interaction(struct buf *b, const struct interaction *in);
void jsonl_write_followup(struct buf *b, const struct followup *f, const char *interaction_id);
void jsonl_write_tombstone(struct buf *b, const char *uuid, const char *kind, int64_t deleted_at);

/* Parses one line (without its '\n') into *out, which the caller frees with
 * jsonl_record_free (also after a failure). -1 with *cause on a line that is
 * not JSON, or a record whose fields are missing or wrong. Tags are sorted and
 * made unique as the store keeps them. */
int jsonl_parse(const char *line, size_t len, struct jsonl_record *out, char **cause);
void jsonl_record_free(struct jsonl_record *r);

/* Reads lines from f one at a time: memory is bounded by the longest line. */
struct jsonl_reader {
	FILE *f;      /* not owned */
	char *line;   /* the current line, NUL-terminated, without '\n' */
	size_t len;   /* its length */
	size_t cap;
	long lineno;  /* of the current line, from 1 */
	int complete; /* the current line ended in '\n' */
};
void jsonl_reader_init(struct jsonl_reader *r, FILE *f);
/* 1 with the next line, 0 at the end, -1 with *cause on a read error. */
int jsonl_reader_next(struct jsonl_reader *r, char **cause);
void jsonl_reader_free(struct jsonl_reader *r);

#endif
