/* vcard_value.c: what a vCard content line's parts, parameters and value
 * mean: the line split into group, name and parameters, TYPE forms, CHARSET
 * and ENCODING parameters, QUOTED-PRINTABLE and base64, text escapes, and the
 * birthday forms. Depends on charset, buf. */
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

/* Calls fn for each parameter of params[0, end) (";A=b;C;D="e;f""): name
 * (as written) and value (NULL for a bare one, quotes kept). */
typedef void (*vcard_param_fn)(void *arg, const char *name, size_t nlen, const char *value,
                               size_t vlen);
static void vcard_each_param(const char *params, const char *end, vcard_param_fn fn, void *arg)
{
	const char *p = params;
	while (p < end && *p == ';') {
		p++;
		const char *start = p, *eq = NULL;
		int q = 0;
		while (p < end && *p != '\0' && (q || *p != ';')) {
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
			char *d = buf_extend(types, e - s);
			for (size_t k = s; k < e; k++) {
				unsigned char c = (unsigned char)v[k];
				*d++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c < 0x80 ? c : tolower(c));
			}
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
	buf_init(&ps->types);
	buf_init(&ps->others);
	vcard_params_reread(ps, params);
}

void vcard_params_reread(struct vcard_params *ps, const char *params)
{
	if (params[0] == '\0' && ps->types.len == 0 && ps->others.len == 0 && !ps->qp &&
	    !ps->b64 && !ps->has_charset && !ps->omit_year && ps->charset_name == NULL &&
	    ps->cs == CHARSET_UTF8)
		return; /* no parameters, and none read before */
	ps->qp = ps->b64 = ps->has_charset = ps->omit_year = 0;
	ps->cs = CHARSET_UTF8;
	if (ps->charset_name != NULL) {
		free(ps->charset_name);
		ps->charset_name = NULL;
	}
	buf_reset(&ps->types);
	buf_reset(&ps->others);
	if (params[0] != '\0')
		vcard_each_param(params, params + strlen(params), vcard_param_take, ps);
}

static void vcard_param_note_qp(void *arg, const char *name, size_t nlen, const char *value,
                                size_t vlen)
{
	int *qp = arg;
	if (vcard_param_is_qp(name, nlen, value, vlen))
		*qp = 1;
}

int vcard_params_say_qp(const char *params, size_t n)
{
	int qp = 0;
	vcard_each_param(params, params + n, vcard_param_note_qp, &qp);
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

void vcard_decode_add(struct buf *out, const char *v, size_t n, const struct vcard_params *ps)
{
	struct buf raw;
	buf_init(&raw);
	if (ps->qp) {
		for (size_t i = 0; i < n; i++) {
			int h, l;
			if (v[i] == '=' && i + 2 < n && (h = vcard_hex(v[i + 1])) >= 0 &&
			    (l = vcard_hex(v[i + 2])) >= 0) {
				buf_putc(&raw, (char)(h * 16 + l));
				i += 2;
			} else {
				buf_putc(&raw, v[i]);
			}
		}
		v = buf_str(&raw);
		n = strlen(v); /* what =00 ends */
	}
	if (ps->cs != CHARSET_UNKNOWN || ps->charset_name == NULL ||
	    charset_named_to_utf8(out, v, n, ps->charset_name) != 0)
		charset_to_utf8(out, v, n, ps->cs);
	buf_free(&raw);
}

const char *vcard_decoded(struct buf *out, const char *v, size_t n,
                          const struct vcard_params *ps, size_t *len)
{
	if (!ps->qp && ps->cs == CHARSET_UTF8 && charset_is_utf8(v, n)) {
		*len = n;
		return v;
	}
	buf_reset(out);
	vcard_decode_add(out, v, n, ps);
	*len = strlen(buf_str(out)); /* a charset may give a NUL: the text ends there */
	return buf_str(out);
}

/* Text escapes undone (\n \N \, \; \: \\), CR LF and CR as LF; with sep, stops at the first
 * unescaped sep and sets *end past it (NULL at the end). */
void vcard_unescape_add(struct buf *out, const char *s, char sep, const char **end)
{
	buf_add(out, "", 0);
	const char stop[] = {'\r', '\\', sep, '\0'};
	const char *p = s;
	for (; *p != '\0'; p++) {
		size_t run = strcspn(p, stop); /* bytes that stand for themselves */
		buf_add(out, p, run);
		p += run;
		if (*p == '\0')
			break;
		if (sep != 0 && *p == sep)
			break;
		if (*p == '\r') {
			/* CRLF and CR in a value (QUOTED-PRINTABLE =0D=0A) are line breaks */
			buf_putc(out, '\n');
			if (p[1] == '\n')
				p++;
		} else if (*p == '\\' && p[1] != '\0') {
			p++;
			buf_putc(out, *p == 'n' || *p == 'N' ? '\n' : *p);
		} else {
			buf_putc(out, *p);
		}
	}
	if (end != NULL)
		*end = *p == '\0' ? NULL : p + 1;
}

const char *vcard_unescaped(struct buf *out, const char *s, size_t n, size_t *len)
{
	if (memchr(s, '\\', n) == NULL && memchr(s, '\r', n) == NULL) {
		*len = n;
		return s;
	}
	buf_reset(out);
	vcard_unescape_add(out, s, 0, NULL);
	*len = out->len;
	return out->data;
}

static int vcard_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void vcard_trim_span(const char **s, size_t *n)
{
	const char *p = *s;
	size_t len = *n;
	while (len > 0 && vcard_blank(*p))
		p++, len--;
	while (len > 0 && vcard_blank(p[len - 1]))
		len--;
	*s = p;
	*n = len;
}

/* s with ASCII space, TAB, CR and LF trimmed at both ends, in place. */
char *vcard_trim(char *s)
{
	const char *t = s;
	size_t n = strlen(s);
	vcard_trim_span(&t, &n);
	memmove(s, t, n);
	s[n] = '\0';
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
	char out[11], *o = out;
	if (noyear || omit_year || y == 1604 || y == 0) {
		*o++ = '-';
		*o++ = '-';
	} else if (y < 1900 || y > 9999) {
		return NULL;
	} else {
		for (int k = 1000; k > 0; k /= 10)
			*o++ = (char)('0' + y / k % 10);
		*o++ = '-';
	}
	/* --MM-DD or YYYY-MM-DD */
	*o++ = (char)('0' + m / 10);
	*o++ = (char)('0' + m % 10);
	*o++ = '-';
	*o++ = (char)('0' + d / 10);
	*o++ = (char)('0' + d % 10);
	*o = '\0';
	return xstrdup(out);
}

/* ---- a content line's parts ---- */

/* What each ASCII byte is in a group and name: 1 a letter, digit, '-' or
 * '_'; 2 the '.' after a group; 3 the ';' or ':' that ends the name; 0
 * nothing a name holds. A byte past ASCII is a letter when the locale says. */
static const unsigned char vcard_name_class[128] = {
	['-'] = 1, ['_'] = 1, ['.'] = 2, [';'] = 3, [':'] = 3,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

int vcard_prop_split(const char *line, size_t len, struct vcard_prop *p)
{
	/* the group and name: up to the first ';' or ':' (no quote among them) */
	size_t i = 0, name_start = 0, dot = (size_t)-1;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)line[i];
		int k = c < 0x80 ? vcard_name_class[c] : isalnum(c) ? 1 : 0;
		if (k == 1)
			continue;
		if (k == 3)
			break;
		if (k == 2 && dot == (size_t)-1) {
			dot = i;
			name_start = i + 1;
			continue;
		}
		return 1;
	}
	if (i == len || i == name_start)
		return 1;
	/* the end of the parameters: the first ':' outside quotes */
	size_t head = i;
	int q = 0;
	while (head < len && (q || line[head] != ':')) {
		if (line[head] == '"')
			q = !q;
		head++;
	}
	if (head == len)
		return 1;
	p->len = len;
	p->head = head;
	p->ngroup = dot == (size_t)-1 ? 0 : dot;
	p->nstart = name_start;
	p->nname = i - name_start;
	p->used = 0;
	return 0;
}

size_t vcard_prop_size(const struct vcard_prop *p)
{
	/* the line, the group, the name, the parameters, each with its NUL */
	return p->len + p->ngroup + p->nname + (p->head - p->nstart - p->nname) + 4;
}

void vcard_prop_point(struct vcard_prop *p, char *block)
{
	p->raw = block;
	p->value = p->raw + p->head + 1;
	p->group = p->raw + p->len + 1;
	p->name = p->group + p->ngroup + 1;
	p->params = p->name + p->nname + 1;
}

void vcard_prop_fill(const char *line, struct vcard_prop *p, char *block)
{
	size_t nparams = p->head - p->nstart - p->nname;
	vcard_prop_point(p, block);
	memcpy(p->raw, line, p->len);
	p->raw[p->len] = '\0';
	if (p->ngroup > 0) /* most lines have no group and no parameters */
		memcpy(p->group, line, p->ngroup);
	p->group[p->ngroup] = '\0';
	for (size_t k = 0; k < p->nname; k++) {
		unsigned char c = (unsigned char)line[p->nstart + k];
		p->name[k] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c < 0x80 ? c : toupper(c));
	}
	p->name[p->nname] = '\0';
	if (nparams > 0)
		memcpy(p->params, line + p->nstart + p->nname, nparams);
	p->params[nparams] = '\0';
	p->kind = vcard_prop_kind(p->name, p->nname);
}

