/* import_file.c: the table of import formats, each opening a reader (vcard.h, vdir.h,
 * csv_import.h) or merging on its own (sync.h), and the guess among them. Core: reads
 * files, never prints; depends on import.h and the formats' readers. */
#include "import_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csv_import.h"
#include "err.h"
#include "sync.h"
#include "vcard.h"
#include "vdir.h"

struct import_format {
	const char *name;
	const char *exts; /* " .vcf .vcard " : the file name endings it claims */
	/* opens imf->state and imf->reader (NULL for a format that merges) */
	int (*open)(struct import_file *imf, char **cause);
	void (*close)(struct import_file *imf);
	/* extra lines for the summary (photos over the cap ...); may be NULL */
	void (*summary)(const struct import_file *imf, struct buf *out);
	/* 1 when the first bytes of a file are this format's (NULL: never sniffed) */
	int (*sniff)(const char *head, size_t n);
	int dir; /* reads a folder */
	/* a format that merges on its own, by its records' uuids, instead of
	 * handing contacts to import_run (JSON Lines); NULL for the others */
	int (*merge)(struct store *st, struct import_file *imf, const struct import_opts *o,
	             struct import_counts *n, char **cause);
	const char *label;
};

/* ---- vCard ---- */

static void import_file_photos(long dropped, struct buf *out)
{
	if (dropped > 0)
		buf_printf(out, "%ld %s over %d KiB not kept\n", dropped,
		           buf_plural(dropped, "photo", "photos"), VCARD_PHOTO_CAP / 1024);
}

static void import_file_vcard_close(struct import_file *imf)
{
	vcard_reader_free(imf->state);
}

static void import_file_vcard_summary(const struct import_file *imf, struct buf *out)
{
	const struct vcard_reader *r = imf->state;
	import_file_photos(r->photos_dropped, out);
}

static int import_file_vcard_open(struct import_file *imf, char **cause)
{
	(void)cause;
	struct vcard_reader *r = xmalloc(sizeof *r);
	vcard_reader_init(r, imf->f);
	imf->state = r;
	imf->reader = vcard_import_reader(r);
	return 0;
}

static int import_file_vcard_sniff(const char *head, size_t n)
{
	size_t i = 0;
	if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (head[i] == '\r' || head[i] == '\n' || head[i] == ' ' || head[i] == '\t'))
		i++;
	return n - i >= 11 && strncasecmp(head + i, "BEGIN:VCARD", 11) == 0;
}

/* ---- vdir ---- */

static void import_file_vdir_close(struct import_file *imf)
{
	vdir_reader_close(imf->state);
}

static void import_file_vdir_summary(const struct import_file *imf, struct buf *out)
{
	const struct vdir_reader *r = imf->state;
	import_file_photos(r->photos_dropped + (r->f != NULL ? r->vr.photos_dropped : 0), out);
}

static int import_file_vdir_open(struct import_file *imf, char **cause)
{
	struct vdir_reader *r = xmalloc(sizeof *r);
	if (vdir_reader_open(r, imf->path, cause) != 0) {
		free(r);
		return -1;
	}
	imf->state = r;
	imf->reader = vdir_import_reader(r);
	return 0;
}

/* ---- CSV: LinkedIn, Google, Outlook, any CSV with a header row ---- */

static void import_file_csv_close(struct import_file *imf)
{
	csv_import_free(imf->state);
}

static void import_file_csv_summary(const struct import_file *imf, struct buf *out)
{
	csv_import_summary(imf->state, out);
}

static void import_file_csv_with(struct import_file *imf, enum csv_want want)
{
	struct csv_import *ci = xmalloc(sizeof *ci);
	csv_import_init(ci, imf->f, want);
	imf->state = ci;
	imf->reader = csv_import_reader(ci);
}

/* A .csv file, one sniffed as CSV, or --format csv: LinkedIn's header found by content. */
static int import_file_csv_open(struct import_file *imf, char **cause)
{
	(void)cause;
	import_file_csv_with(imf, CSV_WANT_AUTO);
	return 0;
}

