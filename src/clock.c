/* clock.c: the one place that reads the system clock; --now and KITH_NOW pin it.
 * Depends on date.h. */
#include "clock.h"

#include <time.h>

#include "date.h"
#include "err.h"

int clock_init(struct clock *c, const char *spec, char **cause)
{
	c->pinned = 0;
	c->at = 0;
	if (spec == NULL || *spec == '\0')
		return 0;
	if (date_parse_iso(spec, &c->at, cause) != 0)
		return err_wrap(cause, "bad --now/KITH_NOW: ");
	c->pinned = 1;
	return 0;
}

int64_t clock_now(const struct clock *c)
{
	if (c->pinned)
		return c->at;
	return (int64_t)time(NULL);
}
