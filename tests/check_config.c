/* check_config.c: the configuration file: defaults, every key, every kind of
 * bad line with its FILE:LINE message, comments and line endings, the digest,
 * the default path from the environment, and loading a file. */
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "err.h"

static void assert_config_eq(const struct config *a, const struct config *b)
{
	const struct score_params *p = &a->score, *q = &b->score;
	ck_assert(p->half_life == q->half_life);
	ck_assert(p->half_life_family == q->half_life_family);
	ck_assert(p->half_life_balance == q->half_life_balance);
	for (int k = 0; k < IKIND_COUNT; k++)
		ck_assert_msg(p->weight[k] == q->weight[k], "weight.%s",
		              model_ikind_name((enum ikind)k));
	ck_assert(p->deep_factor == q->deep_factor);
	for (int c = 0; c < CIRCLE_COUNT; c++) {
		ck_assert_int_eq(p->cadence[c], q->cadence[c]);
		ck_assert_int_eq(p->layer[c], q->layer[c]);
	}
	ck_assert(p->warmth_k == q->warmth_k);
	ck_assert(p->owed_k == q->owed_k);
	ck_assert(p->owe_min == q->owe_min);
	ck_assert(p->owe_balance == q->owe_balance);
	ck_assert_int_eq(p->dormant_days, q->dormant_days);
	ck_assert_str_eq(p->family_tag, q->family_tag);
	ck_assert_str_eq(a->theme, b->theme);
}

START_TEST(test_defaults)
{
	struct config cfg, ref;
	config_default(&cfg);
	ck_assert_str_eq(cfg.theme, "default");
	score_params_default(&ref.score);
	strcpy(ref.theme, "default");
	assert_config_eq(&cfg, &ref);
	/* DESIGN.md §4's numbers, spelled out */
	static const double weights[IKIND_COUNT] = {3, 2, 1, 2, 0.5, 3, 2, 4, 4, 3, 2, 0};
	static const int cadences[CIRCLE_COUNT] = {7, 30, 180, 365, 0};
	static const int layers[CIRCLE_COUNT] = {5, 15, 50, 150, 500};
	for (int k = 0; k < IKIND_COUNT; k++)
		ck_assert(cfg.score.weight[k] == weights[k]);
	for (int c = 0; c < CIRCLE_COUNT; c++)
		ck_assert(cfg.score.cadence[c] == cadences[c] && cfg.score.layer[c] == layers[c]);
	ck_assert(cfg.score.half_life == 90 && cfg.score.half_life_family == 270);
	ck_assert(cfg.score.half_life_balance == 365 && cfg.score.deep_factor == 1.5);
	ck_assert(cfg.score.warmth_k == 5 && cfg.score.owed_k == 3 && cfg.score.owe_min == 1.5);
	ck_assert(cfg.score.owe_balance == -1.0 / 3 && cfg.score.dormant_days == 1095);
	ck_assert_str_eq(cfg.score.family_tag, "family");
	/* an empty text changes nothing */
	char *cause = NULL;
	ck_assert_int_eq(config_parse(&cfg, "config", "", &cause), 0);
	ck_assert_ptr_null(cause);
	assert_config_eq(&cfg, &ref);
}
END_TEST

enum value_type { V_DOUBLE, V_INT, V_STRING };

