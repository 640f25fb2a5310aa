/* capture.c: the quick-capture grammar (DESIGN.md §5): one line of text to a
 * struct capture, or an error that points at the offending bytes. Pure;
 * depends on model.h, date.h, utf8.h, buf.h, err.h and capture_int.h. */
#include "capture.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "capture_int.h"
#include "date.h"
#include "err.h"
#include "id.h"
#include "utf8.h"

#define CAP_WHEN_WORDS 4 /* the longest WHEN: "3 days ago 18:30" */
#define CAP_QUOTE_MAX 40 /* bytes of a token quoted in a message */

/* A word of the line: a run of non-blank bytes (a quoted @"..." may hold blanks). */
struct cap_word {
	size_t off, len;
};

struct cap_state {
	const char *s;
	size_t n; /* bytes of the line that count (a trailing newline excluded) */
	int64_t now;
	struct capture *out;
	struct capture_error *err;
	struct buf sum;
	struct strv folded_tags;
	int kind_named; /* kind:NAME named it; it wins over the alias words */
	/* the first alias word of a kind that is not a service, and of a
	 * service (IKIND_NONE while there is none) */
	enum ikind word_kind, word_service;
};

static int cap_fail(struct cap_state *st, size_t off, size_t len, const char *fmt, ...)
	KITH_PRINTF(4, 5);

static int cap_fail(struct cap_state *st, size_t off, size_t len, const char *fmt, ...)
{
	if (st->err == NULL)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(st->err->message);
	st->err->message = msg;
	st->err->offset = off;
	st->err->len = len;
	return -1;
}

/* A token for a message: at most CAP_QUOTE_MAX bytes, never half a character,
 * "…" when cut. Caller frees. */
static char *cap_quote(const char *s, size_t len)
{
	size_t n = utf8_clip(s, len, CAP_QUOTE_MAX);
	return n == len ? xstrndup(s, len) : xasprintf("%.*s…", (int)n, s);
}

/* Splits the line into words; a quoted @"..." may hold blanks. */
static int cap_split(struct cap_state *st, struct cap_word **words, size_t *nwords)
{
	const char *s = st->s;
	size_t n = st->n, i = 0, cap = 0;
	*words = NULL;
	*nwords = 0;
	while (i < n) {
		while (i < n && cap_is_blank(s[i]))
			i++;
		if (i >= n)
			break;
		size_t start = i;
		while (i < n && !cap_is_blank(s[i])) {
			if (cap_at_mention(s, start, i)) {
				struct cap_scan m;
				if (cap_scan_mention(s, n, i, &m) == CAP_SCAN_UNTERMINATED) {
					free(*words);
					*words = NULL;
					return cap_fail(st, i, n - i,
					                "unterminated quote in a mention: write "
					                "@\"Full Name\"");
				}
				if (m.quoted) {
					i = m.end;
					continue;
				}
			}
			i++;
		}
		if (*nwords == cap) {
			cap = cap ? cap * 2 : 16;
			*words = xreallocarray(*words, cap, sizeof **words);
		}
		(*words)[*nwords].off = start;
		(*words)[*nwords].len = i - start;
		(*nwords)++;
	}
	return 0;
}

/* Length, UTF-8 and control characters of the whole line. */
static int cap_validate(struct cap_state *st)
{
	if (st->n > CAPTURE_MAX_LINE)
		return cap_fail(st, CAPTURE_MAX_LINE, st->n - CAPTURE_MAX_LINE,
		                "the line is %zu bytes long (at most %d)", st->n, CAPTURE_MAX_LINE);
	size_t at = 0, span = 0;
	char *cause = NULL;
	if (utf8_check_text(st->s, st->n, UTF8_ALLOW_TAB, &at, &span, &cause) != 0) {
		size_t k;
		int control = cap_cp_at(st->s, st->n, at, &k) != UTF8_INVALID;
		cap_fail(st, at, span, "%s%s", cause, control ? " (only TAB is allowed)" : "");
		free(cause);
		return -1;
	}
	return 0;
}

/* The end of a token once trailing punctuation is dropped; the dropped part must
 * be punctuation only (else returns 0). */
