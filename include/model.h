/* model.h: the journal's records (contact, interaction, follow-up) as plain
 * structs, their enums and names, and the alias table of interaction kinds
 * (DESIGN.md §3, §4). Pure; depends on buf.h and id.h. Structs own their
 * strings; the *_free functions release them, not the struct itself. */
#ifndef KITH_MODEL_H
#define KITH_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "id.h"

enum circle {
	CIRCLE_INNER,
	CIRCLE_CLOSE,
	CIRCLE_ACTIVE,
	CIRCLE_WIDE,
	CIRCLE_OUTER,
	CIRCLE_COUNT
};

enum contact_kind { CKIND_PERSONAL, CKIND_OPERATIONAL, CKIND_STRATEGIC, CKIND_COUNT };

enum ikind {
	IKIND_MEETING,
	IKIND_CALL,
	IKIND_MESSAGE,
	IKIND_EVENT,
	IKIND_SHARE,
	IKIND_INTRO,
	IKIND_ADVICE,
	IKIND_LEAD,
	IKIND_REFERRAL,
	IKIND_FAVOR,
	IKIND_GIFT,
	IKIND_NOTE,
	IKIND_COUNT,
	/* No kind: the service of an interaction that carries none. */
	IKIND_NONE = IKIND_COUNT
};

enum direction { DIR_NONE, DIR_GAVE, DIR_GOT, DIR_MUTUAL, DIR_COUNT };

enum field_kind { FIELD_EMAIL, FIELD_PHONE, FIELD_URL, FIELD_ADDRESS, FIELD_VCARD, FIELD_COUNT };

/* Names are lower-case English words ("inner", "operational", "referral",
 * "gave", "email"); parse functions accept exactly those and return -1 otherwise. */
const char *model_circle_name(enum circle c);
int model_circle_parse(const char *s, enum circle *out);
const char *model_ckind_name(enum contact_kind k);
int model_ckind_parse(const char *s, enum contact_kind *out);
const char *model_ikind_name(enum ikind k);
/* What follows the kind of a deep interaction (+deep) in timeline and show. */
#define MODEL_DEEP_MARK "*"
int model_ikind_parse(const char *s, enum ikind *out);
/* A capture alias ("coffee", "zoom", "favour"; case-insensitive ASCII) or a kind name. */
int model_ikind_from_alias(const char *word, enum ikind *out);
int model_ikind_is_service(enum ikind k);
/* The service an interaction of `kind` that carries `carried` stands for
 * (DESIGN.md §4): the kind itself when it is a service ("intro @bruno"),
 * else `carried` when that is a service and the kind is not a note (a note is
 * not contact, so it carries nothing), else IKIND_NONE. Any value of carried
 * that is not a service (IKIND_NONE, 0 of a zeroed struct) means none. */
enum ikind model_ikind_service(enum ikind kind, enum ikind carried);
const char *model_direction_name(enum direction d);
int model_direction_parse(const char *s, enum direction *out);
const char *model_field_name(enum field_kind k);
int model_field_parse(const char *s, enum field_kind *out);

/* Cached score inputs of one contact, kept by the store in the same transaction
 * as every write (DESIGN.md §3, §4). Sums are referred to time ref_at:
 * value at t = sum * 2^(-(t - ref_at)/H). */
struct score_cache {
	int64_t ref_at;    /* 0 when the contact has no interaction */
	double warm_sum;   /* Σ w·2^(−(ref_at−t)/H), H by the contact's family tag */
	double gave_sum;   /* services given, Hb half-life */
	double got_sum;    /* services received, Hb half-life */
	int64_t last_at;   /* latest non-note interaction, 0 when none */
	int64_t first_at;  /* earliest interaction of any kind, 0 when none */
	int64_t max_at;    /* latest interaction of any kind, 0 when none */
	int64_t n;         /* interactions */
	int64_t n_service; /* interactions that are services */
};

struct field {
	enum field_kind kind;
	char *type;  /* "work", "home,cell", "" ... ; for FIELD_VCARD the property name */
	char *value; /* for FIELD_VCARD the whole unfolded content line, verbatim */
};

struct contact {
	int64_t rowid;
	char id[ID_LEN + 1];
	char *name; /* never NULL once loaded */
	char *org, *role, *met, *notes, *birthday; /* "" when empty (never NULL) */
	enum circle circle;
	enum contact_kind kind;
	int cadence_days; /* -1: the circle's default; 0: none; else days */
	struct strv tags;
	struct field *fields;
	size_t nfields;
	int64_t created_at, updated_at;
	int64_t archived_at;   /* 0 when not archived */
	int64_t snoozed_until; /* 0 when not snoozed */
	struct score_cache sc;
};

