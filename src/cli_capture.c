/* cli_capture.c: kith capture [TEXT...], the one-line prompt for a hotkey
 * (tmux bind-key C display-popup -E kith capture): the line is recorded as
 * `kith log` records it (record.h), and kept in a history file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "prompt.h"
#include "record.h"
#include "vm_capture.h"

#define CLI_CAPTURE_HISTORY 500              /* lines kept */
#define CLI_CAPTURE_HISTORY_BYTES (4u << 20) /* a longer file is read in part */

/* $XDG_STATE_HOME/kith/capture_history, else ~/.local/state/kith/...; the
 * folder in *dir. NULL when there is no home. Caller frees both. */
static char *cli_capture_history_path(char **dir)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	*dir = NULL;
	if (state != NULL && state[0] == '/')
		*dir = xasprintf("%s/kith", state);
	else if (home != NULL && home[0] != '\0')
		*dir = xasprintf("%s/.local/state/kith", home);
	else
		return NULL;
	return xasprintf("%s/capture_history", *dir);
}

/* The last CLI_CAPTURE_HISTORY non-blank lines of the file into sv. */
static void cli_capture_history_read(const char *path, struct strv *sv)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return;
	/* the newest lines are at the end: read the last CLI_CAPTURE_HISTORY_BYTES */
	int partial = 0;
	if (fseek(f, 0, SEEK_END) == 0) {
		long size = ftell(f);
		partial = size > (long)CLI_CAPTURE_HISTORY_BYTES &&
		          fseek(f, size - (long)CLI_CAPTURE_HISTORY_BYTES, SEEK_SET) == 0;
		if (!partial)
			rewind(f);
	}
	struct buf b;
	buf_init(&b);
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= CLI_CAPTURE_HISTORY_BYTES)
		buf_add(&b, chunk, got);
	fclose(f);
	struct strv all;
	strv_init(&all);
	const char *p = buf_str(&b);
	if (partial) /* the first line was cut: skip it */
		p += strcspn(p, "\n");
	while (*p != '\0') {
		size_t len = strcspn(p, "\n");
		size_t k = 0;
		while (k < len && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
			k++;
		if (k < len)
			strv_take(&all, xstrndup(p, len));
		p += len;
		if (*p == '\n')
			p++;
	}
	size_t from = all.n > CLI_CAPTURE_HISTORY ? all.n - CLI_CAPTURE_HISTORY : 0;
	for (size_t i = from; i < all.n; i++)
		strv_push(sv, all.v[i]);
	strv_free(&all);
	buf_free(&b);
}

/* Creates dir and its missing parents, mode 0700. */
static int cli_capture_mkdirs(const char *dir, char **cause)
{
	char *d = xstrdup(dir);
	for (char *p = d + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) != 0 && errno != EEXIST) {
			err_set(cause, "%s: %s", d, strerror(errno));
			free(d);
			return -1;
		}
		*p = '/';
	}
	int rc = 0;
	if (mkdir(d, 0700) != 0 && errno != EEXIST)
		rc = err_set(cause, "%s: %s", d, strerror(errno));
	free(d);
	return rc;
}

/* Appends line to the history file, keeping the last CLI_CAPTURE_HISTORY
 * lines; the file is replaced whole (written aside, then renamed), mode 0600. */
static int cli_capture_history_add(const char *line, char **cause)
{
	char *dir = NULL, *path = cli_capture_history_path(&dir);
	if (path == NULL)
		return 0;
	int rc = cli_capture_mkdirs(dir, cause);
	struct strv lines;
	strv_init(&lines);
	if (rc == 0) {
		cli_capture_history_read(path, &lines);
		if (lines.n == 0 || strcmp(lines.v[lines.n - 1], line) != 0)
			strv_push(&lines, line);
	}
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd = rc == 0 ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
	if (rc == 0 && fd < 0)
		rc = err_set(cause, "%s: %s", tmp, strerror(errno));
	if (rc == 0) {
		struct buf b;
		buf_init(&b);
		size_t from = lines.n > CLI_CAPTURE_HISTORY ? lines.n - CLI_CAPTURE_HISTORY : 0;
		for (size_t i = from; i < lines.n; i++) {
			buf_puts(&b, lines.v[i]);
			buf_putc(&b, '\n');
		}
		size_t off = 0;
		while (off < b.len) {
			ssize_t w = write(fd, b.data + off, b.len - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				rc = err_set(cause, "%s: %s", tmp, strerror(errno));
				break;
			}
			off += (size_t)w;
		}
		buf_free(&b);
		if (close(fd) != 0 && rc == 0)
			rc = err_set(cause, "%s: %s", tmp, strerror(errno));
		if (rc == 0 && rename(tmp, path) != 0)
			rc = err_set(cause, "%s: %s", path, strerror(errno));
		if (rc != 0)
			unlink(tmp);
	}
	strv_free(&lines);
	free(tmp);
	free(path);
	free(dir);
	return rc;
}

