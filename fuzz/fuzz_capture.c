/* fuzz_capture.c: a libFuzzer harness for the quick-capture grammar. Parses
 * arbitrary bytes as a capture line with a fixed now, checks the invariants
 * of the result, drives the completion helpers and the name matching on
 * what it found, and frees everything. Depends on the core only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture.h"
#include "date.h"
#include "match.h"
#include "model.h"

#define FUZZ_NOW 1795168800 /* 2026-11-20T10:00Z, a Friday */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct contact_ref fuzz_people[] = {
	{1, "", "Ana Souza", "Acme"}, {2, "", "Ana Lima", ""},        {3, "", "Bruno Lima", ""},
	{4, "", "Fátima Okafor", ""}, {5, "", "Jean-Luc Picard", ""}, {6, "", "山田 太郎", ""},
};
#define FUZZ_NPEOPLE (sizeof fuzz_people / sizeof fuzz_people[0])

static void fuzz_check(int ok)
{
	if (!ok)
		__builtin_trap();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static void fuzz_parsed(const char *line, size_t n, const struct capture *c)
{
	fuzz_check(c->nmentions >= 1 && c->nmentions <= CAPTURE_MAX_MENTIONS);
	fuzz_check(c->summary != NULL);
	fuzz_check(c->kind < IKIND_COUNT && c->dir < DIR_COUNT);
	size_t slen = strlen(c->summary);
	fuzz_check(slen == 0 || (c->summary[0] != ' ' && c->summary[slen - 1] != ' '));
	fuzz_check(strstr(c->summary, "  ") == NULL && strchr(c->summary, '\t') == NULL);
	const char **names = calloc(c->nmentions, sizeof *names);
	fuzz_check(names != NULL);
	for (size_t i = 0; i < c->nmentions; i++) {
		const struct capture_mention *m = &c->mentions[i];
		fuzz_check(m->text != NULL && m->text[0] != '\0' && m->folded != NULL);
		fuzz_check(m->offset + m->len <= n && line[m->offset] == '@');
		fuzz_check(m->sum_offset + m->sum_len <= slen);
		fuzz_check(strncmp(c->summary + m->sum_offset, m->text, m->sum_len) == 0);
		size_t picked = 0, out[4];
		(void)match_pick(m->folded, fuzz_people, FUZZ_NPEOPLE, &picked);
		(void)match_filter(m->folded, fuzz_people, FUZZ_NPEOPLE, out, 4);
		(void)match_suggest(m->folded, fuzz_people, FUZZ_NPEOPLE, out, 4);
		/* the written form of a mention's name parses back to that name */
		char *f = capture_mention_format(m->text);
		struct capture back;
		fuzz_check(capture_parse(f, FUZZ_NOW, &back, NULL) == 0);
		fuzz_check(back.nmentions == 1 && strcmp(back.mentions[0].text, m->text) == 0);
		capture_free(&back);
		free(f);
		names[i] = i % 2 ? "Ana Souza" : NULL;
	}
	char *s = capture_summary_with_names(c, names);
	free(s);
	free(names);
	for (size_t i = 0; i < c->tags.n; i++)
		fuzz_check(c->tags.v[i][0] != '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1);
	if (line == NULL)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	size_t n = strlen(line);

	struct capture c;
	struct capture_error e;
	if (capture_parse(line, FUZZ_NOW, &c, &e) == 0) {
		fuzz_check(e.message == NULL);
		fuzz_parsed(line, n, &c);
	} else {
		fuzz_check(e.message != NULL && e.offset <= n && e.offset + e.len <= n);
		fuzz_check(c.nmentions == 0 && c.summary == NULL);
	}
	capture_free(&c);
	capture_error_free(&e);

	/* completion at a few cursors, and the due forms on the whole input */
	size_t start, len;
	int create;
	for (size_t cur = 0; cur <= n; cur += 1 + n / 8) {
		if (capture_mention_at(line, cur, &start, &len, &create))
			fuzz_check(start < cur && cur <= start + len && start + len <= n);
	}
	int64_t due;
	char *cause = NULL;
	if (n < 64 && date_parse_due(line, FUZZ_NOW, &due, &cause) != 0)
		fuzz_check(cause != NULL);
	free(cause);
	free(line);
	return 0;
}
