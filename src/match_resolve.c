/* match_resolve.c: resolving a mention or a CONTACT argument against the
 * journal (uuid, uuid prefix, exact name, unique word prefix), with the
 * messages for ambiguous and unknown names. Depends on match.h, capture.h,
 * id.h, utf8.h and store.h (its public functions only). */
#include "match.h"

#include <ctype.h>
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

/* "Ana Souza (Acme)", with the id's first 8 characters when with_id is set. */
static void match_describe(struct buf *b, const struct contact_ref *r, int with_id)
{
	int org = r->org != NULL && r->org[0] != '\0';
	buf_puts(b, r->name ? r->name : "");
	if (org || with_id)
		buf_printf(b, " (%s%s%.*s)", org ? r->org : "", org && with_id ? ", " : "",
		           with_id ? 8 : 0, r->id);
}

static void match_take(struct contact_ref *out, struct contact_ref *from)
{
	*out = *from;
	from->name = NULL;
	from->org = NULL;
}

static int match_ambiguous(const char *text, const struct contact_ref *v, size_t n, size_t total,
                           int same_name, char **cause)
{
	struct buf b;
	buf_init(&b);
	char *shown = capture_mention_format(text);
	buf_printf(&b, "%s is ambiguous: ", shown);
	free(shown);
	for (size_t i = 0; i < n && i < MATCH_LIST; i++) {
		if (i > 0)
			buf_puts(&b, ", ");
		match_describe(&b, &v[i], same_name);
	}
	size_t listed = n < MATCH_LIST ? n : MATCH_LIST;
	if (total > listed)
		buf_printf(&b, ", …and %zu more", total - listed);
	if (same_name)
		buf_puts(&b, "; several contacts have this name: use an id (6+ characters) or "
		             "rename one");
	else
		buf_puts(&b, "; write more of the name or @\"Full Name\"");
	err_set(cause, "%s", buf_str(&b));
	buf_free(&b);
	return -1;
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

/* Who asks: a capture line, a CONTACT argument, or one that also looked
 * like an id prefix. */
enum match_asker { MATCH_FOR_CAPTURE, MATCH_FOR_ARG, MATCH_FOR_IDLIKE };

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
		char *safe = capture_mention_format(name);
		buf_printf(&b, "To add them: kith add %s", safe + 1);
		free(safe);
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
		return err_set(cause, "no name given: write @name");
	}
	if (store_contact_find_exact(st, folded, MATCH_LIST + 1, &v, &n, cause) != 0)
		goto done;
	if (n == 1) {
		match_take(out, &v[0]);
		rc = 0;
		goto done;
	}
	if (n > 1) {
		rc = match_ambiguous(text, v, n, n, 1, cause);
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
		rc = match_ambiguous(text, v, n, total > n ? total : n, 0, cause);
	} else {
		rc = match_unknown(st, text, folded, asker, cause);
	}
done:
	contact_refs_free(v, n);
	free(folded);
	return rc;
}

int match_resolve_name(struct store *st, const char *text, struct contact_ref *out, char **cause)
{
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

int match_resolve(struct store *st, const char *spec, struct contact_ref *out, char **cause)
{
	memset(out, 0, sizeof *out);
	while (*spec == ' ' || *spec == '\t')
		spec++;
	size_t len = strlen(spec);
	while (len > 0 && (spec[len - 1] == ' ' || spec[len - 1] == '\t'))
		len--;
	if (len == 0)
		return err_set(cause, "no contact given: write a name, @name or an id");

	char *low = xstrndup(spec, len);
	for (char *p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	enum match_asker asker = MATCH_FOR_ARG;
	if (id_is_prefix(low)) {
		asker = MATCH_FOR_IDLIKE;
		int rc = match_resolve_id(st, low, out, cause);
		if (rc <= 0) {
			free(low);
			return rc;
		}
	}
	free(low);

	/* a name as in a mention: @ana, ana.souza, @"Ana Souza", or plain words */
	const char *p = spec;
	if (*p == '@') {
		p++;
		len--;
	}
	char *text;
	if (len >= 1 && *p == '"') {
		if (len < 2 || p[len - 1] != '"')
			return err_set(cause, "unterminated quote in %.*s", (int)len, p);
		text = xstrndup(p + 1, len - 2);
	} else {
		text = xstrndup(p, len);
		for (char *q = text; *q != '\0'; q++)
			if (*q == '.')
				*q = ' ';
	}
	int rc = match_name(st, text, asker, out, cause);
	free(text);
	return rc;
}
