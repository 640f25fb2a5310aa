/* cli_list.c: kith list (contacts ranked by a score) and kith timeline
 * (interactions, newest first). Ranking reads the score cache only. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "err.h"
#include "fmt.h"
#include "rank_best.h"
#include "table.h"
#include "utf8.h"

enum cli_sort { SORT_ATTENTION, SORT_WARMTH, SORT_RECENCY, SORT_BALANCE, SORT_NAME, SORT_COUNT };
static const char *const cli_sort_names[SORT_COUNT] = {"attention", "warmth", "recency",
                                                       "balance", "name"};

/* One contact being ranked: what the orders compare, nothing more, so that
 * 100k of them stay small. The rows shown are scored again in full. */
struct cli_ranked {
	int64_t rowid;
	char id[ID_LEN + 1];
	int future; /* has interactions after now: score from its events */
	enum cli_sort sort;
	struct score_brief score; /* with circle and snooze: what a long list
	                             prints without loading the record */
	enum circle circle;
	int64_t snoozed_until;
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
		c = cli_cmp_double_desc(a->score.attention, b->score.attention);
		break;
	case SORT_WARMTH:
		c = cli_cmp_double_desc(a->score.warmth, b->score.warmth);
		break;
	case SORT_RECENCY:
		c = cli_cmp_double_desc(a->score.recency, b->score.recency);
		break;
	case SORT_BALANCE:
		c = -cli_cmp_double_desc(a->score.balance, b->score.balance);
		break;
	case SORT_NAME:
	case SORT_COUNT:
		return 0; /* the store returns contacts in name order */
	}
	if (c == 0)
		c = cli_cmp_double_desc(a->score.importance, b->score.importance);
	if (c == 0)
		c = cli_cmp_double_desc(a->score.days_since, b->score.days_since);
	if (c == 0)
		c = strcmp(a->id, b->id);
	return c;
}

static void cli_warmth_bar(double w, int ascii, char out[32])
{
	fmt_bar(w, 5, ascii, out);
}

static const char *cli_balance_mark(int owe, double balance)
{
	return fmt_balance_mark(owe, balance);
}

/* One printed row: what the columns show, from a record or from a ranked
 * entry alone. */
struct cli_list_view {
	const char *name, *org;
	enum circle circle;
	int64_t snoozed_until;
	struct score_brief score;
};

static const char *const cli_list_heads[] = {"NAME", "ORG", "CIRCLE", "LAST", "STATUS",
                                             "WARMTH", "BAL", "ATTN"};

struct cli_list_cells {
	char age[16], bar[32], attention[24];
	const char *v[8];
};

static void cli_list_cells_of(struct cli *cli, const struct cli_list_view *r,
                              struct cli_list_cells *out)
{
	cli_format_age(r->score.days_since, out->age);
	cli_warmth_bar(r->score.warmth, cli->ascii, out->bar);
	snprintf(out->attention, sizeof out->attention, "%.2f", r->score.attention);
	out->v[0] = r->name;
	out->v[1] = r->org;
	out->v[2] = model_circle_name(r->circle);
	out->v[3] = r->score.last_contact ? out->age : "never";
	out->v[4] = r->snoozed_until > cli->now ? "snoozed" : score_status_name(r->score.status);
	out->v[5] = out->bar;
	out->v[6] = cli_balance_mark(r->score.owe, r->score.balance);
	out->v[7] = out->attention;
}

static void cli_list_table(struct table *t, int ascii)
{
	table_init(t, 8, cli_list_heads);
	t->ascii = ascii;
	t->flex[0] = t->flex[1] = 1;
	t->min[0] = 10;
	t->right[3] = t->right[7] = 1;
}

struct cli_list {
	struct cli *cli;
	struct cli_ranked *r;
	size_t n, cap;
};

static int cli_list_take(void *arg, const struct store_rank_row *row, char **cause)
{
	(void)cause;
	struct cli_list *l = arg;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->r = xreallocarray(l->r, l->cap, sizeof *l->r);
	}
	struct cli_ranked *e = &l->r[l->n++];
	memset(e, 0, sizeof *e);
	e->rowid = row->rowid;
	memcpy(e->id, row->id, sizeof e->id);
	e->circle = row->subj.circle;
	e->snoozed_until = row->snoozed_until;
	e->future = score_cache_has_future(&row->sc, l->cli->now);
	if (!e->future) {
		struct score s;
		score_compute_subject(&s, &row->subj, &row->sc, &l->cli->cfg.score, l->cli->now);
		score_brief_of(&e->score, &s);
	}
	return 0;
}

