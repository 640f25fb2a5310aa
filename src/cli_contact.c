/* cli_contact.c: kith add, edit and rm. Options shared by add and edit are
 * applied by one function; the journal is written in one transaction each. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "err.h"
#include "utf8.h"

#define CLI_CONTACT_OPTS                                                                   \
	{"org", 0, 1, "ORG", "organisation"}, {"role", 0, 1, "ROLE", "role or job title"},    \
	{"email", 0, 1, "EMAIL", "an email address (repeatable)"},                             \
	{"phone", 0, 1, "PHONE", "a phone number (repeatable)"},                               \
	{"url", 0, 1, "URL", "a web address (repeatable)"},                                    \
	{"circle", 0, 1, "CIRCLE", "inner, close, active, wide or outer"},                     \
	{"kind", 0, 1, "KIND", "personal, operational or strategic"},                          \
	{"every", 0, 1, "DAYS", "keep-in-touch cadence in days, 'none' or 'default'"},         \
	{"tag", 0, 1, "TAG", "a tag (repeatable)"},                                            \
	{"met", 0, 1, "TEXT", "where or how you met"}, {"note", 0, 1, "TEXT", "notes"},       \
	{"birthday", 0, 1, "DATE", "birthday, YYYY-MM-DD, --MM-DD or 'none'"}

static const struct cli_opt cli_add_opts[] = {CLI_CONTACT_OPTS, {NULL, 0, 0, NULL, NULL}};
static const struct cli_opt cli_edit_opts[] = {
	CLI_CONTACT_OPTS,
	{"name", 0, 1, "NAME", "a new name"},
	{"untag", 0, 1, "TAG", "remove a tag (repeatable)"},
	{"rm-email", 0, 1, "EMAIL", "remove an email address (repeatable)"},
	{"rm-phone", 0, 1, "PHONE", "remove a phone number (repeatable)"},
	{"rm-url", 0, 1, "URL", "remove a web address (repeatable)"},
	{NULL, 0, 0, NULL, NULL},
};
static const struct cli_opt cli_rm_opts[] = {
	{"yes", 'y', 0, NULL, "do not ask for confirmation"},
	{NULL, 0, 0, NULL, NULL},
};

/* Refuses what utf8_check_text refuses (the same check as capture lines),
 * naming the value: "--org: control character U+001B at byte 3". */
static int cli_contact_check(struct cli *cli, const char *what, const char *v, int allow)
{
	char *cause = NULL;
	if (utf8_check_text(v, strlen(v), allow, NULL, NULL, &cause) == 0)
		return 0;
	int rc = cli_usage(cli, "%s: %s", what, cause);
	free(cause);
	return rc;
}

/* A text option (notes may hold line breaks and tabs; "" clears the field). */
static int cli_contact_text(struct cli *cli, const char *what, const char *v, char **slot)
{
	char *opt = xasprintf("--%s", what);
	int rc = cli_contact_check(cli, opt, v,
	                           strcmp(what, "note") == 0 ? UTF8_ALLOW_TAB | UTF8_ALLOW_NEWLINE
	                                                     : 0);
	free(opt);
	if (rc != 0)
		return rc;
	free(*slot);
	*slot = xstrdup(v);
	return 0;
}

static int cli_contact_birthday(struct cli *cli, const char *v, char **slot)
{
	int y = 2000, m = 0, d = 0;
	char tail;
	if (strcmp(v, "none") == 0 || *v == '\0')
		return cli_contact_text(cli, "birthday", "", slot);
	if (sscanf(v, "--%2d-%2d%c", &m, &d, &tail) == 2 ||
	    (sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen(v) == 10)) {
		if (date_valid_ymd(y, m, d) && date_year_in_range(y))
			return cli_contact_text(cli, "birthday", v, slot);
	}
	return cli_usage(cli,
	                 "--birthday wants YYYY-MM-DD (years 1900 to 9999), --MM-DD or 'none', "
	                 "not '%s'",
	                 v);
}

/* A field of one kind and value, for contact_drop_fields. */
struct cli_contact_field_is {
	enum field_kind k;
	const char *value;
};

static int cli_contact_field_is(const struct field *f, const void *arg)
{
	const struct cli_contact_field_is *w = arg;
	return f->kind == w->k && model_field_equal(w->k, f->value, w->value);
}

/* Removes the fields of kind k equal to value; returns how many. */
static size_t cli_contact_remove_field(struct contact *c, enum field_kind k, const char *value)
{
	struct cli_contact_field_is w = {k, value};
	return contact_drop_fields(c, cli_contact_field_is, &w);
}

