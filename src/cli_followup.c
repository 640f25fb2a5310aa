/* cli_followup.c: kith followup, done and snooze: what to do next about a
 * person, and quieting someone for a while. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "err.h"
#include "id.h"
#include "utf8.h"

struct cli_fu_tx {
	struct followup *f;
	int64_t rowid, until, now;
	int done;
};

static int cli_fu_add(struct store *st, void *arg, char **cause)
{
	struct cli_fu_tx *tx = arg;
	return store_tx_followup_add(st, tx->f, tx->now, cause);
}

static int cli_fu_done(struct store *st, void *arg, char **cause)
{
	struct cli_fu_tx *tx = arg;
	return store_tx_followup_done(st, tx->rowid, tx->done, tx->now, cause);
}

static int cli_fu_snooze(struct store *st, void *arg, char **cause)
{
	struct cli_fu_tx *tx = arg;
	return store_tx_contact_snooze(st, tx->rowid, tx->until, tx->now, cause);
}

static int cli_followup_run(struct cli *cli, struct cli_args *a)
{
	int64_t due;
	char *cause = NULL;
	if (date_parse_due(a->pos.v[1], cli->now, &due, &cause) != 0) {
		int rc = cli_usage(cli, "%s", cause);
		free(cause);
		return rc;
	}
	struct strv words;
	strv_init(&words);
	for (size_t i = 2; i < a->pos.n; i++)
		strv_push(&words, a->pos.v[i]);
	char *text = strv_join(&words, " ");
	strv_free(&words);
	int bad = text[strspn(text, " ")] == '\0' ||
	          utf8_check_text(text, strlen(text), 0, NULL, NULL, NULL) != 0;
	if (bad) {
		free(text);
		return cli_usage(cli, "a follow-up needs some text in UTF-8, without control "
		                      "characters");
	}
	struct contact c;
	if (cli_contact(cli, a->pos.v[0], &c) != 0) {
		free(text);
		return CLI_FAIL;
	}
	struct followup f;
	memset(&f, 0, sizeof f);
	f.contact_rowid = c.rowid;
	f.due_at = due;
	f.text = text;
	struct cli_fu_tx tx = {&f, 0, 0, cli->now, 0};
	int rc = CLI_OK;
	if (store_write(cli->st, cli_fu_add, &tx, &cause) != 0) {
		rc = cli_fail(cli, cause);
	} else if (cli->json) {
		struct buf b;
		struct json j;
		char day[16];
		date_format_day(due, day);
		buf_init(&b);
		json_init(&j, &b, 1);
		json_object_begin(&j);
		json_member_string(&j, "id", f.id);
		json_member_string(&j, "due", day);
		json_member_string(&j, "text", f.text);
		json_member_bool(&j, "done", 0);
		json_object_end(&j);
		cli_flush(cli, &b);
	} else {
		char day[16];
		date_format_day(due, day);
		fprintf(cli->out, "follow-up %.8s with ", f.id);
		cli_write_safe(cli, c.name);
		fprintf(cli->out, " due %s: ", day);
		cli_write_safe(cli, text);
		fputc('\n', cli->out);
	}
	free(text);
	free(f.contact_name);
	contact_free(&c);
	return rc;
}

static const struct cli_opt cli_done_opts[] = {
	{"undo", 0, 0, NULL, "reopen a follow-up marked done"},
	{NULL, 0, 0, NULL, NULL},
};

static int cli_done_run(struct cli *cli, struct cli_args *a)
{
	const char *spec = a->pos.v[0];
	if (!id_is_prefix(spec))
		return cli_usage(cli, "'%s' is not a follow-up id (at least %d characters of it)", spec,
		                 ID_PREFIX_MIN);
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	struct followup *f = NULL;
	size_t n = 0;
	char *cause = NULL;
	if (store_followup_find_prefix(st, spec, 8, &f, &n, &cause) != 0)
		return cli_fail(cli, cause);
	int rc = CLI_OK;
	if (n == 0) {
		rc = cli_error(cli, "no follow-up %s (kith show CONTACT lists them)", spec);
	} else if (n > 1) {
		rc = cli_error(cli, "%s names %zu follow-ups; give more of the id", spec, n);
	} else {
		struct cli_fu_tx tx = {NULL, f[0].rowid, 0, cli->now, !cli_flag(a, "undo")};
		if (store_write(st, cli_fu_done, &tx, &cause) != 0) {
			rc = cli_fail(cli, cause);
		} else if (!cli->json) {
			fprintf(cli->out, "%s %.8s with ", tx.done ? "done:" : "reopened:", f[0].id);
			cli_write_safe(cli, f[0].contact_name);
			fputs(": ", cli->out);
			cli_write_safe(cli, f[0].text);
			fputc('\n', cli->out);
		}
	}
	followups_free(f, n);
	return rc;
}

static int cli_snooze_run(struct cli *cli, struct cli_args *a)
{
	const char *when = a->pos.n > 1 ? a->pos.v[1] : "1w";
	int64_t until = 0;
	char *cause = NULL;
	if (strcmp(when, "none") != 0 && strcmp(when, "off") != 0 &&
	    date_parse_due(when, cli->now, &until, &cause) != 0) {
		int rc = cli_usage(cli, "%s", cause);
		free(cause);
		return rc;
	}
	if (until != 0 && until <= cli->now) {
		char day[16];
		date_format_day(until, day);
		return cli_usage(cli, "a snooze until %s would already be over: snooze until a "
		                      "later day (tomorrow, 1w, fri or a date)",
		                 day);
	}
	struct contact c;
	if (cli_contact(cli, a->pos.v[0], &c) != 0)
		return CLI_FAIL;
	struct cli_fu_tx tx = {NULL, c.rowid, until, cli->now, 0};
	int rc = CLI_OK;
	if (store_write(cli->st, cli_fu_snooze, &tx, &cause) != 0) {
		rc = cli_fail(cli, cause);
	} else if (!cli->json) {
		cli_write_safe(cli, c.name);
		if (until == 0) {
			fputs(" is no longer snoozed\n", cli->out);
		} else {
			char day[16];
			date_format_day(until, day);
			fprintf(cli->out, " snoozed until %s\n", day);
		}
	}
	contact_free(&c);
	return rc;
}

static const struct cli_opt cli_no_opts[] = {{NULL, 0, 0, NULL, NULL}};

const struct cli_cmd cli_cmd_followup = {
	"followup", "CONTACT WHEN TEXT...",
	"plan a follow-up; WHEN is today, tomorrow, 3d, 2w, 1m, fri or 2026-12-01", cli_no_opts, 3, -1,
	cli_followup_run, 0,
};
const struct cli_cmd cli_cmd_done = {
	"done", "FOLLOWUP", "mark a follow-up done (by its id or a 6+ character prefix)",
	cli_done_opts, 1, 1, cli_done_run, 0,
};
const struct cli_cmd cli_cmd_snooze = {
	"snooze", "CONTACT [WHEN|none]",
	"quiet a person until WHEN (default 1w); lists mark them snoozed", cli_no_opts, 1, 2,
	cli_snooze_run, 0,
};
