/* prompt.c: `kith capture` on the terminal: ncursesw on /dev/tty (or a screen
 * already open), keys to vm_capture keys, one paint per key with the text
 * always escaped (utf8_fit), in ASCII outside a UTF-8 locale.
 * Terminal layer; depends on vm_capture.h, lineedit.h, utf8.h and curses. */
#include "prompt.h"

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

#define PROMPT_MIN_COLS 20
#define PROMPT_MIN_ROWS 3
#define PROMPT_TICK_MS 250 /* how often held signals and a hung-up terminal are checked */
#define PROMPT_ALT_MS 30   /* how long after ESC a key still makes an Alt combination */
#define PROMPT_FIRST_ROW 2 /* the preview starts below the title and the line */

static const char prompt_title[] =
	"kith capture \xe2\x80\x94 Enter saves, Esc cancels, Tab completes, \xe2\x86\x91 history";
static const char prompt_small[] = "terminal too small";

/* Colours and attributes of the view model's styles; mono is used when
 * colours are off (NO_COLOR, or a terminal without them). */
static const struct {
	short fg; /* -1: the terminal's default */
	attr_t color;
	attr_t mono;
} prompt_styles[VM_CAPTURE_STYLE_COUNT] = {
	[VM_CAPTURE_STYLE_TEXT] = {-1, A_NORMAL, A_NORMAL},
	[VM_CAPTURE_STYLE_DIM] = {-1, A_DIM, A_DIM},
	[VM_CAPTURE_STYLE_LABEL] = {COLOR_CYAN, A_NORMAL, A_DIM},
	[VM_CAPTURE_STYLE_KIND] = {COLOR_MAGENTA, A_BOLD, A_BOLD},
	[VM_CAPTURE_STYLE_FOUND] = {COLOR_GREEN, A_BOLD, A_BOLD},
	[VM_CAPTURE_STYLE_NEW] = {COLOR_CYAN, A_BOLD, A_BOLD},
	[VM_CAPTURE_STYLE_WARN] = {COLOR_YELLOW, A_BOLD, A_BOLD | A_UNDERLINE},
	[VM_CAPTURE_STYLE_ERROR] = {COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE},
	[VM_CAPTURE_STYLE_TAG] = {COLOR_BLUE, A_NORMAL, A_NORMAL},
	[VM_CAPTURE_STYLE_SELECTED] = {-1, A_REVERSE, A_REVERSE},
};

static const int prompt_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

struct prompt {
	struct sigaction was[sizeof prompt_signals / sizeof prompt_signals[0]];
	SCREEN *scr;
	FILE *tty;
	attr_t attr[VM_CAPTURE_STYLE_COUNT];
	attr_t title, input_error;
	int small;  /* the last paint was the "too small" line */
	int ascii;  /* draw in ASCII: the locale is not UTF-8 */
	int cy, cx; /* where the cursor goes */
};

/* ---- painting ---- */

/* Paints s[0, len) escaped, cut to at most cells; returns the cells used and
 * sets *cut when not all of it fitted. */
static size_t prompt_put(const struct prompt *p, const char *s, size_t len, size_t cells,
                         attr_t a, int *cut)
{
	char *part = xstrndup(s, len);
	struct buf b;
	buf_init(&b);
	if (p->ascii) {
		struct buf as;
		buf_init(&as);
		utf8_ascii(&as, part);
		free(part);
		part = buf_detach(&as);
		if (part == NULL)
			part = xstrdup("");
	}
	size_t used = utf8_fit_as(&b, part, cells, 0, p->ascii);
	if (cut != NULL)
		*cut = utf8_width(part) > cells;
	attrset(a);
	addstr(buf_str(&b));
	buf_free(&b);
	free(part);
	return used;
}

static void prompt_paint_title(struct prompt *p, int cols)
{
	move(0, 0);
	size_t used = prompt_put(p, prompt_title, strlen(prompt_title), (size_t)cols, p->title, NULL);
	attrset(p->title);
	for (; used < (size_t)cols; used++)
		addch(' ');
	attrset(A_NORMAL);
}

