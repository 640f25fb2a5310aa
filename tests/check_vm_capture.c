/* check_vm_capture.c: tests of the quick-capture prompt's state, driven by
 * keys against a temporary journal: the live preview, errors and where they
 * are, @-completion and its cycling, what Enter and Esc ask for, history. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "match.h"
#include "store.h"
#include "store_test.h"
#include "utf8.h"
#include "vm_capture.h"

static char *vt_dir;
static struct store *vt_st;

static void vt_setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	vt_dir = t_tmpdir();
	char *path = t_path(vt_dir, "kith.db");
	vt_st = t_open(path);
	free(path);
	static const char *const names[] = {
		"Fátima Okafor", "Fatma Yilmaz", "Ana Souza", "Ana Lima",
		"Ana",           "Bruno Lima",   "Jean-Luc Picard",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		t_person(vt_st, names[i], NULL);
}

static void vt_teardown(void)
{
	store_close(vt_st);
	vt_st = NULL;
	t_rmtree(vt_dir);
	free(vt_dir);
	vt_dir = NULL;
}

/* Types s key by key; returns the dirty bits of the last key. */
static int vt_type(struct vm_capture *vm, const char *s)
{
	int dirty = 0;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		dirty = vm_capture_key(vm, VM_CAPTURE_KEY_TEXT, cp);
	}
	return dirty;
}

/* Row i as plain text; caller frees. */
static char *vt_row(const struct vm_capture *vm, size_t i)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "");
	if (i < vm->nrows)
		for (size_t k = 0; k < vm->rows[i].n; k++)
			buf_puts(&b, vm->rows[i].spans[k].text);
	return buf_detach(&b);
}

/* 1 when some row holds a span with exactly this style and text. */
static int vt_span(const struct vm_capture *vm, enum vm_capture_style style, const char *text)
{
	for (size_t i = 0; i < vm->nrows; i++)
		for (size_t k = 0; k < vm->rows[i].n; k++)
			if (vm->rows[i].spans[k].style == style &&
			    strcmp(vm->rows[i].spans[k].text, text) == 0)
				return 1;
	return 0;
}

/* 1 when some row's text contains needle. */
static int vt_rows_have(const struct vm_capture *vm, const char *needle)
{
	int found = 0;
	for (size_t i = 0; i < vm->nrows && !found; i++) {
		char *r = vt_row(vm, i);
		found = strstr(r, needle) != NULL;
		free(r);
	}
	return found;
}

START_TEST(test_preview_kind_and_person)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	ck_assert(vm.blank);
	ck_assert(vt_rows_have(&vm, "what happened?"));
	int dirty = vt_type(&vm, "coffee with @bruno");
	ck_assert_int_eq(dirty, VM_CAPTURE_DIRTY_LINE | VM_CAPTURE_DIRTY_PREVIEW);
	ck_assert(vm.parsed);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @bruno");
	ck_assert_uint_eq(vm.npeople, 1);
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_FOUND);
	ck_assert_str_eq(vm.people[0].name, "Bruno Lima");
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_KIND, "meeting"));
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_FOUND, "Bruno Lima"));
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_TEXT, "today 22:13"));
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_DIM, "coffee with Bruno Lima"));
	ck_assert(!vt_rows_have(&vm, "what happened?"));
	vm_capture_free(&vm);
	/* a meeting that carries a service says so */
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee with @bruno +gave intro");
	ck_assert(vm.parsed);
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_KIND, "meeting \u00b7 gave intro"));
	vm_capture_free(&vm);
}
END_TEST

struct preview_case {
	const char *line;
	const char *want[4]; /* texts some row must contain */
};

