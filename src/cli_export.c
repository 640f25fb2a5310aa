/* cli_export.c: kith export: the journal in another format (DESIGN.md §8), on standard
 * output (escaped on a terminal) or into FILE (written whole, then renamed into place) or
 * DIR for the formats that write a folder. One table of formats. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "file.h"
#include "ics.h"
#include "sync.h"
#include "utf8.h"
#include "vcard.h"
#include "vdir.h"

/* A format: written to a stream (file formats), or into a folder (dir set). */
struct cli_export_format {
	const char *name;
	const char *ext;                  /* what a file of it ends with: -o picks it */
	int (*write)(struct cli *cli, FILE *f, char **cause);
	int (*write_dir)(struct cli *cli, const char *dir, char **cause);
};

static int cli_export_jsonl(struct cli *cli, FILE *f, char **cause)
{
	return sync_export(cli->st, f, cause);
}

/* Every follow-up, open and done, as VTODO items: a calendar that takes a
 * later export updates the items it has (same UID) and marks the done ones. */
static int cli_export_ics(struct cli *cli, FILE *f, char **cause)
{
	struct store_followup_query q = {0, 1, 0};
	struct followup *v = NULL;
	size_t n = 0;
	if (store_followups(cli->st, &q, &v, &n, cause) != 0)
		return -1;
	struct buf b;
	buf_init(&b);
	ics_write_calendar(&b, v, n);
	followups_free(v, n);
	int rc = fwrite(b.data, 1, b.len, f) == b.len
	                 ? 0
	                 : err_set(cause, "cannot write the calendar: %s", strerror(errno));
	buf_free(&b);
	return rc;
}

static int cli_export_vcard4(struct cli *cli, FILE *f, char **cause)
{
	return vcard_export(cli->st, f, 4, cause);
}

static int cli_export_vcard3(struct cli *cli, FILE *f, char **cause)
{
	return vcard_export(cli->st, f, 3, cause);
}

static int cli_export_vdir_as(struct cli *cli, const char *dir, int version, char **cause)
{
	struct vdir_counts n;
	if (vdir_export(cli->st, dir, version, &n, cause) != 0)
		return -1;
	if (!cli->json) {
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%ld %s written, %ld unchanged, %ld removed\n", n.written,
		           buf_plural(n.written, "card", "cards"), n.same, n.removed);
		cli_flush(cli, &b);
	}
	return 0;
}

static int cli_export_vdir4(struct cli *cli, const char *dir, char **cause)
{
	return cli_export_vdir_as(cli, dir, 4, cause);
}

static int cli_export_vdir3(struct cli *cli, const char *dir, char **cause)
{
	return cli_export_vdir_as(cli, dir, 3, cause);
}

static const struct cli_export_format cli_export_formats[] = {
	{"jsonl", ".jsonl", cli_export_jsonl, NULL},
	{"vcard", ".vcf", cli_export_vcard4, NULL},
	{"vdir", NULL, NULL, cli_export_vdir4},
	{"csv", ".csv", cli_export_csv, NULL},
	{"ics", ".ics", cli_export_ics, NULL},
	{NULL, NULL, NULL, NULL},
};
/* vcard and vdir with --vcard-version 3 */
static const struct cli_export_format cli_export_vcard_v3 = {"vcard", ".vcf", cli_export_vcard3, NULL};
static const struct cli_export_format cli_export_vdir_v3 = {"vdir", NULL, NULL, cli_export_vdir3};

/* "jsonl, ics": the formats there are, for messages. */
static char *cli_export_names(void)
{
	struct strv sv;
	strv_init(&sv);
	for (size_t i = 0; cli_export_formats[i].name != NULL; i++)
		strv_push(&sv, cli_export_formats[i].name);
	char *s = strv_join(&sv, ", ");
	strv_free(&sv);
	return s;
}

static const struct cli_export_format *cli_export_find(const char *name)
{
	for (size_t i = 0; cli_export_formats[i].name != NULL; i++)
		if (strcmp(cli_export_formats[i].name, name) == 0)
			return &cli_export_formats[i];
	return NULL;
}

/* The format that -o PATH names by its ending, or NULL. */
static const struct cli_export_format *cli_export_guess(const char *path)
{
	size_t n = strlen(path);
	for (size_t i = 0; cli_export_formats[i].name != NULL; i++) {
		const char *ext = cli_export_formats[i].ext;
		size_t e = ext != NULL ? strlen(ext) : 0;
		if (e > 0 && n > e && strcmp(path + n - e, ext) == 0)
			return &cli_export_formats[i];
	}
	return NULL;
}

struct cli_export_fill {
	struct cli *cli;
	const struct cli_export_format *fmt;
};

static int cli_export_fill(FILE *f, void *arg, char **cause)
{
	struct cli_export_fill *x = arg;
	return x->fmt->write(x->cli, f, cause);
}

