/* cli_util.c: what the command families share: option access, messages on
 * stderr, opening the journal, resolving CONTACT, scoring, and the JSON shape
 * of contacts and interactions (DESIGN.md §7). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "err.h"
#include "fmt.h"
#include "match.h"
#include "utf8.h"

static int cli_opt_index(const struct cli_args *a, const char *name)
{
	for (int i = 0; a->opts != NULL && a->opts[i].name != NULL; i++)
		if (strcmp(a->opts[i].name, name) == 0)
			return i;
	return -1;
}

const char *cli_opt(const struct cli_args *a, const char *name)
{
	int i = cli_opt_index(a, name);
	if (i < 0 || a->val[i].n == 0)
		return NULL;
	return a->val[i].v[a->val[i].n - 1];
}

const struct strv *cli_opt_all(const struct cli_args *a, const char *name)
{
	int i = cli_opt_index(a, name);
	return i < 0 ? NULL : &a->val[i];
}

int cli_flag(const struct cli_args *a, const char *name)
{
	int i = cli_opt_index(a, name);
	return i >= 0 && a->seen[i];
}

int cli_opt_int(struct cli *cli, const struct cli_args *a, const char *name, long min, long max,
                long *out)
{
	const char *v = cli_opt(a, name);
	if (v == NULL)
		return 0;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < min || n > max) {
		cli_usage(cli, "--%s wants a whole number from %ld to %ld, not '%s'", name, min, max,
		          v);
		return -1;
	}
	*out = n;
	return 0;
}

/* "kith: message", escaped, its marks (an ellipsis) in ASCII when the locale
 * is not UTF-8. */
static void cli_vmessage(const struct cli *cli, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);
	char *safe = utf8_escape_dup(msg);
	struct buf b;
	buf_init(&b);
	utf8_marks_as(&b, safe, cli != NULL && cli->ascii);
	fprintf(stderr, "kith: %s\n", buf_str(&b));
	buf_free(&b);
	free(safe);
	free(msg);
}

int cli_error(struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vmessage(cli, fmt, ap);
	va_end(ap);
	return CLI_FAIL;
}

int cli_fail(struct cli *cli, char *cause)
{
	cli_error(cli, "%s", cause ? cause : "failed");
	free(cause);
	return CLI_FAIL;
}

int cli_usage(struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_vmessage(cli, fmt, ap);
	va_end(ap);
	if (cli->cmd != NULL)
		cli_print_usage(stderr, cli->cmd);
	return CLI_USAGE;
}

#define CLI_USAGE_WIDTH 79

void cli_print_synopsis(FILE *f, const char *lead, const char *before,
                        const struct cli_opt *opts, const char *after)
{
	struct buf b;
	buf_init(&b);
	size_t col = 0, indent = strlen("usage: ") + strlen(lead) + 1;
	buf_wrap_word(&b, &col, indent, CLI_USAGE_WIDTH, "usage:");
	buf_wrap_word(&b, &col, indent, CLI_USAGE_WIDTH, lead);
	if (before != NULL && *before != '\0')
		buf_wrap_word(&b, &col, indent, CLI_USAGE_WIDTH, before);
	for (size_t i = 0; opts != NULL && opts[i].name != NULL; i++) {
		const struct cli_opt *o = &opts[i];
		char *word = xasprintf("[--%s%s%s]%s", o->name, o->meta ? " " : "",
		                       o->meta ? o->meta : "",
		                       strstr(o->help, "repeatable") ? "..." : "");
		buf_wrap_word(&b, &col, indent, CLI_USAGE_WIDTH, word);
		free(word);
	}
	if (after != NULL && *after != '\0')
		buf_wrap_word(&b, &col, indent, CLI_USAGE_WIDTH, after);
	buf_putc(&b, '\n');
	fputs(buf_str(&b), f);
	buf_free(&b);
}

void cli_print_usage(FILE *f, const struct cli_cmd *cmd)
{
	char *lead = xasprintf("kith %s", cmd->name);
	cli_print_synopsis(f, lead, cmd->args, cmd->opts, NULL);
	free(lead);
}

void cli_print_command_help(FILE *f, const struct cli_cmd *cmd)
{
	cli_print_usage(f, cmd);
	fprintf(f, "\n%s\n", cmd->summary);
	if (cmd->opts != NULL && cmd->opts[0].name != NULL) {
		fputs("\noptions:\n", f);
		for (size_t i = 0; cmd->opts[i].name != NULL; i++) {
			const struct cli_opt *o = &cmd->opts[i];
			char head[48];
			snprintf(head, sizeof head, "%c%c%s--%s%s%s", o->short_name ? '-' : ' ',
			         o->short_name ? o->short_name : ' ', o->short_name ? ", " : "  ", o->name,
			         o->meta ? " " : "", o->meta ? o->meta : "");
			fprintf(f, "  %-24s %s\n", head, cmd->opts[i].help);
		}
	}
	fputs("\nglobal options: --db PATH, --now TIME, --json, --config FILE (kith --help)\n", f);
}

