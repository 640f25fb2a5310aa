/* vcard_int.h: what the vCard reader (vcard.c), the meaning of parameters and
 * values (vcard_value.c) and the writer (vcard_write.c) share: a content line
 * split into its parts, its parameters read, and the birthday forms. */
#ifndef KITH_VCARD_INT_H
#define KITH_VCARD_INT_H

#include <stddef.h>

#include "buf.h"
#include "charset.h"

/* The property names the reader maps (any case in the file), found once per
 * line by vcard_prop_kind; VCARD_P_OTHER for every other name. */
enum vcard_pkind {
	VCARD_P_OTHER,
	VCARD_P_BEGIN,
	VCARD_P_END,
	VCARD_P_VERSION,
	VCARD_P_FN,
	VCARD_P_N,
	VCARD_P_ORG,
	VCARD_P_TITLE,
	VCARD_P_NOTE,
	VCARD_P_CATEGORIES,
	VCARD_P_UID,
	VCARD_P_BDAY,
	VCARD_P_EMAIL,
	VCARD_P_TEL,
	VCARD_P_URL,
	VCARD_P_ADR,
	VCARD_P_PHOTO,
	VCARD_P_X_ABLABEL,
	VCARD_P_KITH_CIRCLE,
	VCARD_P_KITH_KIND,
	VCARD_P_KITH_CADENCE,
	VCARD_P_KITH_MET,
};

/* One content line. The strings live in one block: the line (whose end is
 * the value), then the group, the name and the parameters, each ended by a
 * NUL; the sizes say where each starts in it. */
struct vcard_prop {
	long line;
	char *raw;    /* the whole unfolded line */
	char *group;  /* "" when none */
	char *name;   /* upper case */
	char *params; /* the text between the name and the ':', from its first ';' ("" when none) */
	char *value;  /* the raw value (after ':'), not decoded */
	size_t len;    /* strlen(raw) */
	size_t head;   /* bytes before the value's ':' */
	size_t ngroup;  /* bytes of the group */
	size_t nstart, nname; /* where the name starts in raw, and its bytes */
	size_t at;     /* where the block starts in the reader's store of the card */
	enum vcard_pkind kind;
	int used;
};

/* Splits a logical line; 0 (p then owns one heap block that holds its
 * strings, freed by vcard_prop_free), or 1 when it is no property (no ':' or a name with other
 * characters than letters, digits, '-' and '_'). */
int vcard_parse_prop(const char *line, struct vcard_prop *p);
void vcard_prop_free(struct vcard_prop *p);
/* What vcard_parse_prop does in two steps, for a caller that keeps the
 * block itself: vcard_prop_split reads the len bytes of line (no NUL among
 * them) into p's sizes: 0, or 1 when it is no property; then the block,
 * vcard_prop_size(p) bytes, is filled by vcard_prop_fill, which points p's
 * strings into it (vcard_prop_point points them again when it moved). */
int vcard_prop_split(const char *line, size_t len, struct vcard_prop *p);
size_t vcard_prop_size(const struct vcard_prop *p);
void vcard_prop_fill(const char *line, struct vcard_prop *p, char *block);
void vcard_prop_point(struct vcard_prop *p, char *block);
/* The kind of the upper-case name of n bytes. */
enum vcard_pkind vcard_prop_kind(const char *name, size_t n);

/* The parameters of one property, read. */
struct vcard_params {
	int qp, b64;
	enum charset cs;
	int has_charset;
	char *charset_name; /* as written, when CHARSET= said one */
	struct buf types;  /* "work,voice" */
	struct buf others; /* ";PREF=1;VALUE=uri" */
	int omit_year;
};
/* Reads params (";TYPE=work,pref;CHARSET=..."); free with vcard_params_free. */
void vcard_params_read(struct vcard_params *ps, const char *params);
/* Reads params into ps, read before (by vcard_params_read), as
 * vcard_params_read does: nothing of what it held before stays but the
 * memory of its buffers. */
void vcard_params_reread(struct vcard_params *ps, const char *params);
/* 1 when the n bytes of params (";A=b;C") say QUOTED-PRINTABLE as
 * vcard_params_read reads them. */
int vcard_params_say_qp(const char *params, size_t n);
void vcard_params_free(struct vcard_params *ps);
/* Appends the n bytes of value v (no NUL among them) decoded to UTF-8
 * (QUOTED-PRINTABLE undone, the charset converted) to out. */
void vcard_decode_add(struct buf *out, const char *v, size_t n, const struct vcard_params *ps);
/* The n bytes of v decoded, as vcard_decode_add decodes them: v itself when
 * decoding leaves it as it is (no QUOTED-PRINTABLE, UTF-8 already), else
 * out's text (out reset first). *len is its length; it is NUL-terminated. */
const char *vcard_decoded(struct buf *out, const char *v, size_t n,
                          const struct vcard_params *ps, size_t *len);
/* Appends s (NUL-terminated) to out with text escapes undone; with sep,
 * stops at the first unescaped sep and sets *end after it (NULL at the end). */
void vcard_unescape_add(struct buf *out, const char *s, char sep, const char **end);
/* s (NUL-terminated, n bytes) with escapes undone, as vcard_unescape_add
 * does: s itself when it has none, else out's text (out reset first). *len is
 * its length; it is NUL-terminated. */
const char *vcard_unescaped(struct buf *out, const char *s, size_t n, size_t *len);
/* Narrows the n bytes at *s to them without ASCII blanks (space, TAB, CR,
 * LF) at both ends. */
void vcard_trim_span(const char **s, size_t *n);
/* s trimmed of ASCII blanks at both ends, in place; returns s. */
char *vcard_trim(char *s);
/* Frees *slot and puts v (taken) in its place. */
void vcard_set(char **slot, char *v);
/* 1 when word occurs in s[0, n), ASCII case ignored. */
int vcard_has_word(const char *s, size_t n, const char *word);
/* A BDAY value in kith's form, YYYY-MM-DD or --MM-DD (year 1604, or
 * omit_year, mean no year); NULL when it is no date. Caller frees. */
char *vcard_birthday(const char *v, int omit_year);

/* Appends the N line kith writes for a name without one: "N:family;given;;;",
 * the family name being the name's last word. */
struct buf;
void vcard_n_derived(struct buf *line, const char *name);

/* Appends the BDAY line kith writes for a birthday (YYYY-MM-DD or --MM-DD)
 * in vCard `version` (3 or 4). */
void vcard_bday_line(struct buf *line, const char *birthday, int version);
/* Appends the content line kept (a whole PHOTO, LOGO, SOUND or KEY line, or
 * any other) to line in the form of version: 3.0 and 2.1 carry inline data
 * as ENCODING=b (or BASE64) with its type in TYPE, 4.0 as a data: URI
 * ("PHOTO;ENCODING=b;TYPE=JPEG:..." and "PHOTO:data:image/jpeg;base64,..."
 * are one photo). Any other line, or one already in that form, as it is. */
void vcard_binary_line(struct buf *line, const char *kept, int version);
/* 1 when a property of that name (any case) may hold inline data. */
int vcard_binary_name(const char *name);

#endif
