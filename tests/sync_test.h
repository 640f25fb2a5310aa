/* sync_test.h: helpers the sync suites share (check_sync_util.c): a
 * journal's export as a string, two journals compared, one edit. */
#ifndef KITH_SYNC_TEST_H
#define KITH_SYNC_TEST_H

#include <stdint.h>

#include "store.h"

/* The export of st (sync_export), as a heap string the caller frees. */
char *t_export(struct store *st);
/* Fails the test unless a and b export the same bytes. */
void t_assert_equal_journals(struct store *a, struct store *b);
/* Sets the org of contact rowid, updated at `at`; fails the test on error. */
void t_edit_org(struct store *st, int64_t rowid, const char *org, int64_t at);
/* The rowid of contact uuid in st; 0 when it has none. */
int64_t t_rowid_of(struct store *st, const char *uuid);

#endif
