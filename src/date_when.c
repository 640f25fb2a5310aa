/* date_when.c: the WHEN and due forms of the capture grammar (DESIGN.md §5):
 * "yesterday 18:30", "3d ago", "fri", "2026-11-20"; "!1w", "!fri", "!2m".
 * Pure: `now` is an argument. Depends on date.h, err.h and libc's localtime_r. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "utf8.h"

#define WHEN_MAX_DAYS 36500 /* "N days ago": a hundred years back at most */
#define DUE_MAX_DAYS 3650   /* a follow-up at most ten years ahead */
#define DUE_MAX_MONTHS 120
#define WORD_MAX 32 /* longer words are never a date form */

struct ymd {
	int y, m, d;
};

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant). */
static int64_t when_days_from_civil(struct ymd c)
{
	int y = c.y - (c.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (c.m + (c.m > 2 ? -3 : 9)) + 2) / 5 + c.d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static struct ymd when_civil_from_days(int64_t z)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	struct ymd c;
	c.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	c.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	c.y = (int)(yoe + era * 400 + (c.m <= 2));
	return c;
}

/* The local calendar date of t; *wday is 0=Monday..6=Sunday. */
static struct ymd when_local_date(int64_t t, int *wday)
{
	time_t tt = (time_t)t;
	struct tm tm;
	struct ymd c = {1970, 1, 1};
	if (localtime_r(&tt, &tm) == NULL) {
		*wday = 3;
		return c;
	}
	c.y = tm.tm_year + 1900;
	c.m = tm.tm_mon + 1;
	c.d = tm.tm_mday;
	*wday = (tm.tm_wday + 6) % 7;
	return c;
}

static struct ymd when_add_days(struct ymd c, int64_t days)
{
	return when_civil_from_days(when_days_from_civil(c) + days);
}

/* Months later, the day clamped to the end of the month (Jan 31 + 1m = Feb 28). */
static struct ymd when_add_months(struct ymd c, int months)
{
	int64_t m0 = (int64_t)c.y * 12 + (c.m - 1) + months;
	struct ymd r = {(int)(m0 / 12), (int)(m0 % 12) + 1, c.d};
	while (r.d > 28 && !date_valid_ymd(r.y, r.m, r.d))
		r.d--;
	return r;
}

/* Lower-cases s into out (size WORD_MAX); -1 when s is too long to be a date form. */
static int when_lower(const char *s, char out[WORD_MAX])
{
	size_t n = strlen(s);
	if (n >= WORD_MAX)
		return -1;
	for (size_t i = 0; i <= n; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	return 0;
}

/* How many bytes of s to quote in a message: at most 40, never half a character. */
static int when_clip(const char *s)
{
	return (int)utf8_clip(s, strlen(s), 40);
}

/* Reads 1 to max digits at *p; -1 when there are none or more than max. */
static int when_digits(const char **p, int max, int *out)
{
	const char *s = *p;
	int v = 0, n = 0;
	while (isdigit((unsigned char)*s)) {
		if (++n > max)
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	if (n == 0)
		return -1;
	*p = s;
	*out = v;
	return 0;
}

/* 1 when s starts like a calendar date: digits, '-', digits, '-', a digit
 * ("2026-11-19", "2026-13-01", "26-1-1x"). Such a word must be a date. */
static int when_looks_like_date(const char *s)
{
	const char *p = s;
	for (int part = 0; part < 2; part++) {
		if (!isdigit((unsigned char)*p))
			return 0;
		while (isdigit((unsigned char)*p))
			p++;
		if (*p++ != '-')
			return 0;
	}
	return isdigit((unsigned char)*p);
}

/* 1 when s starts like a clock time: digits, ':', a digit ("9:05", "9:5",
 * "25:00", "10:30am"). Such a word must be a time. */
static int when_looks_like_time(const char *s)
{
	const char *p = s;
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	return p[0] == ':' && isdigit((unsigned char)p[1]);
}

/* A clock time at p: H or HH, ':', MM, optionally ':' SS, then the end. */
static int when_clock(const char *p, int *h, int *mi, int *sec)
{
	*sec = 0;
	if (when_digits(&p, 2, h) != 0 || *p++ != ':' || !isdigit((unsigned char)p[0]) ||
	    !isdigit((unsigned char)p[1]) || when_digits(&p, 2, mi) != 0)
		return -1;
	if (*p == ':') {
		p++;
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) ||
		    when_digits(&p, 2, sec) != 0)
			return -1;
	}
	return *p == '\0' && *h <= 23 && *mi <= 59 && *sec <= 59 ? 0 : -1;
}

