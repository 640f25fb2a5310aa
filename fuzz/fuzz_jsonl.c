/* fuzz_jsonl.c: a libFuzzer harness for the JSON Lines reader. Each line of
 * the input is parsed as a record; a record that parses is written again and
 * must read back to the same line (the writer and the reader agree). Then the
 * whole input is merged into a journal in a trial transaction (rolled back),
 * as `kith import` and `kith sync` would merge it. Depends on the core only;
 * builds with clang -fsanitize=fuzzer (fuzz/run.sh). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "jsonl.h"
#include "store.h"
#include "sync.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *fuzz_store;
static char fuzz_dir[] = "/tmp/kith-fuzz-jsonl.XXXXXX";

/* The journal goes when the fuzzer exits. */
static void fuzz_cleanup(void)
{
	static const char *const files[] = {"kith.db", "kith.db-wal", "kith.db-shm"};
	store_close(fuzz_store);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char path[64];
		snprintf(path, sizeof path, "%s/%s", fuzz_dir, files[i]);
		unlink(path);
	}
	rmdir(fuzz_dir);
}

static void fuzz_check(int ok)
{
	if (!ok)
		__builtin_trap();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TZ", "UTC", 1);
	fuzz_check(mkdtemp(fuzz_dir) != NULL);
	char path[64];
	snprintf(path, sizeof path, "%s/kith.db", fuzz_dir);
	char *cause = NULL;
	fuzz_check(store_open(&fuzz_store, path, 0, NULL, &cause) == 0);
	atexit(fuzz_cleanup);
	return 0;
}

/* The record written as a line, '\n' included, into b. */
static void fuzz_write(struct buf *b, const struct jsonl_record *r)
{
	switch (r->type) {
	case JSONL_CONTACT:
		jsonl_write_contact(b, &r->contact);
		break;
	case JSONL_INTERACTION:
		jsonl_write_interaction(b, &r->interaction);
		break;
	case JSONL_FOLLOWUP:
		jsonl_write_followup(b, &r->followup, r->interaction_id);
		break;
	case JSONL_TOMBSTONE:
		jsonl_write_tombstone(b, r->tomb_id, r->tomb_kind, r->deleted_at);
		break;
	case JSONL_HEADER:
		jsonl_write_header(b);
		break;
	case JSONL_UNKNOWN:
		break;
	}
}

static void fuzz_line(const char *line, size_t len)
{
	struct json_value v;
	char *cause = NULL;
	if (json_parse(line, len, &v, &cause) == 0)
		json_value_free(&v);
	free(cause);
	cause = NULL;
	struct jsonl_record r;
	int rc = jsonl_parse(line, len, &r, &cause);
	fuzz_check(rc == 0 || cause != NULL);
	if (rc == 0 && r.type != JSONL_UNKNOWN) {
		struct buf once, twice;
		buf_init(&once);
		buf_init(&twice);
		fuzz_write(&once, &r);
		fuzz_check(once.len > 0 && once.data[once.len - 1] == '\n');
		fuzz_check(memchr(once.data, '\n', once.len - 1) == NULL);
		struct jsonl_record again;
		char *why = NULL;
		fuzz_check(jsonl_parse(once.data, once.len - 1, &again, &why) == 0);
		fuzz_write(&twice, &again);
		fuzz_check(strcmp(buf_str(&once), buf_str(&twice)) == 0);
		jsonl_record_free(&again);
		buf_free(&once);
		buf_free(&twice);
	}
	jsonl_record_free(&r);
	free(cause);
}

struct fuzz_merge {
	FILE *f;
	struct sync_counts n;
};

static int fuzz_merge_fn(struct store *st, void *arg, char **cause)
{
	struct fuzz_merge *m = arg;
	rewind(m->f);
	memset(&m->n, 0, sizeof m->n);
	return sync_tx_merge(st, m->f, "fuzz", NULL, &m->n, cause);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	size_t at = 0;
	while (at < size) {
		const char *nl = memchr(text + at, '\n', size - at);
		size_t len = nl != NULL ? (size_t)(nl - (text + at)) : size - at;
		fuzz_line(text + at, len);
		at += len + 1;
	}
	if (size == 0)
		return 0;
	FILE *f = fmemopen((void *)data, size, "r");
	fuzz_check(f != NULL);
	struct fuzz_merge m = {f, {0, 0, 0, 0, 0}};
	char *cause = NULL;
	int rc = store_trial(fuzz_store, fuzz_merge_fn, &m, &cause);
	fuzz_check(rc == 0 || cause != NULL);
	free(cause);
	fclose(f);
	return 0;
}