static void prompt_paint_line(struct prompt *p, struct vm_capture *vm, int cols)
{
	const char *s = lineedit_text(&vm->le);
	size_t n = lineedit_len(&vm->le), width = (size_t)cols - 2, start, col;
	lineedit_view(&vm->le, width, &start, &col);
	move(1, 0);
	attrset(p->attr[VM_CAPTURE_STYLE_LABEL]);
	addstr(start == 0 ? "> " : p->ascii ? "< " : "\xe2\x80\xa6 ");
	size_t eo = n, el = 0;
	vm_capture_error_span(vm, &eo, &el);
	/* three runs: before the error, the error, after it */
	size_t cuts[4] = {start, eo, eo + el, n};
	size_t left = width;
	for (int i = 0; i < 3 && left > 0; i++) {
		size_t a = cuts[i] > start ? cuts[i] : start;
		size_t z = cuts[i + 1] > start ? cuts[i + 1] : start;
		if (z <= a)
			continue;
		int cut = 0;
		attr_t at = i == 1 ? p->input_error : p->attr[VM_CAPTURE_STYLE_TEXT];
		left -= prompt_put(p, s + a, z - a, left, at, &cut);
		if (cut)
			break;
	}
	attrset(A_NORMAL);
	clrtoeol();
	p->cy = 1;
	p->cx = 2 + (int)col;
}

/* Paints one span with word wrapping from (*y, *x); stops at row maxy.
 * Returns 0 once out of room. */
static int prompt_wrap_span(struct prompt *p, const struct vm_capture_span *sp, int *y, int *x,
                            int maxy, int cols)
{
	struct buf esc, as;
	buf_init(&esc);
	buf_init(&as);
	const char *text = sp->text;
	if (p->ascii) {
		utf8_ascii(&as, text);
		text = buf_str(&as);
	}
	utf8_escape(&esc, text, strlen(text));
	const char *s = buf_str(&esc);
	size_t n = esc.len, i = 0;
	attrset(p->attr[sp->style]);
	int room = 1;
	while (i < n && room) {
		/* a word and the blanks before it */
		size_t ws = i;
		while (ws < n && s[ws] == ' ')
			ws++;
		size_t we = ws;
		while (we < n && s[we] != ' ')
			we++;
		char *word = xstrndup(s + ws, we - ws);
		int ww = (int)utf8_width(word);
		free(word);
		int blanks = (int)(ws - i);
		if (*x > 0 && *x + blanks + ww > cols && ww <= cols) {
			if (++*y >= maxy) {
				room = 0;
				break;
			}
			move(*y, 0);
			clrtoeol();
			*x = 0;
			i = ws; /* no blanks at the start of a line */
		}
		/* the blanks and the word, unit by unit (a long word breaks anywhere) */
		while (i < we) {
			uint32_t cp;
			size_t k = utf8_decode(s + i, we - i, &cp);
			int w = utf8_cp_width(cp);
			while (i + k < we) {
				uint32_t next;
				size_t k2 = utf8_decode(s + i + k, we - i - k, &next);
				if (utf8_cp_width(next) != 0)
					break;
				k += k2;
			}
			if (*x + w > cols) {
				if (++*y >= maxy) {
					room = 0;
					break;
				}
				move(*y, 0);
				clrtoeol();
				*x = 0;
				if (cp == ' ') {
					i += k;
					continue;
				}
			}
			addnstr(s + i, (int)k);
			*x += w;
			i += k;
		}
	}
	buf_free(&esc);
	buf_free(&as);
	return room;
}

/* Paints the preview rows from PROMPT_FIRST_ROW to the bottom. */
static void prompt_paint_rows(struct prompt *p, const struct vm_capture *vm, int rows, int cols)
{
	int y = PROMPT_FIRST_ROW;
	for (size_t r = 0; r < vm->nrows && y < rows; r++) {
		const struct vm_capture_row *row = &vm->rows[r];
		int x = 0;
		move(y, 0);
		clrtoeol();
		for (size_t k = 0; k < row->n; k++) {
			const struct vm_capture_span *sp = &row->spans[k];
			if (row->wrap) {
				if (!prompt_wrap_span(p, sp, &y, &x, rows, cols))
					break;
				continue;
			}
			int cut = 0;
			x += (int)prompt_put(p, sp->text, strlen(sp->text), (size_t)(cols - x),
			                     p->attr[sp->style], &cut);
			if (cut || x >= cols)
				break;
		}
		y++;
	}
	attrset(A_NORMAL);
	if (y < rows) {
		move(y, 0);
		clrtobot();
	}
}

