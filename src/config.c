/* config.c: the configuration file, lines of `key = value`, parsed into the
 * scoring parameters (score.h) and the theme name. Pure parsing, one file read
 * and the environment for the default path; depends on score.h, model.h, buf.h. */

/*
 * The keys (DESIGN.md §4 gives the defaults):
 *
 *   half_life = DAYS           warmth half-life H (90); 1 to 36500
 *   half_life_family = DAYS    H for contacts tagged family_tag (270); 1 to 36500
 *   half_life_balance = DAYS   give-and-take half-life Hb (365); 1 to 36500
 *   deep_factor = X            a deep interaction weighs X times as much (1.5); 1 to 10
 *   weight.KIND = W            weight of a kind (meeting 3, call 2, message 1, event 2,
 *                              share 0.5, intro 3, advice 2, lead 4, referral 4, favor 3,
 *                              gift 2); 0 to 100; weight.note only 0 (a note is not contact)
 *   cadence.CIRCLE = DAYS      default cadence of a circle (inner 7, close 30, active 180,
 *                              wide 365, outer none); whole days 1 to 36500, or 0 or none
 *   layer.CIRCLE = L           Dunbar layer size, importance sqrt(5/L) (inner 5, close 15,
 *                              active 50, wide 150, outer 500); whole number 1 to 1000000
 *   owe_min = X                "I owe" needs R-G >= X (1.5); more than 0, up to 1000
 *   owe_balance = X            ... and balance <= X (-1/3); -1 to 0
 *   warmth_k = K               warmth = W/(W+K) (5); more than 0, up to 1000
 *   owed_k = K                 owed = d/(d+K) (3); more than 0, up to 1000
 *   dormant_days = DAYS        dormant after this many days without contact (1095); 1 to 36500
 *   family_tag = TAG           the tag that selects half_life_family ("family"); up to 31
 *                              bytes, no space, '#' or ','
 *   theme = NAME               colour theme ("default"); up to 63 of A-Z a-z 0-9 . _ -,
 *                              not starting with '.'
 *   bind KEY ACTION            a key of the full-screen program: not parsed here (such
 *                              lines are skipped), keymap.c reads them
 *
 * Numbers are decimal ("90", "1.5", "-0.25", "1e3") or a fraction of two ("-1/3").
 * A '#' starts a comment that runs to the end of the line; blank lines are
 * ignored; a string value may be written in double quotes; spaces around the
 * key and the value do not count; when a key is repeated the last line wins.
 * Any error names the file and line: "config:3: weight.coffee: unknown kind ...".
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

#define CONFIG_MAX_BYTES (1024 * 1024)

/* A plain numeric key of struct score_params. */
struct config_number {
	const char *key;
	size_t offset;
	int is_int;   /* an int field taking whole numbers; else a double */
	int min_open; /* the value must be greater than min, not equal */
	double min, max;
	const char *unit; /* for messages: "days", "" */
};

static const struct config_number config_numbers[] = {
	{"half_life", offsetof(struct score_params, half_life), 0, 0, 1, 36500, " days"},
	{"half_life_family", offsetof(struct score_params, half_life_family), 0, 0, 1, 36500,
         " days"},
	{"half_life_balance", offsetof(struct score_params, half_life_balance), 0, 0, 1, 36500,
         " days"},
	{"deep_factor", offsetof(struct score_params, deep_factor), 0, 0, 1, 10, ""},
	{"owe_min", offsetof(struct score_params, owe_min), 0, 1, 0, 1000, ""},
	{"owe_balance", offsetof(struct score_params, owe_balance), 0, 0, -1, 0, ""},
	{"warmth_k", offsetof(struct score_params, warmth_k), 0, 1, 0, 1000, ""},
	{"owed_k", offsetof(struct score_params, owed_k), 0, 1, 0, 1000, ""},
	{"dormant_days", offsetof(struct score_params, dormant_days), 1, 0, 1, 36500, " days"},
};

