/* lineedit.c: a one-line UTF-8 editor: character and word motions, kills and
 * yank, history with the new line kept aside, and horizontal scrolling in
 * screen cells. View layer, pure; depends on buf.h and utf8.h. */
#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

void lineedit_init(struct lineedit *le)
{
	buf_init(&le->text);
	buf_init(&le->kill);
	strv_init(&le->history);
	le->cursor = 0;
	le->scroll = 0;
	le->hist_pos = 0;
	le->hist_max = LINEEDIT_HISTORY_MAX;
	le->draft = NULL;
}

void lineedit_free(struct lineedit *le)
{
	buf_free(&le->text);
	buf_free(&le->kill);
	strv_free(&le->history);
	free(le->draft);
	le->draft = NULL;
	le->cursor = le->scroll = le->hist_pos = 0;
}

const char *lineedit_text(const struct lineedit *le)
{
	return buf_str(&le->text);
}

size_t lineedit_len(const struct lineedit *le)
{
	return le->text.len;
}

size_t lineedit_cursor(const struct lineedit *le)
{
	return le->cursor;
}

/* The code point at s[i] (the text is valid UTF-8). */
static uint32_t le_cp(const char *s, size_t n, size_t i, size_t *k)
{
	uint32_t cp;
	*k = utf8_decode(s + i, n - i, &cp);
	return cp;
}

static int le_zero_width(uint32_t cp)
{
	return cp != UTF8_INVALID && !utf8_is_control(cp) && utf8_cp_width(cp) == 0;
}

/* The start of the code point before byte i. */
static size_t le_prev_cp(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* The end of the character starting at i: one code point and the zero-width
 * ones after it (as utf8_fit keeps them together). */
static size_t le_next(const char *s, size_t n, size_t i)
{
	size_t k;
	if (i >= n)
		return n;
	le_cp(s, n, i, &k);
	i += k;
	while (i < n && le_zero_width(le_cp(s, n, i, &k)))
		i += k;
	return i;
}

/* The start of the character that contains byte i, or i itself at a boundary. */
static size_t le_floor(const char *s, size_t n, size_t i)
{
	size_t k;
	if (i >= n)
		return n;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	while (i > 0 && le_zero_width(le_cp(s, n, i, &k)))
		i = le_prev_cp(s, i);
	return i;
}

/* The start of the character before boundary i. */
static size_t le_prev(const char *s, size_t n, size_t i)
{
	if (i == 0)
		return 0;
	return le_floor(s, n, le_prev_cp(s, i));
}

static size_t le_cells(const char *s, size_t from, size_t to)
{
	size_t w = 0, k;
	for (size_t i = from; i < to; i += k)
		w += (size_t)utf8_cp_width(le_cp(s, to, i, &k));
	return w;
}

/* Letters and digits: ASCII alphanumerics and '_', and non-ASCII characters
 * other than punctuation and spaces. */
static int le_is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z') || cp == '_';
	if (cp == UTF8_INVALID || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7)
		return 0;
	return !((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
	         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F));
}

static int le_is_blank_at(const char *s, size_t n, size_t i)
{
	size_t k;
	uint32_t cp = le_cp(s, n, i, &k);
	return cp == ' ' || cp == 0xA0 || cp == 0x3000;
}

static int le_is_word_at(const char *s, size_t n, size_t i)
{
	size_t k;
	return le_is_word_cp(le_cp(s, n, i, &k));
}

/* Replaces text[start, start + del) with ins[0, n) (already clean). */
static void le_splice(struct lineedit *le, size_t start, size_t del, const char *ins, size_t n)
{
	struct buf nb;
	buf_init(&nb);
	const char *s = buf_str(&le->text);
	buf_add(&nb, s, start);
	buf_add(&nb, ins, n);
	buf_add(&nb, s + start + del, le->text.len - start - del);
	buf_free(&le->text);
	le->text = nb;
}

void lineedit_set(struct lineedit *le, const char *text)
{
	struct buf nb;
	buf_init(&nb);
	buf_puts(&nb, "");
	utf8_clean_append(&nb, text, strlen(text), LINEEDIT_MAX_BYTES);
	buf_free(&le->text);
	le->text = nb;
	le->cursor = le->text.len;
	le->scroll = 0;
}

void lineedit_set_cursor(struct lineedit *le, size_t pos)
{
	le->cursor = le_floor(buf_str(&le->text), le->text.len, pos);
}

/* After an edit that left the cursor at pos: the boundary at or after pos. */
static void le_cursor_ceil(struct lineedit *le, size_t pos)
{
	const char *s = buf_str(&le->text);
	size_t f = le_floor(s, le->text.len, pos);
	le->cursor = f == pos ? pos : le_next(s, le->text.len, f);
}

