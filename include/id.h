/* id.h: record identifiers, random (version 4) UUIDs in lower-case text form.
 * Only id.c includes libuuid. */
#ifndef KITH_ID_H
#define KITH_ID_H

#define ID_LEN 36
#define ID_PREFIX_MIN 6

/* Writes a new random UUID, lower case, NUL-terminated, into the caller's out. */
void id_new(char out[ID_LEN + 1]);
/* Writes the UUID that stands for a foreign identifier (a vCard UID that is
 * not a UUID): always the same for the same text (a name-based UUID, version
 * 5, in kith's namespace), lower case, into the caller's out. */
void id_from_text(const char *text, char out[ID_LEN + 1]);
/* 1 when s is a whole UUID in text form (8-4-4-4-12 hex digits, either case). */
int id_is_uuid(const char *s);
/* 1 when s could be a UUID prefix: its first 6..36 characters, hex digits of
 * either case with the dashes in their places ("0c4b7a3e-93"). */
int id_is_prefix(const char *s);

#endif
