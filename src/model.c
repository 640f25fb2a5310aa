/* model.c: names of the journal's enums, the capture aliases of interaction
 * kinds, and the constructors and destructors of the record structs.
 * Pure; depends on buf.h. */
#include "model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const model_circles[CIRCLE_COUNT] = {"inner", "close", "active", "wide",
                                                        "outer"};
static const char *const model_ckinds[CKIND_COUNT] = {"personal", "operational", "strategic"};
static const char *const model_ikinds[IKIND_COUNT] = {
	"meeting", "call",     "message", "event", "share", "intro",
	"advice",  "lead",     "referral", "favor", "gift",  "note"};
static const char *const model_dirs[DIR_COUNT] = {"none", "gave", "got", "mutual"};
static const char *const model_fields[FIELD_COUNT] = {"email", "phone", "url", "address",
                                                      "vcard"};

/* DESIGN.md §4: the words the capture grammar takes for each kind. */
static const struct {
	const char *alias;
	enum ikind kind;
} model_aliases[] = {
	{"meet", IKIND_MEETING},      {"met", IKIND_MEETING},         {"meeting", IKIND_MEETING},
	{"coffee", IKIND_MEETING},    {"lunch", IKIND_MEETING},       {"dinner", IKIND_MEETING},
	{"breakfast", IKIND_MEETING}, {"drinks", IKIND_MEETING},      {"visit", IKIND_MEETING},
	{"call", IKIND_CALL},         {"called", IKIND_CALL},         {"phone", IKIND_CALL},
	{"video", IKIND_CALL},        {"zoom", IKIND_CALL},           {"message", IKIND_MESSAGE},
	{"msg", IKIND_MESSAGE},       {"email", IKIND_MESSAGE},       {"emailed", IKIND_MESSAGE},
	{"text", IKIND_MESSAGE},      {"texted", IKIND_MESSAGE},      {"chat", IKIND_MESSAGE},
	{"dm", IKIND_MESSAGE},        {"wrote", IKIND_MESSAGE},       {"event", IKIND_EVENT},
	{"conference", IKIND_EVENT},  {"fair", IKIND_EVENT},          {"meetup", IKIND_EVENT},
	{"share", IKIND_SHARE},       {"shared", IKIND_SHARE},        {"article", IKIND_SHARE},
	{"link", IKIND_SHARE},        {"intro", IKIND_INTRO},         {"introduced", IKIND_INTRO},
	{"introduction", IKIND_INTRO}, {"advice", IKIND_ADVICE},      {"advised", IKIND_ADVICE},
	{"mentored", IKIND_ADVICE},   {"mentoring", IKIND_ADVICE},    {"lead", IKIND_LEAD},
	{"joblead", IKIND_LEAD},      {"referral", IKIND_REFERRAL},   {"referred", IKIND_REFERRAL},
	{"favor", IKIND_FAVOR},       {"favour", IKIND_FAVOR},        {"helped", IKIND_FAVOR},
	{"gift", IKIND_GIFT},         {"note", IKIND_NOTE},
};

static int model_lookup(const char *const *names, int count, const char *s)
{
	for (int i = 0; i < count; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *model_circle_name(enum circle c)
{
	return (unsigned)c < CIRCLE_COUNT ? model_circles[c] : "?";
}

int model_circle_parse(const char *s, enum circle *out)
{
	int i = model_lookup(model_circles, CIRCLE_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum circle)i;
	return 0;
}

const char *model_ckind_name(enum contact_kind k)
{
	return (unsigned)k < CKIND_COUNT ? model_ckinds[k] : "?";
}

int model_ckind_parse(const char *s, enum contact_kind *out)
{
	int i = model_lookup(model_ckinds, CKIND_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum contact_kind)i;
	return 0;
}

const char *model_ikind_name(enum ikind k)
{
	return (unsigned)k < IKIND_COUNT ? model_ikinds[k] : "?";
}

int model_ikind_parse(const char *s, enum ikind *out)
{
	int i = model_lookup(model_ikinds, IKIND_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum ikind)i;
	return 0;
}

int model_ikind_from_alias(const char *word, enum ikind *out)
{
	char low[16];
	size_t n = strlen(word);
	if (n == 0 || n >= sizeof low)
		return -1;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)word[i]);
	for (size_t i = 0; i < sizeof model_aliases / sizeof model_aliases[0]; i++) {
		if (strcmp(model_aliases[i].alias, low) == 0) {
			*out = model_aliases[i].kind;
			return 0;
		}
	}
	return model_ikind_parse(low, out);
}

