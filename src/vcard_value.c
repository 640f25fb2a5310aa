/* vcard_value.c: what a vCard content line's parameters and value mean:
 * TYPE forms, CHARSET and ENCODING parameters, QUOTED-PRINTABLE and base64,
 * text escapes, and the birthday forms. Depends on charset, buf. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "charset.h"
#include "err.h"
#include "vcard_int.h"

int vcard_has_word(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (strncasecmp(s + i, word, w) == 0)
			return 1;
	return 0;
}

/* ---- parameters ---- */

/* Calls fn for each parameter of params (";A=b;C;D="e;f""): name (as
 * written) and value (NULL for a bare one, quotes kept). */
typedef void (*vcard_param_fn)(void *arg, const char *name, size_t nlen, const char *value,
                               size_t vlen);
static void vcard_each_param(const char *params, vcard_param_fn fn, void *arg)
{
	const char *p = params;
	while (*p == ';') {
		p++;
		const char *start = p, *eq = NULL;
		int q = 0;
		while (*p != '\0' && (q || *p != ';')) {
			if (*p == '"')
				q = !q;
			else if (*p == '=' && eq == NULL && !q)
				eq = p;
			p++;
		}
		if (p == start)
			continue;
		if (eq == NULL)
			fn(arg, start, (size_t)(p - start), NULL, 0);
		else
			fn(arg, start, (size_t)(eq - start), eq + 1, (size_t)(p - eq - 1));
	}
}

static int vcard_name_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

/* Whether c ends a type: a comma, a quote, and the ';' and ':' a quoted
 * value may hold (kept, they would read as a parameter's or the value's
 * start when the type is written again). */
static int vcard_type_ends(char c)
{
	return c == ',' || c == '"' || c == ';' || c == ':';
}

static void vcard_add_type(struct buf *types, const char *v, size_t n)
{
	/* TYPE=a,b and "a,b": one type each, lower case, without the spaces
	   around it */
	size_t i = 0;
	while (i < n) {
		while (i < n && (vcard_type_ends(v[i]) || v[i] == ' '))
			i++;
		size_t s = i;
		while (i < n && !vcard_type_ends(v[i]))
			i++;
		size_t e = i;
		while (e > s && v[e - 1] == ' ')
			e--;
		if (e > s) {
			if (types->len > 0)
				buf_putc(types, ',');
			for (size_t k = s; k < e; k++)
				buf_putc(types, (char)tolower((unsigned char)v[k]));
		}
	}
}

/* 1 when one parameter says QUOTED-PRINTABLE: bare (2.1) or as ENCODING. */
static int vcard_param_is_qp(const char *name, size_t nlen, const char *value, size_t vlen)
{
	if (value == NULL)
		return vcard_name_is(name, nlen, "QUOTED-PRINTABLE");
	return vcard_name_is(name, nlen, "ENCODING") && vcard_has_word(value, vlen, "QUOTED-PRINTABLE");
}

static void vcard_param_take(void *arg, const char *name, size_t nlen, const char *value,
                             size_t vlen)
{
	struct vcard_params *ps = arg;
	int qp_here = vcard_param_is_qp(name, nlen, value, vlen);
	if (qp_here)
		ps->qp = 1;
	if (value == NULL) {
		if (qp_here)
			;
		else if (vcard_name_is(name, nlen, "BASE64") || vcard_name_is(name, nlen, "B"))
			ps->b64 = 1;
		else if (vcard_name_is(name, nlen, "8BIT") || vcard_name_is(name, nlen, "7BIT"))
			;
		else
			vcard_add_type(&ps->types, name, nlen);
		return;
	}
	if (vcard_name_is(name, nlen, "TYPE")) {
		vcard_add_type(&ps->types, value, vlen);
		return;
	}
	if (vcard_name_is(name, nlen, "ENCODING")) {
		if (qp_here)
			;
		else if (vlen > 0 && (value[0] == 'b' || value[0] == 'B'))
			ps->b64 = 1;
		if (!ps->qp)
			buf_printf(&ps->others, ";%.*s=%.*s", (int)nlen, name, (int)vlen, value);
		return;
	}
	if (vcard_name_is(name, nlen, "CHARSET")) {
		free(ps->charset_name);
		ps->charset_name = xstrndup(value, vlen);
		ps->cs = charset_parse(ps->charset_name);
		ps->has_charset = 1;
		return;
	}
	if (vcard_name_is(name, nlen, "PREF") && vlen == 1 && value[0] == '1') {
		vcard_add_type(&ps->types, "pref", 4); /* 4.0's first choice, 3.0's TYPE=pref */
		return;
	}
	if (vcard_name_is(name, nlen, "X-APPLE-OMIT-YEAR"))
		ps->omit_year = 1;
	buf_printf(&ps->others, ";%.*s=%.*s", (int)nlen, name, (int)vlen, value);
}