static int cap_trailing_punct_only(const char *s, size_t from, size_t end)
{
	for (size_t i = from, k; i < end; i += k)
		if (!cap_is_punct_cp(cap_cp_at(s, end, i, &k)))
			return 0;
	return 1;
}

static size_t cap_strip_trailing(const char *s, size_t off, size_t len, const char *set)
{
	while (len > 0 && strchr(set, s[off + len - 1]) != NULL && s[off + len - 1] != '\0')
		len--;
	return len;
}

static int cap_add_tag(struct cap_state *st, const struct cap_word *w)
{
	const char *s = st->s;
	size_t end = w->off + w->len, p = w->off + 1, k;
	while (p < end) {
		uint32_t cp = cap_cp_at(s, end, p, &k);
		if (!cap_is_name_cp(cp) && cp != '-' && cp != '.' && cp != '/')
			break;
		p += k;
	}
	size_t tend = p;
	while (tend > w->off + 1 && (s[tend - 1] == '.' || s[tend - 1] == '/'))
		tend--;
	if (tend == w->off + 1)
		return cap_fail(st, w->off, w->len, "'#' needs a tag: write #name");
	if (!cap_trailing_punct_only(s, tend, end)) {
		char *q = cap_quote(s + w->off, w->len);
		cap_fail(st, w->off, w->len,
		         "'%s' is not a tag: a #tag holds letters, digits and - _ / .", q);
		free(q);
		return -1;
	}
	char *tag = xstrndup(s + w->off + 1, tend - w->off - 1);
	char *folded = utf8_fold(tag);
	if (strv_has(&st->folded_tags, folded)) {
		free(tag);
		free(folded);
		return 0;
	}
	if (st->out->tags.n == CAPTURE_MAX_TAGS) {
		free(tag);
		free(folded);
		return cap_fail(st, w->off, w->len, "too many tags (at most %d)", CAPTURE_MAX_TAGS);
	}
	strv_take(&st->folded_tags, folded);
	strv_take(&st->out->tags, tag);
	return 0;
}

static int cap_marker(struct cap_state *st, const struct cap_word *w)
{
	static const char *const dirs[] = {"gave", "got", "mutual"};
	static const enum direction dirv[] = {DIR_GAVE, DIR_GOT, DIR_MUTUAL};
	const char *s = st->s;
	size_t end = w->off + w->len, p = w->off + 1;
	char name[16];
	while (p < end && isalpha((unsigned char)s[p]))
		p++;
	size_t nlen = p - w->off - 1;
	int known = nlen > 0 && nlen < sizeof name && cap_trailing_punct_only(s, p, end);
	if (known) {
		for (size_t i = 0; i < nlen; i++)
			name[i] = (char)tolower((unsigned char)s[w->off + 1 + i]);
		name[nlen] = '\0';
	}
	if (known && strcmp(name, "deep") == 0) {
		st->out->deep = 1;
		return 0;
	}
	for (size_t i = 0; known && i < sizeof dirs / sizeof dirs[0]; i++) {
		if (strcmp(name, dirs[i]) != 0)
			continue;
		if (st->out->dir_explicit && st->out->dir != dirv[i])
			return cap_fail(st, w->off, w->len,
			                "two directions: +%s and +%s (write one of +gave +got "
			                "+mutual)",
			                model_direction_name(st->out->dir), dirs[i]);
		st->out->dir = dirv[i];
		st->out->dir_explicit = 1;
		return 0;
	}
	char *q = cap_quote(s + w->off, w->len);
	cap_fail(st, w->off, w->len, "unknown marker '%s' (known: +gave +got +mutual +deep)", q);
	free(q);
	return -1;
}

static int cap_followup(struct cap_state *st, const struct cap_word *w)
{
	size_t len = cap_strip_trailing(st->s, w->off + 1, w->len - 1, ",.;:)!?");
	char *spec = xstrndup(st->s + w->off + 1, len);
	char *cause = NULL;
	int64_t due;
	int rc = date_parse_due(spec, st->now, &due, &cause);
	free(spec);
	if (rc != 0) {
		cap_fail(st, w->off, w->len, "follow-up: %s", cause ? cause : "bad due date");
		free(cause);
		return -1;
	}
	struct capture *c = st->out;
	for (size_t i = 0; i < c->nfollowups; i++)
		if (c->followups[i] == due)
			return 0;
	c->followups = xreallocarray(c->followups, c->nfollowups + 1, sizeof *c->followups);
	c->followups[c->nfollowups++] = due;
	return 0;
}