/* Each row: a line, then the field of struct config it sets and the value. */
static const struct key_row {
	const char *line;
	size_t offset;
	enum value_type type;
	double num;
	const char *str;
} key_rows[] = {
	{"half_life = 120", offsetof(struct config, score.half_life), V_DOUBLE, 120, NULL},
	{"half_life_family = 365.25", offsetof(struct config, score.half_life_family), V_DOUBLE,
         365.25, NULL},
	{"half_life_balance=1e3", offsetof(struct config, score.half_life_balance), V_DOUBLE, 1000,
         NULL},
	{"deep_factor = 2", offsetof(struct config, score.deep_factor), V_DOUBLE, 2, NULL},
	{"weight.meeting = 4", offsetof(struct config, score.weight[IKIND_MEETING]), V_DOUBLE, 4,
         NULL},
	{"weight.call = 1.5", offsetof(struct config, score.weight[IKIND_CALL]), V_DOUBLE, 1.5,
         NULL},
	{"weight.message = 0", offsetof(struct config, score.weight[IKIND_MESSAGE]), V_DOUBLE, 0,
         NULL},
	{"weight.event = 1", offsetof(struct config, score.weight[IKIND_EVENT]), V_DOUBLE, 1, NULL},
	{"weight.share = 0.25", offsetof(struct config, score.weight[IKIND_SHARE]), V_DOUBLE, 0.25,
         NULL},
	{"weight.intro = 5", offsetof(struct config, score.weight[IKIND_INTRO]), V_DOUBLE, 5, NULL},
	{"weight.advice = 3", offsetof(struct config, score.weight[IKIND_ADVICE]), V_DOUBLE, 3,
         NULL},
	{"weight.lead = 6", offsetof(struct config, score.weight[IKIND_LEAD]), V_DOUBLE, 6, NULL},
	{"weight.referral = 100", offsetof(struct config, score.weight[IKIND_REFERRAL]), V_DOUBLE,
         100, NULL},
	{"weight.favor = 2.5", offsetof(struct config, score.weight[IKIND_FAVOR]), V_DOUBLE, 2.5,
         NULL},
	{"weight.gift = 1", offsetof(struct config, score.weight[IKIND_GIFT]), V_DOUBLE, 1, NULL},
	{"weight.note = 0", offsetof(struct config, score.weight[IKIND_NOTE]), V_DOUBLE, 0, NULL},
	{"cadence.inner = 14", offsetof(struct config, score.cadence[CIRCLE_INNER]), V_INT, 14,
         NULL},
	{"cadence.close = none", offsetof(struct config, score.cadence[CIRCLE_CLOSE]), V_INT, 0,
         NULL},
	{"cadence.active = 0", offsetof(struct config, score.cadence[CIRCLE_ACTIVE]), V_INT, 0,
         NULL},
	{"cadence.wide = 36500", offsetof(struct config, score.cadence[CIRCLE_WIDE]), V_INT, 36500,
         NULL},
	{"cadence.outer = 730", offsetof(struct config, score.cadence[CIRCLE_OUTER]), V_INT, 730,
         NULL},
	{"layer.inner = 1", offsetof(struct config, score.layer[CIRCLE_INNER]), V_INT, 1, NULL},
	{"layer.close = 12", offsetof(struct config, score.layer[CIRCLE_CLOSE]), V_INT, 12, NULL},
	{"layer.active = 45", offsetof(struct config, score.layer[CIRCLE_ACTIVE]), V_INT, 45, NULL},
	{"layer.wide = 200", offsetof(struct config, score.layer[CIRCLE_WIDE]), V_INT, 200, NULL},
	{"layer.outer = 1000000", offsetof(struct config, score.layer[CIRCLE_OUTER]), V_INT,
         1000000, NULL},
	{"owe_min = 2", offsetof(struct config, score.owe_min), V_DOUBLE, 2, NULL},
	{"owe_balance = -1/4", offsetof(struct config, score.owe_balance), V_DOUBLE, -0.25, NULL},
	{"owe_balance = -.5", offsetof(struct config, score.owe_balance), V_DOUBLE, -0.5, NULL},
	{"warmth_k = 10", offsetof(struct config, score.warmth_k), V_DOUBLE, 10, NULL},
	{"owed_k = 0.5", offsetof(struct config, score.owed_k), V_DOUBLE, 0.5, NULL},
	{"dormant_days = 730", offsetof(struct config, score.dormant_days), V_INT, 730, NULL},
	{"family_tag = kin", offsetof(struct config, score.family_tag), V_STRING, 0, "kin"},
	{"family_tag = \"famille\"", offsetof(struct config, score.family_tag), V_STRING, 0,
         "famille"},
	{"theme = solarized-dark", offsetof(struct config, theme), V_STRING, 0, "solarized-dark"},
	{"  theme\t=\t\"mono_2.1\"  # a comment", offsetof(struct config, theme), V_STRING, 0,
         "mono_2.1"},
};

START_TEST(test_every_key)
{
	const struct key_row *row = &key_rows[_i];
	struct config cfg, want;
	config_default(&cfg);
	config_default(&want);
	char *field = (char *)&want + row->offset;
	switch (row->type) {
	case V_DOUBLE:
		*(double *)field = row->num;
		break;
	case V_INT:
		*(int *)field = (int)row->num;
		break;
	case V_STRING:
		strcpy(field, row->str);
		break;
	}
	char *cause = NULL;
	int rc = config_parse(&cfg, "config", row->line, &cause);
	ck_assert_msg(rc == 0, "%s: %s", row->line, cause ? cause : "");
	ck_assert_ptr_null(cause);
	assert_config_eq(&cfg, &want);
}
END_TEST