int lineedit_insert(struct lineedit *le, const char *s, size_t len)
{
	struct buf clean;
	buf_init(&clean);
	size_t room = LINEEDIT_MAX_BYTES > le->text.len ? LINEEDIT_MAX_BYTES - le->text.len : 0;
	utf8_clean_append(&clean, s, len, room);
	if (clean.len == 0) {
		buf_free(&clean);
		return 0;
	}
	le_splice(le, le->cursor, 0, clean.data, clean.len);
	le_cursor_ceil(le, le->cursor + clean.len);
	buf_free(&clean);
	return LINEEDIT_CHANGED_TEXT | LINEEDIT_CHANGED_CURSOR;
}

int lineedit_insert_cp(struct lineedit *le, uint32_t cp)
{
	char b[4];
	int n = utf8_encode(cp, b);
	return n > 0 ? lineedit_insert(le, b, (size_t)n) : 0;
}

void lineedit_replace(struct lineedit *le, size_t start, size_t len, const char *s)
{
	if (start > le->text.len)
		start = le->text.len;
	if (len > le->text.len - start)
		len = le->text.len - start;
	struct buf clean;
	buf_init(&clean);
	utf8_clean_append(&clean, s, strlen(s), LINEEDIT_MAX_BYTES - (le->text.len - len));
	le_splice(le, start, len, buf_str(&clean), clean.len);
	le_cursor_ceil(le, start + clean.len);
	buf_free(&clean);
}

/* Removes [from, to), keeping it in the kill buffer when kill is set. */
static int le_delete(struct lineedit *le, size_t from, size_t to, int kill)
{
	if (to <= from)
		return 0;
	if (kill) {
		buf_reset(&le->kill);
		buf_add(&le->kill, buf_str(&le->text) + from, to - from);
	}
	le_splice(le, from, to - from, "", 0);
	le->cursor = from;
	return LINEEDIT_CHANGED_TEXT | LINEEDIT_CHANGED_CURSOR;
}

static int le_move(struct lineedit *le, size_t to)
{
	if (to == le->cursor)
		return 0;
	le->cursor = to;
	return LINEEDIT_CHANGED_CURSOR;
}

static size_t le_word_right(const struct lineedit *le)
{
	const char *s = buf_str(&le->text);
	size_t n = le->text.len, i = le->cursor;
	while (i < n && !le_is_word_at(s, n, i))
		i = le_next(s, n, i);
	while (i < n && le_is_word_at(s, n, i))
		i = le_next(s, n, i);
	return i;
}

static size_t le_word_left(const struct lineedit *le)
{
	const char *s = buf_str(&le->text);
	size_t n = le->text.len, i = le->cursor;
	while (i > 0 && !le_is_word_at(s, n, le_prev(s, n, i)))
		i = le_prev(s, n, i);
	while (i > 0 && le_is_word_at(s, n, le_prev(s, n, i)))
		i = le_prev(s, n, i);
	return i;
}

static size_t le_bigword_left(const struct lineedit *le)
{
	const char *s = buf_str(&le->text);
	size_t n = le->text.len, i = le->cursor;
	while (i > 0 && le_is_blank_at(s, n, le_prev(s, n, i)))
		i = le_prev(s, n, i);
	while (i > 0 && !le_is_blank_at(s, n, le_prev(s, n, i)))
		i = le_prev(s, n, i);
	return i;
}

static void le_show_history(struct lineedit *le, const char *line)
{
	lineedit_set(le, line);
}

static int le_history(struct lineedit *le, int up)
{
	if (up) {
		if (le->hist_pos == 0)
			return 0;
		if (le->hist_pos == le->history.n) {
			free(le->draft);
			le->draft = xstrdup(lineedit_text(le));
		}
		le->hist_pos--;
		le_show_history(le, le->history.v[le->hist_pos]);
	} else {
		if (le->hist_pos >= le->history.n)
			return 0;
		le->hist_pos++;
		if (le->hist_pos == le->history.n) {
			le_show_history(le, le->draft ? le->draft : "");
			free(le->draft);
			le->draft = NULL;
		} else {
			le_show_history(le, le->history.v[le->hist_pos]);
		}
	}
	return LINEEDIT_CHANGED_TEXT | LINEEDIT_CHANGED_CURSOR;
}

