/* utf8_fold.c: the folded form of text for accent- and case-insensitive
 * matching (Latin letters to their base, Greek and Cyrillic to lower case).
 * Pure; depends on buf.h and the width tables of utf8.c. */
#include "utf8.h"

#include <string.h>

/* Base letters of U+00C0-U+024F and U+1E00-U+1EFF, one byte per code point:
 * a lower-case ASCII letter, '.' for "keep as is", '*' for "see the exceptions". */
static const char utf8_fold_latin[] =
	"aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*y" /* U+00C0 */
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkk.lllllll" /* U+0100 */
	"lllnnnnnnn*.oooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs" /* U+0140 */
	"bbbb*.*cc*ddd.***ffg*.*ikkl.*nnooo*.pp**.*.ttttuu*vyyzz**...*..." /* U+0180 */
	"....*********aaiioouuuuuuuuuu.aaaa**ggggkkoooo*.j***gg**nnaa**oo" /* U+01C0 */
	"aaaaeeeeiiiioooorrrruuuusstt*.hhnd*.zzaaeeooooooooyylnt...acclts" /* U+0200 */
	"z*.b**eejj*qrryy";                                                /* U+0240 */
static const char utf8_fold_latin_add[] =
	"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" /* U+1E00 */
	"mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" /* U+1E40 */
	"wwwwwwwwwwxxxxyyzzzzzzhtwyas..*.aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" /* U+1E80 */
	"eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy*.*.yy"; /* U+1EC0 */

_Static_assert(sizeof utf8_fold_latin - 1 == 0x250 - 0xC0, "one byte per U+00C0..U+024F");
_Static_assert(sizeof utf8_fold_latin_add - 1 == 0x100, "one byte per U+1E00..U+1EFF");

/* Letters that fold to two letters or to a non-ASCII lower case letter. */
static const struct {
	uint32_t cp;
	const char *to;
} utf8_fold_special[] = {
	{0x00C6, "ae"}, {0x00DE, "th"}, {0x00DF, "ss"}, {0x00E6, "ae"}, {0x00FE, "th"},
	{0x0132, "ij"}, {0x0133, "ij"}, {0x014A, "ŋ"},  {0x0152, "oe"}, {0x0153, "oe"},
	{0x0184, "ƅ"},  {0x0186, "ɔ"},  {0x0189, "ɖ"},  {0x018E, "ǝ"},  {0x018F, "ə"},
	{0x0190, "ɛ"},  {0x0194, "ɣ"},  {0x0196, "ɩ"},  {0x019C, "ɯ"},  {0x01A2, "ƣ"},
	{0x01A6, "ʀ"},  {0x01A7, "ƨ"},  {0x01A9, "ʃ"},  {0x01B1, "ʊ"},  {0x01B7, "ʒ"},
	{0x01B8, "ƹ"},  {0x01BC, "ƽ"},  {0x01C4, "dz"}, {0x01C5, "dz"}, {0x01C6, "dz"},
	{0x01C7, "lj"}, {0x01C8, "lj"}, {0x01C9, "lj"}, {0x01CA, "nj"}, {0x01CB, "nj"},
	{0x01CC, "nj"}, {0x01E2, "ae"}, {0x01E3, "ae"}, {0x01EE, "ǯ"},  {0x01F1, "dz"},
	{0x01F2, "dz"}, {0x01F3, "dz"}, {0x01F6, "ƕ"},  {0x01F7, "ƿ"},  {0x01FC, "ae"},
	{0x01FD, "ae"}, {0x021C, "ȝ"},  {0x0222, "ȣ"},  {0x0241, "ɂ"},  {0x0244, "ʉ"},
	{0x0245, "ʌ"},  {0x024A, "ɋ"},  {0x1E9E, "ss"}, {0x1EFA, "ỻ"},  {0x1EFC, "ỽ"},
};

/* Greek and Cyrillic letters with a diacritic, to their lower-case base letter,
 * so that precomposed and decomposed text fold alike. Sorted. */
static const struct {
	uint16_t cp, to;
} utf8_fold_base[] = {
	{0x0386, 0x03B1}, {0x0388, 0x03B5}, {0x0389, 0x03B7}, {0x038A, 0x03B9}, {0x038C, 0x03BF},
	{0x038E, 0x03C5}, {0x038F, 0x03C9}, {0x0390, 0x03B9}, {0x03AA, 0x03B9}, {0x03AB, 0x03C5},
	{0x03AC, 0x03B1}, {0x03AD, 0x03B5}, {0x03AE, 0x03B7}, {0x03AF, 0x03B9}, {0x03B0, 0x03C5},
	{0x03C2, 0x03C3}, {0x03CA, 0x03B9}, {0x03CB, 0x03C5}, {0x03CC, 0x03BF}, {0x03CD, 0x03C5},
	{0x03CE, 0x03C9}, {0x03D3, 0x03D2}, {0x03D4, 0x03D2}, {0x0400, 0x0435}, {0x0401, 0x0435},
	{0x0403, 0x0433}, {0x0407, 0x0456}, {0x040C, 0x043A}, {0x040D, 0x0438}, {0x040E, 0x0443},
	{0x0419, 0x0438}, {0x0439, 0x0438}, {0x0450, 0x0435}, {0x0451, 0x0435}, {0x0453, 0x0433},
	{0x0457, 0x0456}, {0x045C, 0x043A}, {0x045D, 0x0438}, {0x045E, 0x0443}, {0x0476, 0x0475},
	{0x0477, 0x0475}, {0x04C1, 0x0436}, {0x04C2, 0x0436}, {0x04D0, 0x0430}, {0x04D1, 0x0430},
	{0x04D2, 0x0430}, {0x04D3, 0x0430}, {0x04D6, 0x0435}, {0x04D7, 0x0435}, {0x04DA, 0x04D9},
	{0x04DB, 0x04D9}, {0x04DC, 0x0436}, {0x04DD, 0x0436}, {0x04DE, 0x0437}, {0x04DF, 0x0437},
	{0x04E2, 0x0438}, {0x04E3, 0x0438}, {0x04E4, 0x0438}, {0x04E5, 0x0438}, {0x04E6, 0x043E},
	{0x04E7, 0x043E}, {0x04EA, 0x04E9}, {0x04EB, 0x04E9}, {0x04EC, 0x044D}, {0x04ED, 0x044D},
	{0x04EE, 0x0443}, {0x04EF, 0x0443}, {0x04F0, 0x0443}, {0x04F1, 0x0443}, {0x04F2, 0x0443},
	{0x04F3, 0x0443}, {0x04F4, 0x0447}, {0x04F5, 0x0447}, {0x04F8, 0x044B}, {0x04F9, 0x044B},
};

