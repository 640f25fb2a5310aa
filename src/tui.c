/* tui.c: the full-screen program's loop (tui.h): curses on /dev/tty, keys
 * to keymap keys, one paint per loop (werase, then one doupdate), an idle
 * tick that loads what the selection settled on and reloads when another
 * process wrote; held signals and a crash handler restore the terminal; and
 * the scripted mode (KITH_SCRIPT) that dumps the virtual screen as text,
 * the capture prompt drawn on it too.
 * Terminal layer; depends on curses, app.h, clock.h and the pane_*.c files. */
#include "tui.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "err.h"
#include "prompt.h"
#include "tui_int.h"
#include "utf8.h"

#define TUI_TICK_MS 250  /* the idle tick: is there news in the journal? */
#define TUI_SETTLE_MS 40 /* keys paused this long: the selection settled */
#define TUI_SCRIPT_LINES 24 /* the scripted mode's screen, until a resize step */

static const char tui_small[] = "terminal too small";

/* Held while the program runs, checked between keys; they take their usual
 * effect once the terminal is restored. */
static const int tui_held[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static const int tui_crash[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

/* What the crash handler needs to give the terminal back (async-signal-safe
 * calls only: write and tcsetattr). */
static volatile sig_atomic_t tui_crash_fd = -1;
static struct termios tui_saved_tty;

static void tui_on_crash(int sig)
{
	static const char reset[] = "\033[0m\033[?25h\033[?1049l\r\n";
	int fd = tui_crash_fd;
	if (fd >= 0) {
		(void)tcsetattr(fd, TCSANOW, &tui_saved_tty);
		(void)!write(fd, reset, sizeof reset - 1);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* ---- painting ---- */

size_t tui_put(struct tui *t, int y, int x, const char *s, size_t cells, attr_t a, int pad)
{
	if (cells == 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return 0;
	if ((size_t)(COLS - x) < cells)
		cells = (size_t)(COLS - x);
	struct buf b, ascii;
	buf_init(&b);
	buf_init(&ascii);
	if (t->ascii) {
		utf8_ascii(&ascii, s);
		s = buf_str(&ascii);
	}
	size_t used = utf8_fit_as(&b, s, cells, pad, t->ascii);
	attrset(a);
	mvaddstr(y, x, buf_str(&b));
	attrset(A_NORMAL);
	buf_free(&b);
	buf_free(&ascii);
	return pad ? cells : used;
}

void tui_title(struct tui *t, const struct layout_rect *r, const char *title, int focused)
{
	if (r->h < 1 || r->w < 1)
		return;
	struct buf b;
	buf_init(&b);
	buf_puts(&b, focused ? "\u25b8 " : "  ");
	buf_puts(&b, title);
	tui_put(t, r->y, r->x, buf_str(&b), (size_t)r->w,
	        t->role[THEME_TITLE] | (focused ? A_BOLD : A_NORMAL), 1);
	buf_free(&b);
}

static void tui_paint(struct tui *t, int dirty)
{
	struct app *app = t->app;
	if (dirty & APP_DIRTY_CLEAR)
		clearok(curscr, TRUE);
	werase(stdscr);
	layout_compute(&t->lay, COLS, LINES, app->focus);
	t->cursor = 0;
	if (t->lay.mode == LAYOUT_TINY) {
		/* the whole line when it fits, else its end, else cut with a mark */
		const char *say = (size_t)COLS >= sizeof tui_small - 1 ? tui_small
		                  : COLS >= 9                          ? tui_small + 9
		                                                       : tui_small;
		tui_put(t, 0, 0, say, (size_t)COLS, t->role[THEME_NORMAL], 0);
	} else if (app->screen == APP_SCREEN_FORM) {
		struct layout_rect full = {0, 0, LINES - 1, COLS};
		pane_status_paint(t, &t->lay.status);
		pane_form_paint(t, &full);
	} else if (app->screen == APP_SCREEN_MAIN && app->empty) {
		/* nobody yet: the welcome is the whole screen */
		struct layout_rect full = {0, 0, LINES - 1, COLS};
		size_t top = 0;
		app_welcome_lines(&t->scratch);
		pane_lines_paint(t, &full, "Welcome to kith", &t->scratch, &top, 1);
		pane_status_paint(t, &t->lay.status);
	} else if (app->screen == APP_SCREEN_REVIEW) {
		struct layout_rect full = {0, 0, LINES - 1, COLS};
		pane_review_paint(t, &full);
		pane_status_paint(t, &t->lay.status);
	} else if (app->screen != APP_SCREEN_MAIN) {
		struct layout_rect full = {0, 0, LINES - 1, COLS};
		const char *title = "Keys";
		if (app->screen == APP_SCREEN_RECORD) {
			const struct vm_contact_row *r = vm_contacts_selected(&app->contacts);
			title = r ? vm_contacts_name(&app->contacts, r) : "Record";
		}
		app->page = full.h > 1 ? (size_t)(full.h - 1) : 1;
		pane_lines_paint(t, &full, title, &app->view, &app->view_top, 1);
		pane_status_paint(t, &t->lay.status);
	} else {
		const struct layout_rect *p = t->lay.pane;
		if (p[LAYOUT_CONTACTS].h > 0)
			pane_contacts_paint(t, &p[LAYOUT_CONTACTS], app->focus == LAYOUT_CONTACTS);
		if (p[LAYOUT_TIMELINE].h > 0)
			pane_timeline_paint(t, &p[LAYOUT_TIMELINE], app->focus == LAYOUT_TIMELINE);
		if (p[LAYOUT_RECIP].h > 0)
			pane_recip_paint(t, &p[LAYOUT_RECIP], app->focus == LAYOUT_RECIP);
		if (t->lay.mode == LAYOUT_SIDE) {
			int x = p[LAYOUT_CONTACTS].w;
			for (int y = 0; y < LINES - 1; y++)
				tui_put(t, y, x, "\u2502", 1, t->role[THEME_BORDER], 0);
		}
		pane_status_paint(t, &t->lay.status);
	}
	if (t->cursor) {
		curs_set(1);
		move(t->cy, t->cx);
	} else {
		curs_set(0);
		move(LINES - 1, 0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- keys ---- */

/* The curses codes of the named keys. */
static const struct {
	int curses;
	uint32_t key;
} tui_fkeys[] = {
	{KEY_UP, KEYMAP_KEY_UP},       {KEY_DOWN, KEYMAP_KEY_DOWN},
	{KEY_LEFT, KEYMAP_KEY_LEFT},   {KEY_RIGHT, KEYMAP_KEY_RIGHT},
	{KEY_HOME, KEYMAP_KEY_HOME},   {KEY_END, KEYMAP_KEY_END},
	{KEY_PPAGE, KEYMAP_KEY_PGUP},  {KEY_NPAGE, KEYMAP_KEY_PGDN},
	{KEY_BTAB, KEYMAP_KEY_BTAB},   {KEY_ENTER, KEYMAP_KEY_ENTER},
	{KEY_BACKSPACE, KEYMAP_KEY_BACKSPACE}, {KEY_DC, KEYMAP_KEY_DELETE},
	{KEY_RESIZE, KEYMAP_KEY_RESIZE}, {KEY_F(1), KEYMAP_KEY_F1},
};

static uint32_t tui_function_key(wint_t ch)
{
	for (size_t i = 0; i < sizeof tui_fkeys / sizeof tui_fkeys[0]; i++)
		if ((wint_t)tui_fkeys[i].curses == ch)
			return tui_fkeys[i].key;
	return KEYMAP_KEY_NONE;
}

static uint32_t tui_char_key(wint_t ch)
{
	switch (ch) {
	case '\t':
		return KEYMAP_KEY_TAB;
	case '\r':
	case '\n':
		return KEYMAP_KEY_ENTER;
	case 27:
		return KEYMAP_KEY_ESC;
	case 127:
	case 8:
		return KEYMAP_KEY_BACKSPACE;
	default:
		return (uint32_t)ch;
	}
}

enum tui_button { TUI_CLICK, TUI_WHEEL_UP, TUI_WHEEL_DOWN };
#define TUI_WHEEL_ROWS 3

/* The mouse at (y, x), in screen cells: the pane under it gets the click or
 * the wheel. */
static int tui_mouse(struct tui *t, int y, int x, enum tui_button b)
{
	struct app *app = t->app;
	layout_compute(&t->lay, COLS, LINES, app->focus);
	enum layout_pane pane = LAYOUT_PANES;
	for (int p = 0; p < LAYOUT_PANES; p++) {
		const struct layout_rect *r = &t->lay.pane[p];
		if (r->h > 0 && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w)
			pane = (enum layout_pane)p;
	}
	if (b != TUI_CLICK)
		return app_wheel(app, pane, b == TUI_WHEEL_UP ? -TUI_WHEEL_ROWS : TUI_WHEEL_ROWS);
	if (pane == LAYOUT_PANES)
		return 0;
	/* the contacts list starts below its title and heads, the others below the title */
	int first = t->lay.pane[pane].y + (pane == LAYOUT_CONTACTS ? 2 : 1);
	return app_click(app, pane, (long)(y - first));
}

/* One key within wait_ms: 1 with *key, 0 for none, -1 when the terminal is
 * gone. */
static int tui_read(struct tui *t, int wait_ms, uint32_t *key)
{
	wint_t ch;
	timeout(wait_ms);
	int r = get_wch(&ch);
	if (r == ERR) {
		struct pollfd pfd = {fileno(t->in), POLLIN, 0};
		if (poll(&pfd, 1, 0) == 1 && (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)))
			return -1;
		return 0;
	}
	if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
		MEVENT ev;
		*key = KEYMAP_KEY_NONE;
		if (getmouse(&ev) != OK)
			return 1;
		if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
			t->mouse_dirty |= tui_mouse(t, ev.y, ev.x, TUI_CLICK);
		else if (ev.bstate & BUTTON4_PRESSED)
			t->mouse_dirty |= tui_mouse(t, ev.y, ev.x, TUI_WHEEL_UP);
#ifdef BUTTON5_PRESSED
		else if (ev.bstate & BUTTON5_PRESSED)
			t->mouse_dirty |= tui_mouse(t, ev.y, ev.x, TUI_WHEEL_DOWN);
#endif
		return 1;
	}
	*key = r == KEY_CODE_YES ? tui_function_key(ch) : tui_char_key(ch);
	return 1;
}

static int tui_signalled(void)
{
	sigset_t pending;
	if (sigpending(&pending) != 0)
		return 0;
	for (size_t i = 0; i < sizeof tui_held / sizeof tui_held[0]; i++)
		if (sigismember(&pending, tui_held[i]) == 1)
			return 1;
	return 0;
}

/* ---- set-up ---- */

static int tui_open(struct tui *t, const struct tui_config *cfg, char **cause)
{
	const char *term = getenv("TERM");
	if (cfg->script != NULL) {
		/* a virtual screen: nothing reaches a terminal */
		term = "xterm";
		t->script = 1;
		t->in = fopen("/dev/null", "r");
		t->out = fopen("/dev/null", "w");
		if (t->in == NULL || t->out == NULL)
			return err_set(cause, "cannot open /dev/null: %s", strerror(errno));
	} else {
		if (term == NULL || term[0] == '\0')
			return err_set(cause, "TERM is not set: the full-screen program needs a terminal "
			                      "(`kith list` prints the list)");
		if (strcmp(term, "dumb") == 0)
			return err_set(cause, "the terminal 'dumb' cannot show the full-screen program "
			                      "(`kith list` prints the list)");
		t->in = fopen("/dev/tty", "r+");
		if (t->in == NULL)
			return err_set(cause, "the full-screen program needs a terminal "
			                      "(cannot open /dev/tty)");
		t->out = t->in;
	}
	/* the modes before curses changes them are what a crash gives back */
	int saved = !t->script && tcgetattr(fileno(t->in), &tui_saved_tty) == 0;
	t->ascii = cfg->ascii;
	t->scr = newterm(term, t->out, t->in);
	if (t->scr == NULL)
		return err_set(cause, "cannot use the terminal '%s' (unknown to terminfo?)", term);
	set_term(t->scr);
	if (t->script)
		resize_term(TUI_SCRIPT_LINES, 80);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mouseinterval(0);
	mmask_t want = BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
	want |= BUTTON5_PRESSED;
#endif
	mousemask(want, NULL);
	leaveok(stdscr, FALSE);
	if (saved)
		tui_crash_fd = fileno(t->in);
	return 0;
}

static void tui_close(struct tui *t)
{
	if (t->scr != NULL) {
		endwin();
		delscreen(t->scr);
	}
	tui_crash_fd = -1;
	if (t->out != NULL && t->out != t->in)
		fclose(t->out);
	if (t->in != NULL)
		fclose(t->in);
	t->scr = NULL;
	t->in = t->out = NULL;
}

/* ---- the capture prompt ---- */

struct tui_capture {
	const struct tui_config *cfg;
	struct app_log log;
	struct vm_capture vm;
	struct prompt *prompt; /* the scripted mode's prompt on the virtual screen */
};

static int tui_capture_save(void *arg, const char *line, char **cause)
{
	struct tui_capture *c = arg;
	app_log_free(&c->log);
	return c->cfg->capture(c->cfg->capture_arg, line, clock_now(c->cfg->clock), &c->log, cause);
}

static struct tui_capture *tui_capture_new(struct tui *t, const struct tui_config *cfg)
{
	struct tui_capture *c = xcalloc(1, sizeof *c);
	c->cfg = cfg;
	vm_capture_init(&c->vm, cfg->st, clock_now(cfg->clock));
	vm_capture_set_line(&c->vm, t->app->capture);
	return c;
}

/* The prompt was left (res) or failed (rc, cause): the program says what
 * happened and shows what was logged; c is freed. */
static int tui_capture_end(struct tui *t, struct tui_capture *c, int rc, enum prompt_result res,
                           char *cause)
{
	struct app *app = t->app;
	int dirty;
	if (rc != 0) {
		dirty = app_capture_done(app);
		app_say(app, 1, "%s", cause ? cause : "the capture prompt failed");
	} else if (res == PROMPT_SAVED) {
		dirty = app_logged(app, &c->log);
	} else {
		dirty = app_capture_done(app);
		app_say(app, 0, "nothing logged");
	}
	free(cause);
	app_log_free(&c->log);
	vm_capture_free(&c->vm);
	if (c->prompt != NULL)
		prompt_end(c->prompt);
	free(c);
	return dirty;
}

/* `c`: the capture prompt of `kith capture` (prompt.c, on a terminal of its
 * own), then the program's screen opened again. In the scripted mode the
 * same prompt is drawn on the virtual screen and the script's keys go to it
 * (tui_script_key) until it is left. */
static int tui_capture(struct tui *t, const struct tui_config *cfg)
{
	struct app *app = t->app;
	if (cfg->capture == NULL) {
		app_say(app, 1, "the capture prompt needs a terminal: use kith log");
		return app_capture_done(app);
	}
	struct tui_capture *c = tui_capture_new(t, cfg);
	if (t->script) {
		t->capture = c;
		c->prompt = prompt_begin(&c->vm, cfg->ascii);
		return 0;
	}
	tui_close(t);
	enum prompt_result res = PROMPT_CANCELLED;
	char *cause = NULL;
	int rc = prompt_run(&c->vm, cfg->ascii, tui_capture_save, c, &res, &cause);
	int dirty = tui_capture_end(t, c, rc, res, cause);
	cause = NULL;
	if (tui_open(t, cfg, &cause) != 0) {
		/* the terminal went away meanwhile: nothing left to show */
		free(cause);
		app->quit = 1;
		return 0;
	}
	free(colors_init(t, cfg->theme ? cfg->theme : "default"));
	return dirty | APP_DIRTY_CLEAR;
}

/* ---- the loop ---- */

/* The app's progress (the welcome's import): the screen painted at once. */
static void tui_progress(void *arg)
{
	tui_paint(arg, APP_DIRTY_STATUS);
}

/* The lines the screen has before curses starts, for the first screen's
 * head (0: not known; the whole roster is read first). */
static size_t tui_lines_hint(const struct tui_config *cfg)
{
	if (cfg->script != NULL)
		return TUI_SCRIPT_LINES;
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
		return ws.ws_row;
	return 0;
}

/* The first frame: painted from the head of the ranked list (app_init_head),
 * then the rest of the roster read before any key is (a key typed meanwhile
 * waits in the terminal); a screen taller than the head has it read first.
 * The paint after the rest changes no cell, and so writes nothing. -1 with
 * *cause. */
static int tui_first_frame(struct tui *t, char **cause)
{
	struct app *app = t->app;
	if (app->rest > 0 && (size_t)LINES > app->rest && app_load_rest(app, cause) < 0)
		return -1;
	tui_paint(t, APP_DIRTY_ALL);
	int dirty = app_load_rest(app, cause);
	if (dirty < 0)
		return -1;
	if (dirty != 0)
		tui_paint(t, dirty);
	return 0;
}

static int tui_loop(struct tui *t, const struct tui_config *cfg, char **cause)
{
	struct app *app = t->app;
	if (tui_first_frame(t, cause) != 0)
		return -1;
	while (!app->quit && !tui_signalled()) {
		int dirty = 0, wait = app->settle ? TUI_SETTLE_MS : TUI_TICK_MS, keys = 0;
		for (;;) {
			uint32_t key = KEYMAP_KEY_NONE;
			int got = tui_read(t, wait, &key);
			if (got < 0)
				app->quit = 1;
			if (got <= 0)
				break;
			keys++;
			wait = 0;
			dirty |= app_key(app, key) | t->mouse_dirty;
			t->mouse_dirty = 0;
			if (app->capture != NULL)
				dirty |= tui_capture(t, cfg);
			if (app->quit)
				break;
		}
		if (app->quit)
			break;
		if (keys == 0)
			dirty |= app_idle(app, clock_now(cfg->clock));
		if (dirty != 0)
			tui_paint(t, dirty);
	}
	return 0;
}

/* ---- the scripted mode ---- */

/* Writes the virtual screen as text: one line a row, trailing blanks cut. */
static void tui_dump(struct tui *t, FILE *f, size_t n)
{
	(void)t;
	fprintf(f, "--- screen %zu: %dx%d ---\n", n, COLS, LINES);
	struct buf line;
	buf_init(&line);
	for (int y = 0; y < LINES; y++) {
		buf_reset(&line);
		for (int x = 0; x < COLS; x++) {
			cchar_t cc;
			if (mvwin_wch(stdscr, y, x, &cc) == ERR)
				break;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attrs;
			short pair;
			if (getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
				continue;
			for (size_t i = 0; wch[i] != 0 && i < CCHARW_MAX; i++) {
				char u[4];
				int len = utf8_encode((uint32_t)wch[i], u);
				buf_add(&line, u, (size_t)len);
			}
			if (wch[0] != 0 && wcwidth(wch[0]) == 2)
				x++; /* the second cell of a wide character */
		}
		size_t len = line.len;
		while (len > 0 && line.data[len - 1] == ' ')
			len--;
		fprintf(f, "%.*s\n", (int)len, line.len ? line.data : "");
	}
	buf_free(&line);
}

/* A keymap key of the script as get_wch would give it to the capture
 * prompt (the keys that are text or control characters are themselves). */
static void tui_script_prompt_key(struct tui *t, uint32_t key)
{
	struct tui_capture *c = t->capture;
	int fn = 0;
	wint_t ch = (wint_t)key;
	if (key == KEYMAP_KEY_NONE)
		return;
	if (key == KEYMAP_KEY_TAB || key == KEYMAP_KEY_ENTER || key == KEYMAP_KEY_ESC ||
	    key == KEYMAP_KEY_BACKSPACE) {
		ch = key == KEYMAP_KEY_TAB ? '\t' : key == KEYMAP_KEY_ENTER ? '\r'
		     : key == KEYMAP_KEY_ESC ? 27 : 127;
	} else if (key >= KEYMAP_KEY_BASE) {
		size_t i = 0;
		while (i < sizeof tui_fkeys / sizeof tui_fkeys[0] && tui_fkeys[i].key != key)
			i++;
		if (i == sizeof tui_fkeys / sizeof tui_fkeys[0])
			return;
		fn = 1;
		ch = (wint_t)tui_fkeys[i].curses;
	}
	enum prompt_result res;
	if (prompt_feed(c->prompt, &c->vm, fn, ch, tui_capture_save, c, &res)) {
		const struct tui_config *cfg = c->cfg;
		t->capture = NULL;
		int dirty = tui_capture_end(t, c, 0, res, NULL);
		/* the prompt set colours of its own */
		free(colors_init(t, cfg->theme ? cfg->theme : "default"));
		dirty |= app_idle(t->app, clock_now(cfg->clock));
		tui_paint(t, dirty | APP_DIRTY_ALL);
	}
}

/* One key of the script, handled as the loop handles a key. */
static void tui_script_key(struct tui *t, const struct tui_config *cfg, uint32_t key)
{
	if (t->capture != NULL) {
		tui_script_prompt_key(t, key);
		return;
	}
	int dirty = app_key(t->app, key);
	if (t->app->capture != NULL)
		dirty |= tui_capture(t, cfg);
	if (t->capture != NULL)
		return; /* the prompt is on the screen now */
	dirty |= app_idle(t->app, clock_now(cfg->clock));
	if (dirty)
		tui_paint(t, dirty);
}

static int tui_script_line(struct tui *t, const struct tui_config *cfg, char *line,
                           size_t *dumps, char **why)
{
	char *s = line;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		s[--len] = '\0';
	if (*s == '\0' || *s == '#')
		return 0;
	if (strcmp(s, "dump") == 0) {
		/* the prompt is dumped as its own paints left it */
		if (t->capture == NULL)
			tui_paint(t, APP_DIRTY_ALL);
		tui_dump(t, cfg->dump, ++*dumps);
		return 0;
	}
	if (strncmp(s, "resize ", 7) == 0) {
		int c, r;
		char x;
		if (sscanf(s + 7, "%d%c%d", &c, &x, &r) != 3 || x != 'x' || c < 1 || r < 1 ||
		    c > 1000 || r > 1000) {
			*why = xstrdup("resize COLSxROWS, each from 1 to 1000");
			return -1;
		}
		resize_term(r, c);
		tui_script_key(t, cfg, KEYMAP_KEY_RESIZE);
		return 0;
	}
	if (strncmp(s, "type ", 5) == 0) {
		for (const char *p = s + 5; *p;) {
			uint32_t cp;
			p += utf8_decode(p, strlen(p), &cp);
			if (cp != UTF8_INVALID)
				tui_script_key(t, cfg, cp);
		}
		return 0;
	}
	if (strncmp(s, "key ", 4) == 0 || strncmp(s, "keys ", 5) == 0) {
		char *save = NULL;
		for (char *k = strtok_r(strchr(s, ' '), " ", &save); k != NULL;
		     k = strtok_r(NULL, " ", &save)) {
			uint32_t key;
			if (keymap_key_parse(k, &key) != 0) {
				*why = xasprintf("'%s' is not a key name", k);
				return -1;
			}
			tui_script_key(t, cfg, key);
		}
		return 0;
	}
	if (strncmp(s, "click ", 6) == 0 || strncmp(s, "wheel ", 6) == 0) {
		int x, y;
		char dir[8] = "";
		int ok = s[0] == 'c' ? sscanf(s + 6, "%d %d", &x, &y) == 2
		                     : sscanf(s + 6, "%7s %d %d", dir, &x, &y) == 3 &&
		                               (strcmp(dir, "up") == 0 || strcmp(dir, "down") == 0);
		if (!ok) {
			*why = xstrdup("click COL ROW, or wheel up|down COL ROW (from 0)");
			return -1;
		}
		enum tui_button b = s[0] == 'c'           ? TUI_CLICK
		                    : strcmp(dir, "up") == 0 ? TUI_WHEEL_UP
		                                             : TUI_WHEEL_DOWN;
		if (t->capture != NULL)
			return 0; /* the capture prompt takes no mouse */
		int dirty = tui_mouse(t, y, x, b) | app_idle(t->app, clock_now(cfg->clock));
		if (dirty)
			tui_paint(t, dirty);
		return 0;
	}
	if (strcmp(s, "idle") == 0) {
		tui_script_key(t, cfg, KEYMAP_KEY_NONE);
		return 0;
	}
	*why = xasprintf("unknown step '%s' (dump, key, keys, type, resize, click, wheel, idle)", s);
	return -1;
}

static int tui_script(struct tui *t, const struct tui_config *cfg, char **cause)
{
	FILE *f = fopen(cfg->script, "r");
	if (f == NULL)
		return err_set(cause, "%s: %s", cfg->script, strerror(errno));
	char line[4096];
	size_t lineno = 0, dumps = 0;
	int rc = 0;
	/* as if the user looked for a moment: the first frame, then the idle tick */
	if (tui_first_frame(t, cause) != 0) {
		fclose(f);
		return -1;
	}
	app_idle(t->app, clock_now(cfg->clock));
	while (!t->app->quit && fgets(line, sizeof line, f) != NULL) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		char *why = NULL;
		if (tui_script_line(t, cfg, line, &dumps, &why) != 0) {
			rc = err_set(cause, "%s:%zu: %s", cfg->script, lineno, why);
			free(why);
			break;
		}
	}
	fclose(f);
	if (t->capture != NULL) {
		/* the script ended with the prompt open: nothing logged */
		struct tui_capture *c = t->capture;
		t->capture = NULL;
		tui_capture_end(t, c, 0, PROMPT_CANCELLED, NULL);
	}
	return rc;
}

int tui_run(const struct tui_config *cfg, char **cause)
{
	struct tui t;
	memset(&t, 0, sizeof t);
	struct app app;
	if (app_init_head(&app, cfg->st, cfg->params, clock_now(cfg->clock), tui_lines_hint(cfg),
	                  cause) != 0)
		return -1;
	if (cfg->config_text != NULL &&
	    keymap_parse_config(&app.km, cfg->config_name ? cfg->config_name : "config",
	                        cfg->config_text, cause) != 0) {
		app_free(&app);
		return -1;
	}
	t.app = &app;
	app.progress = tui_progress;
	app.progress_arg = &t;
	app.contacts.ascii = app.recip.ascii = cfg->ascii;
	vm_lines_init(&t.scratch);

	sigset_t held, old;
	sigemptyset(&held);
	for (size_t i = 0; i < sizeof tui_held / sizeof tui_held[0]; i++)
		sigaddset(&held, tui_held[i]);
	sigprocmask(SIG_BLOCK, &held, &old);
	/* curses installs handlers of its own; ours come back after it */
	struct sigaction held_was[sizeof tui_held / sizeof tui_held[0]];
	for (size_t i = 0; i < sizeof tui_held / sizeof tui_held[0]; i++)
		sigaction(tui_held[i], NULL, &held_was[i]);
	struct sigaction crash_was[sizeof tui_crash / sizeof tui_crash[0]];
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_crash;
	sa.sa_flags = (int)SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof tui_crash / sizeof tui_crash[0]; i++)
		sigaction(tui_crash[i], &sa, &crash_was[i]);

	int rc = tui_open(&t, cfg, cause);
	if (rc == 0) {
		char *msg = colors_init(&t, cfg->theme ? cfg->theme : "default");
		if (msg != NULL) {
			app_say(&app, 1, "%s (showing mono)", msg);
			free(msg);
		}
		if (t.script)
			rc = tui_script(&t, cfg, cause);
		else
			rc = tui_loop(&t, cfg, cause);
	}
	tui_close(&t);
	vm_lines_free(&t.scratch);
	for (size_t i = 0; i < sizeof tui_crash / sizeof tui_crash[0]; i++)
		sigaction(tui_crash[i], &crash_was[i], NULL);
	for (size_t i = 0; i < sizeof tui_held / sizeof tui_held[0]; i++)
		sigaction(tui_held[i], &held_was[i], NULL);
	app_free(&app);
	/* a held signal now takes its usual effect */
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}
