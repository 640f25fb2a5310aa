/* cli_record.c: recording capture lines as `kith log` does (record.h): mentions resolved
 * inside the write transaction, so a concurrent edit cannot slip between lookup and
 * write; then the confirmation and JSON. Uses capture, match, store, json, date, utf8. */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "match.h"
#include "store.h"
#include "utf8.h"

struct cli_record_tx {
	struct cli_record_item *items;
	size_t n;
	int64_t now;
	int dry_run;
};

void cli_record_item_init(struct cli_record_item *it)
{
	memset(it, 0, sizeof *it);
	interaction_init(&it->in);
}

static void cli_record_item_reset(struct cli_record_item *it)
{
	interaction_free(&it->in);
	interaction_init(&it->in);
	contacts_free(it->fresh, it->nfresh);
	it->fresh = NULL;
	it->nfresh = 0;
	followups_free(it->fu, it->nfu);
	it->fu = NULL;
	it->nfu = 0;
}

/* Whether the interaction links contact rowid already (a line may name a
 * person twice). */
static int cli_record_has(const struct interaction *in, int64_t rowid)
{
	for (size_t i = 0; i < in->ncontacts; i++)
		if (in->contacts[i].rowid == rowid)
			return 1;
	return 0;
}

/* The line of standard input of an earlier item of the batch that created
 * contact rowid (*found set); *found 0 when none did. */
static size_t cli_record_created_on(const struct cli_record_tx *tx, size_t upto, int64_t rowid,
                                    int *found)
{
	*found = 0;
	for (size_t i = 0; i < upto; i++) {
		for (size_t k = 0; k < tx->items[i].nfresh; k++) {
			if (tx->items[i].fresh[k].rowid == rowid) {
				*found = 1;
				return tx->items[i].lineno;
			}
		}
	}
	return 0;
}

/* A contact the line creates (@+"Name"): refused when someone already has
 * exactly that name, since the line most likely means them; when an earlier
 * line of the same batch created them, the message says so. */
static int cli_record_fresh(struct store *st, const struct cli_record_tx *tx, size_t at,
                            const char *name, int64_t now, char **cause)
{
	struct cli_record_item *it = &tx->items[at];
	if (utf8_check_text(name, strlen(name), 0, NULL, NULL, cause) != 0)
		return err_wrap(cause, "the name of a new contact: ");
	for (size_t i = 0; i < it->nfresh; i++)
		if (strcmp(it->fresh[i].name, name) == 0)
			return 0; /* the line names the new person twice */
	char *folded = utf8_fold(name);
	struct contact_ref *same = NULL;
	size_t nsame = 0;
	int rc = store_contact_find_exact(st, folded, 1, &same, &nsame, cause);
	free(folded);
	int earlier = 0;
	size_t line = rc == 0 && nsame > 0 ? cli_record_created_on(tx, at, same[0].rowid, &earlier)
	                                   : 0;
	if (rc == 0 && nsame > 0) {
		char *mention = capture_mention_format(same[0].name);
		if (earlier)
			rc = err_set(cause, "\"%s\" is already created on line %zu of this batch: "
			                    "write %s here to mention them",
			             same[0].name, line, mention);
		else
			rc = err_set(cause, "%s is already in the journal (%.8s): write %s to mention "
			                    "them; kith add \"%s\" adds a second person of that name",
			             same[0].name, same[0].id, mention, name);
		free(mention);
	}
	contact_refs_free(same, nsame);
	if (rc != 0)
		return -1;
	it->fresh = xreallocarray(it->fresh, it->nfresh + 1, sizeof *it->fresh);
	struct contact *c = &it->fresh[it->nfresh++];
	contact_init(c);
	free(c->name);
	c->name = xstrdup(name);
	c->circle = CIRCLE_ACTIVE;
	if (store_tx_contact_add(st, c, now, cause) != 0)
		return -1;
	struct contact_ref ref = {c->rowid, "", c->name, c->org};
	memcpy(ref.id, c->id, sizeof ref.id);
	if (!cli_record_has(&it->in, ref.rowid))
		interaction_add_contact(&it->in, &ref);
	return 0;
}

