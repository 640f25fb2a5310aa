/* vdir.c: reading a vdir (a folder of UID.vcf files) as one import reader,
 * one file open at a time; writing one (only the cards that changed), and
 * all cards to one stream. Depends on vcard, import, store, file. */
#include "vdir.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "file.h"

static int vdir_is_card(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 4 && strcasecmp(name + n - 4, ".vcf") == 0;
}

int vdir_reader_open(struct vdir_reader *r, const char *dir, char **cause)
{
	memset(r, 0, sizeof *r);
	strv_init(&r->names);
	DIR *d = opendir(dir);
	if (d == NULL)
		return err_set(cause, "%s: %s", dir, strerror(errno));
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (vdir_is_card(e->d_name))
			strv_push(&r->names, e->d_name);
	(void)closedir(d);
	strv_sort_unique(&r->names);
	r->dir = xstrdup(dir);
	return 0;
}

static void vdir_close_file(struct vdir_reader *r)
{
	if (r->f == NULL)
		return;
	r->photos_dropped += r->vr.photos_dropped;
	vcard_reader_free(&r->vr);
	(void)fclose(r->f);
	r->f = NULL;
}

void vdir_reader_close(struct vdir_reader *r)
{
	vdir_close_file(r);
	strv_free(&r->names);
	free(r->dir);
	memset(r, 0, sizeof *r);
}

static int vdir_next(void *self, struct import_record *rec, char **cause)
{
	struct vdir_reader *r = self;
	for (;;) {
		if (r->f == NULL) {
			if (r->next >= r->names.n)
				return 0;
			char *path = xasprintf("%s/%s", r->dir, r->names.v[r->next++]);
			r->f = fopen(path, "rb");
			if (r->f == NULL) {
				err_set(cause, "%s: %s", path, strerror(errno));
				free(path);
				return -1;
			}
			free(path);
			vcard_reader_init(&r->vr, r->f);
		}
		int rc = vcard_next(&r->vr, rec, cause);
		if (rc == 1)
			return 1;
		if (rc < 0) {
			err_wrap(cause, "%s: ", r->names.v[r->next - 1]);
			return -1;
		}
		vdir_close_file(r);
	}
}

static int vdir_rewind(void *self, char **cause)
{
	struct vdir_reader *r = self;
	(void)cause;
	vdir_close_file(r);
	r->next = 0;
	r->photos_dropped = 0;
	return 0;
}

struct import_reader vdir_import_reader(struct vdir_reader *r)
{
	struct import_reader ir = {vdir_next, vdir_rewind, r};
	return ir;
}

char *vdir_file_name(const struct contact *c)
{
	const char *uid = import_contact_uid(c);
	struct buf b;
	buf_init(&b);
	for (const char *p = uid; *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;
		int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		         ch == '-' || ch == '_' || ch == '.' || ch == '@' || ch == '+' || ch >= 0x80;
		buf_putc(&b, ok ? (char)ch : '_');
	}
	if (b.len == 0 || b.len > 200) {
		buf_reset(&b);
		buf_puts(&b, c->id);
	}
	if (b.data[0] == '.')
		b.data[0] = '_';
	buf_puts(&b, ".vcf");
	return buf_detach(&b);
}

/* ---- export ---- */

typedef int (*vdir_each_fn)(void *arg, const struct contact *c, char **cause);

struct vdir_each {
	vdir_each_fn fn;
	void *arg;
};

/* Calls fn for every contact (archived too), loaded in full, in name order. */
static int vdir_each_read(struct store *st, void *arg, char **cause)
{
	struct vdir_each *e = arg;
	struct store_contact_filter flt = {-1, NULL, 1, 0, NULL, 0};
	struct contact *v;
	size_t n;
	if (store_contact_list(st, &flt, &v, &n, cause) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct contact c;
		int got = store_contact_get(st, v[i].rowid, &c, cause);
		if (got < 0)
			rc = -1;
		if (got != 0)
			continue;
		rc = e->fn(e->arg, &c, cause);
		contact_free(&c);
	}
	contacts_free(v, n);
	return rc;
}

static int vdir_each_contact(struct store *st, vdir_each_fn fn, void *arg, char **cause)
{
	struct vdir_each e = {fn, arg};
	return store_read(st, vdir_each_read, &e, cause);
}

struct vcard_export_job {
	FILE *f;
	int version;
	struct buf card;
};

static int vcard_export_one(void *arg, const struct contact *c, char **cause)
{
	struct vcard_export_job *job = arg;
	buf_reset(&job->card);
	vcard_write(&job->card, c, job->version);
	if (fwrite(job->card.data, 1, job->card.len, job->f) != job->card.len)
		return err_set(cause, "cannot write the cards: %s", strerror(errno));
	return 0;
}

