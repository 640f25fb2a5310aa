/* check_keymap.c: the key table (bindings, help, hints, `bind` lines with
 * their line numbers), the pane layouts at the sizes that matter, theme
 * files, and the short forms lists show (fmt.h). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fmt.h"
#include "keymap.h"
#include "layout.h"
#include "store_test.h"
#include "theme.h"
#include "utf8.h"

START_TEST(test_defaults)
{
	struct keymap km;
	keymap_init(&km);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, 'j'), KEYMAP_ACT_DOWN);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, KEYMAP_KEY_DOWN), KEYMAP_ACT_DOWN);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, KEYMAP_KEY_PGUP), KEYMAP_ACT_PAGE_UP);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, 12), KEYMAP_ACT_REDRAW);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, ' '), KEYMAP_ACT_MARK);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, 'q'), KEYMAP_ACT_QUIT);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_RECORD, 'q'), KEYMAP_ACT_BACK);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_HELP, '?'), KEYMAP_ACT_BACK);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_HELP, 's'), KEYMAP_ACT_NONE);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, 'x'), KEYMAP_ACT_NONE);
	/* every action of the table has a name and at least one key somewhere */
	for (int a = KEYMAP_ACT_NONE + 1; a < KEYMAP_ACT_COUNT; a++) {
		ck_assert_ptr_nonnull(keymap_action_name((enum keymap_action)a));
		int bound = 0;
		for (size_t i = 0; i < km.n; i++)
			bound |= km.v[i].action == (enum keymap_action)a;
		ck_assert_msg(bound, "%s has no key", keymap_action_name((enum keymap_action)a));
	}
	keymap_free(&km);
}
END_TEST

START_TEST(test_key_names_round_trip)
{
	static const char *const names[] = {"j", "G", "/", "?", "Up", "PgDn", "Tab", "BTab",
	                                    "Enter", "Esc", "Space", "C-l", "F1", "é", "Home"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		uint32_t key;
		ck_assert_msg(keymap_key_parse(names[i], &key) == 0, "%s", names[i]);
		char back[16];
		keymap_key_name(key, back);
		ck_assert_str_eq(back, names[i]);
	}
	uint32_t key;
	ck_assert_int_eq(keymap_key_parse("", &key), -1);
	ck_assert_int_eq(keymap_key_parse("jk", &key), -1);
	ck_assert_int_eq(keymap_key_parse("C-", &key), -1);
	ck_assert_int_eq(keymap_key_parse("\x1b", &key), -1);
	ck_assert_int_eq(keymap_key_parse(" ", &key), -1);
}
END_TEST

START_TEST(test_bind_lines)
{
	struct keymap km;
	keymap_init(&km);
	char *cause = NULL;
	const char *text = "# my keys\nhalf_life = 60\nbind x quit\n  bind C-n down # emacs\n"
	                   "theme = mono\n";
	ck_assert_msg(keymap_parse_config(&km, "config", text, &cause) == 0, "%s", cause);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, 'x'), KEYMAP_ACT_QUIT);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, 14), KEYMAP_ACT_DOWN);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_RECORD, 14), KEYMAP_ACT_DOWN);
	/* rebinding a key replaces what it did */
	ck_assert_int_eq(keymap_parse_config(&km, "config", "bind j sort\n", &cause), 0);
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, 'j'), KEYMAP_ACT_SORT);
	/* the help and the hints follow the bindings */
	struct vm_lines l;
	vm_lines_init(&l);
	keymap_help_lines(&km, &l);
	ck_assert(vm_lines_has(&l, "  j s "));
	ck_assert(vm_lines_has(&l, "Down C-n"));
	vm_lines_free(&l);
	/* errors name the line; nothing is applied */
	static const struct {
		const char *text, *want;
	} bad[] = {
		{"\n\nbind x frobnicate\n", "config:3: unknown action 'frobnicate'"},
		{"bind x\n", "config:1: expected: bind KEY ACTION"},
		{"bind q quit extra\n", "config:1: expected: bind KEY ACTION"},
		{"bind j down\nbind Fn down\n", "config:2: 'Fn' is not a key"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(keymap_parse_config(&km, "config", bad[i].text, &cause), -1);
		ck_assert_msg(strncmp(cause, bad[i].want, strlen(bad[i].want)) == 0, "%s", cause);
		free(cause);
		cause = NULL;
	}
	ck_assert_int_eq(keymap_lookup(&km, KEYMAP_MAIN, 'j'), KEYMAP_ACT_SORT);
	keymap_free(&km);
}
END_TEST