#define CONFIG_WEIGHT_MAX 100.0
#define CONFIG_CADENCE_MAX 36500
#define CONFIG_LAYER_MAX 1000000

void config_default(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	score_params_default(&cfg->score);
	strcpy(cfg->theme, "default");
}

char *config_default_path(void)
{
	const char *v = getenv("KITH_CONFIG");
	if (v != NULL && *v != '\0')
		return xstrdup(v);
	/* The XDG base directory spec ignores relative paths. */
	v = getenv("XDG_CONFIG_HOME");
	if (v != NULL && v[0] == '/')
		return xasprintf("%s/kith/config", v);
	v = getenv("HOME");
	if (v != NULL && *v != '\0')
		return xasprintf("%s/.config/kith/config", v);
	return NULL;
}

/* One line being parsed: where it is, for messages. */
struct config_line {
	const char *file;
	int lineno;
	const char *key;
};

static int config_fail(const struct config_line *ln, char **cause, const char *what)
{
	if (ln->key != NULL)
		return err_set(cause, "%s:%d: %s: %s", ln->file, ln->lineno, ln->key, what);
	return err_set(cause, "%s:%d: %s", ln->file, ln->lineno, what);
}

/* A decimal number: [+-]digits[.digits][e[+-]digits], or a fraction a/b of two. */
static int config_scan_decimal(const char *s, const char **end, double *out)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	int digits = 0;
	while (isdigit((unsigned char)*p)) {
		p++;
		digits++;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			p++;
			digits++;
		}
	}
	if (digits == 0)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	char *text = xstrndup(s, (size_t)(p - s));
	errno = 0;
	double v = strtod(text, NULL);
	int bad = errno == ERANGE || !isfinite(v);
	free(text);
	if (bad)
		return -1;
	*end = p;
	*out = v;
	return 0;
}

static int config_parse_number(const char *s, double *out)
{
	const char *p;
	double v;
	if (config_scan_decimal(s, &p, &v) != 0)
		return -1;
	if (*p == '/') {
		double d;
		const char *q;
		if (config_scan_decimal(p + 1, &q, &d) != 0 || d == 0.0 || *q != '\0')
			return -1;
		v /= d;
		if (!isfinite(v))
			return -1;
		p = q;
	}
	if (*p != '\0')
		return -1;
	*out = v;
	return 0;
}

