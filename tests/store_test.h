/* store_test.h: helpers the store's test suites share (check_store_util.c):
 * temporary folders, files as bytes, and one-call writes through store_write. */
#ifndef KITH_STORE_TEST_H
#define KITH_STORE_TEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "model.h"
#include "score.h"
#include "store.h"

#define T_DAY INT64_C(86400)
/* 2023-11-14 22:13:20 UTC: every test pins its clock here. */
#define T_NOW INT64_C(1700000000)

/* A new private folder for one test; caller frees the name and removes the
 * folder with t_rmtree. */
char *t_tmpdir(void);
void t_rmtree(const char *dir);
/* dir + "/" + name; caller frees. */
char *t_path(const char *dir, const char *name);

/* The folder of real contact files of other programs: $KITH_CORPUS, else
 * ../shared/corpus/contacts (or one more level up, from a second working
 * tree); NULL when there is none. Caller frees. */
char *t_corpus_dir(void);

/* The whole file; NULL when it cannot be read. Caller frees. */
char *t_slurp(const char *path, size_t *len);
void t_spit(const char *path, const void *data, size_t len);
/* 1 when the file holds exactly data. */
int t_same(const char *path, const char *data, size_t len);
int t_exists(const char *path);
unsigned t_mode(const char *path);

/* store_open with the default parameters; fails the test on error. */
struct store *t_open(const char *path);

/* A journal in a new folder; closing it checks that the store is idle (no
 * open transaction, no statement left unreset) and removes the folder. */
struct t_fixture {
	char *dir, *path;
	struct store *st;
};
void t_fixture_open(struct t_fixture *fx);
void t_fixture_close(struct t_fixture *fx);
void t_assert_idle(struct store *st);
/* How many times the store's statement whose SQL holds `part` ran (0: no
 * such statement is left). */
int t_stmt_runs(struct store *st, const char *part);

/* Replaces the heap string *dst with a copy of s. */
void t_set(char **dst, const char *s);
/* Adds the contact rowid (no name) to in. */
void t_ref_add(struct interaction *in, int64_t rowid);

/* One write through store_write; the return value of the store_tx function
 * (cause set on -1, caller frees). */
int t_contact_add(struct store *st, struct contact *c, int64_t now, char **cause);
int t_contact_update(struct store *st, struct contact *c, int64_t now, char **cause);
int t_contact_remove(struct store *st, int64_t rowid, int64_t now, char **cause);
int t_interaction_add(struct store *st, struct interaction *in, int64_t now, char **cause);
int t_interaction_bulk(struct store *st, struct interaction *in, int64_t now, char **cause);
int t_interaction_update(struct store *st, struct interaction *in, int64_t now, char **cause);
int t_interaction_remove(struct store *st, int64_t rowid, int64_t now, char **cause);
int t_followup_add(struct store *st, struct followup *f, int64_t now, char **cause);
int t_followup_done(struct store *st, int64_t rowid, int done, int64_t now, char **cause);
int t_rescore_all(struct store *st, store_rescore_report report, void *arg, size_t *ndiffer,
                  char **cause);

/* A contact named name (with tags, comma-separated, may be NULL), created at
 * T_NOW - 1000 days; fails the test on error. Returns its rowid. */
int64_t t_person(struct store *st, const char *name, const char *tags);
/* An interaction with the contacts rowids[0..n-1]; fails the test on error.
 * Returns its rowid; its uuid into id when not NULL. */
int64_t t_log(struct store *st, int64_t at, enum ikind kind, enum direction dir, int deep,
              const int64_t *rowids, size_t n, char id[ID_LEN + 1]);

/* Fails the test unless the contact's stored cache equals a rebuild from its
 * interactions (1e-9, relative above 1). */
void t_check_cache(struct store *st, int64_t rowid);

/* A small deterministic generator (xorshift64*); the state is the caller's. */
uint64_t t_rng(uint64_t *s);

/* A child that takes the write lock once t_holder_lock says go, and holds it
 * for hold_ms, or (0) until t_holder_release. Fork it before the test opens
 * its store, so that it shares no connection with it; dir and path are freed
 * in the child only. t_holder_wait reaps it and checks that it committed. */
struct t_holder {
	pid_t pid;
	int go[2], ready[2], release[2];
};
void t_holder_start(struct t_holder *h, char *dir, char *path, int hold_ms);
/* Lets the holder take the lock and waits until it has it. */
void t_holder_lock(struct t_holder *h);
void t_holder_release(struct t_holder *h);
void t_holder_wait(struct t_holder *h);

#endif
