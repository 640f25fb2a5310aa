/* check_utf8.c: tests of UTF-8 decoding, cell widths, escaping, fitting to a
 * cell budget and folding. Depends on utf8.h. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

struct decode_case {
	const char *in;
	size_t len;
	uint32_t cp; /* UTF8_INVALID for an invalid sequence */
	size_t used;
};

static const struct decode_case decode_cases[] = {
	{"A", 1, 0x41, 1},
	{"\x00", 1, 0, 1},
	{"\xc3\xa9", 2, 0xE9, 2},
	{"\xe5\xb1\xb1", 3, 0x5C71, 3},
	{"\xf0\x9f\x91\x8b", 4, 0x1F44B, 4},
	{"\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4},
	{"\xed\x9f\xbf", 3, 0xD7FF, 3},
	{"\xee\x80\x80", 3, 0xE000, 3},
	/* overlong forms */
	{"\xc0\xaf", 2, UTF8_INVALID, 1},
	{"\xc1\xbf", 2, UTF8_INVALID, 1},
	{"\xe0\x80\xaf", 3, UTF8_INVALID, 1},
	{"\xe0\x9f\xbf", 3, UTF8_INVALID, 1},
	{"\xf0\x80\x80\xaf", 4, UTF8_INVALID, 1},
	{"\xf0\x8f\xbf\xbf", 4, UTF8_INVALID, 1},
	/* surrogates */
	{"\xed\xa0\x80", 3, UTF8_INVALID, 1},
	{"\xed\xbf\xbf", 3, UTF8_INVALID, 1},
	/* beyond U+10FFFF */
	{"\xf4\x90\x80\x80", 4, UTF8_INVALID, 1},
	{"\xf5\x80\x80\x80", 4, UTF8_INVALID, 1},
	{"\xff", 1, UTF8_INVALID, 1},
	/* lone continuation bytes and truncated sequences */
	{"\x80", 1, UTF8_INVALID, 1},
	{"\xbf", 1, UTF8_INVALID, 1},
	{"\xc3", 1, UTF8_INVALID, 1},
	{"\xe5\xb1", 2, UTF8_INVALID, 1},
	{"\xf0\x9f\x91", 3, UTF8_INVALID, 1},
	{"\xe5\xb1\xb1", 2, UTF8_INVALID, 1}, /* length cuts the sequence */
	{"\xc3(", 2, UTF8_INVALID, 1},
	{"\xe5\xb1(", 3, UTF8_INVALID, 1},
};

START_TEST(test_decode)
{
	const struct decode_case *c = &decode_cases[_i];
	uint32_t cp = 12345;
	size_t used = utf8_decode(c->in, c->len, &cp);
	ck_assert_msg(cp == c->cp, "case %d: cp %#x, want %#x", _i, (unsigned)cp, (unsigned)c->cp);
	ck_assert_uint_eq(used, c->used);
}
END_TEST

START_TEST(test_encode_round_trip)
{
	static const uint32_t cps[] = {0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000,
	                               0xFFFD, 0xFFFF, 0x10000, 0x1F44B, 0x10FFFF};
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char out[4];
		int n = utf8_encode(cps[i], out);
		ck_assert_int_gt(n, 0);
		uint32_t cp;
		ck_assert_uint_eq(utf8_decode(out, (size_t)n, &cp), (size_t)n);
		ck_assert_uint_eq(cp, cps[i]);
	}
	char out[4];
	ck_assert_int_eq(utf8_encode(0xD800, out), 0);
	ck_assert_int_eq(utf8_encode(0xDFFF, out), 0);
	ck_assert_int_eq(utf8_encode(0x110000, out), 0);
	ck_assert_int_eq(utf8_encode(UTF8_INVALID, out), 0);
}
END_TEST

START_TEST(test_valid)
{
	ck_assert(utf8_valid("", 0));
	ck_assert(utf8_valid("plain", 5));
	ck_assert(utf8_valid("F\xc3\xa1tima \xe5\xb1\xb1\xf0\x9f\x91\x8b", 15));
	ck_assert(!utf8_valid("ab\xff", 3));
	ck_assert(!utf8_valid("\xed\xa0\x80", 3));
	ck_assert(!utf8_valid("\xc3\xa9", 1));
}
END_TEST

