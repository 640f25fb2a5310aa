/* date.c: calendar arithmetic in local time and ISO 8601 text. Pure: never
 * reads the clock. The capture grammar's WHEN and due forms are in
 * date_when.c. Depends on libc's mktime/localtime_r. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "err.h"

static int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_valid_ymd(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	int max = mdays[m - 1] + (m == 2 && date_is_leap(y));
	return d <= max;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t date_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int date_year_in_range(int y)
{
	return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX;
}

int date_make_local(int y, int mo, int d, int h, int mi, int s, int64_t *out)
{
	if (!date_valid_ymd(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
		return -1;
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	if (t == (time_t)-1 && !(y == 1969 && mo == 12 && d == 31))
		return -1;
	*out = (int64_t)t;
	return 0;
}

static int date_digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

/* A UTC offset after the time: "Z", "+HH", "+HHMM" or "+HH:MM" (or '-'). */
static int date_parse_offset(const char *p, int *off)
{
	if ((*p == 'Z' || *p == 'z') && p[1] == '\0') {
		*off = 0;
		return 0;
	}
	if (*p != '+' && *p != '-')
		return -1;
	int sign = *p == '-' ? -1 : 1, oh, om = 0;
	p++;
	if (date_digits(&p, 2, &oh) != 0)
		return -1;
	if (*p == ':') {
		p++;
		if (date_digits(&p, 2, &om) != 0)
			return -1;
	} else if (*p != '\0' && date_digits(&p, 2, &om) != 0) {
		return -1;
	}
	if (*p != '\0' || oh > 14 || om > 59)
		return -1;
	*off = sign * (oh * 3600 + om * 60);
	return 0;
}

int date_parse_iso(const char *s, int64_t *out, char **cause)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	if (date_digits(&p, 4, &y) || *p++ != '-' || date_digits(&p, 2, &mo) || *p++ != '-' ||
	    date_digits(&p, 2, &d))
		return err_set(cause, "'%s' is not a date (expected YYYY-MM-DD[THH:MM])", s);
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (date_digits(&p, 2, &h) || *p++ != ':' || date_digits(&p, 2, &mi))
			return err_set(cause, "'%s' has a bad time (expected HH:MM)", s);
		if (*p == ':') {
			p++;
			if (date_digits(&p, 2, &sec))
				return err_set(cause, "'%s' has bad seconds", s);
			if ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1])) {
				p++; /* a fraction of a second is dropped */
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
	}
	if (!date_valid_ymd(y, mo, d))
		return err_set(cause, "'%s' is not a day of the calendar", s);
	if (!date_year_in_range(y))
		return err_set(cause, "'%s' is out of range (years %d to %d)", s, DATE_YEAR_MIN,
		               DATE_YEAR_MAX);
	if (h > 23 || mi > 59 || sec > 59)
		return err_set(cause, "'%s' is not a time of day", s);
	if (*p == '\0')
		return date_make_local(y, mo, d, h, mi, sec, out) == 0
			   ? 0
			   : err_set(cause, "'%s' cannot be represented", s);
	int off = 0;
	if (date_parse_offset(p, &off) != 0) {
		if (*p == '+' || *p == '-' || *p == 'Z' || *p == 'z')
			return err_set(cause, "'%s' has a bad UTC offset", s);
		return err_set(cause, "'%s' has trailing text", s);
	}
	*out = date_days_from_civil(y, mo, d) * DAY_SECONDS + h * 3600 + mi * 60 + sec - off;
	return 0;
}

static void date_local(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;
	if (localtime_r(&tt, tm) == NULL)
		memset(tm, 0, sizeof *tm);
}

/* The local fields of t, each within its width: a year outside 0..9999
 * (only a damaged journal holds one) is clamped, so that every form prints
 * four digits of year. f: year, month, day, hour, minute, second. */