static const struct preview_case preview_cases[] = {
	{"call @jean +gave #devconf !1w",
	 {"call  when today 22:13  direction gave", "with Jean-Luc Picard",
	  "tags #devconf  follow-up Tue 2023-11-21", "note call Jean-Luc Picard"}},
	{"yesterday lunch with @ana.souza +deep",
	 {"meeting  when yesterday 12:00  deep", "with Ana Souza", NULL, NULL}},
	{"2023-11-01 intro @ana to @bruno.lima",
	 {"intro  when Wed 2023-11-01 12:00  direction mutual", "with Ana, Bruno Lima", NULL,
	  NULL}},
	{"met @+\"Zoë New\" at the fair !fri", {"with Zoë New new", "follow-up Fri 2023-11-17",
	                                          NULL, NULL}},
	{"coffee with @lima", {"with @lima ?ambiguous", NULL, NULL, NULL}},
	{"coffee with @zed", {"with @zed unknown", NULL, NULL, NULL}},
	{"coffee @\"Fatima Okafor\" and @fatma", {"with Fátima Okafor, Fatma Yilmaz", NULL, NULL,
	                                          NULL}},
};

START_TEST(test_preview_cases)
{
	const struct preview_case *c = &preview_cases[_i];
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, c->line);
	ck_assert_msg(vm.parsed, "%s: %s", c->line, vm.err.message);
	for (size_t i = 0; i < 4 && c->want[i] != NULL; i++) {
		int ok = vt_rows_have(&vm, c->want[i]);
		if (!ok)
			for (size_t r = 0; r < vm.nrows; r++) {
				char *row = vt_row(&vm, r);
				fprintf(stderr, "row %zu: %s\n", r, row);
				free(row);
			}
		ck_assert_msg(ok, "%s: no row has '%s'", c->line, c->want[i]);
	}
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_preview_styles)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee @lima @zed @+Newbie @fatma");
	ck_assert(vm.parsed);
	ck_assert_uint_eq(vm.npeople, 4);
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_AMBIGUOUS);
	ck_assert_int_eq(vm.people[1].who, VM_CAPTURE_WHO_UNKNOWN);
	ck_assert_int_eq(vm.people[2].who, VM_CAPTURE_WHO_NEW);
	ck_assert_int_eq(vm.people[3].who, VM_CAPTURE_WHO_FOUND);
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_WARN, "@lima ?ambiguous"));
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_ERROR, "@zed unknown"));
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_NEW, "Newbie"));
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_FOUND, "Fatma Yilmaz"));
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_preview_error_span)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	size_t off = 99, len = 99;
	ck_assert_int_eq(vm_capture_error_span(&vm, &off, &len), 0); /* blank: no error */
	vt_type(&vm, "coffee with @\"Ana Sou");
	ck_assert(!vm.parsed);
	ck_assert_int_eq(vm_capture_error_span(&vm, &off, &len), 1);
	ck_assert_uint_eq(off, 12);
	ck_assert_uint_eq(len, 9);
	ck_assert_ptr_nonnull(vm.err.message);
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_ERROR, vm.err.message));
	ck_assert(vt_rows_have(&vm, "unterminated quote"));
	ck_assert(vm.rows[vm.nrows - 1].wrap);
	/* closing the quote clears the error */
	vt_type(&vm, "za\"");
	ck_assert(vm.parsed);
	ck_assert_int_eq(vm_capture_error_span(&vm, &off, &len), 0);
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_FOUND, "Ana Souza"));
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_preview_error_offset_after_edit)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee with nobody");
	ck_assert(!vm.parsed); /* a line must name someone */
	ck_assert_ptr_nonnull(vm.err.message);
	size_t off, len;
	ck_assert_int_eq(vm_capture_error_span(&vm, &off, &len), 1);
	ck_assert_uint_le(off + len, strlen(vm_capture_line(&vm)));
	vm_capture_free(&vm);
}
END_TEST

/* A word that only looks like a time or a due date is an error the preview
 * points at, never part of the summary. */
