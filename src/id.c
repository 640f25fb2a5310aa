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

void id_from_text(const char *text, char out[ID_LEN + 1])
{
	/* kith's namespace for foreign identifiers */
	static const uuid_t ns = {0x6b, 0x69, 0x74, 0x68, 0x2d, 0x75, 0x40, 0x69,
	                          0x80, 0x64, 0x2e, 0x6b, 0x69, 0x74, 0x68, 0x31};
	uuid_t u;
	uuid_generate_sha1(u, ns, text, strlen(text));
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