/* A whole number within [min, max]; messages name the key. */
static int config_get_int(const struct config_line *ln, const char *val, int min, int max,
                          const char *unit, int *out, char **cause)
{
	double v;
	if (config_parse_number(val, &v) != 0 || v != floor(v) || strchr(val, '/') != NULL) {
		char *m = xasprintf("'%s' is not a whole number", val);
		config_fail(ln, cause, m);
		free(m);
		return -1;
	}
	if (v < min || v > max) {
		char *m = xasprintf("%s is out of range (%d to %d%s)", val, min, max, unit);
		config_fail(ln, cause, m);
		free(m);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int config_get_double(const struct config_line *ln, const char *val, double min,
                             int min_open, double max, const char *unit, double *out, char **cause)
{
	double v;
	if (config_parse_number(val, &v) != 0) {
		char *m = xasprintf("'%s' is not a number", val);
		config_fail(ln, cause, m);
		free(m);
		return -1;
	}
	if (v < min || (min_open && v == min) || v > max) {
		char *m;
		if (min_open)
			m = xasprintf("%s is out of range (more than %g, up to %g%s)", val, min,
			              max, unit);
		else
			m = xasprintf("%s is out of range (%g to %g%s)", val, min, max, unit);
		config_fail(ln, cause, m);
		free(m);
		return -1;
	}
	*out = v == 0.0 ? 0.0 : v;
	return 0;
}

static int config_unknown_name(const struct config_line *ln, const char *what, const char *name,
                               const char *(*name_of)(int), int count, char **cause)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "unknown %s '%s' (%ss: ", what, name, what);
	for (int i = 0; i < count; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", name_of(i));
	buf_puts(&b, ")");
	config_fail(ln, cause, buf_str(&b));
	buf_free(&b);
	return -1;
}

static const char *config_ikind_name(int i)
{
	return model_ikind_name((enum ikind)i);
}

static const char *config_circle_name(int i)
{
	return model_circle_name((enum circle)i);
}

static int config_set_weight(struct score_params *p, const struct config_line *ln, const char *kind,
                             const char *val, char **cause)
{
	enum ikind k;
	if (model_ikind_parse(kind, &k) != 0)
		return config_unknown_name(ln, "kind", kind, config_ikind_name, IKIND_COUNT, cause);
	double w;
	if (config_get_double(ln, val, 0, 0, CONFIG_WEIGHT_MAX, "", &w, cause) != 0)
		return -1;
	if (k == IKIND_NOTE && w != 0.0)
		return config_fail(ln, cause, "a note is not contact: its weight can only be 0");
	p->weight[k] = w;
	return 0;
}

static int config_set_circle(struct score_params *p, const struct config_line *ln, int is_cadence,
                             const char *circle, const char *val, char **cause)
{
	enum circle c;
	if (model_circle_parse(circle, &c) != 0)
		return config_unknown_name(ln, "circle", circle, config_circle_name, CIRCLE_COUNT,
		                           cause);
	if (is_cadence) {
		if (strcmp(val, "none") == 0) {
			p->cadence[c] = 0;
			return 0;
		}
		return config_get_int(ln, val, 0, CONFIG_CADENCE_MAX, " days, 0 or none for none",
		                      &p->cadence[c], cause);
	}
	return config_get_int(ln, val, 1, CONFIG_LAYER_MAX, "", &p->layer[c], cause);
}

/* A string value: optional double quotes around it, then a length and a
 * character set. `path_safe` keeps it a plain file name. */
static int config_set_string(const struct config_line *ln, const char *val, char *dst, size_t size,
                             int path_safe, char **cause)
{
	size_t len = strlen(val);
	if (len >= 2 && val[0] == '"' && val[len - 1] == '"') {
		val++;
		len -= 2;
	}
	if (len == 0)
		return config_fail(ln, cause, "missing value");
	if (len >= size) {
		char *m = xasprintf("too long (at most %zu bytes)", size - 1);
		config_fail(ln, cause, m);
		free(m);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)val[i];
		int ok = path_safe ? (isalnum(ch) || ch == '.' || ch == '_' || ch == '-')
		                   : (ch > ' ' && ch != 0x7f && ch != '"' && ch != ',');
		if (!ok || (path_safe && i == 0 && ch == '.')) {
			const char *rule = path_safe ? "only letters, digits, '.', '_' and '-', "
			                               "not starting with '.'"
			                             : "no space, quote or comma";
			char *m = xasprintf("'%.*s': %s", (int)len, val, rule);
			config_fail(ln, cause, m);
			free(m);
			return -1;
		}
	}
	memcpy(dst, val, len);
	dst[len] = '\0';
	return 0;
}