START_TEST(test_hints_fit)
{
	struct keymap km;
	keymap_init(&km);
	struct buf b;
	buf_init(&b);
	keymap_hints(&km, KEYMAP_MAIN, 200, &b);
	ck_assert_msg(strncmp(buf_str(&b), "j/k move  Tab pane  / filter", 28) == 0, "%s",
	              buf_str(&b));
	ck_assert(strstr(buf_str(&b), "q quit") != NULL);
	for (size_t w = 0; w < 60; w++) {
		buf_reset(&b);
		keymap_hints(&km, KEYMAP_MAIN, w, &b);
		ck_assert_uint_le(utf8_width(buf_str(&b)), w);
	}
	buf_reset(&b);
	keymap_hints(&km, KEYMAP_RECORD, 200, &b);
	ck_assert(strstr(buf_str(&b), "q back") != NULL);
	buf_free(&b);
	keymap_free(&km);
}
END_TEST

/* The README and the man page list every action of the table by the name
 * `bind` takes (they are what users read). */
START_TEST(test_docs_name_every_action)
{
	static const char *const docs[] = {"README.md", "doc/kith.1"};
	for (size_t d = 0; d < 2; d++) {
		size_t len = 0;
		char *text = t_slurp(docs[d], &len);
		if (text == NULL)
			continue; /* run away from the source tree */
		for (int a = KEYMAP_ACT_NONE + 1; a < KEYMAP_ACT_COUNT; a++) {
			const char *name = keymap_action_name((enum keymap_action)a);
			char *want = d == 0 ? xasprintf("`%s`", name) : xasprintf("\\fB%s\\fR", name);
			ck_assert_msg(strstr(text, want) != NULL, "%s does not name %s", docs[d],
			              want);
			free(want);
		}
		free(text);
	}
}
END_TEST

/* The configuration file holds both: config_parse leaves the bind lines to
 * the keymap, and the keymap the other lines to config_parse. */
START_TEST(test_config_shares_the_file)
{
	const char *text = "half_life = 60\nbind x quit\n\tbind\tC-n down\ntheme = mono\n";
	struct config cfg;
	config_default(&cfg);
	char *cause = NULL;
	ck_assert_msg(config_parse(&cfg, "config", text, &cause) == 0, "%s", cause);
	ck_assert(cfg.score.half_life == 60);
	ck_assert_str_eq(cfg.theme, "mono");
	/* a key that only starts like bind is still an unknown key */
	ck_assert_int_eq(config_parse(&cfg, "config", "binder = 3\n", &cause), -1);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(config_parse(&cfg, "config", "bind=3\n", &cause), -1);
	free(cause);
	cause = NULL;
	/* the file as text, for both */
	char *dir = t_tmpdir();
	char *path = t_path(dir, "config");
	t_spit(path, text, strlen(text));
	char *got = NULL;
	ck_assert_int_eq(config_read_file(path, 0, &got, &cause), 0);
	ck_assert_str_eq(got, text);
	free(got);
	char *missing = t_path(dir, "nope");
	ck_assert_int_eq(config_read_file(missing, 1, &got, &cause), 0);
	ck_assert_ptr_null(got);
	ck_assert_int_eq(config_read_file(missing, 0, &got, &cause), -1);
	free(cause);
	t_spit(path, "a\0b", 3);
	cause = NULL;
	ck_assert_int_eq(config_read_file(path, 0, &got, &cause), -1);
	ck_assert(strstr(cause, "NUL") != NULL);
	free(cause);
	free(missing);
	free(path);
	t_rmtree(dir);
	free(dir);
}
END_TEST

