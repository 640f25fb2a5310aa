/* date.h: calendar arithmetic in local time, ISO 8601 text, and the WHEN and
 * due forms of the capture grammar (DESIGN.md §5). Pure: "now" is an argument.
 * Times are Unix seconds (int64_t). Depends on libc's mktime/localtime_r. */
#ifndef KITH_DATE_H
#define KITH_DATE_H

#include <stddef.h>
#include <stdint.h>

#define DAY_SECONDS 86400

/* Absolute dates a user may write: years 1900 to 9999. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 9999

int date_valid_ymd(int y, int m, int d);
/* 1 when y is within DATE_YEAR_MIN..DATE_YEAR_MAX. */
int date_year_in_range(int y);
/* Local time of a calendar date and clock time; -1 on an invalid date. */
int date_make_local(int y, int mo, int d, int h, int mi, int s, int64_t *out);

/* "2026-11-20", "2026-11-20T10:00", "2026-11-20 10:00:30" (a fraction of a
 * second is accepted and dropped), local time unless followed by an offset:
 * "Z", "+01:00", "+0100" or "+01". Years 1900 to 9999. Returns -1 with *cause, which names the
 * text, on anything else. */
int date_parse_iso(const char *s, int64_t *out, char **cause);

/* Formats: "2026-11-20T10:00:00+01:00" (local, with offset), "2026-11-20",
 * "2026-11-20 10:00"; the year always has four digits. */
void date_format_iso(int64_t t, char out[32]);
void date_format_day(int64_t t, char out[16]);
void date_format_minute(int64_t t, char out[24]);

int64_t date_day_start(int64_t t);  /* local midnight on or before t */
int64_t date_week_start(int64_t t); /* Monday 00:00 local of t's ISO week */
/* Same wall-clock time, days later (or earlier); across a DST change the
 * result is 23 or 25 hours away. 0 days gives t itself. */
int64_t date_add_days(int64_t t, int days);
/* Whole days from a to b as the calendar counts them (local dates). */
int date_days_between(int64_t a, int64_t b);

/* The leading WHEN of a capture line: today | yesterday | Nd ago | Nw ago |
 * mon..sun (most recent past day, never today) | YYYY-MM-DD, each optionally
 * followed by HH:MM. `words` are the line's words; on success *used is how
 * many words were consumed (0 when the line has no WHEN: *out is then now).
 * A word that looks like a WHEN but is invalid (2026-02-30, 25:00) is an
 * error. Times without HH:MM keep now's clock time for today, else 12:00. */
int date_parse_when(char *const *words, size_t nwords, int64_t now, int64_t *out,
                    size_t *used, char **cause);

/* A due date: today | tomorrow | Nd | Nw | Nm (months) | mon..sun (next such
 * day, never today) | YYYY-MM-DD. Result is local midnight starting that day. */
int date_parse_due(const char *s, int64_t now, int64_t *out, char **cause);

/* The local calendar date of t. */
void date_local_ymd(int64_t t, int *y, int *m, int *d);
/* The local weekday of t, 0=Monday..6=Sunday. */
int date_weekday(int64_t t);
/* "Monday" .. "Sunday" for 0..6 (static; "?" out of range). */
const char *date_weekday_name(int wday);

/* Weekday 0=Monday..6=Sunday from a lower-case English name or 3-letter
 * abbreviation; -1 if not a weekday. */
int date_weekday_parse(const char *s);

#endif