static void prompt_paint(struct prompt *p, struct vm_capture *vm, int dirty)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	if (rows < PROMPT_MIN_ROWS || cols < PROMPT_MIN_COLS) {
		erase();
		move(0, 0);
		prompt_put(p, prompt_small, strlen(prompt_small), cols > 0 ? (size_t)cols : 0, A_NORMAL,
		           NULL);
		curs_set(0);
		p->small = 1;
		refresh();
		return;
	}
	if (p->small) {
		p->small = 0;
		dirty = VM_CAPTURE_DIRTY_ALL;
	}
	if ((dirty & VM_CAPTURE_DIRTY_ALL) == VM_CAPTURE_DIRTY_ALL) {
		erase();
		prompt_paint_title(p, cols);
	}
	if (dirty & VM_CAPTURE_DIRTY_LINE)
		prompt_paint_line(p, vm, cols);
	if (dirty & VM_CAPTURE_DIRTY_PREVIEW)
		prompt_paint_rows(p, vm, rows, cols);
	curs_set(1);
	move(p->cy, p->cx);
	refresh();
}

/* ---- keys ---- */

/* Maps an Alt (ESC-prefixed) key; 0 when it means nothing here. */
static int prompt_alt(wint_t ch, enum vm_capture_key *key)
{
	switch (ch) {
	case 'b':
	case 'B':
		*key = VM_CAPTURE_KEY_WORD_LEFT;
		return 1;
	case 'f':
	case 'F':
		*key = VM_CAPTURE_KEY_WORD_RIGHT;
		return 1;
	case 'd':
	case 'D':
		*key = VM_CAPTURE_KEY_KILL_WORD_FORWARD;
		return 1;
	case 127:
	case 8:
		*key = VM_CAPTURE_KEY_KILL_WORD_BACK;
		return 1;
	}
	return 0;
}

static int prompt_function_key(wint_t ch, enum vm_capture_key *key)
{
	switch (ch) {
	case KEY_LEFT:
		*key = VM_CAPTURE_KEY_LEFT;
		return 1;
	case KEY_RIGHT:
		*key = VM_CAPTURE_KEY_RIGHT;
		return 1;
	case KEY_UP:
		*key = VM_CAPTURE_KEY_UP;
		return 1;
	case KEY_DOWN:
		*key = VM_CAPTURE_KEY_DOWN;
		return 1;
	case KEY_HOME:
		*key = VM_CAPTURE_KEY_HOME;
		return 1;
	case KEY_END:
		*key = VM_CAPTURE_KEY_END;
		return 1;
	case KEY_BACKSPACE:
		*key = VM_CAPTURE_KEY_BACKSPACE;
		return 1;
	case KEY_DC:
		*key = VM_CAPTURE_KEY_DELETE;
		return 1;
	case KEY_ENTER:
		*key = VM_CAPTURE_KEY_ENTER;
		return 1;
	case KEY_BTAB:
		*key = VM_CAPTURE_KEY_BACKTAB;
		return 1;
	case KEY_RESIZE:
		*key = VM_CAPTURE_KEY_REDRAW;
		return 1;
	}
	/* Ctrl- and Alt-arrows have no fixed codes: ncurses names them */
	const char *name = keyname((int)ch);
	if (name == NULL)
		return 0;
	if (strncmp(name, "kLFT", 4) == 0) {
		*key = VM_CAPTURE_KEY_WORD_LEFT;
		return 1;
	}
	if (strncmp(name, "kRIT", 4) == 0) {
		*key = VM_CAPTURE_KEY_WORD_RIGHT;
		return 1;
	}
	return 0;
}

