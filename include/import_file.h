/* import_file.h: a file or folder imported whatever its format, found by name, path, ending
 * or first bytes, for `kith import` and the full-screen program alike. Depends on import.h
 * and buf.h; reads files, never prints. */
#ifndef KITH_IMPORT_FILE_H
#define KITH_IMPORT_FILE_H

#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "import.h"
#include "store.h"

struct import_format; /* one of import_file.c's formats */

/* A path opened for import. */
struct import_file {
	const struct import_format *fmt;
	char *path;   /* a copy of the path opened */
	FILE *f;      /* the file open, NULL for a folder */
	void *state;  /* the format's reader state, NULL for a format that merges */
	struct import_reader reader;
	int ran;      /* import_file_run was called */
};

/* 1 when name is "auto" or the name of a format, else 0. */
int import_file_format_known(const char *name);
/* Appends ", vcard, vdir, jsonl, linkedin, csv" (every format's name, in
 * the order auto tries them) to out. */
void import_file_format_names(struct buf *out);

/* import_file_open's return when the format cannot be told from the path or
 * the file's first bytes (*cause "PATH: cannot tell its format"). */
#define IMPORT_FILE_UNKNOWN (-2)

/* Opens path for import as format says (a name import_file_format_known
 * accepts; NULL or "auto": found from the path and the file). Returns 0, or
 * -1 with *cause (caller frees: "PATH: No such file or directory", "PATH:
 * not a folder" ...), or IMPORT_FILE_UNKNOWN with *cause. On failure imf
 * holds nothing to close. */
int import_file_open(struct import_file *imf, const char *path, const char *format,
                     char **cause);
/* The name of imf's format ("vcard", "vdir", "jsonl", "linkedin", "csv"); static. */
const char *import_file_format(const struct import_file *imf);
/* 1 when imf's format merges its records by their own uuids and keeps their
 * own circles and tags (JSON Lines): o->circle and o->tag do not apply. */
int import_file_merges(const struct import_file *imf);
/* Imports imf's records into st in one transaction (a dry run when o says so)
 * once; *out holds the counts. 0, or -1 with *cause ("PATH: line 12: ...",
 * caller frees): then nothing was written. o's progress and warn callbacks
 * are called as import_run calls them. */
int import_file_run(struct store *st, struct import_file *imf, const struct import_opts *o,
                    int64_t now, struct import_counts *out, char **cause);
/* What the format says of a run beyond its counts, a line each, appended to
 * out: "3 photos over 256 KiB not kept", "read as linkedin (header on line
 * 4)", "columns not imported: Hobby". */
void import_file_summary(const struct import_file *imf, struct buf *out);
/* What the file was read as, for a person: "vCard", "vdir", "kith JSON
 * Lines", "LinkedIn", "Google CSV", "Outlook CSV", "Thunderbird CSV", "CSV";
 * static. */
const char *import_file_label(const struct import_file *imf);
void import_file_close(struct import_file *imf); /* frees what imf holds */

/* What import_file_path did. */
struct import_file_report {
	struct import_counts n;
	const char *label; /* import_file_label's; static */
	int merged;        /* import_file_merges: the counts are records of every kind */
};

/* import_file_open (format auto), import_file_run and import_file_close in
 * one call: *rep says what was imported. 0, or -1 with *cause (caller frees:
 * a missing file, a broken file, "PATH: line 12: ..."), or IMPORT_FILE_UNKNOWN
 * with *cause for a format that cannot be told; then nothing was written. */
int import_file_path(struct store *st, const char *path, const struct import_opts *o,
                     int64_t now, struct import_file_report *rep, char **cause);

#endif