/* fmt written to a terminal: through a temporary file, then a line at a
 * time with its control characters escaped (utf8_escape), so that no escape
 * sequence a card or a note carries reaches the terminal raw; each line
 * ends in '\n' (a CR before it dropped). */
static int cli_export_tty(struct cli *cli, const struct cli_export_format *fmt, char **cause)
{
	FILE *tmp = tmpfile();
	if (tmp == NULL)
		return err_set(cause, "cannot make a temporary file: %s", strerror(errno));
	int rc = fmt->write(cli, tmp, cause);
	if (rc == 0 && (fflush(tmp) != 0 || ferror(tmp) || fseek(tmp, 0, SEEK_SET) != 0))
		rc = err_set(cause, "cannot read the export back: %s", strerror(errno ? errno : EIO));
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	struct buf b;
	buf_init(&b);
	while (rc == 0 && (n = getline(&line, &cap, tmp)) > 0) {
		size_t len = (size_t)n;
		if (line[len - 1] == '\n')
			len--;
		if (len > 0 && line[len - 1] == '\r')
			len--;
		buf_reset(&b);
		utf8_escape(&b, line, len);
		buf_putc(&b, '\n');
		if (fwrite(b.data, 1, b.len, cli->out) != b.len)
			rc = err_set(cause, "cannot write the export: %s", strerror(errno));
	}
	buf_free(&b);
	free(line);
	(void)fclose(tmp);
	return rc;
}

static int cli_export_run(struct cli *cli, struct cli_args *a)
{
	const char *name = cli_opt(a, "format");
	const char *path = cli_opt(a, "output");
	/* kith export --format vdir DIR: the path may be said without -o */
	if (a->pos.n > 0) {
		if (path != NULL)
			return cli_usage(cli, "give the output once: -o %s or %s", path, a->pos.v[0]);
		path = a->pos.v[0];
	}
	const struct cli_export_format *fmt = NULL;
	if (name != NULL)
		fmt = cli_export_find(name);
	else if (path != NULL)
		fmt = cli_export_guess(path);
	else
		fmt = cli_export_find("jsonl");
	if (fmt == NULL) {
		char *names = cli_export_names();
		int rc = name != NULL ? cli_usage(cli, "no export format '%s' (formats: %s)", name, names)
		                      : cli_usage(cli, "cannot tell the format of %s by its name: give --format (%s)",
		                                  path, names);
		free(names);
		return rc;
	}
	long vversion = 4;
	if (cli_opt_int(cli, a, "vcard-version", 3, 4, &vversion) != 0)
		return CLI_USAGE;
	if (cli_opt(a, "vcard-version") != NULL && strcmp(fmt->name, "vcard") != 0 &&
	    strcmp(fmt->name, "vdir") != 0)
		return cli_usage(cli, "--vcard-version is for --format vcard or vdir");
	if (vversion == 3)
		fmt = strcmp(fmt->name, "vcard") == 0 ? &cli_export_vcard_v3 : &cli_export_vdir_v3;
	if (fmt->write_dir != NULL && path == NULL)
		return cli_usage(cli, "--format %s writes a folder: give it (DIR or -o DIR)", fmt->name);
	if (path != NULL && path[0] == '\0')
		return cli_usage(cli, "-o needs a file name");
	if (cli_store(cli) == NULL)
		return CLI_FAIL;
	char *cause = NULL;
	int rc;
	if (fmt->write_dir != NULL) {
		rc = fmt->write_dir(cli, path, &cause);
	} else if (path != NULL && strcmp(path, "-") != 0) {
		struct stat sb;
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			return cli_usage(cli, "%s is a folder: --format %s writes a file", path, fmt->name);
		struct cli_export_fill x = {cli, fmt};
		rc = file_write_atomic(path, cli_export_fill, &x, &cause);
	} else {
		rc = isatty(fileno(cli->out)) ? cli_export_tty(cli, fmt, &cause)
		                              : fmt->write(cli, cli->out, &cause);
		if (rc == 0 && (fflush(cli->out) != 0 || ferror(cli->out)))
			rc = err_set(&cause, "cannot write the export: %s", strerror(errno ? errno : EIO));
	}
	if (rc != 0)
		return cli_fail(cli, cause);
	return CLI_OK;
}

static const struct cli_opt cli_export_opts[] = {
	{"format", 0, 1, "FORMAT",
	 "jsonl (everything, for another kith; the default), vcard, vdir (a folder of UID.vcf "
	 "files), csv (contacts and their scores), ics (follow-ups as to-dos), or as -o ends"},
	{"vcard-version", 0, 1, "N", "4 (the default) or 3, for vcard and vdir"},
	{"output", 'o', 1, "FILE|DIR", "write there (whole, then renamed into place) instead of "
	                               "standard output"},
	{NULL, 0, 0, NULL, NULL},
};

const struct cli_cmd cli_cmd_export = {
	"export", "[FILE|DIR]", "write the journal in another format: kith export -o backup.jsonl",
	cli_export_opts, 0, 1, cli_export_run, 1,
};
