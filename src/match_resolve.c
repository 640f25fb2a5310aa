/* match_resolve.c: resolving a mention or a CONTACT argument against the
 * journal (uuid, uuid prefix, exact name, unique word prefix), with the
 * messages for ambiguous and unknown names. Depends on match.h, capture.h,
 * id.h, utf8.h and store.h (its public functions only). */
#include "match.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "err.h"
#include "id.h"
#include "store.h"
#include "utf8.h"

#define MATCH_LIST 5        /* candidates named in an "ambiguous" message */
#define MATCH_SUGGEST 3     /* names offered for a miss */
#define MATCH_PREFIX_LIST 8 /* ids named for an ambiguous uuid prefix */
#define MATCH_PREFIX_SCAN 64 /* contacts an id prefix after a name is checked against */

/* Who asks: a capture line, a CONTACT argument, or one that also looked
 * like an id prefix. Messages to a CONTACT argument never use the capture
 * syntax (@, quotes, #id). */
enum match_asker { MATCH_FOR_CAPTURE, MATCH_FOR_ARG, MATCH_FOR_IDLIKE };

static void match_take(struct contact_ref *out, struct contact_ref *from)
{
	*out = *from;
	from->name = NULL;
	from->org = NULL;
}

/* The shortest prefix of id, 8 characters or more, that no other contact's
 * id starts with, into out. */
static int match_id_short(struct store *st, const char *id, char out[ID_LEN + 1], char **cause)
{
	for (size_t len = 8; len <= ID_LEN; len++) {
		snprintf(out, ID_LEN + 1, "%.*s", (int)len, id);
		if (out[len - 1] == '-')
			continue;
		struct contact_ref *v = NULL;
		size_t n = 0;
		if (store_contact_find_prefix(st, out, 2, &v, &n, cause) != 0)
			return -1;
		contact_refs_free(v, n);
		if (n <= 1)
			return 0;
	}
	return 0;
}

/* 1 when someone besides r has r's name, exactly (folded). */
static int match_has_namesake(struct store *st, const char *name, int *out, char **cause)
{
	char *folded = utf8_fold(name ? name : "");
	struct contact_ref *v = NULL;
	size_t n = 0;
	int rc = store_contact_find_exact(st, folded, 2, &v, &n, cause);
	free(folded);
	contact_refs_free(v, n);
	*out = n > 1;
	return rc;
}

/* What of name a capture line can hold (controls and invalid bytes, which
 * only another program can have put there, dropped); caller frees. */
static char *match_typeable(const char *name)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "");
	utf8_clean_append(&b, name ? name : "", name ? strlen(name) : 0, (size_t)-1);
	return buf_detach(&b);
}

/* The mention of name, then #id when id is not NULL, onto b. */
static void match_mention_put(struct buf *b, const char *name, const char *id)
{
	char *form = capture_mention_format(name ? name : "");
	buf_puts(b, form);
	free(form);
	if (id != NULL)
		buf_printf(b, "#%s", id);
}

char *match_mention_of(struct store *st, const char *id, const char *name, int *namesake,
                       char **cause)
{
	int same = 0;
	char prefix[ID_LEN + 1];
	char *typed = match_typeable(name);
	/* a name a line cannot hold is named by what it can, and the id */
	int untypeable = strcmp(typed, name ? name : "") != 0;
	if (match_has_namesake(st, name, &same, cause) != 0 ||
	    ((same || untypeable) && match_id_short(st, id, prefix, cause) != 0)) {
		free(typed);
		return NULL;
	}
	if (namesake != NULL)
		*namesake = same;
	struct buf b;
	buf_init(&b);
	match_mention_put(&b, typed, same || untypeable ? prefix : NULL);
	free(typed);
	return buf_detach(&b);
}

/* One candidate in an "ambiguous" message, with the form that names it:
 * for a capture line @"Ana Souza" (Acme), or @"Ana Souza"#3f9c2a1b (Acme)
 * when others have that name; for an argument Ana Souza (Acme, 3f9c2a1b). */
static int match_describe(struct store *st, struct buf *b, const struct contact_ref *r,
                          enum match_asker asker, int same_name, char **cause)
{
	char id[ID_LEN + 1];
	int org = r->org != NULL && r->org[0] != '\0';
	if (match_id_short(st, r->id, id, cause) != 0)
		return -1;
	if (asker != MATCH_FOR_CAPTURE) {
		buf_puts(b, r->name ? r->name : "");
		buf_printf(b, " (%s%s%s)", org ? r->org : "", org ? ", " : "", id);
		return 0;
	}
	int namesake = same_name;
	if (!namesake && match_has_namesake(st, r->name, &namesake, cause) != 0)
		return -1;
	match_mention_put(b, r->name, namesake ? id : NULL);
	if (org)
		buf_printf(b, " (%s)", r->org);
	return 0;
}

