/* vm_recip.h: the reciprocity pane and the record view as data: one
 * contact's full record, its score explained term by term (explain.h), the
 * services given and received with their dates, the balance bar and the open
 * follow-ups, laid out as lines for a width. View layer; depends on store.h,
 * score.h, explain.h and vm_lines.h. */
#ifndef KITH_VM_RECIP_H
#define KITH_VM_RECIP_H

#include <stddef.h>
#include <stdint.h>

#include "explain.h"
#include "model.h"
#include "score.h"
#include "vm_lines.h"

struct store;

#define VM_RECIP_SERVICES 50 /* services kept on each side */

struct vm_recip {
	struct store *st;                  /* borrowed */
	const struct score_params *params; /* borrowed */
	int loaded;
	int64_t rowid; /* of what is loaded; 0: nobody */
	int64_t now;
	struct contact c; /* valid when rowid != 0 */
	struct score s;
	struct explain_row ex[EXPLAIN_MAX_ROWS];
	size_t nex;
	struct interaction *in; /* the contact's services, newest first (given ones
	                           without their tags and contacts) */
	size_t nin;
	struct followup *fu; /* every follow-up, open and done */
	size_t nfu;
	int ascii; /* the balance bar in ASCII (a locale that is not UTF-8) */
};

void vm_recip_init(struct vm_recip *vm, struct store *st, const struct score_params *params);
void vm_recip_free(struct vm_recip *vm);
/* 1 when what is loaded is not contact rowid. */
int vm_recip_stale(const struct vm_recip *vm, int64_t rowid);
void vm_recip_invalidate(struct vm_recip *vm);
/* Loads contact rowid (0: nobody) scored at now; -1 with *cause (caller
 * frees), vm unchanged, on a read error or when the contact is gone. */
int vm_recip_load(struct vm_recip *vm, int64_t rowid, int64_t now, char **cause);
/* The same, with every interaction of the contact, newest first, already read
 * (all[0..n), borrowed: the services are copied), as the timeline pane holds
 * them when it has them all (vm_timeline_complete); all NULL: read them. */
int vm_recip_load_from(struct vm_recip *vm, int64_t rowid, int64_t now,
                       const struct interaction *all, size_t n, char **cause);

/* The pane's lines for a width in cells: give and take side by side, the
 * balance bar, open follow-ups, then the score's terms. */
void vm_recip_lines(const struct vm_recip *vm, size_t width, struct vm_lines *out);
/* The whole record: name, role and organisation, circle and cadence, e-mails,
 * phones, other fields, birthday, met, tags, notes, follow-ups. */
void vm_recip_record_lines(const struct vm_recip *vm, struct vm_lines *out);
/* The balance bar, `cells` cells (even, at most 20) centred on 0: filled
 * left of the middle for got, right of it for gave; into out. */
void vm_recip_balance_bar(double balance, int cells, char out[64]);
/* The same bar in '#' and '.' when ascii is set. */
void vm_recip_balance_bar_as(double balance, int cells, int ascii, char out[64]);
/* The first open follow-up (earliest due), or NULL. */
const struct followup *vm_recip_first_open(const struct vm_recip *vm);

#endif
