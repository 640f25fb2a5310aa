/* prompt.h: `kith capture` on the controlling terminal: ncursesw on /dev/tty (so it
 * works in a popup with standard output redirected), or on a screen curses already
 * shows; keys mapped onto vm_capture, one paint per key. Terminal layer; depends on
 * vm_capture.h. */
#ifndef KITH_PROMPT_H
#define KITH_PROMPT_H

#include <wchar.h>

#include "vm_capture.h"

/* Saves a line the view model accepted: 0 on success; -1 with *cause (the
 * prompt shows it, frees it and goes on editing). */
typedef int (*prompt_save_fn)(void *arg, const char *line, char **cause);

enum prompt_result {
	PROMPT_SAVED,
	PROMPT_CANCELLED, /* Esc, Ctrl-C, Ctrl-G, Ctrl-D on an empty line, or a signal */
};

/* Runs the prompt over vm until a save succeeds or the user leaves. The
 * terminal is restored before it returns, also on SIGINT, SIGTERM, SIGHUP and
 * SIGQUIT, which are held while the prompt runs and take their usual effect
 * once the terminal is restored. Returns 0 with *result, or -1 with *cause
 * (caller frees) when there is no usable terminal. With ascii set (a
 * locale that is not UTF-8) it draws in ASCII as utf8_ascii spells it. */
int prompt_run(struct vm_capture *vm, int ascii, prompt_save_fn save, void *arg,
               enum prompt_result *result, char **cause);

/* The same prompt on the screen curses already shows (the full-screen
 * program's scripted mode), fed one key at a time. prompt_begin paints it;
 * the caller frees it with prompt_end (the screen is left as it is). */
struct prompt;
struct prompt *prompt_begin(struct vm_capture *vm, int ascii);
/* One key as get_wch gives it (fn: a function key such as KEY_LEFT; 27 is
 * Esc alone), then the paint. Returns 1 once the prompt is done, with
 * *result (a failed save shows its cause and goes on editing), else 0. */
int prompt_feed(struct prompt *p, struct vm_capture *vm, int fn, wint_t ch, prompt_save_fn save,
                void *arg, enum prompt_result *result);
void prompt_end(struct prompt *p);

#endif