/* Scores the rows of l that have interactions after now from their records. */
static int cli_list_rescore(struct cli *cli, struct cli_list *l)
{
	char *cause = NULL;
	for (size_t i = 0; i < l->n; i++) {
		if (!l->r[i].future)
			continue;
		struct contact c;
		struct score s;
		int got = store_contact_get(cli->st, l->r[i].rowid, &c, &cause);
		if (got != 0)
			return got < 0 ? cli_fail(cli, cause) : cli_error(cli, "a contact vanished");
		int rc = cli_score(cli, &c, &s);
		contact_free(&c);
		if (rc != 0)
			return CLI_FAIL;
		score_brief_of(&l->r[i].score, &s);
	}
	return CLI_OK;
}

/* Every contact the filter admits, scored from the covering index alone and
 * added to l; only contacts with interactions planned after now read their
 * events. */
static int cli_list_rank(struct cli *cli, const struct store_contact_filter *f, struct cli_list *l)
{
	char *cause = NULL;
	if (store_contact_rank(cli->st, f, cli_list_take, l, &cause) != 0)
		return cli_fail(cli, cause);
	return cli_list_rescore(cli, l);
}

/* Moves the k best entries, in order, to the front: a bounded heap when k is
 * small against n (O(n log k)), else a full sort. */
static void cli_list_select(struct cli_ranked *r, size_t n, size_t k)
{
	if (n < 2)
		return;
	if (k == 0 || k >= n / 4) {
		qsort(r, n, sizeof *r, cli_ranked_cmp);
		return;
	}
	/* r[0..k) is a heap with the worst of the best at the root */
	for (size_t i = 0; i < n; i++) {
		size_t at;
		if (i < k) {
			at = i;
			r[at] = r[i];
			while (at > 0 && cli_ranked_cmp(&r[(at - 1) / 2], &r[at]) < 0) {
				struct cli_ranked t = r[at];
				r[at] = r[(at - 1) / 2];
				r[(at - 1) / 2] = t;
				at = (at - 1) / 2;
			}
			continue;
		}
		if (cli_ranked_cmp(&r[i], &r[0]) >= 0)
			continue;
		r[0] = r[i];
		at = 0;
		for (;;) {
			size_t a = 2 * at + 1, b = a + 1, worst = at;
			if (a < k && cli_ranked_cmp(&r[a], &r[worst]) > 0)
				worst = a;
			if (b < k && cli_ranked_cmp(&r[b], &r[worst]) > 0)
				worst = b;
			if (worst == at)
				break;
			struct cli_ranked t = r[at];
			r[at] = r[worst];
			r[worst] = t;
			at = worst;
		}
	}
	qsort(r, k, sizeof *r, cli_ranked_cmp);
}

static void cli_list_row(struct cli *cli, struct table *t, const struct contact *c,
                         const struct score *s)
{
	struct cli_list_view r = {c->name, c->org, c->circle, c->snoozed_until, {0}};
	score_brief_of(&r.score, s);
	struct cli_list_cells cells;
	cli_list_cells_of(cli, &r, &cells);
	for (size_t i = 0; i < 8; i++)
		table_add(t, cells.v[i]);
}

/* Prints contacts *cs[0..n) with their scores. */
static void cli_list_print(struct cli *cli, struct contact *const *cs, const struct score *ss,
                           size_t n, size_t total, int filtered)
{
	struct buf b;
	buf_init(&b);
	if (cli->json) {
		struct json j;
		json_init(&j, &b, 1);
		json_array_begin(&j);
		for (size_t i = 0; i < n; i++) {
			json_object_begin(&j);
			cli_json_contact(&j, cs[i], &ss[i], &cli->cfg.score, cli->now);
			json_object_end(&j);
		}
		json_array_end(&j);
	} else if (n > 0) {
		struct table t;
		cli_list_table(&t, cli->ascii);
		for (size_t i = 0; i < n; i++)
			cli_list_row(cli, &t, cs[i], &ss[i]);
		table_render(&t, &b, cli->width);
		table_free(&t);
	} else if (total == 0 && !filtered) {
		buf_puts(&b, "No contacts yet: add one with `kith add NAME`, or try `kith demo` on an "
		             "empty journal.\n");
	} else if (total == 0) {
		buf_puts(&b, "No contact matches.\n");
	}
	cli_flush(cli, &b);
}

