/* main.c: kith's entry point. Parses the global options, finds the command in
 * the command table (one cli_*.c per family) and runs it; `kith` alone opens
 * the full-screen program on a terminal, else shows the ranked list, as `task`
 * alone shows `task next`; list's options without a command name show the list. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "store.h"

static const struct cli_cmd *const main_cmds[] = {
	&cli_cmd_log,      &cli_cmd_capture,  &cli_cmd_add,      &cli_cmd_edit,   &cli_cmd_rm,     &cli_cmd_show,
	&cli_cmd_list,     &cli_cmd_timeline, &cli_cmd_followup, &cli_cmd_done,
	&cli_cmd_snooze,   &cli_cmd_review,   &cli_cmd_import,   &cli_cmd_export, &cli_cmd_sync,
	&cli_cmd_query,    &cli_cmd_merge,    &cli_cmd_backup,   &cli_cmd_doctor, &cli_cmd_demo,
	NULL,
};

/* Options every command takes. */
static const struct cli_opt main_global_opts[] = {
	{"db", 0, 1, "PATH", "the journal file (default $KITH_DB, else ~/.local/share/kith/kith.db)"},
	{"now", 0, 1, "TIME", "pin the clock, e.g. 2026-11-20T10:00 (also $KITH_NOW)"},
	{"json", 0, 0, NULL, "print data as JSON"},
	{"config", 0, 1, "FILE", "the configuration file (default ~/.config/kith/config)"},
	{"help", 'h', 0, NULL, "show help"},
	{"version", 'V', 0, NULL, "show the version"},
	{NULL, 0, 0, NULL, NULL},
};

static void main_help(FILE *f)
{
	fputs("kith: a networking journal for the terminal\n\n", f);
	cli_print_synopsis(f, "kith", NULL, main_global_opts, "COMMAND [ARGS]");
	fputs("\ncommands:\n", f);
	for (size_t i = 0; main_cmds[i] != NULL; i++)
		fprintf(f, "  %-10s %s\n", main_cmds[i]->name, main_cmds[i]->summary);
	fputs("\nglobal options:\n", f);
	for (size_t i = 0; main_global_opts[i].name != NULL; i++) {
		const struct cli_opt *o = &main_global_opts[i];
		char head[40];
		snprintf(head, sizeof head, "%c%c%s--%s%s%s", o->short_name ? '-' : ' ',
		         o->short_name ? o->short_name : ' ', o->short_name ? ", " : "  ", o->name,
		         o->meta ? " " : "", o->meta ? o->meta : "");
		fprintf(f, "  %-22s %s\n", head, o->help);
	}
	fputs("\nexit status:\n"
	      "  0  success\n"
	      "  1  failure; nothing was changed\n"
	      "  2  usage error; nothing was changed\n"
	      "  3  the change was saved, but the output could not be written (do not retry)\n"
	      "\nenvironment: KITH_DB, KITH_NOW, COLUMNS (the width of tables, terminal or not),\n"
	      "NO_COLOR, and the locale (not UTF-8: bars and marks in ASCII)\n"
	      "\n`kith` alone opens the full-screen program on a terminal, and lists the people to\n"
	      "reach out to first otherwise; with list's options (`kith -n 3`) it lists, terminal\n"
	      "or not. `kith COMMAND --help` shows a command's options;\n"
	      "`man kith` has everything.\n",
	      f);
}

static const struct cli_cmd *main_find(const char *name)
{
	for (size_t i = 0; main_cmds[i] != NULL; i++)
		if (strcmp(main_cmds[i]->name, name) == 0)
			return main_cmds[i];
	return NULL;
}

/* Finds an option in a table by long or short name; index or -1. */
static int main_find_opt(const struct cli_opt *opts, const char *name, char short_name)
{
	for (int i = 0; opts != NULL && opts[i].name != NULL; i++) {
		if (name != NULL && strcmp(opts[i].name, name) == 0)
			return i;
		if (name == NULL && short_name != 0 && opts[i].short_name == short_name)
			return i;
	}
	return -1;
}

struct main_state {
	struct cli_args global;
	struct cli_args cmd;
	const char *cmd_name;
	char *problem;
	const char *list_opt; /* the first option taken as list's before any command name */
};

static void main_args_init(struct cli_args *a, const struct cli_opt *opts)
{
	memset(a, 0, sizeof *a);
	a->opts = opts;
	for (int i = 0; i < CLI_MAX_OPTS; i++)
		strv_init(&a->val[i]);
	strv_init(&a->pos);
}

