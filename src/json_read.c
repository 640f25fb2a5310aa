/* json_read.c: a strict JSON reader (RFC 8259) into a tree of json_value,
 * bounded in depth, for the JSON Lines import. Pure; depends on buf.h and
 * utf8.h. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "json.h"
#include "utf8.h"

struct json_reader {
	const char *s;
	size_t len, at;
};

static int json_fail(const struct json_reader *r, char **cause, const char *what)
{
	if (r->at >= r->len)
		return err_set(cause, "at byte %zu: %s (the text ends)", r->at + 1, what);
	return err_set(cause, "at byte %zu: %s", r->at + 1, what);
}

static void json_skip_space(struct json_reader *r)
{
	while (r->at < r->len && (r->s[r->at] == ' ' || r->s[r->at] == '\t' ||
	                          r->s[r->at] == '\n' || r->s[r->at] == '\r'))
		r->at++;
}

static int json_hex4(struct json_reader *r, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++, r->at++) {
		if (r->at >= r->len)
			return -1;
		char c = r->s[r->at];
		int d = c >= '0' && c <= '9'   ? c - '0'
		        : c >= 'a' && c <= 'f' ? c - 'a' + 10
		        : c >= 'A' && c <= 'F' ? c - 'A' + 10
		                               : -1;
		if (d < 0)
			return -1;
		v = v * 16 + (uint32_t)d;
	}
	*out = v;
	return 0;
}

/* A \u escape (r->at after the 'u'), a surrogate pair taken whole. */
static int json_unicode(struct json_reader *r, struct buf *b, char **cause)
{
	uint32_t cp;
	if (json_hex4(r, &cp) != 0)
		return json_fail(r, cause, "a \\u escape needs four hex digits");
	if (cp >= 0xdc00 && cp <= 0xdfff)
		return json_fail(r, cause, "a lone low surrogate");
	if (cp >= 0xd800 && cp <= 0xdbff) {
		uint32_t lo;
		if (r->at + 1 >= r->len || r->s[r->at] != '\\' || r->s[r->at + 1] != 'u')
			return json_fail(r, cause, "a high surrogate without its low half");
		r->at += 2;
		if (json_hex4(r, &lo) != 0 || lo < 0xdc00 || lo > 0xdfff)
			return json_fail(r, cause, "a high surrogate without its low half");
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (cp == 0)
		return json_fail(r, cause, "a NUL character in a string");
	char enc[4];
	int n = utf8_encode(cp, enc);
	buf_add(b, enc, (size_t)n);
	return 0;
}

static int json_string_read(struct json_reader *r, char **out, char **cause)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "");
	r->at++; /* the opening quote */
	for (;;) {
		size_t run = r->at;
		while (run < r->len && r->s[run] != '"' && r->s[run] != '\\' &&
		       (unsigned char)r->s[run] >= 0x20)
			run++;
		if (!utf8_valid(r->s + r->at, run - r->at)) {
			buf_free(&b);
			return json_fail(r, cause, "a string that is not UTF-8");
		}
		buf_add(&b, r->s + r->at, run - r->at);
		r->at = run;
		if (r->at >= r->len) {
			buf_free(&b);
			return json_fail(r, cause, "a string without its closing quote");
		}
		char c = r->s[r->at];
		if (c == '"') {
			r->at++;
			break;
		}
		if (c != '\\') {
			buf_free(&b);
			return json_fail(r, cause, "a control character in a string");
		}
		r->at++;
		char e = r->at < r->len ? r->s[r->at] : '\0';
		static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
		const char *hit = e != '\0' ? strchr(from, e) : NULL;
		if (hit != NULL) {
			buf_putc(&b, to[hit - from]);
			r->at++;
		} else if (e == 'u') {
			r->at++;
			if (json_unicode(r, &b, cause) != 0) {
				buf_free(&b);
				return -1;
			}
		} else {
			buf_free(&b);
			return json_fail(r, cause, "an unknown escape in a string");
		}
	}
	*out = buf_detach(&b);
	return 0;
}