static int cli_contact_has_field(const struct contact *c, enum field_kind k, const char *value)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].kind == k && model_field_equal(k, c->fields[i].value, value))
			return 1;
	return 0;
}

/* A removal that matches nothing changes nothing: the whole edit is refused. */
static int cli_contact_no_match(struct cli *cli, const struct contact *c, const char *what,
                                const char *value)
{
	return cli_error(cli, "%s has no %s '%s'; nothing changed", c->name, what, value);
}

/* Applies the options of add/edit to c. Returns 0, or an exit code after
 * printing the problem. */
static int cli_contact_apply(struct cli *cli, const struct cli_args *a, struct contact *c)
{
	const char *v;
	int rc;
	static const struct {
		const char *opt;
		size_t off;
	} texts[] = {
		{"org", offsetof(struct contact, org)},   {"role", offsetof(struct contact, role)},
		{"met", offsetof(struct contact, met)},   {"note", offsetof(struct contact, notes)},
		{"name", offsetof(struct contact, name)},
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		if ((v = cli_opt(a, texts[i].opt)) == NULL)
			continue;
		char **slot = (char **)((char *)c + texts[i].off);
		if ((rc = cli_contact_text(cli, texts[i].opt, v, slot)) != 0)
			return rc;
	}
	if ((v = cli_opt(a, "birthday")) != NULL && (rc = cli_contact_birthday(cli, v, &c->birthday)))
		return rc;
	if ((v = cli_opt(a, "circle")) != NULL && model_circle_parse(v, &c->circle) != 0)
		return cli_usage(cli, "unknown circle '%s' (inner, close, active, wide, outer)", v);
	if ((v = cli_opt(a, "kind")) != NULL && model_ckind_parse(v, &c->kind) != 0)
		return cli_usage(cli, "unknown kind '%s' (personal, operational, strategic)", v);
	if ((v = cli_opt(a, "every")) != NULL) {
		char *end;
		long days = strtol(v, &end, 10);
		if (strcmp(v, "none") == 0 || strcmp(v, "never") == 0)
			c->cadence_days = 0;
		else if (strcmp(v, "default") == 0)
			c->cadence_days = -1;
		else if (end != v && *end == '\0' && days >= 1 && days <= 3650)
			c->cadence_days = (int)days;
		else
			return cli_usage(cli, "--every wants days from 1 to 3650, 'none' or 'default', "
			                      "not '%s'", v);
	}
	static const struct {
		const char *add, *rm;
		enum field_kind kind;
	} lists[] = {
		{"email", "rm-email", FIELD_EMAIL},
		{"phone", "rm-phone", FIELD_PHONE},
		{"url", "rm-url", FIELD_URL},
	};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		const struct strv *rm = cli_opt_all(a, lists[i].rm);
		for (size_t k = 0; rm != NULL && k < rm->n; k++)
			if (cli_contact_remove_field(c, lists[i].kind, rm->v[k]) == 0)
				return cli_contact_no_match(cli, c, lists[i].add, rm->v[k]);
		const struct strv *add = cli_opt_all(a, lists[i].add);
		char opt[16];
		snprintf(opt, sizeof opt, "--%s", lists[i].add);
		for (size_t k = 0; add != NULL && k < add->n; k++) {
			const char *val = add->v[k];
			if (*val == '\0')
				return cli_usage(cli, "%s wants a value", opt);
			if ((rc = cli_contact_check(cli, opt, val, 0)) != 0)
				return rc;
			if (lists[i].kind == FIELD_EMAIL &&
			    (strchr(val, '@') == NULL || strpbrk(val, " \t\r\n") != NULL))
				return cli_usage(cli, "'%s' does not look like an email address", val);
			if (!cli_contact_has_field(c, lists[i].kind, val))
				contact_add_field(c, lists[i].kind, "", val);
		}
	}
	const struct strv *untag = cli_opt_all(a, "untag");
	for (size_t k = 0; untag != NULL && k < untag->n; k++) {
		const char *t = untag->v[k] + (untag->v[k][0] == '#');
		if (contact_remove_tag(c, t) == 0)
			return cli_contact_no_match(cli, c, "tag", t);
	}
	const struct strv *tags = cli_opt_all(a, "tag");
	for (size_t k = 0; tags != NULL && k < tags->n; k++) {
		const char *t = tags->v[k][0] == '#' ? tags->v[k] + 1 : tags->v[k];
		if (*t == '\0' || strpbrk(t, " ,") != NULL)
			return cli_usage(cli, "a tag is one word without commas, not '%s'", tags->v[k]);
		if ((rc = cli_contact_check(cli, "--tag", t, 0)) != 0)
			return rc;
		contact_add_tag(c, t);
	}
	strv_sort_unique(&c->tags);
	/* names: trimmed, single-line */
	char *trimmed = xstrdup(c->name);
	size_t n = strlen(trimmed);
	while (n > 0 && (trimmed[n - 1] == ' ' || trimmed[n - 1] == '\t'))
		trimmed[--n] = '\0';
	size_t lead = strspn(trimmed, " \t");
	memmove(trimmed, trimmed + lead, strlen(trimmed + lead) + 1);
	free(c->name);
	c->name = trimmed;
	if (*c->name == '\0')
		return cli_usage(cli, "a contact needs a name");
	return cli_contact_check(cli, "the name", c->name, 0);
}

