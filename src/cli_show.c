/* cli_show.c: kith show, a person in full: details, the score explained term
 * by term, open follow-ups and recent interactions. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "err.h"
#include "explain.h"
#include "table.h"
#include "utf8.h"

#define CLI_SHOW_RECENT 10

/* "  label      value", a text of several lines on lines of its own, each
 * escaped for the terminal. */
static void cli_show_line(struct buf *b, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_printf(b, "  %-10s ", label);
	for (;;) {
		const char *nl = strchr(value, '\n');
		size_t len = nl ? (size_t)(nl - value) : strlen(value);
		utf8_escape(b, value, len);
		buf_putc(b, '\n');
		if (nl == NULL || nl[1] == '\0')
			break;
		value = nl + 1;
		buf_printf(b, "  %-10s ", "");
	}
}

static void cli_show_fields(struct buf *b, const struct contact *c, enum field_kind k,
                            const char *label)
{
	for (size_t i = 0; i < c->nfields; i++) {
		if (c->fields[i].kind != k)
			continue;
		char *v = *c->fields[i].type ? xasprintf("%s (%s)", c->fields[i].value,
		                                         c->fields[i].type)
		                             : xstrdup(c->fields[i].value);
		cli_show_line(b, label, v);
		free(v);
	}
}

static void cli_show_json(struct cli *cli, const struct contact *c, const struct score *s,
                          const struct followup *fu, size_t nfu, const struct interaction *in,
                          size_t nin)
{
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, 1);
	json_object_begin(&j);
	cli_json_contact(&j, c, s, &cli->cfg.score, cli->now);
	static const struct {
		const char *key;
		enum field_kind kind;
	} lists[] = {{"emails", FIELD_EMAIL}, {"phones", FIELD_PHONE}, {"urls", FIELD_URL}};
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		json_key(&j, lists[l].key);
		json_array_begin(&j);
		for (size_t i = 0; i < c->nfields; i++)
			if (c->fields[i].kind == lists[l].kind)
				json_string(&j, c->fields[i].value);
		json_array_end(&j);
	}
	/* "YYYY-MM-DD" or "--MM-DD" as add and edit take it; null when none */
	json_member_string(&j, "birthday", c->birthday && *c->birthday ? c->birthday : NULL);
	json_member_string(&j, "met", c->met);
	json_member_string(&j, "notes", c->notes);
	json_key(&j, "followups");
	json_array_begin(&j);
	for (size_t i = 0; i < nfu; i++) {
		char day[16];
		date_format_day(fu[i].due_at, day);
		json_object_begin(&j);
		json_member_string(&j, "id", fu[i].id);
		json_member_string(&j, "due", day);
		json_member_string(&j, "text", fu[i].text);
		json_member_bool(&j, "done", fu[i].done_at != 0);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "interactions");
	json_array_begin(&j);
	for (size_t i = 0; i < nin; i++)
		cli_json_interaction(&j, &in[i]);
	json_array_end(&j);
	json_object_end(&j);
	cli_flush(cli, &b);
}