/* Each kind of bad line, and the exact message. */
static const struct bad_row {
	const char *text;
	const char *message;
} bad_rows[] = {
	{"half_life 90", "config:1: missing '=' in 'half_life 90' (lines are: key = value)"},
	{"# scores\n\nhalf_life = 90\nbogus = 1", "config:4: unknown key 'bogus'"},
	{"Half_Life = 90", "config:1: unknown key 'Half_Life'"},
	{"weight = 3", "config:1: unknown key 'weight'"},
	{"= 3", "config:1: missing key before '='"},
	{"half_life =", "config:1: half_life: missing value"},
	{"half_life = # none", "config:1: half_life: missing value"},
	{"\n\nweight.coffee = 2",
         "config:3: weight.coffee: unknown kind 'coffee' (kinds: meeting, call, message, event, "
         "share, intro, advice, lead, referral, favor, gift, note)"},
	{"cadence.friends = 7",
         "config:1: cadence.friends: unknown circle 'friends' (circles: inner, close, active, "
         "wide, outer)"},
	{"layer. = 7",
         "config:1: layer.: unknown circle '' (circles: inner, close, active, wide, outer)"},
	{"half_life = abc", "config:1: half_life: 'abc' is not a number"},
	{"half_life = 90 days", "config:1: half_life: '90 days' is not a number"},
	{"half_life = nan", "config:1: half_life: 'nan' is not a number"},
	{"half_life = inf", "config:1: half_life: 'inf' is not a number"},
	{"half_life = 1e999", "config:1: half_life: '1e999' is not a number"},
	{"half_life = 0x10", "config:1: half_life: '0x10' is not a number"},
	{"half_life = 1/0", "config:1: half_life: '1/0' is not a number"},
	{"half_life = .", "config:1: half_life: '.' is not a number"},
	{"half_life = 1e", "config:1: half_life: '1e' is not a number"},
	{"half_life = 0", "config:1: half_life: 0 is out of range (1 to 36500 days)"},
	{"half_life_family = -5",
         "config:1: half_life_family: -5 is out of range (1 to 36500 days)"},
	{"half_life_balance = 40000",
         "config:1: half_life_balance: 40000 is out of range (1 to 36500 days)"},
	{"deep_factor = 0.5", "config:1: deep_factor: 0.5 is out of range (1 to 10)"},
	{"weight.lead = -1", "config:1: weight.lead: -1 is out of range (0 to 100)"},
	{"weight.note = 1",
         "config:1: weight.note: a note is not contact: its weight can only be 0"},
	{"cadence.inner = -1",
         "config:1: cadence.inner: -1 is out of range (0 to 36500 days, 0 or none for none)"},
	{"cadence.inner = 7.5", "config:1: cadence.inner: '7.5' is not a whole number"},
	{"cadence.inner = never", "config:1: cadence.inner: 'never' is not a whole number"},
	{"layer.wide = 0", "config:1: layer.wide: 0 is out of range (1 to 1000000)"},
	{"layer.wide = none", "config:1: layer.wide: 'none' is not a whole number"},
	{"dormant_days = 1/2", "config:1: dormant_days: '1/2' is not a whole number"},
	{"dormant_days = 0", "config:1: dormant_days: 0 is out of range (1 to 36500 days)"},
	{"owe_min = 0", "config:1: owe_min: 0 is out of range (more than 0, up to 1000)"},
	{"owe_balance = 0.5", "config:1: owe_balance: 0.5 is out of range (-1 to 0)"},
	{"warmth_k = 0", "config:1: warmth_k: 0 is out of range (more than 0, up to 1000)"},
	{"owed_k = 1001", "config:1: owed_k: 1001 is out of range (more than 0, up to 1000)"},
	{"family_tag = a b", "config:1: family_tag: 'a b': no space, quote or comma"},
	{"family_tag = \"\"", "config:1: family_tag: missing value"},
	{"family_tag = abcdefghijklmnopqrstuvwxyz0123456",
         "config:1: family_tag: too long (at most 31 bytes)"},
	{"theme = ../x", "config:1: theme: '../x': only letters, digits, '.', '_' and '-', "
                         "not starting with '.'"},
	{"theme = a/b", "config:1: theme: 'a/b': only letters, digits, '.', '_' and '-', "
                        "not starting with '.'"},
	{"half_life = 100\r\nwarmth_k = 2\r\nowed_k\r\n",
         "config:3: missing '=' in 'owed_k' (lines are: key = value)"},
};