/* What was written, for a message: the mention, or the argument quoted. */
static void match_shown(struct buf *b, const char *text, enum match_asker asker)
{
	if (asker == MATCH_FOR_CAPTURE) {
		char *shown = capture_mention_format(text);
		buf_puts(b, shown);
		free(shown);
	} else {
		buf_printf(b, "'%s'", text);
	}
}

static int match_ambiguous(struct store *st, const char *text, const struct contact_ref *v,
                           size_t n, size_t total, int same_name, enum match_asker asker,
                           char **cause)
{
	struct buf b;
	buf_init(&b);
	match_shown(&b, text, asker);
	buf_puts(&b, " is ambiguous: ");
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n && i < MATCH_LIST; i++) {
		if (i > 0)
			buf_puts(&b, ", ");
		rc = match_describe(st, &b, &v[i], asker, same_name, cause);
	}
	if (rc != 0) {
		buf_free(&b);
		return -1;
	}
	size_t listed = n < MATCH_LIST ? n : MATCH_LIST;
	if (total > listed)
		buf_printf(&b, ", …and %zu more", total - listed);
	if (same_name)
		buf_puts(&b, "; several contacts have this name: ");
	else
		buf_puts(&b, "; ");
	if (asker == MATCH_FOR_CAPTURE)
		buf_puts(&b, same_name ? "write one of these" : "write one of these or more of the name");
	else
		buf_puts(&b, same_name ? "give one of these ids" : "write more of the name, or give one of these ids");
	err_set(cause, "%s", buf_str(&b));
	buf_free(&b);
	return -1;
}

/* A name as a shell word for a `kith add` suggestion: bare when it holds
 * only letters, digits and . _ - , else in double quotes, or in single
 * quotes when it holds a character double quotes do not protect. Caller frees. */
static char *match_shell_word(const char *name)
{
	int bare = name[0] != '\0' && name[0] != '-', plain = 1;
	for (const char *p = name; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		bare &= isalnum(c) || c >= 0x80 || c == '.' || c == '_' || c == '-';
		plain &= strchr("\"$`\\!", c) == NULL;
	}
	if (bare)
		return xstrdup(name);
	if (plain)
		return xasprintf("\"%s\"", name);
	struct buf b;
	buf_init(&b);
	buf_putc(&b, '\'');
	for (const char *p = name; *p != '\0'; p++) {
		if (*p == '\'')
			buf_puts(&b, "'\\''");
		else
			buf_putc(&b, *p);
	}
	buf_putc(&b, '\'');
	return buf_detach(&b);
}

/* The name to offer for @+"...": as written, words capitalised when it was
 * written all in lower case. Caller frees. */
static char *match_new_name(const char *text)
{
	char *s = xstrdup(text);
	int upper = 0;
	for (char *p = s; *p != '\0'; p++)
		upper |= isupper((unsigned char)*p) != 0;
	for (char *p = s; !upper && *p != '\0'; p++)
		if (p == s || p[-1] == ' ')
			*p = (char)toupper((unsigned char)*p);
	return s;
}

/* A name nobody has: suggestions, and how to add the person (in a capture
 * line with @+, on the command line with kith add). */
static int match_unknown(struct store *st, const char *text, const char *folded,
                         enum match_asker asker, char **cause)
{
	int capture = asker == MATCH_FOR_CAPTURE;
	if (asker == MATCH_FOR_IDLIKE)
		return err_set(cause, "nothing matches '%s': no contact's id starts so, and nobody "
		                      "is called that", text);
	struct contact_ref *all = NULL;
	size_t n = 0, idx[MATCH_SUGGEST], k = 0;
	if (store_contact_names(st, &all, &n, cause) != 0)
		return -1;
	k = match_suggest(folded, all, n, idx, MATCH_SUGGEST);
	struct buf b;
	buf_init(&b);
	char *shown = capture_mention_format(text);
	if (capture)
		buf_printf(&b, "nobody called %s", shown);
	else
		buf_printf(&b, "nobody called '%s'", text);
	free(shown);
	for (size_t i = 0; i < k; i++)
		buf_printf(&b, "%s%s", i == 0 ? "; did you mean " : ", ", all[idx[i]].name);
	buf_puts(&b, k > 0 ? "? " : ". ");
	char *name = match_new_name(text);
	if (!capture) {
		char *word = match_shell_word(name);
		buf_printf(&b, "To add them: kith add %s", word);
		free(word);
	} else if (strchr(name, '"') == NULL) {
		buf_printf(&b, "To add a new person write @+\"%s\"", name);
	} else {
		char *m = capture_mention_format(name);
		buf_printf(&b, "To add a new person write @+%s", m + 1);
		free(m);
	}
	free(name);
	contact_refs_free(all, n);
	err_set(cause, "%s", buf_str(&b));
	buf_free(&b);
	return -1;
}

