/* vcard.c: the vCard reader (2.1, 3.0, 4.0), streaming one card at a time
 * into import records, and the mapping of a card's properties onto a contact
 * (vcard.h says where each goes). Depends on import, charset, model, buf. */
#include "vcard.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "model.h"
#include "utf8.h"
#include "vcard_int.h"


void vcard_reader_init(struct vcard_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	charset_stream_init(&r->cs, f);
	buf_init(&r->look);
	buf_init(&r->logical);
}

void vcard_prop_free(struct vcard_prop *p)
{
	free(p->raw); /* the block of all its strings (vcard_parse_prop) */
	memset(p, 0, sizeof *p);
}

static void vcard_props_clear(struct vcard_reader *r)
{
	for (size_t i = 0; i < r->nprops; i++)
		vcard_prop_free(&r->props[i]);
	r->nprops = 0;
}

void vcard_reader_free(struct vcard_reader *r)
{
	vcard_props_clear(r);
	free(r->props);
	free(r->in);
	buf_free(&r->look);
	buf_free(&r->logical);
	memset(r, 0, sizeof *r);
}

int vcard_rewind(void *self, char **cause)
{
	struct vcard_reader *r = self;
	if (charset_stream_rewind(&r->cs, cause) != 0)
		return -1;
	vcard_props_clear(r);
	buf_reset(&r->look);
	buf_reset(&r->logical);
	r->in_at = r->in_len = r->in_lf = 0;
	r->after_cr = 0;
	r->line = 0;
	r->have_look = r->eof = 0;
	r->photos_dropped = r->cards = 0;
	return 0;
}

/* The bytes read ahead: 1 when in_at has one, else reads the next chunk; 0
 * at the end of the file, -1 when it cannot be read. */
static int vcard_fill(struct vcard_reader *r, char **cause)
{
	if (r->in_at < r->in_len)
		return 1;
	if (r->in == NULL)
		r->in = xmalloc(VCARD_CHUNK);
	r->in_at = 0;
	r->in_len = charset_stream_read(&r->cs, r->in, VCARD_CHUNK);
	const char *lf = memchr(r->in, '\n', r->in_len);
	r->in_lf = lf != NULL ? (size_t)(lf - r->in) : r->in_len;
	if (r->in_len == 0 && ferror(r->cs.f))
		return err_set(cause, "line %ld: cannot read: %s", r->line + 1, strerror(errno));
	return r->in_len > 0;
}

/* Reads one physical line into b (without its end): CR, LF, CRLF and runs of
 * CR before an LF (iOS writes CR CR LF) all end a line. 1, 0 at the end of
 * the file, -1 when the line is too long or the file cannot be read. Runs of
 * bytes up to a line end are copied whole. */
static int vcard_read_phys(struct vcard_reader *r, struct buf *b, char **cause)
{
	buf_reset(b);
	buf_add(b, "", 0);
	int rc;
	/* the rest of the last line's end: more CRs, then one LF */
	while (r->after_cr && (rc = vcard_fill(r, cause)) == 1) {
		char c = r->in[r->in_at];
		if (c == '\r' || c == '\n')
			r->in_at++;
		if (c != '\r')
			r->after_cr = 0;
	}
	int any = 0;
	while ((rc = vcard_fill(r, cause)) == 1) {
		any = 1;
		if (r->in_lf < r->in_at) {
			const char *lf = memchr(r->in + r->in_at, '\n', r->in_len - r->in_at);
			r->in_lf = lf != NULL ? (size_t)(lf - r->in) : r->in_len;
		}
		const char *p = r->in + r->in_at;
		const char *cr = memchr(p, '\r', r->in_lf - r->in_at);
		size_t n = cr != NULL ? (size_t)(cr - p) : r->in_lf - r->in_at;
		if (b->len + n > VCARD_LINE_MAX)
			return err_set(cause, "line %ld: a line longer than %d MB", r->line + 1,
			               VCARD_LINE_MAX >> 20);
		buf_add(b, p, n);
		r->in_at += n;
		if (r->in_at == r->in_len)
			continue; /* the line goes on in the next chunk */
		r->after_cr = r->in[r->in_at] == '\r';
		r->in_at++;
		break;
	}
	if (rc < 0)
		return -1;
	if (!any)
		return 0;
	r->line++;
	return 1;
}

