/* cli_import.c: kith import FILE|DIR and kith merge KEEP OTHER. The format is
 * found by --format, the path (a folder is a vdir) or the file's first bytes;
 * a table of formats opens a reader for each (import.h), and import_run puts
 * the records in the journal in one transaction. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "import.h"
#include "utf8.h"
#include "vcard.h"
#include "vdir.h"

/* An open source of records: a reader and what closes it. */
struct cli_import_src {
	struct import_reader reader;
	void *state;
	void (*close)(struct cli_import_src *src);
	/* extra lines for the summary (photos over the cap ...); may be NULL */
	void (*summary)(struct cli_import_src *src, struct buf *out);
	FILE *f; /* the file open, when the format reads one */
};

struct cli_import_format {
	const char *name;
	const char *exts; /* " .vcf .vcard " : the file name endings it claims */
	int (*open)(struct cli_import_src *src, const char *path, char **cause);
	/* 1 when the first bytes of a file are this format's (NULL: never sniffed) */
	int (*sniff)(const char *head, size_t n);
	int dir; /* reads a folder */
};

/* ---- vCard ---- */

static void cli_import_photos(long dropped, struct buf *out)
{
	if (dropped > 0)
		buf_printf(out, "%ld %s over %d KiB not kept\n", dropped,
		           buf_plural(dropped, "photo", "photos"), VCARD_PHOTO_CAP / 1024);
}

static void cli_import_vcard_close(struct cli_import_src *src)
{
	vcard_reader_free(src->state);
	free(src->state);
}

static void cli_import_vcard_summary(struct cli_import_src *src, struct buf *out)
{
	const struct vcard_reader *r = src->state;
	cli_import_photos(r->photos_dropped, out);
}

static int cli_import_vcard_open(struct cli_import_src *src, const char *path, char **cause)
{
	(void)cause;
	struct vcard_reader *r = xmalloc(sizeof *r);
	vcard_reader_init(r, src->f);
	src->state = r;
	src->reader = vcard_import_reader(r);
	src->close = cli_import_vcard_close;
	src->summary = cli_import_vcard_summary;
	(void)path;
	return 0;
}

static int cli_import_vcard_sniff(const char *head, size_t n)
{
	size_t i = 0;
	if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (head[i] == '\r' || head[i] == '\n' || head[i] == ' ' || head[i] == '\t'))
		i++;
	return n - i >= 11 && strncasecmp(head + i, "BEGIN:VCARD", 11) == 0;
}

/* ---- vdir ---- */

static void cli_import_vdir_close(struct cli_import_src *src)
{
	vdir_reader_close(src->state);
	free(src->state);
}

static void cli_import_vdir_summary(struct cli_import_src *src, struct buf *out)
{
	const struct vdir_reader *r = src->state;
	cli_import_photos(r->photos_dropped + (r->f != NULL ? r->vr.photos_dropped : 0), out);
}

static int cli_import_vdir_open(struct cli_import_src *src, const char *path, char **cause)
{
	struct vdir_reader *r = xmalloc(sizeof *r);
	if (vdir_reader_open(r, path, cause) != 0) {
		free(r);
		return -1;
	}
	src->state = r;
	src->reader = vdir_import_reader(r);
	src->close = cli_import_vdir_close;
	src->summary = cli_import_vdir_summary;
	return 0;
}

/* The formats, tried in this order when --format is auto. */
static const struct cli_import_format cli_import_formats[] = {
	{"vcard", " .vcf .vcard ", cli_import_vcard_open, cli_import_vcard_sniff, 0},
	{"vdir", NULL, cli_import_vdir_open, NULL, 1},
};
#define CLI_IMPORT_NFORMATS (sizeof cli_import_formats / sizeof cli_import_formats[0])

static const struct cli_import_format *cli_import_format_named(const char *name)
{
	for (size_t i = 0; i < CLI_IMPORT_NFORMATS; i++)
		if (strcmp(cli_import_formats[i].name, name) == 0)
			return &cli_import_formats[i];
	return NULL;
}

