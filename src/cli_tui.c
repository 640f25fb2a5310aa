/* cli_tui.c: `kith` alone on a terminal: the full-screen program (tui.h) on
 * the journal, with the configuration's theme and key bindings. With
 * KITH_SCRIPT set it runs that script on a virtual screen instead (golden
 * screens). Depends on cli.h and tui.h. */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "tui.h"

int cli_tui_wanted(const struct cli *cli)
{
	const char *script = getenv("KITH_SCRIPT");
	if (script != NULL && *script != '\0')
		return 1;
	return cli->out_tty && isatty(STDIN_FILENO) && !cli->json;
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
