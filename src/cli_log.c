/* cli_log.c: kith log TEXT..., lines of the capture grammar (DESIGN.md §5)
 * from the arguments or standard input, recorded in one transaction by
 * record.h (shared with kith capture). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "cli.h"
#include "date.h"
#include "err.h"
#include "record.h"

/* The most of standard input one kith log reads: 1 MiB (each line at most
 * CAPTURE_MAX_LINE bytes). */
#define CLI_LOG_MAX_INPUT (16u * CAPTURE_MAX_LINE)

/* The capture lines: the arguments joined, or each non-empty line of
 * standard input. */
static int cli_log_lines(struct cli *cli, struct cli_args *a, struct strv *lines,
                         struct strv *numbers)
{
	if (a->pos.n > 0) {
		strv_take(lines, strv_join(&a->pos, " "));
		strv_push(numbers, "0");
		return 0;
	}
	if (isatty(STDIN_FILENO))
		return cli_usage(cli, "write what happened, e.g. kith log coffee with @ana");
	struct buf in;
	buf_init(&in);
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
		buf_add(&in, chunk, got);
		if (in.len > CLI_LOG_MAX_INPUT) {
			buf_free(&in);
			return cli_error(cli,
			                 "standard input holds more than %u bytes (%u MiB), the most "
			                 "kith log reads at once; nothing was logged: split it",
			                 CLI_LOG_MAX_INPUT, CLI_LOG_MAX_INPUT >> 20);
		}
	}
	const char *nul = in.len > 0 ? memchr(in.data, '\0', in.len) : NULL;
	if (nul != NULL) {
		size_t line = 1;
		for (const char *q = in.data; q < nul; q++)
			line += *q == '\n';
		buf_free(&in);
		return cli_error(cli, "line %zu: standard input holds a NUL byte; nothing was logged",
		                 line);
	}
	const char *p = buf_str(&in);
	size_t lineno = 0;
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (len > 0 && p[len - 1] == '\r')
			len--;
		size_t lead = 0;
		while (lead < len && (p[lead] == ' ' || p[lead] == '\t'))
			lead++;
		if (lead < len && p[lead] != '#') {
			strv_take(lines, xstrndup(p, len));
			char num[24];
			snprintf(num, sizeof num, "%zu", lineno);
			strv_push(numbers, num);
		}
		p += nl ? len + (p[len] == '\r') + 1 : len;
	}
	buf_free(&in);
	if (lines->n == 0)
		return cli_usage(cli, "nothing to log on standard input");
	return 0;
}

static const struct cli_opt cli_log_opts[] = {
	{"dry-run", 0, 0, NULL, "show what would be recorded, write nothing"},
	{NULL, 0, 0, NULL, NULL},
};

static int cli_log_run(struct cli *cli, struct cli_args *a)
{
	struct strv lines, numbers;
	strv_init(&lines);
	strv_init(&numbers);
	int rc = cli_log_lines(cli, a, &lines, &numbers);
	if (rc != 0)
		goto out_lines;
	struct cli_record_item *items = xcalloc(lines.n, sizeof *items);
	for (size_t i = 0; i < lines.n; i++)
		cli_record_item_init(&items[i]);
	for (size_t i = 0; i < lines.n && rc == 0; i++) {
		struct capture_error e = {NULL, 0, 0};
		items[i].lineno = (size_t)strtoul(numbers.v[i], NULL, 10);
		if (capture_parse(lines.v[i], cli->now, &items[i].cap, &e) != 0) {
			if (items[i].lineno > 0)
				cli_error(cli, "line %zu: %s", items[i].lineno, e.message);
			else
				cli_error(cli, "%s", e.message);
			capture_error_free(&e);
			rc = CLI_FAIL;
		}
	}
	struct store *st = rc == 0 ? cli_store(cli) : NULL;
	if (rc == 0 && st == NULL)
		rc = CLI_FAIL;
	int dry_run = cli_flag(a, "dry-run");
	char *cause = NULL;
	if (rc == 0 && cli_record_write(st, items, lines.n, cli->now, dry_run, &cause) != 0) {
		rc = cli_fail(cli, cause);
	} else if (rc == 0) {
		struct buf b;
		buf_init(&b);
		if (cli->json) {
			struct json j;
			json_init(&j, &b, 1);
			if (lines.n > 1)
				json_array_begin(&j);
			for (size_t i = 0; i < lines.n; i++)
				cli_record_json(&j, &items[i]);
			if (lines.n > 1)
				json_array_end(&j);
		} else {
			for (size_t i = 0; i < lines.n; i++)
				cli_record_say(&b, &items[i], dry_run, cli->now);
		}
		cli_flush(cli, &b);
	}
	for (size_t i = 0; i < lines.n; i++)
		cli_record_item_free(&items[i]);
	free(items);
out_lines:
	strv_free(&lines);
	strv_free(&numbers);
	return rc;
}

const struct cli_cmd cli_cmd_log = {
	"log", "[TEXT...]",
	"record what happened: kith log 'coffee with @ana +gave #devconf !1w', or lines on stdin",
	cli_log_opts, 0, -1, cli_log_run, 0,
};