struct cli_contact_tx {
	struct contact *c;
	int64_t now;
	int update;
	struct contact_ref *same; /* add: contacts that had the name already */
	size_t nsame;
};

static int cli_contact_write(struct store *st, void *arg, char **cause)
{
	struct cli_contact_tx *tx = arg;
	if (tx->update)
		return store_tx_contact_update(st, tx->c, tx->now, cause);
	contact_refs_free(tx->same, tx->nsame);
	tx->same = NULL;
	tx->nsame = 0;
	char *folded = utf8_fold(tx->c->name);
	int rc = store_contact_find_exact(st, folded, 2, &tx->same, &tx->nsame, cause);
	free(folded);
	return rc != 0 ? -1 : store_tx_contact_add(st, tx->c, tx->now, cause);
}

/* After an add: one line on stderr when the name was taken already. */
static void cli_add_say_same(struct cli *cli, const struct cli_contact_tx *tx)
{
	if (tx->nsame == 0)
		return;
	const struct contact_ref *r = &tx->same[0];
	int org = r->org != NULL && r->org[0] != '\0';
	if (tx->nsame == 1)
		cli_error(cli, "note: %s (%s%s%.8s) has this name already; added another", r->name,
		          org ? r->org : "", org ? ", " : "", r->id);
	else
		cli_error(cli, "note: several contacts are called %s already; added another",
		          r->name);
}

static int cli_add_run(struct cli *cli, struct cli_args *a)
{
	struct contact c;
	contact_init(&c);
	free(c.name);
	c.name = xstrdup(a->pos.v[0]);
	c.circle = CIRCLE_ACTIVE;
	int rc = cli_contact_apply(cli, a, &c);
	struct store *st = rc == 0 ? cli_store(cli) : NULL;
	if (rc == 0 && st == NULL)
		rc = CLI_FAIL;
	struct cli_contact_tx tx = {&c, cli->now, 0, NULL, 0};
	if (rc == 0) {
		char *cause = NULL;
		if (store_write(st, cli_contact_write, &tx, &cause) != 0) {
			rc = cli_fail(cli, cause);
		} else if (cli->json) {
			struct buf b;
			struct json j;
			buf_init(&b);
			json_init(&j, &b, 1);
			json_object_begin(&j);
			json_member_string(&j, "id", c.id);
			json_member_string(&j, "name", c.name);
			json_object_end(&j);
			cli_flush(cli, &b);
		} else {
			fprintf(cli->out, "%s\n", c.id);
		}
		if (rc == 0)
			cli_add_say_same(cli, &tx);
	}
	contact_refs_free(tx.same, tx.nsame);
	contact_free(&c);
	return rc;
}

/* 1 when any option was given. */
static int cli_any_option(const struct cli_args *a)
{
	for (size_t i = 0; a->opts[i].name != NULL; i++)
		if (a->seen[i])
			return 1;
	return 0;
}

static int cli_edit_run(struct cli *cli, struct cli_args *a)
{
	if (!cli_any_option(a))
		return cli_usage(cli, "nothing to change: give an option such as --org, --tag or "
		                      "--note (kith edit --help lists them)");
	struct contact c;
	if (cli_contact(cli, a->pos.v[0], &c) != 0)
		return CLI_FAIL;
	struct contact before;
	char *cause = NULL;
	int rc = store_contact_get(cli->st, c.rowid, &before, &cause);
	if (rc != 0) {
		contact_free(&c);
		if (rc < 0)
			return cli_fail(cli, cause);
		return cli_error(cli, "%s: no such contact", a->pos.v[0]);
	}
	rc = cli_contact_apply(cli, a, &c);
	if (rc == 0 && contact_same_details(&before, &c)) {
		/* the details asked for are there already: nothing is written */
		if (!cli->json) {
			fputs("nothing to change: ", cli->out);
			cli_write_safe(cli, c.name);
			fprintf(cli->out, " (%.8s) has these details already\n", c.id);
		}
	} else if (rc == 0) {
		struct cli_contact_tx tx = {&c, cli->now, 1, NULL, 0};
		if (store_write(cli->st, cli_contact_write, &tx, &cause) != 0) {
			rc = cli_fail(cli, cause);
		} else if (!cli->json) {
			fputs("updated ", cli->out);
			cli_write_safe(cli, c.name);
			fprintf(cli->out, " (%.8s)\n", c.id);
		}
	}
	contact_free(&before);
	contact_free(&c);
	return rc;
}

