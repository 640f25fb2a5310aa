/* csv_map.c: CSV files with a header row made contacts: the header found (LinkedIn's
 * after its preamble), columns mapped by their folded names, rows turned into contacts.
 * Pure; depends on csv.h, linkedin.h, model.h, charset.h, date.h and utf8.h. */
#include "csv_map.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "date.h"
#include "linkedin.h"
#include "utf8.h"

/* Column names, folded to lower-case letters without accents, spaces, punctuation or
 * digits, and what they hold. LinkedIn's in its five languages, Google Contacts' (old
 * and new), Outlook's, Thunderbird's, and common English names. */
static const struct {
	const char *key;
	enum csv_target target;
	const char *type;
} csv_map_names[] = {
	{"name", CSV_COL_NAME, ""},
	{"displayname", CSV_COL_NAME, ""},
	{"fullname", CSV_COL_NAME, ""},
	{"firstname", CSV_COL_FIRST, ""},
	{"givenname", CSV_COL_FIRST, ""},
	{"vorname", CSV_COL_FIRST, ""},
	{"prenom", CSV_COL_FIRST, ""},
	{"nombre", CSV_COL_FIRST, ""},
	{"nome", CSV_COL_FIRST, ""},
	{"primeironome", CSV_COL_FIRST, ""},
	{"middlename", CSV_COL_MIDDLE, ""},
	{"additionalname", CSV_COL_MIDDLE, ""},
	{"lastname", CSV_COL_LAST, ""},
	{"familyname", CSV_COL_LAST, ""},
	{"surname", CSV_COL_LAST, ""},
	{"nachname", CSV_COL_LAST, ""},
	{"nom", CSV_COL_LAST, ""},
	{"nomdefamille", CSV_COL_LAST, ""},
	{"apellidos", CSV_COL_LAST, ""},
	{"apellido", CSV_COL_LAST, ""},
	{"sobrenome", CSV_COL_LAST, ""},
	{"ultimonome", CSV_COL_LAST, ""},
	{"title", CSV_COL_PREFIX, ""}, /* Outlook's Title is Mr., Dr. ... */
	{"nameprefix", CSV_COL_PREFIX, ""},
	{"prefix", CSV_COL_PREFIX, ""},
	{"suffix", CSV_COL_SUFFIX, ""},
	{"namesuffix", CSV_COL_SUFFIX, ""},
	{"company", CSV_COL_ORG, ""},
	{"companyname", CSV_COL_ORG, ""},
	{"organization", CSV_COL_ORG, ""},
	{"organisation", CSV_COL_ORG, ""},
	{"organizationname", CSV_COL_ORG, ""},
	{"unternehmen", CSV_COL_ORG, ""},
	{"firma", CSV_COL_ORG, ""},
	{"entreprise", CSV_COL_ORG, ""},
	{"societe", CSV_COL_ORG, ""},
	{"empresa", CSV_COL_ORG, ""},
	{"jobtitle", CSV_COL_ROLE, ""},
	{"position", CSV_COL_ROLE, ""},
	{"organizationtitle", CSV_COL_ROLE, ""},
	{"role", CSV_COL_ROLE, ""},
	{"poste", CSV_COL_ROLE, ""},
	{"cargo", CSV_COL_ROLE, ""},
	{"email", CSV_COL_EMAIL, ""},
	{"emailaddress", CSV_COL_EMAIL, ""},
	{"emailvalue", CSV_COL_EMAIL, ""},
	{"primaryemail", CSV_COL_EMAIL, ""},
	{"secondaryemail", CSV_COL_EMAIL, ""},
	{"emailhome", CSV_COL_EMAIL, "home"},
	{"homeemail", CSV_COL_EMAIL, "home"},
	{"emailwork", CSV_COL_EMAIL, "work"},
	{"workemail", CSV_COL_EMAIL, "work"},
	{"emailother", CSV_COL_EMAIL, "other"},
	{"emailadresse", CSV_COL_EMAIL, ""},
	{"adresseemail", CSV_COL_EMAIL, ""},
	{"adressedecourriel", CSV_COL_EMAIL, ""},
	{"direcciondecorreoelectronico", CSV_COL_EMAIL, ""},
	{"correoelectronico", CSV_COL_EMAIL, ""},
	{"enderecodeemail", CSV_COL_EMAIL, ""},
	{"phone", CSV_COL_PHONE, ""},
	{"phonevalue", CSV_COL_PHONE, ""},
	{"phonenumber", CSV_COL_PHONE, ""},
	{"telephone", CSV_COL_PHONE, ""},
	{"telefon", CSV_COL_PHONE, ""},
	{"telefono", CSV_COL_PHONE, ""},
	{"telefone", CSV_COL_PHONE, ""},
	{"primaryphone", CSV_COL_PHONE, ""},
	{"homephone", CSV_COL_PHONE, "home"},
	{"businessphone", CSV_COL_PHONE, "work"},
	{"workphone", CSV_COL_PHONE, "work"},
	{"companymainphone", CSV_COL_PHONE, "work"},
	{"mobilephone", CSV_COL_PHONE, "cell"},
	{"mobile", CSV_COL_PHONE, "cell"},
	{"mobilenumber", CSV_COL_PHONE, "cell"},
	{"homemobile", CSV_COL_PHONE, "home,cell"},
	{"cellphone", CSV_COL_PHONE, "cell"},
	{"otherphone", CSV_COL_PHONE, "other"},
	{"carphone", CSV_COL_PHONE, "car"},
	{"pager", CSV_COL_PHONE, "pager"},
	{"pagernumber", CSV_COL_PHONE, "pager"},
	{"homefax", CSV_COL_PHONE, "home,fax"},
	{"businessfax", CSV_COL_PHONE, "work,fax"},
	{"otherfax", CSV_COL_PHONE, "fax"},
	{"fax", CSV_COL_PHONE, "fax"},
	{"faxnumber", CSV_COL_PHONE, "fax"},
	{"url", CSV_COL_URL, ""},
	{"website", CSV_COL_URL, ""},
	{"websitevalue", CSV_COL_URL, ""},
	{"webpage", CSV_COL_URL, ""},
	{"homepage", CSV_COL_URL, ""},
	{"websitehomepage", CSV_COL_URL, "home"},
	{"personalwebpage", CSV_COL_URL, "home"},
	{"websitework", CSV_COL_URL, "work"},
	{"businesswebpage", CSV_COL_URL, "work"},
	{"websiteblog", CSV_COL_URL, "blog"},
	{"websiteprofile", CSV_COL_URL, "profile"},
	{"websiteother", CSV_COL_URL, "other"},
	{"address", CSV_COL_ADDRESS, ""},
	{"addressformatted", CSV_COL_ADDRESS, ""},
	{"notes", CSV_COL_NOTES, ""},
	{"note", CSV_COL_NOTES, ""},
	{"notizen", CSV_COL_NOTES, ""},
	{"notas", CSV_COL_NOTES, ""},
	{"categories", CSV_COL_TAGS, ""},
	{"groupmembership", CSV_COL_TAGS, ""},
	{"labels", CSV_COL_TAGS, ""},
	{"tags", CSV_COL_TAGS, ""},
	{"kategorien", CSV_COL_TAGS, ""},
	{"birthday", CSV_COL_BIRTHDAY, ""},
	{"birthyear", CSV_COL_BIRTH_YEAR, ""},
	{"birthmonth", CSV_COL_BIRTH_MONTH, ""},
	{"geburtstag", CSV_COL_BIRTHDAY, ""},
	{"datedenaissance", CSV_COL_BIRTHDAY, ""},
	{"fechadenacimiento", CSV_COL_BIRTHDAY, ""},
	{"connectedon", CSV_COL_CONNECTED, ""},
	{"verbundenam", CSV_COL_CONNECTED, ""},
	{"datedeconnexion", CSV_COL_CONNECTED, ""},
	{"fechadeconexion", CSV_COL_CONNECTED, ""},
	{"conectadoel", CSV_COL_CONNECTED, ""},
	{"conectadoem", CSV_COL_CONNECTED, ""},
	{"datadeconexao", CSV_COL_CONNECTED, ""},
};