static void cli_store_waiting(void *arg)
{
	(void)arg;
	fputs("kith: waiting for another kith to finish writing...\n", stderr);
	fflush(stderr);
}

struct store *cli_store(struct cli *cli)
{
	if (cli->st != NULL)
		return cli->st;
	char *cause = NULL;
	int reads_only = cli->cmd != NULL && cli->cmd->reads_only;
	struct stat sb;
	/* an empty file is no journal either: nothing in it to read */
	if (reads_only && (stat(cli->db_path, &sb) != 0 ? errno == ENOENT
	                                                : S_ISREG(sb.st_mode) && sb.st_size == 0)) {
		cli_error(cli, "no journal at %s yet: `kith add NAME` or `kith demo` starts one",
		          cli->db_path);
		return NULL;
	}
	/* only a command that commits makes the journal */
	if (store_open(&cli->st, cli->db_path, reads_only ? STORE_OPEN_NOCREATE : STORE_OPEN_DEFER,
	               &cli->cfg.score, &cause) != 0) {
		cli->st = NULL;
		cli_fail(cli, cause);
		return NULL;
	}
	if (isatty(STDERR_FILENO))
		store_set_wait_notice(cli->st, cli_store_waiting, NULL);
	return cli->st;
}

int cli_contact(struct cli *cli, const char *spec, struct contact *out)
{
	struct store *st = cli_store(cli);
	if (st == NULL)
		return -1;
	char *cause = NULL;
	struct contact_ref ref;
	memset(&ref, 0, sizeof ref);
	if (match_resolve(st, spec, &ref, &cause) != 0) {
		cli_fail(cli, cause);
		return -1;
	}
	int rc = store_contact_get(st, ref.rowid, out, &cause);
	contact_ref_free(&ref);
	if (rc < 0) {
		cli_fail(cli, cause);
		return -1;
	}
	if (rc > 0) {
		cli_error(cli, "%s: no such contact", spec);
		return -1;
	}
	return 0;
}

void cli_write_safe(struct cli *cli, const char *s)
{
	struct buf b;
	buf_init(&b);
	utf8_escape(&b, s, strlen(s));
	fputs(buf_str(&b), cli->out);
	buf_free(&b);
}

void cli_flush(struct cli *cli, struct buf *b)
{
	errno = 0;
	if (fwrite(buf_str(b), 1, b->len, cli->out) != b->len && errno != 0)
		cli->out_errno = errno;
	buf_free(b);
}

int cli_score(struct cli *cli, const struct contact *c, struct score *out)
{
	char *cause = NULL;
	if (store_contact_score(cli->st, c, &cli->cfg.score, cli->now, out, &cause) != 0) {
		cli_fail(cli, cause);
		return -1;
	}
	return 0;
}

static void cli_json_strv(struct json *j, const struct strv *sv)
{
	json_array_begin(j);
	for (size_t i = 0; i < sv->n; i++)
		json_string(j, sv->v[i]);
	json_array_end(j);
}

void cli_json_contact(struct json *j, const struct contact *c, const struct score *s,
                      const struct score_params *p, int64_t now)
{
	int cadence = score_cadence(c, p);
	json_member_string(j, "id", c->id);
	json_member_string(j, "name", c->name);
	json_member_string(j, "org", c->org);
	json_member_string(j, "role", c->role);
	json_member_string(j, "circle", model_circle_name(c->circle));
	json_member_string(j, "kind", model_ckind_name(c->kind));
	json_key(j, "tags");
	cli_json_strv(j, &c->tags);
	json_key(j, "cadence_days");
	if (cadence > 0)
		json_int(j, cadence);
	else
		json_null(j);
	json_member_time(j, "last_contact", s->last_contact);
	json_member_double(j, "days_since", s->days_since);
	json_member_double(j, "warmth", s->warmth);
	json_member_double(j, "warmth_last", s->warmth_last);
	json_member_double(j, "recency", s->recency);
	json_member_double(j, "balance", s->balance);
	json_member_double(j, "owed", s->owed);
	json_member_double(j, "importance", s->importance);
	json_member_double(j, "attention", s->attention);
	json_member_string(j, "status", score_status_name(s->status));
	json_member_time(j, "snoozed_until", c->snoozed_until > now ? c->snoozed_until : 0);
}

void cli_json_interaction(struct json *j, const struct interaction *in)
{
	json_object_begin(j);
	json_member_string(j, "id", in->id);
	json_member_time(j, "at", in->at);
	json_member_string(j, "kind", model_ikind_name(in->kind));
	json_member_string(j, "service", model_interaction_service_name(in));
	json_member_string(j, "direction", model_direction_name(in->dir));
	json_member_string(j, "summary", in->summary);
	json_key(j, "tags");
	cli_json_strv(j, &in->tags);
	json_member_bool(j, "deep", in->deep);
	json_key(j, "contacts");
	json_array_begin(j);
	for (size_t i = 0; i < in->ncontacts; i++) {
		json_object_begin(j);
		json_member_string(j, "id", in->contacts[i].id);
		json_member_string(j, "name", in->contacts[i].name);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

void cli_format_age(double days, char out[16])
{
	fmt_age(days, out);
}
