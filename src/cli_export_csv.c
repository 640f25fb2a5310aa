/* cli_export_csv.c: kith export --format csv: every contact that is not archived, in
 * name order, with its details and its scores as kith list computes them
 * (store_contact_score), one row each through the CSV writer (formula escape included).
 * On a terminal, control characters in the text are shown escaped (utf8_escape). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "csv.h"
#include "date.h"
#include "err.h"
#include "utf8.h"

static const char *const cli_export_csv_heads[] = {
	"name",       "org",     "role",   "circle",  "emails",    "phones", "tags",
	"last contact", "days since", "warmth", "balance", "attention", "status",
};

/* The writer and whether its text goes to a terminal (then escaped). */
struct cli_export_csv {
	struct csv_writer w;
	int tty;
};

static void cli_export_csv_text(struct cli_export_csv *x, const char *s)
{
	if (!x->tty) {
		csv_put_text(&x->w, s);
		return;
	}
	char *safe = utf8_escape_dup(s);
	csv_put_text(&x->w, safe);
	free(safe);
}

/* The fields of one kind, joined by "; ". */
static void cli_export_csv_fields(struct cli_export_csv *x, const struct contact *c,
                                  enum field_kind k)
{
	struct strv sv;
	strv_init(&sv);
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].kind == k)
			strv_push(&sv, c->fields[i].value);
	char *s = strv_join(&sv, "; ");
	cli_export_csv_text(x, s);
	free(s);
	strv_free(&sv);
}

static void cli_export_csv_row(struct cli_export_csv *x, const struct contact *c,
                               const struct score *s)
{
	cli_export_csv_text(x, c->name);
	cli_export_csv_text(x, c->org);
	cli_export_csv_text(x, c->role);
	csv_put_text(&x->w, model_circle_name(c->circle));
	cli_export_csv_fields(x, c, FIELD_EMAIL);
	cli_export_csv_fields(x, c, FIELD_PHONE);
	char *tags = strv_join(&c->tags, "; ");
	cli_export_csv_text(x, tags);
	free(tags);
	char when[32] = "";
	if (s->last_contact != 0)
		date_format_iso(s->last_contact, when);
	csv_put_text(&x->w, when);
	csv_put_number(&x->w, s->days_since, 1);
	csv_put_number(&x->w, s->warmth, 3);
	csv_put_number(&x->w, s->balance, 3);
	csv_put_number(&x->w, s->attention, 3);
	csv_put_text(&x->w, score_status_name(s->status));
	csv_end_row(&x->w);
}

int cli_export_csv(struct cli *cli, FILE *f, char **cause)
{
	struct store_contact_filter flt = {.circle = -1};
	struct contact *cs = NULL;
	size_t n = 0;
	if (store_contact_list(cli->st, &flt, &cs, &n, cause) != 0)
		return -1;
	struct buf b;
	buf_init(&b);
	struct cli_export_csv x;
	csv_writer_init(&x.w, &b);
	x.tty = isatty(fileno(f));
	for (size_t i = 0; i < sizeof cli_export_csv_heads / sizeof cli_export_csv_heads[0]; i++)
		csv_put_text(&x.w, cli_export_csv_heads[i]);
	csv_end_row(&x.w);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct contact c;
		int got = store_contact_get(cli->st, cs[i].rowid, &c, cause);
		if (got != 0) {
			rc = got < 0 ? -1 : err_set(cause, "a contact vanished");
			break;
		}
		struct score s;
		if (store_contact_score(cli->st, &c, &cli->cfg.score, cli->now, &s, cause) != 0)
			rc = -1;
		else
			cli_export_csv_row(&x, &c, &s);
		contact_free(&c);
		if (rc == 0 && (b.len >= 65536 || i + 1 == n)) {
			if (fwrite(b.data, 1, b.len, f) != b.len)
				rc = err_set(cause, "cannot write the export: %s",
				             strerror(errno ? errno : EIO));
			buf_reset(&b);
		}
	}
	if (rc == 0 && b.len > 0 && fwrite(b.data, 1, b.len, f) != b.len)
		rc = err_set(cause, "cannot write the export: %s", strerror(errno ? errno : EIO));
	buf_free(&b);
	contacts_free(cs, n);
	return rc;
}