/* The folded key of a column name into key, its digits into num. */
static void csv_map_key(const char *name, struct buf *key, struct buf *num)
{
	char *f = utf8_fold(name);
	buf_reset(key);
	buf_puts(key, "");
	if (num != NULL) {
		buf_reset(num);
		buf_puts(num, "");
	}
	for (const unsigned char *p = (const unsigned char *)f; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || *p >= 0x80)
			buf_putc(key, (char)*p);
		else if (*p >= '0' && *p <= '9' && num != NULL)
			buf_putc(num, (char)*p);
	}
	free(f);
}

static enum csv_target csv_map_lookup(const char *key, const char **type)
{
	for (size_t i = 0; i < sizeof csv_map_names / sizeof csv_map_names[0]; i++)
		if (strcmp(key, csv_map_names[i].key) == 0) {
			if (type != NULL)
				*type = csv_map_names[i].type;
			return csv_map_names[i].target;
		}
	if (type != NULL)
		*type = "";
	return CSV_COL_UNMATCHED;
}

/* Address parts: a place (home, business or work, other) then a part. */
static const struct {
	const char *key;
	int group;
} csv_map_places[] = {{"home", 0}, {"business", 1}, {"work", 1}, {"other", 2}};
static const struct {
	const char *key;
	enum csv_adr part;
} csv_map_parts[] = {
	{"street", CSV_ADR_STREET},      {"address", CSV_ADR_STREET},   {"city", CSV_ADR_CITY},
	{"state", CSV_ADR_REGION},       {"region", CSV_ADR_REGION},    {"postalcode", CSV_ADR_CODE},
	{"zip", CSV_ADR_CODE},           {"zipcode", CSV_ADR_CODE},     {"country", CSV_ADR_COUNTRY},
	{"countryregion", CSV_ADR_COUNTRY}, {"addresspobox", CSV_ADR_BOX}, {"pobox", CSV_ADR_BOX},
};
static const char *const csv_map_place_types[] = {"home", "work", "other"};