/* The name order: full records straight from the store, already sorted. */
static int cli_list_by_name(struct cli *cli, const struct store_contact_filter *f, size_t limit)
{
	struct contact *cs = NULL;
	size_t n = 0;
	char *cause = NULL;
	if (store_contact_list(cli->st, f, &cs, &n, &cause) != 0)
		return cli_fail(cli, cause);
	size_t shown = limit > 0 && limit < n ? limit : n;
	struct score *ss = xcalloc(shown ? shown : 1, sizeof *ss);
	struct contact **ptr = xcalloc(shown ? shown : 1, sizeof *ptr);
	int rc = CLI_OK;
	for (size_t i = 0; i < shown && rc == CLI_OK; i++) {
		ptr[i] = &cs[i];
		if (cli_score(cli, &cs[i], &ss[i]) != 0)
			rc = CLI_FAIL;
	}
	if (rc == CLI_OK)
		cli_list_print(cli, ptr, ss, shown, n, f->circles != 0 || f->ntags > 0);
	free(ptr);
	free(ss);
	contacts_free(cs, n);
	return rc;
}

/* Past this many rows shown, all records are read in one query rather than
 * one by one. */
#define CLI_LIST_BULK 500

static int cli_contact_ptr_cmp(const void *a, const void *b)
{
	int64_t x = (*(struct contact *const *)a)->rowid, y = (*(struct contact *const *)b)->rowid;
	return x < y ? -1 : x > y;
}

/* The records of the rows shown, into ptr[0..shown): one by one for a short
 * list, else from one read of every record (*all, *nall: the caller frees). */
static int cli_list_load(struct cli *cli, const struct store_contact_filter *f,
                         const struct cli_ranked *r, size_t shown, struct contact **ptr,
                         struct contact **all, size_t *nall)
{
	char *cause = NULL;
	if (shown <= CLI_LIST_BULK) {
		for (size_t i = 0; i < shown; i++) {
			ptr[i] = xmalloc(sizeof *ptr[i]);
			int got = store_contact_get(cli->st, r[i].rowid, ptr[i], &cause);
			if (got != 0) {
				free(ptr[i]);
				ptr[i] = NULL;
				return got < 0 ? cli_fail(cli, cause) : cli_error(cli, "a contact vanished");
			}
		}
		return CLI_OK;
	}
	if (store_contact_list(cli->st, f, all, nall, &cause) != 0)
		return cli_fail(cli, cause);
	struct contact **byrow = xcalloc(*nall ? *nall : 1, sizeof *byrow);
	for (size_t i = 0; i < *nall; i++)
		byrow[i] = &(*all)[i];
	qsort(byrow, *nall, sizeof *byrow, cli_contact_ptr_cmp);
	int rc = CLI_OK;
	for (size_t i = 0; i < shown && rc == CLI_OK; i++) {
		struct contact key, *k = &key;
		key.rowid = r[i].rowid;
		struct contact **hit = bsearch(&k, byrow, *nall, sizeof *byrow, cli_contact_ptr_cmp);
		if (hit == NULL)
			rc = cli_error(cli, "a contact vanished");
		else
			ptr[i] = *hit;
	}
	free(byrow);
	return rc;
}

static int cli_ref_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct contact_ref *)a)->rowid, y = ((const struct contact_ref *)b)->rowid;
	return x < y ? -1 : x > y;
}

/* A long list printed as a table: names and organisations from one light
 * read, every row measured and then written, so that the rows never sit in
 * memory as records or as a whole table. */
static int cli_list_stream(struct cli *cli, const struct cli_ranked *r, size_t shown)
{
	struct contact_ref *refs = NULL;
	size_t n = 0;
	char *cause = NULL;
	if (store_contact_names(cli->st, &refs, &n, &cause) != 0)
		return cli_fail(cli, cause);
	qsort(refs, n, sizeof *refs, cli_ref_cmp);
	struct table t;
	cli_list_table(&t, cli->ascii);
	table_measure(&t, NULL);
	struct buf b;
	buf_init(&b);
	int rc = CLI_OK;
	for (int pass = 0; pass < 2 && rc == CLI_OK; pass++) {
		if (pass == 1) {
			table_fit(&t, cli->width);
			table_write(&t, &b, NULL);
		}
		for (size_t i = 0; i < shown; i++) {
			struct contact_ref key = {.rowid = r[i].rowid};
			const struct contact_ref *ref = bsearch(&key, refs, n, sizeof *refs, cli_ref_cmp);
			if (ref == NULL) {
				rc = cli_error(cli, "a contact vanished");
				break;
			}
			struct cli_list_view v = {ref->name, ref->org, r[i].circle,
			                          r[i].snoozed_until, r[i].score};
			struct cli_list_cells cells;
			cli_list_cells_of(cli, &v, &cells);
			if (pass == 0) {
				table_measure(&t, cells.v);
				continue;
			}
			table_write(&t, &b, cells.v);
			if (b.len >= 65536) {
				fwrite(b.data, 1, b.len, cli->out);
				buf_reset(&b);
			}
		}
	}
	if (rc == CLI_OK)
		cli_flush(cli, &b);
	else
		buf_free(&b);
	table_free(&t);
	contact_refs_free(refs, n);
	return rc;
}