/* Resolves a name (as a mention holds it: no '@', quotes or dots) among
 * every contact: the exact full name, else a unique word prefix. */
static int match_name(struct store *st, const char *text, enum match_asker asker,
                      struct contact_ref *out, char **cause)
{
	struct contact_ref *v = NULL;
	size_t n = 0, total = 0;
	char *folded = utf8_fold(text);
	int rc = -1;
	memset(out, 0, sizeof *out);
	if (folded[0] == '\0') {
		free(folded);
		return err_set(cause, asker == MATCH_FOR_CAPTURE ? "no name given: write @name"
		                                                 : "no name given");
	}
	if (store_contact_find_exact(st, folded, MATCH_LIST + 1, &v, &n, cause) != 0)
		goto done;
	if (n == 1) {
		match_take(out, &v[0]);
		rc = 0;
		goto done;
	}
	if (n > 1) {
		rc = match_ambiguous(st, text, v, n, n, 1, asker, cause);
		goto done;
	}
	contact_refs_free(v, n);
	v = NULL;
	n = 0;

	struct strv words;
	strv_init(&words);
	strv_split(&words, folded, ' ');
	int frc = store_contact_find_words(st, words.v, words.n, MATCH_LIST + 1, &v, &n, &total,
	                                   cause);
	strv_free(&words);
	if (frc != 0)
		goto done;
	if (n == 1) {
		match_take(out, &v[0]);
		rc = 0;
	} else if (n > 1) {
		rc = match_ambiguous(st, text, v, n, total > n ? total : n, 0, asker, cause);
	} else {
		rc = match_unknown(st, text, folded, asker, cause);
	}
done:
	contact_refs_free(v, n);
	free(folded);
	return rc;
}

/* A name restricted by an id prefix (@"Ana Souza"#3f9c2a, Ana Souza#3f9c2a):
 * among the contacts whose id starts with prefix, the one the name names. */
static int match_name_id(struct store *st, const char *text, const char *prefix,
                         enum match_asker asker, struct contact_ref *out, char **cause)
{
	struct contact_ref *v = NULL;
	size_t n = 0, picked = 0;
	memset(out, 0, sizeof *out);
	if (store_contact_find_prefix(st, prefix, MATCH_PREFIX_SCAN, &v, &n, cause) != 0)
		return -1;
	char *folded = utf8_fold(text);
	enum match_result r = match_pick(folded, v, n, &picked);
	if (r == MATCH_NONE && n > 0) {
		/* a name holding what no line can: compare what a line can hold of it */
		struct contact_ref *typed = xcalloc(n, sizeof *typed);
		for (size_t i = 0; i < n; i++)
			typed[i].name = match_typeable(v[i].name);
		r = match_pick(folded, typed, n, &picked);
		contact_refs_free(typed, n);
	}
	int rc = -1;
	if (r == MATCH_ONE) {
		match_take(out, &v[picked]);
		rc = 0;
	} else if (r == MATCH_AMBIGUOUS) {
		rc = match_ambiguous(st, text, v, n, n, 0, asker, cause);
	} else {
		char *written = xasprintf("%s#%s", text, prefix);
		struct buf b;
		buf_init(&b);
		if (asker == MATCH_FOR_CAPTURE) {
			char *m = capture_mention_format(text);
			buf_printf(&b, "%s#%s", m, prefix);
			free(m);
		} else {
			match_shown(&b, written, asker);
		}
		free(written);
		buf_puts(&b, " names nobody: ");
		if (n == 0)
			buf_printf(&b, "no contact's id starts with %s", prefix);
		else if (n == 1)
			buf_printf(&b, "that id is %s's", v[0].name ? v[0].name : "");
		else
			buf_printf(&b, "of the %zu contacts whose id starts so, none is called that", n);
		err_set(cause, "%s", buf_str(&b));
		buf_free(&b);
	}
	free(folded);
	contact_refs_free(v, n);
	return rc;
}

int match_resolve_name(struct store *st, const char *text, const char *id_prefix,
                       struct contact_ref *out, char **cause)
{
	if (id_prefix != NULL)
		return match_name_id(st, text, id_prefix, MATCH_FOR_CAPTURE, out, cause);
	return match_name(st, text, MATCH_FOR_CAPTURE, out, cause);
}