/* A contact named in a list: id and display name. */
struct contact_ref {
	int64_t rowid;
	char id[ID_LEN + 1];
	char *name;
	char *org; /* may be "" */
};

struct interaction {
	int64_t rowid;
	char id[ID_LEN + 1];
	int64_t at; /* when it happened */
	enum ikind kind;
	/* The service this interaction carries besides its kind ("coffee ... +gave
	 * intro"), IKIND_NONE when none; always IKIND_NONE when the kind is itself a
	 * service or a note. Read it through model_interaction_service. */
	enum ikind service;
	enum direction dir;
	int deep;
	char *summary;
	struct strv tags;
	struct contact_ref *contacts;
	size_t ncontacts;
	int64_t created_at, updated_at;
};

struct followup {
	int64_t rowid;
	char id[ID_LEN + 1];
	int64_t contact_rowid;
	char contact_id[ID_LEN + 1];
	char *contact_name;
	int64_t due_at; /* local midnight of the due day */
	char *text;
	int64_t done_at;          /* 0 when open */
	int64_t interaction_rowid; /* 0 when none */
	int64_t created_at, updated_at;
};

/* Initialise to empty values: "" strings, circle outer, cadence -1. */
void contact_init(struct contact *c);
void contact_free(struct contact *c);
void contact_add_field(struct contact *c, enum field_kind k, const char *type, const char *value);
/* Removes (and frees) the fields for which drop(field, arg) is 1, keeping the
 * order of the others; returns how many it removed. */
size_t contact_drop_fields(struct contact *c, int (*drop)(const struct field *f, const void *arg),
                           const void *arg);
/* 1 when a and b hold the same details: the texts, circle, kind, cadence,
 * tags and fields (in order); ids, times and caches are not compared. */
int contact_same_details(const struct contact *a, const struct contact *b);
/* dst (not initialised) becomes a deep copy of src; dst's owner frees it. */
void contact_copy(struct contact *dst, const struct contact *src);
/* Merges `other` into `keep` field by field, losing nothing: other's tags and
 * the fields keep lacks (model_field_equal; the same value under another type
 * is not added again) are added; notes are joined unless keep's already hold
 * other's. With other_wins 0 (two records of one person: kith merge, a match
 * by e-mail or name) keep's empty name parts, org, role, met and birthday are
 * filled from other's, an unset cadence is taken and created_at is the
 * earlier one; with other_wins 1 (a newer copy of the same card, matched by
 * its UID) other's non-empty texts replace keep's. Returns 1 when keep
 * changed, 0 when other added nothing. */
int contact_merge(struct contact *keep, const struct contact *other, int other_wins);
void contact_ref_free(struct contact_ref *r);
void contact_refs_free(struct contact_ref *v, size_t n); /* frees v too */
void contacts_free(struct contact *v, size_t n);           /* frees v too */
/* The effective service of in: its kind when that is a service, else the
 * service it carries, else IKIND_NONE (model_ikind_service). Scores, the
 * balance, explanations and the review all ask this. */
enum ikind model_interaction_service(const struct interaction *in);
/* The name of that service ("intro"), NULL when none (static). */
const char *model_interaction_service_name(const struct interaction *in);
/* Appends the kind as timelines and previews show it: "meeting", then
 * MODEL_DEEP_MARK when deep is set, then for a service carried besides the
 * kind " · gave intro" (the direction word unless none, and the service):
 * "meeting · gave intro", "intro" for an intro itself. */
void model_kind_label(struct buf *out, enum ikind kind, enum ikind carried, enum direction dir,
                      int deep);
/* Empties *in: "" summary, no contacts, service IKIND_NONE. */
void interaction_init(struct interaction *in);
void interaction_free(struct interaction *in);
void interactions_free(struct interaction *v, size_t n); /* frees v too */
void interaction_add_contact(struct interaction *in, const struct contact_ref *r); /* copies */
void followup_free(struct followup *f);
void followups_free(struct followup *v, size_t n); /* frees v too */
/* Tags compare ignoring ASCII letter case ("Family" is the family tag), as
 * the store compares them (COLLATE NOCASE); a contact's tags are a set under
 * that comparison, each kept as first written. */
int model_tag_equal(const char *a, const char *b);
int contact_has_tag(const struct contact *c, const char *tag);
/* Adds tag unless the contact has it already; returns 1 when added. */
int contact_add_tag(struct contact *c, const char *tag);
/* Removes tag; returns how many were removed (0 when the contact lacks it). */
size_t contact_remove_tag(struct contact *c, const char *tag);
/* E-mail addresses compare ignoring ASCII case, other fields exactly. */
int model_field_equal(enum field_kind k, const char *a, const char *b);

#endif
