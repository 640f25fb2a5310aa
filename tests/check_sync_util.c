/* check_sync_util.c: helpers shared by the sync suites (no suite of its
 * own): a journal's export as a string, two journals compared, one edit. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "store_test.h"
#include "sync.h"
#include "sync_test.h"

char *t_export(struct store *st)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	char *cause = NULL;
	ck_assert_msg(sync_export(st, f, &cause) == 0, "export: %s", cause ? cause : "?");
	fclose(f);
	return data;
}

void t_assert_equal_journals(struct store *a, struct store *b)
{
	char *ea = t_export(a), *eb = t_export(b);
	ck_assert_str_eq(ea, eb);
	free(ea);
	free(eb);
}

void t_edit_org(struct store *st, int64_t rowid, const char *org, int64_t at)
{
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(st, rowid, &c, &cause), 0);
	t_set(&c.org, org);
	ck_assert_int_eq(t_contact_update(st, &c, at, &cause), 0);
	contact_free(&c);
}

int64_t t_rowid_of(struct store *st, const char *uuid)
{
	struct contact c;
	char *cause = NULL;
	int rc = store_contact_by_uuid(st, uuid, &c, &cause);
	ck_assert_int_ge(rc, 0);
	int64_t rowid = rc == 0 ? c.rowid : 0;
	if (rc == 0)
		contact_free(&c);
	return rowid;
}
