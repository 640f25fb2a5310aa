/* csv.c: the RFC 4180 reader (streaming, line numbers, lenient where readers agree) and
 * writer (quoting, the formula escape) behind every CSV format. Pure; depends on buf.h. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#define CSV_CHUNK 65536

struct csv_mem {
	const char *s;
	size_t n, at;
};

struct csv_reader {
	size_t (*read)(void *ctx, char *dst, size_t n);
	void *ctx;
	struct csv_mem mem; /* the source of csv_reader_new_mem */
	char chunk[CSV_CHUNK];
	size_t pos, len;
	int eof;         /* read returned short: nothing more to fill */
	int bom_checked; /* the start was looked at for a byte order mark */
	size_t line;     /* the physical line being read, 1-based */
	size_t start;    /* the line on which the last record started */
	char sep;        /* between fields: ',' unless told */
	struct buf cell;
};

static size_t csv_read_file(void *ctx, char *dst, size_t n)
{
	return fread(dst, 1, n, (FILE *)ctx);
}

static size_t csv_read_mem(void *ctx, char *dst, size_t n)
{
	struct csv_mem *m = ctx;
	size_t k = m->n - m->at < n ? m->n - m->at : n;
	if (k > 0)
		memcpy(dst, m->s + m->at, k);
	m->at += k;
	return k;
}

struct csv_reader *csv_reader_new(size_t (*read)(void *ctx, char *dst, size_t n), void *ctx)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->read = read;
	r->ctx = ctx;
	r->line = 1;
	r->start = 1;
	r->sep = ',';
	buf_init(&r->cell);
	return r;
}

struct csv_reader *csv_reader_new_file(FILE *f)
{
	return csv_reader_new(csv_read_file, f);
}

struct csv_reader *csv_reader_new_mem(const char *s, size_t n)
{
	struct csv_reader *r = csv_reader_new(csv_read_mem, NULL);
	r->mem.s = s;
	r->mem.n = n;
	r->ctx = &r->mem;
	return r;
}

void csv_reader_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	buf_free(&r->cell);
	free(r);
}

size_t csv_reader_lineno(const struct csv_reader *r)
{
	return r->start;
}

static int csv_fill(struct csv_reader *r)
{
	if (r->pos < r->len)
		return 1;
	if (r->eof)
		return 0;
	r->pos = 0;
	r->len = r->read(r->ctx, r->chunk, sizeof r->chunk);
	if (r->len < sizeof r->chunk)
		r->eof = 1;
	if (!r->bom_checked) {
		r->bom_checked = 1;
		if (r->len >= 3 && memcmp(r->chunk, "\xEF\xBB\xBF", 3) == 0)
			r->pos = 3;
	}
	return r->pos < r->len;
}

/* The next byte, or -1 at the end. */
static int csv_get(struct csv_reader *r)
{
	if (!csv_fill(r))
		return -1;
	return (unsigned char)r->chunk[r->pos++];
}

static int csv_peek(struct csv_reader *r)
{
	if (!csv_fill(r))
		return -1;
	return (unsigned char)r->chunk[r->pos];
}

/* c was CR or LF: takes the LF of a CRLF and counts the line. */
static void csv_newline(struct csv_reader *r, int c)
{
	if (c == '\r' && csv_peek(r) == '\n')
		r->pos++;
	r->line++;
}

static int csv_is_eol(int c)
{
	return c == '\r' || c == '\n';
}

/* The record parser of csv_reader_next; lenient: a quote left open at the end closes
 * there instead of being an error. */
static int csv_next(struct csv_reader *r, struct strv *fields, int lenient, char **cause)
{
	strv_free(fields);
	strv_init(fields);
	int c = csv_get(r);
	if (c < 0)
		return 0;
	r->start = r->line;
	size_t total = 0;
	for (;;) {
		buf_reset(&r->cell);
		if (c == '"') {
			size_t opened = r->line;
			for (;;) {
				c = csv_get(r);
				if (c < 0) {
					if (lenient)
						break;
					return err_set(cause, "line %zu: unterminated quoted field", opened);
				}
				if (c == '"') {
					if (csv_peek(r) != '"') {
						c = csv_get(r);
						break;
					}
					r->pos++;
				} else if (csv_is_eol(c)) {
					csv_newline(r, c);
					c = '\n';
				}
				buf_putc(&r->cell, (char)c);
				if (++total > CSV_RECORD_MAX)
					return err_set(cause, "line %zu: record longer than 16 MiB",
					               r->start);
			}
		}
		/* an unquoted field, or what follows a closing quote, up to the separator */
		while (c >= 0 && c != r->sep && !csv_is_eol(c)) {
			buf_putc(&r->cell, (char)c);
			if (++total > CSV_RECORD_MAX)
				return err_set(cause, "line %zu: record longer than 16 MiB", r->start);
			c = csv_get(r);
		}
		strv_push(fields, buf_str(&r->cell));
		if (c == r->sep) {
			c = csv_get(r);
			continue;
		}
		if (c >= 0)
			csv_newline(r, c);
		return 1;
	}
}

int csv_reader_next(struct csv_reader *r, struct strv *fields, char **cause)
{
	return csv_next(r, fields, 0, cause);
}

int csv_reader_line(struct csv_reader *r, struct buf *line)
{
	buf_reset(line);
	int c = csv_get(r);
	if (c < 0)
		return 0;
	r->start = r->line;
	while (c >= 0 && !csv_is_eol(c)) {
		buf_putc(line, (char)c);
		c = csv_get(r);
	}
	if (c >= 0)
		csv_newline(r, c);
	if (line->data == NULL)
		buf_puts(line, "");
	return 1;
}

void csv_split_line_sep(const char *s, size_t n, char sep, struct strv *fields)
{
	struct csv_reader *r = csv_reader_new_mem(s, n);
	r->bom_checked = 1;
	r->sep = sep;
	if (csv_next(r, fields, 1, NULL) <= 0)
		strv_push(fields, "");
	csv_reader_free(r);
}

void csv_split_line(const char *s, size_t n, struct strv *fields)
{
	csv_split_line_sep(s, n, ',', fields);
}

char csv_guess_sep(const char *s, size_t n)
{
	static const char seps[] = {',', ';', '\t'};
	size_t count[3] = {0, 0, 0};
	int quoted = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		for (size_t k = 0; !quoted && k < 3; k++)
			count[k] += s[i] == seps[k];
	}
	size_t best = 0;
	for (size_t k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return seps[best];
}

void csv_reader_set_sep(struct csv_reader *r, char sep)
{
	r->sep = sep;
}

void csv_writer_init(struct csv_writer *w, struct buf *out)
{
	w->out = out;
	w->col = 0;
}

static void csv_sep(struct csv_writer *w)
{
	if (w->col++ > 0)
		buf_putc(w->out, ',');
}

void csv_put_text(struct csv_writer *w, const char *s)
{
	csv_sep(w);
	if (s == NULL)
		s = "";
	size_t n = strlen(s);
	int formula = n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
	int quote = formula || strpbrk(s, ",\"\r\n") != NULL ||
	            (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
	if (!quote) {
		buf_add(w->out, s, n);
		return;
	}
	buf_putc(w->out, '"');
	if (formula)
		buf_putc(w->out, '\'');
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(w->out, '"');
		buf_putc(w->out, *p);
	}
	buf_putc(w->out, '"');
}

void csv_put_number(struct csv_writer *w, double v, int decimals)
{
	csv_sep(w);
	buf_printf(w->out, "%.*f", decimals, v);
}

void csv_end_row(struct csv_writer *w)
{
	buf_puts(w->out, "\r\n");
	w->col = 0;
}
