/* csv_map.h: contacts from CSV files with a header row (LinkedIn Connections.csv, Google
 * Contacts, Outlook, Thunderbird, any other): the header found (after LinkedIn's preamble),
 * columns mapped by name, each row made a contact. Pure; depends on csv.h and model.h. */
#ifndef KITH_CSV_MAP_H
#define KITH_CSV_MAP_H

#include <stddef.h>

#include "buf.h"
#include "csv.h"
#include "model.h"

/* What a column holds, from its name. */
enum csv_target {
	CSV_COL_UNMATCHED,
	CSV_COL_NAME,     /* the display name: Name, Display Name, Full Name */
	CSV_COL_FIRST,    /* First Name, Given Name, Vorname, Prénom, Nombre, Nome */
	CSV_COL_MIDDLE,
	CSV_COL_LAST,     /* Last Name, Family Name, Nachname, Nom, Apellidos, Sobrenome */
	CSV_COL_PREFIX,
	CSV_COL_SUFFIX,
	CSV_COL_ORG,      /* Company, Organization, Unternehmen, Entreprise, Empresa */
	CSV_COL_ROLE,     /* Job Title, Position, Poste, Cargo */
	CSV_COL_EMAIL,
	CSV_COL_PHONE,
	CSV_COL_URL,
	CSV_COL_ADDRESS,  /* a whole address: Address, Google's Address 1 - Formatted */
	CSV_COL_ADDR_PART, /* a part of one: Business Street, Home City, Work ZipCode ... */
	CSV_COL_NOTES,
	CSV_COL_TAGS,     /* Categories, Group Membership, Labels */
	CSV_COL_BIRTHDAY, /* YYYY-MM-DD or --MM-DD; or the day of Thunderbird's Birth Day */
	CSV_COL_BIRTH_YEAR,  /* Thunderbird's Birth Year and Birth Month */
	CSV_COL_BIRTH_MONTH,
	CSV_COL_CONNECTED, /* LinkedIn's Connected On, in any of its languages */
	CSV_COL_TYPE,     /* the type of another column's value (Google's "E-mail 1 - Type") */
	CSV_COL_COUNT
};

/* The target of a column name, compared folded (case, accents, spaces, punctuation and
 * digits ignored: "E-mail 2 Address" is "emailaddress"). *type (when not NULL) is the
 * field type the name implies ("work" for Business Phone, "cell" for Mobile Phone, else
 * ""), a static string. */
enum csv_target csv_map_target(const char *name, const char **type);

/* The parts of a vCard ADR, in its order. */
enum csv_adr { CSV_ADR_BOX, CSV_ADR_EXT, CSV_ADR_STREET, CSV_ADR_CITY, CSV_ADR_REGION,
               CSV_ADR_CODE, CSV_ADR_COUNTRY, CSV_ADR_COUNT };

struct csv_column {
	enum csv_target target;
	const char *type; /* static: the field type the column's name implies */
	enum csv_adr part; /* for CSV_COL_ADDR_PART */
	int group;         /* for CSV_COL_ADDR_PART: 0 home, 1 work, 2 other */
	size_t type_col;  /* the column holding this column's type, or SIZE_MAX */
};

/* The columns of one header row. */
struct csv_map {
	const char *format; /* static: "linkedin", "google", "outlook", "thunderbird" or "csv" */
	struct csv_column *cols;
	size_t ncols;
	struct strv unmatched; /* names of the columns nothing reads, in order */
};

/* Maps the columns of header. m is initialised here; csv_map_free releases it. */
void csv_map_init(struct csv_map *m, const struct strv *header);
void csv_map_free(struct csv_map *m);

/* Fills c (initialised by the caller with contact_init) from one row. Cells that are not
 * UTF-8 are read as Windows-1252. Addresses become fields in vCard's structured form
 * ("box;ext;street;city;region;code;country", escaped), as vCard imports keep them: a
 * whole address in the street part, parts (Outlook's Business Street, Business City ...)
 * each in its own. Google's " ::: " separates several values of one cell. The name is the
 * name column's, else prefix, first, middle, last name and suffix; "" when the row has
 * none (import.c then names the contact by its organisation, e-mail or phone). Returns 1
 * with a contact, or 0 for a row with no cell filled (to skip). */
int csv_map_row(const struct csv_map *m, const struct strv *row, struct contact *c);

/* Which CSV a source is: CSV_WANT_AUTO finds LinkedIn's header after a preamble when the
 * file starts with one, else reads the first non-empty line as the header;
 * CSV_WANT_LINKEDIN looks for LinkedIn's header after a preamble of any length. */
enum csv_want { CSV_WANT_AUTO, CSV_WANT_LINKEDIN };

/* A stream of contacts from a CSV reader. */
struct csv_source {
	struct csv_reader *r; /* the caller's */
	struct csv_map map;
	struct strv row;
	size_t header_line; /* the line of the header row */
};

/* Reads up to and including the header row. Returns 0, or -1 with *cause (caller frees):
 * "no header row", "no LinkedIn header row (First Name, Last Name, ...) found",
 * or the reader's error. src is initialised either way; csv_source_free releases it. */
int csv_source_open(struct csv_source *src, struct csv_reader *r, enum csv_want want,
                    char **cause);
/* The next contact into c (initialised here; the caller frees it with contact_free when
 * the return is 1), rows with no cell filled skipped. Returns 1 with a contact, 0 at the
 * end, or -1 for a file that cannot be read further (*cause, caller frees, with the line:
 * "line 12: unterminated quoted field"). */
int csv_source_next(struct csv_source *src, struct contact *c, char **cause);
void csv_source_free(struct csv_source *src);

#endif