static int json_number_read(struct json_reader *r, struct json_value *v, char **cause)
{
	size_t start = r->at, p = r->at;
	int integral = 1;
	if (p < r->len && r->s[p] == '-')
		p++;
	if (p < r->len && r->s[p] == '0') {
		p++;
	} else if (p < r->len && r->s[p] >= '1' && r->s[p] <= '9') {
		while (p < r->len && r->s[p] >= '0' && r->s[p] <= '9')
			p++;
	} else {
		r->at = p;
		return json_fail(r, cause, "a bad number");
	}
	if (p < r->len && r->s[p] == '.') {
		integral = 0;
		if (++p >= r->len || r->s[p] < '0' || r->s[p] > '9') {
			r->at = p;
			return json_fail(r, cause, "a bad number");
		}
		while (p < r->len && r->s[p] >= '0' && r->s[p] <= '9')
			p++;
	}
	if (p < r->len && (r->s[p] == 'e' || r->s[p] == 'E')) {
		integral = 0;
		p++;
		if (p < r->len && (r->s[p] == '+' || r->s[p] == '-'))
			p++;
		if (p >= r->len || r->s[p] < '0' || r->s[p] > '9') {
			r->at = p;
			return json_fail(r, cause, "a bad number");
		}
		while (p < r->len && r->s[p] >= '0' && r->s[p] <= '9')
			p++;
	}
	if (p - start > 64) {
		r->at = start;
		return json_fail(r, cause, "a number too long");
	}
	char tmp[72];
	memcpy(tmp, r->s + start, p - start);
	tmp[p - start] = '\0';
	v->type = JSON_NUMBER;
	v->number = strtod(tmp, NULL);
	if (integral) {
		errno = 0;
		long long ll = strtoll(tmp, NULL, 10);
		v->is_int = errno == 0;
		v->integer = ll;
	}
	if (!isfinite(v->number)) {
		r->at = start;
		return json_fail(r, cause, "a number out of range");
	}
	r->at = p;
	return 0;
}

static int json_literal(struct json_reader *r, const char *word)
{
	size_t n = strlen(word);
	if (r->len - r->at < n || memcmp(r->s + r->at, word, n) != 0)
		return -1;
	r->at += n;
	return 0;
}

static int json_value_read(struct json_reader *r, struct json_value *v, int depth, char **cause);

/* The items of an array or the members of an object (r->at on the opener). */
static int json_container_read(struct json_reader *r, struct json_value *v, int depth,
                               char **cause)
{
	int object = r->s[r->at] == '{';
	char close = object ? '}' : ']';
	size_t cap = 0;
	v->type = object ? JSON_OBJECT : JSON_ARRAY;
	if (depth >= JSON_MAX_DEPTH)
		return json_fail(r, cause, "nested too deep");
	r->at++;
	json_skip_space(r);
	if (r->at < r->len && r->s[r->at] == close) {
		r->at++;
		return 0;
	}
	for (;;) {
		if (v->n == cap) {
			cap = cap ? cap * 2 : 4;
			v->items = xreallocarray(v->items, cap, sizeof *v->items);
			if (object)
				v->keys = xreallocarray(v->keys, cap, sizeof *v->keys);
		}
		if (object) {
			json_skip_space(r);
			if (r->at >= r->len || r->s[r->at] != '"')
				return json_fail(r, cause, "an object key must be a string");
			if (json_string_read(r, &v->keys[v->n], cause) != 0)
				return -1;
			json_skip_space(r);
			if (r->at >= r->len || r->s[r->at] != ':') {
				free(v->keys[v->n]);
				return json_fail(r, cause, "a ':' after an object key");
			}
			r->at++;
		}
		memset(&v->items[v->n], 0, sizeof v->items[v->n]);
		if (json_value_read(r, &v->items[v->n], depth + 1, cause) != 0) {
			json_value_free(&v->items[v->n]);
			if (object)
				free(v->keys[v->n]);
			return -1;
		}
		v->n++;
		json_skip_space(r);
		if (r->at < r->len && r->s[r->at] == ',') {
			r->at++;
			continue;
		}
		if (r->at < r->len && r->s[r->at] == close) {
			r->at++;
			return 0;
		}
		return json_fail(r, cause, object ? "a ',' or '}' in an object"
		                                  : "a ',' or ']' in an array");
	}
}

static int json_value_read(struct json_reader *r, struct json_value *v, int depth, char **cause)
{
	json_skip_space(r);
	if (r->at >= r->len)
		return json_fail(r, cause, "a value is missing");
	char c = r->s[r->at];
	if (c == '{' || c == '[')
		return json_container_read(r, v, depth, cause);
	if (c == '"') {
		v->type = JSON_STRING;
		return json_string_read(r, &v->string, cause);
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return json_number_read(r, v, cause);
	if (json_literal(r, "true") == 0 || json_literal(r, "false") == 0) {
		v->type = JSON_BOOL;
		v->boolean = c == 't';
		return 0;
	}
	if (json_literal(r, "null") == 0) {
		v->type = JSON_NULL;
		return 0;
	}
	return json_fail(r, cause, "not a JSON value");
}

int json_parse(const char *s, size_t len, struct json_value *out, char **cause)
{
	struct json_reader r = {s, len, 0};
	memset(out, 0, sizeof *out);
	int rc = json_value_read(&r, out, 0, cause);
	if (rc == 0) {
		json_skip_space(&r);
		if (r.at != r.len)
			rc = json_fail(&r, cause, "text after the value");
	}
	if (rc != 0) {
		json_value_free(out);
		memset(out, 0, sizeof *out);
	}
	return rc;
}

void json_value_free(struct json_value *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->n; i++) {
		json_value_free(&v->items[i]);
		if (v->keys != NULL)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->string);
	memset(v, 0, sizeof *v);
}

const struct json_value *json_get(const struct json_value *v, const char *key)
{
	if (v == NULL || v->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->keys[i], key) == 0)
			return &v->items[i];
	return NULL;
}