/* The next physical line into r->look (read ahead); 1, 0 at the end, -1. */
static int vcard_peek(struct vcard_reader *r, char **cause)
{
	if (r->have_look)
		return 1;
	if (r->eof)
		return 0;
	int rc = vcard_read_phys(r, &r->look, cause);
	if (rc == 0)
		r->eof = 1;
	if (rc == 1) {
		r->have_look = 1;
		r->look_line = r->line;
	}
	return rc;
}

/* The end of the name and parameters of a line: its first ':' outside quotes
 * (NULL when none). */
static const char *vcard_colon(const char *s)
{
	int q = 0;
	for (; *s != '\0'; s++) {
		if (*s == '"')
			q = !q;
		else if (*s == ':' && !q)
			return s;
	}
	return NULL;
}

/* 1 when the line's parameters say QUOTED-PRINTABLE, read as the value's
 * decoder reads them (a parameter that merely contains the word does not). */
static int vcard_is_qp(const char *line)
{
	const char *colon = vcard_colon(line);
	if (colon == NULL || !vcard_has_word(line, (size_t)(colon - line), "QUOTED-PRINTABLE"))
		return 0;
	const char *semi = memchr(line, ';', (size_t)(colon - line));
	if (semi == NULL)
		return 0;
	char *params = xstrndup(semi, (size_t)(colon - semi));
	int qp = vcard_params_say_qp(params);
	free(params);
	return qp;
}

/* The next logical line into r->logical: folds (a line starting with a space
 * or TAB continues the one before) and QUOTED-PRINTABLE soft breaks (a QP line
 * ending in '=' goes on with the next line, whatever it starts with) undone.
 * Blank lines are skipped. *at is its first line. 1, 0 at the end, -1. */
static int vcard_logical(struct vcard_reader *r, long *at, char **cause)
{
	int rc;
	for (;;) {
		if ((rc = vcard_peek(r, cause)) != 1)
			return rc;
		r->have_look = 0;
		if (r->look.len > 0)
			break;
	}
	buf_reset(&r->logical);
	buf_add(&r->logical, r->look.data, r->look.len);
	*at = r->look_line;
	int qp = vcard_is_qp(buf_str(&r->logical));
	for (;;) {
		if (qp && r->logical.len > 0 && r->logical.data[r->logical.len - 1] == '=') {
			/* a soft break: the next line goes on, even when it is empty */
			if ((rc = vcard_peek(r, cause)) < 0)
				return -1;
			if (rc == 0)
				break;
			r->logical.data[--r->logical.len] = '\0';
			r->have_look = 0;
			const char *p = r->look.data;
			size_t n = r->look.len;
			/* a writer that also folds: drop the fold's space before an escape */
			if (n > 0 && (p[0] == ' ' || p[0] == '\t') && n > 1 && p[1] == '=') {
				p++;
				n--;
			}
			buf_add(&r->logical, p, n);
			if (n == 0)
				break;
			continue;
		}
		if ((rc = vcard_peek(r, cause)) < 0)
			return -1;
		if (rc == 0 || r->look.len == 0 || (r->look.data[0] != ' ' && r->look.data[0] != '\t'))
			break;
		r->have_look = 0;
		if (r->logical.len + r->look.len > VCARD_LINE_MAX)
			return err_set(cause, "line %ld: a line longer than %d MB", r->look_line,
			               VCARD_LINE_MAX >> 20);
		buf_add(&r->logical, r->look.data + 1, r->look.len - 1);
		if (!qp)
			qp = vcard_is_qp(buf_str(&r->logical));
	}
	return 1;
}

/* Splits a logical line into a property; 0, or 1 when it is no property (no
 * ':' or a name with other characters than letters, digits and '-'). */