struct cli_rm_tx {
	int64_t rowid, now;
	struct store_remove_count count; /* what went, counted in the same transaction */
};

static int cli_rm_write(struct store *st, void *arg, char **cause)
{
	struct cli_rm_tx *tx = arg;
	if (store_contact_remove_count(st, tx->rowid, &tx->count, cause) != 0)
		return -1;
	return store_tx_contact_remove(st, tx->rowid, tx->now, cause);
}

/* "NAME, 3 follow-ups and 12 interactions (4 shared with others stay)", the
 * name escaped; id8 after the name when given. Only what goes is counted. */
static void cli_rm_what(struct buf *b, const char *name, const char *id8,
                        const struct store_remove_count *n)
{
	utf8_escape(b, name, strlen(name));
	if (id8 != NULL)
		buf_printf(b, " (%.8s)", id8);
	long long f = (long long)n->followups, i = (long long)n->interactions,
	          sh = (long long)n->shared;
	if (f > 0)
		buf_printf(b, "%s%lld follow-up%s", i > 0 ? ", " : " and ", f, f == 1 ? "" : "s");
	if (i > 0)
		buf_printf(b, " and %lld interaction%s", i, i == 1 ? "" : "s");
	if (sh <= 0)
		return;
	const char *what = i > 0 ? "" : sh == 1 ? "interaction " : "interactions ";
	const char *verb = sh == 1 ? "stays" : "stay";
	if (id8 != NULL && f == 0 && i == 0) /* not a second parenthesis after the id */
		buf_printf(b, "; %lld %sshared with others %s", sh, what, verb);
	else
		buf_printf(b, " (%lld %sshared with others %s)", sh, what, verb);
}

static int cli_rm_run(struct cli *cli, struct cli_args *a)
{
	struct contact c;
	if (cli_contact(cli, a->pos.v[0], &c) != 0)
		return CLI_FAIL;
	int rc = CLI_OK;
	char *cause = NULL;
	if (!cli_flag(a, "yes") && isatty(STDIN_FILENO) && isatty(STDERR_FILENO)) {
		struct store_remove_count n;
		if (store_contact_remove_count(cli->st, c.rowid, &n, &cause) != 0) {
			contact_free(&c);
			return cli_fail(cli, cause);
		}
		struct buf q;
		buf_init(&q);
		buf_puts(&q, "remove ");
		cli_rm_what(&q, c.name, NULL, &n);
		fprintf(stderr, "%s? [y/N] ", buf_str(&q));
		buf_free(&q);
		char answer[16] = "";
		if (fgets(answer, sizeof answer, stdin) == NULL ||
		    (answer[0] != 'y' && answer[0] != 'Y')) {
			fputs("kept.\n", stderr);
			contact_free(&c);
			return CLI_FAIL;
		}
	}
	struct cli_rm_tx tx = {c.rowid, cli->now, {0, 0, 0}};
	if (store_write(cli->st, cli_rm_write, &tx, &cause) != 0) {
		err_wrap(&cause, "removing %s: ", c.name);
		rc = cli_fail(cli, cause);
	} else if (!cli->json) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, "removed ");
		cli_rm_what(&b, c.name, c.id, &tx.count);
		buf_putc(&b, '\n');
		cli_flush(cli, &b);
	}
	contact_free(&c);
	return rc;
}

const struct cli_cmd cli_cmd_add = {
	"add", "NAME",
	"add a person; prints the new id", cli_add_opts, 1, 1, cli_add_run, 0,
};
const struct cli_cmd cli_cmd_edit = {
	"edit", "CONTACT",
	"change a person's details", cli_edit_opts, 1, 1, cli_edit_run, 0,
};
const struct cli_cmd cli_cmd_rm = {
	"rm", "CONTACT", "remove a person, their follow-ups and the interactions only they had",
	cli_rm_opts, 1, 1, cli_rm_run, 0,
};
