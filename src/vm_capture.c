/* vm_capture.c: the capture prompt's state: editing, the live preview (capture_parse
 * at each change, mentions looked up with the store's indexed lookups), @-completion,
 * Enter and Esc. View layer: no curses, output or clock; uses lineedit, capture, match, store. */
#include "vm_capture.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "match.h"
#include "store.h"
#include "utf8.h"
#include "vm_capture_int.h"

#define VMC_CACHE_MAX 64 /* lookups remembered while the line is edited */

/* Keys that are line-editor operations. */
static const struct {
	enum vm_capture_key key;
	enum lineedit_op op;
} vmc_ops[] = {
	{VM_CAPTURE_KEY_LEFT, LINEEDIT_LEFT},
	{VM_CAPTURE_KEY_RIGHT, LINEEDIT_RIGHT},
	{VM_CAPTURE_KEY_WORD_LEFT, LINEEDIT_WORD_LEFT},
	{VM_CAPTURE_KEY_WORD_RIGHT, LINEEDIT_WORD_RIGHT},
	{VM_CAPTURE_KEY_HOME, LINEEDIT_HOME},
	{VM_CAPTURE_KEY_END, LINEEDIT_END},
	{VM_CAPTURE_KEY_BACKSPACE, LINEEDIT_BACKSPACE},
	{VM_CAPTURE_KEY_DELETE, LINEEDIT_DELETE},
	{VM_CAPTURE_KEY_KILL_BIGWORD_BACK, LINEEDIT_KILL_BIGWORD_BACK},
	{VM_CAPTURE_KEY_KILL_WORD_BACK, LINEEDIT_KILL_WORD_BACK},
	{VM_CAPTURE_KEY_KILL_WORD_FORWARD, LINEEDIT_KILL_WORD_FORWARD},
	{VM_CAPTURE_KEY_KILL_TO_START, LINEEDIT_KILL_TO_START},
	{VM_CAPTURE_KEY_KILL_TO_END, LINEEDIT_KILL_TO_END},
	{VM_CAPTURE_KEY_YANK, LINEEDIT_YANK},
	{VM_CAPTURE_KEY_UP, LINEEDIT_HISTORY_PREV},
	{VM_CAPTURE_KEY_DOWN, LINEEDIT_HISTORY_NEXT},
};

static void vmc_person_free(struct vm_capture_person *p)
{
	free(p->text);
	free(p->folded);
	free(p->id_prefix);
	free(p->name);
	memset(p, 0, sizeof *p);
}

static void vmc_people_free(struct vm_capture_person *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vmc_person_free(&v[i]);
	free(v);
}

static void vmc_comp_end(struct vm_capture *vm)
{
	struct vm_capture_completion *c = &vm->comp;
	for (size_t i = 0; i < c->n; i++) {
		if (c->forms != NULL)
			free(c->forms[i]);
		if (c->labels != NULL)
			free(c->labels[i]);
	}
	free(c->forms);
	free(c->labels);
	contact_refs_free(c->cands, c->n);
	free(c->typed);
	memset(c, 0, sizeof *c);
}

static void vmc_preview_clear(struct vm_capture *vm)
{
	capture_free(&vm->cap);
	capture_error_free(&vm->err);
	vmc_people_free(vm->people, vm->npeople);
	vm->people = NULL;
	vm->npeople = 0;
	free(vm->summary);
	vm->summary = NULL;
	vm->parsed = 0;
}

static void vmc_set_message(struct vm_capture *vm, enum vm_capture_style style, const char *msg)
{
	free(vm->message);
	vm->message = msg ? xstrdup(msg) : NULL;
	vm->message_style = style;
}

/* ---- lookups ---- */

/* Decides a mention with the store's indexed lookups, as match_resolve_name
 * decides (exact full name first, then word prefixes), without the messages. */