struct control_case {
	uint32_t cp;
	int control;
};

static const struct control_case control_cases[] = {
	{0x00, 1},   {0x09, 1},   {0x0A, 1},   {0x1B, 1},   {0x1F, 1},   {0x20, 0},
	{0x7E, 0},   {0x7F, 1},   {0x80, 1},   {0x9B, 1},   {0x9F, 1},   {0xA0, 0},
	{0x061B, 0}, {0x061C, 1}, {0x200D, 0}, {0x200E, 1}, {0x200F, 1}, {0x2029, 0},
	{0x202A, 1}, {0x202E, 1}, {0x202F, 0}, {0x2065, 0}, {0x2066, 1}, {0x2069, 1},
	{0x206A, 0}, {0x5C71, 0},
};

START_TEST(test_is_control)
{
	const struct control_case *c = &control_cases[_i];
	ck_assert_msg(utf8_is_control(c->cp) == c->control, "U+%04X", (unsigned)c->cp);
}
END_TEST

struct width_case {
	uint32_t cp;
	int width;
};

static const struct width_case width_cases[] = {
	{'a', 1},      {'~', 1},      {0xE9, 1},     {0x0301, 0},   {0x0483, 0},   {0x20DD, 0},
	{0x200B, 0},   {0x200D, 0},   {0xFE0F, 0},   {0xE0100, 0},  {0x1160, 0},   {0x11FF, 0},
	{0x1100, 2},   {0x115F, 2},   {0x2E80, 2},   {0x3000, 2},   {0x303E, 2},   {0x303F, 1},
	{0x3042, 2},   {0x5C71, 2},   {0xA4CF, 2},   {0xA4D0, 1},   {0xAC00, 2},   {0xD7A3, 2},
	{0xF900, 2},   {0xFE30, 2},   {0xFF01, 2},   {0xFF60, 2},   {0xFF61, 1},   {0xFFE6, 2},
	{0x20000, 2},  {0x3FFFD, 2},  {0x1F300, 2},  {0x1F321, 1},  {0x1F44B, 2},  {0x1F64F, 2},
	{0x1F680, 2},  {0x1F6DC, 2},  {0x1F90C, 2},  {0x1F9FF, 2},  {0x1FAF8, 2},  {0x2764, 1},
	{0x0391, 1},   {0x0416, 1},   {0x3099, 0},   {0x302A, 0},   {0x0A, 2},     {0x09, 2},
	{0x0D, 2},     {0x1B, 2},     {0x00, 4},     {0x7F, 4},     {0x9B, 4},     {0x202E, 6},
	{0x061C, 6},   {UTF8_INVALID, 4},
};

START_TEST(test_cp_width)
{
	const struct width_case *c = &width_cases[_i];
	ck_assert_msg(utf8_cp_width(c->cp) == c->width, "U+%04X: %d, want %d", (unsigned)c->cp,
	              utf8_cp_width(c->cp), c->width);
}
END_TEST

struct swidth_case {
	const char *s;
	size_t width;
};

static const struct swidth_case swidth_cases[] = {
	{"", 0},
	{"Ana Souza", 9},
	{"\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e", 8}, /* 山田太郎 */
	{"\xf0\x9f\x91\x8b", 2},                                 /* waving hand */
	{"e\xcc\x81", 1},                                        /* e + combining acute */
	{"Fa\xcc\x81tima", 6},
	{"\xea\xb9\x80\xec\xb2\xa0\xec\x88\x98", 6}, /* 김철수 */
	{"a\tb", 4},
	{"\x1b[31mred", 9},      /* \e[31mred */
	{"x\x7f", 5},            /* x\x7f */
	{"\xc2\x9b" "1m", 6},    /* \x9b1m */
	{"\xe2\x80\xae" "abc", 9}, /* \u202eabc */
	{"\xff\xfe", 8},
	{"\xe2\x80\xa6", 1},
};