START_TEST(test_preview_date_token_errors)
{
	static const struct {
		const char *line, *message;
		size_t off, len;
	} cases[] = {
		{"9:5 coffee @fatma", "'9:5' is not a time of day", 0, 3},
		{"yesterday 25:00 coffee @fatma", "'25:00' is not a time", 10, 5},
		{"coffee @fatma !-1d", "'-1d' is not a due date", 14, 4},
		{"2026-02-30 coffee @fatma", "not a day of the calendar", 0, 10},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct vm_capture vm;
		vm_capture_init(&vm, vt_st, T_NOW);
		vt_type(&vm, cases[i].line);
		ck_assert_msg(!vm.parsed, "%s: parsed", cases[i].line);
		size_t off = 99, len = 99;
		ck_assert_int_eq(vm_capture_error_span(&vm, &off, &len), 1);
		ck_assert_uint_eq(off, cases[i].off);
		ck_assert_uint_eq(len, cases[i].len);
		ck_assert_msg(strstr(vm.err.message, cases[i].message) != NULL, "%s: %s",
		              cases[i].line, vm.err.message);
		ck_assert(vt_rows_have(&vm, cases[i].message));
		vm_capture_free(&vm);
	}
}
END_TEST

START_TEST(test_complete_and_cycle)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee with @fat");
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_AMBIGUOUS);
	int dirty = vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_int_eq(dirty, VM_CAPTURE_DIRTY_LINE | VM_CAPTURE_DIRTY_PREVIEW);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @\"Fátima Okafor\"");
	ck_assert_uint_eq(vm.le.cursor, strlen(vm_capture_line(&vm)));
	ck_assert(vm.comp.active);
	ck_assert_uint_eq(vm.comp.n, 2);
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_SELECTED, "Fátima Okafor"));
	ck_assert(vt_rows_have(&vm, "1/2 "));
	/* the preview follows the completed name */
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_FOUND);
	ck_assert_str_eq(vm.people[0].name, "Fátima Okafor");

	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @\"Fatma Yilmaz\"");
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_SELECTED, "Fatma Yilmaz"));
	ck_assert(vt_rows_have(&vm, "2/2 "));
	/* after the last candidate: the text as typed, then round again */
	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @fat");
	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @\"Fátima Okafor\"");
	/* Shift-Tab goes back */
	vm_capture_key(&vm, VM_CAPTURE_KEY_BACKTAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @fat");
	vm_capture_key(&vm, VM_CAPTURE_KEY_BACKTAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @\"Fatma Yilmaz\"");
	/* any other key accepts the name shown and does its own work */
	vt_type(&vm, " #x");
	ck_assert(!vm.comp.active);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @\"Fatma Yilmaz\" #x");
	ck_assert(!vt_rows_have(&vm, "2/2"));
	/* a new Tab on the accepted mention completes it afresh */
	for (int i = 0; i < 3; i++)
		vm_capture_key(&vm, VM_CAPTURE_KEY_LEFT, 0);
	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @\"Fatma Yilmaz\" #x");
	ck_assert(vm.comp.active);
	ck_assert_uint_eq(vm.comp.n, 1);
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0), 0); /* nothing to cycle */
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_complete_exact_first)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "lunch @ana");
	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_uint_eq(vm.comp.n, 3);
	ck_assert_str_eq(vm.comp.cands[0].name, "Ana");
	ck_assert_str_eq(vm.comp.cands[1].name, "Ana Lima");
	ck_assert_str_eq(vm.comp.cands[2].name, "Ana Souza");
	ck_assert_str_eq(vm_capture_line(&vm), "lunch @Ana");
	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "lunch @\"Ana Lima\"");
	vm_capture_free(&vm);
}
END_TEST

struct comp_case {
	const char *line;
	size_t cursor;    /* bytes; (size_t)-1 for the end */
	const char *want; /* the line after one Tab */
	const char *message; /* part of the message shown, or NULL */
};