int lineedit_do(struct lineedit *le, enum lineedit_op op)
{
	const char *s = buf_str(&le->text);
	size_t n = le->text.len, c = le->cursor;
	switch (op) {
	case LINEEDIT_LEFT:
		return le_move(le, le_prev(s, n, c));
	case LINEEDIT_RIGHT:
		return le_move(le, le_next(s, n, c));
	case LINEEDIT_WORD_LEFT:
		return le_move(le, le_word_left(le));
	case LINEEDIT_WORD_RIGHT:
		return le_move(le, le_word_right(le));
	case LINEEDIT_HOME:
		return le_move(le, 0);
	case LINEEDIT_END:
		return le_move(le, n);
	case LINEEDIT_BACKSPACE:
		return le_delete(le, le_prev(s, n, c), c, 0);
	case LINEEDIT_DELETE:
		return le_delete(le, c, le_next(s, n, c), 0);
	case LINEEDIT_KILL_BIGWORD_BACK:
		return le_delete(le, le_bigword_left(le), c, 1);
	case LINEEDIT_KILL_WORD_BACK:
		return le_delete(le, le_word_left(le), c, 1);
	case LINEEDIT_KILL_WORD_FORWARD:
		return le_delete(le, c, le_word_right(le), 1);
	case LINEEDIT_KILL_TO_START:
		return le_delete(le, 0, c, 1);
	case LINEEDIT_KILL_TO_END:
		return le_delete(le, c, n, 1);
	case LINEEDIT_YANK: {
		if (le->kill.len == 0)
			return 0;
		char *k = xstrdup(buf_str(&le->kill));
		int r = lineedit_insert(le, k, strlen(k));
		free(k);
		return r;
	}
	case LINEEDIT_HISTORY_PREV:
		return le_history(le, 1);
	case LINEEDIT_HISTORY_NEXT:
		return le_history(le, 0);
	}
	return 0;
}

static int le_blank_line(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

void lineedit_history_add(struct lineedit *le, const char *line)
{
	lineedit_history_reset(le);
	if (le_blank_line(line))
		return;
	struct buf clean;
	buf_init(&clean);
	buf_puts(&clean, "");
	utf8_clean_append(&clean, line, strlen(line), LINEEDIT_MAX_BYTES);
	if (le->history.n > 0 && strcmp(le->history.v[le->history.n - 1], clean.data) == 0) {
		buf_free(&clean);
		return;
	}
	strv_take(&le->history, buf_detach(&clean));
	size_t max = le->hist_max > 0 ? le->hist_max : 1;
	if (le->history.n > max) {
		size_t drop = le->history.n - max;
		for (size_t i = 0; i < drop; i++)
			free(le->history.v[i]);
		memmove(le->history.v, le->history.v + drop, max * sizeof *le->history.v);
		le->history.n = max;
	}
	le->hist_pos = le->history.n;
}

void lineedit_history_reset(struct lineedit *le)
{
	le->hist_pos = le->history.n;
	free(le->draft);
	le->draft = NULL;
}

size_t lineedit_cells_before_cursor(const struct lineedit *le)
{
	return le_cells(buf_str(&le->text), 0, le->cursor);
}

size_t lineedit_cells(const struct lineedit *le)
{
	return le_cells(buf_str(&le->text), 0, le->text.len);
}

void lineedit_view(struct lineedit *le, size_t width, size_t *start, size_t *col)
{
	const char *s = buf_str(&le->text);
	size_t n = le->text.len, cur = le->cursor;
	if (width == 0) {
		le->scroll = cur;
		*start = cur;
		*col = 0;
		return;
	}
	size_t total = le_cells(s, 0, n);
	if (total < width || le->scroll > cur) {
		le->scroll = total < width ? 0 : cur;
	}
	le->scroll = le_floor(s, n, le->scroll);
	size_t sc = le->scroll;
	size_t c = le_cells(s, sc, cur);    /* cells from the scroll offset to the cursor */
	size_t t = c + le_cells(s, cur, n); /* cells from the scroll offset to the end */
	size_t margin = width / 4 < 8 ? width / 4 : 8;
	/* keep some text in view left of the cursor */
	while (sc > 0 && c < margin) {
		size_t p = le_prev(s, n, sc), w = le_cells(s, p, sc);
		c += w;
		t += w;
		sc = p;
	}
	/* the cursor must be visible; when the text is cut on the right, its last
	 * cell shows the ellipsis, so the cursor stays left of it */
	while (sc < cur && c > ((t > width && width >= 2) ? width - 2 : width - 1)) {
		size_t q = le_next(s, n, sc), w = le_cells(s, sc, q);
		c -= w;
		t -= w;
		sc = q;
	}
	/* show as much as fits: no empty room on the right while text is hidden */
	while (sc > 0) {
		size_t p = le_prev(s, n, sc), w = le_cells(s, p, sc);
		if (t + w > width - 1)
			break;
		c += w;
		t += w;
		sc = p;
	}
	le->scroll = sc;
	*start = sc;
	*col = c;
}
