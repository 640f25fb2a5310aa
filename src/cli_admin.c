/* cli_admin.c: kith backup, doctor and demo: looking after the journal file
 * and filling an empty one with a generated network. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "demo.h"
#include "err.h"
#include "utf8.h"

static int cli_backup_run(struct cli *cli, struct cli_args *a)
{
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	char *cause = NULL;
	if (store_backup(st, a->pos.v[0], &cause) != 0)
		return cli_fail(cli, cause);
	if (!cli->json) {
		fputs("backed up to ", cli->out);
		cli_write_safe(cli, a->pos.v[0]);
		fputc('\n', cli->out);
	}
	return CLI_OK;
}

struct cli_rescore {
	struct cli *cli;
	size_t ndiffer;
};

static void cli_rescore_report(void *arg, const struct contact_ref *who,
                               const struct score_cache *was, const struct score_cache *now_is)
{
	struct cli_rescore *r = arg;
	fputs("  cache differed: ", r->cli->out);
	cli_write_safe(r->cli, who->name);
	fprintf(r->cli->out, " (%.8s): warmth sum %.9g -> %.9g, interactions %lld -> %lld\n",
	        who->id, was->warm_sum, now_is->warm_sum, (long long)was->n, (long long)now_is->n);
}

static int cli_rescore_write(struct store *st, void *arg, char **cause)
{
	struct cli_rescore *r = arg;
	return store_tx_rescore_all(st, r->cli->json ? NULL : cli_rescore_report, r, &r->ndiffer,
	                            cause);
}

/* Who besides the owner can read the journal: the file's read bit for them
 * and the directory's search bit, both. NULL when nobody. */
static const char *cli_doctor_readers(const struct store_stats *s)
{
	if ((s->file_mode & 0004) && (s->dir_mode & 0001))
		return "others";
	if ((s->file_mode & 0040) && (s->dir_mode & 0010))
		return "its group";
	return NULL;
}

/* "0600": a mode as chmod takes it. */
static void cli_doctor_mode(unsigned mode, char out[8])
{
	snprintf(out, 8, "%04o", mode & 07777);
}

static void cli_doctor_json(struct cli *cli, const struct store_stats *s, int modes_ok)
{
	char dir_mode[8], file_mode[8];
	cli_doctor_mode(s->dir_mode, dir_mode);
	cli_doctor_mode(s->file_mode, file_mode);
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, 1);
	json_object_begin(&j);
	json_member_string(&j, "path", store_path(cli->st));
	json_member_int(&j, "schema_version", s->schema_version);
	json_member_string(&j, "integrity", s->integrity);
	json_member_string(&j, "journal_mode", s->journal_mode);
	json_member_int(&j, "contacts", s->contacts);
	json_member_int(&j, "archived", s->archived);
	json_member_int(&j, "interactions", s->interactions);
	json_member_int(&j, "followups_open", s->followups_open);
	json_member_int(&j, "followups_done", s->followups_done);
	json_member_int(&j, "tombstones", s->tombstones);
	json_member_int(&j, "bytes", s->page_count * s->page_size);
	json_member_string(&j, "dir_mode", dir_mode);
	json_member_string(&j, "file_mode", file_mode);
	json_member_bool(&j, "modes_ok", modes_ok);
	json_object_end(&j);
	cli_flush(cli, &b);
}

static const struct cli_opt cli_doctor_opts[] = {
	{"rescore", 0, 0, NULL, "recompute every score cache and report any that differed"},
	{NULL, 0, 0, NULL, NULL},
};

