/* cli.h: the command line. main.c parses global options and dispatches through
 * a command table (one cli_*.c per command family); this header is what those
 * files share: the context, option access, output and error helpers. */
#ifndef KITH_CLI_H
#define KITH_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "clock.h"
#include "config.h"
#include "json.h"
#include "model.h"
#include "score.h"
#include "store.h"

/* Exit statuses. CLI_SAVED: the change was committed but the output could not
 * be written (a full disk, a closed pipe): a script must not run it again. */
enum cli_exit { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2, CLI_SAVED = 3 };

/* An option a command takes. */
struct cli_opt {
	const char *name; /* long name without "--" */
	char short_name;  /* 0 when none */
	int arg;          /* 1: takes a value */
	const char *meta; /* value name for help ("DAYS") */
	const char *help;
};

#define CLI_MAX_OPTS 24

struct cli_args {
	const struct cli_opt *opts; /* the command's, terminated by name NULL */
	struct strv val[CLI_MAX_OPTS];
	int seen[CLI_MAX_OPTS];
	struct strv pos; /* positional arguments */
};

struct cli;

struct cli_cmd {
	const char *name;
	const char *args;    /* synopsis after the name */
	const char *summary; /* one line */
	const struct cli_opt *opts;
	int min_pos, max_pos; /* positional arguments; max -1 = any */
	int (*run)(struct cli *cli, struct cli_args *a);
	int reads_only; /* never creates a journal that does not exist */
};

struct cli {
	const struct cli_cmd *cmd;
	char *db_path;
	char *config_path;
	struct config cfg;
	struct clock clock;
	int64_t now;
	int json;
	struct store *st; /* opened by cli_store() */
	FILE *out;
	int out_tty;
	size_t width; /* width tables fit: $COLUMNS, else the terminal's; 0 for none */
	int ascii;    /* the locale is not UTF-8: kith's own decorations in ASCII */
	int out_errno; /* why a write to out failed (cli_flush), for the message */
};

/* Options: value of the last --name given (NULL when absent), all values, or
 * whether it was given. */
const char *cli_opt(const struct cli_args *a, const char *name);
const struct strv *cli_opt_all(const struct cli_args *a, const char *name);
int cli_flag(const struct cli_args *a, const char *name);
/* Parses an integer option in [min, max]; absent leaves *out unchanged.
 * Prints a usage error and returns -1 when bad. */
int cli_opt_int(struct cli *cli, const struct cli_args *a, const char *name, long min, long max,
                long *out);

/* Messages: "kith: ..." on stderr; cli_usage adds the command's usage line.
 * Each returns the exit code to return. */
int cli_error(struct cli *cli, const char *fmt, ...) KITH_PRINTF(2, 3);
int cli_fail(struct cli *cli, char *cause); /* prints and frees cause */
int cli_usage(struct cli *cli, const char *fmt, ...) KITH_PRINTF(2, 3);
/* "usage: LEAD BEFORE [--opt META]... AFTER", wrapped to 79 columns: the
 * options come from the table, so the line lists every one (an option whose
 * help says "repeatable" is followed by "..."). */
void cli_print_synopsis(FILE *f, const char *lead, const char *before,
                        const struct cli_opt *opts, const char *after);
void cli_print_usage(FILE *f, const struct cli_cmd *cmd);
void cli_print_command_help(FILE *f, const struct cli_cmd *cmd);

/* The journal, opened on first use; NULL after printing the error. */
struct store *cli_store(struct cli *cli);
/* Resolves CONTACT (uuid, 6+ prefix, or a name as in a mention) and loads it
 * in full; prints the error and returns -1 when it names nobody or several. */
int cli_contact(struct cli *cli, const char *spec, struct contact *out);

/* Writes text escaped for the terminal (controls never reach it raw). */
void cli_write_safe(struct cli *cli, const char *s);
/* Writes b to the output and frees it. */
void cli_flush(struct cli *cli, struct buf *b);

/* Scores a loaded contact at cli->now, reading its interactions only when the
 * cache holds some after now. */
int cli_score(struct cli *cli, const struct contact *c, struct score *out);
/* The contact object of DESIGN.md §7 (list fields); a snooze that ended by
 * now is null. */
void cli_json_contact(struct json *j, const struct contact *c, const struct score *s,
                      const struct score_params *p, int64_t now);
void cli_json_interaction(struct json *j, const struct interaction *in);
/* "12d", "3w", "1y": an age for humans. */
void cli_format_age(double days, char out[16]);

/* Command families. */
extern const struct cli_cmd cli_cmd_add, cli_cmd_edit, cli_cmd_rm, cli_cmd_show;
extern const struct cli_cmd cli_cmd_list, cli_cmd_timeline;
extern const struct cli_cmd cli_cmd_followup, cli_cmd_done, cli_cmd_snooze;
extern const struct cli_cmd cli_cmd_backup, cli_cmd_doctor, cli_cmd_demo;
extern const struct cli_cmd cli_cmd_log, cli_cmd_capture;
extern const struct cli_cmd cli_cmd_import, cli_cmd_merge;
extern const struct cli_cmd cli_cmd_export, cli_cmd_sync;
/* `kith` alone: the full-screen program (cli_tui.c), wanted when standard
 * input and output are a terminal (or KITH_SCRIPT names a script). */
extern const struct cli_cmd cli_cmd_tui;
int cli_tui_wanted(const struct cli *cli);

#endif
