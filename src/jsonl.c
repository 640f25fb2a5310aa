/* jsonl.c: kith's JSON Lines records, written and read one line at a time
 * (DESIGN.md §8). Pure; depends on model.h, json.h and utf8.h. */
#include "jsonl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "err.h"
#include "json.h"
#include "utf8.h"

/* ---- writing ---- */

static void jsonl_begin(struct json *j, struct buf *b, const char *type)
{
	json_init(j, b, 0);
	json_object_begin(j);
	json_member_string(j, "type", type);
}

static void jsonl_end(struct json *j, struct buf *b)
{
	json_object_end(j);
	buf_putc(b, '\n');
}

/* A time member; 0 (none) is null. */
static void jsonl_member_when(struct json *j, const char *key, int64_t t)
{
	json_key(j, key);
	if (t == 0)
		json_null(j);
	else
		json_int(j, t);
}

static void jsonl_member_strv(struct json *j, const char *key, const struct strv *sv)
{
	json_key(j, key);
	json_array_begin(j);
	for (size_t i = 0; i < sv->n; i++)
		json_string(j, sv->v[i]);
	json_array_end(j);
}

void jsonl_write_header(struct buf *b)
{
	struct json j;
	jsonl_begin(&j, b, "kith");
	json_member_int(&j, "version", JSONL_VERSION);
	jsonl_end(&j, b);
}

void jsonl_write_contact(struct buf *b, const struct contact *c)
{
	struct json j;
	jsonl_begin(&j, b, "contact");
	json_member_string(&j, "id", c->id);
	json_member_string(&j, "name", c->name);
	json_member_string(&j, "org", c->org);
	json_member_string(&j, "role", c->role);
	json_member_string(&j, "circle", model_circle_name(c->circle));
	json_member_string(&j, "kind", model_ckind_name(c->kind));
	json_key(&j, "cadence_days");
	if (c->cadence_days < 0)
		json_null(&j);
	else
		json_int(&j, c->cadence_days);
	json_member_string(&j, "met", c->met);
	json_member_string(&j, "birthday", c->birthday);
	json_member_string(&j, "notes", c->notes);
	jsonl_member_strv(&j, "tags", &c->tags);
	json_key(&j, "fields");
	json_array_begin(&j);
	for (size_t i = 0; i < c->nfields; i++) {
		json_object_begin(&j);
		json_member_string(&j, "kind", model_field_name(c->fields[i].kind));
		json_member_string(&j, "type", c->fields[i].type);
		json_member_string(&j, "value", c->fields[i].value);
		json_object_end(&j);
	}
	json_array_end(&j);
	jsonl_member_when(&j, "archived_at", c->archived_at);
	jsonl_member_when(&j, "snoozed_until", c->snoozed_until);
	json_member_int(&j, "created_at", c->created_at);
	json_member_int(&j, "updated_at", c->updated_at);
	jsonl_end(&j, b);
}

void jsonl_write_interaction(struct buf *b, const struct interaction *in)
{
	struct json j;
	jsonl_begin(&j, b, "interaction");
	json_member_string(&j, "id", in->id);
	json_member_int(&j, "at", in->at);
	json_member_string(&j, "kind", model_ikind_name(in->kind));
	json_member_string(&j, "direction", model_direction_name(in->dir));
	json_member_bool(&j, "deep", in->deep);
	json_member_string(&j, "summary", in->summary);
	jsonl_member_strv(&j, "tags", &in->tags);
	json_key(&j, "contacts");
	json_array_begin(&j);
	for (size_t i = 0; i < in->ncontacts; i++)
		json_string(&j, in->contacts[i].id);
	json_array_end(&j);
	json_member_int(&j, "created_at", in->created_at);
	json_member_int(&j, "updated_at", in->updated_at);
	jsonl_end(&j, b);
}

void jsonl_write_followup(struct buf *b, const struct followup *f, const char *interaction_id)
{
	struct json j;
	jsonl_begin(&j, b, "followup");
	json_member_string(&j, "id", f->id);
	json_member_string(&j, "contact", f->contact_id);
	json_key(&j, "interaction");
	if (interaction_id == NULL || interaction_id[0] == '\0')
		json_null(&j);
	else
		json_string(&j, interaction_id);
	json_member_int(&j, "due_at", f->due_at);
	json_member_string(&j, "text", f->text);
	jsonl_member_when(&j, "done_at", f->done_at);
	json_member_int(&j, "created_at", f->created_at);
	json_member_int(&j, "updated_at", f->updated_at);
	jsonl_end(&j, b);
}

