/* clock.h: "now", read from the system or pinned by --now / KITH_NOW.
 * The only module that reads the system clock; the core takes `now` as an
 * argument everywhere. Depends on date.h. */
#ifndef KITH_CLOCK_H
#define KITH_CLOCK_H

#include <stdint.h>

struct clock {
	int pinned;
	int64_t at; /* Unix seconds when pinned */
};

/* spec NULL or "": the system clock. Else a local date and time as date_parse_iso
 * accepts ("2026-11-20T10:00"). Returns -1 with *cause on a bad spec. */
int clock_init(struct clock *c, const char *spec, char **cause);
int64_t clock_now(const struct clock *c);

#endif
