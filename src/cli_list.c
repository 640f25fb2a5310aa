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

/* One contact being ranked: its id, snooze and score. For the name order the
 * full records are at hand (c); for the others only rank rows are read and
 * the records of the rows shown are loaded afterwards. */
struct cli_ranked {
	int64_t rowid;
	const char *id; /* points into the rank rows or the records */
	int64_t snoozed_until;
	struct score s;
	enum cli_sort sort;
	struct contact *c; /* NULL until loaded */
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
		return 0; /* the store returns contacts in name order */
	}
	if (c == 0)
		c = cli_cmp_double_desc(a->s.importance, b->s.importance);
	if (c == 0)
		c = cli_cmp_double_desc(a->s.days_since, b->s.days_since);
	if (c == 0)
		c = strcmp(a->id, b->id);
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

/* What the list works on: the ranked entries, and what their ids point into. */
struct cli_list {
	struct cli_ranked *r;
	size_t n;
	struct store_rank_row *rows; /* attention, warmth, recency, balance */
	struct contact *cs;          /* name */
};

static void cli_list_free(struct cli_list *l)
{
	for (size_t i = 0; l->cs == NULL && i < l->n; i++)
		if (l->r[i].c != NULL) {
			contact_free(l->r[i].c);
			free(l->r[i].c);
		}
	free(l->r);
	free(l->rows);
	contacts_free(l->cs, l->cs ? l->n : 0);
}

/* Every contact the filter admits, scored from the covering index alone;
 * only contacts with interactions planned after now read their events. */
static int cli_list_rank(struct cli *cli, const struct store_contact_filter *f, struct cli_list *l)
{
	char *cause = NULL;
	if (store_contact_rank(cli->st, f, &l->rows, &l->n, &cause) != 0)
		return cli_fail(cli, cause);
	l->r = xcalloc(l->n ? l->n : 1, sizeof *l->r);
	for (size_t i = 0; i < l->n; i++) {
		struct cli_ranked *e = &l->r[i];
		const struct store_rank_row *row = &l->rows[i];
		e->rowid = row->rowid;
		e->id = row->id;
		e->snoozed_until = row->snoozed_until;
		if (!score_cache_has_future(&row->sc, cli->now)) {
			score_compute_subject(&e->s, &row->subj, &row->sc, &cli->cfg.score, cli->now);
			continue;
		}
		e->c = xmalloc(sizeof *e->c);
		int got = store_contact_get(cli->st, row->rowid, e->c, &cause);
		if (got != 0) {
			free(e->c);
			e->c = NULL;
			return got < 0 ? cli_fail(cli, cause) : cli_error(cli, "a contact vanished");
		}
		if (cli_score(cli, e->c, &e->s) != 0)
			return CLI_FAIL;
	}
	return CLI_OK;
}

/* Every contact the filter admits, as full records in name order. */
static int cli_list_names(struct cli *cli, const struct store_contact_filter *f,
                          struct cli_list *l)
{
	char *cause = NULL;
	if (store_contact_list(cli->st, f, &l->cs, &l->n, &cause) != 0)
		return cli_fail(cli, cause);
	l->r = xcalloc(l->n ? l->n : 1, sizeof *l->r);
	for (size_t i = 0; i < l->n; i++) {
		struct cli_ranked *e = &l->r[i];
		e->c = &l->cs[i];
		e->rowid = e->c->rowid;
		e->id = e->c->id;
		e->snoozed_until = e->c->snoozed_until;
		if (cli_score(cli, e->c, &e->s) != 0)
			return CLI_FAIL;
	}
	return CLI_OK;
}

static void cli_list_row(struct cli *cli, struct table *t, const struct cli_ranked *e)
{
	const struct score *s = &e->s;
	char age[16], bar[32];
	cli_format_age(s->days_since, age);
	cli_warmth_bar(s->warmth, bar);
	table_add(t, e->c->name);
	table_add(t, e->c->org);
	table_add(t, model_circle_name(e->c->circle));
	table_add(t, s->last_contact ? age : "never");
	table_add(t, e->snoozed_until > cli->now ? "snoozed" : score_status_name(s->status));
	table_add(t, bar);
	table_add(t, cli_balance_mark(s));
	table_addf(t, "%.2f", s->attention);
}

/* Prints the first `shown` entries, loading their full records when needed. */
static int cli_list_print(struct cli *cli, struct cli_list *l, size_t shown)
{
	char *cause = NULL;
	for (size_t i = 0; i < shown; i++) {
		struct cli_ranked *e = &l->r[i];
		if (e->c != NULL)
			continue;
		e->c = xmalloc(sizeof *e->c);
		int got = store_contact_get(cli->st, e->rowid, e->c, &cause);
		if (got != 0) {
			free(e->c);
			e->c = NULL;
			return got < 0 ? cli_fail(cli, cause) : cli_error(cli, "a contact vanished");
		}
	}
	struct buf b;
	buf_init(&b);
	if (cli->json) {
		struct json j;
		json_init(&j, &b, 1);
		json_array_begin(&j);
		for (size_t i = 0; i < shown; i++) {
			json_object_begin(&j);
			cli_json_contact(&j, l->r[i].c, &l->r[i].s, &cli->cfg.score);
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
		for (size_t i = 0; i < shown; i++)
			cli_list_row(cli, &t, &l->r[i]);
		table_render(&t, &b, cli->width);
		table_free(&t);
	} else if (l->n == 0) {
		buf_puts(&b, "No contacts yet: add one with `kith add NAME`, or try `kith demo` on an "
		             "empty journal.\n");
	}
	cli_flush(cli, &b);
	return CLI_OK;
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
	if (cli_store(cli) == NULL)
		return CLI_FAIL;
	struct cli_list l;
	memset(&l, 0, sizeof l);
	int rc = sort == SORT_NAME ? cli_list_names(cli, &f, &l) : cli_list_rank(cli, &f, &l);
	if (rc == CLI_OK && sort != SORT_NAME) {
		for (size_t i = 0; i < l.n; i++)
			l.r[i].sort = sort;
		qsort(l.r, l.n, sizeof *l.r, cli_ranked_cmp);
	}
	if (rc == CLI_OK)
		rc = cli_list_print(cli, &l, limit > 0 && (size_t)limit < l.n ? (size_t)limit : l.n);
	cli_list_free(&l);
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