static int when_parse_time(const char *s, int *h, int *mi, int *sec, char **cause)
{
	if (when_clock(s, h, mi, sec) != 0)
		return err_set(cause,
		               "'%.*s' is not a time of day (write HH:MM or HH:MM:SS, 00:00 to "
		               "23:59)",
		               when_clip(s), s);
	return 0;
}

/* A word of date shape: YYYY-MM-DD, and when *timed is not NULL maybe a
 * clock time after 'T' (*timed is then 1). -1 with *cause when it is not a
 * day of the calendar, is out of range or has anything else. */
static int when_parse_date(const char *s, struct ymd *out, int *timed, int *h, int *mi,
                           int *sec, char **cause)
{
	const char *p = s;
	int y, m, d;
	if (timed != NULL)
		*timed = 0;
	if (when_digits(&p, 4, &y) != 0 || p - s != 4 || *p++ != '-' ||
	    when_digits(&p, 2, &m) != 0 || *p++ != '-' || when_digits(&p, 2, &d) != 0)
		return err_set(cause, "'%.*s' is not a date (write YYYY-MM-DD)", when_clip(s), s);
	if (timed != NULL && (*p == 'T' || *p == 't')) {
		if (when_clock(p + 1, h, mi, sec) != 0)
			return err_set(cause,
			               "'%.*s' has a bad time (write YYYY-MM-DDTHH:MM or "
			               "YYYY-MM-DDTHH:MM:SS)",
			               when_clip(s), s);
		*timed = 1;
	} else if (*p != '\0') {
		return err_set(cause, "'%.*s' is not a date (write YYYY-MM-DD)", when_clip(s), s);
	}
	if (!date_valid_ymd(y, m, d))
		return err_set(cause, "'%.*s' is not a day of the calendar", when_clip(s), s);
	if (!date_year_in_range(y))
		return err_set(cause, "'%.*s' is out of range (years %d to %d)", when_clip(s), s,
		               DATE_YEAR_MIN, DATE_YEAR_MAX);
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

/* The unit of "N<unit> ago" or "N <unit> ago": days per unit, 0 when unknown. */
static int when_unit_days(const char *u)
{
	if (strcmp(u, "d") == 0 || strcmp(u, "day") == 0 || strcmp(u, "days") == 0)
		return 1;
	if (strcmp(u, "w") == 0 || strcmp(u, "week") == 0 || strcmp(u, "weeks") == 0)
		return 7;
	return 0;
}

static int when_is_ago(char *const *words, size_t nwords, size_t i)
{
	char low[WORD_MAX];
	return i < nwords && when_lower(words[i], low) == 0 && strcmp(low, "ago") == 0;
}

static int when_make(struct ymd c, int h, int mi, int sec, int64_t *out, char **cause)
{
	if (!date_year_in_range(c.y))
		return err_set(cause, "%04d-%02d-%02d is out of range (years %d to %d)", c.y, c.m,
		               c.d, DATE_YEAR_MIN, DATE_YEAR_MAX);
	if (date_make_local(c.y, c.m, c.d, h, mi, sec, out) != 0)
		return err_set(cause, "%04d-%02d-%02d cannot be represented", c.y, c.m, c.d);
	return 0;
}

/* On failure *used is the index of the word at fault (a caller can point at it). */
int date_parse_when(char *const *words, size_t nwords, int64_t now, int64_t *out, size_t *used,
                    char **cause)
{
	char w[WORD_MAX];
	int wday;
	struct ymd today = when_local_date(now, &wday), day = today;
	int keep_now = 0; /* today without a clock time keeps now's time */
	int h = 12, mi = 0, sec = 0, timed = 0; /* timed: the date word held the time */
	size_t i = 0;

	*used = 0;
	*out = now;
	if (nwords == 0)
		return 0;
	if (when_lower(words[0], w) != 0) {
		if (when_looks_like_date(words[0]) || when_looks_like_time(words[0]))
			return err_set(cause, "'%.*s' is not a date or a time of day",
			               when_clip(words[0]), words[0]);
		return 0;
	}
	if (strcmp(w, "today") == 0) {
		keep_now = 1;
		i = 1;
	} else if (strcmp(w, "yesterday") == 0) {
		day = when_add_days(today, -1);
		i = 1;
	} else if (date_weekday_parse(w) >= 0) {
		int back = (wday - date_weekday_parse(w) + 7) % 7;
		day = when_add_days(today, back == 0 ? -7 : -back);
		i = 1;
	} else if (when_looks_like_date(w)) {
		if (when_parse_date(words[0], &day, &timed, &h, &mi, &sec, cause) != 0)
			return -1;
		i = 1;
	} else if (when_looks_like_time(w)) {
		i = 0; /* a bare HH:MM: today at that time */
	} else if (isdigit((unsigned char)w[0])) {
		/* "3d ago", "2w ago", "3 days ago"; a number before "ago" with any
		 * other unit is an error, any other number is ordinary text. */
		const char *p = w;
		int n = 0;
		int numok = when_digits(&p, 6, &n) == 0;
		size_t ago_at = *p != '\0' ? 1 : 2;
		char unit[WORD_MAX];
		if (*p != '\0')
			snprintf(unit, sizeof unit, "%s", p);
		else if (nwords > 1 && when_lower(words[1], unit) == 0)
			;
		else
			unit[0] = '\0';
		if (!when_is_ago(words, nwords, ago_at))
			return 0;
		int per = numok ? when_unit_days(unit) : 0;
		if (per == 0)
			return err_set(cause, "'%s%s%s ago' is not a time (write 3d ago or 2w ago)",
			               words[0], ago_at == 2 ? " " : "",
			               ago_at == 2 ? words[1] : "");
		if (n * per > WHEN_MAX_DAYS)
			return err_set(cause, "'%s' is too far back (at most %d days ago)",
			               words[0], WHEN_MAX_DAYS);
		if (n == 0)
			keep_now = 1;
		else
			day = when_add_days(today, -(int64_t)n * per);
		i = ago_at + 1;
	} else {
		return 0;
	}

	if (!timed && i < nwords && when_lower(words[i], w) == 0 && when_looks_like_time(w)) {
		if (when_parse_time(words[i], &h, &mi, &sec, cause) != 0) {
			*used = i;
			return -1;
		}
		keep_now = 0;
		i++;
	}
	if (!keep_now && when_make(day, h, mi, sec, out, cause) != 0)
		return -1;
	*used = i;
	return 0;
}

int date_parse_due(const char *s, int64_t now, int64_t *out, char **cause)
{
	char w[WORD_MAX];
	int wday;
	struct ymd today = when_local_date(now, &wday), day;

	if (when_lower(s, w) != 0)
		goto bad;
	if (strcmp(w, "today") == 0) {
		day = today;
	} else if (strcmp(w, "tomorrow") == 0) {
		day = when_add_days(today, 1);
	} else if (date_weekday_parse(w) >= 0) {
		int ahead = (date_weekday_parse(w) - wday + 7) % 7;
		day = when_add_days(today, ahead == 0 ? 7 : ahead);
	} else if (when_looks_like_date(w)) {
		if (when_parse_date(s, &day, NULL, NULL, NULL, NULL, cause) != 0)
			return -1;
	} else if (isdigit((unsigned char)w[0])) {
		const char *p = w;
		int n;
		if (when_digits(&p, 6, &n) != 0)
			return err_set(cause, "'%.*s' is too far ahead (at most %d days)",
			               when_clip(s), s, DUE_MAX_DAYS);
		if (p[0] == '\0' || p[1] != '\0')
			goto bad;
		switch (p[0]) {
		case 'd':
		case 'w':
			if (n * (p[0] == 'w' ? 7 : 1) > DUE_MAX_DAYS)
				return err_set(cause, "'%s' is too far ahead (at most %d days)", s,
				               DUE_MAX_DAYS);
			day = when_add_days(today, n * (p[0] == 'w' ? 7 : 1));
			break;
		case 'm':
		case 'y':
			if (n * (p[0] == 'y' ? 12 : 1) > DUE_MAX_MONTHS)
				return err_set(cause, "'%s' is too far ahead (at most %d months)",
				               s, DUE_MAX_MONTHS);
			day = when_add_months(today, n * (p[0] == 'y' ? 12 : 1));
			break;
		default:
			goto bad;
		}
	} else {
		goto bad;
	}
	return when_make(day, 0, 0, 0, out, cause);
bad:
	return err_set(cause,
	               "'%.*s' is not a due date (write today, tomorrow, 3d, 2w, 1m, fri or "
	               "2026-12-01)",
	               when_clip(s), s);
}