/* The rows shown as full records: loaded, scored and printed (short lists,
 * and JSON, which shows every field). */
static int cli_list_records(struct cli *cli, const struct store_contact_filter *f,
                            const struct cli_ranked *r, size_t shown, size_t total)
{
	struct contact **ptr = xcalloc(shown ? shown : 1, sizeof *ptr);
	struct score *ss = xcalloc(shown ? shown : 1, sizeof *ss);
	struct contact *all = NULL;
	size_t nall = 0;
	int rc = cli_list_load(cli, f, r, shown, ptr, &all, &nall);
	for (size_t i = 0; i < shown && rc == CLI_OK; i++)
		if (cli_score(cli, ptr[i], &ss[i]) != 0)
			rc = CLI_FAIL;
	if (rc == CLI_OK)
		cli_list_print(cli, ptr, ss, shown, total, f->circles != 0 || f->ntags > 0);
	if (all == NULL) {
		for (size_t i = 0; i < shown && ptr[i] != NULL; i++) {
			contact_free(ptr[i]);
			free(ptr[i]);
		}
	}
	contacts_free(all, nall);
	free(ptr);
	free(ss);
	return rc;
}

/* Keeps the k best of l's rows (rank_best's trim). */
static size_t cli_list_best_trim(void *arg, size_t k, double *kth)
{
	struct cli_list *l = arg;
	for (size_t j = 0; j < l->n; j++)
		l->r[j].sort = SORT_ATTENTION;
	cli_list_select(l->r, l->n, k < l->n ? k : l->n);
	if (l->n >= k) {
		l->n = k;
		*kth = l->r[k - 1].score.attention;
	}
	return l->n;
}

/* The rows with interactions after now, scored from their records; a
 * problem is reported here. */
static int cli_list_best_rescore(void *arg, char **cause)
{
	struct cli_list *l = arg;
	*cause = NULL;
	return cli_list_rescore(l->cli, l) == CLI_OK ? 0 : -1;
}

/* The best k by attention of the contacts f admits, into l (unordered), read
 * as rank_best does: the first 50 of 100k contacts read a few thousand. */
static int cli_list_rank_best(struct cli *cli, const struct store_contact_filter *f, size_t k,
                              struct cli_list *l)
{
	static const struct rank_best_ops ops = {cli_list_take, cli_list_best_rescore,
	                                         cli_list_best_trim};
	char *cause = NULL;
	if (rank_best(cli->st, &cli->cfg.score, f, cli->now, k, &ops, l, &cause) != 0)
		return cause != NULL ? cli_fail(cli, cause) : CLI_FAIL;
	return CLI_OK;
}

/* The score orders: rank every contact, select the rows shown, print them.
 * A short list by attention of contacts not archived ranks only the circles
 * it needs (cli_list_rank_best). */
static int cli_list_scored(struct cli *cli, const struct store_contact_filter *f,
                           enum cli_sort sort, size_t limit)
{
	struct cli_list l = {cli, NULL, 0, 0};
	int best = sort == SORT_ATTENTION && limit > 0 && limit <= CLI_LIST_BULK && !f->archived &&
	           f->circle < 0;
	int rc = best ? cli_list_rank_best(cli, f, limit, &l) : cli_list_rank(cli, f, &l);
	size_t shown = limit > 0 && limit < l.n ? limit : l.n;
	if (rc == CLI_OK) {
		for (size_t i = 0; i < l.n; i++)
			l.r[i].sort = sort;
		cli_list_select(l.r, l.n, shown);
		rc = !cli->json && shown > CLI_LIST_BULK ? cli_list_stream(cli, l.r, shown)
		                                         : cli_list_records(cli, f, l.r, shown, l.n);
	}
	free(l.r);
	return rc;
}