static int utf8_fold_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0 ||
	       cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Marks and other invisible code points that matching ignores. The conjoining
 * Hangul jamo are zero width too but are letters, so they stay. */
static int utf8_fold_is_dropped(uint32_t cp)
{
	if (utf8_is_control(cp))
		return 1;
	if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF))
		return 0;
	return cp >= 0x300 && utf8_cp_width(cp) == 0;
}

static const char *utf8_fold_special_of(uint32_t cp)
{
	size_t n = sizeof utf8_fold_special / sizeof utf8_fold_special[0];
	for (size_t i = 0; i < n; i++)
		if (utf8_fold_special[i].cp == cp)
			return utf8_fold_special[i].to;
	return NULL;
}

/* Greek and Cyrillic: base letter, then upper to lower case. */
static uint32_t utf8_fold_greek_cyrillic(uint32_t cp)
{
	size_t lo = 0, hi = sizeof utf8_fold_base / sizeof utf8_fold_base[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < utf8_fold_base[mid].cp)
			hi = mid;
		else if (cp > utf8_fold_base[mid].cp)
			lo = mid + 1;
		else
			return utf8_fold_base[mid].to;
	}
	if ((cp >= 0x0391 && cp <= 0x03A9) || (cp >= 0x0410 && cp <= 0x042F))
		return cp + 0x20;
	if (cp >= 0x0400 && cp <= 0x040F)
		return cp + 0x50;
	if (cp == 0x04C0)
		return 0x04CF;
	if (cp >= 0x04C1 && cp <= 0x04CE)
		return cp % 2 ? cp + 1 : cp;
	if ((cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
	    (cp >= 0x04D0 && cp <= 0x052F))
		return cp % 2 ? cp : cp + 1;
	return cp;
}

/* Appends the folded form of one code point. */
static void utf8_fold_cp(struct buf *b, uint32_t cp)
{
	char enc[4];
	const char *table = NULL;
	uint32_t base = 0;
	if (cp < 0x80) {
		buf_putc(b, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
		return;
	}
	if (cp >= 0xC0 && cp < 0xC0 + sizeof utf8_fold_latin - 1) {
		table = utf8_fold_latin;
		base = 0xC0;
	} else if (cp >= 0x1E00 && cp <= 0x1EFF) {
		table = utf8_fold_latin_add;
		base = 0x1E00;
	}
	if (table != NULL) {
		char c = table[cp - base];
		const char *special;
		if (c >= 'a' && c <= 'z') {
			buf_putc(b, c);
			return;
		}
		if (c == '*' && (special = utf8_fold_special_of(cp)) != NULL) {
			buf_puts(b, special);
			return;
		}
	} else if (cp >= 0x0370 && cp <= 0x052F) {
		cp = utf8_fold_greek_cyrillic(cp);
	}
	buf_add(b, enc, (size_t)utf8_encode(cp, enc));
}

void utf8_fold_append(struct buf *b, const char *s)
{
	size_t len = strlen(s), i = 0, start = b->len;
	int space = 0;
	while (i < len) {
		/* a run of printable ASCII other than white space: copied, then lowered */
		size_t j = i;
		while (j < len && (unsigned char)s[j] > 0x20 && (unsigned char)s[j] < 0x7F)
			j++;
		if (j > i) {
			if (space) {
				buf_putc(b, ' ');
				space = 0;
			}
			size_t at = b->len;
			buf_add(b, s + i, j - i);
			for (char *p = b->data + at; p < b->data + b->len; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p + 32);
			i = j;
			continue;
		}
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			continue;
		if (utf8_fold_is_space(cp)) {
			space = b->len > start;
			continue;
		}
		if (utf8_fold_is_dropped(cp))
			continue;
		if (space) {
			buf_putc(b, ' ');
			space = 0;
		}
		utf8_fold_cp(b, cp);
	}
}

char *utf8_fold(const char *s)
{
	struct buf b;
	buf_init(&b);
	utf8_fold_append(&b, s);
	return buf_detach(&b);
}