START_TEST(test_width)
{
	const struct swidth_case *c = &swidth_cases[_i];
	ck_assert_msg(utf8_width(c->s) == c->width, "case %d: %zu, want %zu", _i, utf8_width(c->s),
	              c->width);
}
END_TEST

struct escape_case {
	const char *in;
	size_t len;
	const char *out;
};

#define S(lit) lit, sizeof lit - 1

static const struct escape_case escape_cases[] = {
	{S("plain text"), "plain text"},
	{S("line\nnext"), "line\\nnext"},
	{S("a\tb\rc"), "a\\tb\\rc"},
	{S("\x1b[2J\x1b]0;title\x07"), "\\e[2J\\e]0;title\\x07"},
	{S("\x1b[31mred\x1b[0m"), "\\e[31mred\\e[0m"},
	{S("nul\0x"), "nul\\x00x"},
	{S("del\x7f"), "del\\x7f"},
	{S("\x01\x1f"), "\\x01\\x1f"},
	{S("\xc2\x9b" "31m"), "\\x9b31m"}, /* C1 CSI */
	{S("\xc2\x85\xc2\x9f"), "\\x85\\x9f"},
	{S("evil\xe2\x80\xae" "gnp.exe"), "evil\\u202egnp.exe"},
	{S("\xd8\x9c\xe2\x80\x8e\xe2\x80\x8f"), "\\u061c\\u200e\\u200f"},
	{S("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9"), "\\u202a\\u2066\\u2069"},
	{S("bad\xff\xc3"), "bad\\xff\\xc3"},
	{S("\xed\xa0\x80"), "\\xed\\xa0\\x80"},
	{S("F\xc3\xa1tima \xe5\xb1\xb1 \xf0\x9f\x91\x8b"),
	 "F\xc3\xa1tima \xe5\xb1\xb1 \xf0\x9f\x91\x8b"},
	{S("\xe2\x80\x8d\xc2\xa0"), "\xe2\x80\x8d\xc2\xa0"},
};

START_TEST(test_escape)
{
	const struct escape_case *c = &escape_cases[_i];
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "<");
	utf8_escape(&b, c->in, c->len);
	ck_assert_str_eq(buf_str(&b) + 1, c->out);
	/* The escaped text is printable: escaping it again changes nothing. */
	struct buf again;
	buf_init(&again);
	utf8_escape(&again, buf_str(&b), b.len);
	ck_assert_str_eq(buf_str(&again), buf_str(&b));
	buf_free(&again);
	buf_free(&b);
}
END_TEST

START_TEST(test_escape_dup_and_width_agree)
{
	static const char *const in[] = {"a\x1b[1mb", "\xc2\x9b", "x\xe2\x80\xaey", "\xff",
	                                 "\xe5\xb1\xb1\n\xe7\x94\xb0"};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char *e = utf8_escape_dup(in[i]);
		ck_assert_ptr_null(strchr(e, 0x1b));
		ck_assert_uint_eq(utf8_width(in[i]), utf8_width(e));
		free(e);
	}
	char *e = utf8_escape_dup("");
	ck_assert_str_eq(e, "");
	free(e);
}
END_TEST

struct fit_case {
	const char *in;
	size_t cells;
	int pad;
	const char *out;
	size_t used;
};

#define YAMADA "\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e" /* 山田太郎 */
#define ELL "\xe2\x80\xa6"

