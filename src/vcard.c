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


/* What the reader keeps from card to card: the blocks of the card's
 * properties, and the buffers its values are decoded and unescaped in. A
 * buffer grown past VCARD_KEEP by one card is let go after it. */
struct vcard_scratch {
	struct buf card;               /* the blocks of the card's properties */
	struct vcard_params ps, lps;   /* a property's parameters, its label's */
	struct buf dec, text, cstr;    /* a value decoded, unescaped, made a string */
	struct buf ldec, ltext;        /* a label decoded, unescaped */
	struct buf kdec, line;         /* a line kept decoded, and written again */
	struct buf part, part2, type;  /* parts of a list; a field's type */
	struct buf plain;              /* the N line kith writes for the card's name */
	int have_plain;
};
#define VCARD_KEEP (64 * 1024)

void vcard_reader_init(struct vcard_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	charset_stream_init(&r->cs, f);
	buf_init(&r->look);
	buf_init(&r->logical);
}

/* Lets go of the buffers of s (all: every one) that hold more than
 * VCARD_KEEP, and empties the others. */
static void vcard_scratch_let_go(struct vcard_scratch *s, int all)
{
	struct buf *b[] = {&s->card,  &s->dec,   &s->text,     &s->cstr,       &s->ldec,
	                   &s->ltext, &s->kdec,  &s->line,     &s->part,       &s->part2,
	                   &s->type,  &s->plain, &s->ps.types, &s->ps.others, &s->lps.types,
	                   &s->lps.others};
	for (size_t i = 0; i < sizeof b / sizeof *b; i++) {
		if (all || b[i]->cap > VCARD_KEEP)
			buf_free(b[i]);
		else
			buf_reset(b[i]);
	}
	s->have_plain = 0;
}

static struct vcard_scratch *vcard_scratch(struct vcard_reader *r)
{
	if (r->scratch == NULL) {
		r->scratch = xcalloc(1, sizeof *r->scratch);
		vcard_params_read(&r->scratch->ps, "");
		vcard_params_read(&r->scratch->lps, "");
	}
	return r->scratch;
}

/* Forgets the card read: nothing of it stays for the next one, and no
 * buffer keeps more than VCARD_KEEP of its memory. */
static void vcard_props_clear(struct vcard_reader *r)
{
	r->nprops = 0;
	if (r->scratch != NULL)
		vcard_scratch_let_go(r->scratch, 0);
}

