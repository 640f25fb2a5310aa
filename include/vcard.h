/* vcard.h: vCard 2.1, 3.0 and 4.0 in, as a streaming import reader
 * (import.h), and vCard 4.0 or 3.0 out. Depends on import.h, charset.h, buf.h.
 *
 * Where a card's properties go:
 *   FN (else N's given and family names) -> name; ORG -> org (its parts
 *   joined by ", "); TITLE -> role; NOTE -> notes (several joined by lines);
 *   CATEGORIES -> tags; BDAY -> birthday as YYYY-MM-DD or --MM-DD (Apple's
 *   year 1604 and X-APPLE-OMIT-YEAR mean no year); UID -> the record's uid;
 *   X-KITH-CIRCLE, X-KITH-KIND, X-KITH-CADENCE, X-KITH-MET -> circle, kind,
 *   cadence and met (what kith adds, so that a round trip keeps it).
 *   EMAIL, TEL, URL, ADR -> fields of kind email, phone, url and address; the
 *   value is the decoded text (an ADR keeps its structured form,
 *   "box;ext;street;city;region;code;country", escapes and all).
 *   The field's type string keeps the parameters: first the TYPE values in
 *   lower case joined by "," (2.1's bare WORK, TYPE=WORK;TYPE=VOICE and
 *   TYPE=work,pref all give "work,voice"-like lists; a bare PREF and PREF=1
 *   are "pref"),
 *   then every other parameter as ";NAME=value" as written (PREF=1,
 *   VALUE=uri, ...); a group's X-ABLabel (item1.EMAIL with item1.X-ABLabel)
 *   is kept as ";X-ABLABEL=label" (quoted, RFC 6868 escapes). ENCODING and
 *   CHARSET are not kept: the value is stored decoded, in UTF-8.
 *   Everything else (N, ANNIVERSARY, IMPP, PHOTO, X-..., a BDAY kith cannot
 *   read) is kept as a field of kind vcard: the type is the property name in
 *   upper case and the value the whole unfolded line, group and parameters
 *   included. A PHOTO line longer than the cap is dropped and counted.
 */
#ifndef KITH_VCARD_H
#define KITH_VCARD_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "charset.h"
#include "import.h"

#define VCARD_PHOTO_CAP (64 * 1024) /* bytes of a PHOTO line kept */
#define VCARD_LINE_MAX (16 * 1024 * 1024) /* a longer line makes the file malformed */
#define VCARD_CHUNK (64 * 1024) /* bytes the reader reads at a time */

struct vcard_prop;
struct vcard_scratch;

/* Reads cards from a FILE it does not own, one record at a time. */
struct vcard_reader {
	struct charset_stream cs;
	char *in;               /* bytes read ahead from cs (VCARD_CHUNK at most) */
	size_t in_at, in_len;   /* the next byte of in, and how many it holds */
	size_t in_lf;           /* the next LF in in at or after in_at, else in_len */
	int after_cr;           /* a line ended in CR: CRs and one LF after it go */
	long line;       /* physical lines read */
	struct buf look; /* the physical line read ahead */
	long look_line;
	int have_look, eof;
	struct buf logical;
	struct vcard_prop *props; /* the card being read */
	size_t nprops, capprops;
	/* the card's strings and the buffers its values are read in, kept from
	 * card to card (vcard.c); NULL before the first card */
	struct vcard_scratch *scratch;
	long photos_dropped; /* PHOTO lines over VCARD_PHOTO_CAP left out */
	long cards;          /* cards read */
};

void vcard_reader_init(struct vcard_reader *r, FILE *f);
void vcard_reader_free(struct vcard_reader *r);
/* The reader functions of import.h, self being a struct vcard_reader. A card
 * not closed by END:VCARD, an END:VCARD or content outside a card, or a line
 * over VCARD_LINE_MAX fail with "line N: ...". */
int vcard_next(void *self, struct import_record *rec, char **cause);
int vcard_rewind(void *self, char **cause);
/* The import reader over r. */
struct import_reader vcard_import_reader(struct vcard_reader *r);

/* Writes every contact of st (archived ones too) to f as vCards, in one
 * read snapshot: 0, or -1 with *cause. */
int vcard_export(struct store *st, FILE *f, int version, char **cause);

/* Appends contact c as one vCard (version 4 or 3), CRLF line ends, lines
 * folded at 75 octets without splitting a character. */
void vcard_write(struct buf *out, const struct contact *c, int version);

#endif
