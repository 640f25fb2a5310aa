/* vdir.c: reading a vdir (a folder of UID.vcf files) as one import reader,
 * one file open at a time, and naming its files. Depends on vcard, import. */
#include "vdir.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

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
