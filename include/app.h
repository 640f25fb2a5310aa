/* app.h: the full-screen program as data: the journal, the clock, the
 * screen and focus, the three panes' view models and the weekly review's,
 * the line being typed (a filter, a follow-up, a confirmation), the message
 * and the undo of the last write. Keys go in as keymap keys; each call
 * returns what to repaint, and the terminal layer paints once per loop. View
 * layer; depends on store.h, keymap.h, layout.h, lineedit.h and the vm_*.h
 * models. */
#ifndef KITH_APP_H
#define KITH_APP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "keymap.h"
#include "layout.h"
#include "lineedit.h"
#include "score.h"
#include "vm_contacts.h"
#include "vm_form.h"
#include "vm_lines.h"
#include "vm_recip.h"
#include "vm_review.h"
#include "vm_timeline.h"

struct store;

enum app_screen { APP_SCREEN_MAIN, APP_SCREEN_RECORD, APP_SCREEN_HELP, APP_SCREEN_FORM,
	          APP_SCREEN_REVIEW };

/* A line the status row is asking for. */
enum app_input {
	APP_INPUT_NONE,
	APP_INPUT_FILTER,   /* the live filter */
	APP_INPUT_FOLLOWUP, /* WHEN TEXT of a new follow-up */
	APP_INPUT_CONFIRM,  /* y or n: remove the contact */
	APP_INPUT_IMPORT,   /* the path of a vCard file or vdir folder (the welcome's `i`) */
};

/* What to repaint (bits). */
enum app_dirty {
	APP_DIRTY_CONTACTS = 1,
	APP_DIRTY_TIMELINE = 2,
	APP_DIRTY_RECIP = 4,
	APP_DIRTY_STATUS = 8,
	APP_DIRTY_VIEW = 16, /* the record or the help */
	APP_DIRTY_ALL = 31,
	APP_DIRTY_CLEAR = 32, /* redraw every cell (Ctrl-L) */
};

/* The last write made here, and how to take it back. */
enum app_undo_kind { APP_UNDO_NONE, APP_UNDO_SNOOZE, APP_UNDO_DONE, APP_UNDO_FOLLOWUP,
	             APP_UNDO_LOG, APP_UNDO_ADD, APP_UNDO_EDIT };

/* What one capture line wrote: its interaction, the follow-ups and the new
 * contacts it made (rowids), and the confirmation to show. */
struct app_log {
	int64_t interaction;
	int64_t *followups, *contacts; /* owned */
	size_t nfollowups, ncontacts;
	char *said; /* owned; may be NULL */
};
void app_log_free(struct app_log *l); /* not the struct itself */

struct app_undo {
	enum app_undo_kind kind;
	int64_t rowid;       /* the contact (snooze) or the follow-up */
	int64_t old;         /* the snooze it replaced */
	struct app_log log;  /* APP_UNDO_LOG */
	struct contact *before; /* APP_UNDO_EDIT: the record before the edit; owned */
	char *what;          /* "snooze of Ana Souza"; NULL when none */
};

