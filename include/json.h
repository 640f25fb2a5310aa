/* json.h: a small JSON writer into a struct buf, indented two spaces, with
 * strings escaped so that no control character survives. Pure; depends on buf.h. */
#ifndef KITH_JSON_H
#define KITH_JSON_H

#include <stdint.h>

#include "buf.h"

struct json {
	struct buf *out; /* not owned */
	int pretty;      /* 1: newlines and indentation; 0: one line */
	int depth;       /* open containers, unbounded */
	int items;       /* items written in the innermost open container */
	int after_key;
};

void json_init(struct json *j, struct buf *out, int pretty);
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s); /* NULL writes null */
void json_int(struct json *j, int64_t v);
void json_double(struct json *j, double v);      /* non-finite writes null */
void json_bool(struct json *j, int v);
void json_null(struct json *j);
/* Time as ISO 8601 local with offset; 0 writes null. */
void json_time(struct json *j, int64_t t);
/* A member of the current object: the key, then the value as above. */
void json_member_string(struct json *j, const char *key, const char *s);
void json_member_int(struct json *j, const char *key, int64_t v);
void json_member_double(struct json *j, const char *key, double v);
void json_member_bool(struct json *j, const char *key, int v);
void json_member_time(struct json *j, const char *key, int64_t t);
/* Appends s as a quoted JSON string. */
void json_escape(struct buf *out, const char *s);

/* ---- reading (json_read.c): one JSON text into a tree ---- */

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

/* A parsed value. Strings are UTF-8 without NUL bytes; a number keeps its
 * integer value when it is one that fits in 64 bits (is_int). An object's
 * members are keys[i] with items[i]. The tree owns everything below it. */
struct json_value {
	enum json_type type;
	int boolean;
	int is_int;
	int64_t integer;
	double number;
	char *string;
	struct json_value *items;
	char **keys;
	size_t n;
};

/* Parses the len bytes of s (one value, spaces around it allowed; nesting
 * at most JSON_MAX_DEPTH deep) into *out, which the caller frees with
 * json_value_free. -1 with *cause ("at byte 12: ...") on bad input; out then
 * holds nothing. */
#define JSON_MAX_DEPTH 32
int json_parse(const char *s, size_t len, struct json_value *out, char **cause);
void json_value_free(struct json_value *v);
/* The member `key` of object v, or NULL (also when v is not an object). */
const struct json_value *json_get(const struct json_value *v, const char *key);

#endif