static const struct fit_case fit_cases[] = {
	{"Ana", 5, 0, "Ana", 3},
	{"Ana", 5, 1, "Ana  ", 5},
	{"Ana", 3, 0, "Ana", 3},
	{"Anabela", 5, 0, "Anab" ELL, 5},
	{"Anabela", 1, 0, ELL, 1},
	{"Anabela", 0, 1, "", 0},
	{"", 0, 1, "", 0},
	{"", 3, 1, "   ", 3},
	{YAMADA, 8, 0, YAMADA, 8},
	{YAMADA, 9, 1, YAMADA " ", 9},
	{YAMADA, 7, 0, "\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa" ELL, 7},
	{YAMADA, 6, 0, "\xe5\xb1\xb1\xe7\x94\xb0" ELL, 5}, /* 太 would end mid-cell */
	{YAMADA, 6, 1, "\xe5\xb1\xb1\xe7\x94\xb0" ELL " ", 6},
	{YAMADA, 2, 0, ELL, 1},
	{YAMADA, 2, 1, ELL " ", 2},
	{YAMADA, 3, 0, "\xe5\xb1\xb1" ELL, 3},
	{"\xf0\x9f\x91\x8b\xf0\x9f\x91\x8b", 3, 0, "\xf0\x9f\x91\x8b" ELL, 3},
	{"e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3, 0, "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3},
	{"e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, 0, "e\xcc\x81" ELL, 2},
	{"a\x1b[1m", 4, 0, "a\\e" ELL, 4},
	{"a\x1b[1m", 3, 0, "a" ELL, 2}, /* an escape is never split */
	{"\xe2\x80\xae" "abc", 8, 0, "\\u202ea" ELL, 8},
	{"ab\xff", 4, 1, "ab" ELL " ", 4},
};

START_TEST(test_fit)
{
	const struct fit_case *c = &fit_cases[_i];
	struct buf b;
	buf_init(&b);
	size_t used = utf8_fit(&b, c->in, c->cells, c->pad);
	ck_assert_msg(strcmp(buf_str(&b), c->out) == 0, "case %d: '%s', want '%s'", _i, buf_str(&b),
	              c->out);
	ck_assert_uint_eq(used, c->used);
	ck_assert_uint_eq(utf8_width(buf_str(&b)), c->used);
	ck_assert_uint_le(used, c->cells);
	buf_free(&b);
}
END_TEST

START_TEST(test_fit_appends)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "[");
	size_t used = utf8_fit(&b, "kith", 6, 1);
	buf_puts(&b, "]");
	ck_assert_str_eq(buf_str(&b), "[kith  ]");
	ck_assert_uint_eq(used, 6);
	buf_free(&b);
}
END_TEST

/* In ASCII a cut cell ends in "..." (three cells); the budget still holds. */
static const struct fit_case fit_ascii_cases[] = {
	{"kith", 4, 0, "kith", 4},
	{"Albuquerque", 8, 0, "Albuq...", 8},
	{"Albuquerque", 8, 1, "Albuq...", 8},
	{"Albuquerque", 3, 0, "...", 3},
	{"Albuquerque", 2, 1, "  ", 2}, /* not even the mark fits */
	{YAMADA, 5, 0, "\xe5\xb1\xb1...", 5},
	{YAMADA, 4, 0, "...", 3}, /* a wide character that would pass the budget is left out */
	{"a\x1b[1m", 5, 0, "a...", 4},
};

START_TEST(test_fit_ascii)
{
	const struct fit_case *c = &fit_ascii_cases[_i];
	struct buf b;
	buf_init(&b);
	size_t used = utf8_fit_as(&b, c->in, c->cells, c->pad, 1);
	ck_assert_msg(strcmp(buf_str(&b), c->out) == 0, "case %d: '%s', want '%s'", _i, buf_str(&b),
	              c->out);
	ck_assert_uint_eq(used, c->used);
	ck_assert_uint_le(used, c->cells);
	buf_reset(&b);
	/* without ascii it is utf8_fit */
	struct buf u;
	buf_init(&u);
	ck_assert_uint_eq(utf8_fit_as(&b, c->in, c->cells, c->pad, 0),
	                  utf8_fit(&u, c->in, c->cells, c->pad));
	ck_assert_str_eq(buf_str(&b), buf_str(&u));
	buf_free(&u);
	buf_free(&b);
}
END_TEST

static const struct {
	double frac;
	int cells, ascii;
	const char *out;
} bar_cases[] = {
	{0.0, 5, 1, "....."},
	{0.09, 5, 1, "....."},
	{0.1, 5, 1, "#...."},
	{0.5, 5, 1, "###.."},
	{0.69, 5, 1, "###.."},
	{0.7, 5, 1, "####."},
	{1.0, 5, 1, "#####"},
	{7.0, 5, 1, "#####"},
	{-3.0, 5, 1, "....."},
	{0.5, 4, 1, "##.."},
	{0.4, 5, 0, "\xe2\x96\x88\xe2\x96\x88\xc2\xb7\xc2\xb7\xc2\xb7"},
	{0.5, 0, 1, ""},
};