struct app {
	struct store *st;                  /* borrowed */
	const struct score_params *params; /* borrowed */
	int64_t now;
	struct keymap km;
	enum app_screen screen;
	enum layout_pane focus;
	struct vm_contacts contacts;
	struct vm_timeline timeline;
	struct vm_recip recip;
	size_t recip_top; /* first line of the reciprocity pane shown */
	struct vm_lines view; /* the record or the help */
	size_t view_top;
	size_t page; /* rows of the focused list, set by the painter (PgUp/PgDn) */
	enum app_input input;
	struct lineedit le;
	char *ask;         /* the question before the line */
	char *filter;      /* the filter as typed; NULL: none */
	char *filter_was;  /* the filter before `/` (Esc restores it) */
	int64_t sel_was;   /* the contact selected before `/` */
	int filter_moved;  /* the selection was moved while the filter was typed */
	int64_t confirm;   /* the contact the confirmation is about */
	char *message;     /* NULL: none */
	int message_error;
	int64_t data_version;
	int empty; /* the journal has nobody: the welcome */
	size_t rest; /* app_init_head read this many rows: app_load_rest reads all */
	int settle; /* the timeline and reciprocity wait for the selection to settle */
	char *capture; /* `c` asks the terminal layer for the capture prompt, prefilled
	                  with this; NULL otherwise */
	int quit;
	struct app_undo undo;
	struct vm_form *form; /* APP_SCREEN_FORM; owned */
	int form_discard;     /* Esc once on a changed form: a second one discards */
	enum app_screen form_from; /* where the form goes back to */
	struct vm_review review;   /* the weekly review; loaded while it is open */
	enum app_screen back_to;   /* where the record and the help go back to */
	/* called while the welcome's import runs, its progress in the message
	 * ("importing: 2000 records read"), for the terminal layer to show the
	 * status line at once; NULL (app_init's): not called */
	void (*progress)(void *arg);
	void *progress_arg;
};

/* Loads the contacts (st and params are borrowed); the keymap is the
 * default one (rebind through app->km). -1 with *cause (caller frees). */
int app_init(struct app *app, struct store *st, const struct score_params *params, int64_t now,
             char **cause);
/* As app_init, reading only the count of the contacts and the `rows` first
 * of the ranked list (vm_contacts_load_head), for a first screen at most
 * that many lines high; rows 0: all of them (app_init). app_load_rest must
 * follow the first paint, before any key or idle step. */
int app_init_head(struct app *app, struct store *st, const struct score_params *params,
                  int64_t now, size_t rows, char **cause);
/* Reads the whole roster after app_init_head (nothing when it was read),
 * at the time the head was read, keeping the selection: the screen painted
 * after it is the one painted before. Returns the app_dirty bits, or -1 with
 * *cause (caller frees). */
int app_load_rest(struct app *app, char **cause);
void app_free(struct app *app);

/* One key (a keymap key); returns the app_dirty bits. */
int app_key(struct app *app, uint32_t key);
/* One action of the keymap; returns the app_dirty bits. */
int app_handle(struct app *app, enum keymap_action a);
/* No key for a while: reloads when another process wrote (the journal's data
 * version changed), keeping the selection on the same contact, and loads the
 * timeline and reciprocity of the selected contact once it settled. now is
 * the clock. Returns the app_dirty bits. */
int app_idle(struct app *app, int64_t now);
/* The capture prompt wrote a line (log is taken over and emptied): shows
 * what was logged at once, says so, and keeps it for undo. */
int app_logged(struct app *app, struct app_log *log);
/* The capture prompt was left without saving. */
int app_capture_done(struct app *app);
/* The mouse: a click on pane `pane` at `row` lines below its first list row
 * (negative: on its title or heads) focuses it and, in the contacts, selects
 * that row; the wheel scrolls the pane under it (delta rows). Returns the
 * app_dirty bits. */
int app_click(struct app *app, enum layout_pane pane, long row);
int app_wheel(struct app *app, enum layout_pane pane, long delta);
/* The keymap mode of the current screen. */
enum keymap_mode app_mode(const struct app *app);

/* Sets the message (copied; error: shown as one). */
void app_say(struct app *app, int error, const char *fmt, ...) KITH_PRINTF(3, 4);
/* The status line: position, sort, filter, then the message or the hints,
 * in at most width cells, appended to out. While a line is typed: the
 * question (cut when the line needs the room), then as much of the line as
 * fits around its cursor; *cursor is the cursor's cell (< width), else
 * APP_NO_CURSOR. Keeps the line's scroll in app->le. */
#define APP_NO_CURSOR ((size_t)-1)
void app_status(struct app *app, size_t width, struct buf *out, size_t *cursor);
/* The welcome of an empty journal. */
void app_welcome_lines(struct vm_lines *out);

#endif
