/* vcard_write.c: a contact as a vCard 4.0 or 3.0, the fields' kept
 * parameters and labels put back, what kith adds as X-KITH- properties, lines
 * folded at 75 octets. Depends on vcard_int.h, import.h (the UID), utf8. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "import.h"
#include "utf8.h"
#include "vcard.h"
#include "vcard_int.h"

#define VCARD_FOLD 75

/* Appends one content line, folded at 75 octets (a fold is CRLF and a
 * space) without splitting a UTF-8 character, and its CRLF. */
static void vcard_put_line(struct buf *out, const char *line, size_t len)
{
	size_t room = VCARD_FOLD;
	while (len > room) {
		size_t n = utf8_clip(line, len, room);
		if (n == 0)
			n = room; /* no character start in reach: bytes as they are */
		buf_add(out, line, n);
		buf_puts(out, "\r\n ");
		line += n;
		len -= n;
		room = VCARD_FOLD - 1;
	}
	buf_add(out, line, len);
	buf_puts(out, "\r\n");
}

/* The n bytes of s escaped as vCard values want them: \\ \, \; and line
 * breaks as \n (a CR goes); runs of other bytes are copied whole. */
static void vcard_escape_n(struct buf *b, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c != '\\' && c != ',' && c != ';' && c != '\n' && c != '\r')
			continue;
		buf_add(b, s + run, i - run);
		if (c == '\n') {
			buf_puts(b, "\\n");
		} else if (c != '\r') {
			buf_putc(b, '\\');
			buf_putc(b, c);
		}
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

static void vcard_escape(struct buf *b, const char *s)
{
	vcard_escape_n(b, s, strlen(s));
}

static void vcard_flush(struct buf *out, struct buf *line)
{
	vcard_put_line(out, line->data, line->len);
	buf_reset(line);
}

static void vcard_text_prop(struct buf *out, struct buf *line, const char *name, const char *v)
{
	if (v == NULL || v[0] == '\0')
		return;
	buf_printf(line, "%s:", name);
	vcard_escape(line, v);
	vcard_flush(out, line);
}

/* The end of the parameter that starts at p (its ';'): the next ';' outside
 * quotes, or the ':' that ends the parameters when colon is set, or the end. */
static const char *vcard_param_end(const char *p, int colon)
{
	int q = 0;
	for (p++; *p != '\0' && (q || (*p != ';' && !(colon && *p == ':'))); p++)
		if (*p == '"')
			q = !q;
	return p;
}

/* The label of a type string's ;X-ABLABEL="..." (RFC 6868 escapes undone),
 * and the rest of the parameters without it. */
static void vcard_split_params(const char *params, struct buf *rest, struct buf *label)
{
	const char *p = params;
	while (*p == ';') {
		const char *start = p;
		p = vcard_param_end(p, 0);
		if (strncmp(start, ";X-ABLABEL=", 11) == 0) {
			const char *v = start + 11, *end = p;
			if (v < end && *v == '"') {
				v++;
				if (end > v && end[-1] == '"')
					end--;
			}
			for (; v < end; v++) {
				if (*v == '^' && v + 1 < end && (v[1] == '\'' || v[1] == '^' || v[1] == 'n')) {
					v++;
					buf_putc(label, *v == '\'' ? '"' : *v == 'n' ? '\n' : '^');
				} else {
					buf_putc(label, *v);
				}
			}
			buf_add(label, "", 0);
		} else {
			buf_add(rest, start, (size_t)(p - start));
		}
	}
}

/* A field: NAME;TYPE=...;params:value, with its label as itemN.X-ABLabel. */
static void vcard_field(struct buf *out, struct buf *line, const struct field *f, int version,
                        int *group)
{
	static const char *const names[] = {"EMAIL", "TEL", "URL", "ADR"};
	const char *semi = strchr(f->type, ';');
	size_t tlen = semi != NULL ? (size_t)(semi - f->type) : strlen(f->type);
	struct buf types, rest, label;
	buf_init(&types);
	buf_init(&rest);
	buf_init(&label);
	buf_add(&types, f->type, tlen);
	buf_add(&types, "", 0);
	vcard_split_params(semi != NULL ? semi : "", &rest, &label);
	if (label.data != NULL)
		buf_printf(line, "item%d.", ++*group);
	buf_puts(line, names[f->kind]);
	/* PREF: a type in 3.0, a parameter in 4.0 */
	struct strv tv;
	strv_init(&tv);
	strv_split(&tv, buf_str(&types), ',');
	int pref = 0;
	struct buf kept;
	buf_init(&kept);
	for (size_t i = 0; i < tv.n; i++) {
		if (version >= 4 && strcmp(tv.v[i], "pref") == 0) {
			pref = 1;
			continue;
		}
		buf_printf(&kept, "%s%s", kept.len > 0 ? "," : "", tv.v[i]);
	}
	strv_free(&tv);
	const char *r = buf_str(&rest);
	if (kept.len > 0)
		buf_printf(line, ";TYPE=%s", buf_str(&kept));
	if (pref && strstr(r, ";PREF=") == NULL && strstr(r, ";pref=") == NULL)
		buf_puts(line, ";PREF=1");
	buf_puts(line, r);
	buf_putc(line, ':');
	if (f->kind == FIELD_ADDRESS)
		buf_puts(line, f->value); /* kept in its structured, escaped form */
	else
		vcard_escape(line, f->value);
	vcard_flush(out, line);
	if (label.data != NULL) {
		buf_printf(line, "item%d.X-ABLabel:", *group);
		vcard_escape(line, buf_str(&label));
		vcard_flush(out, line);
	}
	buf_free(&kept);
	buf_free(&types);
	buf_free(&rest);
	buf_free(&label);
}