static int cap_kind_named(struct cap_state *st, const struct cap_word *w)
{
	size_t len = cap_strip_trailing(st->s, w->off + 5, w->len - 5, ",.;:)!?");
	char *name = xstrndup(st->s + w->off + 5, len);
	enum ikind k;
	int rc = model_ikind_from_alias(name, &k);
	if (rc != 0) {
		struct buf list;
		buf_init(&list);
		for (int i = 0; i < IKIND_COUNT; i++)
			buf_printf(&list, "%s%s", i ? ", " : "", model_ikind_name((enum ikind)i));
		char *q = cap_quote(name, len);
		if (len == 0)
			cap_fail(st, w->off, w->len, "kind: needs a name (kinds: %s)",
			         buf_str(&list));
		else
			cap_fail(st, w->off, w->len, "unknown kind '%s' (kinds: %s)", q,
			         buf_str(&list));
		free(q);
		buf_free(&list);
		free(name);
		return -1;
	}
	free(name);
	if (st->kind_named && st->out->kind != k)
		return cap_fail(st, w->off, w->len, "two kinds: kind:%s and kind:%s",
		                model_ikind_name(st->out->kind), model_ikind_name(k));
	st->out->kind = k;
	st->out->kind_explicit = 1;
	st->kind_named = 1;
	return 0;
}

/* A word of plain text: the first alias of a kind that is not a service, and
 * the first of a service, are kept for cap_kind_settle. */
static void cap_kind_word(struct cap_state *st, const struct cap_word *w)
{
	if (st->word_kind != IKIND_NONE && st->word_service != IKIND_NONE)
		return;
	size_t off = w->off, len = w->len;
	while (len > 0 && ispunct((unsigned char)st->s[off])) {
		off++;
		len--;
	}
	while (len > 0 && ispunct((unsigned char)st->s[off + len - 1]))
		len--;
	char word[16];
	if (len == 0 || len >= sizeof word)
		return;
	memcpy(word, st->s + off, len);
	word[len] = '\0';
	enum ikind k;
	if (model_ikind_from_alias(word, &k) != 0)
		return;
	enum ikind *slot = model_ikind_is_service(k) ? &st->word_service : &st->word_kind;
	if (*slot == IKIND_NONE)
		*slot = k;
}

/* DESIGN.md §5: the kind is kind:NAME, else the first alias of a kind that is
 * not a service, else the first service alias, else a meeting; the first
 * service alias is the service the interaction carries when the kind is not
 * itself one (nor a note, which carries nothing). The direction defaults to
 * mutual when there is a service, else none. */
static void cap_kind_settle(struct cap_state *st)
{
	struct capture *c = st->out;
	if (!st->kind_named) {
		enum ikind k = st->word_kind != IKIND_NONE ? st->word_kind : st->word_service;
		if (k != IKIND_NONE) {
			c->kind = k;
			c->kind_explicit = 1;
		}
	}
	c->service = model_ikind_service(c->kind, st->word_service);
	if (c->service == c->kind)
		c->service = IKIND_NONE;
	if (!c->dir_explicit)
		c->dir = model_ikind_service(c->kind, c->service) != IKIND_NONE ? DIR_MUTUAL
		                                                                 : DIR_NONE;
}

/* The text of a mention: quoted names with blanks collapsed and trimmed,
 * unquoted ones with their dots turned to spaces. Caller frees. */
static char *cap_mention_text(const char *s, const struct cap_scan *m)
{
	struct buf b;
	buf_init(&b);
	int blank = 0;
	for (size_t i = m->name_off; i < m->name_off + m->name_len; i++) {
		char c = s[i];
		if (m->quoted && cap_is_blank(c)) {
			blank = b.len > 0;
			continue;
		}
		if (!m->quoted && c == '.')
			c = ' ';
		if (blank)
			buf_putc(&b, ' ');
		blank = 0;
		buf_putc(&b, c);
	}
	char *text = buf_detach(&b);
	return text ? text : xstrdup("");
}

/* The end of an id prefix written right after a mention (@ana#3f9c2a), with
 * the prefix in lower case into *prefix (caller frees); `at` (the mention's
 * end) when there is none. */
