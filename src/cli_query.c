/* cli_query.c: kith query TEXT, the address book of mutt's query_command and
 * aerc's address-book-cmd (DESIGN.md §8): a line of text, then
 * email<TAB>name<TAB>org for each match, best first; exit 1 for none. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "match.h"
#include "utf8.h"

struct cli_query_hit {
	int rank, archived;
	char *name_folded, *email, *name, *org;
	size_t seq;
};

struct cli_query {
	char *folded;
	struct buf org, email; /* folded, reused */
	struct cli_query_hit *v;
	size_t n, cap;
};

static int cli_query_row(void *arg, const struct store_email_row *row, char **cause)
{
	(void)cause;
	struct cli_query *q = arg;
	buf_reset(&q->org);
	buf_reset(&q->email);
	utf8_fold_append(&q->org, row->org);
	utf8_fold_append(&q->email, row->email);
	int rank = match_address(q->folded, row->name_folded, buf_str(&q->org), buf_str(&q->email));
	if (rank < 0)
		return 0;
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->v = xreallocarray(q->v, q->cap, sizeof *q->v);
	}
	struct cli_query_hit *h = &q->v[q->n];
	h->rank = rank;
	h->archived = row->archived;
	h->name_folded = xstrdup(row->name_folded);
	h->email = xstrdup(row->email);
	h->name = xstrdup(row->name);
	h->org = xstrdup(row->org);
	h->seq = q->n++;
	return 0;
}

/* Best first: how well it matched, then the archived after the others, then
 * by name, then in the journal's order. */
static int cli_query_cmp(const void *a, const void *b)
{
	const struct cli_query_hit *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->archived != y->archived)
		return x->archived ? 1 : -1;
	int c = strcmp(x->name_folded, y->name_folded);
	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A field of the output: escaped (no TAB or line break survives raw). */
static void cli_query_cell(struct buf *b, const char *s)
{
	utf8_escape(b, s, strlen(s));
}

static int cli_query_run(struct cli *cli, struct cli_args *a)
{
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	const char *text = a->pos.v[0];
	struct cli_query q;
	memset(&q, 0, sizeof q);
	q.folded = utf8_fold(text);
	buf_init(&q.org);
	buf_init(&q.email);
	char *cause = NULL;
	if (store_contact_emails(st, cli_query_row, &q, &cause) != 0) {
		free(q.folded);
		return cli_fail(cli, cause);
	}
	if (q.n > 1)
		qsort(q.v, q.n, sizeof *q.v, cli_query_cmp);
	struct buf b;
	buf_init(&b);
	if (!cli_flag(a, "no-header")) {
		buf_printf(&b, "kith: %zu %s for \"", q.n, buf_plural((long long)q.n, "address", "addresses"));
		cli_query_cell(&b, text);
		buf_puts(&b, "\"\n");
	}
	for (size_t i = 0; i < q.n; i++) {
		cli_query_cell(&b, q.v[i].email);
		buf_putc(&b, '\t');
		cli_query_cell(&b, q.v[i].name);
		buf_putc(&b, '\t');
		cli_query_cell(&b, q.v[i].org);
		buf_putc(&b, '\n');
		free(q.v[i].name_folded);
		free(q.v[i].email);
		free(q.v[i].name);
		free(q.v[i].org);
	}
	cli_flush(cli, &b);
	size_t n = q.n;
	free(q.v);
	free(q.folded);
	buf_free(&q.org);
	buf_free(&q.email);
	return n > 0 ? CLI_OK : CLI_FAIL;
}

static const struct cli_opt cli_query_opts[] = {
	{"no-header", 0, 0, NULL, "leave out the first line (for aerc's address-book-cmd)"},
	{NULL, 0, 0, NULL, NULL},
};

const struct cli_cmd cli_cmd_query = {
	"query", "TEXT",
	"e-mail addresses for mutt's query_command and aerc's address-book-cmd",
	cli_query_opts, 1, 1, cli_query_run, 1,
};
