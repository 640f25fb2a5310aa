/* check_capture.c: tests of the quick-capture grammar: a table of lines with
 * the kind, direction, tags, mentions, summary and follow-ups they give, or
 * the error and the bytes it points at; hostile input; the completion helpers.
 * Now is pinned to 2026-11-20T10:00Z (a Friday) in TZ=UTC. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "capture.h"
#include "date.h"

#define CAP_NOW "2026-11-20T10:00:00Z"

static int64_t cap_iso(const char *s)
{
	int64_t t = 0;
	char *cause = NULL;
	ck_assert_msg(date_parse_iso(s, &t, &cause) == 0, "bad fixture %s", s);
	return t;
}

static int64_t cap_now(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	return cap_iso(CAP_NOW);
}

struct cap_case {
	const char *line;
	/* on success */
	enum ikind kind;
	enum direction dir;
	int deep;
	const char *tags;     /* joined with ',' */
	const char *mentions; /* texts joined with '|', '+' before a created one */
	const char *summary;
	int followups;
	const char *at; /* ISO; NULL: now */
	/* on failure */
	const char *error; /* substring of the message */
	long off, len;     /* the bytes pointed at; off -1: the line's length */
};

/* clang-format off */
#define OK(l, k, d, deep, tags, m, sum, fu, at) {l, k, d, deep, tags, m, sum, fu, at, NULL, 0, 0}
#define BAD(l, e, off, len) {l, IKIND_MEETING, DIR_NONE, 0, "", "", "", 0, NULL, e, off, len}
/* clang-format on */