int vcard_parse_prop(const char *line, struct vcard_prop *p)
{
	const char *colon = vcard_colon(line);
	if (colon == NULL)
		return 1;
	size_t i = 0, head = (size_t)(colon - line);
	size_t name_start = 0, dot = (size_t)-1;
	while (i < head && line[i] != ';') {
		char c = line[i];
		if (c == '.' && dot == (size_t)-1) {
			dot = i;
			name_start = i + 1;
		} else if (!isalnum((unsigned char)c) && c != '-' && c != '_') {
			return 1;
		}
		i++;
	}
	if (i == name_start)
		return 1;
	/* one block: the line (the value is its end), then the group, the name
	 * in upper case and the parameters, each ended by a NUL */
	size_t len = strlen(line), ngroup = dot == (size_t)-1 ? 0 : dot;
	size_t nname = i - name_start, nparams = head - i;
	char *block = xmalloc(len + ngroup + nname + nparams + 4);
	memset(p, 0, sizeof *p);
	p->raw = block;
	memcpy(p->raw, line, len + 1);
	p->value = p->raw + head + 1;
	p->group = p->raw + len + 1;
	memcpy(p->group, line, ngroup);
	p->group[ngroup] = '\0';
	p->name = p->group + ngroup + 1;
	for (size_t k = 0; k < nname; k++)
		p->name[k] = (char)toupper((unsigned char)line[name_start + k]);
	p->name[nname] = '\0';
	p->params = p->name + nname + 1;
	memcpy(p->params, line + i, nparams);
	p->params[nparams] = '\0';
	return 0;
}


/* ---- a card to a record ---- */

/* 1 when a BDAY line says the birthday b as kith would write it. */
static int vcard_bday_plain(const char *raw, const char *b)
{
	int same = 0;
	for (int version = 3; version <= 5 && !same; version++) {
		struct buf line;
		buf_init(&line);
		if (version == 5)
			buf_printf(&line, "BDAY:%s", b);
		else
			vcard_bday_line(&line, b, version);
		same = strcasecmp(buf_str(&line), raw) == 0;
		buf_free(&line);
	}
	return same;
}

/* The label of group `group` (its X-ABLabel), NULL when none; marks it used. */
static struct vcard_prop *vcard_group_label(struct vcard_reader *r, const char *group)
{
	if (group[0] == '\0')
		return NULL;
	for (size_t i = 0; i < r->nprops; i++)
		if (strcasecmp(r->props[i].group, group) == 0 &&
		    strcmp(r->props[i].name, "X-ABLABEL") == 0)
			return &r->props[i];
	return NULL;
}