static const struct comp_case comp_cases[] = {
	{"@fat with @bru", 3, "@\"Fátima Okafor\" with @bru", NULL},   /* inside the token */
	{"coffee with @bru and", 16, "coffee with @\"Bruno Lima\" and", NULL},
	{"coffee with @ana.s", (size_t)-1, "coffee with @\"Ana Souza\"", NULL},
	{"coffee with @\"jean l", (size_t)-1, "coffee with @\"Jean-Luc Picard\"", NULL},
	{"(@okaf)", 6, "(@\"Fátima Okafor\")", NULL},
	{"coffee with ana", (size_t)-1, "coffee with ana", "Tab completes a name after @"},
	{"coffee with @+Ana", (size_t)-1, "coffee with @+Ana", "@+ adds a new person"},
	{"coffee with @zzz", (size_t)-1, "coffee with @zzz", "no name starts like @zzz"},
	{"coffee with @", (size_t)-1, "coffee with @", NULL},
	{"mail me@ana", (size_t)-1, "mail me@ana", "Tab completes a name after @"},
};

START_TEST(test_complete_cases)
{
	const struct comp_case *c = &comp_cases[_i];
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vm_capture_set_line(&vm, c->line);
	if (c->cursor != (size_t)-1)
		lineedit_set_cursor(&vm.le, c->cursor);
	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), c->want);
	if (c->message != NULL) {
		ck_assert_ptr_nonnull(vm.message);
		ck_assert_msg(strstr(vm.message, c->message) != NULL, "%s", vm.message);
		ck_assert(vt_rows_have(&vm, c->message));
	}
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_enter_and_esc)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	/* blank: nothing to save */
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_EDITING);
	ck_assert(vt_rows_have(&vm, "nothing to save"));
	/* ambiguous: not saved, and the candidates are named */
	vt_type(&vm, "coffee with @lima");
	ck_assert_ptr_null(vm.message); /* a key clears the last message */
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_EDITING);
	ck_assert_ptr_nonnull(vm.message);
	ck_assert(strstr(vm.message, "ambiguous") != NULL);
	ck_assert(strstr(vm.message, "Ana Lima") != NULL);
	ck_assert(strstr(vm.message, "Bruno Lima") != NULL);
	ck_assert_int_eq(vm.message_style, VM_CAPTURE_STYLE_ERROR);
	ck_assert(vm.rows[0].wrap);
	/* unknown: not saved, with the way to add someone */
	vm_capture_set_line(&vm, "coffee with @zed");
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_EDITING);
	ck_assert(strstr(vm.message, "@+") != NULL);
	/* a line that does not parse */
	vm_capture_set_line(&vm, "coffee with @\"Ana");
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_EDITING);
	ck_assert(strstr(vm.message, "cannot save") != NULL);
	/* a good line */
	vm_capture_set_line(&vm, "coffee with @bruno and @+\"Zoë New\"");
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_SAVE);
	/* the save failed: back to editing, with the reason */
	ck_assert_int_eq(vm_capture_fail(&vm, "database is locked"), VM_CAPTURE_DIRTY_PREVIEW);
	ck_assert_int_eq(vm.action, VM_CAPTURE_EDITING);
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_ERROR, "database is locked"));
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @bruno and @+\"Zoë New\"");
	/* Esc */
	vm_capture_key(&vm, VM_CAPTURE_KEY_ESC, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_CANCEL);
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_enter_sees_new_contacts)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee with @quentin");
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_UNKNOWN);
	/* someone else adds Quentin while the prompt is open */
	t_person(vt_st, "Quentin Blake", NULL);
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_SAVE);
	vm_capture_free(&vm);
}
END_TEST

/* Gives the contact an organisation; returns its id into id. */
static void vt_set_org(int64_t rowid, const char *org, char id[ID_LEN + 1])
{
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(vt_st, rowid, &c, &cause), 0);
	free(c.org);
	c.org = xstrdup(org);
	ck_assert_int_eq(t_contact_update(vt_st, &c, T_NOW, &cause), 0);
	memcpy(id, c.id, ID_LEN + 1);
	contact_free(&c);
}

