/* vcard_int.h: what the vCard reader (vcard.c) and writer (vcard_write.c)
 * share: a content line split into its parts, and the birthday forms. */
#ifndef KITH_VCARD_INT_H
#define KITH_VCARD_INT_H

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

/* Splits a logical line; 0 (p then owns heap parts, freed by
 * vcard_prop_free), or 1 when it is no property (no ':' or a name with other
 * characters than letters, digits, '-' and '_'). */
int vcard_parse_prop(const char *line, struct vcard_prop *p);
void vcard_prop_free(struct vcard_prop *p);
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
