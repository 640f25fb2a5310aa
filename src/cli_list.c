/* cli_list.c: kith list (contacts ranked by a score) and kith timeline
 * (interactions, newest first). Ranking reads the score cache only. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "err.h"
#include "table.h"
#include "utf8.h"

enum cli_sort { SORT_ATTENTION, SORT_WARMTH, SORT_RECENCY, SORT_BALANCE, SORT_NAME, SORT_COUNT };
static const char *const cli_sort_names[SORT_COUNT] = {"attention", "warmth", "recency",
                                                       "balance", "name"};

struct cli_ranked {
	struct contact *c;
	struct score s;
	char *key; /* folded name, for the name order */
	enum cli_sort sort;
};

static int cli_cmp_double_desc(double a, double b)
{
	return a > b ? -1 : a < b ? 1 : 0;
}

/* The review's tie rule serves every order: importance, then longer silence,
 * then the id, so the order never depends on insertion. */
static int cli_ranked_cmp(const void *pa, const void *pb)
{
	const struct cli_ranked *a = pa, *b = pb;
	int c = 0;
	switch (a->sort) {
	case SORT_ATTENTION:
		c = cli_cmp_double_desc(a->s.attention, b->s.attention);
		break;
	case SORT_WARMTH:
		c = cli_cmp_double_desc(a->s.warmth, b->s.warmth);
		break;
	case SORT_RECENCY:
		c = cli_cmp_double_desc(a->s.recency, b->s.recency);
		if (c == 0)
			c = cli_cmp_double_desc(a->s.days_since, b->s.days_since);
		break;
	case SORT_BALANCE:
		c = -cli_cmp_double_desc(a->s.balance, b->s.balance);
		break;
	case SORT_NAME:
	case SORT_COUNT:
		c = strcmp(a->key, b->key);
		break;
	}
	if (c == 0)
		c = cli_cmp_double_desc(a->s.importance, b->s.importance);
	if (c == 0)
		c = cli_cmp_double_desc(a->s.days_since, b->s.days_since);
	if (c == 0)
		c = strcmp(a->c->id, b->c->id);
	return c;
}

static void cli_warmth_bar(double w, char out[32])
{
	int full = (int)lround(w * 5);
	out[0] = '\0';
	for (int i = 0; i < 5; i++)
		strcat(out, i < full ? "\u2588" : "\u00b7");
}

static const char *cli_balance_mark(const struct score *s)
{
	if (s->owe)
		return "owe";
	if (s->balance >= 1.0 / 3)
		return "gave";
	if (s->balance <= -1.0 / 3)
		return "got";
	return "";
}

static const struct cli_opt cli_list_opts[] = {
	{"sort", 0, 1, "KEY", "attention (default), warmth, recency, balance or name"},
	{"circle", 0, 1, "CIRCLE", "only this circle"},
	{"tag", 0, 1, "TAG", "only contacts with this tag"},
	{"limit", 'n', 1, "N", "at most N contacts"},
	{"archived", 0, 0, NULL, "include archived contacts"},
	{NULL, 0, 0, NULL, NULL},
};

static int cli_list_run(struct cli *cli, struct cli_args *a)
{
	enum cli_sort sort = SORT_ATTENTION;
	const char *v = cli_opt(a, "sort");
	if (v != NULL) {
		for (sort = 0; sort < SORT_COUNT && strcmp(cli_sort_names[sort], v) != 0; sort++)
			;
		if (sort == SORT_COUNT)
			return cli_usage(cli, "unknown sort '%s' (attention, warmth, recency, balance, "
			                      "name)", v);
	}
	struct store_contact_filter f = {-1, cli_opt(a, "tag"), cli_flag(a, "archived")};
	if ((v = cli_opt(a, "circle")) != NULL) {
		enum circle c;
		if (model_circle_parse(v, &c) != 0)
			return cli_usage(cli, "unknown circle '%s' (inner, close, active, wide, outer)", v);
		f.circle = (int)c;
	}
	long limit = 0;
	if (cli_opt_int(cli, a, "limit", 0, 9999999, &limit) != 0)
		return CLI_USAGE;
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;

	struct contact *cs = NULL;
	size_t n = 0;
	char *cause = NULL;
	if (store_contact_list(st, &f, &cs, &n, &cause) != 0)
		return cli_fail(cli, cause);
	struct cli_ranked *r = xcalloc(n ? n : 1, sizeof *r);
	int rc = CLI_OK;
	for (size_t i = 0; i < n && rc == CLI_OK; i++) {
		r[i].c = &cs[i];
		r[i].sort = sort;
		r[i].key = sort == SORT_NAME ? utf8_fold(cs[i].name) : NULL;
		if (cli_score(cli, &cs[i], &r[i].s) != 0)
			rc = CLI_FAIL;
	}
	if (rc == CLI_OK) {
		qsort(r, n, sizeof *r, cli_ranked_cmp);
		size_t shown = limit > 0 && (size_t)limit < n ? (size_t)limit : n;
		struct buf b;
		buf_init(&b);
		if (cli->json) {
			struct json j;
			json_init(&j, &b, 1);
			json_array_begin(&j);
			for (size_t i = 0; i < shown; i++) {
				json_object_begin(&j);
				cli_json_contact(&j, r[i].c, &r[i].s, &cli->cfg.score);
				json_object_end(&j);
			}
			json_array_end(&j);
		} else if (shown > 0) {
			static const char *const heads[] = {"NAME", "ORG", "CIRCLE", "LAST", "STATUS",
			                                    "WARMTH", "BAL", "ATTN"};
			struct table t;
			table_init(&t, 8, heads);
			t.flex[0] = t.flex[1] = 1;
			t.min[0] = 10;
			t.right[3] = t.right[7] = 1;
			for (size_t i = 0; i < shown; i++) {
				const struct score *s = &r[i].s;
				char age[16], bar[32];
				cli_format_age(s->days_since, age);
				cli_warmth_bar(s->warmth, bar);
				table_add(&t, r[i].c->name);
				table_add(&t, r[i].c->org);
				table_add(&t, model_circle_name(r[i].c->circle));
				table_add(&t, s->last_contact ? age : "never");
				table_add(&t, r[i].c->snoozed_until > cli->now ? "snoozed"
				                                               : score_status_name(s->status));
				table_add(&t, bar);
				table_add(&t, cli_balance_mark(s));
				table_addf(&t, "%.2f", s->attention);
			}
			table_render(&t, &b, cli->width);
			table_free(&t);
		} else {
			buf_puts(&b, n == 0 ? "No contacts yet: add one with `kith add NAME`, or try "
			                      "`kith demo` on an empty journal.\n"
			                    : "");
		}
		cli_flush(cli, &b);
	}
	for (size_t i = 0; i < n; i++)
		free(r[i].key);
	free(r);
	contacts_free(cs, n);
	return rc;
}

