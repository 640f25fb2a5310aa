/* capture_int.h: what the files of the capture module share: character
 * classes of the grammar and the scanner of one @mention. Private to
 * capture*.c. Depends on utf8.h. */
#ifndef KITH_CAPTURE_INT_H
#define KITH_CAPTURE_INT_H

#include <stddef.h>
#include <stdint.h>

enum cap_scan_result { CAP_SCAN_OK, CAP_SCAN_BARE, CAP_SCAN_UNTERMINATED, CAP_SCAN_EMPTY };

/* One @mention token as the scanner sees it. */
struct cap_scan {
	size_t end;      /* just after the name or the closing quote */
	size_t name_off; /* the name's bytes: inside the quotes, or the unquoted run */
	size_t name_len;
	int quoted, create;
};

/* Characters that may come right before an @mention inside a word: (@ana) */
#define CAP_OPENERS "([{/,;\"'"

int cap_is_blank(char c);
/* Letters and digits of names and tags (non-ASCII ones included). */
int cap_is_name_cp(uint32_t cp);
/* '.', '-', apostrophes: join the parts of one unquoted name. */
int cap_is_joiner(uint32_t cp);
/* Punctuation that may trail a #tag, +marker or !follow-up. */
int cap_is_punct_cp(uint32_t cp);
/* The code point at s[i] (n bytes in all); *k is its length. */
uint32_t cap_cp_at(const char *s, size_t n, size_t i, size_t *k);
/* 1 when s[i] is an '@' that starts a mention in the word starting at wstart. */
int cap_at_mention(const char *s, size_t wstart, size_t i);
/* Scans the mention whose '@' is at s[at], looking at no byte past s[n]. */
enum cap_scan_result cap_scan_mention(const char *s, size_t n, size_t at, struct cap_scan *m);

#endif
