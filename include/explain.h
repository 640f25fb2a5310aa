/* explain.h: a contact's score explained term by term (like `task info`): each
 * term, its inputs and its value, for `kith show` and the reciprocity pane.
 * Pure; depends on score.h. */
#ifndef KITH_EXPLAIN_H
#define KITH_EXPLAIN_H

#include <stddef.h>

#include "score.h"

#define EXPLAIN_MAX_ROWS 12

struct explain_row {
	char term[24];    /* "recency" */
	char detail[128]; /* "r = s/C = 12.0/7 = 1.71; r²/(1+r²)" */
	char value[24];   /* "0.746" */
	char share[16];   /* "83%" of attention, or "" */
};

/* Fills rows (at most EXPLAIN_MAX_ROWS) and returns how many. */
size_t explain_score(const struct contact *c, const struct score *s, const struct score_params *p,
                     struct explain_row *rows);

#endif
