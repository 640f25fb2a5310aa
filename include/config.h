/* config.h: the configuration file ($XDG_CONFIG_HOME/kith/config), lines of
 * `key = value` with # comments. Sets scoring parameters (score.h) now, and
 * later the keymap and theme. Pure parsing plus one file read. */
#ifndef KITH_CONFIG_H
#define KITH_CONFIG_H

#include "score.h"

struct config {
	struct score_params score;
	char theme[64]; /* "default" */
};

/* Fills *cfg (caller's storage) with the defaults: score_params_default() and
 * theme "default". */
void config_default(struct config *cfg);
/* The path used when none is given: $KITH_CONFIG, else $XDG_CONFIG_HOME/kith/config,
 * else ~/.config/kith/config. Caller frees; NULL when no home is known. */
char *config_default_path(void);
/* Reads path into cfg (already defaulted). A missing file is not an error when
 * `optional` is set. A bad line fails with *cause = "FILE:LINE: what is wrong"
 * (caller frees); an unreadable file with "FILE: reason". On failure cfg is
 * left as it was. */
int config_load(struct config *cfg, const char *path, int optional, char **cause);
/* The whole file into *text (caller frees; NULL when it is missing and
 * `optional`), refusing NUL bytes and files over 1 MB; *cause as config_load. */
int config_read_file(const char *path, int optional, char **text, char **cause);
/* Parses text as if it were a file called `name` (for tests and --config-text).
 * The keys, their ranges and the syntax are listed at the top of config.c
 * (`bind KEY ACTION` lines are skipped here: the keymap reads them); a
 * repeated key takes the last value. All or nothing: on failure cfg is left as
 * it was and *cause (caller frees) names the line. */
int config_parse(struct config *cfg, const char *name, const char *text, char **cause);

#endif