static void vmc_lookup(struct vm_capture *vm, struct vm_capture_person *p)
{
	p->who = VM_CAPTURE_WHO_UNKNOWN;
	if (p->create) {
		p->who = VM_CAPTURE_WHO_NEW;
		p->name = xstrdup(p->text);
		return;
	}
	if (p->id_prefix != NULL) { /* not cached: the id decides */
		struct contact_ref ref;
		char *cause = NULL;
		if (vm->st != NULL &&
		    match_resolve_name(vm->st, p->text, p->id_prefix, &ref, &cause) == 0) {
			p->who = VM_CAPTURE_WHO_FOUND;
			p->name = xstrdup(ref.name ? ref.name : "");
			contact_ref_free(&ref);
		}
		free(cause);
		return;
	}
	for (size_t i = 0; i < vm->ncache; i++) {
		if (strcmp(vm->cache[i].folded, p->folded) == 0) {
			p->who = vm->cache[i].who;
			p->same_name = vm->cache[i].same_name;
			p->name = vm->cache[i].name ? xstrdup(vm->cache[i].name) : NULL;
			return;
		}
	}
	if (vm->st == NULL || p->folded[0] == '\0')
		return;
	struct contact_ref *v = NULL;
	size_t n = 0;
	char *cause = NULL;
	int rc = store_contact_find_exact(vm->st, p->folded, 2, &v, &n, &cause);
	p->same_name = rc == 0 && n > 1;
	if (rc == 0 && n == 0) {
		struct strv words;
		strv_init(&words);
		strv_split(&words, p->folded, ' ');
		rc = store_contact_find_words(vm->st, words.v, words.n, 2, &v, &n, NULL, &cause);
		strv_free(&words);
	}
	if (rc != 0) {
		vmc_set_message(vm, VM_CAPTURE_STYLE_ERROR, cause);
		free(cause);
		return; /* not cached: the next change asks again */
	}
	if (n == 1) {
		p->who = VM_CAPTURE_WHO_FOUND;
		p->name = xstrdup(v[0].name ? v[0].name : "");
	} else if (n > 1) {
		p->who = VM_CAPTURE_WHO_AMBIGUOUS;
	}
	contact_refs_free(v, n);
	if (vm->ncache == VMC_CACHE_MAX) {
		vmc_people_free(vm->cache, vm->ncache);
		vm->cache = NULL;
		vm->ncache = 0;
	}
	vm->cache = xreallocarray(vm->cache, vm->ncache + 1, sizeof *vm->cache);
	struct vm_capture_person *c = &vm->cache[vm->ncache++];
	memset(c, 0, sizeof *c);
	c->text = xstrdup(p->text);
	c->folded = xstrdup(p->folded);
	c->who = p->who;
	c->same_name = p->same_name;
	c->name = p->name ? xstrdup(p->name) : NULL;
}

static int vmc_is_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

/* Parses the line again and looks its mentions up. */
static void vmc_refresh(struct vm_capture *vm)
{
	vmc_preview_clear(vm);
	const char *line = lineedit_text(&vm->le);
	vm->blank = vmc_is_blank(line);
	if (!vm->blank && capture_parse(line, vm->now, &vm->cap, &vm->err) == 0) {
		vm->parsed = 1;
		vm->npeople = vm->cap.nmentions;
		vm->people = xcalloc(vm->npeople ? vm->npeople : 1, sizeof *vm->people);
		const char **names = xcalloc(vm->npeople ? vm->npeople : 1, sizeof *names);
		for (size_t i = 0; i < vm->npeople; i++) {
			struct vm_capture_person *p = &vm->people[i];
			p->text = xstrdup(vm->cap.mentions[i].text);
			p->folded = xstrdup(vm->cap.mentions[i].folded);
			p->create = vm->cap.mentions[i].create;
			if (vm->cap.mentions[i].id_prefix != NULL)
				p->id_prefix = xstrdup(vm->cap.mentions[i].id_prefix);
			vmc_lookup(vm, p);
			if (p->who == VM_CAPTURE_WHO_FOUND)
				names[i] = p->name;
		}
		vm->summary = capture_summary_with_names(&vm->cap, names);
		free(names);
	}
	vm_capture_rows_build(vm);
}

/* ---- completion ---- */

/* The name typed in a mention token ("@fat", "@\"Fátima O", "@ana.sou"). */
static char *vmc_token_name(const char *tok, size_t len)
{
	size_t i = 0;
	if (i < len && tok[i] == '@')
		i++;
	if (i < len && tok[i] == '+')
		i++;
	if (i < len && tok[i] == '"') {
		i++;
		size_t end = len;
		const char *q = memchr(tok + i, '"', len - i);
		if (q != NULL)
			end = (size_t)(q - tok);
		return xstrndup(tok + i, end - i);
	}
	char *s = xstrndup(tok + i, len - i);
	for (char *p = s; *p != '\0'; p++)
		if (*p == '.')
			*p = ' ';
	return s;
}