void vcard_n_derived(struct buf *line, const char *name)
{
	const char *sp = strrchr(name, ' ');
	buf_puts(line, "N:");
	if (sp != NULL) {
		vcard_escape(line, sp + 1);
		buf_putc(line, ';');
		vcard_escape_n(line, name, (size_t)(sp - name));
	} else {
		vcard_escape(line, name);
		buf_putc(line, ';');
	}
	buf_puts(line, ";;;");
}

/* N: the kept line (written with the others), else vcard_n_derived. */
static void vcard_n(struct buf *out, struct buf *line, const struct contact *c)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].kind == FIELD_VCARD && strcmp(c->fields[i].type, "N") == 0)
			return;
	vcard_n_derived(line, c->name);
	vcard_flush(out, line);
}

/* Appends at most n bytes of s (fewer when it ends before). */
static void vcard_add_upto(struct buf *line, const char *s, size_t n)
{
	buf_add(line, s, strnlen(s, n));
}

void vcard_bday_line(struct buf *line, const char *b, int version)
{
	if (b[0] == '-') { /* --MM-DD */
		buf_puts(line, version >= 4 ? "BDAY:--" : "BDAY;X-APPLE-OMIT-YEAR=1604:1604-");
		vcard_add_upto(line, b + 2, 2);
		if (version < 4)
			buf_putc(line, '-');
		vcard_add_upto(line, b + 5, 2);
	} else if (version >= 4) {
		buf_puts(line, "BDAY:");
		vcard_add_upto(line, b, 4);
		vcard_add_upto(line, b + 5, 2);
		vcard_add_upto(line, b + 8, 2);
	} else {
		buf_puts(line, "BDAY:");
		buf_puts(line, b);
	}
}

/* 1 when a kept BDAY line still says the contact's birthday (or the contact
 * has none kith could read): then it is written as it came. */
static int vcard_bday_current(const struct contact *c, const char *raw)
{
	struct vcard_prop p;
	if (vcard_parse_prop(raw, &p) != 0)
		return 0;
	struct vcard_params ps;
	vcard_params_read(&ps, p.params); /* the reader's meaning of X-APPLE-OMIT-YEAR */
	char *b = vcard_birthday(p.value, ps.omit_year);
	vcard_params_free(&ps);
	int same = b == NULL ? c->birthday[0] == '\0' : strcmp(b, c->birthday) == 0;
	free(b);
	vcard_prop_free(&p);
	return same;
}

static void vcard_bday(struct buf *out, struct buf *line, const struct contact *c, int version)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].kind == FIELD_VCARD && strcmp(c->fields[i].type, "BDAY") == 0 &&
		    vcard_bday_current(c, c->fields[i].value))
			return; /* written with the other kept lines */
	if (c->birthday[0] == '\0')
		return;
	vcard_bday_line(line, c->birthday, version);
	vcard_flush(out, line);
}

/* The properties whose value may be binary data, and the class of media
 * their 3.0 TYPE names ("JPEG": image/jpeg). */
static const char *vcard_binary_class(const char *name, size_t n)
{
	static const struct {
		const char *name, *media;
	} props[] = {{"PHOTO", "image"}, {"LOGO", "image"}, {"SOUND", "audio"}, {"KEY", "application"}};
	for (size_t i = 0; i < sizeof props / sizeof props[0]; i++)
		if (strlen(props[i].name) == n && strncasecmp(props[i].name, name, n) == 0)
			return props[i].media;
	return NULL;
}

/* Appends the n bytes of s with ASCII letters in upper (up) or lower case. */
static void vcard_add_case(struct buf *b, const char *s, size_t n, int up)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (up && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		else if (!up && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		buf_putc(b, c);
	}
}

int vcard_binary_name(const char *name)
{
	return vcard_binary_class(name, strlen(name)) != NULL;
}

/* 1 when the n bytes of s are a plain media type or its subtype (letters,
 * digits, . + - _ and at most one /), which both forms can say. */
static int vcard_media_plain(const char *s, size_t n)
{
	int slashes = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '/')
			slashes++;
		else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		           c == '.' || c == '+' || c == '-' || c == '_'))
			return 0;
	}
	return slashes <= 1;
}

