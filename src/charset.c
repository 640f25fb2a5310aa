/* charset.c: UTF-8 checks, Windows-1252 and ISO-8859-1 to UTF-8, and a byte
 * stream that converts UTF-16 files and drops a BOM (charset.h). Depends on
 * buf.h, utf8.h and the C library's iconv for other charsets. */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Windows-1252's 0x80..0x9F; 0 where it has no character (read as Latin-1). */
static const uint16_t charset_cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static int charset_name_is(const char *a, const char *b)
{
	/* letters and digits only, ignoring case: "UTF-8" is "utf8" */
	for (;;) {
		while (*a != '\0' && !((*a >= '0' && *a <= '9') || ((*a | 32) >= 'a' && (*a | 32) <= 'z')))
			a++;
		if (*a == '\0' || *b == '\0')
			return *a == '\0' && *b == '\0';
		char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a | 32) : *a;
		if (ca != *b)
			return 0;
		a++;
		b++;
	}
}

enum charset charset_parse(const char *name)
{
	static const struct {
		const char *name;
		enum charset cs;
	} names[] = {
		{"utf8", CHARSET_UTF8},       {"usascii", CHARSET_UTF8},   {"ascii", CHARSET_UTF8},
		{"windows1252", CHARSET_CP1252}, {"cp1252", CHARSET_CP1252},
		{"iso88591", CHARSET_LATIN1}, {"latin1", CHARSET_LATIN1},  {"l1", CHARSET_LATIN1},
		{"iso885915", CHARSET_CP1252},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (charset_name_is(name, names[i].name))
			return names[i].cs;
	return CHARSET_UNKNOWN;
}

int charset_is_utf8(const char *s, size_t len)
{
	/* ASCII eight bytes at a time, the rest (from the first byte that is
	 * not ASCII) character by character */
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i == len || utf8_valid(s + i, len - i);
}

static void charset_put_cp(struct buf *out, uint32_t cp)
{
	char enc[4];
	int n = utf8_encode(cp, enc);
	buf_add(out, enc, (size_t)n);
}

static void charset_put_single(struct buf *out, unsigned char c, enum charset cs)
{
	uint32_t cp = c;
	if (cs != CHARSET_LATIN1 && c >= 0x80 && c <= 0x9f && charset_cp1252_high[c - 0x80] != 0)
		cp = charset_cp1252_high[c - 0x80];
	charset_put_cp(out, cp);
}

void charset_to_utf8(struct buf *out, const char *s, size_t len, enum charset cs)
{
	if (cs == CHARSET_CP1252 || cs == CHARSET_LATIN1) {
		for (size_t i = 0; i < len; i++) {
			if ((unsigned char)s[i] < 0x80)
				buf_putc(out, s[i]);
			else
				charset_put_single(out, (unsigned char)s[i], cs);
		}
		return;
	}
	/* runs of valid UTF-8 are copied whole, each byte of an invalid
	 * sequence is read as Windows-1252 */
	size_t i = 0, run = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID) {
			buf_add(out, s + run, i - run);
			charset_put_single(out, (unsigned char)s[i], CHARSET_CP1252);
			run = i + n;
		}
		i += n;
	}
	buf_add(out, s + run, len - run);
}

int charset_named_to_utf8(struct buf *out, const char *s, size_t len, const char *name)
{
	char *bare = xstrdup(name);
	size_t n = strlen(bare);
	if (n >= 2 && bare[0] == '"' && bare[n - 1] == '"') {
		memmove(bare, bare + 1, n - 2);
		bare[n - 2] = '\0';
	}
	iconv_t cd = iconv_open("UTF-8", bare);
	free(bare);
	if (cd == (iconv_t)-1)
		return -1;
	struct buf tmp;
	buf_init(&tmp);
	char chunk[256];
	char *in = (char *)s;
	size_t left = len;
	int rc = 0;
	while (rc == 0) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, left > 0 ? &in : NULL, left > 0 ? &left : NULL, &o, &room);
		buf_add(&tmp, chunk, sizeof chunk - room);
		if (r != (size_t)-1 && left == 0) {
			if (o == chunk)
				break; /* flushed */
			continue;
		}
		if (r == (size_t)-1 && errno != E2BIG)
			rc = -1;
	}
	(void)iconv_close(cd);
	if (rc == 0 && charset_is_utf8(tmp.data ? tmp.data : "", tmp.len))
		buf_add(out, tmp.data ? tmp.data : "", tmp.len);
	else
		rc = -1;
	buf_free(&tmp);
	return rc;
}