static int vmc_has_rowid(const struct contact_ref *v, size_t n, int64_t rowid)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].rowid == rowid)
			return 1;
	return 0;
}

/* Up to VM_CAPTURE_CANDIDATES contacts for a folded name: exact names, then
 * word-prefix matches, through the indexed lookups. */
static int vmc_candidates(struct vm_capture *vm, const char *folded, struct contact_ref **out,
                          size_t *nout, char **cause)
{
	struct contact_ref *all = NULL, *v = NULL;
	size_t nall = 0, n = 0;
	*out = NULL;
	*nout = 0;
	if (store_contact_find_exact(vm->st, folded, VM_CAPTURE_CANDIDATES, &all, &nall, cause) !=
	    0)
		return -1;
	struct strv words;
	strv_init(&words);
	strv_split(&words, folded, ' ');
	int rc = store_contact_find_words(vm->st, words.v, words.n, VM_CAPTURE_CANDIDATES, &v, &n,
	                                  NULL, cause);
	strv_free(&words);
	if (rc != 0) {
		contact_refs_free(all, nall);
		return -1;
	}
	all = xreallocarray(all, nall + n + 1, sizeof *all);
	for (size_t i = 0; i < n; i++) {
		if (vmc_has_rowid(all, nall, v[i].rowid)) {
			contact_ref_free(&v[i]);
			continue;
		}
		all[nall++] = v[i];
	}
	free(v);
	size_t idx[VM_CAPTURE_CANDIDATES];
	size_t k = match_filter(folded, all, nall, idx, VM_CAPTURE_CANDIDATES), m = 0;
	struct contact_ref *res = xcalloc(k ? k : 1, sizeof *res);
	for (size_t i = 0; i < k; i++) {
		res[m++] = all[idx[i]];
		all[idx[i]].name = NULL;
		all[idx[i]].org = NULL;
	}
	contact_refs_free(all, nall);
	*out = res;
	*nout = m;
	return 0;
}

/* The mention each candidate is written as (with #id when it has namesakes)
 * and how the list shows it (then with its organisation, else its id). */
static int vmc_comp_forms(struct vm_capture *vm, char **cause)
{
	struct vm_capture_completion *c = &vm->comp;
	c->forms = xcalloc(c->n ? c->n : 1, sizeof *c->forms);
	c->labels = xcalloc(c->n ? c->n : 1, sizeof *c->labels);
	for (size_t i = 0; i < c->n; i++) {
		const struct contact_ref *r = &c->cands[i];
		int namesake = 0;
		c->forms[i] = match_mention_of(vm->st, r->id, r->name, &namesake, cause);
		if (c->forms[i] == NULL)
			return -1;
		const char *org = r->org != NULL ? r->org : "";
		if (!namesake)
			c->labels[i] = xstrdup(r->name);
		else if (org[0] != '\0')
			c->labels[i] = xasprintf("%s (%s)", r->name, org);
		else
			c->labels[i] = xasprintf("%s (%s)", r->name, strrchr(c->forms[i], '#'));
	}
	return 0;
}

/* Shows candidate pos (or the typed text) in place of the token. */
static void vmc_comp_show(struct vm_capture *vm)
{
	struct vm_capture_completion *c = &vm->comp;
	char *text = xstrdup(c->pos < c->n ? c->forms[c->pos] : c->typed);
	lineedit_replace(&vm->le, c->start, c->len, text);
	c->len = strlen(text);
	free(text);
}

