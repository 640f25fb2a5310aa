/* vcard_int.h: what the vCard reader (vcard.c), the meaning of parameters and
 * values (vcard_value.c) and the writer (vcard_write.c) share: a content line
 * split into its parts, its parameters read, and the birthday forms. */
#ifndef KITH_VCARD_INT_H
#define KITH_VCARD_INT_H

#include <stddef.h>

#include "buf.h"
#include "charset.h"

/* One content line. */
struct vcard_prop {
	long line;
	char *raw;    /* the whole unfolded line */
	char *group;  /* "" when none */
	char *name;   /* upper case */
	char *params; /* the text between the name and the ':', from its first ';' ("" when none) */
	char *value;  /* the raw value (after ':'), not decoded */
	int used;
};

/* Splits a logical line; 0 (p then owns one heap block that holds its
 * strings, freed by vcard_prop_free), or 1 when it is no property (no ':' or a name with other
 * characters than letters, digits, '-' and '_'). */
int vcard_parse_prop(const char *line, struct vcard_prop *p);
void vcard_prop_free(struct vcard_prop *p);
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
/* 1 when params (";A=b;C") say QUOTED-PRINTABLE as vcard_params_read reads them. */
int vcard_params_say_qp(const char *params);
void vcard_params_free(struct vcard_params *ps);
/* The value decoded to UTF-8 (QUOTED-PRINTABLE or base64 undone, the charset
 * converted); caller frees. */
char *vcard_decode(const char *v, const struct vcard_params *ps);
/* Text escapes undone; with sep, stops at the first unescaped sep and sets
 * *end after it (NULL at the end). Caller frees. */
char *vcard_unescape(const char *s, char sep, const char **end);
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

#endif