static const struct cli_opt cli_timeline_opts[] = {
	{"since", 0, 1, "DATE", "only interactions on or after DATE (YYYY-MM-DD)"},
	{"limit", 'n', 1, "N", "at most N interactions (default 50; 0 for all)"},
	{NULL, 0, 0, NULL, NULL},
};

static int cli_timeline_run(struct cli *cli, struct cli_args *a)
{
	struct store_timeline_query q = {0, 0, 0, 50};
	long limit = 50;
	if (cli_opt_int(cli, a, "limit", 0, 9999999, &limit) != 0)
		return CLI_USAGE;
	q.limit = (size_t)limit;
	char *cause = NULL;
	const char *since = cli_opt(a, "since");
	if (since != NULL && date_parse_iso(since, &q.since, &cause) != 0) {
		int rc = cli_usage(cli, "--since: %s", cause);
		free(cause);
		return rc;
	}
	struct contact c;
	int have_contact = 0;
	if (a->pos.n > 0) {
		if (cli_contact(cli, a->pos.v[0], &c) != 0)
			return CLI_FAIL;
		have_contact = 1;
		q.contact_rowid = c.rowid;
	}
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	struct interaction *in = NULL;
	size_t n = 0;
	int rc = CLI_OK;
	if (store_timeline(st, &q, &in, &n, &cause) != 0) {
		rc = cli_fail(cli, cause);
	} else {
		struct buf b;
		buf_init(&b);
		if (cli->json) {
			struct json j;
			json_init(&j, &b, 1);
			json_array_begin(&j);
			for (size_t i = 0; i < n; i++)
				cli_json_interaction(&j, &in[i]);
			json_array_end(&j);
		} else if (n > 0) {
			static const char *const heads[] = {"WHEN", "KIND", "DIR", "WITH", "SUMMARY",
			                                    "TAGS"};
			struct table t;
			table_init(&t, 6, heads);
			t.flex[3] = t.flex[4] = t.flex[5] = 1;
			t.min[4] = 12;
			for (size_t i = 0; i < n; i++) {
				char when[24];
				date_format_minute(in[i].at, when);
				table_add(&t, when);
				table_addf(&t, "%s%s", model_ikind_name(in[i].kind), in[i].deep ? "*" : "");
				table_add(&t, in[i].dir == DIR_NONE ? "" : model_direction_name(in[i].dir));
				struct strv names;
				strv_init(&names);
				for (size_t k = 0; k < in[i].ncontacts; k++)
					strv_push(&names, in[i].contacts[k].name);
				char *with = strv_join(&names, ", ");
				table_add(&t, with);
				free(with);
				strv_free(&names);
				table_add(&t, in[i].summary);
				char *tags = strv_join(&in[i].tags, " ");
				table_add(&t, tags);
				free(tags);
			}
			table_render(&t, &b, cli->width);
			table_free(&t);
		} else {
			buf_puts(&b, "Nothing logged yet. Log a meeting with `kith log coffee with @name`.\n");
		}
		cli_flush(cli, &b);
		interactions_free(in, n);
	}
	if (have_contact)
		contact_free(&c);
	return rc;
}

const struct cli_cmd cli_cmd_list = {
	"list", "[--sort attention|warmth|recency|balance|name] [--circle C] [--tag T] [--limit N]",
	"list contacts, the ones to reach out to first", cli_list_opts, 0, 0, cli_list_run,
};
const struct cli_cmd cli_cmd_timeline = {
	"timeline", "[CONTACT] [--since DATE] [--limit N]",
	"show what passed between you, newest first", cli_timeline_opts, 0, 1, cli_timeline_run,
};