/* ";X-ABLABEL="..."" with RFC 6868 escapes for the quote and caret. */
static void vcard_label_param(struct buf *b, const char *label)
{
	buf_puts(b, ";X-ABLABEL=\"");
	for (const char *p = label; *p != '\0'; p++) {
		if (*p == '"')
			buf_puts(b, "^'");
		else if (*p == '^')
			buf_puts(b, "^^");
		else if (*p == '\n')
			buf_puts(b, "^n");
		else
			buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

/* s with its line breaks (CR LF, CR, LF) as the escape \\n. Caller frees. */
static char *vcard_escape_breaks(const char *s)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (; *s != '\0'; s++) {
		if (*s == '\r' || *s == '\n') {
			buf_puts(&b, "\\n");
			if (*s == '\r' && s[1] == '\n')
				s++;
		} else {
			buf_putc(&b, *s);
		}
	}
	return buf_detach(&b);
}

static void vcard_take_field(struct vcard_reader *r, struct import_record *rec,
                             struct vcard_prop *p, enum field_kind k,
                             const struct vcard_params *ps)
{
	char *dec = vcard_decode(p->value, ps);
	char *v = k == FIELD_ADDRESS ? vcard_escape_breaks(dec) : vcard_unescape(dec, 0, NULL);
	free(dec);
	vcard_trim(v);
	if (v[0] == '\0') {
		free(v);
		return;
	}
	struct buf type;
	buf_init(&type);
	buf_puts(&type, buf_str(&ps->types));
	buf_puts(&type, buf_str(&ps->others));
	struct vcard_prop *label = vcard_group_label(r, p->group);
	if (label != NULL) {
		struct vcard_params lp;
		vcard_params_read(&lp, label->params);
		char *ld = vcard_decode(label->value, &lp);
		char *l = vcard_unescape(ld, 0, NULL);
		vcard_label_param(&type, l);
		free(ld);
		free(l);
		vcard_params_free(&lp);
		label->used = 1;
	}
	contact_add_field(&rec->c, k, buf_str(&type), v);
	buf_free(&type);
	free(v);
}

/* Keeps p's whole line as a field of kind vcard; a line in QUOTED-PRINTABLE
 * or another charset is kept decoded, in UTF-8, without those parameters. */
static void vcard_keep(struct vcard_reader *r, struct import_record *rec, struct vcard_prop *p)
{
	if (strcmp(p->name, "PHOTO") == 0 && strlen(p->raw) > VCARD_PHOTO_CAP) {
		r->photos_dropped++;
		return;
	}
	struct vcard_params ps;
	vcard_params_read(&ps, p->params);
	if (!ps.qp && !ps.has_charset) {
		contact_add_field(&rec->c, FIELD_VCARD, p->name, p->raw);
	} else {
		char *dec = vcard_decode(p->value, &ps);
		struct buf line;
		buf_init(&line);
		if (p->group[0] != '\0')
			buf_printf(&line, "%s.", p->group);
		buf_puts(&line, p->name);
		if (ps.types.len > 0)
			buf_printf(&line, ";TYPE=%s", buf_str(&ps.types));
		char *esc = vcard_escape_breaks(dec);
		buf_printf(&line, "%s:%s", buf_str(&ps.others), esc);
		free(esc);
		contact_add_field(&rec->c, FIELD_VCARD, p->name, buf_str(&line));
		buf_free(&line);
		free(dec);
	}
	vcard_params_free(&ps);
}

static void vcard_take_n(struct import_record *rec, const char *dec, char **n_name)
{
	char *part[5] = {NULL, NULL, NULL, NULL, NULL};
	const char *s = dec;
	for (int i = 0; i < 5 && s != NULL; i++)
		part[i] = vcard_trim(vcard_unescape(s, ';', &s));
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	if (part[1] != NULL && part[1][0] != '\0')
		buf_puts(&b, part[1]);
	if (part[0] != NULL && part[0][0] != '\0') {
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, part[0]);
	}
	for (int i = 0; i < 5; i++)
		free(part[i]);
	if (*n_name == NULL && b.len > 0)
		*n_name = buf_detach(&b);
	buf_free(&b);
	(void)rec;
}

static void vcard_take_list(struct buf *joined, const char *dec, char sep, const char *with)
{
	const char *s = dec;
	while (s != NULL) {
		char *part = vcard_trim(vcard_unescape(s, sep, &s));
		if (part[0] != '\0') {
			if (joined->len > 0)
				buf_puts(joined, with);
			buf_puts(joined, part);
		}
		free(part);
	}
}

static void vcard_take_tags(struct import_record *rec, const char *dec)
{
	const char *s = dec;
	while (s != NULL) {
		char *tag = vcard_trim(vcard_unescape(s, ',', &s));
		if (tag[0] != '\0')
			contact_add_tag(&rec->c, tag);
		free(tag);
	}
}