static size_t cap_id_suffix(const char *s, size_t at, size_t end, char **prefix)
{
	*prefix = NULL;
	if (at >= end || s[at] != '#')
		return at;
	size_t j = at + 1, k;
	while (j < end && (isxdigit((unsigned char)s[j]) || s[j] == '-'))
		j++;
	if (j < end && cap_is_name_cp(cap_cp_at(s, end, j, &k)))
		return at;
	char *p = xstrndup(s + at + 1, j - at - 1);
	for (char *q = p; *q != '\0'; q++)
		*q = (char)tolower((unsigned char)*q);
	if (!id_is_prefix(p)) {
		free(p);
		return at;
	}
	*prefix = p;
	return j;
}

/* A word of text, maybe holding mentions: appended to the summary. */
static int cap_text_word(struct cap_state *st, const struct cap_word *w)
{
	const char *s = st->s;
	struct capture *c = st->out;
	size_t end = w->off + w->len, p = w->off, first = c->nmentions;
	struct buf wb;
	buf_init(&wb);
	while (p < end) {
		if (!cap_at_mention(s, w->off, p)) {
			size_t q = p + 1;
			while (q < end && s[q] != '@')
				q++;
			buf_add(&wb, s + p, q - p);
			p = q;
			continue;
		}
		struct cap_scan m;
		enum cap_scan_result r = cap_scan_mention(s, end, p, &m);
		if (r != CAP_SCAN_OK) {
			buf_free(&wb);
			if (r == CAP_SCAN_EMPTY)
				return cap_fail(st, p, m.end - p, "an empty name in @\"\"");
			if (r == CAP_SCAN_UNTERMINATED)
				return cap_fail(st, p, end - p, "unterminated quote in a mention");
			return cap_fail(st, p, m.end - p,
			                m.create ? "'@+' alone: write @+name or @+\"Full Name\""
			                         : "'@' alone: write @name or @\"Full Name\"");
		}
		if (c->nmentions == CAPTURE_MAX_MENTIONS) {
			buf_free(&wb);
			return cap_fail(st, p, m.end - p, "too many mentions (at most %d)",
			                CAPTURE_MAX_MENTIONS);
		}
		c->mentions = xreallocarray(c->mentions, c->nmentions + 1, sizeof *c->mentions);
		struct capture_mention *cm = &c->mentions[c->nmentions++];
		cm->text = cap_mention_text(s, &m);
		cm->folded = utf8_fold(cm->text);
		cm->create = m.create;
		size_t mend = cap_id_suffix(s, m.end, end, &cm->id_prefix);
		if (cm->create && cm->id_prefix != NULL) {
			buf_free(&wb);
			return cap_fail(st, p, mend - p,
			                "a new contact (@+) has no id yet: drop the #%s",
			                cm->id_prefix);
		}
		cm->offset = p;
		cm->len = mend - p;
		cm->sum_offset = wb.len;
		cm->sum_len = strlen(cm->text);
		buf_puts(&wb, cm->text);
		p = mend;
	}
	if (c->nmentions == first)
		cap_kind_word(st, w);
	if (wb.len > 0) {
		if (st->sum.len > 0)
			buf_putc(&st->sum, ' ');
		for (size_t i = first; i < c->nmentions; i++)
			c->mentions[i].sum_offset += st->sum.len;
		buf_add(&st->sum, wb.data, wb.len);
	}
	buf_free(&wb);
	return 0;
}

static int cap_word(struct cap_state *st, const struct cap_word *w)
{
	const char *s = st->s + w->off;
	unsigned char next = w->len > 1 ? (unsigned char)s[1] : 0;
	if (s[0] == '#')
		return cap_add_tag(st, w);
	if (s[0] == '+' && (isalpha(next) || next >= 0x80))
		return cap_marker(st, w);
	/* !3d, and what only looks like one (!-1d, !+2w) so that it is refused */
	if (s[0] == '!' && (isalnum(next) || next >= 0x80 ||
	                    ((next == '-' || next == '+') && w->len > 2 &&
	                     isdigit((unsigned char)s[2]))))
		return cap_followup(st, w);
	if (w->len >= 5 && strncasecmp(s, "kind:", 5) == 0)
		return cap_kind_named(st, w);
	return cap_text_word(st, w);
}