/* Resolves the mentions of one line and writes it (a dry run writes too,
 * inside a transaction that is rolled back). */
static int cli_record_one(struct store *st, const struct cli_record_tx *tx, size_t at,
                          char **cause)
{
	struct cli_record_item *it = &tx->items[at];
	int64_t now = tx->now;
	struct capture *cap = &it->cap;
	cli_record_item_reset(it);
	it->in.at = cap->at;
	it->in.kind = cap->kind;
	it->in.service = cap->service;
	it->in.dir = cap->dir;
	it->in.deep = cap->deep;
	strv_free(&it->in.tags);
	strv_copy(&it->in.tags, &cap->tags);

	const char **names = xcalloc(cap->nmentions, sizeof *names);
	int rc = 0;
	for (size_t i = 0; i < cap->nmentions && rc == 0; i++) {
		const struct capture_mention *m = &cap->mentions[i];
		struct contact_ref ref;
		memset(&ref, 0, sizeof ref);
		if (m->create) {
			if (cli_record_fresh(st, tx, at, m->text, now, cause) != 0) {
				rc = -1;
				break;
			}
			names[i] = m->text;
			continue;
		}
		if (match_resolve_name(st, m->text, m->id_prefix, &ref, cause) != 0) {
			rc = -1;
			break;
		}
		if (!cli_record_has(&it->in, ref.rowid))
			interaction_add_contact(&it->in, &ref);
		/* the summary shows the full name the mention resolved to */
		for (size_t k = 0; k < it->in.ncontacts; k++)
			if (it->in.contacts[k].rowid == ref.rowid)
				names[i] = it->in.contacts[k].name;
		contact_ref_free(&ref);
	}
	if (rc == 0) {
		free(it->in.summary);
		it->in.summary = capture_summary_with_names(cap, names);
		if (store_tx_interaction_add(st, &it->in, now, cause) != 0)
			rc = -1;
	}
	for (size_t d = 0; rc == 0 && d < cap->nfollowups; d++) {
		for (size_t k = 0; rc == 0 && k < it->in.ncontacts; k++) {
			it->fu = xreallocarray(it->fu, it->nfu + 1, sizeof *it->fu);
			struct followup *f = &it->fu[it->nfu++];
			memset(f, 0, sizeof *f);
			f->contact_rowid = it->in.contacts[k].rowid;
			f->contact_name = xstrdup(it->in.contacts[k].name);
			f->due_at = cap->followups[d];
			f->text = xstrdup(*it->in.summary ? it->in.summary
			                                  : model_ikind_name(cap->kind));
			f->interaction_rowid = it->in.rowid;
			if (store_tx_followup_add(st, f, now, cause) != 0)
				rc = -1;
		}
	}
	free(names);
	return rc;
}

static int cli_record_tx_write(struct store *st, void *arg, char **cause)
{
	struct cli_record_tx *tx = arg;
	for (size_t i = 0; i < tx->n; i++) {
		if (cli_record_one(st, tx, i, cause) != 0) {
			if (tx->items[i].lineno > 0)
				err_wrap(cause, "line %zu: ", tx->items[i].lineno);
			return -1;
		}
	}
	return 0;
}

