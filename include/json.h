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

#endif
