/* record.h: recording capture lines (DESIGN.md §5) as `kith log` does, in one write
 * transaction, with the one-line confirmation and the JSON of what was recorded. Shared by
 * `kith log` and `kith capture`; depends on capture.h, store.h, match.h and json.h. */
#ifndef KITH_RECORD_H
#define KITH_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "capture.h"
#include "json.h"
#include "model.h"

struct store;

/* One capture line and what it resolved to. The caller fills cap (with
 * capture_parse) and lineno; cli_record_write fills the rest. */
struct cli_record_item {
	struct capture cap;
	size_t lineno; /* 1-based line of standard input; 0 for a single line */
	struct interaction in;
	struct contact *fresh; /* contacts the line creates (@+) */
	size_t nfresh;
	struct followup *fu;
	size_t nfu;
	int dry_run; /* set by cli_record_write */
};

void cli_record_item_init(struct cli_record_item *it);
void cli_record_item_free(struct cli_record_item *it); /* not the struct itself */

/* Resolves and records items[0..n-1] in one write transaction (rolled back
 * when dry_run, so a dry run sees exactly what the real run would). All or nothing: on failure
 * *cause (caller frees) says why, prefixed with "line N: " for lineno > 0. */
int cli_record_write(struct store *st, struct cli_record_item *items, size_t n, int64_t now,
                     int dry_run, char **cause);

/* Appends the confirmation, "logged a meeting with Ana Souza, today
 * 2026-11-20 10:00, gave, #devconf; follow-up 2026-11-27\n" (names and tags
 * escaped for the terminal). */
void cli_record_say(struct buf *b, const struct cli_record_item *it, int dry_run, int64_t now);

/* Writes the `log --dry-run` object of DESIGN.md §7. */
void cli_record_json(struct json *j, const struct cli_record_item *it);

/* Parses line into it (initialised by the caller, who frees it) and records
 * it: what cli_record_line does, leaving the rowids written in it. */
int cli_record_text(struct store *st, const char *line, int64_t now, struct cli_record_item *it,
                    char **cause);

/* Parses and records one line; on success *said (caller frees) is the
 * confirmation line. On failure *cause (caller frees) is the parse error or
 * the reason nothing was written. */
int cli_record_line(struct store *st, const char *line, int64_t now, char **said, char **cause);

#endif
