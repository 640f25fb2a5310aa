/* capture.h: the quick-capture grammar (DESIGN.md §5) parsed into a plain
 * struct: when, kind, direction, deep, tags, @mentions, !follow-ups and the
 * summary text. Pure: `now` is an argument. Depends on model.h and date.h. */
#ifndef KITH_CAPTURE_H
#define KITH_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "model.h"

#define CAPTURE_MAX_LINE 65536 /* bytes; a longer line is an error */
#define CAPTURE_MAX_MENTIONS 64
#define CAPTURE_MAX_TAGS 64 /* distinct tags on one line */

/* One @mention as written. Mentions are not resolved against the journal here
 * (see match.h) and not deduplicated: two spellings may name one contact. */
struct capture_mention {
	char *text;        /* as written: no '@' or quotes, dots of @ana.souza turned to spaces */
	char *folded;      /* utf8_fold(text), what match.h looks up */
	char *id_prefix;   /* @ana#3f9c2a: the id prefix, lower case; NULL when none */
	int create;        /* written @+name or @+"Full Name": a new contact */
	size_t offset;     /* byte span in the line of the whole token, from '@' to the end */
	size_t len;        /* of the name, closing quote or id prefix (trailing punctuation
	                    * excluded) */
	size_t sum_offset; /* byte span of the name's text inside the summary */
	size_t sum_len;
};

struct capture {
	int64_t at;         /* when it happened: the leading WHEN, else now */
	int has_when;       /* the line started with a WHEN */
	enum ikind kind;    /* default IKIND_MEETING */
	int kind_explicit;  /* named by an alias word or kind:NAME */
	/* the service the interaction carries besides its kind ("coffee ... intro"),
	 * IKIND_NONE when none or when the kind is itself a service */
	enum ikind service;
	enum direction dir; /* +gave/+got/+mutual; default mutual with a service, else none */
	int dir_explicit;   /* given by a +marker */
	int deep;           /* +deep */
	struct strv tags;   /* without '#', case as first written, deduplicated ignoring case */
	struct capture_mention *mentions;
	size_t nmentions;   /* at least 1 after a successful parse */
	int64_t *followups; /* due times (local midnight), one per distinct !marker */
	size_t nfollowups;
	char *summary; /* the human text (see capture_parse); never NULL after success */
};

/* Why a line was refused, and where: the live preview underlines
 * line[offset, offset+len) (len may be 0, e.g. for an empty line). */
struct capture_error {
	char *message; /* heap; NULL when there is no error */
	size_t offset;
	size_t len;
};

/* The grammar in detail (where DESIGN.md §5 is silent):
 * - Words are split on spaces and TABs; a quoted @"..." may hold blanks.
 * - WHEN: only the leading words (date_parse_when): today, yesterday, 3d ago,
 *   2w ago, "3 days ago", mon..sun and full names, YYYY-MM-DD (then noon),
 *   each optionally followed by HH:MM; a bare leading HH:MM is today at that
 *   time. "tomorrow" is ordinary text: a WHEN only goes back (a planned
 *   meeting takes a date).
 * - @mention: a word starting with '@', or an '@' right after one of ( [ { /
 *   , ; " ' inside a word: "(@ana)", "@ana/@bruno". ana@example.com is text.
 *   An unquoted name is letters, digits, '_' and non-ASCII letters; '.', '-'
 *   and apostrophes join parts when a letter follows (@ana.souza,
 *   @jean-luc, @o'brien); anything else ends it and stays text ("@ana:",
 *   "@ana." and the possessive "@ana's" name "ana"). A '#' right after a
 *   mention followed by an id prefix (6+ hex digits, dashes in their places,
 *   then no letter or digit) picks one of several namesakes by id:
 *   @ana#3f9c2a, @"Ana Souza"#3f9c2a; it is not a tag and not in the summary.
 * - #tag: letters, digits, - _ / . and non-ASCII letters; trailing '.' and
 *   '/' are not part of it. A tag word may end in punctuation ("#devconf,"),
 *   which goes with it; any other tail is an error.
 * - +marker: '+' then a letter; "+1" and a lone "+" are text. !due: '!'
 *   then a letter or digit; "!", "!!", "great!" are text. Trailing
 *   punctuation goes with the marker ("!fri.").
 * - kind: of the plain words (no mention in them) that are aliases once
 *   stripped of punctuation around them, the first of a kind that is not a
 *   service (meeting, call, message, event, note), else the first of a
 *   service; kind:NAME wins over them. The alias words stay in the summary,
 *   kind:NAME does not.
 * - service: the first service alias, carried by an interaction whose kind
 *   is not itself a service nor a note ("coffee ... intro": a meeting that
 *   carries an intro; "kind:call ... intro" a call that carries one). The
 *   direction then defaults to mutual, as for a service.
 * - Follow-ups with the same due day count once; tags at most
 *   CAPTURE_MAX_TAGS distinct ones.
 * - Errors: an empty line, no mention, '@' or '#' alone, an unterminated or
 *   empty quote, an unknown +marker or kind:NAME, two directions or two
 *   kinds:NAME, a bad WHEN or due date, too many mentions or tags, a line
 *   over CAPTURE_MAX_LINE bytes, invalid UTF-8, and any control character
 *   but TAB (C0, DEL, C1, bidirectional controls).
 */

/* Parses one capture line (its bytes; a single trailing "\n" or "\r\n" is
 * ignored). On success returns 0 and fills *out, which the caller releases
 * with capture_free. On failure returns -1, leaves *out empty (capture_free
 * is still safe) and, when err is not NULL, fills *err, which the caller
 * releases with capture_error_free.
 *
 * The summary is the line without the WHEN words, #tags, +markers,
 * !follow-ups and kind:NAME, with each mention kept as its plain text (no '@',
 * no quotes), white space collapsed to single spaces and trimmed:
 * "yesterday coffee with @ana: +gave intro to @bruno #devconf !1w" gives
 * "coffee with ana: intro to bruno". */
int capture_parse(const char *line, int64_t now, struct capture *out, struct capture_error *err);
void capture_free(struct capture *c);
void capture_error_free(struct capture_error *e);

/* The summary with the text of mention i replaced by names[i] (a resolved
 * contact's full name; NULL keeps the text as written). Caller frees. */
char *capture_summary_with_names(const struct capture *c, const char *const *names);

/* For @-completion while the line is being typed (it need not parse): when
 * byte offset `cursor` is inside or at the end of an @mention token, returns
 * 1 and sets [*start, *start + *len) to the token from '@' to the cursor's
 * word end; *create is set for @+. Returns 0 otherwise. */
int capture_mention_at(const char *line, size_t cursor, size_t *start, size_t *len, int *create);

/* How to write a mention of `name` so that it parses back to that name:
 * @ana, @"Ana Souza", or, when the name holds a '"', its words joined with
 * dots. Caller frees. */
char *capture_mention_format(const char *name);

#endif