static void main_args_free(struct cli_args *a)
{
	for (int i = 0; i < CLI_MAX_OPTS; i++)
		strv_free(&a->val[i]);
	strv_free(&a->pos);
}

/* One option token at argv[*i]; returns 0, or -1 with ms->problem. */
static int main_take_opt(struct main_state *ms, const struct cli_cmd *cmd, int argc, char **argv,
                         int *i)
{
	const char *tok = argv[*i];
	char name[64] = "";
	char short_name = 0;
	const char *value = NULL;
	if (tok[1] == '-') {
		const char *eq = strchr(tok + 2, '=');
		size_t n = eq ? (size_t)(eq - tok - 2) : strlen(tok + 2);
		if (n >= sizeof name)
			n = sizeof name - 1;
		memcpy(name, tok + 2, n);
		name[n] = '\0';
		if (eq != NULL)
			value = eq + 1;
	} else {
		short_name = tok[1];
		if (tok[2] != '\0')
			value = tok + 2;
	}
	/* no command name yet: `kith -n 3` takes list's options */
	struct cli_args *where = &ms->cmd;
	int k = main_find_opt(cmd ? cmd->opts : cli_cmd_list.opts, short_name ? NULL : name,
	                      short_name);
	if (k >= 0 && cmd == NULL && ms->list_opt == NULL)
		ms->list_opt = tok;
	if (k < 0) {
		where = &ms->global;
		k = main_find_opt(main_global_opts, short_name ? NULL : name, short_name);
	}
	if (k < 0) {
		if (short_name)
			ms->problem = xasprintf("unknown option -%c", short_name);
		else
			ms->problem = xasprintf("unknown option --%s", name);
		return -1;
	}
	const struct cli_opt *o = &where->opts[k];
	if (o->arg) {
		if (value == NULL) {
			if (*i + 1 >= argc) {
				ms->problem = xasprintf("option --%s needs a value (%s)", o->name,
				                        o->meta ? o->meta : "VALUE");
				return -1;
			}
			value = argv[++*i];
		}
		strv_push(&where->val[k], value);
	} else if (value != NULL) {
		ms->problem = xasprintf("option --%s takes no value", o->name);
		return -1;
	}
	where->seen[k] = 1;
	return 0;
}

/* The width tables fit, as ls takes it: $COLUMNS when it is a positive
 * number (terminal or not), else the terminal's; 0 (no limit) otherwise. */