int model_ikind_is_service(enum ikind k)
{
	return k == IKIND_SHARE || k == IKIND_INTRO || k == IKIND_ADVICE || k == IKIND_LEAD ||
	       k == IKIND_REFERRAL || k == IKIND_FAVOR || k == IKIND_GIFT;
}

enum ikind model_ikind_service(enum ikind kind, enum ikind carried)
{
	if (model_ikind_is_service(kind))
		return kind;
	if (kind != IKIND_NOTE && (unsigned)kind < IKIND_COUNT && model_ikind_is_service(carried))
		return carried;
	return IKIND_NONE;
}

enum ikind model_interaction_service(const struct interaction *in)
{
	return model_ikind_service(in->kind, in->service);
}

const char *model_interaction_service_name(const struct interaction *in)
{
	enum ikind sv = model_interaction_service(in);
	return sv == IKIND_NONE ? NULL : model_ikind_name(sv);
}

void model_kind_label(struct buf *out, enum ikind kind, enum ikind carried, enum direction dir,
                      int deep)
{
	buf_puts(out, model_ikind_name(kind));
	if (deep)
		buf_puts(out, MODEL_DEEP_MARK);
	enum ikind sv = model_ikind_service(kind, carried);
	if (sv == IKIND_NONE || sv == kind)
		return;
	buf_puts(out, " \u00b7 ");
	if (dir != DIR_NONE && (unsigned)dir < DIR_COUNT)
		buf_printf(out, "%s ", model_direction_name(dir));
	buf_puts(out, model_ikind_name(sv));
}

const char *model_direction_name(enum direction d)
{
	return (unsigned)d < DIR_COUNT ? model_dirs[d] : "?";
}

int model_direction_parse(const char *s, enum direction *out)
{
	int i = model_lookup(model_dirs, DIR_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum direction)i;
	return 0;
}

const char *model_field_name(enum field_kind k)
{
	return (unsigned)k < FIELD_COUNT ? model_fields[k] : "?";
}

int model_field_parse(const char *s, enum field_kind *out)
{
	int i = model_lookup(model_fields, FIELD_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum field_kind)i;
	return 0;
}

void contact_init(struct contact *c)
{
	memset(c, 0, sizeof *c);
	c->name = xstrdup("");
	c->org = xstrdup("");
	c->role = xstrdup("");
	c->met = xstrdup("");
	c->notes = xstrdup("");
	c->birthday = xstrdup("");
	c->circle = CIRCLE_OUTER;
	c->kind = CKIND_PERSONAL;
	c->cadence_days = -1;
	strv_init(&c->tags);
}

void contact_free(struct contact *c)
{
	free(c->name);
	free(c->org);
	free(c->role);
	free(c->met);
	free(c->notes);
	free(c->birthday);
	strv_free(&c->tags);
	for (size_t i = 0; i < c->nfields; i++) {
		free(c->fields[i].type);
		free(c->fields[i].value);
	}
	free(c->fields);
	memset(c, 0, sizeof *c);
}

size_t contact_drop_fields(struct contact *c, int (*drop)(const struct field *f, const void *arg),
                           const void *arg)
{
	size_t j = 0, n = c->nfields;
	for (size_t i = 0; i < n; i++) {
		if (drop(&c->fields[i], arg)) {
			free(c->fields[i].type);
			free(c->fields[i].value);
		} else {
			c->fields[j++] = c->fields[i];
		}
	}
	c->nfields = j;
	return n - j;
}

