/* csv.h: the one CSV reader and writer of every CSV format in and out (RFC 4180).
 * The reader streams (memory bounded by the longest record), the writer appends to a
 * buf and escapes cells a spreadsheet would run as formulas. Pure; depends on buf.h. */
#ifndef KITH_CSV_H
#define KITH_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

/* The longest record the reader accepts, in bytes; a longer one is an error. */
#define CSV_RECORD_MAX (16u * 1024u * 1024u)

struct csv_reader;

/* A reader of the bytes that read(ctx, dst, n) returns (fewer than n only at the end or
 * on an error). A UTF-8 byte order mark at the start is skipped. Caller frees the reader
 * with csv_reader_free; ctx stays the caller's. */
struct csv_reader *csv_reader_new(size_t (*read)(void *ctx, char *dst, size_t n), void *ctx);
/* A reader of an open stream (not closed by the reader), or of n bytes at s (which must
 * outlive the reader). */
struct csv_reader *csv_reader_new_file(FILE *f);
struct csv_reader *csv_reader_new_mem(const char *s, size_t n);
void csv_reader_free(struct csv_reader *r);

/* The next record into fields (emptied first; fields owns the cells). Fields are split
 * on commas (or csv_reader_set_sep's separator); a field in double quotes may hold commas, doubled quotes and line breaks
 * (CRLF, LF or CR). Lines end with CRLF, LF or CR. Lenient where readers agree: a quote
 * inside an unquoted field, or text after a closing quote, is kept as written. An empty
 * line is a record of one empty field. Returns 1 with a record, 0 at the end, or -1 with
 * *cause (caller frees): "line 12: unterminated quoted field" (the line where the quote
 * opened) or "line 12: record longer than 16 MiB". */
int csv_reader_next(struct csv_reader *r, struct strv *fields, char **cause);
/* The next physical line as it is written (no line break), for preambles that are not
 * CSV: 1 with a line, 0 at the end. */
int csv_reader_line(struct csv_reader *r, struct buf *line);
/* The 1-based line on which the last record or line read started. */
size_t csv_reader_lineno(const struct csv_reader *r);

/* Splits one line of text into fields as csv_reader_next would, leniently: a quote left
 * open takes the rest of the line. fields is emptied first. */
void csv_split_line(const char *s, size_t n, struct strv *fields);
/* The same, fields split on sep instead of commas. */
void csv_split_line_sep(const char *s, size_t n, char sep, struct strv *fields);

/* The separator of a header line: the one of ',', ';' and TAB it holds most often
 * outside quotes (a spreadsheet in a language whose decimal mark is a comma writes
 * ';'), ',' on a tie or when none. */
char csv_guess_sep(const char *s, size_t n);
/* Splits r's next records on sep (',' until told). */
void csv_reader_set_sep(struct csv_reader *r, char sep);

/* The writer: cells are appended to out, separated by commas, rows end with CRLF. */
struct csv_writer {
	struct buf *out; /* the caller's */
	size_t col;      /* cells written in the current row */
};

void csv_writer_init(struct csv_writer *w, struct buf *out);
/* A text cell: quoted when it holds a comma, a quote, CR or LF or starts or ends with a
 * space; a cell starting with = + - @ TAB or CR, which a spreadsheet would run as a
 * formula, is written with a leading apostrophe (and then quoted). */
void csv_put_text(struct csv_writer *w, const char *s);
/* A number kith computed (never escaped): printf's %.*f. */
void csv_put_number(struct csv_writer *w, double v, int decimals);
void csv_end_row(struct csv_writer *w);

#endif