Suite *suite_keymap(void)
{
	Suite *s = suite_create("keymap");
	TCase *tc = tcase_create("keymap");
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_key_names_round_trip);
	tcase_add_test(tc, test_bind_lines);
	tcase_add_test(tc, test_hints_fit);
	tcase_add_test(tc, test_docs_name_every_action);
	tcase_add_test(tc, test_config_shares_the_file);
	suite_add_tcase(s, tc);
	return s;
}

/* ---- layout ---- */

static void tl_inside(const struct layout *l)
{
	for (int p = 0; p < LAYOUT_PANES; p++) {
		const struct layout_rect *r = &l->pane[p];
		ck_assert_int_ge(r->h, 0);
		ck_assert_int_ge(r->w, 0);
		if (r->h == 0)
			continue;
		ck_assert_int_le(r->y + r->h, l->rows - 1); /* above the status line */
		ck_assert_int_le(r->x + r->w, l->cols);
		ck_assert_int_ge(r->y, 0);
		ck_assert_int_ge(r->x, 0);
	}
}

START_TEST(test_layouts)
{
	struct layout l;
	layout_compute(&l, 120, 40, LAYOUT_CONTACTS);
	ck_assert_int_eq(l.mode, LAYOUT_SIDE);
	ck_assert_int_eq(l.pane[LAYOUT_CONTACTS].h, 39);
	ck_assert_int_eq(l.pane[LAYOUT_CONTACTS].w, 66);
	ck_assert_int_eq(l.pane[LAYOUT_TIMELINE].x, 67);
	ck_assert_int_eq(l.pane[LAYOUT_TIMELINE].w, 53);
	ck_assert_int_eq(l.pane[LAYOUT_RECIP].y, l.pane[LAYOUT_TIMELINE].h);
	ck_assert_int_eq(l.status.y, 39);
	tl_inside(&l);
	layout_compute(&l, 100, 30, LAYOUT_RECIP);
	ck_assert_int_eq(l.mode, LAYOUT_SIDE);
	tl_inside(&l);
	layout_compute(&l, 99, 30, LAYOUT_RECIP);
	ck_assert_int_eq(l.mode, LAYOUT_STACKED);
	layout_compute(&l, 80, 24, LAYOUT_CONTACTS);
	ck_assert_int_eq(l.mode, LAYOUT_STACKED);
	ck_assert_int_eq(l.pane[LAYOUT_CONTACTS].w, 80);
	ck_assert_int_eq(l.pane[LAYOUT_CONTACTS].h + l.pane[LAYOUT_TIMELINE].h +
	                         l.pane[LAYOUT_RECIP].h,
	                 23);
	tl_inside(&l);
	layout_compute(&l, 60, 20, LAYOUT_TIMELINE);
	ck_assert_int_eq(l.mode, LAYOUT_SINGLE);
	ck_assert_int_eq(l.pane[LAYOUT_TIMELINE].h, 19);
	ck_assert_int_eq(l.pane[LAYOUT_CONTACTS].h, 0);
	tl_inside(&l);
	layout_compute(&l, 80, 19, LAYOUT_CONTACTS);
	ck_assert_int_eq(l.mode, LAYOUT_SINGLE);
	layout_compute(&l, 20, 6, LAYOUT_CONTACTS);
	ck_assert_int_eq(l.mode, LAYOUT_SINGLE);
	ck_assert_int_eq(l.pane[LAYOUT_CONTACTS].h, 5);
	layout_compute(&l, 19, 6, LAYOUT_CONTACTS);
	ck_assert_int_eq(l.mode, LAYOUT_TINY);
	layout_compute(&l, 20, 5, LAYOUT_CONTACTS);
	ck_assert_int_eq(l.mode, LAYOUT_TINY);
	/* any size, the absurd ones too */
	for (int c = -2; c < 130; c += 3)
		for (int r = -2; r < 50; r += 2) {
			layout_compute(&l, c, r, (enum layout_pane)((c + r + 10) % 3));
			if (l.mode != LAYOUT_TINY)
				tl_inside(&l);
		}
}
END_TEST