static int cli_doctor_run(struct cli *cli, struct cli_args *a)
{
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	char *cause = NULL;
	struct store_stats s;
	if (store_stats(st, 1, &s, &cause) != 0)
		return cli_fail(cli, cause);
	const char *readers = cli_doctor_readers(&s);
	int modes_ok = readers == NULL;
	int ok = strcmp(s.integrity, "ok") == 0 && modes_ok;
	if (cli->json && !cli_flag(a, "rescore")) {
		cli_doctor_json(cli, &s, modes_ok);
		return ok ? CLI_OK : CLI_FAIL;
	}
	if (!cli->json) {
		FILE *o = cli->out;
		fputs("journal       ", o);
		cli_write_safe(cli, store_path(st));
		fprintf(o, "\nschema        %d (this kith reads up to %d)\n", s.schema_version,
		        STORE_SCHEMA_VERSION);
		fputs("integrity     ", o);
		cli_write_safe(cli, s.integrity);
		fprintf(o, "\njournal mode  %s\n", s.journal_mode);
		fprintf(o, "contacts      %lld (%lld archived)\n", (long long)s.contacts,
		        (long long)s.archived);
		fprintf(o, "interactions  %lld\n", (long long)s.interactions);
		fprintf(o, "follow-ups    %lld open, %lld done\n", (long long)s.followups_open,
		        (long long)s.followups_done);
		fprintf(o, "tombstones    %lld\n", (long long)s.tombstones);
		fprintf(o, "size          %.1f MB (%lld pages of %lld bytes, %lld free)\n",
		        (double)(s.page_count * s.page_size) / 1e6, (long long)s.page_count,
		        (long long)s.page_size, (long long)s.freelist);
		fprintf(o, "modes         directory %04o, file %04o", s.dir_mode, s.file_mode);
		if (modes_ok) {
			fputs(" (private)\n", o);
		} else {
			const char *slash = strrchr(store_path(st), '/');
			fputs(": ", o);
			cli_write_safe(cli, slash ? slash + 1 : store_path(st));
			fprintf(o, " is readable by %s: chmod 600 ", readers);
			cli_write_safe(cli, store_path(st));
			fputc('\n', o);
		}
	}
	if (cli_flag(a, "rescore")) {
		struct cli_rescore r = {cli, 0};
		if (store_write(st, cli_rescore_write, &r, &cause) != 0)
			return cli_fail(cli, cause);
		if (cli->json) {
			struct buf b;
			buf_init(&b);
			buf_printf(&b, "{\n  \"rescored\": %lld,\n  \"differed\": %zu\n}\n",
			           (long long)s.contacts, r.ndiffer);
			cli_flush(cli, &b);
		} else {
			fprintf(cli->out, "rescore       %lld %s recomputed, %zu differed\n",
			        (long long)s.contacts,
			        buf_plural(s.contacts, "contact", "contacts"), r.ndiffer);
		}
		if (r.ndiffer > 0)
			ok = 0;
	}
	return ok ? CLI_OK : CLI_FAIL;
}

static void cli_demo_progress(void *arg, size_t done, size_t total)
{
	int *last = arg;
	int pct = total ? (int)(100 * done / total) : 100;
	if (pct == *last)
		return;
	*last = pct;
	fprintf(stderr, "\rgenerating the demo network: %3d%%", pct);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

static const struct cli_opt cli_demo_opts[] = {
	{"contacts", 0, 1, "N", "number of people (default 150)"},
	{"interactions", 0, 1, "M", "number of interactions (default 2500)"},
	{"seed", 0, 1, "S", "random seed; the same seed gives the same journal (default 1)"},
	{"force", 0, 0, NULL, "add the demo network to a journal that is not empty"},
	{NULL, 0, 0, NULL, NULL},
};

static int cli_demo_run(struct cli *cli, struct cli_args *a)
{
	struct demo_options o;
	demo_options_default(&o);
	long contacts = (long)o.contacts, interactions = (long)o.interactions, seed = (long)o.seed;
	if (cli_opt_int(cli, a, "contacts", 1, 5000000, &contacts) != 0 ||
	    cli_opt_int(cli, a, "interactions", 0, 50000000, &interactions) != 0 ||
	    cli_opt_int(cli, a, "seed", 0, 2147483647, &seed) != 0)
		return CLI_USAGE;
	o.contacts = (size_t)contacts;
	o.interactions = (size_t)interactions;
	o.seed = (uint64_t)seed;
	o.now = cli->now;
	o.force = cli_flag(a, "force");
	struct store *st = cli_store(cli);
	if (st == NULL)
		return CLI_FAIL;
	int last = -1;
	int show = isatty(STDERR_FILENO) && !cli->json;
	struct demo_stats stats;
	char *cause = NULL;
	if (demo_generate(st, &o, show ? cli_demo_progress : NULL, &last, &stats, &cause) != 0)
		return cli_fail(cli, cause);
	if (cli->json) {
		struct buf b;
		struct json j;
		buf_init(&b);
		json_init(&j, &b, 1);
		json_object_begin(&j);
		json_member_int(&j, "contacts", (int64_t)stats.contacts);
		json_member_int(&j, "interactions", (int64_t)stats.interactions);
		json_member_int(&j, "followups", (int64_t)stats.followups);
		json_object_end(&j);
		cli_flush(cli, &b);
	} else {
		fprintf(cli->out, "demo network: %zu %s, %zu %s, %zu %s in ", stats.contacts,
		        buf_plural((long long)stats.contacts, "person", "people"), stats.interactions,
		        buf_plural((long long)stats.interactions, "interaction", "interactions"),
		        stats.followups,
		        buf_plural((long long)stats.followups, "follow-up", "follow-ups"));
		cli_write_safe(cli, store_path(st));
		fputc('\n', cli->out);
	}
	return CLI_OK;
}

const struct cli_cmd cli_cmd_backup = {
	"backup", "FILE", "copy the journal, safely while it is in use", NULL, 1, 1, cli_backup_run, 1,
};
const struct cli_cmd cli_cmd_doctor = {
	"doctor", "", "check the journal: integrity, counts, schema, file modes",
	cli_doctor_opts, 0, 0, cli_doctor_run, 1,
};
const struct cli_cmd cli_cmd_demo = {
	"demo", "",
	"fill an empty journal with a realistic demo network", cli_demo_opts, 0, 0, cli_demo_run, 0,
};