START_TEST(test_bar)
{
	struct buf b;
	buf_init(&b);
	utf8_bar(&b, bar_cases[_i].frac, bar_cases[_i].cells, bar_cases[_i].ascii);
	ck_assert_msg(strcmp(buf_str(&b), bar_cases[_i].out) == 0, "case %d: '%s', want '%s'", _i,
	              buf_str(&b), bar_cases[_i].out);
	ck_assert_uint_eq(utf8_width(buf_str(&b)), (size_t)bar_cases[_i].cells);
	buf_free(&b);
}
END_TEST

START_TEST(test_marks_as)
{
	static const char *const in = "r\xc2\xb2/(1+r\xc2\xb2) \xe2\x80\x94 I\xc2\xb7W s\xe2\x89\xa5" "3 "
	                              "x\xe2\x89\xa4y a\xe2\x80\x93" "b \xe2\x80\xa6 \xe2\x86\x92 "
	                              "\xe2\x96\x88 F\xc3\xa1tima";
	struct buf b;
	buf_init(&b);
	utf8_marks_as(&b, in, 1);
	/* the marks in ASCII; other text (an accent here) unchanged */
	ck_assert_str_eq(buf_str(&b), "r^2/(1+r^2) - I*W s>=3 x<=y a-b ... -> # F\xc3\xa1tima");
	buf_reset(&b);
	utf8_marks_as(&b, in, 0);
	ck_assert_str_eq(buf_str(&b), in);
	buf_free(&b);
}
END_TEST

/* For a terminal that is not UTF-8: the marks in ASCII, any other text past
 * ASCII as one ? a cell (a wide character two, a combining mark none), the
 * controls left for the escape. */
START_TEST(test_ascii)
{
	struct buf b;
	buf_init(&b);
	utf8_ascii(&b, "\xe2\x96\xb8 F\xc3\xa1tima \xe2\x94\x82 \xe2\x86\x90\xe2\x86\x94 "
	               "\xe5\xb1\xb1x Jose\xcc\x81 \xc2\xb7 \x1b\xe2\x80\xae\xff");
	ck_assert_str_eq(buf_str(&b), "> F?tima | <-<> ??x Jose * \x1b\xe2\x80\xae\xff");
	ck_assert_uint_eq(utf8_width("F\xc3\xa1tima \xe5\xb1\xb1x Jose\xcc\x81"),
	                  utf8_width("F?tima ??x Jose"));
	buf_free(&b);
}
END_TEST

struct fold_case {
	const char *in;
	const char *out;
};