/* What kith adds: X-KITH-CIRCLE, X-KITH-KIND, X-KITH-CADENCE, X-KITH-MET. 1 when p is one. */
static int vcard_take_kith(struct import_record *rec, const struct vcard_prop *p, const char *text)
{
	if (strcmp(p->name, "X-KITH-CIRCLE") == 0) {
		enum circle c;
		if (model_circle_parse(text, &c) == 0) {
			rec->c.circle = c;
			rec->has_circle = 1;
			return 1;
		}
	} else if (strcmp(p->name, "X-KITH-KIND") == 0) {
		enum contact_kind k;
		if (model_ckind_parse(text, &k) == 0) {
			rec->c.kind = k;
			rec->has_kind = 1;
			return 1;
		}
	} else if (strcmp(p->name, "X-KITH-CADENCE") == 0) {
		char *end;
		long d = strtol(text, &end, 10);
		if (end != text && *end == '\0' && d >= -1 && d <= 36500) {
			rec->c.cadence_days = (int)d;
			rec->has_cadence = 1;
			return 1;
		}
	} else if (strcmp(p->name, "X-KITH-MET") == 0) {
		vcard_set(&rec->c.met, xstrdup(text));
		return 1;
	}
	return 0;
}

static int vcard_is_n_line(const struct field *f, const void *line)
{
	return f->kind == FIELD_VCARD && strcmp(f->type, "N") == 0 && strcmp(f->value, line) == 0;
}

/* Drops a kept N line that says no more than the name (what kith writes for
 * a contact without one), so that a card kith wrote comes back the same. */
static void vcard_drop_plain_n(struct import_record *rec)
{
	struct buf plain;
	buf_init(&plain);
	vcard_n_derived(&plain, rec->c.name);
	contact_drop_fields(&rec->c, vcard_is_n_line, buf_str(&plain));
	buf_free(&plain);
}

static void vcard_card_to_record(struct vcard_reader *r, struct import_record *rec)
{
	char *fn = NULL, *n_name = NULL;
	struct buf notes, org;
	buf_init(&notes);
	buf_init(&org);
	for (size_t i = 0; i < r->nprops; i++) {
		struct vcard_prop *p = &r->props[i];
		if (p->used)
			continue;
		const char *nm = p->name;
		if (strcmp(nm, "VERSION") == 0 || strcmp(nm, "BEGIN") == 0 || strcmp(nm, "END") == 0)
			continue;
		if (strcmp(nm, "X-ABLABEL") == 0)
			continue; /* kept with its group's field below, else verbatim */
		struct vcard_params ps;
		vcard_params_read(&ps, p->params);
		char *dec = vcard_decode(p->value, &ps);
		if (strcmp(nm, "EMAIL") == 0) {
			vcard_take_field(r, rec, p, FIELD_EMAIL, &ps);
		} else if (strcmp(nm, "TEL") == 0) {
			vcard_take_field(r, rec, p, FIELD_PHONE, &ps);
		} else if (strcmp(nm, "URL") == 0) {
			vcard_take_field(r, rec, p, FIELD_URL, &ps);
		} else if (strcmp(nm, "ADR") == 0) {
			vcard_take_field(r, rec, p, FIELD_ADDRESS, &ps);
		} else if (strcmp(nm, "FN") == 0 && fn == NULL) {
			char *v = vcard_trim(vcard_unescape(dec, 0, NULL));
			if (v[0] != '\0')
				fn = v;
			else
				free(v);
		} else if (strcmp(nm, "N") == 0) {
			vcard_take_n(rec, dec, &n_name);
			vcard_keep(r, rec, p);
		} else if (strcmp(nm, "ORG") == 0 && org.len == 0) {
			vcard_take_list(&org, dec, ';', ", ");
		} else if (strcmp(nm, "TITLE") == 0 && rec->c.role[0] == '\0') {
			vcard_set(&rec->c.role, vcard_trim(vcard_unescape(dec, 0, NULL)));
		} else if (strcmp(nm, "NOTE") == 0) {
			char *v = vcard_trim(vcard_unescape(dec, 0, NULL));
			if (v[0] != '\0') {
				if (notes.len > 0)
					buf_putc(&notes, '\n');
				buf_puts(&notes, v);
			}
			free(v);
		} else if (strcmp(nm, "CATEGORIES") == 0) {
			vcard_take_tags(rec, dec);
		} else if (strcmp(nm, "UID") == 0 && rec->uid == NULL) {
			char *v = vcard_trim(vcard_unescape(dec, 0, NULL));
			if (v[0] != '\0')
				rec->uid = v;
			else
				free(v);
		} else if (strcmp(nm, "BDAY") == 0) {
			char *b = vcard_birthday(vcard_trim(dec), ps.omit_year);
			int first = rec->c.birthday[0] == '\0';
			int plain = b != NULL && vcard_bday_plain(p->raw, b);
			/* the line too when kith's forms do not say all it says; a
			 * second BDAY that repeats the first goes */
			if (!plain || (!first && strcmp(b, rec->c.birthday) != 0))
				vcard_keep(r, rec, p);
			if (first && b != NULL)
				vcard_set(&rec->c.birthday, b);
			else
				free(b);
		} else {
			char *v = vcard_trim(vcard_unescape(dec, 0, NULL));
			if (strncmp(nm, "X-KITH-", 7) != 0 || !vcard_take_kith(rec, p, v))
				vcard_keep(r, rec, p);
			free(v);
		}
		free(dec);
		vcard_params_free(&ps);
	}
	/* labels whose group had no field kith reads */
	for (size_t i = 0; i < r->nprops; i++)
		if (strcmp(r->props[i].name, "X-ABLABEL") == 0 && !r->props[i].used)
			vcard_keep(r, rec, &r->props[i]);
	if (fn != NULL)
		vcard_set(&rec->c.name, fn);
	else if (n_name != NULL)
		vcard_set(&rec->c.name, n_name), n_name = NULL;
	free(n_name);
	vcard_drop_plain_n(rec);
	if (org.len > 0)
		vcard_set(&rec->c.org, buf_detach(&org));
	if (notes.len > 0)
		vcard_set(&rec->c.notes, buf_detach(&notes));
	buf_free(&org);
	buf_free(&notes);
}