static int import_file_linkedin_open(struct import_file *imf, char **cause)
{
	(void)cause;
	import_file_csv_with(imf, CSV_WANT_LINKEDIN);
	return 0;
}

/* ---- JSON Lines: another kith's export, merged by uuid (sync.h) ---- */

static int import_file_jsonl_merge(struct store *st, struct import_file *imf,
                                   const struct import_opts *o, struct import_counts *n,
                                   char **cause)
{
	struct sync_counts c;
	/* told of its progress as the other formats are, through o's callback */
	struct sync_progress progress = {o->progress, o->arg};
	if (sync_import(st, imf->f, imf->path, o->dry_run, &progress, &c, cause) != 0)
		return -1;
	/* a record a tombstone deleted is one the import changed */
	n->new_ = (long)c.added;
	n->updated = (long)(c.updated + c.deleted);
	n->unchanged = (long)c.unchanged;
	n->errors = (long)c.skipped;
	return 0;
}

static int import_file_jsonl_sniff(const char *head, size_t n)
{
	static const char start[] = "{\"type\":\"kith\"";
	return n >= sizeof start - 1 && memcmp(head, start, sizeof start - 1) == 0;
}

/* The formats, tried in this order when the format is auto. */
static const struct import_format import_file_formats[] = {
	{"vcard", " .vcf .vcard ", import_file_vcard_open, import_file_vcard_close,
	 import_file_vcard_summary, import_file_vcard_sniff, 0, NULL, "vCard"},
	{"vdir", NULL, import_file_vdir_open, import_file_vdir_close, import_file_vdir_summary,
	 NULL, 1, NULL, "vdir"},
	{"jsonl", " .jsonl ", NULL, NULL, NULL, import_file_jsonl_sniff, 0,
	 import_file_jsonl_merge, "kith JSON Lines"},
	{"linkedin", NULL, import_file_linkedin_open, import_file_csv_close,
	 import_file_csv_summary, NULL, 0, NULL, "LinkedIn"},
	{"csv", " .csv ", import_file_csv_open, import_file_csv_close, import_file_csv_summary,
	 csv_import_sniff, 0, NULL, "CSV"},
};
#define IMPORT_FILE_NFORMATS (sizeof import_file_formats / sizeof import_file_formats[0])

static const struct import_format *import_file_format_named(const char *name)
{
	for (size_t i = 0; i < IMPORT_FILE_NFORMATS; i++)
		if (strcmp(import_file_formats[i].name, name) == 0)
			return &import_file_formats[i];
	return NULL;
}

int import_file_format_known(const char *name)
{
	return strcmp(name, "auto") == 0 || import_file_format_named(name) != NULL;
}

void import_file_format_names(struct buf *out)
{
	for (size_t i = 0; i < IMPORT_FILE_NFORMATS; i++)
		buf_printf(out, ", %s", import_file_formats[i].name);
}

/* The format of a path by its being a folder, its name's ending, else by
 * the file's first bytes. */
static const struct import_format *import_file_guess(const char *path, FILE *f, int is_dir)
{
	for (size_t i = 0; i < IMPORT_FILE_NFORMATS; i++)
		if (import_file_formats[i].dir && is_dir)
			return &import_file_formats[i];
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
		for (size_t i = 0; i < IMPORT_FILE_NFORMATS; i++)
			if (import_file_formats[i].exts != NULL && strstr(import_file_formats[i].exts, ext))
				return &import_file_formats[i];
	}
	char head[512];
	size_t n = fread(head, 1, sizeof head, f);
	rewind(f);
	for (size_t i = 0; i < IMPORT_FILE_NFORMATS; i++)
		if (import_file_formats[i].sniff != NULL && import_file_formats[i].sniff(head, n))
			return &import_file_formats[i];
	return NULL;
}