static int config_set(struct config *cfg, const struct config_line *ln, const char *key,
                      const char *val, char **cause)
{
	struct score_params *p = &cfg->score;
	for (size_t i = 0; i < sizeof config_numbers / sizeof config_numbers[0]; i++) {
		const struct config_number *n = &config_numbers[i];
		if (strcmp(key, n->key) != 0)
			continue;
		char *field = (char *)p + n->offset;
		if (n->is_int)
			return config_get_int(ln, val, (int)n->min, (int)n->max, n->unit,
			                      (int *)field, cause);
		return config_get_double(ln, val, n->min, n->min_open, n->max, n->unit,
		                         (double *)field, cause);
	}
	if (strncmp(key, "weight.", 7) == 0)
		return config_set_weight(p, ln, key + 7, val, cause);
	if (strncmp(key, "cadence.", 8) == 0)
		return config_set_circle(p, ln, 1, key + 8, val, cause);
	if (strncmp(key, "layer.", 6) == 0)
		return config_set_circle(p, ln, 0, key + 6, val, cause);
	if (strcmp(key, "family_tag") == 0)
		return config_set_string(ln, val, p->family_tag, sizeof p->family_tag, 0, cause);
	if (strcmp(key, "theme") == 0)
		return config_set_string(ln, val, cfg->theme, sizeof cfg->theme, 1, cause);
	struct config_line bare = *ln;
	bare.key = NULL;
	char *m = xasprintf("unknown key '%s'", key);
	config_fail(&bare, cause, m);
	free(m);
	return -1;
}

/* Trims ASCII space at both ends of s in place; returns the new start. */
static char *config_trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int config_parse_line(struct config *cfg, struct config_line *ln, char *line, char **cause)
{
	char *hash = strchr(line, '#');
	if (hash != NULL)
		*hash = '\0';
	char *s = config_trim(line);
	if (*s == '\0')
		return 0;
	/* `bind KEY ACTION` lines are the keymap's (keymap.c reads them) */
	if (strncmp(s, "bind", 4) == 0 && (s[4] == ' ' || s[4] == '\t' || s[4] == '\0'))
		return 0;
	char *eq = strchr(s, '=');
	if (eq == NULL) {
		char *m = xasprintf("missing '=' in '%s' (lines are: key = value)", s);
		config_fail(ln, cause, m);
		free(m);
		return -1;
	}
	*eq = '\0';
	char *key = config_trim(s);
	char *val = config_trim(eq + 1);
	if (*key == '\0')
		return config_fail(ln, cause, "missing key before '='");
	ln->key = key;
	if (*val == '\0')
		return config_fail(ln, cause, "missing value");
	return config_set(cfg, ln, key, val, cause);
}

int config_parse(struct config *cfg, const char *name, const char *text, char **cause)
{
	struct config next = *cfg;
	char *copy = xstrdup(text);
	char *line = copy;
	/* A UTF-8 byte order mark is not part of the first key. */
	if (strncmp(line, "\xef\xbb\xbf", 3) == 0)
		line += 3;
	struct config_line ln = {name, 0, NULL};
	int rc = 0;
	while (line != NULL) {
		char *nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		ln.lineno++;
		ln.key = NULL;
		if (config_parse_line(&next, &ln, line, cause) != 0) {
			rc = -1;
			break;
		}
		line = nl != NULL ? nl + 1 : NULL;
	}
	free(copy);
	if (rc == 0)
		*cfg = next;
	return rc;
}

int config_read_file(const char *path, int optional, char **text, char **cause)
{
	*text = NULL;
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		if (errno == ENOENT && optional)
			return 0;
		return err_set(cause, "%s: %s", path, strerror(errno));
	}
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	size_t got;
	int rc = 0;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + got > CONFIG_MAX_BYTES) {
			rc = err_set(cause, "%s: larger than %d bytes", path, CONFIG_MAX_BYTES);
			break;
		}
		buf_add(&b, chunk, got);
	}
	if (rc == 0 && ferror(f))
		rc = err_set(cause, "%s: %s", path, strerror(errno));
	fclose(f);
	if (rc == 0 && strlen(buf_str(&b)) != b.len)
		rc = err_set(cause, "%s: contains a NUL byte", path);
	if (rc == 0)
		*text = b.len ? buf_detach(&b) : xstrdup("");
	buf_free(&b);
	return rc;
}

int config_load(struct config *cfg, const char *path, int optional, char **cause)
{
	char *text = NULL;
	int rc = config_read_file(path, optional, &text, cause);
	if (rc == 0 && text != NULL)
		rc = config_parse(cfg, path, text, cause);
	free(text);
	return rc;
}
