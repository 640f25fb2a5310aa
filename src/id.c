/* id.c: random UUIDs for records. The only file that includes libuuid. */
#include "id.h"

#include <ctype.h>
#include <string.h>
#include <uuid/uuid.h>

void id_new(char out[ID_LEN + 1])
{
	uuid_t u;
	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

int id_is_uuid(const char *s)
{
	if (strlen(s) != ID_LEN)
		return 0;
	for (size_t i = 0; i < ID_LEN; i++) {
		int dash = (i == 8 || i == 13 || i == 18 || i == 23);
		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

int id_is_prefix(const char *s)
{
	size_t n = strlen(s);
	if (n < ID_PREFIX_MIN || n > ID_LEN)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int dash = (i == 8 || i == 13 || i == 18 || i == 23);
		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return 0;
	}
	return 1;
}
