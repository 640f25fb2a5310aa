/* vdir.c: reading a vdir (a folder of UID.vcf files) as one import reader,
 * one file open at a time; writing one (only the cards that changed, each to
 * the file that holds it), and all cards to one stream. Depends on vcard,
 * import, store, file. */
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

/* vdir_file_name of a card whose UID is uid (id: the contact's, for a UID
 * that gives no name). */
static char *vdir_file_name_of(const char *uid, const char *id)
{
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
		buf_puts(&b, id);
	}
	if (b.len > 0 && b.data[0] == '.')
		b.data[0] = '_';
	buf_puts(&b, ".vcf");
	return buf_detach(&b);
}

char *vdir_file_name(const struct contact *c)
{
	return vdir_file_name_of(import_contact_uid(c), c->id);
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

/* A card of the folder in a file not named after its UID (vdirsyncer names
 * the file of a UID unsafe in a file name by a hash, iCloud's for one): the
 * export writes that card back to that file, not to a second one. */
struct vdir_alias {
	char *uid;
	char *name;
};

struct vdir_export_job {
	const char *dir;
	int version;
	struct strv written; /* the file names of this export */
	struct strv aliased; /* "NAME\tUID" of those written to an alias */
	struct vdir_alias *aliases; /* sorted by uid */
	size_t naliases, cap;
	struct vdir_counts *counts;
	struct buf card, old;
};

static int vdir_alias_cmp(const void *a, const void *b)
{
	return strcmp(((const struct vdir_alias *)a)->uid, ((const struct vdir_alias *)b)->uid);
}

static void vdir_alias_add(struct vdir_export_job *job, const char *uid, const char *name)
{
	if (job->naliases == job->cap) {
		job->cap = job->cap ? job->cap * 2 : 16;
		job->aliases = xrealloc(job->aliases, job->cap * sizeof *job->aliases);
	}
	job->aliases[job->naliases].uid = xstrdup(uid);
	job->aliases[job->naliases].name = xstrdup(name);
	job->naliases++;
}

/* The file the folder keeps uid's card in under another name, or NULL. */
static const char *vdir_alias_find(const struct vdir_export_job *job, const char *uid)
{
	struct vdir_alias key = {(char *)uid, NULL};
	const struct vdir_alias *a =
	        job->naliases > 0 ? bsearch(&key, job->aliases, job->naliases, sizeof key,
	                                    vdir_alias_cmp)
	                          : NULL;
	return a != NULL ? a->name : NULL;
}

static int vdir_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when sv, sorted (strv_sort_unique), holds s. */
static int vdir_sorted_has(const struct strv *sv, const char *s)
{
	return sv->n > 0 && bsearch(&s, sv->v, sv->n, sizeof *sv->v, vdir_str_cmp) != NULL;
}

/* The UID of the first card of DIR/name (NULL: none, or not a card); caller frees. */
static char *vdir_card_uid(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	free(path);
	if (f == NULL)
		return NULL;
	struct vcard_reader vr;
	vcard_reader_init(&vr, f);
	struct import_reader r = vcard_import_reader(&vr);
	struct import_record rec;
	import_record_init(&rec);
	char *cause = NULL;
	char *uid = NULL;
	if (r.next(r.self, &rec, &cause) == 1 && rec.uid != NULL && rec.uid[0] != '\0')
		uid = xstrdup(rec.uid);
	free(cause);
	import_record_free(&rec);
	vcard_reader_free(&vr);
	(void)fclose(f);
	return uid;
}

/* The cards of dir not named after their UIDs: those an earlier export wrote
 * so (told by the manifest, in before's aliases already), and those of the
 * files it did not write (before: the names it did, sorted), read for it. */
static void vdir_aliases_find(struct vdir_export_job *job, const struct strv *before)
{
	DIR *d = opendir(job->dir);
	if (d != NULL) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (!vdir_is_card(e->d_name) || vdir_sorted_has(before, e->d_name))
				continue;
			char *uid = vdir_card_uid(job->dir, e->d_name);
			char *own = uid != NULL ? vdir_file_name_of(uid, "") : NULL;
			if (uid != NULL && strcmp(own, e->d_name) != 0 && strchr(uid, '\n') == NULL &&
			    strchr(e->d_name, '\t') == NULL)
				vdir_alias_add(job, uid, e->d_name);
			free(own);
			free(uid);
		}
		(void)closedir(d);
	}
	if (job->naliases > 0)
		qsort(job->aliases, job->naliases, sizeof *job->aliases, vdir_alias_cmp);
}


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
	const char *alias = vdir_alias_find(job, import_contact_uid(c));
	char *name = alias != NULL ? xstrdup(alias) : vdir_file_name(c);
	if (alias != NULL)
		strv_take(&job->aliased, xasprintf("%s\t%s", alias, import_contact_uid(c)));
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

/* The names an earlier export listed in DIR/.kith-vdir, and into job the
 * aliases it listed ("NAME\tUID": a card written to a file not named after
 * its UID). */
static void vdir_manifest_read(struct vdir_export_job *job, const char *dir, struct strv *names)
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
		char *tab = strchr(buf_str(&line), '\t');
		if (tab != NULL)
			*tab = '\0';
		if (line.len > 0 && vdir_is_card(buf_str(&line)) && strchr(buf_str(&line), '/') == NULL) {
			strv_push(names, buf_str(&line));
			if (tab != NULL && tab[1] != '\0')
				vdir_alias_add(job, tab + 1, buf_str(&line));
		}
		buf_reset(&line);
	}
	buf_free(&line);
	(void)fclose(f);
}

/* The manifest: every file written, then "NAME\tUID" for those written to
 * an alias. */
static int vdir_manifest_fill(FILE *f, void *arg, char **cause)
{
	const struct vdir_export_job *job = arg;
	const struct strv *lists[] = {&job->written, &job->aliased};
	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->n; i++) {
			const char *s = lists[l]->v[i];
			if (fwrite(s, 1, strlen(s), f) != strlen(s) || fwrite("\n", 1, 1, f) != 1)
				return err_set(cause, "cannot write: %s", strerror(errno));
		}
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
	struct vdir_export_job job = {dir, version, {NULL, 0, 0}, {NULL, 0, 0}, NULL, 0, 0, out,
	                              {NULL, 0, 0}, {NULL, 0, 0}};
	strv_init(&job.written);
	strv_init(&job.aliased);
	struct strv before;
	strv_init(&before);
	vdir_manifest_read(&job, dir, &before);
	strv_sort_unique(&before);
	vdir_aliases_find(&job, &before);
	int rc = vdir_each_contact(st, vdir_export_one, &job, cause);
	if (rc == 0) {
		strv_sort_unique(&job.written);
		for (size_t i = 0; i < before.n; i++) {
			if (vdir_sorted_has(&job.written, before.v[i]))
				continue;
			char *path = xasprintf("%s/%s", dir, before.v[i]);
			if (unlink(path) == 0)
				out->removed++;
			else if (errno != ENOENT)
				rc = err_set(cause, "%s: %s", path, strerror(errno));
			free(path);
		}
		char *manifest = xasprintf("%s/" VDIR_MANIFEST, dir);
		if (rc == 0)
			rc = file_write_atomic(manifest, vdir_manifest_fill, &job, cause);
		free(manifest);
	}
	strv_free(&before);
	for (size_t i = 0; i < job.naliases; i++) {
		free(job.aliases[i].uid);
		free(job.aliases[i].name);
	}
	free(job.aliases);
	strv_free(&job.written);
	strv_free(&job.aliased);
	buf_free(&job.card);
	buf_free(&job.old);
	return rc;
}