/* Namesakes are offered each with its organisation (or id) and completed to
 * the id form that names that one: Enter then saves. */
START_TEST(test_namesakes)
{
	struct contact_ref *v = NULL;
	size_t n = 0;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_find_exact(vt_st, "ana lima", 2, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	char first[ID_LEN + 1], second[ID_LEN + 1], third[ID_LEN + 1];
	vt_set_org(v[0].rowid, "Acme", first);
	contact_refs_free(v, n);
	vt_set_org(t_person(vt_st, "Ana Lima", NULL), "Globex", second);
	vt_set_org(t_person(vt_st, "Ana Lima", NULL), "", third);
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee with @ana.lim");
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_AMBIGUOUS);
	ck_assert(!vm.people[0].same_name);
	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_uint_eq(vm.comp.n, 3); /* each namesake on its own */
	ck_assert(vt_rows_have(&vm, "Ana Lima (Acme)"));
	ck_assert(vt_rows_have(&vm, "Ana Lima (Globex)"));
	char want[3][64];
	snprintf(want[0], sizeof want[0], "coffee with @\"Ana Lima\"#%.8s", first);
	snprintf(want[1], sizeof want[1], "coffee with @\"Ana Lima\"#%.8s", second);
	snprintf(want[2], sizeof want[2], "coffee with @\"Ana Lima\"#%.8s", third);
	char label[64];
	snprintf(label, sizeof label, "Ana Lima (#%.8s)", third); /* no organisation */
	ck_assert_msg(vt_rows_have(&vm, label), "no %s", label);
	/* every Tab shows one of them, each once, and the preview finds it */
	int seen[3] = {0, 0, 0};
	for (int k = 0; k < 3; k++) {
		const char *line = vm_capture_line(&vm);
		int which = -1;
		for (int i = 0; i < 3; i++)
			if (strcmp(line, want[i]) == 0)
				which = i;
		ck_assert_msg(which >= 0, "%s", line);
		seen[which]++;
		ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_FOUND);
		ck_assert_str_eq(vm.summary, "coffee with Ana Lima");
		if (k < 2)
			vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	}
	ck_assert(seen[0] == 1 && seen[1] == 1 && seen[2] == 1);
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_SAVE);
	vm_capture_free(&vm);
	/* a name alone stays ambiguous: Enter says so and lists the id forms */
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee with @\"Ana Lima\"");
	ck_assert(vm.people[0].same_name);
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_WARN, "@\"Ana Lima\" ?ambiguous (same name)"));
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_EDITING);
	ck_assert(strstr(vm.message, "several contacts have this name") != NULL);
	ck_assert(strstr(vm.message, want[1] + strlen("coffee with ")) != NULL);
	vm_capture_free(&vm);
}
END_TEST

/* Names without namesakes complete to the name alone. */
START_TEST(test_mention_of)
{
	char *cause = NULL;
	int namesake = -1;
	struct contact_ref *v = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_contact_find_exact(vt_st, "bruno lima", 2, &v, &n, &cause), 0);
	ck_assert_uint_eq(n, 1);
	char *m = match_mention_of(vt_st, v[0].id, v[0].name, &namesake, &cause);
	ck_assert_str_eq(m, "@\"Bruno Lima\"");
	ck_assert_int_eq(namesake, 0);
	free(m);
	int64_t other = t_person(vt_st, "Bruno Lima", NULL);
	m = match_mention_of(vt_st, v[0].id, v[0].name, &namesake, &cause);
	char want[64];
	snprintf(want, sizeof want, "@\"Bruno Lima\"#%.8s", v[0].id);
	ck_assert_str_eq(m, want);
	ck_assert_int_eq(namesake, 1);
	free(m);
	/* the form names that one */
	struct contact_ref r;
	ck_assert_int_eq(match_resolve(vt_st, want + 1, &r, &cause), 0);
	ck_assert_str_eq(r.id, v[0].id);
	ck_assert(r.rowid != other);
	contact_ref_free(&r);
	contact_refs_free(v, n);
}
END_TEST