void contact_add_field(struct contact *c, enum field_kind k, const char *type, const char *value)
{
	c->fields = xreallocarray(c->fields, c->nfields + 1, sizeof *c->fields);
	c->fields[c->nfields].kind = k;
	c->fields[c->nfields].type = xstrdup(type ? type : "");
	c->fields[c->nfields].value = xstrdup(value);
	c->nfields++;
}

/* Equal but for the case of ASCII letters (never the locale's idea of case). */
static int model_ascii_caseeq(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		x = x >= 'A' && x <= 'Z' ? (unsigned char)(x + 32) : x;
		y = y >= 'A' && y <= 'Z' ? (unsigned char)(y + 32) : y;
		if (x != y)
			return 0;
		if (x == '\0')
			return 1;
	}
}

int model_tag_equal(const char *a, const char *b)
{
	return model_ascii_caseeq(a, b);
}

int model_field_equal(enum field_kind k, const char *a, const char *b)
{
	return k == FIELD_EMAIL ? model_ascii_caseeq(a, b) : strcmp(a, b) == 0;
}

int contact_has_tag(const struct contact *c, const char *tag)
{
	for (size_t i = 0; i < c->tags.n; i++)
		if (model_tag_equal(c->tags.v[i], tag))
			return 1;
	return 0;
}

int contact_add_tag(struct contact *c, const char *tag)
{
	if (contact_has_tag(c, tag))
		return 0;
	strv_push(&c->tags, tag);
	return 1;
}

size_t contact_remove_tag(struct contact *c, const char *tag)
{
	size_t j = 0, removed = 0;
	for (size_t i = 0; i < c->tags.n; i++) {
		if (model_tag_equal(c->tags.v[i], tag)) {
			free(c->tags.v[i]);
			removed++;
		} else {
			c->tags.v[j++] = c->tags.v[i];
		}
	}
	c->tags.n = j;
	return removed;
}

int contact_same_details(const struct contact *a, const struct contact *b)
{
	const char *const sa[] = {a->name, a->org, a->role, a->met, a->notes, a->birthday};
	const char *const sb[] = {b->name, b->org, b->role, b->met, b->notes, b->birthday};
	for (size_t i = 0; i < sizeof sa / sizeof sa[0]; i++)
		if (strcmp(sa[i] ? sa[i] : "", sb[i] ? sb[i] : "") != 0)
			return 0;
	if (a->circle != b->circle || a->kind != b->kind || a->cadence_days != b->cadence_days ||
	    a->tags.n != b->tags.n || a->nfields != b->nfields)
		return 0;
	for (size_t i = 0; i < a->tags.n; i++)
		if (strcmp(a->tags.v[i], b->tags.v[i]) != 0)
			return 0;
	for (size_t i = 0; i < a->nfields; i++)
		if (a->fields[i].kind != b->fields[i].kind ||
		    strcmp(a->fields[i].type, b->fields[i].type) != 0 ||
		    strcmp(a->fields[i].value, b->fields[i].value) != 0)
			return 0;
	return 1;
}

void contact_copy(struct contact *dst, const struct contact *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name ? src->name : "");
	dst->org = xstrdup(src->org ? src->org : "");
	dst->role = xstrdup(src->role ? src->role : "");
	dst->met = xstrdup(src->met ? src->met : "");
	dst->notes = xstrdup(src->notes ? src->notes : "");
	dst->birthday = xstrdup(src->birthday ? src->birthday : "");
	strv_copy(&dst->tags, &src->tags);
	dst->fields = NULL;
	dst->nfields = 0;
	for (size_t i = 0; i < src->nfields; i++)
		contact_add_field(dst, src->fields[i].kind, src->fields[i].type, src->fields[i].value);
}

static int model_has_field(const struct contact *c, const struct field *f)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (c->fields[i].kind == f->kind && model_field_equal(f->kind, c->fields[i].value, f->value))
			return 1;
	return 0;
}

