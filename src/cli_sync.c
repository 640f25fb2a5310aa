/* cli_sync.c: kith sync DIR: two or more journals kept equal through a folder
 * that the user's own tool copies between machines (DESIGN.md §8). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "err.h"
#include "sync.h"

static void cli_sync_skip(void *arg, const char *why)
{
	cli_error(arg, "skipped until the next sync: %s", why);
}

static int cli_sync_run(struct cli *cli, struct cli_args *a)
{
	const char *dir = a->pos.v[0];
	struct stat sb;
	if (stat(dir, &sb) != 0)
		return cli_error(cli, "no folder %s: %s (make it, or point your sync tool at it)", dir,
		                 strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return cli_usage(cli, "%s is not a folder", dir);
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	struct sync_result r;
	char *cause = NULL;
	if (sync_dir(st, dir, cli_sync_skip, cli, &r, &cause) != 0)
		return cli_fail(cli, cause);
	struct buf b;
	buf_init(&b);
	if (cli->json) {
		struct json j;
		json_init(&j, &b, 1);
		json_object_begin(&j);
		json_member_int(&j, "wrote", r.wrote);
		json_member_int(&j, "read", r.read);
		json_member_int(&j, "unread", r.unread);
		json_member_int(&j, "new", r.counts.added);
		json_member_int(&j, "updated", r.counts.updated);
		json_member_int(&j, "unchanged", r.counts.unchanged);
		json_member_int(&j, "deleted", r.counts.deleted);
		json_object_end(&j);
	} else {
		buf_printf(&b, "read %lld %s", (long long)r.read,
		           buf_plural(r.read, "replica", "replicas"));
		if (r.unread > 0)
			buf_printf(&b, " (%lld unchanged since the last sync, not read)",
			           (long long)r.unread);
		buf_printf(&b, ": %lld new, %lld updated, %lld unchanged, %lld deleted",
		           (long long)r.counts.added, (long long)r.counts.updated,
		           (long long)r.counts.unchanged, (long long)r.counts.deleted);
		if (r.counts.skipped > 0)
			buf_printf(&b, ", %lld of an unknown type skipped", (long long)r.counts.skipped);
		buf_puts(&b, r.wrote ? "; wrote this journal's file\n"
		                     : "; this journal's file was up to date\n");
	}
	cli_flush(cli, &b);
	return CLI_OK;
}

static const struct cli_opt cli_sync_opts[] = {{NULL, 0, 0, NULL, NULL}};

const struct cli_cmd cli_cmd_sync = {
	"sync", "DIR",
	"keep journals equal through a folder that Syncthing or git copies",
	cli_sync_opts, 1, 1, cli_sync_run, 0,
};
