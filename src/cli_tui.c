/* cli_tui.c: `kith` alone on a terminal: the full-screen program (tui.h) on
 * the journal, with the configuration's theme and key bindings. With
 * KITH_SCRIPT set it runs that script on a virtual screen instead (golden
 * screens). Depends on cli.h and tui.h. */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "record.h"
#include "tui.h"

int cli_tui_wanted(const struct cli *cli)
{
	const char *script = getenv("KITH_SCRIPT");
	if (script != NULL && *script != '\0')
		return 1;
	return cli->out_tty && isatty(STDIN_FILENO) && !cli->json;
}

/* A capture line recorded as `kith log` records it (record.h). */
static int cli_tui_capture(void *arg, const char *line, int64_t now, struct app_log *out,
                           char **cause)
{
	struct store *st = arg;
	struct cli_record_item it;
	cli_record_item_init(&it);
	int rc = cli_record_text(st, line, now, &it, cause);
	if (rc == 0) {
		out->interaction = it.in.rowid;
		out->nfollowups = it.nfu;
		out->followups = xcalloc(it.nfu ? it.nfu : 1, sizeof *out->followups);
		for (size_t i = 0; i < it.nfu; i++)
			out->followups[i] = it.fu[i].rowid;
		out->ncontacts = it.nfresh;
		out->contacts = xcalloc(it.nfresh ? it.nfresh : 1, sizeof *out->contacts);
		for (size_t i = 0; i < it.nfresh; i++)
			out->contacts[i] = it.fresh[i].rowid;
		struct buf b;
		buf_init(&b);
		cli_record_say(&b, &it, 0, now);
		out->said = buf_detach(&b);
	}
	cli_record_item_free(&it);
	return rc;
}

static int cli_tui_run(struct cli *cli, struct cli_args *a)
{
	(void)a;
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	char *cause = NULL, *text = NULL;
	if (cli->config_path != NULL &&
	    config_read_file(cli->config_path, 1, &text, &cause) != 0)
		return cli_fail(cli, cause);
	const char *script = getenv("KITH_SCRIPT");
	struct tui_config tc = {
		st,
		&cli->cfg.score,
		&cli->clock,
		cli->cfg.theme,
		cli->config_path,
		text,
		script != NULL && *script != '\0' ? script : NULL,
		stdout,
		cli_tui_capture,
		st,
		cli->ascii,
	};
	int rc = tui_run(&tc, &cause);
	free(text);
	if (rc != 0)
		return cli_fail(cli, cause);
	return CLI_OK;
}

const struct cli_cmd cli_cmd_tui = {
	"tui", "", "the full-screen program (what `kith` alone opens on a terminal)",
	NULL, 0, 0, cli_tui_run, 0,
};