/* Control characters and text. */
static int prompt_char_key(struct vm_capture *vm, wint_t ch, enum vm_capture_key *key, uint32_t *cp)
{
	switch (ch) {
	case '\r':
	case '\n':
		*key = VM_CAPTURE_KEY_ENTER;
		return 1;
	case '\t':
		*key = VM_CAPTURE_KEY_TAB;
		return 1;
	case 127:
	case 8:
		*key = VM_CAPTURE_KEY_BACKSPACE;
		return 1;
	case 1:
		*key = VM_CAPTURE_KEY_HOME;
		return 1;
	case 2:
		*key = VM_CAPTURE_KEY_LEFT;
		return 1;
	case 3: /* Ctrl-C */
	case 7: /* Ctrl-G */
		*key = VM_CAPTURE_KEY_ESC;
		return 1;
	case 4: /* Ctrl-D: delete, or leave on an empty line as a shell does */
		*key = lineedit_len(&vm->le) == 0 ? VM_CAPTURE_KEY_ESC : VM_CAPTURE_KEY_DELETE;
		return 1;
	case 5:
		*key = VM_CAPTURE_KEY_END;
		return 1;
	case 6:
		*key = VM_CAPTURE_KEY_RIGHT;
		return 1;
	case 11:
		*key = VM_CAPTURE_KEY_KILL_TO_END;
		return 1;
	case 12:
		*key = VM_CAPTURE_KEY_REDRAW;
		return 1;
	case 14:
		*key = VM_CAPTURE_KEY_DOWN;
		return 1;
	case 16:
		*key = VM_CAPTURE_KEY_UP;
		return 1;
	case 21:
		*key = VM_CAPTURE_KEY_KILL_TO_START;
		return 1;
	case 23:
		*key = VM_CAPTURE_KEY_KILL_BIGWORD_BACK;
		return 1;
	case 25:
		*key = VM_CAPTURE_KEY_YANK;
		return 1;
	}
	if (utf8_is_control((uint32_t)ch))
		return 0;
	*key = VM_CAPTURE_KEY_TEXT;
	*cp = (uint32_t)ch;
	return 1;
}

/* A key as get_wch gave it (fn: a function key; 27 alone is Esc); 1 with
 * *key (and *cp), 0 when it means nothing here. */
static int prompt_map(struct vm_capture *vm, int fn, wint_t ch, enum vm_capture_key *key,
                      uint32_t *cp)
{
	if (fn)
		return prompt_function_key(ch, key);
	if (ch == 27) {
		*key = VM_CAPTURE_KEY_ESC;
		return 1;
	}
	return prompt_char_key(vm, ch, key, cp);
}

/* Reads one key; 1 with *key (and *cp), 0 when there was none or it means
 * nothing here, -1 when the terminal is gone. */
static int prompt_read(struct vm_capture *vm, FILE *tty, int wait_ms, enum vm_capture_key *key,
                       uint32_t *cp)
{
	wint_t ch;
	timeout(wait_ms);
	int r = get_wch(&ch);
	if (r == ERR) {
		struct pollfd pfd = {fileno(tty), POLLIN, 0};
		if (poll(&pfd, 1, 0) == 1 && (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)))
			return -1;
		return 0;
	}
	if (r == KEY_CODE_YES)
		return prompt_map(vm, 1, ch, key, cp);
	if (ch == 27) {
		/* ESC alone, or the first half of an Alt combination */
		wint_t next;
		timeout(PROMPT_ALT_MS);
		int r2 = get_wch(&next);
		if (r2 == ERR) {
			*key = VM_CAPTURE_KEY_ESC;
			return 1;
		}
		if (r2 == OK)
			return prompt_alt(next, key);
		return 0;
	}
	return prompt_map(vm, 0, ch, key, cp);
}

/* One key given to the view model, and a save when it asks for one; adds
 * what to repaint to *dirty. 1 once the prompt is done (*result says how). */
static int prompt_handle(struct vm_capture *vm, enum vm_capture_key key, uint32_t cp,
                         prompt_save_fn save, void *arg, enum prompt_result *result, int *dirty)
{
	if (key == VM_CAPTURE_KEY_REDRAW)
		clearok(curscr, TRUE);
	*dirty |= vm_capture_key(vm, key, cp);
	if (vm->action == VM_CAPTURE_CANCEL)
		return 1;
	if (vm->action != VM_CAPTURE_SAVE)
		return 0;
	char *why = NULL;
	int done = 0;
	if (save(arg, vm_capture_line(vm), &why) == 0) {
		*result = PROMPT_SAVED;
		done = 1;
	} else {
		*dirty |= vm_capture_fail(vm, why);
	}
	free(why);
	return done;
}

static int prompt_signalled(void)
{
	sigset_t pending;
	if (sigpending(&pending) != 0)
		return 0;
	for (size_t i = 0; i < sizeof prompt_signals / sizeof prompt_signals[0]; i++)
		if (sigismember(&pending, prompt_signals[i]) == 1)
			return 1;
	return 0;
}

/* ---- set-up ---- */