int import_file_open(struct import_file *imf, const char *path, const char *format,
                     char **cause)
{
	memset(imf, 0, sizeof *imf);
	const struct import_format *fmt = NULL;
	if (format != NULL && strcmp(format, "auto") != 0) {
		fmt = import_file_format_named(format);
		if (fmt == NULL)
			return err_set(cause, "'%s' is not a format kith imports", format);
	}
	struct stat sb;
	if (stat(path, &sb) != 0)
		return err_set(cause, "%s: %s", path, strerror(errno));
	int is_dir = S_ISDIR(sb.st_mode);
	FILE *f = NULL;
	if (!is_dir) {
		f = fopen(path, "rb");
		if (f == NULL)
			return err_set(cause, "%s: %s", path, strerror(errno));
	}
	int rc = 0;
	if (fmt == NULL)
		fmt = import_file_guess(path, f, is_dir);
	if (fmt == NULL) {
		err_set(cause, "%s: cannot tell its format", path);
		rc = IMPORT_FILE_UNKNOWN;
	} else if (fmt->dir != is_dir) {
		rc = err_set(cause, "%s: %s", path,
		             is_dir ? "a folder (--format vdir reads one)" : "not a folder");
	} else {
		imf->fmt = fmt;
		imf->path = xstrdup(path);
		imf->f = f;
		if (fmt->open != NULL && fmt->open(imf, cause) != 0) {
			free(imf->path);
			rc = -1;
		}
	}
	if (rc != 0) {
		if (f != NULL)
			(void)fclose(f);
		memset(imf, 0, sizeof *imf);
	}
	return rc;
}

const char *import_file_format(const struct import_file *imf)
{
	return imf->fmt->name;
}

int import_file_merges(const struct import_file *imf)
{
	return imf->fmt->merge != NULL;
}

int import_file_run(struct store *st, struct import_file *imf, const struct import_opts *o,
                    int64_t now, struct import_counts *out, char **cause)
{
	memset(out, 0, sizeof *out);
	if (imf->ran)
		return err_set(cause, "%s: already imported", imf->path);
	imf->ran = 1;
	if (imf->fmt->merge != NULL) {
		if (o->circle >= 0 || o->tag != NULL)
			return err_set(cause, "%s: its records keep their own circles and tags",
			               imf->path);
		return imf->fmt->merge(st, imf, o, out, cause);
	}
	if (import_run(st, &imf->reader, o, now, out, cause) != 0)
		return err_wrap(cause, "%s: ", imf->path);
	return 0;
}

void import_file_summary(const struct import_file *imf, struct buf *out)
{
	if (imf->fmt->summary != NULL && imf->state != NULL)
		imf->fmt->summary(imf, out);
}

const char *import_file_label(const struct import_file *imf)
{
	if (imf->fmt->close != import_file_csv_close || imf->state == NULL)
		return imf->fmt->label;
	/* what the header said, once it was read */
	const struct csv_import *ci = imf->state;
	static const struct {
		const char *format, *label;
	} csv[] = {
		{"linkedin", "LinkedIn"},
		{"google", "Google CSV"},
		{"outlook", "Outlook CSV"},
		{"thunderbird", "Thunderbird CSV"},
	};
	if (ci->opened && ci->src.map.format != NULL)
		for (size_t i = 0; i < sizeof csv / sizeof csv[0]; i++)
			if (strcmp(ci->src.map.format, csv[i].format) == 0)
				return csv[i].label;
	return imf->fmt->label;
}

void import_file_close(struct import_file *imf)
{
	if (imf->fmt != NULL && imf->fmt->close != NULL && imf->state != NULL)
		imf->fmt->close(imf);
	free(imf->state);
	free(imf->path);
	if (imf->f != NULL)
		(void)fclose(imf->f);
	memset(imf, 0, sizeof *imf);
}

int import_file_path(struct store *st, const char *path, const struct import_opts *o,
                     int64_t now, struct import_file_report *rep, char **cause)
{
	memset(rep, 0, sizeof *rep);
	struct import_file imf;
	int rc = import_file_open(&imf, path, NULL, cause);
	if (rc != 0)
		return rc;
	rc = import_file_run(st, &imf, o, now, &rep->n, cause);
	rep->label = import_file_label(&imf);
	rep->merged = import_file_merges(&imf);
	import_file_close(&imf);
	return rc;
}