static void cli_capture_tty_write(int fd, const char *s)
{
	size_t len = strlen(s);
	while (len > 0) {
		ssize_t w = write(fd, s, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the terminal is gone: nothing more to show */
		s += w;
		len -= (size_t)w;
	}
}

/* Waits for one key on the terminal (--keep), showing said there first when
 * it is not NULL (standard output is not the terminal). */
static void cli_capture_wait_key(const char *said)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return;
	struct termios old, raw;
	if (tcgetattr(fd, &old) == 0) {
		raw = old;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		if (said != NULL)
			cli_capture_tty_write(fd, said);
		cli_capture_tty_write(fd, "(press a key)");
		if (tcsetattr(fd, TCSAFLUSH, &raw) == 0) {
			char c;
			while (read(fd, &c, 1) < 0 && errno == EINTR)
				;
			tcsetattr(fd, TCSAFLUSH, &old);
		}
		cli_capture_tty_write(fd, "\r\n");
	}
	close(fd);
}

struct cli_capture_save {
	struct cli *cli;
	char *said; /* the confirmation of the saved line */
};

static int cli_capture_save_line(void *arg, const char *line, char **cause)
{
	struct cli_capture_save *sv = arg;
	/* when the clock is not pinned, the line happened when Enter was pressed */
	int64_t now = clock_now(&sv->cli->clock);
	free(sv->said);
	sv->said = NULL;
	return cli_record_line(sv->cli->st, line, now, &sv->said, cause);
}

static const struct cli_opt cli_capture_opts[] = {
	{"keep", 0, 0, NULL, "after saving, show what was recorded until a key is pressed"},
	{NULL, 0, 0, NULL, NULL},
};

static int cli_capture_run(struct cli *cli, struct cli_args *a)
{
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	struct vm_capture vm;
	vm_capture_init(&vm, st, cli->now);

	char *dir = NULL, *path = cli_capture_history_path(&dir);
	if (path != NULL) {
		struct strv hist;
		strv_init(&hist);
		cli_capture_history_read(path, &hist);
		for (size_t i = 0; i < hist.n; i++)
			vm_capture_history_add(&vm, hist.v[i]);
		strv_free(&hist);
	}
	free(path);
	free(dir);
	if (a->pos.n > 0) {
		char *pre = strv_join(&a->pos, " ");
		vm_capture_set_line(&vm, pre);
		free(pre);
	}

	struct cli_capture_save sv = {cli, NULL};
	enum prompt_result result = PROMPT_CANCELLED;
	char *cause = NULL;
	int rc = CLI_OK;
	if (prompt_run(&vm, cli->ascii, cli_capture_save_line, &sv, &result, &cause) != 0) {
		rc = cli_fail(cli, cause);
	} else if (result == PROMPT_SAVED) {
		if (cli_capture_history_add(vm_capture_line(&vm), &cause) != 0)
			cli_error(cli, "the line was saved, but not its history: %s", cause);
		free(cause);
		fputs(sv.said ? sv.said : "", cli->out);
		fflush(cli->out);
		if (cli_flag(a, "keep"))
			cli_capture_wait_key(cli->out_tty ? NULL : sv.said);
	} else {
		rc = CLI_FAIL; /* left without saving, as a cancelled dialog does */
	}
	free(sv.said);
	vm_capture_free(&vm);
	return rc;
}

const struct cli_cmd cli_cmd_capture = {
	"capture", "[TEXT...]",
	"a one-line prompt for a hotkey, with a live preview and @-completion",
	cli_capture_opts, 0, -1, cli_capture_run, 0,
};
