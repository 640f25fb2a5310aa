/* tui.h: the full-screen program on the terminal (DESIGN.md §6): curses on
 * the controlling terminal, or, for golden screens, a scripted run without
 * one. Terminal layer; depends on app.h, store.h and clock.h. */
#ifndef KITH_TUI_H
#define KITH_TUI_H

#include <stdio.h>

#include "app.h"
#include "clock.h"
#include "score.h"

struct store;

/* Records one capture line at now; fills *out with what it wrote. -1 with
 * *cause (caller frees): the prompt shows it and goes on editing. */
typedef int (*tui_capture_fn)(void *arg, const char *line, int64_t now, struct app_log *out,
                              char **cause);

struct tui_config {
	struct store *st;                  /* borrowed */
	const struct score_params *params; /* borrowed */
	const struct clock *clock;         /* borrowed */
	const char *theme;                 /* a theme name: themes/NAME.theme */
	const char *config_name;           /* for messages about bind lines */
	const char *config_text;           /* the configuration file's text, or NULL */
	/* KITH_SCRIPT: a file of keys, `resize COLSxROWS` and `dump` lines run
	 * against a virtual screen of 80x24, each dump written to `dump`. */
	const char *script;
	FILE *dump;
	tui_capture_fn capture; /* `c`; NULL: not offered */
	void *capture_arg;
	int ascii; /* the locale is not UTF-8: ASCII marks, and '?' for other text */
};

/* Runs the program until the user quits (or the script ends). The terminal
 * is restored before it returns, on SIGTERM, SIGHUP and SIGINT too (held
 * while it runs, then taking their usual effect), and on a crash signal.
 * -1 with *cause (caller frees) when there is no usable terminal (TERM
 * unset, dumb or unknown) or the journal cannot be read. */
int tui_run(const struct tui_config *cfg, char **cause);

#endif