/* A name holding controls (put there by another program) is mentioned by what
 * a line can hold of it and its id, and that mention finds it. */
START_TEST(test_mention_of_untypeable)
{
	int64_t evil = t_person(vt_st, "Evil\033]52;c;eA==\007Name\xff", NULL);
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(vt_st, evil, &c, &cause), 0);
	int namesake = -1;
	char *m = match_mention_of(vt_st, c.id, c.name, &namesake, &cause);
	char want[80];
	snprintf(want, sizeof want, "@\"Evil]52;c;eA==Name\"#%.8s", c.id);
	ck_assert_str_eq(m, want);
	ck_assert_int_eq(namesake, 0);
	char line[128];
	snprintf(line, sizeof line, "call with %s", m);
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, line);
	ck_assert(vm.parsed);
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_FOUND);
	ck_assert_str_eq(vm.people[0].name, c.name);
	vm_capture_free(&vm);
	free(m);
	contact_free(&c);
}
END_TEST

/* An id prefix after the mention picks one of the namesakes; Enter saves. */
START_TEST(test_namesake_by_id)
{
	int64_t second = t_person(vt_st, "Ana Lima", NULL);
	struct contact c;
	char *cause = NULL;
	ck_assert_int_eq(store_contact_get(vt_st, second, &c, &cause), 0);
	char line[64];
	snprintf(line, sizeof line, "coffee with @ana.lima#%.8s", c.id);
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, line);
	ck_assert(vm.parsed);
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_FOUND);
	ck_assert_str_eq(vm.people[0].name, "Ana Lima");
	ck_assert_str_eq(vm.summary, "coffee with Ana Lima");
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_SAVE);
	vm_capture_free(&vm);
	/* a prefix that is nobody's: not found, and the message says why */
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee with @ana.lima#ffffff0");
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_UNKNOWN);
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_EDITING);
	ck_assert_msg(strstr(vm.message, "no contact's id starts with ffffff0") != NULL, "%s",
	              vm.message);
	vm_capture_free(&vm);
	contact_free(&c);
}
END_TEST

START_TEST(test_dirty_flags)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	ck_assert_int_eq(vt_type(&vm, "ab"), VM_CAPTURE_DIRTY_LINE | VM_CAPTURE_DIRTY_PREVIEW);
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_LEFT, 0), VM_CAPTURE_DIRTY_LINE);
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_HOME, 0), VM_CAPTURE_DIRTY_LINE);
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_HOME, 0), 0);
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_BACKSPACE, 0), 0);
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_DELETE, 0),
	                 VM_CAPTURE_DIRTY_LINE | VM_CAPTURE_DIRTY_PREVIEW);
	ck_assert_str_eq(vm_capture_line(&vm), "b");
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_REDRAW, 0), VM_CAPTURE_DIRTY_ALL);
	/* a control character is not text */
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_TEXT, 0x1b), 0);
	ck_assert_str_eq(vm_capture_line(&vm), "b");
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_editing_keys)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vt_type(&vm, "coffee with @bruno");
	vm_capture_key(&vm, VM_CAPTURE_KEY_KILL_BIGWORD_BACK, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with ");
	ck_assert(!vm.parsed);
	vm_capture_key(&vm, VM_CAPTURE_KEY_HOME, 0);
	vm_capture_key(&vm, VM_CAPTURE_KEY_YANK, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "@brunocoffee with ");
	vm_capture_key(&vm, VM_CAPTURE_KEY_KILL_TO_START, 0);
	vm_capture_key(&vm, VM_CAPTURE_KEY_END, 0);
	vm_capture_key(&vm, VM_CAPTURE_KEY_WORD_LEFT, 0);
	vm_capture_key(&vm, VM_CAPTURE_KEY_KILL_WORD_FORWARD, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee  ");
	vm_capture_key(&vm, VM_CAPTURE_KEY_KILL_WORD_BACK, 0);
	ck_assert_str_eq(vm_capture_line(&vm), " ");
	ck_assert(vm.blank);
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_history)
{
	struct vm_capture vm;
	vm_capture_init(&vm, vt_st, T_NOW);
	vm_capture_history_add(&vm, "call @ana.souza");
	vm_capture_history_add(&vm, "coffee with @zed");
	vt_type(&vm, "draft @jean");
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_UP, 0),
	                 VM_CAPTURE_DIRTY_LINE | VM_CAPTURE_DIRTY_PREVIEW);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @zed");
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_ERROR, "@zed unknown"));
	vm_capture_key(&vm, VM_CAPTURE_KEY_UP, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "call @ana.souza");
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_FOUND, "Ana Souza"));
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_KIND, "call"));
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_UP, 0), 0);
	vm_capture_key(&vm, VM_CAPTURE_KEY_DOWN, 0);
	vm_capture_key(&vm, VM_CAPTURE_KEY_DOWN, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "draft @jean");
	ck_assert(vt_span(&vm, VM_CAPTURE_STYLE_FOUND, "Jean-Luc Picard"));
	ck_assert_int_eq(vm_capture_key(&vm, VM_CAPTURE_KEY_DOWN, 0), 0);
	vm_capture_free(&vm);
}
END_TEST