/* 1 when key names a part of an address ("businessstreet", "homezipcode"). */
static int csv_map_adr_part(const char *key, enum csv_adr *part, int *group)
{
	for (size_t i = 0; i < sizeof csv_map_places / sizeof csv_map_places[0]; i++) {
		size_t n = strlen(csv_map_places[i].key);
		if (strncmp(key, csv_map_places[i].key, n) != 0)
			continue;
		for (size_t j = 0; j < sizeof csv_map_parts / sizeof csv_map_parts[0]; j++)
			if (strcmp(key + n, csv_map_parts[j].key) == 0) {
				*part = csv_map_parts[j].part;
				*group = csv_map_places[i].group;
				return 1;
			}
	}
	return 0;
}

/* The target of a folded key, address parts included. */
static enum csv_target csv_map_key_target(const char *key, const char **type, enum csv_adr *part,
                                          int *group)
{
	enum csv_target t = csv_map_lookup(key, type);
	enum csv_adr p = CSV_ADR_STREET;
	int g = 0;
	if (t == CSV_COL_UNMATCHED && csv_map_adr_part(key, &p, &g)) {
		t = CSV_COL_ADDR_PART;
		if (type != NULL)
			*type = csv_map_place_types[g];
	}
	if (part != NULL)
		*part = p;
	if (group != NULL)
		*group = g;
	return t;
}

enum csv_target csv_map_target(const char *name, const char **type)
{
	struct buf key;
	buf_init(&key);
	csv_map_key(name, &key, NULL);
	enum csv_target t = csv_map_key_target(buf_str(&key), type, NULL, NULL);
	buf_free(&key);
	return t;
}

/* A type column ("E-mail 1 - Type", "Phone 2 - Label") names the value column with the
 * same digits whose key ends in "value" where its own ends in "type" or "label". */
static size_t csv_map_type_of(const struct strv *keys, const struct strv *nums, size_t i)
{
	const char *k = keys->v[i];
	size_t n = strlen(k);
	size_t cut = 0;
	if (n > 4 && strcmp(k + n - 4, "type") == 0)
		cut = 4;
	else if (n > 5 && strcmp(k + n - 5, "label") == 0)
		cut = 5;
	if (cut == 0)
		return SIZE_MAX;
	static const char *const ends[] = {"value", "formatted"}; /* Address 1 - Formatted */
	size_t found = SIZE_MAX;
	for (size_t e = 0; e < 2 && found == SIZE_MAX; e++) {
		char *want = xasprintf("%.*s%s", (int)(n - cut), k, ends[e]);
		for (size_t j = 0; j < keys->n && found == SIZE_MAX; j++)
			if (j != i && strcmp(keys->v[j], want) == 0 &&
			    strcmp(nums->v[j], nums->v[i]) == 0)
				found = j;
		free(want);
	}
	return found;
}

