/* cli_import.c: kith import FILE|DIR and kith merge KEEP OTHER: the options,
 * the progress line, the warnings and the summary; the format and the import
 * itself are import_file.h's, shared with the full-screen program. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "import_file.h"
#include "utf8.h"

static const struct cli_opt cli_import_opts[] = {
	{"format", 'f', 1, "FORMAT", "auto (default), vcard, vdir, jsonl, linkedin or csv"},
	{"circle", 0, 1, "CIRCLE", "the circle of new contacts (default outer)"},
	{"tag", 0, 1, "TAG", "a tag added to every contact imported"},
	{"dry-run", 'n', 0, NULL, "count what would change; write nothing"},
	{NULL, 0, 0, NULL, NULL},
};

struct cli_import_ui {
	struct cli *cli;
	const char *path;
	int progress_shown;
	long warned;
};

#define CLI_IMPORT_WARN_MAX 20
#define CLI_IMPORT_PROGRESS_FROM 2000 /* records read before a progress line shows */

static void cli_import_progress(void *arg, long records)
{
	struct cli_import_ui *ui = arg;
	if (records < CLI_IMPORT_PROGRESS_FROM || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\rkith: importing: %ld records read", records);
	fflush(stderr);
	ui->progress_shown = 1;
}

static void cli_import_progress_end(struct cli_import_ui *ui)
{
	if (ui->progress_shown)
		fputs("\r\033[K", stderr);
	ui->progress_shown = 0;
}

static void cli_import_warn(void *arg, long line, const char *why)
{
	struct cli_import_ui *ui = arg;
	if (ui->warned++ >= CLI_IMPORT_WARN_MAX)
		return;
	cli_import_progress_end(ui);
	struct buf b;
	buf_init(&b);
	utf8_escape(&b, ui->path, strlen(ui->path));
	buf_printf(&b, ": line %ld: ", line);
	utf8_escape(&b, why, strlen(why));
	fprintf(stderr, "kith: %s (skipped)\n", buf_str(&b));
	buf_free(&b);
}

static void cli_import_json(struct cli *cli, const struct import_counts *n)
{
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, 0);
	json_object_begin(&j);
	json_member_int(&j, "new", n->new_);
	json_member_int(&j, "updated", n->updated);
	json_member_int(&j, "unchanged", n->unchanged);
	json_member_int(&j, "errors", n->errors);
	json_object_end(&j);
	buf_putc(&b, '\n');
	cli_flush(cli, &b);
}

/* The summary of an import: the counts, as JSON or a line of text, then
 * what the format says of it (imf; NULL: nothing). */
static void cli_import_report(struct cli *cli, const struct import_counts *n, int dry_run,
                              const struct import_file *imf)
{
	if (cli->json) {
		cli_import_json(cli, n);
		return;
	}
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s%ld new, %ld updated, %ld unchanged, %ld %s\n",
	           dry_run ? "would import: " : "", n->new_, n->updated, n->unchanged, n->errors,
	           buf_plural(n->errors, "error", "errors"));
	if (imf != NULL)
		import_file_summary(imf, &b);
	if (dry_run)
		buf_puts(&b, "dry run: nothing was written\n");
	cli_flush(cli, &b);
}

/* Opens the journal and imports imf into it (import_file_run), saying what it did. */
static int cli_import_file(struct cli *cli, struct import_file *imf, struct import_opts *o)
{
	/* a format that merges on its own (JSON Lines): its records keep their
	 * own circles and tags, so --circle and --tag do not apply */
	if (import_file_merges(imf) && (o->circle >= 0 || o->tag != NULL))
		return cli_usage(cli, "--circle and --tag do not apply to %s: its records keep "
		                      "their own",
		                 import_file_format(imf));
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	struct cli_import_ui ui = {cli, imf->path, 0, 0};
	o->arg = &ui;
	struct import_counts n;
	char *cause = NULL;
	int rc = import_file_run(st, imf, o, cli->now, &n, &cause);
	cli_import_progress_end(&ui);
	if (rc != 0) {
		rc = cli_fail(cli, cause);
		fputs("kith: nothing was imported\n", stderr);
		return rc;
	}
	if (ui.warned > CLI_IMPORT_WARN_MAX)
		fprintf(stderr, "kith: and %ld more records skipped\n", ui.warned - CLI_IMPORT_WARN_MAX);
	cli_import_report(cli, &n, o->dry_run, import_file_merges(imf) ? NULL : imf);
	return CLI_OK;
}