void vcard_params_read(struct vcard_params *ps, const char *params)
{
	memset(ps, 0, sizeof *ps);
	ps->cs = CHARSET_UTF8;
	buf_init(&ps->types);
	buf_init(&ps->others);
	vcard_each_param(params, vcard_param_take, ps);
}

static void vcard_param_note_qp(void *arg, const char *name, size_t nlen, const char *value,
                                size_t vlen)
{
	int *qp = arg;
	if (vcard_param_is_qp(name, nlen, value, vlen))
		*qp = 1;
}

int vcard_params_say_qp(const char *params)
{
	int qp = 0;
	vcard_each_param(params, vcard_param_note_qp, &qp);
	return qp;
}

void vcard_params_free(struct vcard_params *ps)
{
	free(ps->charset_name);
	buf_free(&ps->types);
	buf_free(&ps->others);
}

/* ---- values ---- */

static int vcard_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 32;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The value decoded to UTF-8: QUOTED-PRINTABLE undone, the charset converted;
 * escapes are left for vcard_unescape. Caller frees. */
char *vcard_decode(const char *v, const struct vcard_params *ps)
{
	struct buf raw, out;
	buf_init(&raw);
	buf_init(&out);
	if (ps->qp) {
		for (size_t i = 0; v[i] != '\0'; i++) {
			int h, l;
			if (v[i] == '=' && (h = vcard_hex(v[i + 1])) >= 0 && (l = vcard_hex(v[i + 2])) >= 0) {
				buf_putc(&raw, (char)(h * 16 + l));
				i += 2;
			} else {
				buf_putc(&raw, v[i]);
			}
		}
		v = buf_str(&raw);
	}
	if (ps->cs != CHARSET_UNKNOWN || ps->charset_name == NULL ||
	    charset_named_to_utf8(&out, v, strlen(v), ps->charset_name) != 0)
		charset_to_utf8(&out, v, strlen(v), ps->cs);
	buf_free(&raw);
	return buf_detach(&out);
}

/* Text escapes undone (\n \N \, \; \: \\), CR LF and CR as LF; with sep, stops at the first
 * unescaped sep and sets *end past it (NULL at the end). */
char *vcard_unescape(const char *s, char sep, const char **end)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	const char stop[] = {'\r', '\\', sep, '\0'};
	const char *p = s;
	for (; *p != '\0'; p++) {
		size_t run = strcspn(p, stop); /* bytes that stand for themselves */
		buf_add(&b, p, run);
		p += run;
		if (*p == '\0')
			break;
		if (sep != 0 && *p == sep)
			break;
		if (*p == '\r') {
			/* CRLF and CR in a value (QUOTED-PRINTABLE =0D=0A) are line breaks */
			buf_putc(&b, '\n');
			if (p[1] == '\n')
				p++;
		} else if (*p == '\\' && p[1] != '\0') {
			p++;
			buf_putc(&b, *p == 'n' || *p == 'N' ? '\n' : *p);
		} else {
			buf_putc(&b, *p);
		}
	}
	if (end != NULL)
		*end = *p == '\0' ? NULL : p + 1;
	return buf_detach(&b);
}

/* s with ASCII space, TAB, CR and LF trimmed at both ends, in place. */
char *vcard_trim(char *s)
{
	size_t n = strlen(s), a = 0;
	while (a < n && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n'))
		a++;
	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	memmove(s, s + a, n - a);
	s[n - a] = '\0';
	return s;
}

void vcard_set(char **slot, char *v)
{
	free(*slot);
	*slot = v;
}

/* BDAY forms: YYYY-MM-DD, YYYYMMDD, --MMDD, --MM-DD, with a time after T;
 * year 1604 (or X-APPLE-OMIT-YEAR) is no year. NULL when not a date. */
char *vcard_birthday(const char *v, int omit_year)
{
	int y = 0, m, d;
	char digits[9];
	size_t n = 0;
	const char *p = v;
	int noyear = 0;
	if (p[0] == '-' && p[1] == '-') {
		noyear = 1;
		p += 2;
	}
	for (; *p != '\0' && *p != 'T' && *p != 't' && n < 8; p++) {
		if (isdigit((unsigned char)*p))
			digits[n++] = *p;
		else if (*p != '-')
			return NULL;
	}
	if (*p != '\0' && *p != 'T' && *p != 't')
		return NULL;
	digits[n] = '\0';
	if (noyear ? n != 4 : n != 8)
		return NULL;
	if (!noyear) {
		y = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 +
		    (digits[3] - '0');
		memmove(digits, digits + 4, 5);
	}
	m = (digits[0] - '0') * 10 + (digits[1] - '0');
	d = (digits[2] - '0') * 10 + (digits[3] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return NULL;
	if (noyear || omit_year || y == 1604 || y == 0)
		return xasprintf("--%02d-%02d", m, d);
	if (y < 1900 || y > 9999)
		return NULL;
	return xasprintf("%04d-%02d-%02d", y, m, d);
}
