/* cli_review.c: kith review, the weekly review (DESIGN.md §4, §7) as plain
 * text for the terminal, Markdown for a note or an e-mail, or JSON. The
 * sections come from review.c; this file only lays them out. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "err.h"
#include "review.h"
#include "store_review.h"
#include "utf8.h"

/* Widest name column of the text form, in cells. */
#define CLI_REVIEW_NAME_MAX 24

enum cli_review_form { REVIEW_TEXT, REVIEW_MARKDOWN };

/* Appends s for Markdown: escaped for the terminal and with the characters
 * that Markdown reads as markup behind a backslash. */
static void cli_md_escape(struct buf *b, const char *s)
{
	char *safe = utf8_escape_dup(s);
	for (const char *p = safe; *p; p++) {
		if (strchr("\\`*_{}[]<>#|~!", *p) != NULL)
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	free(safe);
}

static void cli_review_text(struct buf *b, enum cli_review_form form, const char *s)
{
	if (form == REVIEW_MARKDOWN)
		cli_md_escape(b, s);
	else
		utf8_escape(b, s, strlen(s));
}

static const char *cli_review_name(const struct store_review *d, const struct review_entry *e)
{
	return d->in.people[e->person].c->name;
}

/* The name column of a list in the text form: its widest name, at most
 * CLI_REVIEW_NAME_MAX cells. */
static size_t cli_review_name_width(const struct store_review *d, const struct review_list *l)
{
	size_t w = 0;
	for (size_t i = 0; i < l->n; i++) {
		size_t x = utf8_width(cli_review_name(d, &l->v[i]));
		w = x > w ? x : w;
	}
	return w < CLI_REVIEW_NAME_MAX ? w : CLI_REVIEW_NAME_MAX;
}

/* One row: the name (padded to w cells in the text form), then what the row
 * says. */
static void cli_review_row(struct buf *b, enum cli_review_form form, const struct store_review *d,
                           size_t w, const struct review_entry *e)
{
	if (form == REVIEW_MARKDOWN) {
		buf_puts(b, "- **");
		cli_md_escape(b, cli_review_name(d, e));
		buf_puts(b, "**: ");
	} else {
		buf_puts(b, "  ");
		utf8_fit(b, cli_review_name(d, e), w, 1);
		buf_puts(b, "  ");
	}
	if (e->followup_id[0] != '\0') {
		cli_review_text(b, form, d->in.followups[e->followup].text);
		buf_puts(b, form == REVIEW_MARKDOWN ? " (" : " (");
		cli_review_text(b, form, e->why);
		buf_puts(b, ")\n");
		return;
	}
	cli_review_text(b, form, e->why);
	buf_putc(b, '\n');
}

/* A prompt under a section (after a list, in Markdown, a blank line first). */
static void cli_review_prompt(struct buf *b, enum cli_review_form form, const char *p,
                              int after_list)
{
	if (p == NULL)
		return;
	if (form == REVIEW_MARKDOWN && after_list)
		buf_putc(b, '\n');
	buf_puts(b, form == REVIEW_MARKDOWN ? "_" : "  ");
	cli_review_text(b, form, p);
	buf_puts(b, form == REVIEW_MARKDOWN ? "_\n" : "\n");
}

static void cli_review_heading(struct buf *b, enum cli_review_form form, const char *title)
{
	buf_printf(b, form == REVIEW_MARKDOWN ? "\n## %s\n\n" : "\n%s\n", title);
}

/* The week's counts: by kind, give and take, new contacts, the 12 weeks. */
static void cli_review_week(struct buf *b, enum cli_review_form form, const struct review *r)
{
	const struct review_week *w = &r->week;
	const char *item = form == REVIEW_MARKDOWN ? "- " : "  ";
	cli_review_heading(b, form, "This week");
	buf_printf(b, "%s%lld %s", item, (long long)w->interactions,
	           buf_plural(w->interactions, "interaction", "interactions"));
	const char *sep = ": ";
	for (int k = 0; k < IKIND_COUNT; k++) {
		if (w->by_kind[k] == 0 || k == IKIND_NOTE)
			continue;
		const char *name = model_ikind_name((enum ikind)k);
		buf_printf(b, "%s%lld %s%s", sep, (long long)w->by_kind[k], name,
		           w->by_kind[k] == 1 || k == IKIND_ADVICE ? "" : "s");
		sep = ", ";
	}
	buf_printf(b, "\n%sgave %lld, got %lld", item, (long long)w->gave, (long long)w->got);
	if (w->mutual > 0)
		buf_printf(b, " (%lld mutual)", (long long)w->mutual);
	buf_putc(b, '\n');
	buf_printf(b, "%s%lld new %s\n", item, (long long)w->new_contacts,
	           buf_plural(w->new_contacts, "contact", "contacts"));
	static const char *const label[3] = {"interactions", "gave", "got"};
	const int64_t *const series[3] = {w->weekly_interactions, w->weekly_gave, w->weekly_got};
	for (int s = 0; s < 3; s++) {
		buf_printf(b, "%s%s by week, oldest first:", item, label[s]);
		for (int i = 0; i < REVIEW_WEEKS; i++)
			buf_printf(b, " %lld", (long long)series[s][i]);
		buf_putc(b, '\n');
	}
	cli_review_prompt(b, form, r->week_prompt, 1);
}

static void cli_review_print(struct cli *cli, const struct store_review *d, const struct review *r,
                             enum cli_review_form form)
{
	struct buf b;
	buf_init(&b);
	char from[16], to[16];
	date_format_day(r->week_start, from);
	date_format_day(date_add_days(r->week_end, -1), to);
	if (form == REVIEW_MARKDOWN)
		buf_printf(&b, "# Weekly review, %s to %s\n", from, to);
	else
		buf_printf(&b, "Weekly review, %s to %s\n", from, to);
	if (d->in.npeople == 0) {
		buf_putc(&b, '\n');
		cli_review_prompt(&b, form, r->week_prompt, 0);
		buf_puts(&b, form == REVIEW_MARKDOWN ? "\n" : "  ");
		buf_puts(&b, "Add someone with `kith add NAME`, or try `kith demo` on an empty "
		             "journal.\n");
		cli_flush(cli, &b);
		return;
	}
	for (int s = 0; s < REVIEW_SECTION_COUNT; s++) {
		const struct review_list *l = &r->section[s];
		if (l->n == 0 && r->prompt[s] == NULL)
			continue;
		cli_review_heading(&b, form, review_section_title((enum review_section)s));
		size_t w = form == REVIEW_MARKDOWN ? 0 : cli_review_name_width(d, l);
		for (size_t i = 0; i < l->n; i++)
			cli_review_row(&b, form, d, w, &l->v[i]);
		if (l->more > 0)
			buf_printf(&b, form == REVIEW_MARKDOWN ? "- and %zu more\n" : "  and %zu more\n",
			           l->more);
		cli_review_prompt(&b, form, r->prompt[s], l->n > 0 || l->more > 0);
	}
	cli_review_week(&b, form, r);
	cli_flush(cli, &b);
}

static void cli_review_json(struct cli *cli, const struct store_review *d, const struct review *r)
{
	struct buf b;
	struct json j;
	char day[16];
	buf_init(&b);
	json_init(&j, &b, 1);
	json_object_begin(&j);
	date_format_day(r->week_start, day);
	json_member_string(&j, "week_start", day);
	date_format_day(date_add_days(r->week_end, -1), day);
	json_member_string(&j, "week_end", day);
	for (int s = 0; s < REVIEW_SECTION_COUNT; s++) {
		const struct review_list *l = &r->section[s];
		json_key(&j, review_section_key((enum review_section)s));
		json_array_begin(&j);
		for (size_t i = 0; i < l->n; i++) {
			const struct review_entry *e = &l->v[i];
			const struct review_person *p = &d->in.people[e->person];
			json_object_begin(&j);
			cli_json_contact(&j, p->c, &p->score, &cli->cfg.score, cli->now);
			json_member_string(&j, "why", e->why);
			if (s == REVIEW_FOLLOWUPS) {
				json_key(&j, "followup");
				cli_json_followup(&j, &d->in.followups[e->followup]);
			}
			if (s == REVIEW_BIRTHDAYS) {
				date_format_day(e->when, day);
				json_member_string(&j, "birthday", day);
				json_key(&j, "turns");
				if (e->turns > 0)
					json_int(&j, e->turns);
				else
					json_null(&j);
			}
			json_object_end(&j);
		}
		json_array_end(&j);
	}
	const struct review_week *w = &r->week;
	json_key(&j, "week");
	json_object_begin(&j);
	json_member_int(&j, "interactions", w->interactions);
	json_key(&j, "by_kind");
	json_object_begin(&j);
	for (int k = 0; k < IKIND_COUNT; k++)
		json_member_int(&j, model_ikind_name((enum ikind)k), w->by_kind[k]);
	json_object_end(&j);
	json_member_int(&j, "gave", w->gave);
	json_member_int(&j, "got", w->got);
	json_member_int(&j, "mutual", w->mutual);
	json_member_int(&j, "new_contacts", w->new_contacts);
	json_key(&j, "weeks");
	json_array_begin(&j);
	for (int i = 0; i < REVIEW_WEEKS; i++) {
		json_object_begin(&j);
		date_format_day(w->week_start[i], day);
		json_member_string(&j, "start", day);
		json_member_int(&j, "interactions", w->weekly_interactions[i]);
		json_member_int(&j, "gave", w->weekly_gave[i]);
		json_member_int(&j, "got", w->weekly_got[i]);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_key(&j, "more");
	json_object_begin(&j);
	for (int s = 0; s < REVIEW_SECTION_COUNT; s++)
		json_member_int(&j, review_section_key((enum review_section)s),
		                (int64_t)r->section[s].more);
	json_object_end(&j);
	json_key(&j, "prompts");
	json_object_begin(&j);
	for (int s = 0; s < REVIEW_SECTION_COUNT; s++)
		if (r->prompt[s] != NULL)
			json_member_string(&j, review_section_key((enum review_section)s), r->prompt[s]);
	if (r->week_prompt != NULL)
		json_member_string(&j, "week", r->week_prompt);
	json_object_end(&j);
	json_object_end(&j);
	cli_flush(cli, &b);
}

static int cli_review_run(struct cli *cli, struct cli_args *a)
{
	int markdown = cli_flag(a, "markdown");
	if (markdown && cli->json)
		return cli_usage(cli, "--markdown and --json are two forms: give one");
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	struct store_review d;
	char *cause = NULL;
	if (store_review_load(st, &cli->cfg.score, cli->now, &d, &cause) != 0) {
		store_review_free(&d);
		return cli_fail(cli, cause);
	}
	struct review r;
	review_build(&r, &d.in);
	if (cli->json)
		cli_review_json(cli, &d, &r);
	else
		cli_review_print(cli, &d, &r, markdown ? REVIEW_MARKDOWN : REVIEW_TEXT);
	review_free(&r);
	store_review_free(&d);
	return CLI_OK;
}

static const struct cli_opt cli_review_opts[] = {
	{"markdown", 0, 0, NULL, "Markdown, for a note or an e-mail"},
	{NULL, 0, 0, NULL, NULL},
};

const struct cli_cmd cli_cmd_review = {
	"review", "", "the weekly review: whom to reach out to, whom you owe, what is due",
	cli_review_opts, 0, 0, cli_review_run, 1,
};
