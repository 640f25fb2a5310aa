/* import.h: the import framework every format shares. A reader (vcard.c,
 * csv.c, jsonl.c ...) hands records one at a time; import_run puts them in
 * the journal in one transaction: duplicates are found by UID, then e-mail,
 * then name and organisation, and merged field by field (contact_merge, the
 * merge `kith merge` does too); new contacts land in circle outer unless told
 * otherwise. A record matched by its UID is a newer copy of the same card: its
 * texts win and its kept vCard properties replace the old ones; other matches
 * only fill what is empty. Two cards with different UIDs in one file are two
 * people, whatever their e-mail or name. Memory is bounded by the largest
 * record (and a set of the contacts made, 8 bytes each, and into a journal
 * empty when the import begins a filter of 1 MiB of the keys it wrote, so
 * that the lookups of keys it never wrote are skipped). Depends on model.h
 * and store.h; never prints. */
#ifndef KITH_IMPORT_H
#define KITH_IMPORT_H

#include <stdint.h>

#include "model.h"
#include "store.h"

/* One record as a reader hands it over. The contact's circle, kind and
 * cadence count only when the source said them (has_* set, as vCard's
 * X-KITH-CIRCLE does); its id, rowid and times are ignored. */
struct import_record {
	struct contact c;
	char *uid;  /* the source's own identifier (a vCard UID), NULL when none */
	long line;  /* the record's first line in the file, for messages */
	int has_circle, has_kind, has_cadence;
	int error;  /* the reader could not make a contact of it: counted, skipped */
	char *why;  /* when error: what was wrong (heap), else NULL */
};
void import_record_init(struct import_record *r);
void import_record_free(struct import_record *r); /* frees what it holds (init again to reuse) */

/* A reader. next fills *rec (initialised, empty) with the next record and
 * returns 1, returns 0 at the end, and -1 with *cause ("line 12: ...") when
 * the file is malformed: the whole import is then rolled back. rewind goes
 * back to the first record (a transaction run again reads again). */
struct import_reader {
	int (*next)(void *self, struct import_record *rec, char **cause);
	int (*rewind)(void *self, char **cause);
	void *self;
};

struct import_opts {
	int circle;      /* enum circle of new contacts; -1: outer */
	const char *tag; /* added to every contact imported; NULL: none */
	int dry_run;     /* go through every write, then roll back */
	/* called every IMPORT_PROGRESS_EVERY records with how many were read
	 * (NULL: not called); for a progress line */
	void (*progress)(void *arg, long records);
	/* called for each record counted as an error (NULL: not called) */
	void (*warn)(void *arg, long line, const char *why);
	void *arg;
};
#define IMPORT_PROGRESS_EVERY 1000

struct import_counts {
	long new_, updated, unchanged, errors;
};

/* Imports every record of reader r into st in one transaction (store_write,
 * or store_trial for a dry run). *out holds the counts (also those of a dry
 * run). Returns 0, or -1 with *cause when the reader or the journal failed:
 * then nothing was written. */
int import_run(struct store *st, const struct import_reader *r, const struct import_opts *o,
               int64_t now, struct import_counts *out, char **cause);

enum import_outcome { IMPORT_NEW, IMPORT_UPDATED, IMPORT_UNCHANGED };

/* The journal id a foreign UID stands for: the UID itself when it is a UUID
 * (lower case), else the name-based UUID of it (id_from_text). */
void import_uid_id(const char *uid, char out[ID_LEN + 1]);
/* The vCard UID of a stored contact: its kept foreign UID (a FIELD_VCARD of
 * type "UID") when it has one, else its id. Points into c. */
const char *import_contact_uid(const struct contact *c);

#endif