void jsonl_write_tombstone(struct buf *b, const char *uuid, const char *kind, int64_t deleted_at)
{
	struct json j;
	jsonl_begin(&j, b, "tombstone");
	json_member_string(&j, "id", uuid);
	json_member_string(&j, "kind", kind);
	json_member_int(&j, "deleted_at", deleted_at);
	jsonl_end(&j, b);
}

/* ---- reading ---- */

/* The member key of obj as the kind wanted; -1 with *cause naming it. */
static const struct json_value *jsonl_member(const struct json_value *obj, const char *key,
                                             enum json_type type, int nullable, char **cause)
{
	const struct json_value *v = json_get(obj, key);
	static const char *const names[] = {"null", "true or false", "a number", "a string",
	                                    "an array", "an object"};
	if (v != NULL && (v->type == type || (nullable && v->type == JSON_NULL)))
		return v;
	if (v == NULL)
		err_set(cause, "\"%s\" is missing", key);
	else
		err_set(cause, "\"%s\" must be %s%s", key, names[type], nullable ? " or null" : "");
	return NULL;
}

static int jsonl_text(const struct json_value *obj, const char *key, char **out, char **cause)
{
	const struct json_value *v = jsonl_member(obj, key, JSON_STRING, 0, cause);
	if (v == NULL)
		return -1;
	free(*out);
	*out = xstrdup(v->string);
	return 0;
}

/* An integer member; null (when nullable) reads as `none`. */
static int jsonl_int(const struct json_value *obj, const char *key, int nullable, int64_t none,
                     int64_t *out, char **cause)
{
	const struct json_value *v = jsonl_member(obj, key, JSON_NUMBER, nullable, cause);
	if (v == NULL)
		return -1;
	if (v->type == JSON_NULL) {
		*out = none;
		return 0;
	}
	if (!v->is_int)
		return err_set(cause, "\"%s\" must be a whole number", key);
	*out = v->integer;
	return 0;
}

static int jsonl_uuid(const struct json_value *obj, const char *key, int nullable,
                      char out[ID_LEN + 1], char **cause)
{
	const struct json_value *v = jsonl_member(obj, key, JSON_STRING, nullable, cause);
	if (v == NULL)
		return -1;
	out[0] = '\0';
	if (v->type == JSON_NULL)
		return 0;
	if (!id_is_uuid(v->string))
		return err_set(cause, "\"%s\" is not a uuid", key);
	for (size_t i = 0; i <= ID_LEN; i++)
		out[i] = (char)(v->string[i] >= 'A' && v->string[i] <= 'F' ? v->string[i] + 32
		                                                            : v->string[i]);
	return 0;
}

/* A name of an enum: parse returns 0 when s is one. */
static int jsonl_enum(const struct json_value *obj, const char *key,
                      int (*parse)(const char *s, void *out), void *out, char **cause)
{
	const struct json_value *v = jsonl_member(obj, key, JSON_STRING, 0, cause);
	if (v == NULL)
		return -1;
	if (parse(v->string, out) != 0)
		return err_set(cause, "\"%s\" cannot be \"%s\"", key, v->string);
	return 0;
}

static int jsonl_parse_circle(const char *s, void *out)
{
	return model_circle_parse(s, out);
}

static int jsonl_parse_ckind(const char *s, void *out)
{
	return model_ckind_parse(s, out);
}

static int jsonl_parse_ikind(const char *s, void *out)
{
	return model_ikind_parse(s, out);
}

static int jsonl_parse_direction(const char *s, void *out)
{
	return model_direction_parse(s, out);
}

static int jsonl_parse_field(const char *s, void *out)
{
	return model_field_parse(s, out);
}

/* An array of non-empty strings, sorted and unique. */
static int jsonl_tags(const struct json_value *obj, const char *key, struct strv *sv, char **cause)
{
	const struct json_value *v = jsonl_member(obj, key, JSON_ARRAY, 0, cause);
	if (v == NULL)
		return -1;
	for (size_t i = 0; i < v->n; i++) {
		if (v->items[i].type != JSON_STRING || v->items[i].string[0] == '\0')
			return err_set(cause, "\"%s\" must hold non-empty strings", key);
		strv_push(sv, v->items[i].string);
	}
	strv_sort_unique(sv);
	return 0;
}