START_TEST(test_bad_lines)
{
	const struct bad_row *row = &bad_rows[_i];
	struct config cfg, ref;
	config_default(&cfg);
	config_default(&ref);
	char *cause = NULL;
	ck_assert_int_eq(config_parse(&cfg, "config", row->text, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	ck_assert_str_eq(cause, row->message);
	/* a failed parse leaves the configuration as it was */
	assert_config_eq(&cfg, &ref);
	free(cause);
	/* and a NULL cause is allowed */
	ck_assert_int_eq(config_parse(&cfg, "config", row->text, NULL), -1);
}
END_TEST

START_TEST(test_whole_file)
{
	const char *text = "\xef\xbb\xbf# kith configuration\r\n"
			   "\n"
			   "   # indented comment\n"
			   "half_life = 100   # days\n"
			   "weight.coffee_is_not_a_kind_but_this_is_a_comment # = 3\n"
			   "cadence.inner=10\r\n"
			   "\t\n"
			   "cadence.inner = 12\n" /* the last line wins */
			   "family_tag = kin\n"
			   "theme = dark"; /* no final newline */
	struct config cfg;
	config_default(&cfg);
	char *cause = NULL;
	ck_assert_int_eq(config_parse(&cfg, "x.conf", text, &cause), -1);
	ck_assert_str_eq(cause, "x.conf:5: missing '=' in "
	                        "'weight.coffee_is_not_a_kind_but_this_is_a_comment' "
	                        "(lines are: key = value)");
	free(cause);
	cause = NULL;
	const char *good = "\xef\xbb\xbf# kith configuration\r\n"
			   "\n"
			   "   # indented comment\n"
			   "half_life = 100   # days\n"
			   "cadence.inner=10\r\n"
			   "\t\n"
			   "cadence.inner = 12\n"
			   "family_tag = kin\n"
			   "theme = dark";
	ck_assert_int_eq(config_parse(&cfg, "x.conf", good, &cause), 0);
	ck_assert_ptr_null(cause);
	struct config want;
	config_default(&want);
	want.score.half_life = 100;
	want.score.cadence[CIRCLE_INNER] = 12;
	strcpy(want.score.family_tag, "kin");
	strcpy(want.theme, "dark");
	assert_config_eq(&cfg, &want);
	/* settings accumulate over several texts */
	ck_assert_int_eq(config_parse(&cfg, "y.conf", "owed_k = 4\n", &cause), 0);
	want.score.owed_k = 4;
	assert_config_eq(&cfg, &want);
}
END_TEST

/* The digest follows what the cache holds: half-lives, weights, deep factor,
 * family tag; not cadences, layers, thresholds or the theme. */
static const struct digest_row {
	const char *line;
	int changes;
} digest_rows[] = {
	{"half_life = 91", 1},
	{"half_life_family = 180", 1},
	{"half_life_balance = 300", 1},
	{"weight.message = 1.5", 1},
	{"weight.favor = 2", 1},
	{"deep_factor = 2", 1},
	{"family_tag = kin", 1},
	{"cadence.inner = 14", 0},
	{"cadence.outer = 700", 0},
	{"layer.close = 20", 0},
	{"owe_min = 2", 0},
	{"owe_balance = -0.5", 0},
	{"warmth_k = 4", 0},
	{"owed_k = 2", 0},
	{"dormant_days = 700", 0},
	{"theme = dark", 0},
	{"half_life = 90", 0},
	{"weight.note = 0", 0},
};

START_TEST(test_digest)
{
	const struct digest_row *row = &digest_rows[_i];
	struct config a, b;
	config_default(&a);
	config_default(&b);
	char *cause = NULL;
	ck_assert_int_eq(config_parse(&b, "config", row->line, &cause), 0);
	uint64_t da = score_params_digest(&a.score), db = score_params_digest(&b.score);
	if (row->changes)
		ck_assert_msg(da != db, "%s: digest did not change", row->line);
	else
		ck_assert_msg(da == db, "%s: digest changed", row->line);
}
END_TEST

/* Sets or unsets one environment variable; value NULL unsets. */
static void env_put(const char *name, const char *value)
{
	if (value != NULL)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

START_TEST(test_default_path)
{
	static const struct {
		const char *kith_config, *xdg, *home;
		const char *want; /* NULL: none */
	} rows[] = {
		{"/etc/kith.conf", "/x", "/home/u", "/etc/kith.conf"},
		{"rel/kith.conf", NULL, NULL, "rel/kith.conf"},
		{"", "/x", "/home/u", "/x/kith/config"},
		{NULL, "/x", "/home/u", "/x/kith/config"},
		{NULL, "relative", "/home/u", "/home/u/.config/kith/config"},
		{NULL, "", "/home/u", "/home/u/.config/kith/config"},
		{NULL, NULL, "/home/u", "/home/u/.config/kith/config"},
		{NULL, NULL, "", NULL},
		{NULL, NULL, NULL, NULL},
	};
	char *saved[3];
	static const char *const names[3] = {"KITH_CONFIG", "XDG_CONFIG_HOME", "HOME"};
	for (int i = 0; i < 3; i++) {
		const char *v = getenv(names[i]);
		saved[i] = v ? xstrdup(v) : NULL;
	}
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		env_put("KITH_CONFIG", rows[i].kith_config);
		env_put("XDG_CONFIG_HOME", rows[i].xdg);
		env_put("HOME", rows[i].home);
		char *path = config_default_path();
		if (rows[i].want == NULL) {
			ck_assert_msg(path == NULL, "row %zu: %s", i, path);
		} else {
			ck_assert_msg(path != NULL, "row %zu", i);
			ck_assert_str_eq(path, rows[i].want);
		}
		free(path);
	}
	for (int i = 0; i < 3; i++) {
		env_put(names[i], saved[i]);
		free(saved[i]);
	}
}
END_TEST

/* A fresh path in the temporary directory; caller frees. */
static char *temp_file(const char *content, size_t len)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/kith-config-XXXXXX", dir && *dir ? dir : P_tmpdir);
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, content, len), (ssize_t)len);
	close(fd);
	return path;
}

