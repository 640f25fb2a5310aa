/* prompt.h: `kith capture` on the controlling terminal: ncursesw on /dev/tty (so it
 * works in a popup with standard output redirected), keys mapped onto vm_capture, one
 * paint per key. Terminal layer; depends on vm_capture.h. */
#ifndef KITH_PROMPT_H
#define KITH_PROMPT_H

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
 * (caller frees) when there is no usable terminal. */
int prompt_run(struct vm_capture *vm, prompt_save_fn save, void *arg, enum prompt_result *result,
               char **cause);

#endif