void vcard_reader_free(struct vcard_reader *r)
{
	if (r->scratch != NULL) {
		vcard_scratch_let_go(r->scratch, 1);
		vcard_params_free(&r->scratch->ps);
		vcard_params_free(&r->scratch->lps);
		free(r->scratch);
	}
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
	if (b->data != NULL)
		buf_reset(b);
	else
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

/* 1 when the line's parameters say QUOTED-PRINTABLE, read as the value's
 * decoder reads them (a parameter that merely contains the word does not).
 * The head ends at the first ':' outside quotes; without a ';' before it
 * the line has no parameters. */
static int vcard_is_qp(const char *line)
{
	/* most lines: a ':' before any ';' or quote */
	const char *s = line + strcspn(line, ":;\"");
	if (*s != ';' && *s != '"')
		return 0;
	const char *semi = NULL;
	int q = 0;
	for (; *s != '\0'; s++) {
		if (*s == '"')
			q = !q;
		else if (*s == ':' && !q)
			break;
		else if (*s == ';' && semi == NULL)
			semi = s;
	}
	if (*s == '\0' || semi == NULL ||
	    !vcard_has_word(line, (size_t)(s - line), "QUOTED-PRINTABLE"))
		return 0;
	return vcard_params_say_qp(semi, (size_t)(s - semi));
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
	/* the line read ahead becomes the logical line: the buffers swap */
	struct buf line = r->logical;
	r->logical = r->look;
	r->look = line;
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


/* ---- a card to a record ---- */

/* The bytes of p's value. */
static size_t vcard_value_len(const struct vcard_prop *p)
{
	return p->len - p->head - 1;
}

/* The n bytes at v, in a NUL-terminated string inside which they lie, as a
 * string: v itself when the n bytes end it, else a copy in b. */
static const char *vcard_cstr(struct buf *b, const char *v, size_t n)
{
	if (v[n] == '\0')
		return v;
	buf_reset(b);
	buf_add(b, v, n);
	return b->data;
}

/* p's value decoded (its parameters read into s->ps), its escapes undone,
 * trimmed: a string in p or s, *len its length. */
static const char *vcard_text(struct vcard_scratch *s, const struct vcard_prop *p, size_t *len)
{
	size_t n;
	const char *d = vcard_decoded(&s->dec, p->value, vcard_value_len(p), &s->ps, &n);
	const char *t = vcard_unescaped(&s->text, d, n, &n);
	vcard_trim_span(&t, &n);
	*len = n;
	return vcard_cstr(&s->cstr, t, n);
}

/* The next part of a list (s, ended by sep) unescaped and trimmed into the
 * span *v, *n (in b); *s goes past it, NULL after the last. */
static void vcard_part(struct buf *b, const char **s, char sep, const char **v, size_t *n)
{
	buf_reset(b);
	vcard_unescape_add(b, *s, sep, s);
	*v = b->data;
	*n = b->len;
	vcard_trim_span(v, n);
}

/* 1 when a BDAY line says the birthday b as kith would write it. */
static int vcard_bday_plain(struct buf *line, const char *raw, const char *b)
{
	int same = 0;
	for (int version = 3; version <= 5 && !same; version++) {
		buf_reset(line);
		if (version == 5) {
			buf_puts(line, "BDAY:");
			buf_puts(line, b);
		} else {
			vcard_bday_line(line, b, version);
		}
		same = strcasecmp(buf_str(line), raw) == 0;
	}
	return same;
}

/* The label of group `group` (its X-ABLabel), NULL when none. */
static struct vcard_prop *vcard_group_label(struct vcard_reader *r, const char *group)
{
	if (group[0] == '\0')
		return NULL;
	for (size_t i = 0; i < r->nprops; i++)
		if (r->props[i].kind == VCARD_P_X_ABLABEL && strcasecmp(r->props[i].group, group) == 0)
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

/* Appends s with its line breaks (CR LF, CR, LF) as the escape \\n. */
static void vcard_breaks_add(struct buf *b, const char *s)
{
	buf_add(b, "", 0);
	for (; *s != '\0'; s++) {
		if (*s == '\r' || *s == '\n') {
			buf_puts(b, "\\n");
			if (*s == '\r' && s[1] == '\n')
				s++;
		} else {
			buf_putc(b, *s);
		}
	}
}

/* s (n bytes, NUL-terminated) with its line breaks escaped: s itself when it
 * has none, else b's text. */
static const char *vcard_breaks_escaped(struct buf *b, const char *s, size_t n, size_t *len)
{
	if (memchr(s, '\r', n) == NULL && memchr(s, '\n', n) == NULL) {
		*len = n;
		return s;
	}
	buf_reset(b);
	vcard_breaks_add(b, s);
	*len = b->len;
	return b->data;
}

static void vcard_take_field(struct vcard_reader *r, struct import_record *rec,
                             struct vcard_prop *p, enum field_kind k)
{
	struct vcard_scratch *s = r->scratch;
	size_t n;
	const char *v = vcard_decoded(&s->dec, p->value, vcard_value_len(p), &s->ps, &n);
	v = k == FIELD_ADDRESS ? vcard_breaks_escaped(&s->text, v, n, &n)
	                       : vcard_unescaped(&s->text, v, n, &n);
	vcard_trim_span(&v, &n);
	if (n == 0)
		return;
	v = vcard_cstr(&s->cstr, v, n);
	buf_reset(&s->type);
	buf_add(&s->type, s->ps.types.data, s->ps.types.len);
	buf_add(&s->type, s->ps.others.data, s->ps.others.len);
	struct vcard_prop *label = vcard_group_label(r, p->group);
	if (label != NULL) {
		size_t ln;
		vcard_params_reread(&s->lps, label->params);
		const char *l = vcard_decoded(&s->ldec, label->value, vcard_value_len(label), &s->lps, &ln);
		vcard_label_param(&s->type, vcard_unescaped(&s->ltext, l, ln, &ln));
		label->used = 1;
	}
	contact_add_field(&rec->c, k, buf_str(&s->type), v);
}

/* The N line kith writes for the card's name (set before the first call). */
static const char *vcard_plain_n(struct vcard_scratch *s, const struct import_record *rec)
{
	if (!s->have_plain) {
		buf_reset(&s->plain);
		vcard_n_derived(&s->plain, rec->c.name);
		s->have_plain = 1;
	}
	return buf_str(&s->plain);
}

/* Keeps p's whole line (its parameters in ps) as a field of kind vcard; a
 * line in QUOTED-PRINTABLE or another charset is kept decoded, in UTF-8,
 * without those parameters. An N line that says no more than the name (what
 * kith writes for a contact without one) goes, so that a card kith wrote
 * comes back the same. */
static void vcard_keep(struct vcard_reader *r, struct import_record *rec, struct vcard_prop *p,
                       const struct vcard_params *ps)
{
	struct vcard_scratch *s = r->scratch;
	if (p->kind == VCARD_P_PHOTO && p->len > VCARD_PHOTO_CAP) {
		r->photos_dropped++;
		return;
	}
	const char *line = p->raw;
	if (ps->qp || ps->has_charset) {
		size_t n;
		const char *dec = vcard_decoded(&s->kdec, p->value, vcard_value_len(p), ps, &n);
		buf_reset(&s->line);
		if (p->group[0] != '\0')
			buf_printf(&s->line, "%s.", p->group);
		buf_puts(&s->line, p->name);
		if (ps->types.len > 0)
			buf_printf(&s->line, ";TYPE=%s", buf_str(&ps->types));
		buf_add(&s->line, ps->others.data, ps->others.len);
		buf_putc(&s->line, ':');
		vcard_breaks_add(&s->line, dec);
		line = buf_str(&s->line);
	}
	if (p->kind == VCARD_P_N && strcmp(line, vcard_plain_n(s, rec)) == 0)
		return;
	struct buf data;
	buf_init(&data);
	if (vcard_binary_name(p->name)) {
		/* inline data kept as 4.0 says it, whatever the card's version */
		vcard_binary_line(&data, line, 4);
		line = buf_str(&data);
	}
	contact_add_field(&rec->c, FIELD_VCARD, p->name, line);
	buf_free(&data);
}

/* The name an N value gives, "given family", into b (empty when none). */
static void vcard_n_name(struct vcard_scratch *s, const char *dec, struct buf *b)
{
	const char *rest = dec, *family, *given = "";
	size_t nf, ng = 0;
	vcard_part(&s->part, &rest, ';', &family, &nf);
	if (rest != NULL)
		vcard_part(&s->part2, &rest, ';', &given, &ng);
	buf_reset(b);
	buf_add(b, given, ng);
	if (nf > 0) {
		if (b->len > 0)
			buf_putc(b, ' ');
		buf_add(b, family, nf);
	}
}

/* The card's name: its first FN that says one (*fn_at, else r->nprops),
 * else the first N that does. */
static void vcard_take_name(struct vcard_reader *r, struct import_record *rec, size_t *fn_at)
{
	struct vcard_scratch *s = r->scratch;
	size_t n;
	for (*fn_at = 0; *fn_at < r->nprops; (*fn_at)++) {
		struct vcard_prop *p = &r->props[*fn_at];
		if (p->kind != VCARD_P_FN)
			continue;
		vcard_params_reread(&s->ps, p->params);
		const char *v = vcard_text(s, p, &n);
		if (n > 0) {
			vcard_set(&rec->c.name, xstrndup(v, n));
			return;
		}
	}
	for (size_t i = 0; i < r->nprops; i++) {
		struct vcard_prop *p = &r->props[i];
		if (p->kind != VCARD_P_N)
			continue;
		vcard_params_reread(&s->ps, p->params);
		const char *d = vcard_decoded(&s->dec, p->value, vcard_value_len(p), &s->ps, &n);
		vcard_n_name(s, d, &s->line);
		if (s->line.len > 0) {
			vcard_set(&rec->c.name, xstrndup(s->line.data, s->line.len));
			return;
		}
	}
}

/* Joins the parts of list dec (ended by sep) that are not blank with `with`. */
static void vcard_take_list(struct vcard_scratch *s, struct buf *joined, const char *dec,
                            char sep, const char *with)
{
	const char *rest = dec, *v;
	size_t n;
	while (rest != NULL) {
		vcard_part(&s->part, &rest, sep, &v, &n);
		if (n > 0) {
			if (joined->len > 0)
				buf_puts(joined, with);
			buf_add(joined, v, n);
		}
	}
}

static void vcard_take_tags(struct vcard_scratch *s, struct import_record *rec, const char *dec)
{
	const char *rest = dec, *v;
	size_t n;
	while (rest != NULL) {
		vcard_part(&s->part, &rest, ',', &v, &n);
		if (n > 0)
			contact_add_tag(&rec->c, vcard_cstr(&s->cstr, v, n));
	}
}

/* What kith adds: X-KITH-CIRCLE, X-KITH-KIND, X-KITH-CADENCE, X-KITH-MET. 1
 * when p is one it can read. */
static int vcard_take_kith(struct import_record *rec, const struct vcard_prop *p, const char *text)
{
	if (p->kind == VCARD_P_KITH_CIRCLE) {
		enum circle c;
		if (model_circle_parse(text, &c) == 0) {
			rec->c.circle = c;
			rec->has_circle = 1;
			return 1;
		}
	} else if (p->kind == VCARD_P_KITH_KIND) {
		enum contact_kind k;
		if (model_ckind_parse(text, &k) == 0) {
			rec->c.kind = k;
			rec->has_kind = 1;
			return 1;
		}
	} else if (p->kind == VCARD_P_KITH_CADENCE) {
		char *end;
		long d = strtol(text, &end, 10);
		if (end != text && *end == '\0' && d >= -1 && d <= 36500) {
			rec->c.cadence_days = (int)d;
			rec->has_cadence = 1;
			return 1;
		}
	} else if (p->kind == VCARD_P_KITH_MET) {
		vcard_set(&rec->c.met, xstrdup(text));
		return 1;
	}
	return 0;
}

static void vcard_take_bday(struct vcard_reader *r, struct import_record *rec, struct vcard_prop *p)
{
	struct vcard_scratch *s = r->scratch;
	size_t n;
	const char *d = vcard_decoded(&s->dec, p->value, vcard_value_len(p), &s->ps, &n);
	vcard_trim_span(&d, &n);
	char *b = vcard_birthday(vcard_cstr(&s->cstr, d, n), s->ps.omit_year);
	int first = rec->c.birthday[0] == '\0';
	int plain = b != NULL && vcard_bday_plain(&s->line, p->raw, b);
	/* the line too when kith's forms do not say all it says; a second BDAY
	 * that repeats the first goes */
	if (!plain || (!first && strcmp(b, rec->c.birthday) != 0))
		vcard_keep(r, rec, p, &s->ps);
	if (first && b != NULL)
		vcard_set(&rec->c.birthday, b);
	else
		free(b);
}

/* One property of the card (its parameters in r's ps) onto rec; fn_at: the
 * FN that gave the name. Properties the name, org, notes or uid have already
 * come from are kept as they are. */
static void vcard_take_prop(struct vcard_reader *r, struct import_record *rec, size_t i,
                            size_t fn_at, struct buf *org, struct buf *notes)
{
	struct vcard_scratch *s = r->scratch;
	struct vcard_prop *p = &r->props[i];
	const char *v, *d;
	size_t n;
	switch (p->kind) {
	case VCARD_P_EMAIL:
	case VCARD_P_TEL:
	case VCARD_P_URL:
	case VCARD_P_ADR:
		vcard_take_field(r, rec, p,
		                 p->kind == VCARD_P_EMAIL ? FIELD_EMAIL
		                 : p->kind == VCARD_P_TEL ? FIELD_PHONE
		                 : p->kind == VCARD_P_URL ? FIELD_URL
		                                          : FIELD_ADDRESS);
		return;
	case VCARD_P_FN:
		/* the one before the name's had none; the name's is taken */
		if (fn_at < r->nprops && i > fn_at)
			vcard_keep(r, rec, p, &s->ps);
		return;
	case VCARD_P_N:
		vcard_keep(r, rec, p, &s->ps);
		return;
	case VCARD_P_ORG:
		if (org->len > 0)
			break;
		d = vcard_decoded(&s->dec, p->value, vcard_value_len(p), &s->ps, &n);
		vcard_take_list(s, org, d, ';', ", ");
		return;
	case VCARD_P_TITLE:
		if (rec->c.role[0] != '\0')
			break;
		v = vcard_text(s, p, &n);
		vcard_set(&rec->c.role, xstrndup(v, n));
		return;
	case VCARD_P_NOTE:
		v = vcard_text(s, p, &n);
		if (n > 0) {
			if (notes->len > 0)
				buf_putc(notes, '\n');
			buf_add(notes, v, n);
		}
		return;
	case VCARD_P_CATEGORIES:
		d = vcard_decoded(&s->dec, p->value, vcard_value_len(p), &s->ps, &n);
		vcard_take_tags(s, rec, d);
		return;
	case VCARD_P_UID:
		if (rec->uid != NULL)
			break;
		v = vcard_text(s, p, &n);
		if (n > 0)
			rec->uid = xstrndup(v, n);
		return;
	case VCARD_P_BDAY:
		vcard_take_bday(r, rec, p);
		return;
	case VCARD_P_KITH_CIRCLE:
	case VCARD_P_KITH_KIND:
	case VCARD_P_KITH_CADENCE:
	case VCARD_P_KITH_MET:
		v = vcard_text(s, p, &n);
		if (vcard_take_kith(rec, p, v))
			return;
		break;
	default:
		break;
	}
	vcard_keep(r, rec, p, &s->ps);
}

static void vcard_card_to_record(struct vcard_reader *r, struct import_record *rec)
{
	struct vcard_scratch *s = r->scratch;
	struct buf notes, org;
	buf_init(&notes);
	buf_init(&org);
	size_t fn_at;
	vcard_take_name(r, rec, &fn_at);
	for (size_t i = 0; i < r->nprops; i++) {
		struct vcard_prop *p = &r->props[i];
		if (p->used || p->kind == VCARD_P_VERSION || p->kind == VCARD_P_BEGIN ||
		    p->kind == VCARD_P_END)
			continue;
		if (p->kind == VCARD_P_X_ABLABEL)
			continue; /* kept with its group's field below, else verbatim */
		vcard_params_reread(&s->ps, p->params);
		vcard_take_prop(r, rec, i, fn_at, &org, &notes);
	}
	/* labels whose group had no field kith reads */
	for (size_t i = 0; i < r->nprops; i++) {
		struct vcard_prop *p = &r->props[i];
		if (p->kind == VCARD_P_X_ABLABEL && !p->used) {
			vcard_params_reread(&s->ps, p->params);
			vcard_keep(r, rec, p, &s->ps);
		}
	}
	if (org.len > 0)
		vcard_set(&rec->c.org, buf_detach(&org));
	if (notes.len > 0)
		vcard_set(&rec->c.notes, buf_detach(&notes));
	buf_free(&org);
	buf_free(&notes);
}

static int vcard_is(const char *line, const char *what)
{
	/* "BEGIN:VCARD", any case, blanks after; what is in upper case */
	if ((line[0] & ~32) != what[0])
		return 0;
	size_t n = strlen(what);
	if (strncasecmp(line, what, n) != 0)
		return 0;
	for (line += n; *line != '\0'; line++)
		if (*line != ' ' && *line != '\t')
			return 0;
	return 1;
}

/* Puts the logical line read, line `at`, in the card when it is a property. */
static void vcard_add_prop(struct vcard_reader *r, long at)
{
	struct vcard_scratch *s = vcard_scratch(r);
	const char *line = buf_str(&r->logical);
	if (r->nprops == r->capprops) {
		r->capprops = r->capprops ? r->capprops * 2 : 16;
		r->props = xreallocarray(r->props, r->capprops, sizeof *r->props);
	}
	struct vcard_prop *p = &r->props[r->nprops];
	if (vcard_prop_split(line, strlen(line), p) != 0)
		return;
	p->at = s->card.len;
	p->line = at;
	vcard_prop_fill(line, p, buf_extend(&s->card, vcard_prop_size(p)));
	r->nprops++;
}

int vcard_next(void *self, struct import_record *rec, char **cause)
{
	struct vcard_reader *r = self;
	long at = 0, begin = 0;
	int rc;
	r->nprops = 0; /* what a card left unfinished (vcard_props_clear after a whole one) */
	if (r->scratch != NULL)
		buf_reset(&r->scratch->card);
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
		vcard_add_prop(r, at);
	}
	/* the card's store moved as it grew: its strings are pointed at again */
	struct vcard_scratch *s = vcard_scratch(r);
	for (size_t i = 0; i < r->nprops; i++)
		vcard_prop_point(&r->props[i], s->card.data + r->props[i].at);
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
