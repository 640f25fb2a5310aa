/* match.c: which contact a name names, the pure part: the choice among
 * candidates and the suggestions for a miss (Damerau-Levenshtein). The
 * lookups in the journal are in match_resolve.c. Depends on model.h, utf8.h. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

#define MATCH_CP_MAX 64 /* code points compared by the edit distance */

static int match_word_start(const char *name, size_t i)
{
	return i == 0 || name[i - 1] == ' ' || name[i - 1] == '-';
}

/* 1 when word (len bytes) starts a word of name. */
static int match_word_in(const char *word, size_t len, const char *name)
{
	for (size_t i = 0; name[i] != '\0'; i++)
		if (match_word_start(name, i) && strncmp(name + i, word, len) == 0)
			return 1;
	return 0;
}

int match_words_prefix(const char *folded_query, const char *folded_name)
{
	const char *p = folded_query;
	int any = 0;
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (len == 0)
			break;
		if (!match_word_in(p, len, folded_name))
			return 0;
		any = 1;
		p += len;
	}
	return any;
}

enum match_result match_pick(const char *folded_query, const struct contact_ref *cands, size_t n,
                             size_t *picked)
{
	size_t exact = 0, exact_at = 0, prefix = 0, prefix_at = 0;
	for (size_t i = 0; i < n; i++) {
		char *name = utf8_fold(cands[i].name ? cands[i].name : "");
		if (strcmp(name, folded_query) == 0 && exact++ == 0)
			exact_at = i;
		if (match_words_prefix(folded_query, name) && prefix++ == 0)
			prefix_at = i;
		free(name);
	}
	if (exact == 1 || (exact == 0 && prefix == 1)) {
		*picked = exact == 1 ? exact_at : prefix_at;
		return MATCH_ONE;
	}
	return exact > 1 || prefix > 1 ? MATCH_AMBIGUOUS : MATCH_NONE;
}

size_t match_filter(const char *folded_query, const struct contact_ref *all, size_t n, size_t *out,
                    size_t max)
{
	size_t k = 0;
	char *hit = xcalloc(n ? n : 1, 1); /* 1 exact, 2 word prefix */
	for (size_t i = 0; i < n; i++) {
		char *name = utf8_fold(all[i].name ? all[i].name : "");
		if (strcmp(name, folded_query) == 0)
			hit[i] = 1;
		else if (match_words_prefix(folded_query, name))
			hit[i] = 2;
		free(name);
	}
	for (char pass = 1; pass <= 2; pass++)
		for (size_t i = 0; i < n && k < max; i++)
			if (hit[i] == pass)
				out[k++] = i;
	free(hit);
	return k;
}

/* Decodes up to MATCH_CP_MAX code points of s[0, len); returns how many. */
static size_t match_decode(const char *s, size_t len, uint32_t *cp)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n < MATCH_CP_MAX;) {
		i += utf8_decode(s + i, len - i, &cp[n]);
		n++;
	}
	return n;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions, each substring edited once). */
static size_t match_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	unsigned short d[MATCH_CP_MAX + 1][MATCH_CP_MAX + 1];
	for (size_t i = 0; i <= na; i++)
		d[i][0] = (unsigned short)i;
	for (size_t j = 0; j <= nb; j++)
		d[0][j] = (unsigned short)j;
	for (size_t i = 1; i <= na; i++) {
		for (size_t j = 1; j <= nb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = (size_t)d[i - 1][j] + 1;
			if ((size_t)d[i][j - 1] + 1 < v)
				v = (size_t)d[i][j - 1] + 1;
			if ((size_t)d[i - 1][j - 1] + cost < v)
				v = (size_t)d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    (size_t)d[i - 2][j - 2] + 1 < v)
				v = (size_t)d[i - 2][j - 2] + 1;
			d[i][j] = (unsigned short)v;
		}
	}
	return d[na][nb];
}

/* The distance of one query word to the closest word of name: the whole
 * word, or its beginning as long as the query word (one more, a typo in a
 * prefix being a weaker hint). */
static size_t match_word_distance(const uint32_t *q, size_t nq, const char *name)
{
	uint32_t w[MATCH_CP_MAX];
	size_t best = (size_t)-1;
	for (size_t i = 0; name[i] != '\0';) {
		size_t len = strcspn(name + i, " -");
		if (len > 0) {
			size_t nw = match_decode(name + i, len, w);
			size_t d = match_distance(q, nq, w, nw);
			if (nw > nq) {
				size_t dp = match_distance(q, nq, w, nq) + 1;
				if (dp < d)
					d = dp;
			}
			if (d < best)
				best = d;
		}
		i += len;
		if (name[i] != '\0')
			i++;
	}
	return best;
}

static size_t match_score(const char *query, const char *name)
{
	uint32_t q[MATCH_CP_MAX], nm[MATCH_CP_MAX];
	size_t nq = match_decode(query, strlen(query), q);
	size_t nn = match_decode(name, strlen(name), nm);
	size_t whole = match_distance(q, nq, nm, nn), words = 0;
	for (const char *p = query; *p != '\0';) {
		size_t len = strcspn(p, " ");
		if (len > 0) {
			size_t nw = match_decode(p, len, q);
			size_t d = match_word_distance(q, nw, name);
			words = d == (size_t)-1 || words + d < words ? (size_t)-1 : words + d;
		}
		p += len;
		if (*p != '\0')
			p++;
	}
	return words < whole ? words : whole;
}

struct match_rank {
	size_t index;
	size_t score;
	char *folded;
};

static int match_rank_cmp(const void *a, const void *b)
{
	const struct match_rank *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	int c = strcmp(x->folded, y->folded);
	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

size_t match_suggest(const char *folded_query, const struct contact_ref *all, size_t n, size_t *out,
                     size_t max)
{
	uint32_t q[MATCH_CP_MAX];
	size_t qlen = match_decode(folded_query, strlen(folded_query), q);
	size_t limit = qlen / 3 > 1 ? qlen / 3 : 1, k = 0;
	if (qlen == 0 || max == 0)
		return 0;
	struct match_rank *r = xcalloc(n ? n : 1, sizeof *r);
	for (size_t i = 0; i < n; i++) {
		char *name = utf8_fold(all[i].name ? all[i].name : "");
		size_t s = match_score(folded_query, name);
		if (s <= limit) {
			r[k].index = i;
			r[k].score = s;
			r[k].folded = name;
			k++;
		} else {
			free(name);
		}
	}
	qsort(r, k, sizeof *r, match_rank_cmp);
	size_t m = k < max ? k : max;
	for (size_t i = 0; i < k; i++) {
		if (i < m)
			out[i] = r[i].index;
		free(r[i].folded);
	}
	free(r);
	return m;
}
