/* match_query.c: how well an address-book entry answers a mail client's
 * query (kith query, DESIGN.md §8), by name, organisation and e-mail, folded
 * as mentions are. Pure; depends on match.h. */
#include <string.h>

#include "match.h"

int match_address(const char *folded_query, const char *folded_name, const char *folded_org,
                  const char *folded_email)
{
	if (strcmp(folded_query, folded_name) == 0)
		return 0;
	if (match_words_prefix(folded_query, folded_name))
		return 1;
	size_t n = strlen(folded_query);
	if (n > 0 && strncmp(folded_email, folded_query, n) == 0)
		return 2;
	if (match_words_prefix(folded_query, folded_org))
		return 3;
	if (strstr(folded_name, folded_query) != NULL || strstr(folded_org, folded_query) != NULL ||
	    strstr(folded_email, folded_query) != NULL)
		return 4;
	return -1;
}
