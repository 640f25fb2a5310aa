/* linkedin.h: what is LinkedIn's own in its Connections.csv: the header row recognised by
 * content in English, German, French, Spanish and Portuguese, the "Notes:" preamble, and
 * the Connected On date ("15 Mar 2023", "12 mars 2023"). Pure; depends on csv_map.h. */
#ifndef KITH_LINKEDIN_H
#define KITH_LINKEDIN_H

#include "buf.h"

/* 1 when the cells are a LinkedIn Connections header, in one language or another: at
 * most 8 columns, first and last name among them, and connected on or three of URL,
 * e-mail, company and position. */
int linkedin_header_is(const struct strv *cells);
/* 1 when the cells open LinkedIn's preamble: one cell, "Notes:" or any single word
 * followed by a colon ("Notes :", "Notizen:"). */
int linkedin_preamble_is(const struct strv *cells);
/* Reads "15 Mar 2023", "02 févr. 2025", "3 de marzo de 2024" (day, a month name or
 * abbreviation in one of the five languages, year) into *y, *m, *d. Returns 0, or -1
 * when s is not such a date. */
int linkedin_date_parse(const char *s, int *y, int *m, int *d);
/* What the contact's "met" keeps of a Connected On cell: "LinkedIn, 15 Mar 2023" (the
 * date written in English), "LinkedIn, TEXT" when TEXT is not a date, "LinkedIn" when it
 * is empty. Appended to out. */
void linkedin_met(struct buf *out, const char *connected_on);

#endif
