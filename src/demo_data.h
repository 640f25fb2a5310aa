/* demo_data.h: the word tables of the demo network (demo.c): names by culture
 * (demo_names.c), organisations, people's archetypes, event series, and text
 * templates (demo_data.c, demo_text.c). Static data only; depends on model.h. */
#ifndef KITH_DEMO_DATA_H
#define KITH_DEMO_DATA_H

#include <stddef.h>

#include "model.h"

/* A name part: as written, its Latin-script form (NULL when `text` is Latin
 * already) and a lower-case ASCII form for addresses. */
struct demo_name {
	const char *text;
	const char *latin;
	const char *ascii;
};

struct demo_culture {
	const char *code;
	int weight;        /* relative share of the network */
	int native_pct;    /* chance that a name is kept in its own script */
	int family_first;  /* in its own script the family name comes first */
	const char *sep;   /* between the parts in its own script */
	const char *phone; /* prefix of a mobile number */
	int phone_digits;  /* random digits after the prefix */
	const struct demo_name *given;
	size_t ngiven;
	const struct demo_name *family;
	size_t nfamily;
};

/* The cultures of the network; static storage. */
const struct demo_culture *demo_data_cultures(size_t *n);

enum demo_orgtype {
	DEMO_ORG_NONE,
	DEMO_ORG_EMPLOYER, /* where the journal's owner works */
	DEMO_ORG_COMPANY,
	DEMO_ORG_STARTUP,
	DEMO_ORG_UNIVERSITY,
	DEMO_ORG_AGENCY,
	DEMO_ORG_NONPROFIT,
	DEMO_ORG_FUND,
	DEMO_ORG_COUNT
};

struct demo_org {
	const char *name;
	const char *domain; /* for work addresses; under the reserved .example domain */
};

/* Organisations of a type (at least one for every type but NONE); static storage. */
const struct demo_org *demo_data_orgs(enum demo_orgtype t, size_t *n);

enum demo_evtype {
	DEMO_EV_CONFERENCE,
	DEMO_EV_MEETUP,
	DEMO_EV_FAIR,
	DEMO_EV_COMMUNITY,
	DEMO_EV_COUNT
};

struct demo_series {
	const char *name; /* "DevConf"; a conference's edition adds the year */
	const char *tag;  /* "devconf" */
	enum demo_evtype type;
	int weight;
};

const struct demo_series *demo_data_series(size_t *n);

/* Lists of strings. Templates may hold {placeholders} that demo.c fills:
 * {topic} {article} {city} {org} {org2} {role2} {name2} {event} {uni} {a} {b} {b_role}
 * {b_org}. */