START_TEST(test_load)
{
	struct config cfg, want;
	config_default(&cfg);
	config_default(&want);
	char *cause = NULL;

	const char text[] = "# mine\nhalf_life = 60\ntheme = light\n";
	char *path = temp_file(text, sizeof text - 1);
	ck_assert_int_eq(config_load(&cfg, path, 0, &cause), 0);
	ck_assert_ptr_null(cause);
	want.score.half_life = 60;
	strcpy(want.theme, "light");
	assert_config_eq(&cfg, &want);

	/* a missing file: fine when optional, an error naming the path otherwise */
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(config_load(&cfg, path, 1, &cause), 0);
	ck_assert_ptr_null(cause);
	assert_config_eq(&cfg, &want);
	ck_assert_int_eq(config_load(&cfg, path, 0, &cause), -1);
	char *expect = xasprintf("%s: No such file or directory", path);
	ck_assert_str_eq(cause, expect);
	free(expect);
	free(cause);
	cause = NULL;
	free(path);

	/* a bad line names the file and the line */
	const char bad[] = "half_life = 30\n\nweight.coffee = 2\n";
	path = temp_file(bad, sizeof bad - 1);
	ck_assert_int_eq(config_load(&cfg, path, 1, &cause), -1);
	expect = xasprintf("%s:3: weight.coffee: unknown kind 'coffee' (kinds: meeting, call, "
	                   "message, event, share, intro, advice, lead, referral, favor, gift, "
	                   "note)",
	                   path);
	ck_assert_str_eq(cause, expect);
	assert_config_eq(&cfg, &want);
	free(expect);
	free(cause);
	cause = NULL;
	unlink(path);
	free(path);

	/* a NUL byte is refused */
	const char nul[] = "half_life = 30\n\0x = 1\n";
	path = temp_file(nul, sizeof nul - 1);
	ck_assert_int_eq(config_load(&cfg, path, 0, &cause), -1);
	expect = xasprintf("%s: contains a NUL byte", path);
	ck_assert_str_eq(cause, expect);
	assert_config_eq(&cfg, &want);
	free(expect);
	free(cause);
	unlink(path);
	free(path);
}
END_TEST

extern Suite *suite_config(void);

Suite *suite_config(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_defaults);
	tcase_add_loop_test(tc, test_every_key, 0, (int)(sizeof key_rows / sizeof key_rows[0]));
	tcase_add_loop_test(tc, test_bad_lines, 0, (int)(sizeof bad_rows / sizeof bad_rows[0]));
	tcase_add_test(tc, test_whole_file);
	tcase_add_loop_test(tc, test_digest, 0, (int)(sizeof digest_rows / sizeof digest_rows[0]));
	tcase_add_test(tc, test_default_path);
	tcase_add_test(tc, test_load);
	suite_add_tcase(s, tc);
	return s;
}
