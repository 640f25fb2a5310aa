/* review.h: the weekly review (DESIGN.md §4): from the journal's contacts,
 * scores, follow-ups and recent interactions at `now`, the sections a user
 * goes through once a week, each entry with why it is there, and the week's
 * counts. Pure: no SQLite, no clock, no printing. Depends on model.h, score.h. */
#ifndef KITH_REVIEW_H
#define KITH_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "score.h"

/* Limits of DESIGN.md §4. */
#define REVIEW_REACH_OUT_MAX 7
#define REVIEW_I_OWE_MAX 5
#define REVIEW_RECONNECT_MAX 1
/* Limits of this program where §4 gives none: a review is read in a minute;
 * the rest of a section is counted in review_list.more. */
#define REVIEW_GOING_COLD_MAX 10
#define REVIEW_MET_MAX 10
#define REVIEW_NEW_DAYS 14      /* met_no_followup: created or first met this recently */
#define REVIEW_BIRTHDAY_DAYS 7  /* birthdays today and in the next 6 days */
#define REVIEW_RECONNECT_WARMTH 0.3
#define REVIEW_WEEKS 12         /* weekly counts, the sparklines of the screen */

enum review_section {
	REVIEW_REACH_OUT,
	REVIEW_GOING_COLD,
	REVIEW_I_OWE,
	REVIEW_RECONNECT,
	REVIEW_FOLLOWUPS,
	REVIEW_MET_NO_FOLLOWUP,
	REVIEW_BIRTHDAYS,
	REVIEW_SECTION_COUNT
};

/* "reach_out", "going_cold", ... (the JSON keys of DESIGN.md §7; static). */
const char *review_section_key(enum review_section s);
/* "Reach out", "Going cold", "I owe", ... (a heading; static). */
const char *review_section_title(enum review_section s);

/* ---- input: what the store loads (store_review.h) ---- */

/* One contact of the journal (not archived) as the review sees it. */
struct review_person {
	const struct contact *c; /* not owned: id, rowid, name, circle, created_at,
	                            snoozed_until, birthday, tags, score cache */
	struct score score;      /* at now */
	/* The contact's interactions, newest first (as store_timeline gives them;
	 * each interaction's own contacts may be left out), loaded only when
	 * review_person_wants_timeline() says so; NULL, 0 otherwise. Not owned. */
	const struct interaction *timeline;
	size_t ntimeline;
};

/* 1 when the person may enter a section whose "why" or rule reads the
 * contact's interactions (reach_out, going_cold, i_owe, reconnect,
 * met_no_followup): the loader reads the timeline of those only. */
int review_person_wants_timeline(const struct contact *c, const struct score *s, int64_t now);

struct review_input {
	int64_t now;
	const struct score_params *params; /* not owned */
	const struct review_person *people;
	size_t npeople;
	/* Every follow-up, done ones too (met_no_followup asks whether a contact
	 * has any). Not owned. */
	const struct followup *followups;
	size_t nfollowups;
	/* The interactions of the REVIEW_WEEKS weeks that end with this one, not
	 * after now, any order. Not owned. */
	const struct interaction *recent;
	size_t nrecent;
};

/* ---- output ---- */

/* One row of a section: a contact, and for a follow-up the follow-up. */
struct review_entry {
	size_t person;             /* index into review_input.people */
	int64_t contact_rowid;
	char contact_id[ID_LEN + 1];
	struct score_brief score;
	char *why;                 /* "inner circle, 3 weeks since coffee"; owned */
	int64_t followup_rowid;    /* REVIEW_FOLLOWUPS: the follow-up; else 0 */
	char followup_id[ID_LEN + 1]; /* "" when none */
	size_t followup;           /* REVIEW_FOLLOWUPS: index into review_input.followups */
	int64_t when;              /* REVIEW_FOLLOWUPS: due day; REVIEW_BIRTHDAYS: the
	                              birthday's local midnight this time round; else 0 */
	int turns;                 /* REVIEW_BIRTHDAYS: the age reached, 0 when the year
	                              is unknown */
};

struct review_list {
	struct review_entry *v;
	size_t n;
	size_t more; /* entries that qualified but were left out by the limit */
};

/* The week's counts, and the same for each of the REVIEW_WEEKS weeks ending
 * with this one (index REVIEW_WEEKS - 1 is this week). Interactions count by
 * when they happened, not after now; gave and got count services (a mutual
 * one counts in both), the carried service of a meeting included. */
struct review_week {
	int64_t interactions;
	int64_t by_kind[IKIND_COUNT];
	int64_t gave, got, mutual;
	int64_t new_contacts; /* created this week */
	int64_t week_start[REVIEW_WEEKS];
	int64_t weekly_interactions[REVIEW_WEEKS];
	int64_t weekly_gave[REVIEW_WEEKS];
	int64_t weekly_got[REVIEW_WEEKS];
};

struct review {
	int64_t week_start; /* Monday 00:00 local of the ISO week containing now */
	int64_t week_end;   /* next Monday 00:00 local (exclusive) */
	struct review_list section[REVIEW_SECTION_COUNT];
	/* A short prompt from the domain for each section, or NULL: for an empty
	 * section where it helps, or a nudge over a full one (static strings
	 * from review_prompt()). */
	const char *prompt[REVIEW_SECTION_COUNT];
	const char *week_prompt; /* a nudge about the week's give-and-take, or NULL */
	struct review_week week;
};

/* Builds the review of in at in->now into *out (caller's storage; free with
 * review_free). Deterministic for a given input and now, whatever the order of
 * people, follow-ups and interactions. */
void review_build(struct review *out, const struct review_input *in);
void review_free(struct review *r);

/* The prompts, one table: review.c picks them, the CLI and the screen show
 * them (static strings; "" out of range). */
enum review_prompt_id {
	REVIEW_PROMPT_REACH_OUT_EMPTY,  /* nobody due */
	REVIEW_PROMPT_I_OWE_EMPTY,      /* give first: who can you help this week? */
	REVIEW_PROMPT_I_OWE,            /* you owe someone */
	REVIEW_PROMPT_RECONNECT,
	REVIEW_PROMPT_MET,              /* follow up with the people you met at an event */
	REVIEW_PROMPT_WEEK_QUIET,       /* nothing logged this week */
	REVIEW_PROMPT_WEEK_TAKING,      /* got more than gave this week */
	REVIEW_PROMPT_JOURNAL_EMPTY,
	REVIEW_PROMPT_COUNT
};
const char *review_prompt(enum review_prompt_id id);

/* The reconnect rotation: the index into n candidates (sorted by uuid) picked
 * for the week starting at week_start: the number of weeks since 1970-01-05
 * (a Monday), counted on the calendar, modulo n. 0 when n is 0. */
size_t review_rotation(int64_t week_start, size_t n);

/* Days until the next birthday from the local day of now (0: today) and the
 * age then (0 when the year is unknown), for "YYYY-MM-DD" or "--MM-DD"; -1
 * when the text is neither. A 29 February birthday falls on 28 February in a
 * year that has no 29th. */
int review_birthday_next(const char *birthday, int64_t now, int *turns, int64_t *day);

#endif