static int csv_map_has(const struct strv *keys, const char *key)
{
	return strv_has(keys, key);
}

void csv_map_init(struct csv_map *m, const struct strv *header)
{
	m->ncols = header->n;
	m->cols = xcalloc(header->n ? header->n : 1, sizeof *m->cols);
	strv_init(&m->unmatched);
	struct strv keys, nums;
	strv_init(&keys);
	strv_init(&nums);
	struct buf key, num;
	buf_init(&key);
	buf_init(&num);
	for (size_t i = 0; i < header->n; i++) {
		csv_map_key(header->v[i], &key, &num);
		strv_push(&keys, buf_str(&key));
		strv_push(&nums, buf_str(&num));
	}
	for (size_t i = 0; i < header->n; i++)
		m->cols[i].type_col = SIZE_MAX;
	for (size_t i = 0; i < header->n; i++) {
		struct csv_column *col = &m->cols[i];
		col->target = csv_map_key_target(keys.v[i], &col->type, &col->part, &col->group);
		if (col->target == CSV_COL_UNMATCHED) {
			size_t v = csv_map_type_of(&keys, &nums, i);
			if (v != SIZE_MAX && csv_map_lookup(keys.v[v], NULL) != CSV_COL_UNMATCHED) {
				col->target = CSV_COL_TYPE;
				m->cols[v].type_col = i;
			}
		}
	}
	for (size_t i = 0; i < header->n; i++)
		if (m->cols[i].target == CSV_COL_UNMATCHED && *header->v[i] != '\0')
			strv_push(&m->unmatched, header->v[i]);
	if (linkedin_header_is(header))
		m->format = "linkedin";
	else if (csv_map_has(&keys, "groupmembership") || csv_map_has(&keys, "labels") ||
	         csv_map_has(&keys, "emailvalue"))
		m->format = "google";
	else if (csv_map_has(&keys, "emailaddress") && csv_map_has(&keys, "businessphone"))
		m->format = "outlook";
	else if (csv_map_has(&keys, "primaryemail") && csv_map_has(&keys, "displayname"))
		m->format = "thunderbird";
	else
		m->format = "csv";
	buf_free(&key);
	buf_free(&num);
	strv_free(&keys);
	strv_free(&nums);
}

void csv_map_free(struct csv_map *m)
{
	free(m->cols);
	m->cols = NULL;
	m->ncols = 0;
	strv_free(&m->unmatched);
}

/* A cell as UTF-8 without the blanks around it: Windows-1252 when it is not UTF-8. */
static char *csv_map_text(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (charset_is_utf8(s, n))
		return xstrndup(s, n);
	struct buf b;
	buf_init(&b);
	charset_to_utf8(&b, s, n, CHARSET_CP1252);
	buf_puts(&b, "");
	return buf_detach(&b);
}

/* A field type as written in a type cell: "* Home" -> "home", "Mobile" -> "cell",
 * several types (" ::: ") joined by commas. */
static void csv_map_type_text(struct buf *out, const char *cell)
{
	struct buf folded;
	buf_init(&folded);
	utf8_fold_append(&folded, cell);
	const char *s = buf_str(&folded);
	while (*s != '\0') {
		while (*s == '*' || *s == ' ' || *s == ':')
			s++;
		size_t n = strcspn(s, ":");
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (n > 0) {
			if (out->len > 0)
				buf_putc(out, ',');
			if (n == 6 && strncmp(s, "mobile", 6) == 0)
				buf_puts(out, "cell");
			else if (n == 8 && strncmp(s, "business", 8) == 0)
				buf_puts(out, "work");
			else
				buf_add(out, s, n);
		}
		s += n;
		while (*s == ' ')
			s++;
	}
	buf_free(&folded);
}

/* The parts of a value cell: Google separates several values of one cell with " ::: ". */
static void csv_map_split(struct strv *out, const char *cell)
{
	const char *s = cell;
	for (;;) {
		const char *sep = strstr(s, ":::");
		size_t n = sep ? (size_t)(sep - s) : strlen(s);
		char *part = xstrndup(s, n);
		char *t = csv_map_text(part);
		if (*t != '\0')
			strv_take(out, t);
		else
			free(t);
		free(part);
		if (sep == NULL)
			break;
		s = sep + 3;
	}
}