static void cli_show_text(struct cli *cli, const struct contact *c, const struct score *s,
                          const struct followup *fu, size_t nfu, const struct interaction *in,
                          size_t nin)
{
	struct buf b;
	buf_init(&b);
	utf8_escape(&b, c->name, strlen(c->name));
	if (*c->role || *c->org) {
		utf8_marks_as(&b, " \u2014 ", cli->ascii);
		utf8_escape(&b, c->role, strlen(c->role));
		if (*c->role && *c->org)
			buf_puts(&b, ", ");
		utf8_escape(&b, c->org, strlen(c->org));
	}
	buf_putc(&b, '\n');
	cli_show_line(&b, "id", c->id);
	char circle[64];
	int cadence = score_cadence(c, &cli->cfg.score);
	if (cadence > 0)
		snprintf(circle, sizeof circle, "%s, every %d %s, %s", model_circle_name(c->circle),
		         cadence, buf_plural(cadence, "day", "days"), model_ckind_name(c->kind));
	else
		snprintf(circle, sizeof circle, "%s, no cadence, %s", model_circle_name(c->circle),
		         model_ckind_name(c->kind));
	cli_show_line(&b, "circle", circle);
	char *tags = strv_join(&c->tags, ", ");
	cli_show_line(&b, "tags", tags);
	free(tags);
	cli_show_fields(&b, c, FIELD_EMAIL, "email");
	cli_show_fields(&b, c, FIELD_PHONE, "phone");
	cli_show_fields(&b, c, FIELD_URL, "url");
	cli_show_fields(&b, c, FIELD_ADDRESS, "address");
	cli_show_line(&b, "birthday", c->birthday);
	cli_show_line(&b, "met", c->met);
	cli_show_line(&b, "notes", c->notes);
	if (c->snoozed_until > cli->now) {
		char day[16];
		date_format_day(c->snoozed_until, day);
		cli_show_line(&b, "snoozed", day);
	}

	buf_puts(&b, "\nWhy here\n");
	struct explain_row rows[EXPLAIN_MAX_ROWS];
	size_t nrows = explain_score(c, s, &cli->cfg.score, rows);
	static const char *const heads[] = {"  TERM", "VALUE", "SHARE", "HOW"};
	struct table t;
	table_init(&t, 4, heads);
	t.ascii = cli->ascii;
	t.right[1] = t.right[2] = 1;
	t.flex[3] = 1;
	t.min[3] = 20;
	for (size_t i = 0; i < nrows; i++) {
		table_addf(&t, "  %s", rows[i].term);
		table_add(&t, rows[i].value);
		table_add(&t, rows[i].share);
		struct buf how;
		buf_init(&how);
		utf8_marks_as(&how, rows[i].detail, cli->ascii);
		table_add(&t, buf_str(&how));
		buf_free(&how);
	}
	table_render(&t, &b, cli->width);
	table_free(&t);

	size_t open = 0;
	for (size_t i = 0; i < nfu; i++)
		open += fu[i].done_at == 0;
	if (open > 0) {
		buf_puts(&b, "\nFollow-ups\n");
		for (size_t i = 0; i < nfu; i++) {
			if (fu[i].done_at != 0)
				continue;
			char day[16];
			date_format_day(fu[i].due_at, day);
			buf_printf(&b, "  %s  %.8s  %s", day, fu[i].id,
			           fu[i].due_at < date_day_start(cli->now) ? "overdue  " : "");
			utf8_escape(&b, fu[i].text, strlen(fu[i].text));
			buf_putc(&b, '\n');
		}
	}
	buf_printf(&b, "\nInteractions (%lld in all)\n", (long long)c->sc.n);
	for (size_t i = 0; i < nin; i++) {
		char when[24];
		date_format_minute(in[i].at, when);
		/* "meeting  gave  ", or "meeting · gave intro " with the
		 * direction in the label of a service carried */
		struct buf kind;
		buf_init(&kind);
		model_kind_label(&kind, in[i].kind, in[i].service, in[i].dir, in[i].deep);
		enum ikind sv = model_interaction_service(&in[i]);
		if (sv == IKIND_NONE || sv == in[i].kind) {
			while (kind.len < 9)
				buf_putc(&kind, ' ');
			buf_puts(&kind, in[i].dir == DIR_NONE ? "" : model_direction_name(in[i].dir));
		}
		size_t cells = utf8_width(buf_str(&kind));
		buf_printf(&b, "  %s  ", when);
		utf8_fit(&b, buf_str(&kind), cells >= 15 ? cells + 1 : 15, 1);
		buf_putc(&b, ' ');
		buf_free(&kind);
		utf8_escape(&b, in[i].summary, strlen(in[i].summary));
		buf_putc(&b, '\n');
	}
	if (nin == 0)
		buf_puts(&b, "  none yet\n");
	cli_flush(cli, &b);
}

static int cli_show_run(struct cli *cli, struct cli_args *a)
{
	struct contact c;
	if (cli_contact(cli, a->pos.v[0], &c) != 0)
		return CLI_FAIL;
	int rc = CLI_OK;
	struct score s;
	struct followup *fu = NULL;
	struct interaction *in = NULL;
	size_t nfu = 0, nin = 0;
	char *cause = NULL;
	struct store_followup_query fq = {c.rowid, 1, 0};
	struct store_timeline_query tq = {c.rowid, 0, 0, cli->json ? 0 : CLI_SHOW_RECENT};
	if (cli_score(cli, &c, &s) != 0)
		rc = CLI_FAIL;
	else if (store_followups(cli->st, &fq, &fu, &nfu, &cause) != 0 ||
	         store_timeline(cli->st, &tq, &in, &nin, &cause) != 0)
		rc = cli_fail(cli, cause);
	else if (cli->json)
		cli_show_json(cli, &c, &s, fu, nfu, in, nin);
	else
		cli_show_text(cli, &c, &s, fu, nfu, in, nin);
	followups_free(fu, nfu);
	interactions_free(in, nin);
	contact_free(&c);
	return rc;
}

static const struct cli_opt cli_show_opts[] = {{NULL, 0, 0, NULL, NULL}};

const struct cli_cmd cli_cmd_show = {
	"show", "CONTACT", "show a person: details, why they rank where they do, follow-ups, history",
	cli_show_opts, 1, 1, cli_show_run, 1,
};
