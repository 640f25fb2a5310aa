/* ics.c: the follow-ups as iCalendar VTODO items (RFC 5545), with stable UIDs,
 * escaped text (valid UTF-8) and lines folded at 75 octets. Pure; depends on
 * model.h, buf.h, utf8.h and date.h. */
#include "ics.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "utf8.h"

#define ICS_LINE_MAX 75

void ics_fold(struct buf *b, const char *line, size_t len)
{
	size_t at = 0, room = ICS_LINE_MAX;
	while (len - at > room) {
		size_t cut = at + room;
		/* back to the start of the character the cut would split */
		while (cut > at && ((unsigned char)line[cut] & 0xc0) == 0x80)
			cut--;
		if (cut == at) /* not UTF-8: cut anyway rather than loop */
			cut = at + room;
		buf_add(b, line + at, cut - at);
		buf_puts(b, "\r\n ");
		at = cut;
		room = ICS_LINE_MAX - 1; /* the leading space counts */
	}
	buf_add(b, line + at, len - at);
	buf_puts(b, "\r\n");
}

void ics_escape_text(struct buf *b, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		unsigned char c = (unsigned char)s[i];
		if (cp == UTF8_INVALID) {
			buf_puts(b, "\xef\xbf\xbd"); /* U+FFFD: the file is UTF-8 */
		} else if (c == '\\' || c == ';' || c == ',') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c == '\n') {
			buf_puts(b, "\\n");
		} else if (!((c < 0x20 && c != '\t') || c == 0x7f)) {
			buf_add(b, s + i, n);
		}
		i += n;
	}
}

/* One property: name, then the value as it is, folded. */
static void ics_prop(struct buf *b, struct buf *line, const char *name, const char *value)
{
	buf_reset(line);
	buf_puts(line, name);
	buf_puts(line, value);
	ics_fold(b, line->data, line->len);
}

static void ics_prop_text(struct buf *b, struct buf *line, const char *name, const char *text)
{
	buf_reset(line);
	buf_puts(line, name);
	ics_escape_text(line, text);
	ics_fold(b, line->data, line->len);
}

/* A UTC time as 20261120T100000Z. */
static void ics_prop_time(struct buf *b, struct buf *line, const char *name, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char v[32] = "19700101T000000Z";
	if (gmtime_r(&tt, &tm) != NULL)
		strftime(v, sizeof v, "%Y%m%dT%H%M%SZ", &tm);
	ics_prop(b, line, name, v);
}

static void ics_todo(struct buf *b, struct buf *line, const struct followup *f)
{
	char day[16], date[16];
	ics_prop(b, line, "BEGIN:", "VTODO");
	ics_prop(b, line, "UID:", f->id);
	ics_prop_time(b, line, "DTSTAMP:", f->updated_at);
	ics_prop_time(b, line, "CREATED:", f->created_at);
	ics_prop_time(b, line, "LAST-MODIFIED:", f->updated_at);
	buf_reset(line);
	buf_puts(line, f->contact_name != NULL ? f->contact_name : "");
	buf_puts(line, ": ");
	buf_puts(line, f->text);
	char *summary = buf_detach(line);
	ics_prop_text(b, line, "SUMMARY:", summary);
	free(summary);
	date_format_day(f->due_at, day);
	size_t k = 0;
	for (const char *p = day; *p != '\0' && k + 1 < sizeof date; p++)
		if (*p != '-')
			date[k++] = *p;
	date[k] = '\0';
	ics_prop(b, line, "DUE;VALUE=DATE:", date);
	if (f->done_at != 0) {
		ics_prop(b, line, "STATUS:", "COMPLETED");
		ics_prop_time(b, line, "COMPLETED:", f->done_at);
		ics_prop(b, line, "PERCENT-COMPLETE:", "100");
	} else {
		ics_prop(b, line, "STATUS:", "NEEDS-ACTION");
	}
	ics_prop(b, line, "CATEGORIES:", "kith");
	ics_prop(b, line, "END:", "VTODO");
}

void ics_write_calendar(struct buf *b, const struct followup *v, size_t n)
{
	struct buf line;
	buf_init(&line);
	ics_prop(b, &line, "BEGIN:", "VCALENDAR");
	ics_prop(b, &line, "VERSION:", "2.0");
	ics_prop(b, &line, "PRODID:", "-//kith//kith follow-ups//EN");
	ics_prop(b, &line, "CALSCALE:", "GREGORIAN");
	for (size_t i = 0; i < n; i++)
		ics_todo(b, &line, &v[i]);
	ics_prop(b, &line, "END:", "VCALENDAR");
	buf_free(&line);
}
