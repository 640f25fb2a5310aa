/* capture_scan.c: the character classes of the capture grammar, the scanner
 * of one @mention, and the helpers the capture prompt's completion uses.
 * Pure; depends on capture.h, capture_int.h, utf8.h and buf.h. */
#include "capture.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "capture_int.h"
#include "err.h"
#include "utf8.h"

int cap_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Letters and digits of names and tags: ASCII alphanumerics and '_', and any
 * non-ASCII character that is not punctuation, a symbol or a space. */
int cap_is_name_cp(uint32_t cp)
{
	if (cp < 0x80)
		return isalnum((int)cp) || cp == '_';
	if (cp == UTF8_INVALID)
		return 0;
	if (cp >= 0xA0 && cp <= 0xBF)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp == 0xD7 || cp == 0xF7 || cp == 0xFEFF)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
	    (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
		return 0;
	return 1;
}

/* Characters that join the parts of one unquoted name when a name character
 * follows: ana.souza, jean-luc, o'brien. */
int cap_is_joiner(uint32_t cp)
{
	return cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019;
}

/* Punctuation that may trail a #tag, +marker or !follow-up and is dropped with it. */
int cap_is_punct_cp(uint32_t cp)
{
	if (cp < 0x80)
		return ispunct((int)cp) && cp != '@' && cp != '#';
	return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x3003);
}

uint32_t cap_cp_at(const char *s, size_t n, size_t i, size_t *k)
{
	uint32_t cp;
	*k = utf8_decode(s + i, n - i, &cp);
	return cp;
}

int cap_at_mention(const char *s, size_t wstart, size_t i)
{
	if (s[i] != '@')
		return 0;
	return i == wstart || strchr(CAP_OPENERS, s[i - 1]) != NULL;
}

/* Scans the mention whose '@' is at s[at]. */
enum cap_scan_result cap_scan_mention(const char *s, size_t n, size_t at, struct cap_scan *m)
{
	size_t q = at + 1;
	memset(m, 0, sizeof *m);
	if (q < n && s[q] == '+') {
		m->create = 1;
		q++;
	}
	if (q < n && s[q] == '"') {
		const char *close = memchr(s + q + 1, '"', n - q - 1);
		m->quoted = 1;
		m->name_off = q + 1;
		if (close == NULL) {
			m->name_len = n - m->name_off;
			m->end = n;
			return CAP_SCAN_UNTERMINATED;
		}
		m->name_len = (size_t)(close - s) - m->name_off;
		m->end = (size_t)(close - s) + 1;
		for (size_t i = m->name_off; i < m->name_off + m->name_len; i++)
			if (!cap_is_blank(s[i]))
				return CAP_SCAN_OK;
		return CAP_SCAN_EMPTY;
	}
	size_t p = q, k, k2, k3;
	while (p < n) {
		uint32_t cp = cap_cp_at(s, n, p, &k);
		if (cap_is_name_cp(cp)) {
			p += k;
			continue;
		}
		if (!cap_is_joiner(cp) || p + k >= n || p == q)
			break;
		uint32_t next = cap_cp_at(s, n, p + k, &k2);
		if (!cap_is_name_cp(next))
			break;
		/* a possessive "'s" ends the name: @ana's */
		if ((cp == '\'' || cp == 0x2019) && (next == 's' || next == 'S') &&
		    (p + k + k2 >= n || !cap_is_name_cp(cap_cp_at(s, n, p + k + k2, &k3))))
			break;
		p += k;
	}
	m->name_off = q;
	m->name_len = p - q;
	m->end = p;
	return p == q ? CAP_SCAN_BARE : CAP_SCAN_OK;
}

int capture_mention_at(const char *line, size_t cursor, size_t *start, size_t *len, int *create)
{
	size_t n = strlen(line), i = 0;
	if (cursor > n)
		return 0;
	while (i < n) {
		while (i < n && cap_is_blank(line[i]))
			i++;
		size_t wstart = i;
		while (i < n && !cap_is_blank(line[i])) {
			if (!cap_at_mention(line, wstart, i)) {
				i++;
				continue;
			}
			struct cap_scan m;
			cap_scan_mention(line, n, i, &m);
			size_t end = m.end;
			if (m.name_len == 0 && !m.quoted)
				end = i + 1 + (size_t)m.create;
			if (cursor > i && cursor <= end) {
				*start = i;
				*len = end - i;
				*create = m.create;
				return 1;
			}
			i = end > i ? end : i + 1;
		}
	}
	return 0;
}

char *capture_mention_format(const char *name)
{
	size_t n = strlen(name);
	struct cap_scan m;
	char *at = xasprintf("@%s", name);
	if (n > 0 && cap_scan_mention(at, n + 1, 0, &m) == CAP_SCAN_OK && m.end == n + 1 &&
	    !m.create && !m.quoted && strchr(name, '.') == NULL)
		return at;
	free(at);
	if (strchr(name, '"') == NULL && n > 0)
		return xasprintf("@\"%s\"", name);
	/* a '"' cannot be quoted: the name's words joined with dots */
	struct buf b;
	buf_init(&b);
	buf_putc(&b, '@');
	int sep = 0;
	for (size_t i = 0, k; i < n; i += k) {
		uint32_t cp = cap_cp_at(name, n, i, &k);
		if (cap_is_name_cp(cp)) {
			if (sep && b.len > 1)
				buf_putc(&b, '.');
			sep = 0;
			buf_add(&b, name + i, k);
		} else {
			sep = 1;
		}
	}
	return buf_detach(&b);
}