void cli_record_json(struct json *j, const struct cli_record_item *it)
{
	json_object_begin(j);
	json_member_time(j, "at", it->in.at);
	json_member_string(j, "kind", model_ikind_name(it->in.kind));
	json_member_string(j, "direction", model_direction_name(it->in.dir));
	json_member_bool(j, "deep", it->in.deep);
	json_member_string(j, "summary", it->in.summary);
	json_key(j, "tags");
	json_array_begin(j);
	for (size_t i = 0; i < it->in.tags.n; i++)
		json_string(j, it->in.tags.v[i]);
	json_array_end(j);
	json_key(j, "contacts");
	json_array_begin(j);
	for (size_t i = 0; i < it->in.ncontacts; i++) {
		/* a dry run's new contacts get no id: the real run makes its own */
		int fresh = 0;
		for (size_t k = 0; it->dry_run && k < it->nfresh; k++)
			fresh |= it->fresh[k].rowid == it->in.contacts[i].rowid;
		json_object_begin(j);
		json_member_string(j, "id", fresh ? NULL : it->in.contacts[i].id);
		json_member_string(j, "name", it->in.contacts[i].name);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "new_contacts");
	json_array_begin(j);
	for (size_t i = 0; i < it->nfresh; i++)
		json_string(j, it->fresh[i].name);
	json_array_end(j);
	json_key(j, "followups");
	json_array_begin(j);
	for (size_t i = 0; i < it->nfu; i++) {
		char day[16];
		date_format_day(it->fu[i].due_at, day);
		json_object_begin(j);
		json_member_string(j, "contact", it->fu[i].contact_name);
		json_member_string(j, "due", day);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

/* "logged a meeting with Ana Souza and Bruno Lima on Thu 2026-11-19 12:00
 * (gave); new contact: X; follow-up 2026-11-26". */
void cli_record_say(struct buf *b, const struct cli_record_item *it, int dry_run, int64_t now)
{
	const struct interaction *in = &it->in;
	buf_puts(b, dry_run ? "would log " : "logged ");
	buf_printf(b, "%s%s with ", in->deep ? "deep " : "", model_ikind_name(in->kind));
	for (size_t i = 0; i < in->ncontacts; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == in->ncontacts ? " and " : ", ");
		utf8_escape(b, in->contacts[i].name, strlen(in->contacts[i].name));
	}
	char when[24];
	date_format_minute(in->at, when);
	int days = date_days_between(in->at, now);
	buf_printf(b, ", %s%s", days == 0 ? "today " : days == 1 ? "yesterday " : "", when);
	if (in->at > now)
		buf_puts(b, " (in the future: not counted until then)");
	if (in->dir != DIR_NONE)
		buf_printf(b, ", %s", model_direction_name(in->dir));
	if (in->tags.n > 0) {
		buf_puts(b, ",");
		for (size_t i = 0; i < in->tags.n; i++) {
			buf_puts(b, " #");
			utf8_escape(b, in->tags.v[i], strlen(in->tags.v[i]));
		}
	}
	if (it->nfresh > 0)
		buf_printf(b, "; %zu new %s", it->nfresh,
		           buf_plural((long long)it->nfresh, "contact", "contacts"));
	if (it->cap.nfollowups > 0) {
		buf_puts(b, "; follow-up");
		for (size_t i = 0; i < it->cap.nfollowups; i++) {
			char day[16];
			date_format_day(it->cap.followups[i], day);
			buf_printf(b, "%s %s", i ? "," : "", day);
		}
		if (in->ncontacts > 1)
			buf_puts(b, in->ncontacts == 2 ? " with both" : " with each");
	}
	buf_putc(b, '\n');
}

void cli_record_item_free(struct cli_record_item *it)
{
	capture_free(&it->cap);
	cli_record_item_reset(it);
	interaction_free(&it->in);
}

int cli_record_write(struct store *st, struct cli_record_item *items, size_t n, int64_t now,
                     int dry_run, char **cause)
{
	struct cli_record_tx tx = {items, n, now, dry_run};
	for (size_t i = 0; i < n; i++)
		items[i].dry_run = dry_run;
	return dry_run ? store_trial(st, cli_record_tx_write, &tx, cause)
	               : store_write(st, cli_record_tx_write, &tx, cause);
}

int cli_record_text(struct store *st, const char *line, int64_t now, struct cli_record_item *it,
                    char **cause)
{
	struct capture_error e = {NULL, 0, 0};
	int rc = capture_parse(line, now, &it->cap, &e);
	if (rc != 0) {
		err_set(cause, "%s", e.message ? e.message : "cannot read the line");
		capture_error_free(&e);
		return -1;
	}
	return cli_record_write(st, it, 1, now, 0, cause);
}

int cli_record_line(struct store *st, const char *line, int64_t now, char **said, char **cause)
{
	struct cli_record_item it;
	cli_record_item_init(&it);
	*said = NULL;
	int rc = cli_record_text(st, line, now, &it, cause);
	if (rc == 0) {
		struct buf b;
		buf_init(&b);
		cli_record_say(&b, &it, 0, now);
		*said = buf_detach(&b);
	}
	cli_record_item_free(&it);
	return rc;
}