/* Reads the first bytes and decides the encoding. */
static void charset_stream_sniff(struct charset_stream *cs)
{
	int a = getc(cs->f);
	int b = a == EOF ? EOF : getc(cs->f);
	cs->npend = cs->ipend = 0;
	if (a == 0xff && b == 0xfe) {
		cs->utf16 = 1;
		return;
	}
	if (a == 0xfe && b == 0xff) {
		cs->utf16 = 2;
		return;
	}
	if (a != EOF && b != EOF && a != 0 && b == 0)
		cs->utf16 = 1;
	else if (a == 0 && b != EOF)
		cs->utf16 = 2;
	if (cs->utf16 != 0) {
		/* the two bytes read are the first unit */
		cs->pend[0] = (unsigned char)a;
		cs->pend[1] = (unsigned char)b;
		cs->npend = -2; /* a unit waiting to be decoded */
		return;
	}
	if (a == 0xef && b == 0xbb) {
		int c = getc(cs->f);
		if (c == 0xbf)
			return;
		cs->pend[cs->npend++] = (unsigned char)a;
		cs->pend[cs->npend++] = (unsigned char)b;
		if (c != EOF)
			cs->pend[cs->npend++] = (unsigned char)c;
		return;
	}
	if (a != EOF)
		cs->pend[cs->npend++] = (unsigned char)a;
	if (b != EOF)
		cs->pend[cs->npend++] = (unsigned char)b;
}

void charset_stream_init(struct charset_stream *cs, FILE *f)
{
	memset(cs, 0, sizeof *cs);
	cs->f = f;
	charset_stream_sniff(cs);
}

/* One UTF-16 unit, or -1 at the end. */
static long charset_stream_unit(struct charset_stream *cs)
{
	int a, b;
	if (cs->npend == -2) {
		a = cs->pend[0];
		b = cs->pend[1];
		cs->npend = 0;
	} else {
		a = getc(cs->f);
		if (a == EOF)
			return -1;
		b = getc(cs->f);
		if (b == EOF)
			return -1;
	}
	return cs->utf16 == 1 ? (long)(a | (b << 8)) : (long)((a << 8) | b);
}

int charset_stream_getc(struct charset_stream *cs)
{
	if (cs->ipend < cs->npend)
		return cs->pend[cs->ipend++];
	if (cs->utf16 == 0)
		return getc(cs->f);
	long u = charset_stream_unit(cs);
	if (u < 0)
		return EOF;
	uint32_t cp = (uint32_t)u;
	if (u >= 0xd800 && u <= 0xdbff) {
		long lo = charset_stream_unit(cs);
		if (lo >= 0xdc00 && lo <= 0xdfff)
			cp = 0x10000 + (((uint32_t)u - 0xd800) << 10) + ((uint32_t)lo - 0xdc00);
		else
			cp = 0xfffd;
	} else if (u >= 0xdc00 && u <= 0xdfff) {
		cp = 0xfffd;
	}
	if (cp == 0xfeff) /* a BOM that came through as a character */
		return charset_stream_getc(cs);
	char enc[4];
	int n = utf8_encode(cp, enc);
	memcpy(cs->pend, enc, (size_t)n);
	cs->npend = n;
	cs->ipend = 1;
	return cs->pend[0];
}

size_t charset_stream_read(struct charset_stream *cs, char *dst, size_t n)
{
	size_t k = 0;
	while (k < n && cs->ipend < cs->npend)
		dst[k++] = (char)cs->pend[cs->ipend++];
	if (cs->utf16 == 0)
		return k + fread(dst + k, 1, n - k, cs->f);
	int c;
	while (k < n && (c = charset_stream_getc(cs)) != EOF)
		dst[k++] = (char)c;
	return k;
}

void charset_stream_ungetc(struct charset_stream *cs, int c)
{
	if (cs->ipend > 0) {
		cs->pend[--cs->ipend] = (unsigned char)c;
		return;
	}
	(void)ungetc(c, cs->f);
}

int charset_stream_rewind(struct charset_stream *cs, char **cause)
{
	if (fseek(cs->f, 0, SEEK_SET) != 0)
		return err_set(cause, "cannot read the file again: %s", strerror(errno));
	clearerr(cs->f);
	FILE *f = cs->f;
	charset_stream_init(cs, f);
	return 0;
}