static const struct fold_case fold_cases[] = {
	{"F\xc3\xa1tima Okafor", "fatima okafor"},
	{"\xc5\x81UKASZ", "lukasz"},
	{"\xc5\x81ukasz \xc5\xbby\xc5\x82ka", "lukasz zylka"},
	{"\xc3\x98ystein", "oystein"},
	{"Stra\xc3\x9f" "e", "strasse"},
	{"STRA\xe1\xba\x9e" "E", "strasse"},
	{"\xc3\x91" "and\xc3\xba", "nandu"},
	{"\xc3\x86sir \xc5\x92uvre", "aesir oeuvre"},
	{"\xc4\x90or\xc4\x91" "e", "dorde"},
	{"\xc4\xb1stanbul \xc4\xb0zmir", "istanbul izmir"},
	{"\xc3\x9e\xc3\xb3rr \xc3\xbe\xc3\xb3r", "thorr thor"},
	{"Fran\xc3\xa7ois M\xc3\xbcller", "francois muller"},
	{"Nguy\xe1\xbb\x85n V\xc4\x83n \xc4\x90\xe1\xbb\xa9" "c", "nguyen van duc"},
	{"Fa\xcc\x81tima", "fatima"},                           /* decomposed accent */
	{"\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91", "\xce\xb1\xce\xb8\xce\xb7\xce\xbd\xce\xb1"},
	{"\xce\x86\xce\xbd\xce\xbd\xce\xb1", "\xce\xb1\xce\xbd\xce\xbd\xce\xb1"}, /* Άννα */
	{"\xd0\x98\xd0\x92\xd0\x90\xd0\x9d", "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd"},
	{"\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0", "\xd0\xb5\xd0\xbb\xd0\xba\xd0\xb0"}, /* Ёлка */
	{"\xd0\x84\xd0\x87", "\xd1\x94\xd1\x96"},                                   /* Єї */
	{YAMADA, YAMADA},
	{"\xe3\x82\xbf\xe3\x83\xad\xe3\x82\xa6", "\xe3\x82\xbf\xe3\x83\xad\xe3\x82\xa6"},
	{"  Ana \t\n  Souza  ", "ana souza"},
	{"Ana\xc2\xa0\xe3\x80\x80Souza", "ana souza"},
	{"An\xffna", "anna"},
	{"x\x1b[1my", "x[1my"},
	{"", ""},
	{"   ", ""},
	{"ABC-xyz 123", "abc-xyz 123"},
	{"\xc3\x97\xc3\xb7", "\xc3\x97\xc3\xb7"}, /* × and ÷ are not letters */
};

START_TEST(test_fold)
{
	const struct fold_case *c = &fold_cases[_i];
	char *f = utf8_fold(c->in);
	ck_assert_msg(strcmp(f, c->out) == 0, "case %d: '%s', want '%s'", _i, f, c->out);
	char *again = utf8_fold(f);
	ck_assert_str_eq(again, f); /* folding is idempotent */
	free(again);
	free(f);
}
END_TEST

/* Appending folds as utf8_fold does, after what the buffer holds: the white
 * space before the text is still trimmed. */
START_TEST(test_fold_append)
{
	static const char *const in[] = {"  \tÁbc  DEF\tg ", "Ab\x01\x7f c", "ÇA VA", "", "  "};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, "x\n");
		utf8_fold_append(&b, in[i]);
		char *f = utf8_fold(in[i]);
		char *want = xasprintf("x\n%s", f);
		ck_assert_str_eq(buf_str(&b), want);
		free(want);
		free(f);
		buf_free(&b);
	}
	char *f = utf8_fold("  \tÁbc  DEF\tg ");
	ck_assert_str_eq(f, "abc def g");
	free(f);
	f = utf8_fold("Ab\x01\x7f c");
	ck_assert_str_eq(f, "ab c");
	free(f);
}
END_TEST

START_TEST(test_fold_latin_is_lower_ascii)
{
	/* Every letter of Latin-1 and Latin Extended-A folds to ASCII lower case,
	 * except the ones with no base letter. */
	for (uint32_t cp = 0xC0; cp <= 0x17F; cp++) {
		char in[5] = {0};
		utf8_encode(cp, in);
		char *f = utf8_fold(in);
		int keep = cp == 0xD7 || cp == 0xF7 || cp == 0x138 || cp == 0x14A || cp == 0x14B;
		if (!keep) {
			ck_assert_msg(f[0] != '\0', "U+%04X", (unsigned)cp);
			size_t lower = strspn(f, "abcdefghijklmnopqrstuvwxyz");
			ck_assert_msg(f[lower] == '\0', "U+%04X -> '%s'", (unsigned)cp, f);
		}
		free(f);
	}
}
END_TEST