static const struct cap_case cap_cases[] = {
	/* the example of DESIGN.md §5 */
	OK("yesterday coffee with @ana: +gave intro to @bruno #devconf !1w", IKIND_MEETING,
           DIR_GAVE, 0, "devconf", "ana|bruno", "coffee with ana: intro to bruno", 1,
           "2026-11-19T12:00:00Z"),
	OK("@ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 0, NULL),
	OK("2026-11-19T09:00:30 coffee @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana",
           "coffee ana", 0, "2026-11-19T09:00:30Z"),
	OK("2026-11-19 09:00:30 @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 0,
           "2026-11-19T09:00:30Z"),
	OK("@ana at the 3:1 ratio 2026-13-01 wow! !!", IKIND_MEETING, DIR_NONE, 0, "", "ana",
           "ana at the 3:1 ratio 2026-13-01 wow! !!", 0, NULL),
	OK("called @ana about the job", IKIND_CALL, DIR_NONE, 0, "", "ana",
           "called ana about the job", 0, NULL),
	OK("intro @ana to @bruno", IKIND_INTRO, DIR_MUTUAL, 0, "", "ana|bruno",
           "intro ana to bruno", 0, NULL),
	OK("intro @ana to @bruno +gave", IKIND_INTRO, DIR_GAVE, 0, "", "ana|bruno",
           "intro ana to bruno", 0, NULL),
	OK("lunch with @ana +got +deep", IKIND_MEETING, DIR_GOT, 1, "", "ana", "lunch with ana", 0,
           NULL),
	OK("@ana +gave +gave +deep +deep", IKIND_MEETING, DIR_GAVE, 1, "", "ana", "ana", 0, NULL),
	OK("+mutual gift for @ana", IKIND_GIFT, DIR_MUTUAL, 0, "", "ana", "gift for ana", 0, NULL),
	OK("@ana +GAVE advice.", IKIND_ADVICE, DIR_GAVE, 0, "", "ana", "ana advice.", 0, NULL),
	OK("@ana: +gave.", IKIND_MEETING, DIR_GAVE, 0, "", "ana", "ana:", 0, NULL),
	OK("kind:advice chat with @ana", IKIND_ADVICE, DIR_MUTUAL, 0, "", "ana", "chat with ana", 0,
           NULL),
	OK("chat with @ana kind:referral", IKIND_REFERRAL, DIR_MUTUAL, 0, "", "ana",
           "chat with ana", 0, NULL),
	OK("kind:zoom @ana", IKIND_CALL, DIR_NONE, 0, "", "ana", "ana", 0, NULL),
	OK("KIND:Call, @ana", IKIND_CALL, DIR_NONE, 0, "", "ana", "ana", 0, NULL),
	OK("kind:call kind:phone @ana", IKIND_CALL, DIR_NONE, 0, "", "ana", "ana", 0, NULL),
	OK("Coffee, with @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "Coffee, with ana", 0, NULL),
	OK("Zoom: @ana", IKIND_CALL, DIR_NONE, 0, "", "ana", "Zoom: ana", 0, NULL),
	OK("talked with @ana about a job lead, then coffee", IKIND_MEETING, DIR_MUTUAL, 0, "", "ana",
           "talked with ana about a job lead, then coffee", 0, NULL),
	OK("note: @ana moved to Berlin", IKIND_NOTE, DIR_NONE, 0, "", "ana",
           "note: ana moved to Berlin", 0, NULL),
	OK("(lunch with @ana)", IKIND_MEETING, DIR_NONE, 0, "", "ana", "(lunch with ana)", 0, NULL),
	OK("shared an article with @ana", IKIND_SHARE, DIR_MUTUAL, 0, "", "ana",
           "shared an article with ana", 0, NULL),
	OK("helped @ana move", IKIND_FAVOR, DIR_MUTUAL, 0, "", "ana", "helped ana move", 0, NULL),
	OK("+1 for @ana's talk", IKIND_MEETING, DIR_NONE, 0, "", "ana", "+1 for ana's talk", 0,
           NULL),
	OK("a + b with @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "a + b with ana", 0, NULL),
	/* mentions */
	OK("@ana.souza and @\"Bruno Lima\"", IKIND_MEETING, DIR_NONE, 0, "", "ana souza|Bruno Lima",
           "ana souza and Bruno Lima", 0, NULL),
	OK("@+\"New Person\" at the fair", IKIND_EVENT, DIR_NONE, 0, "", "+New Person",
           "New Person at the fair", 0, NULL),
	OK("met @+zoe", IKIND_MEETING, DIR_NONE, 0, "", "+zoe", "met zoe", 0, NULL),
	OK("email from ana@example.com to @bruno", IKIND_MESSAGE, DIR_NONE, 0, "", "bruno",
           "email from ana@example.com to bruno", 0, NULL),
	OK("great chat with @ana!", IKIND_MESSAGE, DIR_NONE, 0, "", "ana", "great chat with ana!",
           0, NULL),
	OK("coffee (@ana, @bruno)", IKIND_MEETING, DIR_NONE, 0, "", "ana|bruno",
           "coffee (ana, bruno)", 0, NULL),
	OK("@ana/@bruno;@carla", IKIND_MEETING, DIR_NONE, 0, "", "ana|bruno|carla",
           "ana/bruno;carla", 0, NULL),
	OK("@ana@bruno", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana@bruno", 0, NULL),
	OK("@ana's birthday", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana's birthday", 0, NULL),
	OK("@o'brien and @O’Neil’s dog", IKIND_MEETING, DIR_NONE, 0, "", "o'brien|O’Neil",
           "o'brien and O’Neil’s dog", 0, NULL),
	OK("@jean-luc.picard", IKIND_MEETING, DIR_NONE, 0, "", "jean-luc picard", "jean-luc picard",
           0, NULL),
	OK("saw @ana. Then left", IKIND_MEETING, DIR_NONE, 0, "", "ana", "saw ana. Then left", 0,
           NULL),
	OK("@ana..souza", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana..souza", 0, NULL),
	OK("@ana-- fine", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana-- fine", 0, NULL),
	OK("@Fátima @山田 @Łukasz", IKIND_MEETING, DIR_NONE, 0, "", "Fátima|山田|Łukasz",
           "Fátima 山田 Łukasz", 0, NULL),
	OK("@\"  Ana   Souza \" ok", IKIND_MEETING, DIR_NONE, 0, "", "Ana Souza", "Ana Souza ok", 0,
           NULL),
	OK("@\"Dr. Who\", @\"Mc#Name\"", IKIND_MEETING, DIR_NONE, 0, "", "Dr. Who|Mc#Name",
           "Dr. Who, Mc#Name", 0, NULL),
	OK("@\"a\tb\"", IKIND_MEETING, DIR_NONE, 0, "", "a b", "a b", 0, NULL),
	OK("@ana, @ana and @Ana", IKIND_MEETING, DIR_NONE, 0, "", "ana|ana|Ana", "ana, ana and Ana",
           0, NULL),
	/* tags */
	OK("@ana #Work #work #WORK #home", IKIND_MEETING, DIR_NONE, 0, "Work,home", "ana", "ana", 0,
           NULL),
	OK("@ana #a/b.c #x-y_z", IKIND_MEETING, DIR_NONE, 0, "a/b.c,x-y_z", "ana", "ana", 0, NULL),
	OK("@ana at #devconf. Great", IKIND_MEETING, DIR_NONE, 0, "devconf", "ana", "ana at Great",
           0, NULL),
	OK("@ana #café #Café #cafe", IKIND_MEETING, DIR_NONE, 0, "café", "ana", "ana", 0, NULL),
	OK("@ana #日本 会議", IKIND_MEETING, DIR_NONE, 0, "日本", "ana", "ana 会議", 0, NULL),
	OK("#devconf @ana C# talk", IKIND_MEETING, DIR_NONE, 0, "devconf", "ana", "ana C# talk", 0,
           NULL),
	OK("@ana #42", IKIND_MEETING, DIR_NONE, 0, "42", "ana", "ana", 0, NULL),
	/* follow-ups */
	OK("@ana !3d !fri !2026-12-01", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 3, NULL),
	OK("@ana !1w !7d !FRIDAY", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 1, NULL),
	OK("@ana !2w, then !fri.", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana then", 2, NULL),
	OK("wow! @ana !", IKIND_MEETING, DIR_NONE, 0, "", "ana", "wow! ana !", 0, NULL),
	/* a '!' before punctuation and a digit is text, not a due date */
	OK("@ana odds !?3 and !.5", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana odds !?3 and !.5", 0,
	   NULL),
	OK("@ana !! !? !-", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana !! !? !-", 0, NULL),
	/* WHEN */
	OK("today 09:30 @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 0,
           "2026-11-20T09:30:00Z"),
	OK("today @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 0, NULL),
	OK("2026-11-01 18:00 dinner @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "dinner ana", 0,
           "2026-11-01T18:00:00Z"),
	OK("fri drinks with @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "drinks with ana", 0,
           "2026-11-13T12:00:00Z"),
	OK("3d ago call @ana", IKIND_CALL, DIR_NONE, 0, "", "ana", "call ana", 0,
           "2026-11-17T12:00:00Z"),
	OK("2 weeks ago 08:00 zoom @ana", IKIND_CALL, DIR_NONE, 0, "", "ana", "zoom ana", 0,
           "2026-11-06T08:00:00Z"),
	OK("2027-01-15 lunch with @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana", "lunch with ana", 0,
           "2027-01-15T12:00:00Z"),
	OK("tomorrow lunch with @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana",
           "tomorrow lunch with ana", 0, NULL),
	OK("coffee yesterday with @ana", IKIND_MEETING, DIR_NONE, 0, "", "ana",
           "coffee yesterday with ana", 0, NULL),
	OK("@ana 2026-02-30", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana 2026-02-30", 0, NULL),
	/* white space */
	OK("  lots   of\tspace   @ana  ", IKIND_MEETING, DIR_NONE, 0, "", "ana",
           "lots of space ana", 0, NULL),
	OK("@ana\n", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 0, NULL),
	OK("@ana\r\n", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 0, NULL),
	OK("@ana\t\t", IKIND_MEETING, DIR_NONE, 0, "", "ana", "ana", 0, NULL),

	/* errors */
	BAD("", "nothing to log", 0, 0),
	BAD("   \t ", "nothing to log", 0, 5),
	BAD("\n", "nothing to log", 0, 0),
	BAD("#tag +deep !1w", "nobody mentioned: write @name", -1, 0),
	BAD("coffee with ana", "nobody mentioned", -1, 0),
	BAD("yesterday", "nobody mentioned", -1, 0),
	BAD("email ana@example.com", "nobody mentioned", -1, 0),
	BAD("@", "'@' alone", 0, 1),
	BAD("coffee with @ now", "'@' alone: write @name", 12, 1),
	BAD("@, hello", "'@' alone", 0, 1),
	BAD("@.ana", "'@' alone", 0, 1),
	BAD("@+", "'@+' alone", 0, 2),
	BAD("hi @+!", "'@+' alone", 3, 2),
	BAD("@\"Ana Souza", "unterminated quote", 0, 11),
	BAD("lunch @+\"New", "unterminated quote", 6, 6),
	BAD("@ana and @\"Bruno", "unterminated quote", 9, 7),
	BAD("@\"\"", "an empty name", 0, 3),
	BAD("@ana @+\"  \"", "an empty name", 5, 6),
	BAD("@ana #", "'#' needs a tag", 5, 1),
	BAD("@ana #!", "'#' needs a tag", 5, 2),
	BAD("@ana ## x", "'#' needs a tag", 5, 2),
	BAD("@ana #foo!bar", "'#foo!bar' is not a tag", 5, 8),
	BAD("@ana +foo", "unknown marker '+foo' (known: +gave +got +mutual +deep)", 5, 4),
	BAD("@ana +gave2", "unknown marker", 5, 6),
	BAD("@ana +é", "unknown marker", 5, 3),
	BAD("@ana +gave +got", "two directions: +gave and +got", 11, 4),
	BAD("+mutual @ana +got", "two directions", 13, 4),
	BAD("@ana !3x", "'3x' is not a due date", 5, 3),
	BAD("@ana !important", "is not a due date", 5, 10),
	BAD("@ana !2026-02-30", "'2026-02-30' is not a day of the calendar", 5, 11),
	BAD("@ana !9999d", "too far ahead", 5, 6),
	BAD("@ana !é", "is not a due date", 5, 3),
	BAD("kind:nope @ana", "unknown kind 'nope' (kinds: meeting, call, message", 0, 9),
	BAD("@ana kind:", "kind: needs a name", 5, 5),
	BAD("kind:call kind:lead @ana", "two kinds: kind:call and kind:lead", 10, 9),
	BAD("2026-02-30 @ana", "'2026-02-30' is not a day of the calendar", 0, 10),
	BAD("yesterday 25:00 @ana", "'25:00' is not a time of day", 10, 5),
	BAD("today 12:60 @ana", "'12:60' is not a time", 6, 5),
	BAD("3x ago @ana", "'3x ago' is not a time", 0, 2),
	BAD("99999d ago @ana", "too far back", 0, 6),
	BAD("9:5 coffee @ana", "'9:5' is not a time of day", 0, 3),
	BAD("yesterday 9:5 @ana", "'9:5' is not a time of day", 10, 3),
	BAD("2026-13-01 @ana", "'2026-13-01' is not a day of the calendar", 0, 10),
	BAD("1899-12-31 @ana", "out of range (years 1900 to 9999)", 0, 10),
	BAD("2026-11-19T25:00 @ana", "has a bad time", 0, 16),
	BAD("coffee @ana !-1d", "'-1d' is not a due date", 12, 4),
	BAD("coffee @ana !+2w.", "'+2w' is not a due date", 12, 5),
	BAD("@ana !0999-01-01", "out of range", 5, 11),
	BAD("@ana \x1b[31mred", "control character U+001B at byte 5", 5, 1),
	BAD("@ana \x07", "control character U+0007", 5, 1),
	BAD("@ana\nmore", "control character U+000A at byte 4", 4, 1),
	BAD("@ana\rmore", "control character U+000D", 4, 1),
	BAD("\x7f @ana", "control character U+007F at byte 0", 0, 1),
	BAD("@ana \xc2\x9b", "control character U+009B", 5, 2),
	BAD("@ana \xe2\x80\xae evil", "control character U+202E", 5, 3),
	BAD("@\"Ana\x1bSouza\"", "control character U+001B", 5, 1),
	BAD("@ana \xff", "invalid UTF-8 at byte 5 (0xff)", 5, 1),
	BAD("@ana \xc3", "invalid UTF-8 at byte 5", 5, 1),
	BAD("@an\xc3\x28", "invalid UTF-8 at byte 3", 3, 1),
	BAD("@ana \xed\xa0\x80", "invalid UTF-8 at byte 5", 5, 1),
	BAD("@ana \xc0\xaf", "invalid UTF-8 at byte 5", 5, 1),
	BAD("#tag \xff @", "invalid UTF-8 at byte 5", 5, 1),
};

/* "a|b" from the mentions, "+" before created ones. */
static char *cap_join_mentions(const struct capture *c)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < c->nmentions; i++)
		buf_printf(&b, "%s%s%s", i ? "|" : "", c->mentions[i].create ? "+" : "",
		           c->mentions[i].text);
	char *s = buf_detach(&b);
	return s ? s : strdup("");
}

START_TEST(test_parse)
{
	const struct cap_case *k = &cap_cases[_i];
	int64_t now = cap_now();
	struct capture c;
	struct capture_error e;
	int rc = capture_parse(k->line, now, &c, &e);
	if (k->error != NULL) {
		ck_assert_msg(rc == -1, "'%s' parsed", k->line);
		ck_assert_ptr_nonnull(e.message);
		ck_assert_msg(strstr(e.message, k->error) != NULL, "'%s': message '%s'", k->line,
		              e.message);
		size_t off = k->off < 0 ? strlen(k->line) : (size_t)k->off;
		ck_assert_msg(e.offset == off && e.len == (size_t)k->len,
		              "'%s': points at %zu+%zu, not %zu+%ld", k->line, e.offset, e.len, off,
		              k->len);
		ck_assert_uint_eq(c.nmentions, 0);
		ck_assert_ptr_null(c.summary);
	} else {
		ck_assert_msg(rc == 0, "'%s': %s", k->line, e.message ? e.message : "");
		ck_assert_ptr_null(e.message);
		ck_assert_msg(c.kind == k->kind, "'%s': kind %s", k->line,
		              model_ikind_name(c.kind));
		ck_assert_msg(c.dir == k->dir, "'%s': dir %s", k->line,
		              model_direction_name(c.dir));
		ck_assert_int_eq(c.deep, k->deep);
		char *tags = strv_join(&c.tags, ",");
		ck_assert_str_eq(tags, k->tags);
		free(tags);
		char *m = cap_join_mentions(&c);
		ck_assert_str_eq(m, k->mentions);
		free(m);
		ck_assert_str_eq(c.summary, k->summary);
		ck_assert_int_eq((int)c.nfollowups, k->followups);
		ck_assert_msg(c.at == (k->at ? cap_iso(k->at) : now), "'%s': at %lld", k->line,
		              (long long)c.at);
		ck_assert_int_eq(c.has_when, k->at != NULL || strncmp(k->line, "today", 5) == 0);
		/* every mention's spans point at its token and at its text in the summary */
		for (size_t i = 0; i < c.nmentions; i++) {
			const struct capture_mention *cm = &c.mentions[i];
			ck_assert_int_eq(k->line[cm->offset], '@');
			ck_assert_uint_le(cm->offset + cm->len, strlen(k->line));
			ck_assert_uint_eq(cm->sum_len, strlen(cm->text));
			ck_assert_int_eq(strncmp(c.summary + cm->sum_offset, cm->text, cm->sum_len),
			                 0);
		}
	}
	capture_free(&c);
	capture_error_free(&e);
}
END_TEST

START_TEST(test_explicit_flags)
{
	int64_t now = cap_now();
	static const struct {
		const char *line;
		int kind_explicit, dir_explicit;
	} rows[] = {
		{"@ana", 0, 0},       {"coffee @ana", 1, 0}, {"kind:note @ana", 1, 0},
		{"@ana +gave", 0, 1}, {"intro @ana", 1, 0},  {"intro @ana +mutual", 1, 1},
		{"+deep @ana", 0, 0},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct capture c;
		ck_assert_int_eq(capture_parse(rows[i].line, now, &c, NULL), 0);
		ck_assert_msg(c.kind_explicit == rows[i].kind_explicit, "%s", rows[i].line);
		ck_assert_msg(c.dir_explicit == rows[i].dir_explicit, "%s", rows[i].line);
		capture_free(&c);
	}
}
END_TEST

START_TEST(test_mention_spans)
{
	int64_t now = cap_now();
	const char *line = "coffee with @ana: and @\"Bruno Lima\", @+zoe. @jean.paul's";
	struct capture c;
	ck_assert_int_eq(capture_parse(line, now, &c, NULL), 0);
	ck_assert_uint_eq(c.nmentions, 4);
	const char *tok[] = {"@ana", "@\"Bruno Lima\"", "@+zoe", "@jean.paul"};
	for (size_t i = 0; i < 4; i++) {
		ck_assert_uint_eq(c.mentions[i].offset, (size_t)(strstr(line, tok[i]) - line));
		ck_assert_uint_eq(c.mentions[i].len, strlen(tok[i]));
	}
	ck_assert_int_eq(c.mentions[2].create, 1);
	ck_assert_int_eq(c.mentions[0].create, 0);
	ck_assert_str_eq(c.mentions[3].text, "jean paul");
	ck_assert_str_eq(c.mentions[3].folded, "jean paul");
	ck_assert_str_eq(c.summary, "coffee with ana: and Bruno Lima, zoe. jean paul's");
	capture_free(&c);
}
END_TEST

START_TEST(test_mention_id_prefix)
{
	int64_t now = cap_now();
	const char *line = "coffee @ana#3f9c2a and @\"Ana Souza\"#3F9C2A1B-9, @bo#3f9c2 @cy#3f9c2azz "
	                   "@di #3f9c2a";
	struct capture c;
	ck_assert_int_eq(capture_parse(line, now, &c, NULL), 0);
	ck_assert_uint_eq(c.nmentions, 5);
	ck_assert_str_eq(c.mentions[0].text, "ana");
	ck_assert_str_eq(c.mentions[0].id_prefix, "3f9c2a");
	ck_assert_uint_eq(c.mentions[0].len, strlen("@ana#3f9c2a"));
	ck_assert_str_eq(c.mentions[1].text, "Ana Souza");
	ck_assert_str_eq(c.mentions[1].id_prefix, "3f9c2a1b-9");
	/* too short, or letters after it: text, as before */
	ck_assert_ptr_null(c.mentions[2].id_prefix);
	ck_assert_ptr_null(c.mentions[3].id_prefix);
	ck_assert_ptr_null(c.mentions[4].id_prefix);
	/* apart from the mention it is a tag */
	ck_assert_uint_eq(c.tags.n, 1);
	ck_assert_str_eq(c.tags.v[0], "3f9c2a");
	ck_assert_str_eq(c.summary, "coffee ana and Ana Souza, bo#3f9c2 cy#3f9c2azz di");
	capture_free(&c);
	struct capture_error e;
	ck_assert_int_eq(capture_parse("met @+zoe#3f9c2a", now, &c, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.message, "has no id yet"));
	ck_assert_uint_eq(e.offset, 4);
	capture_error_free(&e);
}
END_TEST

START_TEST(test_folded)
{
	int64_t now = cap_now();
	struct capture c;
	ck_assert_int_eq(capture_parse("@Fátima.OKAFOR and @\"ŁUKASZ  Nowak\"", now, &c, NULL), 0);
	ck_assert_str_eq(c.mentions[0].text, "Fátima OKAFOR");
	ck_assert_str_eq(c.mentions[0].folded, "fatima okafor");
	ck_assert_str_eq(c.mentions[1].folded, "lukasz nowak");
	capture_free(&c);
}
END_TEST

START_TEST(test_followup_dates)
{
	int64_t now = cap_now();
	struct capture c;
	ck_assert_int_eq(capture_parse("@ana !tomorrow !2026-12-01 !fri", now, &c, NULL), 0);
	ck_assert_uint_eq(c.nfollowups, 3);
	ck_assert_int_eq(c.followups[0], cap_iso("2026-11-21T00:00:00Z"));
	ck_assert_int_eq(c.followups[1], cap_iso("2026-12-01T00:00:00Z"));
	ck_assert_int_eq(c.followups[2], cap_iso("2026-11-27T00:00:00Z"));
	capture_free(&c);
}
END_TEST

/* A line of n bytes: "@ana " then words of text. */
static char *cap_long_line(size_t n)
{
	char *s = malloc(n + 1);
	ck_assert_ptr_nonnull(s);
	memcpy(s, "@ana ", 5);
	for (size_t i = 5; i < n; i++)
		s[i] = i % 8 == 7 ? ' ' : 'a' + (char)(i % 7);
	s[n] = '\0';
	return s;
}

START_TEST(test_long_lines)
{
	int64_t now = cap_now();
	struct capture c;
	struct capture_error e;
	char *s = cap_long_line(10 * 1024);
	ck_assert_int_eq(capture_parse(s, now, &c, &e), 0);
	ck_assert_uint_eq(c.nmentions, 1);
	ck_assert_uint_gt(strlen(c.summary), 10000);
	capture_free(&c);
	free(s);

	s = cap_long_line(CAPTURE_MAX_LINE);
	ck_assert_int_eq(capture_parse(s, now, &c, &e), 0);
	capture_free(&c);
	free(s);

	s = cap_long_line(70 * 1024);
	ck_assert_int_eq(capture_parse(s, now, &c, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.message, "at most 65536"));
	ck_assert_uint_eq(e.offset, CAPTURE_MAX_LINE);
	ck_assert_uint_eq(e.len, 70 * 1024 - CAPTURE_MAX_LINE);
	capture_free(&c);
	capture_error_free(&e);
	free(s);

	/* one 20 KB word: not a date, not a kind */
	s = malloc(20001);
	memset(s, '7', 20000);
	s[20000] = '\0';
	s[0] = '@';
	ck_assert_int_eq(capture_parse(s, now, &c, &e), 0);
	ck_assert_uint_eq(strlen(c.mentions[0].text), 19999);
	capture_free(&c);
	s[0] = '!';
	ck_assert_int_eq(capture_parse(s, now, &c, &e), -1);
	ck_assert_uint_lt(strlen(e.message), 200);
	capture_error_free(&e);
	s[0] = '#';
	ck_assert_int_eq(capture_parse(s, now, &c, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.message, "nobody mentioned"));
	capture_error_free(&e);
	free(s);
}
END_TEST

START_TEST(test_mention_limit)
{
	int64_t now = cap_now();
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < CAPTURE_MAX_MENTIONS; i++)
		buf_printf(&b, "@p%d ", i);
	struct capture c;
	struct capture_error e;
	ck_assert_int_eq(capture_parse(buf_str(&b), now, &c, &e), 0);
	ck_assert_uint_eq(c.nmentions, CAPTURE_MAX_MENTIONS);
	capture_free(&c);
	size_t at = b.len;
	buf_puts(&b, "@one.more");
	ck_assert_int_eq(capture_parse(buf_str(&b), now, &c, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.message, "too many mentions (at most 64)"));
	ck_assert_uint_eq(e.offset, at);
	ck_assert_uint_eq(e.len, strlen("@one.more"));
	capture_error_free(&e);
	buf_free(&b);
}
END_TEST

START_TEST(test_tag_limit)
{
	int64_t now = cap_now();
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "@ana");
	for (int i = 0; i < CAPTURE_MAX_TAGS; i++)
		buf_printf(&b, " #t%d #T%d", i, i); /* the same tags twice: not counted again */
	struct capture c;
	struct capture_error e;
	ck_assert_int_eq(capture_parse(buf_str(&b), now, &c, &e), 0);
	ck_assert_uint_eq(c.tags.n, CAPTURE_MAX_TAGS);
	ck_assert_str_eq(c.tags.v[CAPTURE_MAX_TAGS - 1], "t63");
	capture_free(&c);
	size_t at = b.len + 1;
	buf_puts(&b, " #one-more");
	ck_assert_int_eq(capture_parse(buf_str(&b), now, &c, &e), -1);
	ck_assert_str_eq(e.message, "too many tags (at most 64)");
	ck_assert_uint_eq(e.offset, at);
	ck_assert_uint_eq(e.len, strlen("#one-more"));
	capture_error_free(&e);
	buf_free(&b);
}
END_TEST

START_TEST(test_failure_leaves_output_empty)
{
	int64_t now = cap_now();
	struct capture c;
	/* the error comes after mentions, tags and follow-ups were collected */
	ck_assert_int_eq(capture_parse("@ana @bruno #x !1w +gave +got", now, &c, NULL), -1);
	ck_assert_uint_eq(c.nmentions, 0);
	ck_assert_ptr_null(c.mentions);
	ck_assert_uint_eq(c.tags.n, 0);
	ck_assert_uint_eq(c.nfollowups, 0);
	ck_assert_ptr_null(c.summary);
	capture_free(&c);
	capture_free(&c);
}
END_TEST

struct names_case {
	const char *line;
	const char *names[3];
	const char *want;
};

static const struct names_case names_cases[] = {
	{"coffee with @ana: intro to @bruno",
         {"Ana Souza", "Bruno Lima", NULL},
         "coffee with Ana Souza: intro to Bruno Lima"},
	{"coffee with @ana: intro to @bruno",
         {NULL, "Bruno Lima", NULL},
         "coffee with ana: intro to Bruno Lima"},
	{"@ana.s and @\"B L\" #x", {"Ana Souza", "Bé Lé", NULL}, "Ana Souza and Bé Lé"},
	{"(@ana)", {"Ana", NULL, NULL}, "(Ana)"},
};

START_TEST(test_summary_with_names)
{
	const struct names_case *k = &names_cases[_i];
	struct capture c;
	ck_assert_int_eq(capture_parse(k->line, cap_now(), &c, NULL), 0);
	char *s = capture_summary_with_names(&c, k->names);
	ck_assert_str_eq(s, k->want);
	free(s);
	s = capture_summary_with_names(&c, NULL);
	ck_assert_str_eq(s, c.summary);
	free(s);
	capture_free(&c);
}
END_TEST

struct at_case {
	const char *line;
	size_t cursor;
	int found;
	size_t start, len;
	int create;
};

static const struct at_case at_cases[] = {
	{"coffee with @an", 15, 1, 12, 3, 0},
	{"coffee with @an", 13, 1, 12, 3, 0},
	{"coffee with @an", 12, 0, 0, 0, 0},
	{"coffee with @an", 5, 0, 0, 0, 0},
	{"coffee with @", 13, 1, 12, 1, 0},
	{"coffee with @+", 14, 1, 12, 2, 1},
	{"coffee with @+ze", 16, 1, 12, 4, 1},
	{"@ana: and @bru #x", 14, 1, 10, 4, 0},
	{"@ana: and @bru #x", 3, 1, 0, 4, 0},
	{"@ana: and @bru #x", 5, 0, 0, 0, 0},
	{"@\"Ana Sou", 9, 1, 0, 9, 0},
	{"@\"Ana Souza\" x", 6, 1, 0, 12, 0},
	{"@\"Ana Souza\" x", 14, 0, 0, 0, 0},
	{"mail ana@ex", 11, 0, 0, 0, 0},
	{"(@ana", 5, 1, 1, 4, 0},
	{"@ana", 99, 0, 0, 0, 0},
	{"", 0, 0, 0, 0, 0},
};

START_TEST(test_mention_at)
{
	const struct at_case *k = &at_cases[_i];
	size_t start = 77, len = 77;
	int create = 7;
	int found = capture_mention_at(k->line, k->cursor, &start, &len, &create);
	ck_assert_msg(found == k->found, "'%s' at %zu", k->line, k->cursor);
	if (found) {
		ck_assert_uint_eq(start, k->start);
		ck_assert_uint_eq(len, k->len);
		ck_assert_int_eq(create, k->create);
	}
}
END_TEST

struct format_case {
	const char *name;
	const char *want;
};

static const struct format_case format_cases[] = {
	{"ana", "@ana"},
	{"Fátima", "@Fátima"},
	{"Jean-Luc", "@Jean-Luc"},
	{"O'Brien", "@O'Brien"},
	{"Ana Souza", "@\"Ana Souza\""},
	{"Dr. Who", "@\"Dr. Who\""},
	{"ana.", "@\"ana.\""},
	{"Ana-", "@\"Ana-\""},
	{"Ana's", "@\"Ana's\""},
	{"+ana", "@\"+ana\""},
	{"_x_", "@_x_"},
	{"山田 太郎", "@\"山田 太郎\""},
	{"The \"Boss\" Smith", "@The.Boss.Smith"},
	{"\"", "@"},
};

START_TEST(test_mention_format)
{
	const struct format_case *k = &format_cases[_i];
	char *s = capture_mention_format(k->name);
	ck_assert_str_eq(s, k->want);
	/* and it parses back to the name, when the name can be written at all */
	if (strchr(k->name, '"') == NULL) {
		struct capture c;
		ck_assert_int_eq(capture_parse(s, cap_now(), &c, NULL), 0);
		ck_assert_str_eq(c.mentions[0].text, k->name);
		capture_free(&c);
	}
	free(s);
}
END_TEST

extern Suite *suite_capture(void);

Suite *suite_capture(void)
{
	Suite *s = suite_create("capture");
	TCase *tc = tcase_create("parse");
	tcase_add_loop_test(tc, test_parse, 0, sizeof cap_cases / sizeof cap_cases[0]);
	tcase_add_test(tc, test_explicit_flags);
	tcase_add_test(tc, test_mention_spans);
	tcase_add_test(tc, test_mention_id_prefix);
	tcase_add_test(tc, test_folded);
	tcase_add_test(tc, test_followup_dates);
	tcase_add_test(tc, test_failure_leaves_output_empty);
	suite_add_tcase(s, tc);
	tc = tcase_create("limits");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_long_lines);
	tcase_add_test(tc, test_mention_limit);
	tcase_add_test(tc, test_tag_limit);
	suite_add_tcase(s, tc);
	tc = tcase_create("helpers");
	tcase_add_loop_test(tc, test_summary_with_names, 0,
	                    sizeof names_cases / sizeof names_cases[0]);
	tcase_add_loop_test(tc, test_mention_at, 0, sizeof at_cases / sizeof at_cases[0]);
	tcase_add_loop_test(tc, test_mention_format, 0,
	                    sizeof format_cases / sizeof format_cases[0]);
	suite_add_tcase(s, tc);
	return s;
}