/* A uuid or uuid prefix: 1 when no id starts so (try names), 0 found, -1 error. */
static int match_resolve_id(struct store *st, const char *low, struct contact_ref *out,
                            char **cause)
{
	struct contact_ref *v = NULL;
	size_t n = 0;
	if (store_contact_find_prefix(st, low, MATCH_PREFIX_LIST + 1, &v, &n, cause) != 0)
		return -1;
	int rc = 1;
	if (n == 1) {
		match_take(out, &v[0]);
		rc = 0;
	} else if (n > 1) {
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "id %s is ambiguous: ", low);
		for (size_t i = 0; i < n && i < MATCH_PREFIX_LIST; i++) {
			buf_printf(&b, "%s%.13s %s", i ? ", " : "", v[i].id,
			           v[i].name ? v[i].name : "");
		}
		if (n > MATCH_PREFIX_LIST)
			buf_puts(&b, ", …");
		buf_puts(&b, "; write more of the id");
		rc = err_set(cause, "%s", buf_str(&b));
		buf_free(&b);
	} else if (id_is_uuid(low)) {
		rc = err_set(cause, "no contact has the id %s", low);
	}
	contact_refs_free(v, n);
	return rc;
}

/* The exact full name as written ("J.R. Smith", "@home", "#1 fan"): 1 when
 * nobody has it, 0 found, -1 error (several have it, with the message). */
static int match_resolve_exact(struct store *st, const char *spec, struct contact_ref *out,
                               char **cause)
{
	char *folded = utf8_fold(spec);
	struct contact_ref *v = NULL;
	size_t n = 0;
	int rc = 1;
	if (folded[0] != '\0' &&
	    store_contact_find_exact(st, folded, MATCH_LIST + 1, &v, &n, cause) != 0)
		rc = -1;
	else if (n == 1) {
		match_take(out, &v[0]);
		rc = 0;
	} else if (n > 1) {
		rc = match_ambiguous(st, spec, v, n, n, 1, MATCH_FOR_ARG, cause);
	}
	free(folded);
	contact_refs_free(v, n);
	return rc;
}

/* The length of spec without a trailing "#PREFIX" (a '#' then an id
 * prefix of 6+ characters), or len when there is none; the prefix, lower
 * case, into *prefix (caller frees) when there is one. */
static size_t match_split_id(const char *spec, size_t len, char **prefix)
{
	*prefix = NULL;
	size_t i = len;
	while (i > 0 && spec[i - 1] != '#')
		i--;
	if (i == 0 || len - i < ID_PREFIX_MIN)
		return len;
	char *p = xstrndup(spec + i, len - i);
	for (char *q = p; *q != '\0'; q++)
		*q = (char)tolower((unsigned char)*q);
	if (!id_is_prefix(p)) {
		free(p);
		return len;
	}
	*prefix = p;
	return i - 1;
}

int match_resolve(struct store *st, const char *spec, struct contact_ref *out, char **cause)
{
	memset(out, 0, sizeof *out);
	while (*spec == ' ' || *spec == '\t')
		spec++;
	size_t len = strlen(spec);
	while (len > 0 && (spec[len - 1] == ' ' || spec[len - 1] == '\t'))
		len--;
	if (len == 0)
		return err_set(cause, "no contact given: write a name or an id");

	char *whole = xstrndup(spec, len);
	char *low = xstrdup(whole);
	for (char *p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	enum match_asker asker = MATCH_FOR_ARG;
	int rc = 1;
	if (id_is_prefix(low)) {
		asker = MATCH_FOR_IDLIKE;
		rc = match_resolve_id(st, low, out, cause);
	}
	free(low);
	if (rc == 1)
		rc = match_resolve_exact(st, whole, out, cause);
	free(whole);
	if (rc <= 0)
		return rc;

	/* a name as in a mention: @ana, ana.souza, @"Ana Souza", or plain words,
	 * maybe followed by #PREFIX of an id */
	char *prefix = NULL;
	len = match_split_id(spec, len, &prefix);
	const char *p = spec;
	if (len > 0 && *p == '@') {
		p++;
		len--;
	}
	char *text;
	if (len >= 1 && *p == '"') {
		if (len < 2 || p[len - 1] != '"') {
			free(prefix);
			return err_set(cause, "unterminated quote in %.*s", (int)len, p);
		}
		text = xstrndup(p + 1, len - 2);
	} else {
		text = xstrndup(p, len);
		for (char *q = text; *q != '\0'; q++)
			if (*q == '.')
				*q = ' ';
	}
	if (prefix != NULL && text[0] == '\0') {
		rc = match_resolve_id(st, prefix, out, cause);
		if (rc == 1)
			rc = err_set(cause, "no contact's id starts with %s", prefix);
	} else if (prefix != NULL) {
		rc = match_name_id(st, text, prefix, MATCH_FOR_ARG, out, cause);
	}
	else {
		rc = match_name(st, text, asker, out, cause);
	}
	free(prefix);
	free(text);
	return rc;
}