/* Adds a field unless the contact has the same one. */
static void csv_map_field_one(struct contact *c, enum field_kind k, const char *type,
                              const char *value)
{
	for (size_t j = 0; j < c->nfields; j++)
		if (c->fields[j].kind == k && model_field_equal(k, c->fields[j].value, value))
			return;
	contact_add_field(c, k, type, value);
}

static void csv_map_field(struct contact *c, enum field_kind k, const char *type, const char *cell)
{
	struct strv parts;
	strv_init(&parts);
	csv_map_split(&parts, cell);
	for (size_t i = 0; i < parts.n; i++)
		csv_map_field_one(c, k, type, parts.v[i]);
	strv_free(&parts);
}

/* 1 for Google's group of every contact: "My Contacts", "myContacts". */
static int csv_map_everyone(const char *tag)
{
	struct buf key;
	buf_init(&key);
	csv_map_key(tag, &key, NULL);
	int everyone = strcmp(buf_str(&key), "mycontacts") == 0;
	buf_free(&key);
	return everyone;
}

/* Tags of a Categories or Group Membership cell: split on " ::: ", ';' and ',', Google's
 * "* " mark of its own groups dropped, and its group of every contact left out. */
static void csv_map_tags(struct contact *c, const char *cell)
{
	char *copy = xstrdup(cell);
	for (char *p = copy; *p != '\0'; p++)
		if (*p == ';' || *p == ',')
			*p = ':';
	const char *s = copy;
	while (*s != '\0') {
		size_t n = strcspn(s, ":");
		char *part = xstrndup(s, n);
		const char *t = part;
		while (*t == '*' || *t == ' ')
			t++;
		char *tag = csv_map_text(t);
		if (*tag != '\0' && !csv_map_everyone(tag))
			contact_add_tag(c, tag);
		free(tag);
		free(part);
		s += n;
		while (*s == ':')
			s++;
	}
	free(copy);
}

static void csv_map_set(char **slot, const char *v)
{
	if (**slot != '\0')
		return;
	free(*slot);
	*slot = xstrdup(v);
}

static void csv_map_append(char **slot, const char *v)
{
	if (**slot == '\0') {
		csv_map_set(slot, v);
		return;
	}
	char *s = xasprintf("%s\n%s", *slot, v);
	free(*slot);
	*slot = s;
}

/* 1 when s is YYYY-MM-DD or --MM-DD, the birthdays kith keeps. */
static int csv_map_birthday_ok(const char *s)
{
	int y = 2000, m, d;
	if (strlen(s) == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-')
		return sscanf(s + 2, "%2d-%2d", &m, &d) == 2 && date_valid_ymd(y, m, d);
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	       sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 && date_year_in_range(y) &&
	       date_valid_ymd(y, m, d);
}

/* Appends s escaped as a vCard text value wants it (\\ \, \; and \n). */
static void csv_map_adr_escape(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\' || *s == ',' || *s == ';')
			buf_putc(out, '\\');
		if (*s == '\n')
			buf_puts(out, "\\n");
		else
			buf_putc(out, *s);
	}
}

/* An address field of the seven parts, unless all are empty. */
static void csv_map_adr_parts(struct contact *c, const char *type, const struct buf parts[CSV_ADR_COUNT])
{
	struct buf v;
	buf_init(&v);
	int any = 0;
	for (size_t p = 0; p < CSV_ADR_COUNT; p++) {
		if (p > 0)
			buf_putc(&v, ';');
		csv_map_adr_escape(&v, buf_str(&parts[p]));
		any |= parts[p].len > 0;
	}
	if (any)
		csv_map_field_one(c, FIELD_ADDRESS, type, buf_str(&v));
	buf_free(&v);
}

/* A whole address (several of them split by " ::: "), kept in the street part. */
static void csv_map_address(struct contact *c, const char *type, const char *cell)
{
	struct strv each;
	strv_init(&each);
	csv_map_split(&each, cell);
	struct buf parts[CSV_ADR_COUNT];
	for (size_t p = 0; p < CSV_ADR_COUNT; p++)
		buf_init(&parts[p]);
	for (size_t i = 0; i < each.n; i++) {
		buf_reset(&parts[CSV_ADR_STREET]);
		buf_puts(&parts[CSV_ADR_STREET], each.v[i]);
		csv_map_adr_parts(c, type, parts);
	}
	for (size_t p = 0; p < CSV_ADR_COUNT; p++)
		buf_free(&parts[p]);
	strv_free(&each);
}