static int cap_when(struct cap_state *st, const struct cap_word *words, size_t nwords, size_t *used)
{
	char *wv[CAP_WHEN_WORDS];
	size_t nw = nwords < CAP_WHEN_WORDS ? nwords : CAP_WHEN_WORDS;
	for (size_t i = 0; i < nw; i++)
		wv[i] = xstrndup(st->s + words[i].off, words[i].len);
	char *cause = NULL;
	int rc = date_parse_when(wv, nw, st->now, &st->out->at, used, &cause);
	for (size_t i = 0; i < nw; i++)
		free(wv[i]);
	if (rc != 0) {
		size_t bad = *used < nw ? *used : 0;
		cap_fail(st, words[bad].off, words[bad].len, "%s", cause ? cause : "bad time");
		free(cause);
		return -1;
	}
	st->out->has_when = *used > 0;
	return 0;
}

static int cap_parse(struct cap_state *st)
{
	struct cap_word *words = NULL;
	size_t nwords = 0, used = 0;
	int rc = -1;
	if (cap_validate(st) != 0 || cap_split(st, &words, &nwords) != 0)
		goto out;
	if (nwords == 0) {
		cap_fail(st, 0, st->n, "nothing to log: write what happened, with @name");
		goto out;
	}
	if (cap_when(st, words, nwords, &used) != 0)
		goto out;
	for (size_t i = used; i < nwords; i++)
		if (cap_word(st, &words[i]) != 0)
			goto out;
	if (st->out->nmentions == 0) {
		cap_fail(st, st->n, 0, "nobody mentioned: write @name");
		goto out;
	}
	cap_kind_settle(st);
	rc = 0;
out:
	free(words);
	return rc;
}

int capture_parse(const char *line, int64_t now, struct capture *out, struct capture_error *err)
{
	struct cap_state st;
	memset(&st, 0, sizeof st);
	memset(out, 0, sizeof *out);
	strv_init(&out->tags);
	out->kind = IKIND_MEETING;
	out->service = IKIND_NONE;
	out->dir = DIR_NONE;
	st.word_kind = st.word_service = IKIND_NONE;
	out->at = now;
	if (err != NULL)
		memset(err, 0, sizeof *err);
	st.s = line;
	st.n = strlen(line);
	if (st.n > 0 && line[st.n - 1] == '\n')
		st.n--;
	if (st.n > 0 && line[st.n - 1] == '\r')
		st.n--;
	st.now = now;
	st.out = out;
	st.err = err;
	buf_init(&st.sum);
	strv_init(&st.folded_tags);
	int rc = cap_parse(&st);
	strv_free(&st.folded_tags);
	if (rc != 0) {
		buf_free(&st.sum);
		capture_free(out);
		out->at = now;
		return -1;
	}
	out->summary = buf_detach(&st.sum);
	if (out->summary == NULL)
		out->summary = xstrdup("");
	return 0;
}

void capture_free(struct capture *c)
{
	for (size_t i = 0; i < c->nmentions; i++) {
		free(c->mentions[i].text);
		free(c->mentions[i].folded);
		free(c->mentions[i].id_prefix);
	}
	free(c->mentions);
	free(c->followups);
	free(c->summary);
	strv_free(&c->tags);
	memset(c, 0, sizeof *c);
	c->service = IKIND_NONE;
	strv_init(&c->tags);
}

void capture_error_free(struct capture_error *e)
{
	free(e->message);
	memset(e, 0, sizeof *e);
}

char *capture_summary_with_names(const struct capture *c, const char *const *names)
{
	struct buf b;
	buf_init(&b);
	size_t at = 0;
	const char *sum = c->summary ? c->summary : "";
	for (size_t i = 0; i < c->nmentions; i++) {
		const struct capture_mention *m = &c->mentions[i];
		if (names == NULL || names[i] == NULL || m->sum_offset < at)
			continue;
		buf_add(&b, sum + at, m->sum_offset - at);
		buf_puts(&b, names[i]);
		at = m->sum_offset + m->sum_len;
	}
	buf_puts(&b, sum + at);
	char *r = buf_detach(&b);
	return r ? r : xstrdup("");
}