static size_t main_width(int tty)
{
	const char *env = getenv("COLUMNS");
	if (env != NULL && *env != '\0') {
		char *end;
		errno = 0;
		long n = strtol(env, &end, 10);
		if (errno == 0 && *end == '\0' && n > 0 && n <= 100000)
			return (size_t)n;
	}
	struct winsize ws;
	if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* 1 when the locale's character set is UTF-8. */
static int main_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Flushes the output once at the end. When it cannot be written (a full disk,
 * a closed pipe) the command fails; after a commit the message and the exit
 * status say the change was saved, so that a script does not make it twice. */
static int main_finish(const struct cli *cli, int rc)
{
	errno = 0;
	int failed = fflush(stdout) != 0;
	int err = errno;
	failed |= ferror(stdout) != 0;
	if (!failed || rc != CLI_OK)
		return rc;
	if (err == 0)
		err = cli->out_errno; /* a write that failed before the end */
	const char *why = err != 0 ? strerror(err) : "write error";
	if (cli->cmd != NULL && !cli->cmd->reads_only && cli->st != NULL &&
	    store_commits(cli->st) > 0) {
		fprintf(stderr, "kith: saved, but the output could not be written: %s\n", why);
		return CLI_SAVED;
	}
	fprintf(stderr, "kith: cannot write the output: %s\n", why);
	return CLI_FAIL;
}

static int main_run(int argc, char **argv)
{
	struct main_state ms;
	memset(&ms, 0, sizeof ms);
	main_args_init(&ms.global, main_global_opts);
	main_args_init(&ms.cmd, cli_cmd_list.opts); /* until a command name comes */
	const struct cli_cmd *cmd = NULL;
	int rc = CLI_OK, only_pos = 0;

	for (int i = 1; i < argc; i++) {
		const char *tok = argv[i];
		if (!only_pos && strcmp(tok, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (!only_pos && tok[0] == '-' && tok[1] != '\0') {
			if (main_take_opt(&ms, cmd, argc, argv, &i) != 0)
				break;
			continue;
		}
		if (cmd == NULL) {
			cmd = main_find(tok);
			if (cmd == NULL) {
				ms.problem = xasprintf("unknown command '%s' (see kith --help)", tok);
				break;
			}
			if (ms.list_opt != NULL && cmd != &cli_cmd_list) {
				ms.problem = xasprintf("option %s is list's: write it after the command "
				                       "name",
				                       ms.list_opt);
				break;
			}
			ms.cmd.opts = cmd->opts;
			continue;
		}
		strv_push(&ms.cmd.pos, tok);
	}

	struct cli cli;
	memset(&cli, 0, sizeof cli);
	cli.cmd = cmd;
	cli.out = stdout;
	cli.out_tty = isatty(STDOUT_FILENO);
	cli.width = main_width(cli.out_tty);
	cli.ascii = !main_locale_utf8();

	if (ms.problem != NULL) {
		cli_error(&cli, "%s", ms.problem);
		if (cmd != NULL)
			cli_print_usage(stderr, cmd);
		else
			cli_print_synopsis(stderr, "kith", NULL, main_global_opts, "COMMAND [ARGS]");
		rc = CLI_USAGE;
		goto out;
	}
	if (cli_flag(&ms.global, "version")) {
		printf("kith %s\n", KITH_VERSION);
		goto out;
	}
	if (cli_flag(&ms.global, "help")) {
		if (cmd != NULL)
			cli_print_command_help(stdout, cmd);
		else
			main_help(stdout);
		goto out;
	}
	if (cmd == NULL) {
		/* list's options ask for the list, on a terminal too */
		cli.json = cli_flag(&ms.global, "json");
		cmd = ms.list_opt == NULL && cli_tui_wanted(&cli) ? &cli_cmd_tui : &cli_cmd_list;
		cli.cmd = cmd;
		ms.cmd.opts = cmd->opts;
	}
	int npos = (int)ms.cmd.pos.n;
	if (npos < cmd->min_pos) {
		/* name the first missing argument from the synopsis */
		struct strv words;
		strv_init(&words);
		strv_split(&words, cmd->args, ' ');
		rc = cli_usage(&cli, "%s: missing %s", cmd->name,
		               (size_t)npos < words.n ? words.v[npos] : "an argument");
		strv_free(&words);
		goto out;
	}
	if (cmd->max_pos >= 0 && npos > cmd->max_pos) {
		rc = cli_usage(&cli, "too many arguments for %s: '%s'", cmd->name,
		               ms.cmd.pos.v[cmd->max_pos]);
		goto out;
	}

	char *cause = NULL;
	const char *now_spec = cli_opt(&ms.global, "now");
	if (now_spec == NULL)
		now_spec = getenv("KITH_NOW");
	if (clock_init(&cli.clock, now_spec, &cause) != 0) {
		cli_fail(&cli, cause);
		rc = CLI_USAGE;
		goto out;
	}
	cli.now = clock_now(&cli.clock);
	cli.json = cli_flag(&ms.global, "json");

	config_default(&cli.cfg);
	const char *cfg = cli_opt(&ms.global, "config");
	if (cfg != NULL) {
		cli.config_path = xstrdup(cfg);
	} else {
		cli.config_path = config_default_path();
	}
	if (cli.config_path != NULL &&
	    config_load(&cli.cfg, cli.config_path, cfg == NULL, &cause) != 0) {
		rc = cli_fail(&cli, cause);
		goto out;
	}

	const char *db = cli_opt(&ms.global, "db");
	if (db != NULL) {
		cli.db_path = xstrdup(db);
	} else {
		cli.db_path = store_default_path(&cause);
		if (cli.db_path == NULL) {
			rc = cli_fail(&cli, cause);
			goto out;
		}
	}

	rc = cmd->run(&cli, &ms.cmd);
out:
	/* --help and --version too: what could not be written fails */
	rc = main_finish(&cli, rc);
	if (cli.st != NULL)
		store_close(cli.st);
	free(cli.db_path);
	free(cli.config_path);
	free(ms.problem);
	main_args_free(&ms.global);
	main_args_free(&ms.cmd);
	return rc;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	store_library_init();
	return main_run(argc, argv);
}
