/* utf8.h: UTF-8 decoding, display width in terminal cells, escaping of text
 * that must never reach a terminal raw, and folding for accent- and
 * case-insensitive matching. Pure; depends on buf.h. Never uses the locale. */
#ifndef KITH_UTF8_H
#define KITH_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Decodes one code point from s (len > 0). Returns the bytes used (1..4).
 * An invalid or truncated sequence (overlong form, surrogate, above U+10FFFF,
 * stray continuation byte) uses 1 byte and yields *cp = UTF8_INVALID.
 * With len 0 it returns 0 and yields UTF8_INVALID. */
#define UTF8_INVALID 0xFFFFFFFFu
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
int utf8_encode(uint32_t cp, char out[4]); /* bytes written, 0 if cp is not encodable */
int utf8_valid(const char *s, size_t len);  /* 1 when all len bytes are valid UTF-8 */
/* How many of s's len bytes to keep to quote it in at most max bytes without
 * cutting a character: len when it fits, else max moved back to the start of
 * a character. */
size_t utf8_clip(const char *s, size_t len, size_t max);

/* 1 for code points that must not reach a terminal: C0 (incl. TAB, LF), DEL,
 * C1, and the bidirectional controls (U+061C, U+200E-F, U+202A-E, U+2066-9). */
int utf8_is_control(uint32_t cp);
/* The one check of text that people type or import (names, fields, tags,
 * notes, capture lines): valid UTF-8 and no code point utf8_is_control
 * refuses, except TAB when allow has UTF8_ALLOW_TAB and LF when it has
 * UTF8_ALLOW_NEWLINE. Returns 0, or -1 with *at and *span (when not NULL)
 * the byte offset and length of the first offending character and *cause
 * (caller frees) "invalid UTF-8 at byte 5 (0xff)" or "control character
 * U+001B at byte 5". */
enum utf8_allow { UTF8_ALLOW_TAB = 1, UTF8_ALLOW_NEWLINE = 2 };
int utf8_check_text(const char *s, size_t len, int allow, size_t *at, size_t *span,
                    char **cause);
/* Appends what of s[0, len) can be typed to out while out stays within max
 * bytes: invalid bytes and controls dropped, TAB CR LF as a space. What a line
 * editor keeps of pasted text, and the name a mention of a contact whose name
 * holds such bytes (from another program) is written with. */
void utf8_clean_append(struct buf *out, const char *s, size_t len, size_t max);
/* Cells a printable code point takes: 0 (combining, zero-width), 1, or 2
 * (East Asian wide and fullwidth, emoji presentation; Unicode 15). Controls
 * count as the width of their escape as utf8_escape writes it (2, 4 or 6);
 * UTF8_INVALID counts 4, the width of "\xHH". */
int utf8_cp_width(uint32_t cp);

/* Appends s with every control and invalid byte replaced by a visible escape:
 * \n \t \r \e; \xHH (lower-case hex) for other C0, DEL, C1 code points and
 * for each invalid byte; \uHHHH for the bidi controls. Printable text,
 * backslashes included, is copied unchanged. */
void utf8_escape(struct buf *out, const char *s, size_t len);
char *utf8_escape_dup(const char *s); /* escaped copy of s; caller frees */
/* Cells s takes once escaped. */
size_t utf8_width(const char *s);
/* Appends s escaped, cut to at most `cells` cells (ending in "…", U+2026, one
 * cell, when cut), then padded with spaces to exactly `cells` when pad is set.
 * Returns the cells written. Never splits a character, an escape, or a base
 * character from its combining marks; a wide character that would end past
 * the budget is left out whole (the result may then be a cell short). */
size_t utf8_fit(struct buf *out, const char *s, size_t cells, int pad);
/* utf8_fit, with the cut shown as "..." (three cells) when ascii is set: for
 * a locale that is not UTF-8. */
size_t utf8_fit_as(struct buf *out, const char *s, size_t cells, int pad, int ascii);

/* kith's own decorations, never user text; ascii set for a locale that is
 * not UTF-8. utf8_bar appends a bar of `cells` cells, frac of them (rounded,
 * clamped to [0, 1]) filled: U+2588 and U+00B7, or '#' and '.'.
 * utf8_marks_as appends s with its typographic marks (U+00B7 · as "*", ² as
 * "^2", ≥ ">=", ≤ "<=", em and en dash "-", … "...", → "->", █ "#") in ASCII
 * when ascii is set, else unchanged. */
void utf8_bar(struct buf *out, double frac, int cells, int ascii);
void utf8_marks_as(struct buf *out, const char *s, int ascii);
/* s for a terminal whose locale is not UTF-8: kith's marks in ASCII as
 * utf8_marks_as spells them (and the arrows <- <>, ^ v, > for U+25B8 and |
 * for U+2502), every other printable code point past ASCII as one '?' a
 * cell it takes (so a line keeps its width; combining marks go); controls
 * and invalid bytes are left as they are for utf8_escape. Appended to out. */
void utf8_ascii(struct buf *out, const char *s);

/* Folded form for matching: ASCII and Latin lower case with accents removed
 * (Fátima -> fatima, Łukasz -> lukasz, Øystein -> oystein, ß -> ss, æ -> ae,
 * þ -> th), Greek and Cyrillic lower case without diacritics (no
 * transliteration), other scripts unchanged; combining marks, zero-width
 * characters, controls and invalid bytes dropped; runs of white space to one
 * space, trimmed. Caller frees. */
char *utf8_fold(const char *s);
/* The same folded form of s appended to b (no allocation of its own). */
void utf8_fold_append(struct buf *b, const char *s);

#endif