/* Puts src into *dst when it should: dst empty, or other_wins and src says
 * something else. Returns 1 when *dst changed. */
static int model_merge_text(char **dst, const char *src, int other_wins)
{
	if (src == NULL || src[0] == '\0' || strcmp(*dst, src) == 0)
		return 0;
	if ((*dst)[0] != '\0' && !other_wins)
		return 0;
	free(*dst);
	*dst = xstrdup(src);
	return 1;
}

/* 1 when the notes `have` hold `part` as whole lines. */
static int model_notes_hold(const char *have, const char *part)
{
	size_t n = strlen(part);
	for (const char *p = have; (p = strstr(p, part)) != NULL; p++)
		if ((p == have || p[-1] == '\n') && (p[n] == '\0' || p[n] == '\n'))
			return 1;
	return 0;
}

int contact_merge(struct contact *keep, const struct contact *other, int other_wins)
{
	int changed = 0;
	for (size_t i = 0; i < other->tags.n; i++)
		changed |= contact_add_tag(keep, other->tags.v[i]);
	for (size_t i = 0; i < other->nfields; i++) {
		if (!model_has_field(keep, &other->fields[i])) {
			contact_add_field(keep, other->fields[i].kind, other->fields[i].type,
			                  other->fields[i].value);
			changed = 1;
		}
	}
	changed |= model_merge_text(&keep->name, other->name, other_wins);
	changed |= model_merge_text(&keep->org, other->org, other_wins);
	changed |= model_merge_text(&keep->role, other->role, other_wins);
	changed |= model_merge_text(&keep->met, other->met, other_wins);
	changed |= model_merge_text(&keep->birthday, other->birthday, other_wins);
	if (other->notes[0] != '\0' && !model_notes_hold(keep->notes, other->notes)) {
		char *joined = keep->notes[0] != '\0' ? xasprintf("%s\n%s", keep->notes, other->notes)
		                                      : xstrdup(other->notes);
		free(keep->notes);
		keep->notes = joined;
		changed = 1;
	}
	if (!other_wins) {
		if (keep->cadence_days < 0 && other->cadence_days >= 0) {
			keep->cadence_days = other->cadence_days;
			changed = 1;
		}
		if (other->created_at > 0 && other->created_at < keep->created_at)
			keep->created_at = other->created_at;
	}
	return changed;
}

void contact_ref_free(struct contact_ref *r)
{
	free(r->name);
	free(r->org);
	r->name = NULL;
	r->org = NULL;
}

void contact_refs_free(struct contact_ref *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		contact_ref_free(&v[i]);
	free(v);
}

void contacts_free(struct contact *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		contact_free(&v[i]);
	free(v);
}

void interaction_init(struct interaction *in)
{
	memset(in, 0, sizeof *in);
	in->summary = xstrdup("");
	in->service = IKIND_NONE;
	strv_init(&in->tags);
}

void interaction_free(struct interaction *in)
{
	free(in->summary);
	strv_free(&in->tags);
	contact_refs_free(in->contacts, in->ncontacts);
	memset(in, 0, sizeof *in);
}

void interactions_free(struct interaction *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		interaction_free(&v[i]);
	free(v);
}

void interaction_add_contact(struct interaction *in, const struct contact_ref *r)
{
	in->contacts = xreallocarray(in->contacts, in->ncontacts + 1, sizeof *in->contacts);
	struct contact_ref *d = &in->contacts[in->ncontacts++];
	d->rowid = r->rowid;
	memcpy(d->id, r->id, sizeof d->id);
	d->name = xstrdup(r->name ? r->name : "");
	d->org = xstrdup(r->org ? r->org : "");
}

void followup_free(struct followup *f)
{
	free(f->contact_name);
	free(f->text);
	memset(f, 0, sizeof *f);
}

void followups_free(struct followup *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		followup_free(&v[i]);
	free(v);
}