static void date_fields(int64_t t, unsigned f[6], long *off)
{
	struct tm tm;
	date_local(t, &tm);
	int y = tm.tm_year + 1900;
	f[0] = y < 0 ? 0u : y > 9999 ? 9999u : (unsigned)y;
	f[1] = (unsigned)tm.tm_mon % 12u + 1u;
	f[2] = (unsigned)tm.tm_mday % 32u;
	f[3] = (unsigned)tm.tm_hour % 24u;
	f[4] = (unsigned)tm.tm_min % 60u;
	f[5] = (unsigned)tm.tm_sec % 61u;
	*off = tm.tm_gmtoff;
}

void date_format_iso(int64_t t, char out[32])
{
	unsigned f[6];
	long off;
	date_fields(t, f, &off);
	char sign = off < 0 ? '-' : '+';
	unsigned long a = off < 0 ? (unsigned long)-off : (unsigned long)off;
	snprintf(out, 32, "%04u-%02u-%02uT%02u:%02u:%02u%c%02u:%02u", f[0], f[1], f[2], f[3], f[4],
	         f[5], sign, (unsigned)(a / 3600 % 100), (unsigned)(a % 3600 / 60));
}

void date_format_day(int64_t t, char out[16])
{
	unsigned f[6];
	long off;
	date_fields(t, f, &off);
	snprintf(out, 16, "%04u-%02u-%02u", f[0], f[1], f[2]);
}

void date_format_minute(int64_t t, char out[24])
{
	unsigned f[6];
	long off;
	date_fields(t, f, &off);
	snprintf(out, 24, "%04u-%02u-%02u %02u:%02u", f[0], f[1], f[2], f[3], f[4]);
}

int64_t date_day_start(int64_t t)
{
	struct tm tm;
	date_local(t, &tm);
	int64_t out = t;
	if (date_make_local(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, 0, 0, 0, &out) != 0) {
		int64_t r = t % DAY_SECONDS;
		return t - (r < 0 ? r + DAY_SECONDS : r);
	}
	return out;
}

int64_t date_week_start(int64_t t)
{
	struct tm tm;
	date_local(t, &tm);
	int back = (tm.tm_wday + 6) % 7; /* days since Monday */
	return date_day_start(date_add_days(date_day_start(t), -back));
}

int64_t date_add_days(int64_t t, int days)
{
	if (days == 0)
		return t; /* mktime could pick the other side of an ambiguous hour */
	struct tm tm;
	date_local(t, &tm);
	tm.tm_mday += days;
	tm.tm_isdst = -1;
	time_t r = mktime(&tm);
	if (r == (time_t)-1)
		return t + (int64_t)days * DAY_SECONDS;
	return (int64_t)r;
}

int date_days_between(int64_t a, int64_t b)
{
	struct tm ta, tb;
	date_local(a, &ta);
	date_local(b, &tb);
	int64_t da = date_days_from_civil(ta.tm_year + 1900, ta.tm_mon + 1, ta.tm_mday);
	int64_t db = date_days_from_civil(tb.tm_year + 1900, tb.tm_mon + 1, tb.tm_mday);
	return (int)(db - da);
}

void date_local_ymd(int64_t t, int *y, int *m, int *d)
{
	struct tm tm;
	date_local(t, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

int date_weekday(int64_t t)
{
	struct tm tm;
	date_local(t, &tm);
	return (tm.tm_wday + 6) % 7;
}

const char *date_weekday_name(int wday)
{
	static const char *const names[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
	                                     "Friday", "Saturday", "Sunday"};
	return wday >= 0 && wday < 7 ? names[wday] : "?";
}

int date_weekday_parse(const char *s)
{
	static const char *const names[7] = {"monday", "tuesday", "wednesday", "thursday",
	                                     "friday", "saturday", "sunday"};
	size_t n = strlen(s);
	if (n < 3)
		return -1;
	for (int i = 0; i < 7; i++) {
		if (n == 3 && strncmp(s, names[i], 3) == 0)
			return i;
		if (strcmp(s, names[i]) == 0)
			return i;
	}
	return -1;
}