int vcard_export(struct store *st, FILE *f, int version, char **cause)
{
	struct vcard_export_job job = {f, version, {NULL, 0, 0}};
	int rc = vdir_each_contact(st, vcard_export_one, &job, cause);
	buf_free(&job.card);
	return rc;
}

struct vdir_export_job {
	const char *dir;
	int version;
	struct strv written; /* the file names of this export */
	struct vdir_counts *counts;
	struct buf card, old;
};

/* 1 when path holds exactly want (read in pieces, stopped at a difference). */
static int vdir_same_file(const char *path, const struct buf *want)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return 0;
	char chunk[4096];
	size_t at = 0, n;
	int same = 1;
	while (same && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		same = at + n <= want->len && memcmp(want->data + at, chunk, n) == 0;
		at += n;
	}
	same = same && !ferror(f) && at == want->len;
	(void)fclose(f);
	return same;
}

static int vdir_fill(FILE *f, void *arg, char **cause)
{
	const struct buf *card = arg;
	if (fwrite(card->data, 1, card->len, f) != card->len)
		return err_set(cause, "cannot write: %s", strerror(errno));
	return 0;
}

static int vdir_export_one(void *arg, const struct contact *c, char **cause)
{
	struct vdir_export_job *job = arg;
	char *name = vdir_file_name(c);
	for (size_t i = 0; i < job->written.n; i++) {
		if (strcmp(job->written.v[i], name) == 0) { /* two contacts with one UID */
			free(name);
			name = xasprintf("%s.vcf", c->id);
			break;
		}
	}
	buf_reset(&job->card);
	vcard_write(&job->card, c, job->version);
	char *path = xasprintf("%s/%s", job->dir, name);
	int rc = 0;
	if (vdir_same_file(path, &job->card)) {
		job->counts->same++;
	} else if (file_write_atomic(path, vdir_fill, &job->card, cause) != 0) {
		rc = -1;
	} else {
		job->counts->written++;
	}
	free(path);
	strv_take(&job->written, name);
	return rc;
}

/* The names an earlier export listed in DIR/.kith-vdir. */
static void vdir_manifest_read(const char *dir, struct strv *names)
{
	char *path = xasprintf("%s/" VDIR_MANIFEST, dir);
	FILE *f = fopen(path, "rb");
	free(path);
	if (f == NULL)
		return;
	struct buf line;
	buf_init(&line);
	int c;
	while ((c = getc(f)) != EOF) {
		if (c != '\n') {
			buf_putc(&line, (char)c);
			continue;
		}
		if (line.len > 0 && vdir_is_card(buf_str(&line)) && strchr(buf_str(&line), '/') == NULL)
			strv_push(names, buf_str(&line));
		buf_reset(&line);
	}
	buf_free(&line);
	(void)fclose(f);
}

static int vdir_manifest_fill(FILE *f, void *arg, char **cause)
{
	const struct strv *names = arg;
	for (size_t i = 0; i < names->n; i++)
		if (fwrite(names->v[i], 1, strlen(names->v[i]), f) != strlen(names->v[i]) ||
		    fwrite("\n", 1, 1, f) != 1)
			return err_set(cause, "cannot write: %s", strerror(errno));
	return 0;
}

int vdir_export(struct store *st, const char *dir, int version, struct vdir_counts *out,
                char **cause)
{
	memset(out, 0, sizeof *out);
	struct stat sb;
	if (stat(dir, &sb) != 0) {
		if (errno != ENOENT || mkdir(dir, 0700) != 0)
			return err_set(cause, "%s: %s", dir, strerror(errno));
	} else if (!S_ISDIR(sb.st_mode)) {
		return err_set(cause, "%s: not a folder", dir);
	}
	struct vdir_export_job job = {dir, version, {NULL, 0, 0}, out, {NULL, 0, 0}, {NULL, 0, 0}};
	strv_init(&job.written);
	int rc = vdir_each_contact(st, vdir_export_one, &job, cause);
	if (rc == 0) {
		struct strv before;
		strv_init(&before);
		vdir_manifest_read(dir, &before);
		strv_sort_unique(&job.written);
		for (size_t i = 0; i < before.n; i++) {
			if (strv_has(&job.written, before.v[i]))
				continue;
			char *path = xasprintf("%s/%s", dir, before.v[i]);
			if (unlink(path) == 0)
				out->removed++;
			else if (errno != ENOENT)
				rc = err_set(cause, "%s: %s", path, strerror(errno));
			free(path);
		}
		strv_free(&before);
		char *manifest = xasprintf("%s/" VDIR_MANIFEST, dir);
		if (rc == 0)
			rc = file_write_atomic(manifest, vdir_manifest_fill, &job.written, cause);
		free(manifest);
	}
	strv_free(&job.written);
	buf_free(&job.card);
	buf_free(&job.old);
	return rc;
}
