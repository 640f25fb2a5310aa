/* id.h: record identifiers, random (version 4) UUIDs in lower-case text form.
 * Only id.c includes libuuid. */
#ifndef KITH_ID_H
#define KITH_ID_H

#define ID_LEN 36
#define ID_PREFIX_MIN 6

void id_new(char out[ID_LEN + 1]);
int id_is_uuid(const char *s);   /* 1 when s is a whole UUID in text form */
int id_is_prefix(const char *s); /* 1 when s could be a uuid prefix: 6..36 hex digits or dashes */

#endif