static int vcard_is(const char *line, const char *what)
{
	/* "BEGIN:VCARD", any case, blanks after */
	size_t n = strlen(what);
	if (strncasecmp(line, what, n) != 0)
		return 0;
	for (line += n; *line != '\0'; line++)
		if (*line != ' ' && *line != '\t')
			return 0;
	return 1;
}

int vcard_next(void *self, struct import_record *rec, char **cause)
{
	struct vcard_reader *r = self;
	long at = 0, begin = 0;
	int rc;
	vcard_props_clear(r);
	/* outside a card: blank lines only, then BEGIN:VCARD */
	for (;;) {
		if ((rc = vcard_logical(r, &at, cause)) != 1)
			return rc;
		if (vcard_is(buf_str(&r->logical), "BEGIN:VCARD"))
			break;
		return err_set(cause, "line %ld: %s outside a card (BEGIN:VCARD missing)", at,
		               vcard_is(buf_str(&r->logical), "END:VCARD") ? "END:VCARD"
		                                                          : "content");
	}
	begin = at;
	for (;;) {
		if ((rc = vcard_logical(r, &at, cause)) < 0)
			return -1;
		if (rc == 0)
			return err_set(cause, "line %ld: the card begun here has no END:VCARD", begin);
		const char *line = buf_str(&r->logical);
		if (vcard_is(line, "END:VCARD"))
			break;
		if (vcard_is(line, "BEGIN:VCARD"))
			return err_set(cause, "line %ld: the card begun at line %ld has no END:VCARD",
			               at, begin);
		if (r->nprops == r->capprops) {
			r->capprops = r->capprops ? r->capprops * 2 : 16;
			r->props = xreallocarray(r->props, r->capprops, sizeof *r->props);
		}
		if (vcard_parse_prop(line, &r->props[r->nprops]) == 0) {
			r->props[r->nprops].line = at;
			r->nprops++;
		}
	}
	r->cards++;
	rec->line = begin;
	vcard_card_to_record(r, rec);
	vcard_props_clear(r);
	return 1;
}

struct import_reader vcard_import_reader(struct vcard_reader *r)
{
	struct import_reader ir = {vcard_next, vcard_rewind, r};
	return ir;
}