static int vmc_comp_start(struct vm_capture *vm, int backwards)
{
	const char *line = lineedit_text(&vm->le);
	size_t start = 0, len = 0;
	int create = 0;
	if (!capture_mention_at(line, lineedit_cursor(&vm->le), &start, &len, &create)) {
		vmc_set_message(vm, VM_CAPTURE_STYLE_DIM, "Tab completes a name after @");
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	if (create) {
		vmc_set_message(vm, VM_CAPTURE_STYLE_DIM,
		                "@+ adds a new person: there is no name to complete");
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	char *name = vmc_token_name(line + start, len);
	char *folded = utf8_fold(name);
	free(name);
	if (folded[0] == '\0') {
		free(folded);
		vmc_set_message(vm, VM_CAPTURE_STYLE_DIM,
		                "type the start of a name after @, then Tab");
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	struct contact_ref *cands = NULL;
	size_t n = 0;
	char *cause = NULL;
	if (vm->st != NULL && vmc_candidates(vm, folded, &cands, &n, &cause) != 0) {
		vmc_set_message(vm, VM_CAPTURE_STYLE_ERROR, cause);
		free(cause);
		free(folded);
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	free(folded);
	if (n == 0) {
		free(cands);
		char *typed = xstrndup(line + start, len);
		char *msg = xasprintf("no name starts like %s", typed);
		vmc_set_message(vm, VM_CAPTURE_STYLE_WARN, msg);
		free(msg);
		free(typed);
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	struct vm_capture_completion *c = &vm->comp;
	c->active = 1;
	c->start = start;
	c->len = len;
	c->typed = xstrndup(line + start, len);
	c->cands = cands;
	c->n = n;
	c->pos = backwards ? n - 1 : 0;
	if (vmc_comp_forms(vm, &cause) != 0) {
		vmc_comp_end(vm);
		vmc_set_message(vm, VM_CAPTURE_STYLE_ERROR, cause);
		free(cause);
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	vmc_comp_show(vm);
	return VM_CAPTURE_DIRTY_LINE | VM_CAPTURE_DIRTY_PREVIEW;
}

static int vmc_comp_cycle(struct vm_capture *vm, int backwards)
{
	struct vm_capture_completion *c = &vm->comp;
	if (c->n < 2)
		return 0;
	/* the candidates, then the text as typed, round again */
	if (backwards)
		c->pos = c->pos == 0 ? c->n : c->pos - 1;
	else
		c->pos = c->pos == c->n ? 0 : c->pos + 1;
	vmc_comp_show(vm);
	return VM_CAPTURE_DIRTY_LINE | VM_CAPTURE_DIRTY_PREVIEW;
}

/* ---- keys ---- */

static int vmc_all_known(const struct vm_capture *vm)
{
	for (size_t i = 0; i < vm->npeople; i++)
		if (vm->people[i].who != VM_CAPTURE_WHO_FOUND &&
		    vm->people[i].who != VM_CAPTURE_WHO_NEW)
			return 0;
	return 1;
}

static void vmc_cache_drop(struct vm_capture *vm)
{
	vmc_people_free(vm->cache, vm->ncache);
	vm->cache = NULL;
	vm->ncache = 0;
}

static int vmc_enter(struct vm_capture *vm)
{
	if (vm->blank) {
		vmc_set_message(vm, VM_CAPTURE_STYLE_WARN,
		                "nothing to save: write what happened, or Esc to leave");
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	if (!vm->parsed) {
		char *msg = xasprintf("cannot save: %s", vm->err.message ? vm->err.message : "?");
		vmc_set_message(vm, VM_CAPTURE_STYLE_ERROR, msg);
		free(msg);
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	if (!vmc_all_known(vm)) {
		/* another process may have added or renamed someone: look again */
		vmc_cache_drop(vm);
		vmc_refresh(vm);
	}
	for (size_t i = 0; i < vm->npeople; i++) {
		const struct vm_capture_person *p = &vm->people[i];
		if (p->who == VM_CAPTURE_WHO_FOUND || p->who == VM_CAPTURE_WHO_NEW)
			continue;
		/* the full message: the candidates, or close names and @+"Name" */
		struct contact_ref ref;
		char *cause = NULL;
		if (vm->st == NULL) {
			char *m = capture_mention_format(p->text);
			cause = xasprintf("%s names nobody: there is no journal", m);
			free(m);
		} else if (match_resolve_name(vm->st, p->text, p->id_prefix, &ref, &cause) == 0) {
			contact_ref_free(&ref);
			cause = xstrdup("the journal changed meanwhile; press Enter again");
		}
		char *msg = xasprintf("cannot save: %s%s", cause,
		                      p->who == VM_CAPTURE_WHO_AMBIGUOUS && !p->same_name
		                              ? " (Tab completes)"
		                              : "");
		vmc_set_message(vm, VM_CAPTURE_STYLE_ERROR, msg);
		free(msg);
		free(cause);
		return VM_CAPTURE_DIRTY_PREVIEW;
	}
	vm->action = VM_CAPTURE_SAVE;
	return 0;
}

int vm_capture_key(struct vm_capture *vm, enum vm_capture_key key, uint32_t cp)
{
	int dirty = 0;
	vm->action = VM_CAPTURE_EDITING;
	if (key == VM_CAPTURE_KEY_REDRAW)
		return VM_CAPTURE_DIRTY_ALL;
	if (vm->comp.active) {
		if (key == VM_CAPTURE_KEY_TAB || key == VM_CAPTURE_KEY_BACKTAB) {
			dirty = vmc_comp_cycle(vm, key == VM_CAPTURE_KEY_BACKTAB);
			if (dirty != 0)
				vmc_refresh(vm);
			return dirty;
		}
		vmc_comp_end(vm); /* any other key accepts the shown name */
		dirty |= VM_CAPTURE_DIRTY_PREVIEW;
	}
	if (vm->message != NULL) {
		vmc_set_message(vm, VM_CAPTURE_STYLE_TEXT, NULL);
		dirty |= VM_CAPTURE_DIRTY_PREVIEW;
	}
	int change = 0;
	switch (key) {
	case VM_CAPTURE_KEY_ENTER:
		dirty |= vmc_enter(vm);
		break;
	case VM_CAPTURE_KEY_ESC:
		vm->action = VM_CAPTURE_CANCEL;
		break;
	case VM_CAPTURE_KEY_TAB:
	case VM_CAPTURE_KEY_BACKTAB:
		dirty |= vmc_comp_start(vm, key == VM_CAPTURE_KEY_BACKTAB);
		if (dirty & VM_CAPTURE_DIRTY_LINE)
			change = LINEEDIT_CHANGED_TEXT;
		break;
	case VM_CAPTURE_KEY_TEXT:
		change = lineedit_insert_cp(&vm->le, cp);
		break;
	default:
		for (size_t i = 0; i < sizeof vmc_ops / sizeof vmc_ops[0]; i++)
			if (vmc_ops[i].key == key)
				change = lineedit_do(&vm->le, vmc_ops[i].op);
		break;
	}
	if (change & LINEEDIT_CHANGED_TEXT) {
		vmc_refresh(vm);
		dirty |= VM_CAPTURE_DIRTY_LINE | VM_CAPTURE_DIRTY_PREVIEW;
	} else if (dirty & VM_CAPTURE_DIRTY_PREVIEW) {
		vm_capture_rows_build(vm);
	}
	if (change & LINEEDIT_CHANGED_CURSOR)
		dirty |= VM_CAPTURE_DIRTY_LINE;
	return dirty;
}

/* ---- the rest of the interface ---- */

void vm_capture_init(struct vm_capture *vm, struct store *st, int64_t now)
{
	memset(vm, 0, sizeof *vm);
	vm->st = st;
	vm->now = now;
	lineedit_init(&vm->le);
	vmc_refresh(vm);
}

void vm_capture_free(struct vm_capture *vm)
{
	vmc_preview_clear(vm);
	vmc_comp_end(vm);
	vmc_people_free(vm->cache, vm->ncache);
	vm_capture_rows_free(vm);
	free(vm->message);
	lineedit_free(&vm->le);
	memset(vm, 0, sizeof *vm);
}

const char *vm_capture_line(const struct vm_capture *vm)
{
	return lineedit_text(&vm->le);
}

void vm_capture_set_line(struct vm_capture *vm, const char *line)
{
	vmc_comp_end(vm);
	lineedit_set(&vm->le, line);
	vmc_refresh(vm);
}

void vm_capture_history_add(struct vm_capture *vm, const char *line)
{
	lineedit_history_add(&vm->le, line);
}

int vm_capture_fail(struct vm_capture *vm, const char *message)
{
	vm->action = VM_CAPTURE_EDITING;
	/* the journal may have changed under us: look names up again */
	vmc_cache_drop(vm);
	vmc_refresh(vm);
	vmc_set_message(vm, VM_CAPTURE_STYLE_ERROR, message ? message : "could not save");
	vm_capture_rows_build(vm);
	return VM_CAPTURE_DIRTY_PREVIEW;
}

int vm_capture_error_span(const struct vm_capture *vm, size_t *offset, size_t *len)
{
	if (vm->blank || vm->parsed || vm->err.message == NULL)
		return 0;
	size_t n = lineedit_len(&vm->le);
	*offset = vm->err.offset < n ? vm->err.offset : n;
	*len = vm->err.len < n - *offset ? vm->err.len : n - *offset;
	return 1;
}
