/* cli_log.c: kith log TEXT..., one line of the capture grammar (DESIGN.md §5)
 * recorded in one transaction: new contacts, the interaction, its follow-ups.
 * Mentions are resolved inside the write transaction, so a concurrent edit
 * cannot slip between lookup and write. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "cli.h"
#include "date.h"
#include "err.h"
#include "match.h"
#include "utf8.h"

/* One capture line and what it resolved to. */
struct cli_log_item {
	struct capture cap;
	char *line;
	size_t lineno; /* 1-based line of standard input; 0 for arguments */
	struct interaction in;
	struct contact *fresh; /* contacts the line creates (@+) */
	size_t nfresh;
	struct followup *fu;
	size_t nfu;
};

struct cli_log_tx {
	struct cli_log_item *items;
	size_t n;
	int64_t now;
	int dry_run;
};

static void cli_log_item_reset(struct cli_log_item *it)
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

static int cli_log_has(const struct interaction *in, int64_t rowid, const char *name)
{
	for (size_t i = 0; i < in->ncontacts; i++)
		if ((rowid != 0 && in->contacts[i].rowid == rowid) ||
		    (rowid == 0 && in->contacts[i].rowid == 0 && strcmp(in->contacts[i].name, name) == 0))
			return 1;
	return 0;
}

/* Resolves the mentions of one line and writes it (unless dry_run). */
static int cli_log_one(struct store *st, struct cli_log_item *it, int64_t now, int dry_run,
                       char **cause)
{
	struct capture *cap = &it->cap;
	cli_log_item_reset(it);
	it->in.at = cap->at;
	it->in.kind = cap->kind;
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
			for (const char *p = m->text; *p; p++)
				if ((unsigned char)*p < 0x20 || *p == 0x7f)
					rc = err_set(cause, "a name cannot hold control characters");
			if (rc != 0)
				break;
			if (cli_log_has(&it->in, 0, m->text)) {
				names[i] = m->text;
				continue;
			}
			it->fresh = xreallocarray(it->fresh, it->nfresh + 1, sizeof *it->fresh);
			struct contact *c = &it->fresh[it->nfresh++];
			contact_init(c);
			free(c->name);
			c->name = xstrdup(m->text);
			c->circle = CIRCLE_ACTIVE;
			if (!dry_run && store_tx_contact_add(st, c, now, cause) != 0) {
				rc = -1;
				break;
			}
			ref.rowid = c->rowid;
			memcpy(ref.id, c->id, sizeof ref.id);
			ref.name = c->name;
			ref.org = c->org;
			if (!cli_log_has(&it->in, ref.rowid, ref.name))
				interaction_add_contact(&it->in, &ref);
			names[i] = m->text;
			continue;
		}
		if (match_resolve_name(st, m->text, &ref, cause) != 0) {
			rc = -1;
			break;
		}
		if (!cli_log_has(&it->in, ref.rowid, ref.name))
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
		if (!dry_run && store_tx_interaction_add(st, &it->in, now, cause) != 0)
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
			f->text = xstrdup(*it->in.summary ? it->in.summary : model_ikind_name(cap->kind));
			f->interaction_rowid = it->in.rowid;
			if (!dry_run && store_tx_followup_add(st, f, now, cause) != 0)
				rc = -1;
		}
	}
	free(names);
	return rc;
}

static int cli_log_write(struct store *st, void *arg, char **cause)
{
	struct cli_log_tx *tx = arg;
	for (size_t i = 0; i < tx->n; i++) {
		if (cli_log_one(st, &tx->items[i], tx->now, tx->dry_run, cause) != 0) {
			if (tx->items[i].lineno > 0)
				err_wrap(cause, "line %zu: ", tx->items[i].lineno);
			return -1;
		}
	}
	return 0;
}

static int cli_log_read(struct store *st, void *arg, char **cause)
{
	return cli_log_write(st, arg, cause);
}