static int cli_import_run(struct cli *cli, struct cli_args *a)
{
	const char *path = a->pos.v[0];
	const char *fmt_name = cli_opt(a, "format");
	if (fmt_name != NULL && !import_file_format_known(fmt_name)) {
		struct buf names;
		buf_init(&names);
		import_file_format_names(&names);
		int rc = cli_usage(cli, "--format: '%s' is not auto%s", fmt_name, buf_str(&names));
		buf_free(&names);
		return rc;
	}
	struct import_opts o = {-1, cli_opt(a, "tag"), cli_flag(a, "dry-run"), cli_import_progress,
	                        cli_import_warn, NULL};
	const char *circle = cli_opt(a, "circle");
	if (circle != NULL) {
		enum circle c;
		if (model_circle_parse(circle, &c) != 0)
			return cli_usage(cli, "--circle: '%s' is not inner, close, active, wide or outer",
			                 circle);
		o.circle = (int)c;
	}
	if (o.tag != NULL) {
		char *cause = NULL;
		if (o.tag[0] == '\0' || utf8_check_text(o.tag, strlen(o.tag), 0, NULL, NULL, &cause) != 0) {
			int rc = cli_usage(cli, "--tag: %s", cause ? cause : "an empty tag");
			free(cause);
			return rc;
		}
	}
	struct import_file imf;
	char *cause = NULL;
	int got = import_file_open(&imf, path, fmt_name, &cause);
	if (got == IMPORT_FILE_UNKNOWN) {
		int rc = cli_error(cli, "%s; say it with --format", cause);
		free(cause);
		return rc;
	}
	if (got != 0)
		return cli_fail(cli, cause);
	int rc = cli_import_file(cli, &imf, &o);
	import_file_close(&imf);
	return rc;
}

/* ---- kith merge ---- */

struct cli_merge_tx {
	int64_t keep, other, now;
};

static int cli_merge_write(struct store *st, void *arg, char **cause)
{
	struct cli_merge_tx *tx = arg;
	return store_tx_contact_merge(st, tx->keep, tx->other, tx->now, cause);
}

static int cli_merge_run(struct cli *cli, struct cli_args *a)
{
	struct contact keep, other;
	if (cli_contact(cli, a->pos.v[0], &keep) != 0)
		return CLI_FAIL;
	if (cli_contact(cli, a->pos.v[1], &other) != 0) {
		contact_free(&keep);
		return CLI_FAIL;
	}
	int rc = CLI_OK;
	char *cause = NULL;
	struct cli_merge_tx tx = {keep.rowid, other.rowid, cli->now};
	if (store_write(cli->st, cli_merge_write, &tx, &cause) != 0) {
		rc = cli_fail(cli, cause);
	} else if (!cli->json) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, "merged ");
		utf8_escape(&b, other.name, strlen(other.name));
		buf_printf(&b, " (%.8s) into ", other.id);
		utf8_escape(&b, keep.name, strlen(keep.name));
		buf_printf(&b, " (%.8s)\n", keep.id);
		cli_flush(cli, &b);
	}
	contact_free(&keep);
	contact_free(&other);
	return rc;
}

const struct cli_cmd cli_cmd_import = {
	"import", "FILE|DIR",
	"bring contacts in from vCard, LinkedIn or CSV files, a vdir folder or another kith's export",
	cli_import_opts, 1, 1, cli_import_run, 0,
};
const struct cli_cmd cli_cmd_merge = {
	"merge", "KEEP OTHER",
	"fold OTHER into KEEP: fields, tags, interactions and follow-ups", NULL, 2, 2,
	cli_merge_run, 0,
};
