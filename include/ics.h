/* ics.h: iCalendar (RFC 5545) out: the follow-ups as VTODO items of one
 * VCALENDAR, each with the follow-up's uuid as its UID, so that a calendar
 * that imports a later export updates its items instead of doubling them.
 * Pure; depends on model.h and buf.h. */
#ifndef KITH_ICS_H
#define KITH_ICS_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

/* Appends the calendar of the n follow-ups of v to b: an open one is
 * STATUS:NEEDS-ACTION, a done one STATUS:COMPLETED with COMPLETED: its time.
 * Lines end in CRLF and are folded at 75 octets. */
void ics_write_calendar(struct buf *b, const struct followup *v, size_t n);
/* Appends the content line `line` (len bytes, no line break) folded as RFC
 * 5545 §3.1 says: at most 75 octets a line, a continuation starting with one
 * space, never inside a UTF-8 character; then CRLF. */
void ics_fold(struct buf *b, const char *line, size_t len);
/* Appends s as an iCalendar TEXT value: backslash, ';' and ',' escaped, a
 * line break as \n, other control characters (but TAB) left out, each byte
 * that is not UTF-8 as U+FFFD. */
void ics_escape_text(struct buf *b, const char *s);

#endif