void vcard_binary_line(struct buf *line, const char *kept, int version)
{
	const char *p = kept, *name = kept;
	while (*p != '\0' && *p != ';' && *p != ':') {
		if (*p == '.')
			name = p + 1; /* after a group */
		p++;
	}
	const char *name_end = p, *media = vcard_binary_class(name, (size_t)(p - name));
	struct buf rest, type;
	buf_init(&rest);
	buf_init(&type);
	int base64 = 0, types = 0;
	while (media != NULL && *p == ';') {
		const char *start = p;
		p = vcard_param_end(p, 1);
		const char *eq = memchr(start + 1, '=', (size_t)(p - start - 1));
		const char *v = eq != NULL ? eq + 1 : start + 1;
		size_t vn = (size_t)(p - v), kn = eq != NULL ? (size_t)(eq - start - 1) : 0;
		int b64 = (vn == 1 && (*v == 'b' || *v == 'B')) ||
		          (vn == 6 && strncasecmp(v, "BASE64", 6) == 0);
		if ((kn == 8 && strncasecmp(start + 1, "ENCODING", 8) == 0) || (kn == 0 && b64))
			base64 |= b64;
		else if ((kn == 4 && strncasecmp(start + 1, "TYPE", 4) == 0) || kn == 0)
			buf_add(&type, v, vn), types++; /* 2.1 names the type bare: PHOTO;JPEG */
		else if (!(kn == 5 && strncasecmp(start + 1, "VALUE", 5) == 0))
			buf_add(&rest, start, (size_t)(p - start));
	}
	const char *value = media != NULL && *p == ':' ? p + 1 : NULL;
	/* data:[MEDIA];base64,DATA */
	const char *comma = value != NULL && strncasecmp(value, "data:", 5) == 0 ? strchr(value, ',')
	                                                                          : NULL;
	int uri = comma != NULL && comma - value >= 12 && strncasecmp(comma - 7, ";base64", 7) == 0 &&
	          vcard_media_plain(value + 5, (size_t)(comma - 7 - value - 5));
	buf_add(line, kept, (size_t)(name_end - kept));
	if (value != NULL && version >= 4 && base64 && types <= 1 &&
	    vcard_media_plain(type.data, type.len)) {
		buf_add(line, rest.data, rest.len);
		buf_puts(line, ":data:");
		if (type.len > 0 && memchr(type.data, '/', type.len) == NULL)
			buf_printf(line, "%s/", media);
		vcard_add_case(line, type.data, type.len, 0);
		buf_puts(line, ";base64,");
		buf_puts(line, value);
	} else if (value != NULL && version < 4 && uri && !base64) {
		/* the type of the property's own class is said without it */
		const char *t = value + 5, *end = comma - 7;
		size_t cn = strlen(media);
		if ((size_t)(end - t) > cn && strncasecmp(t, media, cn) == 0 && t[cn] == '/')
			t += cn + 1;
		buf_puts(line, ";ENCODING=b");
		if (end > t) {
			buf_puts(line, ";TYPE=");
			vcard_add_case(line, t, (size_t)(end - t), 1);
		}
		buf_add(line, rest.data, rest.len);
		buf_putc(line, ':');
		buf_puts(line, comma + 1);
	} else {
		buf_puts(line, name_end);
	}
	buf_free(&rest);
	buf_free(&type);
}

void vcard_write(struct buf *out, const struct contact *c, int version)
{
	struct buf line;
	buf_init(&line);
	int group = 0;
	buf_puts(out, "BEGIN:VCARD\r\n");
	buf_puts(out, version >= 4 ? "VERSION:4.0\r\n" : "VERSION:3.0\r\n");
	vcard_text_prop(out, &line, "UID", import_contact_uid(c));
	vcard_text_prop(out, &line, "FN", c->name);
	vcard_n(out, &line, c);
	vcard_text_prop(out, &line, "ORG", c->org);
	vcard_text_prop(out, &line, "TITLE", c->role);
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].kind != FIELD_VCARD)
			vcard_field(out, &line, &c->fields[i], version, &group);
	vcard_bday(out, &line, c, version);
	vcard_text_prop(out, &line, "NOTE", c->notes);
	if (c->tags.n > 0) {
		buf_puts(&line, "CATEGORIES:");
		for (size_t i = 0; i < c->tags.n; i++) {
			if (i > 0)
				buf_putc(&line, ',');
			vcard_escape(&line, c->tags.v[i]);
		}
		vcard_flush(out, &line);
	}
	for (size_t i = 0; i < c->nfields; i++) {
		const struct field *f = &c->fields[i];
		if (f->kind != FIELD_VCARD || strcmp(f->type, "UID") == 0)
			continue;
		if (strcmp(f->type, "BDAY") == 0 && !vcard_bday_current(c, f->value))
			continue;
		vcard_binary_line(&line, f->value, version);
		vcard_flush(out, &line);
	}
	vcard_text_prop(out, &line, "X-KITH-CIRCLE", model_circle_name(c->circle));
	vcard_text_prop(out, &line, "X-KITH-KIND", model_ckind_name(c->kind));
	if (c->cadence_days >= 0)
		buf_printf(&line, "X-KITH-CADENCE:%d", c->cadence_days), vcard_flush(out, &line);
	vcard_text_prop(out, &line, "X-KITH-MET", c->met);
	buf_puts(out, "END:VCARD\r\n");
	buf_free(&line);
}