static int jsonl_times(const struct json_value *obj, int64_t *created, int64_t *updated,
                       char **cause)
{
	if (jsonl_int(obj, "created_at", 0, 0, created, cause) != 0 ||
	    jsonl_int(obj, "updated_at", 0, 0, updated, cause) != 0)
		return -1;
	if (*created <= 0 || *updated <= 0)
		return err_set(cause, "times must be after 1970");
	return 0;
}

static int jsonl_fields(const struct json_value *obj, struct contact *c, char **cause)
{
	const struct json_value *v = jsonl_member(obj, "fields", JSON_ARRAY, 0, cause);
	if (v == NULL)
		return -1;
	for (size_t i = 0; i < v->n; i++) {
		const struct json_value *f = &v->items[i];
		enum field_kind k;
		char *type = NULL, *value = NULL;
		int rc = f->type != JSON_OBJECT
		                 ? err_set(cause, "\"fields\" must hold objects")
		         : jsonl_enum(f, "kind", jsonl_parse_field, &k, cause) != 0 ||
		                         jsonl_text(f, "type", &type, cause) != 0 ||
		                         jsonl_text(f, "value", &value, cause) != 0
		                 ? -1
		                 : 0;
		if (rc == 0)
			contact_add_field(c, k, type, value);
		free(type);
		free(value);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int jsonl_contact(const struct json_value *obj, struct contact *c, char **cause)
{
	int64_t cadence;
	if (jsonl_uuid(obj, "id", 0, c->id, cause) != 0 || jsonl_text(obj, "name", &c->name, cause) != 0 ||
	    jsonl_text(obj, "org", &c->org, cause) != 0 || jsonl_text(obj, "role", &c->role, cause) != 0 ||
	    jsonl_enum(obj, "circle", jsonl_parse_circle, &c->circle, cause) != 0 ||
	    jsonl_enum(obj, "kind", jsonl_parse_ckind, &c->kind, cause) != 0 ||
	    jsonl_int(obj, "cadence_days", 1, -1, &cadence, cause) != 0 ||
	    jsonl_text(obj, "met", &c->met, cause) != 0 ||
	    jsonl_text(obj, "birthday", &c->birthday, cause) != 0 ||
	    jsonl_text(obj, "notes", &c->notes, cause) != 0 || jsonl_tags(obj, "tags", &c->tags, cause) != 0 ||
	    jsonl_fields(obj, c, cause) != 0 ||
	    jsonl_int(obj, "archived_at", 1, 0, &c->archived_at, cause) != 0 ||
	    jsonl_int(obj, "snoozed_until", 1, 0, &c->snoozed_until, cause) != 0 ||
	    jsonl_times(obj, &c->created_at, &c->updated_at, cause) != 0)
		return -1;
	if (cadence < -1 || cadence > 36500)
		return err_set(cause, "\"cadence_days\" out of range");
	c->cadence_days = (int)cadence;
	if (c->name[strspn(c->name, " \t")] == '\0')
		return err_set(cause, "a contact needs a name");
	return 0;
}

static int jsonl_interaction(const struct json_value *obj, struct interaction *in, char **cause)
{
	const struct json_value *deep = jsonl_member(obj, "deep", JSON_BOOL, 0, cause);
	if (jsonl_uuid(obj, "id", 0, in->id, cause) != 0 || jsonl_int(obj, "at", 0, 0, &in->at, cause) != 0 ||
	    jsonl_enum(obj, "kind", jsonl_parse_ikind, &in->kind, cause) != 0 ||
	    jsonl_enum(obj, "direction", jsonl_parse_direction, &in->dir, cause) != 0 ||
	    deep == NULL || jsonl_text(obj, "summary", &in->summary, cause) != 0 ||
	    jsonl_tags(obj, "tags", &in->tags, cause) != 0 ||
	    jsonl_times(obj, &in->created_at, &in->updated_at, cause) != 0)
		return -1;
	in->deep = deep->boolean;
	const struct json_value *who = jsonl_member(obj, "contacts", JSON_ARRAY, 0, cause);
	if (who == NULL)
		return -1;
	if (who->n == 0)
		return err_set(cause, "an interaction needs a contact");
	for (size_t i = 0; i < who->n; i++) {
		if (who->items[i].type != JSON_STRING || !id_is_uuid(who->items[i].string))
			return err_set(cause, "\"contacts\" must hold uuids");
		struct contact_ref r = {0, {0}, NULL, NULL};
		memcpy(r.id, who->items[i].string, ID_LEN);
		interaction_add_contact(in, &r);
	}
	return 0;
}

static int jsonl_followup(const struct json_value *obj, struct jsonl_record *r, char **cause)
{
	struct followup *f = &r->followup;
	if (jsonl_uuid(obj, "id", 0, f->id, cause) != 0 ||
	    jsonl_uuid(obj, "contact", 0, f->contact_id, cause) != 0 ||
	    jsonl_uuid(obj, "interaction", 1, r->interaction_id, cause) != 0 ||
	    jsonl_int(obj, "due_at", 0, 0, &f->due_at, cause) != 0 ||
	    jsonl_text(obj, "text", &f->text, cause) != 0 ||
	    jsonl_int(obj, "done_at", 1, 0, &f->done_at, cause) != 0 ||
	    jsonl_times(obj, &f->created_at, &f->updated_at, cause) != 0)
		return -1;
	return 0;
}

static int jsonl_tombstone(const struct json_value *obj, struct jsonl_record *r, char **cause)
{
	const struct json_value *kind = jsonl_member(obj, "kind", JSON_STRING, 0, cause);
	if (jsonl_uuid(obj, "id", 0, r->tomb_id, cause) != 0 || kind == NULL ||
	    jsonl_int(obj, "deleted_at", 0, 0, &r->deleted_at, cause) != 0)
		return -1;
	if (strcmp(kind->string, "contact") != 0 && strcmp(kind->string, "interaction") != 0 &&
	    strcmp(kind->string, "followup") != 0)
		return err_set(cause, "\"kind\" cannot be \"%s\"", kind->string);
	strcpy(r->tomb_kind, kind->string);
	if (r->deleted_at <= 0)
		return err_set(cause, "times must be after 1970");
	return 0;
}

int jsonl_parse(const char *line, size_t len, struct jsonl_record *out, char **cause)
{
	memset(out, 0, sizeof *out);
	contact_init(&out->contact);
	interaction_init(&out->interaction);
	out->followup.text = xstrdup("");
	struct json_value v;
	if (json_parse(line, len, &v, cause) != 0)
		return -1;
	const struct json_value *type = jsonl_member(&v, "type", JSON_STRING, 0, cause);
	int rc = -1;
	int64_t version;
	if (v.type != JSON_OBJECT) {
		err_set(cause, "a record must be a JSON object");
	} else if (type == NULL) {
		/* cause set */
	} else if (strcmp(type->string, "kith") == 0) {
		out->type = JSONL_HEADER;
		rc = jsonl_int(&v, "version", 0, 0, &version, cause);
		out->version = version > 0 && version < 1000000 ? (int)version : 0;
		if (rc == 0 && out->version == 0)
			rc = err_set(cause, "a bad version");
	} else if (strcmp(type->string, "contact") == 0) {
		out->type = JSONL_CONTACT;
		rc = jsonl_contact(&v, &out->contact, cause);
	} else if (strcmp(type->string, "interaction") == 0) {
		out->type = JSONL_INTERACTION;
		rc = jsonl_interaction(&v, &out->interaction, cause);
	} else if (strcmp(type->string, "followup") == 0) {
		out->type = JSONL_FOLLOWUP;
		rc = jsonl_followup(&v, out, cause);
	} else if (strcmp(type->string, "tombstone") == 0) {
		out->type = JSONL_TOMBSTONE;
		rc = jsonl_tombstone(&v, out, cause);
	} else {
		out->type = JSONL_UNKNOWN;
		rc = 0;
	}
	json_value_free(&v);
	return rc;
}

void jsonl_record_free(struct jsonl_record *r)
{
	contact_free(&r->contact);
	interaction_free(&r->interaction);
	followup_free(&r->followup);
}

void jsonl_reader_init(struct jsonl_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
}

int jsonl_reader_next(struct jsonl_reader *r, char **cause)
{
	r->len = 0;
	r->complete = 0;
	errno = 0;
	ssize_t n = getline(&r->line, &r->cap, r->f);
	if (n < 0) {
		if (ferror(r->f))
			return err_set(cause, "cannot read line %ld: %s", r->lineno + 1,
			               strerror(errno ? errno : EIO));
		return 0;
	}
	r->len = (size_t)n;
	if (r->len > 0 && r->line[r->len - 1] == '\n') {
		r->complete = 1;
		r->line[--r->len] = '\0';
	}
	r->lineno++;
	return 1;
}

void jsonl_reader_free(struct jsonl_reader *r)
{
	free(r->line);
	memset(r, 0, sizeof *r);
}
