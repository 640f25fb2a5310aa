/* app_int.h: what app.c and app_write.c share and nothing else sees: the
 * functions around the program's state and the actions that write. View layer;
 * depends on app.h. */
#ifndef KITH_APP_INT_H
#define KITH_APP_INT_H

#include <stdint.h>

#include "app.h"

/* app.c */
/* Shows a failure's cause (freed here) in the status line; the dirty bits. */
int app_fail(struct app *app, char *cause);
/* The selected row, or NULL (the row is app's). */
const struct vm_contact_row *app_selected(const struct app *app);
/* Loads the selected contact's record now when it is not; -1 with the
 * message set. */
int app_need_recip(struct app *app);
/* The record view's lines from the loaded record. */
void app_view_record(struct app *app);
/* The selected contact's record view, which goes back to screen back; the
 * dirty bits (the message set when it cannot be read). */
int app_record_open(struct app *app, enum app_screen back);
/* Reads everything again, the selection kept on its contact; dirty bits. */
int app_reload(struct app *app);
/* Sets the filter (text copied; NULL or "": none). */
void app_filter_apply(struct app *app, const char *text);
/* Asks for the capture prompt prefilled with a mention of each of rows (the
 * rows are app's contacts'). */
void app_capture_for(struct app *app, const struct vm_contact_row *const *rows, size_t n);
/* An editing key on a typed line; the lineedit_change bits, -1 when key is
 * not an editing key. */
int app_edit_key(struct lineedit *le, uint32_t key);

/* app_write.c: each returns the dirty bits */
/* Replaces the undo with one of kind k (takes what, a heap string). */
void app_set_undo(struct app *app, enum app_undo_kind k, int64_t rowid, int64_t old, char *what);
int app_snooze(struct app *app);
int app_done(struct app *app);
/* Marks follow-up rowid of the selected contact done (0: their first open one). */
int app_done_followup(struct app *app, int64_t followup);
int app_undo(struct app *app);
int app_followup_save(struct app *app); /* the WHEN TEXT line being typed */
/* The welcome's import: path (any file import_file_path reads, or a vdir
 * folder; a leading ~/ is the home folder) in one transaction, then
 * everything read again; the status line says what came in, or why nothing. */
int app_import(struct app *app, const char *path);
int app_remove(struct app *app);        /* the contact being confirmed */
int app_form_open(struct app *app, int edit);
int app_form_key(struct app *app, uint32_t key);

/* app_review.c: the weekly review screen */
/* `w`: computes the review and shows it; the dirty bits. */
int app_review_open(struct app *app);
/* Computes the review again (after a write here or elsewhere, a new day),
 * the selection kept on its row; the message set on a failure. */
void app_review_load(struct app *app);
/* An action on the review screen: its dirty bits, -1 when the action is the
 * program's usual one (moves, undo, help, back, quit). */
int app_review_handle(struct app *app, enum keymap_action a);
/* The status line's position on the review screen: "3/9 in the review". */
void app_review_status(const struct app *app, struct buf *out);

#endif