/* Keeps *v as the first cell of target t (the others of a row are left out); the
 * part owns it then, and *v is NULL. */
static void csv_map_keep(char *parts[CSV_COL_COUNT], enum csv_target t, char **v)
{
	if (parts[t] != NULL)
		return;
	parts[t] = *v;
	*v = NULL;
}

/* Thunderbird's birthday in three columns: "--MM-DD" without a year, "YYYY-MM-DD". */
static void csv_map_birth_parts(struct contact *c, char *const parts[CSV_COL_COUNT])
{
	const char *y = parts[CSV_COL_BIRTH_YEAR], *m = parts[CSV_COL_BIRTH_MONTH];
	const char *d = parts[CSV_COL_BIRTHDAY];
	if (m == NULL || d == NULL)
		return;
	char *bd = y != NULL ? xasprintf("%s-%02d-%02d", y, atoi(m), atoi(d))
	                     : xasprintf("--%02d-%02d", atoi(m), atoi(d));
	if (csv_map_birthday_ok(bd))
		csv_map_set(&c->birthday, bd);
	free(bd);
}

int csv_map_row(const struct csv_map *m, const struct strv *row, struct contact *c)
{
	char *parts[CSV_COL_COUNT] = {0};
	int filled = 0;
	struct buf b;
	buf_init(&b);
	struct buf adr[3][CSV_ADR_COUNT];
	for (size_t g = 0; g < 3; g++)
		for (size_t p = 0; p < CSV_ADR_COUNT; p++)
			buf_init(&adr[g][p]);
	for (size_t i = 0; i < row->n && i < m->ncols; i++) {
		const struct csv_column *col = &m->cols[i];
		char *v = csv_map_text(row->v[i]);
		if (*v == '\0' && col->target != CSV_COL_CONNECTED) {
			free(v);
			continue;
		}
		if (*v != '\0')
			filled = 1;
		const char *type = col->type;
		buf_reset(&b);
		if (col->type_col != SIZE_MAX && col->type_col < row->n) {
			csv_map_type_text(&b, row->v[col->type_col]);
			if (b.len > 0)
				type = buf_str(&b);
		}
		if (col->type_col == SIZE_MAX && col->target == CSV_COL_URL &&
		    strcmp(m->format, "linkedin") == 0)
			type = "linkedin";
		switch (col->target) {
		case CSV_COL_NAME:
		case CSV_COL_FIRST:
		case CSV_COL_MIDDLE:
		case CSV_COL_LAST:
		case CSV_COL_PREFIX:
		case CSV_COL_SUFFIX:
		case CSV_COL_BIRTH_YEAR:
		case CSV_COL_BIRTH_MONTH:
			csv_map_keep(parts, col->target, &v);
			break;
		case CSV_COL_ORG:
			csv_map_set(&c->org, v);
			break;
		case CSV_COL_ROLE:
			csv_map_set(&c->role, v);
			break;
		case CSV_COL_EMAIL:
			csv_map_field(c, FIELD_EMAIL, type, v);
			break;
		case CSV_COL_PHONE:
			csv_map_field(c, FIELD_PHONE, type, v);
			break;
		case CSV_COL_URL:
			csv_map_field(c, FIELD_URL, type, v);
			break;
		case CSV_COL_ADDRESS:
			csv_map_address(c, type, v);
			break;
		case CSV_COL_ADDR_PART:
			if (adr[col->group][col->part].len > 0)
				buf_putc(&adr[col->group][col->part], '\n'); /* Street 2, Street 3 */
			buf_puts(&adr[col->group][col->part], v);
			break;
		case CSV_COL_NOTES:
			csv_map_append(&c->notes, v);
			break;
		case CSV_COL_TAGS:
			csv_map_tags(c, v);
			break;
		case CSV_COL_BIRTHDAY:
			if (strlen(v) <= 2 && strspn(v, "0123456789") == strlen(v)) {
				/* Thunderbird's Birth Day, with its Birth Month and Year */
				csv_map_keep(parts, col->target, &v);
			} else if (strspn(v, "0/.-") == strlen(v)) {
				/* Outlook's "0/0/00": no birthday */
			} else if (csv_map_birthday_ok(v)) {
				csv_map_set(&c->birthday, v);
			} else {
				char *line = xasprintf("Birthday: %s", v);
				csv_map_append(&c->notes, line);
				free(line);
			}
			break;
		case CSV_COL_CONNECTED:
			buf_reset(&b);
			linkedin_met(&b, v);
			csv_map_set(&c->met, buf_str(&b));
			break;
		default:
			break;
		}
		free(v);
	}
	buf_free(&b);
	csv_map_birth_parts(c, parts);
	for (size_t g = 0; g < 3; g++) {
		csv_map_adr_parts(c, csv_map_place_types[g], adr[g]);
		for (size_t p = 0; p < CSV_ADR_COUNT; p++)
			buf_free(&adr[g][p]);
	}
	int rc = 1;
	if (!filled) {
		rc = 0;
	} else if (parts[CSV_COL_NAME] != NULL) {
		free(c->name);
		c->name = xstrdup(parts[CSV_COL_NAME]);
	} else {
		struct strv words;
		strv_init(&words);
		static const enum csv_target order[] = {CSV_COL_PREFIX, CSV_COL_FIRST, CSV_COL_MIDDLE,
		                                        CSV_COL_LAST, CSV_COL_SUFFIX};
		for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
			if (parts[order[i]] != NULL)
				strv_push(&words, parts[order[i]]);
		free(c->name);
		c->name = strv_join(&words, " ");
		strv_free(&words);
	}
	for (size_t i = 0; i < CSV_COL_COUNT; i++)
		free(parts[i]);
	return rc;
}