struct cli_list_query {
	struct cli *cli;
	const struct store_contact_filter *f;
	enum cli_sort sort;
	size_t limit;
	int rc; /* the exit code; problems are printed where they happen */
};

static int cli_list_scored_read(struct store *st, void *arg, char **cause)
{
	(void)st;
	(void)cause;
	struct cli_list_query *q = arg;
	q->rc = cli_list_scored(q->cli, q->f, q->sort, q->limit);
	return 0;
}

/* Ranking and loading the rows shown read one snapshot, so that a contact
 * removed meanwhile by another process cannot go missing between them. */
static int cli_list_by_score(struct cli *cli, const struct store_contact_filter *f,
                             enum cli_sort sort, size_t limit)
{
	struct cli_list_query q = {cli, f, sort, limit, CLI_OK};
	char *cause = NULL;
	if (store_read(cli->st, cli_list_scored_read, &q, &cause) != 0)
		return cli_fail(cli, cause);
	return q.rc;
}

static const struct cli_opt cli_list_opts[] = {
	{"sort", 0, 1, "KEY", "attention (default), warmth, recency, balance or name"},
	{"circle", 0, 1, "CIRCLE", "only this circle (repeatable: any of them)"},
	{"tag", 0, 1, "TAG", "only contacts with this tag (repeatable: any of them)"},
	{"limit", 'n', 1, "N", "at most N contacts"},
	{"archived", 0, 0, NULL, "include archived contacts"},
	{NULL, 0, 0, NULL, NULL},
};

/* kith list once the options are read. */
static int cli_list_filtered(struct cli *cli, struct cli_args *a, enum cli_sort sort,
                             const struct store_contact_filter *f)
{
	long limit = 0;
	if (cli_opt_int(cli, a, "limit", 0, 9999999, &limit) != 0)
		return CLI_USAGE;
	if (cli_store(cli) == NULL)
		return CLI_FAIL;
	if (sort == SORT_NAME)
		return cli_list_by_name(cli, f, (size_t)limit);
	return cli_list_by_score(cli, f, sort, (size_t)limit);
}

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
	/* repeated --circle and --tag admit any of them */
	const struct strv *tags = cli_opt_all(a, "tag");
	const char **tagv = xcalloc(tags->n ? tags->n : 1, sizeof *tagv);
	for (size_t i = 0; i < tags->n; i++) /* #tag as written in a capture line */
		tagv[i] = tags->v[i] + (tags->v[i][0] == '#');
	struct store_contact_filter f = {.circle = -1, .archived = cli_flag(a, "archived"),
	                                 .tags = tagv, .ntags = tags->n};
	const struct strv *circles = cli_opt_all(a, "circle");
	for (size_t i = 0; i < circles->n; i++) {
		enum circle c;
		if (model_circle_parse(circles->v[i], &c) != 0) {
			free(tagv);
			return cli_usage(cli, "unknown circle '%s' (inner, close, active, wide, outer)",
			                 circles->v[i]);
		}
		f.circles |= 1u << c;
	}
	int rc = cli_list_filtered(cli, a, sort, &f);
	free(tagv);
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
			t.ascii = cli->ascii;
			t.flex[3] = t.flex[4] = t.flex[5] = 1;
			t.min[4] = 12;
			for (size_t i = 0; i < n; i++) {
				char when[24];
				date_format_minute(in[i].at, when);
				table_add(&t, when);
				struct buf kind;
				buf_init(&kind);
				model_kind_label(&kind, in[i].kind, in[i].service, in[i].dir,
				                 in[i].deep);
				table_add(&t, buf_str(&kind));
				buf_free(&kind);
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
			buf_puts(&b, q.contact_rowid == 0 && q.since == 0
			                 ? "Nothing logged yet. Log a meeting with `kith log coffee with "
			                   "@name`.\n"
			                 : "No interaction matches.\n");
		}
		cli_flush(cli, &b);
		interactions_free(in, n);
	}
	if (have_contact)
		contact_free(&c);
	return rc;
}

const struct cli_cmd cli_cmd_list = {
	"list", "",
	"list contacts, the ones to reach out to first", cli_list_opts, 0, 0, cli_list_run, 1,
};
const struct cli_cmd cli_cmd_timeline = {
	"timeline", "[CONTACT]",
	"show what passed between you, newest first", cli_timeline_opts, 0, 1, cli_timeline_run, 1,
};