static void cli_log_json(struct json *j, const struct cli_log_item *it)
{
	json_object_begin(j);
	json_key(j, "at");
	json_time(j, it->in.at);
	json_key(j, "kind");
	json_string(j, model_ikind_name(it->in.kind));
	json_key(j, "direction");
	json_string(j, model_direction_name(it->in.dir));
	json_key(j, "deep");
	json_bool(j, it->in.deep);
	json_key(j, "summary");
	json_string(j, it->in.summary);
	json_key(j, "tags");
	json_array_begin(j);
	for (size_t i = 0; i < it->in.tags.n; i++)
		json_string(j, it->in.tags.v[i]);
	json_array_end(j);
	json_key(j, "contacts");
	json_array_begin(j);
	for (size_t i = 0; i < it->in.ncontacts; i++) {
		int fresh = it->in.contacts[i].rowid == 0;
		json_object_begin(j);
		json_key(j, "id");
		json_string(j, fresh ? NULL : it->in.contacts[i].id);
		json_key(j, "name");
		json_string(j, it->in.contacts[i].name);
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
		json_key(j, "contact");
		json_string(j, it->fu[i].contact_name);
		json_key(j, "due");
		json_string(j, day);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

/* "logged a meeting with Ana Souza and Bruno Lima on Thu 2026-11-19 12:00
 * (gave); new contact: X; follow-up 2026-11-26". */
static void cli_log_say(struct buf *b, const struct cli_log_item *it, int dry_run, int64_t now)
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
		buf_printf(b, "; %zu new contact%s", it->nfresh, it->nfresh == 1 ? "" : "s");
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

/* The capture lines: the arguments joined, or each non-empty line of
 * standard input. */
static int cli_log_lines(struct cli *cli, struct cli_args *a, struct strv *lines,
                         struct strv *numbers)
{
	if (a->pos.n > 0) {
		strv_take(lines, strv_join(&a->pos, " "));
		strv_push(numbers, "0");
		return 0;
	}
	if (isatty(STDIN_FILENO))
		return cli_usage(cli, "write what happened, e.g. kith log coffee with @ana");
	struct buf in;
	buf_init(&in);
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
		buf_add(&in, chunk, got);
		if (in.len > 16u * CAPTURE_MAX_LINE) {
			buf_free(&in);
			return cli_error(cli, "standard input is too long for kith log");
		}
	}
	const char *p = buf_str(&in);
	size_t lineno = 0;
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (len > 0 && p[len - 1] == '\r')
			len--;
		size_t lead = 0;
		while (lead < len && (p[lead] == ' ' || p[lead] == '\t'))
			lead++;
		if (lead < len && p[lead] != '#') {
			strv_take(lines, xstrndup(p, len));
			char num[24];
			snprintf(num, sizeof num, "%zu", lineno);
			strv_push(numbers, num);
		}
		p += nl ? len + (p[len] == '\r') + 1 : len;
	}
	buf_free(&in);
	if (lines->n == 0)
		return cli_usage(cli, "nothing to log on standard input");
	return 0;
}

static const struct cli_opt cli_log_opts[] = {
	{"dry-run", 0, 0, NULL, "show what would be recorded, write nothing"},
	{NULL, 0, 0, NULL, NULL},
};

static int cli_log_run(struct cli *cli, struct cli_args *a)
{
	struct strv lines, numbers;
	strv_init(&lines);
	strv_init(&numbers);
	int rc = cli_log_lines(cli, a, &lines, &numbers);
	if (rc != 0)
		goto out_lines;
	struct cli_log_item *items = xcalloc(lines.n, sizeof *items);
	for (size_t i = 0; i < lines.n; i++)
		interaction_init(&items[i].in);
	for (size_t i = 0; i < lines.n && rc == 0; i++) {
		struct capture_error e = {NULL, 0, 0};
		items[i].line = lines.v[i];
		items[i].lineno = (size_t)strtoul(numbers.v[i], NULL, 10);
		if (capture_parse(lines.v[i], cli->now, &items[i].cap, &e) != 0) {
			if (items[i].lineno > 0)
				cli_error(cli, "line %zu: %s", items[i].lineno, e.message);
			else
				cli_error(cli, "%s", e.message);
			capture_error_free(&e);
			rc = CLI_FAIL;
		}
	}
	struct store *st = rc == 0 ? cli_store(cli) : NULL;
	if (rc == 0 && st == NULL)
		rc = CLI_FAIL;
	if (rc == 0) {
		struct cli_log_tx tx = {items, lines.n, cli->now, cli_flag(a, "dry-run")};
		char *cause = NULL;
		int w = tx.dry_run ? store_read(st, cli_log_read, &tx, &cause)
		                   : store_write(st, cli_log_write, &tx, &cause);
		if (w != 0) {
			rc = cli_fail(cli, cause);
		} else {
			struct buf b;
			buf_init(&b);
			if (cli->json) {
				struct json j;
				json_init(&j, &b, 1);
				if (lines.n > 1)
					json_array_begin(&j);
				for (size_t i = 0; i < lines.n; i++)
					cli_log_json(&j, &items[i]);
				if (lines.n > 1)
					json_array_end(&j);
			} else {
				for (size_t i = 0; i < lines.n; i++)
					cli_log_say(&b, &items[i], tx.dry_run, cli->now);
			}
			cli_flush(cli, &b);
		}
	}
	for (size_t i = 0; i < lines.n; i++) {
		capture_free(&items[i].cap);
		cli_log_item_reset(&items[i]);
		interaction_free(&items[i].in);
	}
	free(items);
out_lines:
	strv_free(&lines);
	strv_free(&numbers);
	return rc;
}

const struct cli_cmd cli_cmd_log = {
	"log", "TEXT... [--dry-run]  (or the text on standard input, a line per interaction)",
	"record what happened in one line: kith log yesterday coffee with @ana +gave #devconf !1w",
	cli_log_opts, 0, -1, cli_log_run,
};