/* The format of a file by its name's ending, else by its first bytes. */
static const struct cli_import_format *cli_import_guess(const char *path, FILE *f, int is_dir)
{
	for (size_t i = 0; i < CLI_IMPORT_NFORMATS; i++)
		if (cli_import_formats[i].dir && is_dir)
			return &cli_import_formats[i];
	if (is_dir)
		return NULL;
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (dot != NULL && (slash == NULL || dot > slash) && strlen(dot) < 16) {
		char ext[24];
		snprintf(ext, sizeof ext, " %s ", dot);
		for (char *p = ext; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p + 32);
		for (size_t i = 0; i < CLI_IMPORT_NFORMATS; i++)
			if (cli_import_formats[i].exts != NULL && strstr(cli_import_formats[i].exts, ext))
				return &cli_import_formats[i];
	}
	char head[512];
	size_t n = fread(head, 1, sizeof head, f);
	rewind(f);
	for (size_t i = 0; i < CLI_IMPORT_NFORMATS; i++)
		if (cli_import_formats[i].sniff != NULL && cli_import_formats[i].sniff(head, n))
			return &cli_import_formats[i];
	return NULL;
}

static const struct cli_opt cli_import_opts[] = {
	{"format", 'f', 1, "FORMAT", "auto (default), vcard or vdir"},
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

static int cli_import_run(struct cli *cli, struct cli_args *a)
{
	const char *path = a->pos.v[0];
	const char *fmt_name = cli_opt(a, "format");
	const struct cli_import_format *fmt = NULL;
	if (fmt_name != NULL && strcmp(fmt_name, "auto") != 0) {
		fmt = cli_import_format_named(fmt_name);
		if (fmt == NULL) {
			struct buf names;
			buf_init(&names);
			for (size_t i = 0; i < CLI_IMPORT_NFORMATS; i++)
				buf_printf(&names, ", %s", cli_import_formats[i].name);
			int rc = cli_usage(cli, "--format: '%s' is not auto%s", fmt_name, buf_str(&names));
			buf_free(&names);
			return rc;
		}
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
	struct stat sb;
	if (stat(path, &sb) != 0)
		return cli_error(cli, "%s: %s", path, strerror(errno));
	int is_dir = S_ISDIR(sb.st_mode);
	struct cli_import_src src;
	memset(&src, 0, sizeof src);
	if (!is_dir) {
		src.f = fopen(path, "rb");
		if (src.f == NULL)
			return cli_error(cli, "%s: %s", path, strerror(errno));
	}
	if (fmt == NULL)
		fmt = cli_import_guess(path, src.f, is_dir);
	int rc = CLI_OK;
	char *cause = NULL;
	if (fmt == NULL) {
		rc = cli_error(cli, "%s: cannot tell its format; say it with --format", path);
	} else if (fmt->dir != is_dir) {
		rc = cli_error(cli, "%s: %s", path,
		               is_dir ? "a folder (--format vdir reads one)" : "not a folder");
	} else if (fmt->open(&src, path, &cause) != 0) {
		rc = cli_fail(cli, cause);
	} else {
		struct store *st = cli_store(cli);
		struct cli_import_ui ui = {cli, path, 0, 0};
		o.arg = &ui;
		struct import_counts n;
		if (st == NULL) {
			rc = CLI_FAIL;
		} else if (import_run(st, &src.reader, &o, cli->now, &n, &cause) != 0) {
			cli_import_progress_end(&ui);
			err_wrap(&cause, "%s: ", path);
			rc = cli_fail(cli, cause);
			fputs("kith: nothing was imported\n", stderr);
		} else {
			cli_import_progress_end(&ui);
			if (ui.warned > CLI_IMPORT_WARN_MAX)
				fprintf(stderr, "kith: and %ld more records skipped\n",
				        ui.warned - CLI_IMPORT_WARN_MAX);
			if (cli->json) {
				cli_import_json(cli, &n);
			} else {
				struct buf b;
				buf_init(&b);
				buf_printf(&b, "%s%ld new, %ld updated, %ld unchanged, %ld %s\n",
				           o.dry_run ? "would import: " : "", n.new_, n.updated, n.unchanged,
				           n.errors, buf_plural(n.errors, "error", "errors"));
				if (src.summary != NULL)
					src.summary(&src, &b);
				if (o.dry_run)
					buf_puts(&b, "dry run: nothing was written\n");
				cli_flush(cli, &b);
			}
		}
		src.close(&src);
	}
	if (src.f != NULL)
		(void)fclose(src.f);
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
	"import", "FILE|DIR", "bring contacts in from vCard files or a vdir folder",
	cli_import_opts, 1, 1, cli_import_run, 0,
};
const struct cli_cmd cli_cmd_merge = {
	"merge", "KEEP OTHER",
	"fold OTHER into KEEP: fields, tags, interactions and follow-ups", NULL, 2, 2,
	cli_merge_run, 0,
};