enum demo_list {
	DEMO_L_TOPIC,
	DEMO_L_ARTICLE,
	DEMO_L_CITY,
	DEMO_L_ROLE_FAMILY,
	DEMO_L_ROLE_FRIEND,
	DEMO_L_ROLE_COLLEAGUE,
	DEMO_L_ROLE_FORMER,
	DEMO_L_ROLE_MANAGER,
	DEMO_L_ROLE_MENTOR,
	DEMO_L_ROLE_PROFESSOR,
	DEMO_L_ROLE_CLASSMATE,
	DEMO_L_ROLE_RECRUITER,
	DEMO_L_ROLE_HIRING,
	DEMO_L_ROLE_PEER,
	DEMO_L_ROLE_FOUNDER,
	DEMO_L_ROLE_INVESTOR,
	DEMO_L_ROLE_CLIENT,
	DEMO_L_ROLE_COMMUNITY,
	DEMO_L_ROLE_MENTEE,
	DEMO_L_MET_FAMILY,
	DEMO_L_MET_FRIEND,
	DEMO_L_MET_COLLEAGUE,
	DEMO_L_MET_FORMER,
	DEMO_L_MET_MANAGER,
	DEMO_L_MET_MENTOR,
	DEMO_L_MET_PROFESSOR,
	DEMO_L_MET_CLASSMATE,
	DEMO_L_MET_RECRUITER,
	DEMO_L_MET_HIRING,
	DEMO_L_MET_MEETUP,
	DEMO_L_MET_CONFERENCE,
	DEMO_L_MET_FOUNDER,
	DEMO_L_MET_INVESTOR,
	DEMO_L_MET_CLIENT,
	DEMO_L_MET_COMMUNITY,
	DEMO_L_MET_MENTEE,
	DEMO_L_MET_AT_EVENT, /* met at a given event: {event} */
	DEMO_L_MET_RECENT,   /* met in the last two weeks: {event} */
	DEMO_L_NOTES_PERSONAL,
	DEMO_L_NOTES_WORK,
	DEMO_L_S_MEETING,
	DEMO_L_S_CALL,
	DEMO_L_S_MESSAGE,
	DEMO_L_S_EVENT,
	DEMO_L_S_NOTE,
	DEMO_L_S_FAMILY,       /* meetings and calls with family */
	DEMO_L_S_DEEP,         /* deep meetings and calls */
	DEMO_L_S_FIRST,        /* the first contact after meeting at {event} */
	DEMO_L_S_NEW,          /* the one interaction with someone met last week */
	DEMO_L_S_LAST_DORMANT, /* the last time with someone who then drifted away */
	DEMO_L_S_SERVICE,      /* 7 services x 3 directions follow, see demo_data_service_list */
	DEMO_L_S_SERVICE_END = DEMO_L_S_SERVICE + 21,
	DEMO_L_S_CONFERENCE = DEMO_L_S_SERVICE_END,
	DEMO_L_S_MEETUP,
	DEMO_L_S_FAIR,
	DEMO_L_S_COMMUNITY,
	DEMO_L_S_INTRO_PAIR, /* I introduced {a} to {b} */
	DEMO_L_FOLLOWUP,
	DEMO_L_FOLLOWUP_OWE,
	DEMO_L_COUNT
};

/* The strings of a list (n >= 1); static storage. */
const char *const *demo_data_list(enum demo_list l, size_t *n);
/* The summary list of a service kind and a direction (gave, got or mutual). */
enum demo_list demo_data_service_list(enum ikind k, enum direction d);

enum demo_arch_id {
	DEMO_AR_FAMILY,
	DEMO_AR_FRIEND,
	DEMO_AR_COLLEAGUE,
	DEMO_AR_FORMER,
	DEMO_AR_MANAGER,
	DEMO_AR_MENTOR,
	DEMO_AR_PROFESSOR,
	DEMO_AR_CLASSMATE,
	DEMO_AR_RECRUITER,
	DEMO_AR_HIRING,
	DEMO_AR_MEETUP,
	DEMO_AR_CONFERENCE,
	DEMO_AR_FOUNDER,
	DEMO_AR_INVESTOR,
	DEMO_AR_CLIENT,
	DEMO_AR_COMMUNITY,
	DEMO_AR_MENTEE,
	DEMO_AR_COUNT
};

/* Who someone is to the journal's owner, and how they keep in touch. */
struct demo_arch {
	const char *label;
	enum demo_orgtype org;
	int ckind_pct[CKIND_COUNT]; /* personal, operational, strategic */
	enum demo_list roles, met;
	const char *tag;          /* a tag every such contact has; NULL for none */
	int cadence, cadence_pct; /* a cadence override (days) and its chance */
	int known_before;         /* known before the journal began */
	int event_pct;            /* chance of having been met at an event ... */
	unsigned events;          /* ... of these types (bits of 1 << enum demo_evtype) */
	int ikind_w[IKIND_COUNT]; /* the mix of their interactions */
	int got_pct, gave_pct;    /* direction of services; the rest is mutual */
	int email_pct, phone_pct;
};

const struct demo_arch *demo_data_arch(enum demo_arch_id a);

#endif