START_TEST(test_without_journal)
{
	struct vm_capture vm;
	vm_capture_init(&vm, NULL, T_NOW);
	vt_type(&vm, "coffee with @ana");
	ck_assert(vm.parsed);
	ck_assert_int_eq(vm.people[0].who, VM_CAPTURE_WHO_UNKNOWN);
	vm_capture_key(&vm, VM_CAPTURE_KEY_TAB, 0);
	ck_assert_str_eq(vm_capture_line(&vm), "coffee with @ana");
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_EDITING);
	vm_capture_set_line(&vm, "met @+Someone");
	vm_capture_key(&vm, VM_CAPTURE_KEY_ENTER, 0);
	ck_assert_int_eq(vm.action, VM_CAPTURE_SAVE);
	vm_capture_free(&vm);
}
END_TEST

extern Suite *suite_vm_capture(void);

Suite *suite_vm_capture(void)
{
	Suite *s = suite_create("vm_capture");
	TCase *tc = tcase_create("journal");
	tcase_add_checked_fixture(tc, vt_setup, vt_teardown);
	tcase_add_test(tc, test_preview_kind_and_person);
	tcase_add_loop_test(tc, test_preview_cases, 0,
	                    sizeof preview_cases / sizeof preview_cases[0]);
	tcase_add_test(tc, test_preview_styles);
	tcase_add_test(tc, test_preview_error_span);
	tcase_add_test(tc, test_preview_error_offset_after_edit);
	tcase_add_test(tc, test_preview_date_token_errors);
	tcase_add_test(tc, test_complete_and_cycle);
	tcase_add_test(tc, test_complete_exact_first);
	tcase_add_loop_test(tc, test_complete_cases, 0, sizeof comp_cases / sizeof comp_cases[0]);
	tcase_add_test(tc, test_enter_and_esc);
	tcase_add_test(tc, test_enter_sees_new_contacts);
	tcase_add_test(tc, test_namesakes);
	tcase_add_test(tc, test_mention_of);
	tcase_add_test(tc, test_mention_of_untypeable);
	tcase_add_test(tc, test_namesake_by_id);
	tcase_add_test(tc, test_dirty_flags);
	tcase_add_test(tc, test_editing_keys);
	tcase_add_test(tc, test_history);
	tcase_add_test(tc, test_without_journal);
	suite_add_tcase(s, tc);
	return s;
}