/* The one check add, edit and capture share. */
START_TEST(test_check_text)
{
	static const struct {
		const char *s;
		int allow;
		const char *error; /* NULL: accepted */
		size_t at, span;
	} cases[] = {
		{"Ana Souza — Zoë 👋", 0, NULL, 0, 0},
		{"a\tb", 0, "control character U+0009 at byte 1", 1, 1},
		{"a\tb", UTF8_ALLOW_TAB, NULL, 0, 0},
		{"a\nb", UTF8_ALLOW_TAB, "control character U+000A at byte 1", 1, 1},
		{"a\nb\tc", UTF8_ALLOW_TAB | UTF8_ALLOW_NEWLINE, NULL, 0, 0},
		{"a\r\nb", UTF8_ALLOW_TAB | UTF8_ALLOW_NEWLINE, "control character U+000D at byte 1", 1,
		 1},
		{"x\x1b[31m", 0, "control character U+001B at byte 1", 1, 1},
		{"\x7f", 0, "control character U+007F at byte 0", 0, 1},
		{"ab\xc2\x9b", 0, "control character U+009B at byte 2", 2, 2},
		{"ab\xc2\xa0", 0, NULL, 0, 0}, /* NBSP is text */
		{"Evil \xe2\x80\xaeproC", 0, "control character U+202E at byte 5", 5, 3},
		{"\xe2\x81\xa6x", 0, "control character U+2066 at byte 0", 0, 3},
		{"\xd8\x9c", 0, "control character U+061C at byte 0", 0, 2},
		{"bad \xff", 0, "invalid UTF-8 at byte 4 (0xff)", 4, 1},
		{"\xc0\xaf", 0, "invalid UTF-8 at byte 0 (0xc0)", 0, 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t at = 99, span = 99;
		char *cause = NULL;
		int rc = utf8_check_text(cases[i].s, strlen(cases[i].s), cases[i].allow, &at, &span,
		                         &cause);
		if (cases[i].error == NULL) {
			ck_assert_msg(rc == 0, "case %zu: %s", i, cause ? cause : "");
			ck_assert_ptr_null(cause);
			continue;
		}
		ck_assert_int_eq(rc, -1);
		ck_assert_str_eq(cause, cases[i].error);
		ck_assert_uint_eq(at, cases[i].at);
		ck_assert_uint_eq(span, cases[i].span);
		free(cause);
	}
	/* the length counts, not a NUL */
	ck_assert_int_eq(utf8_check_text("ab\0c", 4, 0, NULL, NULL, NULL), -1);
	ck_assert_int_eq(utf8_check_text("ab\0c", 2, 0, NULL, NULL, NULL), 0);
}
END_TEST

extern Suite *suite_utf8(void);

Suite *suite_utf8(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("decode");
	tcase_add_loop_test(tc, test_decode, 0, sizeof decode_cases / sizeof decode_cases[0]);
	tcase_add_test(tc, test_encode_round_trip);
	tcase_add_test(tc, test_valid);
	tcase_add_test(tc, test_check_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("width");
	tcase_add_loop_test(tc, test_is_control, 0, sizeof control_cases / sizeof control_cases[0]);
	tcase_add_loop_test(tc, test_cp_width, 0, sizeof width_cases / sizeof width_cases[0]);
	tcase_add_loop_test(tc, test_width, 0, sizeof swidth_cases / sizeof swidth_cases[0]);
	suite_add_tcase(s, tc);
	tc = tcase_create("escape");
	tcase_add_loop_test(tc, test_escape, 0, sizeof escape_cases / sizeof escape_cases[0]);
	tcase_add_test(tc, test_escape_dup_and_width_agree);
	suite_add_tcase(s, tc);
	tc = tcase_create("fit");
	tcase_add_loop_test(tc, test_fit, 0, sizeof fit_cases / sizeof fit_cases[0]);
	tcase_add_test(tc, test_fit_appends);
	tcase_add_loop_test(tc, test_fit_ascii, 0, sizeof fit_ascii_cases / sizeof fit_ascii_cases[0]);
	tcase_add_loop_test(tc, test_bar, 0, sizeof bar_cases / sizeof bar_cases[0]);
	tcase_add_test(tc, test_marks_as);
	tcase_add_test(tc, test_ascii);
	suite_add_tcase(s, tc);
	tc = tcase_create("fold");
	tcase_add_loop_test(tc, test_fold, 0, sizeof fold_cases / sizeof fold_cases[0]);
	tcase_add_test(tc, test_fold_latin_is_lower_ascii);
	tcase_add_test(tc, test_fold_append);
	suite_add_tcase(s, tc);
	return s;
}
