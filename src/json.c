/* json.c: a small JSON writer. Pure; depends on buf.h, date.h and utf8.h
 * (invalid UTF-8 is replaced so that the output is always valid JSON). */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "utf8.h"

void json_init(struct json *j, struct buf *out, int pretty)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->pretty = pretty;
}

static void json_indent(struct json *j)
{
	if (!j->pretty)
		return;
	buf_putc(j->out, '\n');
	for (int i = 0; i < j->depth; i++)
		buf_puts(j->out, "  ");
}

/* Separator and indentation before a value or a key. Only the innermost
 * container's item count is kept: the container a close returns to holds at
 * least the one just closed, so any depth stays valid without a cap. */
static void json_item(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0) {
		if (j->items > 0)
			buf_putc(j->out, ',');
		json_indent(j);
	}
	j->items++;
}

static void json_open(struct json *j, char c)
{
	json_item(j);
	buf_putc(j->out, c);
	j->depth++;
	j->items = 0;
}

static void json_close(struct json *j, char c)
{
	int had = j->items > 0;
	if (j->depth > 0)
		j->depth--;
	j->items = 1;
	if (had)
		json_indent(j);
	buf_putc(j->out, c);
	if (j->depth == 0 && j->pretty)
		buf_putc(j->out, '\n');
}

void json_object_begin(struct json *j)
{
	json_open(j, '{');
}

void json_object_end(struct json *j)
{
	json_close(j, '}');
}

void json_array_begin(struct json *j)
{
	json_open(j, '[');
}

void json_array_end(struct json *j)
{
	json_close(j, ']');
}

void json_key(struct json *j, const char *key)
{
	json_item(j);
	json_escape(j->out, key);
	buf_puts(j->out, j->pretty ? ": " : ":");
	j->after_key = 1;
}

void json_escape(struct buf *out, const char *s)
{
	size_t len = strlen(s);
	buf_putc(out, '"');
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID) {
			buf_puts(out, "\\ufffd");
		} else if (cp == '"' || cp == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)cp);
		} else if (cp == '\n') {
			buf_puts(out, "\\n");
		} else if (cp == '\t') {
			buf_puts(out, "\\t");
		} else if (cp == '\r') {
			buf_puts(out, "\\r");
		} else if (utf8_is_control(cp)) { /* C0, DEL, C1, bidi: all in the BMP */
			buf_printf(out, "\\u%04x", (unsigned)cp);
		} else {
			buf_add(out, s + i, n);
		}
		i += n;
	}
	buf_putc(out, '"');
}

void json_string(struct json *j, const char *s)
{
	json_item(j);
	if (s == NULL)
		buf_puts(j->out, "null");
	else
		json_escape(j->out, s);
}

void json_int(struct json *j, int64_t v)
{
	json_item(j);
	buf_printf(j->out, "%lld", (long long)v);
}

void json_double(struct json *j, double v)
{
	json_item(j);
	if (!isfinite(v)) {
		buf_puts(j->out, "null");
		return;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	buf_printf(j->out, "%.10g", v);
}

void json_bool(struct json *j, int v)
{
	json_item(j);
	buf_puts(j->out, v ? "true" : "false");
}

void json_null(struct json *j)
{
	json_item(j);
	buf_puts(j->out, "null");
}

void json_time(struct json *j, int64_t t)
{
	if (t == 0) {
		json_null(j);
		return;
	}
	char iso[32];
	date_format_iso(t, iso);
	json_string(j, iso);
}

void json_member_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void json_member_int(struct json *j, const char *key, int64_t v)
{
	json_key(j, key);
	json_int(j, v);
}

void json_member_double(struct json *j, const char *key, double v)
{
	json_key(j, key);
	json_double(j, v);
}

void json_member_bool(struct json *j, const char *key, int v)
{
	json_key(j, key);
	json_bool(j, v);
}

void json_member_time(struct json *j, const char *key, int64_t t)
{
	json_key(j, key);
	json_time(j, t);
}