static void prompt_colors(struct prompt *p)
{
	const char *no = getenv("NO_COLOR");
	int color = (no == NULL || no[0] == '\0') && has_colors() && start_color() == OK;
	if (color)
		use_default_colors();
	for (int i = 0; i < VM_CAPTURE_STYLE_COUNT; i++) {
		p->attr[i] = color ? prompt_styles[i].color : prompt_styles[i].mono;
		if (color && prompt_styles[i].fg >= 0 &&
		    init_pair((short)(i + 1), prompt_styles[i].fg, -1) == OK)
			p->attr[i] |= COLOR_PAIR(i + 1);
	}
	p->title = A_REVERSE | A_BOLD;
	p->input_error = A_UNDERLINE | (color ? p->attr[VM_CAPTURE_STYLE_ERROR] : A_BOLD);
}

static int prompt_open(struct prompt *p, char **cause)
{
	const char *term = getenv("TERM");
	if (term == NULL || term[0] == '\0')
		return err_set(cause, "TERM is not set: kith capture needs a terminal");
	p->tty = fopen("/dev/tty", "r+");
	if (p->tty == NULL)
		return err_set(cause, "kith capture needs a terminal (cannot open /dev/tty)");
	/* curses installs handlers of its own; the caller's come back on close */
	for (size_t i = 0; i < sizeof prompt_signals / sizeof prompt_signals[0]; i++)
		sigaction(prompt_signals[i], NULL, &p->was[i]);
	p->scr = newterm(NULL, p->tty, p->tty);
	if (p->scr == NULL) {
		fclose(p->tty);
		p->tty = NULL;
		return err_set(cause, "cannot use the terminal '%s'", term);
	}
	set_term(p->scr);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	prompt_colors(p);
	return 0;
}

static void prompt_close(struct prompt *p)
{
	endwin();
	delscreen(p->scr);
	fclose(p->tty);
	for (size_t i = 0; i < sizeof prompt_signals / sizeof prompt_signals[0]; i++)
		sigaction(prompt_signals[i], &p->was[i], NULL);
	p->scr = NULL;
	p->tty = NULL;
}

int prompt_run(struct vm_capture *vm, int ascii, prompt_save_fn save, void *arg,
               enum prompt_result *result, char **cause)
{
	struct prompt p;
	memset(&p, 0, sizeof p);
	p.ascii = ascii;
	*result = PROMPT_CANCELLED;

	/* held, and checked between keys, so that the terminal is always restored */
	sigset_t held, old;
	sigemptyset(&held);
	for (size_t i = 0; i < sizeof prompt_signals / sizeof prompt_signals[0]; i++)
		sigaddset(&held, prompt_signals[i]);
	sigprocmask(SIG_BLOCK, &held, &old);
	if (prompt_open(&p, cause) != 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return -1;
	}
	prompt_paint(&p, vm, VM_CAPTURE_DIRTY_ALL);
	int done = 0;
	while (!done && !prompt_signalled()) {
		/* wait for a key, handle all that are already typed, then paint once */
		int dirty = 0, wait = PROMPT_TICK_MS;
		while (!done) {
			enum vm_capture_key key = VM_CAPTURE_KEY_REDRAW;
			uint32_t cp = 0;
			int got = prompt_read(vm, p.tty, wait, &key, &cp);
			if (got < 0)
				done = 1;
			if (got <= 0)
				break;
			wait = 0;
			done = prompt_handle(vm, key, cp, save, arg, result, &dirty);
		}
		if (!done && dirty != 0)
			prompt_paint(&p, vm, dirty);
	}
	prompt_close(&p);
	/* a held signal now takes its usual effect */
	sigprocmask(SIG_SETMASK, &old, NULL);
	return 0;
}

/* ---- on a screen curses already shows ---- */

struct prompt *prompt_begin(struct vm_capture *vm, int ascii)
{
	struct prompt *p = xcalloc(1, sizeof *p);
	p->ascii = ascii;
	prompt_colors(p);
	prompt_paint(p, vm, VM_CAPTURE_DIRTY_ALL);
	return p;
}

int prompt_feed(struct prompt *p, struct vm_capture *vm, int fn, wint_t ch, prompt_save_fn save,
                void *arg, enum prompt_result *result)
{
	enum vm_capture_key key;
	uint32_t cp = 0;
	int dirty = 0;
	*result = PROMPT_CANCELLED;
	if (!prompt_map(vm, fn, ch, &key, &cp))
		return 0;
	if (prompt_handle(vm, key, cp, save, arg, result, &dirty))
		return 1;
	if (dirty != 0)
		prompt_paint(p, vm, dirty);
	return 0;
}

void prompt_end(struct prompt *p)
{
	free(p);
}