void csv_source_free(struct csv_source *src)
{
	csv_map_free(&src->map);
	strv_free(&src->row);
}

/* 1 when no cell has anything but blanks. */
static int csv_map_blank(const struct strv *cells)
{
	for (size_t i = 0; i < cells->n; i++)
		if (cells->v[i][strspn(cells->v[i], " \t")] != '\0')
			return 0;
	return 1;
}

int csv_source_open(struct csv_source *src, struct csv_reader *r, enum csv_want want,
                    char **cause)
{
	src->r = r;
	strv_init(&src->row);
	src->header_line = 0;
	struct strv none;
	strv_init(&none);
	csv_map_init(&src->map, &none);
	struct buf line;
	buf_init(&line);
	int preamble = want == CSV_WANT_LINKEDIN;
	int rc = -1;
	char sep = ',';
	while (csv_reader_line(r, &line) == 1) {
		sep = csv_guess_sep(line.data, line.len);
		csv_split_line_sep(line.data, line.len, sep, &src->row);
		if (csv_map_blank(&src->row))
			continue;
		for (size_t i = 0; i < src->row.n; i++) {
			char *t = csv_map_text(src->row.v[i]);
			free(src->row.v[i]);
			src->row.v[i] = t;
		}
		if (linkedin_header_is(&src->row)) {
			rc = 0;
			break;
		}
		if (!preamble && want == CSV_WANT_AUTO && linkedin_preamble_is(&src->row)) {
			preamble = 1;
			continue;
		}
		if (!preamble) {
			rc = 0;
			break;
		}
	}
	buf_free(&line);
	if (rc != 0) {
		strv_free(&src->row);
		return err_set(cause, preamble ? "no LinkedIn header row (First Name, Last Name, "
		                                 "URL, Email Address, Company, Position, Connected "
		                                 "On) found"
		                               : "no header row");
	}
	src->header_line = csv_reader_lineno(r);
	csv_reader_set_sep(r, sep); /* the records are split as the header was */
	csv_map_free(&src->map);
	csv_map_init(&src->map, &src->row);
	strv_free(&src->row);
	strv_init(&src->row);
	return 0;
}

int csv_source_next(struct csv_source *src, struct contact *c, char **cause)
{
	for (;;) {
		int rc = csv_reader_next(src->r, &src->row, cause);
		if (rc <= 0)
			return rc;
		contact_init(c);
		if (csv_map_row(&src->map, &src->row, c) == 1)
			return 1;
		contact_free(c);
	}
}
