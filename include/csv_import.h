/* csv_import.h: CSV files (LinkedIn, Google, Outlook, any CSV with a header row) as an
 * import reader (import.h): the file read through the charset stream (UTF-16 and BOMs),
 * records parsed by csv.c, the header found and rows mapped by csv_map.c. Depends on
 * charset.h, csv_map.h and import.h. */
#ifndef KITH_CSV_IMPORT_H
#define KITH_CSV_IMPORT_H

#include <stdio.h>

#include "charset.h"
#include "csv_map.h"
#include "import.h"

struct csv_import {
	struct charset_stream cs; /* over the caller's FILE */
	enum csv_want want;
	struct csv_reader *r;
	struct csv_source src;
	int opened;  /* the header row was read */
};

/* A reader of f (the caller's, open until csv_import_free) as want says. */
void csv_import_init(struct csv_import *ci, FILE *f, enum csv_want want);
void csv_import_free(struct csv_import *ci);
/* The import reader of ci: next hands one row at a time as a record, -1 with
 * "line N: ..." for a file that cannot be read as CSV; rewind reads again from the start. */
struct import_reader csv_import_reader(struct csv_import *ci);
/* The lines of the import summary: "read as linkedin (header on line 4)" and "columns
 * not imported: Hobby, Shoe Size". Appended to out; nothing before the header was read. */
void csv_import_summary(const struct csv_import *ci, struct buf *out);
/* 1 when the first n bytes of a file look like a CSV of contacts: LinkedIn's preamble or
 * header, or a first line with a comma and a column kith reads. For import's sniffing. */
int csv_import_sniff(const char *head, size_t n);

#endif