int vcard_parse_prop(const char *line, struct vcard_prop *p)
{
	struct vcard_prop got = {0};
	if (vcard_prop_split(line, strlen(line), &got) != 0)
		return 1;
	*p = got;
	vcard_prop_fill(line, p, xmalloc(vcard_prop_size(p)));
	return 0;
}

void vcard_prop_free(struct vcard_prop *p)
{
	free(p->raw); /* the block of all its strings (vcard_parse_prop) */
	memset(p, 0, sizeof *p);
}

/* One name of n bytes against the names of that length. */
#define VCARD_IS(word, k)                                                               \
	do {                                                                            \
		if (memcmp(name, word, n) == 0)                                         \
			return k;                                                       \
	} while (0)

enum vcard_pkind vcard_prop_kind(const char *name, size_t n)
{
	switch (n) {
	case 1:
		VCARD_IS("N", VCARD_P_N);
		break;
	case 2:
		VCARD_IS("FN", VCARD_P_FN);
		break;
	case 3:
		VCARD_IS("TEL", VCARD_P_TEL);
		VCARD_IS("URL", VCARD_P_URL);
		VCARD_IS("ADR", VCARD_P_ADR);
		VCARD_IS("ORG", VCARD_P_ORG);
		VCARD_IS("UID", VCARD_P_UID);
		VCARD_IS("END", VCARD_P_END);
		break;
	case 4:
		VCARD_IS("NOTE", VCARD_P_NOTE);
		VCARD_IS("BDAY", VCARD_P_BDAY);
		break;
	case 5:
		VCARD_IS("EMAIL", VCARD_P_EMAIL);
		VCARD_IS("TITLE", VCARD_P_TITLE);
		VCARD_IS("BEGIN", VCARD_P_BEGIN);
		VCARD_IS("PHOTO", VCARD_P_PHOTO);
		break;
	case 7:
		VCARD_IS("VERSION", VCARD_P_VERSION);
		break;
	case 9:
		VCARD_IS("X-ABLABEL", VCARD_P_X_ABLABEL);
		break;
	case 10:
		VCARD_IS("CATEGORIES", VCARD_P_CATEGORIES);
		VCARD_IS("X-KITH-MET", VCARD_P_KITH_MET);
		break;
	case 11:
		VCARD_IS("X-KITH-KIND", VCARD_P_KITH_KIND);
		break;
	case 13:
		VCARD_IS("X-KITH-CIRCLE", VCARD_P_KITH_CIRCLE);
		break;
	case 14:
		VCARD_IS("X-KITH-CADENCE", VCARD_P_KITH_CADENCE);
		break;
	default:
		break;
	}
	return VCARD_P_OTHER;
}