Suite *suite_layout(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("layout");
	tcase_add_test(tc, test_layouts);
	suite_add_tcase(s, tc);
	return s;
}

/* ---- themes and short forms ---- */

START_TEST(test_theme_parse)
{
	struct theme t;
	theme_mono(&t);
	ck_assert_int_eq(t.role[THEME_SELECTED].attrs, THEME_REVERSE);
	char *cause = NULL;
	ck_assert_int_eq(theme_parse(&t, "x.theme",
	                             "# c\n\nok = green default bold,underline\n"
	                             "due = 208 brightblack none   # orange\n",
	                             &cause),
	                 0);
	ck_assert_int_eq(t.role[THEME_OK].fg, 2);
	ck_assert_int_eq(t.role[THEME_OK].bg, THEME_DEFAULT_COLOR);
	ck_assert_uint_eq(t.role[THEME_OK].attrs, THEME_BOLD | THEME_UNDERLINE);
	ck_assert_int_eq(t.role[THEME_DUE].fg, 208);
	ck_assert_int_eq(t.role[THEME_DUE].bg, 8);
	static const struct {
		const char *text, *want;
	} bad[] = {
		{"\nokay = red default none\n", "x.theme:2: unknown role 'okay'"},
		{"ok = red\n", "x.theme:1: expected"},
		{"ok = 256 default none\n", "x.theme:1: a colour"},
		{"ok = red default blink\n", "x.theme:1: attributes"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(theme_parse(&t, "x.theme", bad[i].text, &cause), -1);
		ck_assert_msg(strncmp(cause, bad[i].want, strlen(bad[i].want)) == 0, "%s", cause);
		free(cause);
		cause = NULL;
	}
	ck_assert_int_eq(t.role[THEME_OK].fg, 2); /* left as it was */
}
END_TEST

START_TEST(test_shipped_themes)
{
	const char *dir = getenv("KITH_THEMES");
	if (dir == NULL)
		dir = "themes";
	static const char *const names[] = {"default", "light", "high-contrast", "mono"};
	for (size_t i = 0; i < 4; i++) {
		struct theme t;
		theme_mono(&t);
		char *cause = NULL;
		ck_assert_msg(theme_load(&t, dir, names[i], &cause) == 0, "%s", cause);
	}
	struct theme t;
	char *cause = NULL;
	ck_assert_int_eq(theme_load(&t, dir, "no-such", &cause), -1);
	free(cause);
}
END_TEST

START_TEST(test_fmt)
{
	char s[32];
	fmt_age(-3, s);
	ck_assert_str_eq(s, "0d");
	fmt_age(59.9, s);
	ck_assert_str_eq(s, "59d");
	fmt_age(60, s);
	ck_assert_str_eq(s, "1mo");
	fmt_age(800, s);
	ck_assert_str_eq(s, "2y");
	fmt_bar(0.5, 4, 0, s);
	ck_assert_str_eq(s, "\u2588\u2588\u00b7\u00b7");
	fmt_bar(2, 2, 0, s);
	ck_assert_str_eq(s, "\u2588\u2588");
	fmt_bar(0.7, 3, 1, s);
	ck_assert_str_eq(s, "##.");
	ck_assert_str_eq(fmt_balance_mark(1, 0.9), "owe");
	ck_assert_str_eq(fmt_balance_mark(0, 0.34), "gave");
	ck_assert_str_eq(fmt_balance_mark(0, -0.34), "got");
	ck_assert_str_eq(fmt_balance_mark(0, 0.3), "");
}
END_TEST

Suite *suite_theme(void)
{
	Suite *s = suite_create("theme");
	TCase *tc = tcase_create("theme");
	tcase_add_test(tc, test_theme_parse);
	tcase_add_test(tc, test_shipped_themes);
	tcase_add_test(tc, test_fmt);
	suite_add_tcase(s, tc);
	return s;
}
