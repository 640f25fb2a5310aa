/* review.c: the weekly review of DESIGN.md §4 from loaded contacts, scores,
 * follow-ups and recent interactions: sections, why each row is there, the
 * week's counts, and the prompts drawn from the domain. Pure; depends on
 * model.h, score.h, date.h, buf.h. */
#include "review.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "err.h"

static const char *const review_keys[REVIEW_SECTION_COUNT] = {
	"reach_out", "going_cold", "i_owe", "reconnect", "followups", "met_no_followup", "birthdays",
};
static const char *const review_titles[REVIEW_SECTION_COUNT] = {
	"Reach out", "Going cold", "I owe", "Reconnect", "Follow-ups", "Met, no follow-up",
	"Birthdays",
};

const char *review_section_key(enum review_section s)
{
	return (unsigned)s < REVIEW_SECTION_COUNT ? review_keys[s] : "";
}

const char *review_section_title(enum review_section s)
{
	return (unsigned)s < REVIEW_SECTION_COUNT ? review_titles[s] : "";
}

/* The wording, drawn from the articles the product comes from (give and
 * take, staying in touch when you need nothing, following up after events). */
static const char *const review_prompts[REVIEW_PROMPT_COUNT] = {
	[REVIEW_PROMPT_REACH_OUT_EMPTY] =
		"Nobody is due. A short \"hello, how are things going\" still keeps a tie alive.",
	[REVIEW_PROMPT_I_OWE_EMPTY] = "Give first: who can you help this week?",
	[REVIEW_PROMPT_I_OWE] = "Give as much as you get: return a favour before you ask for the next.",
	[REVIEW_PROMPT_RECONNECT] = "Stay in touch when you need nothing: a short hello is enough.",
	[REVIEW_PROMPT_MET] = "Follow up with the people you met at an event, while they remember you.",
	[REVIEW_PROMPT_WEEK_QUIET] =
		"Nothing logged this week. A few strong contacts beat a long list: who will you see?",
	[REVIEW_PROMPT_WEEK_TAKING] = "You got more than you gave this week: who can you help?",
	[REVIEW_PROMPT_JOURNAL_EMPTY] =
		("Nothing to review yet: a network is the people you keep in touch with. Add them, "
		 "then log what passes between you."),
};

const char *review_prompt(enum review_prompt_id id)
{
	return (unsigned)id < REVIEW_PROMPT_COUNT ? review_prompts[id] : "";
}

/* What a kind reads as after "since": "3 weeks since a call". */
static const char *const review_kind_phrase[IKIND_COUNT] = {
	[IKIND_MEETING] = "a meeting", [IKIND_CALL] = "a call",       [IKIND_MESSAGE] = "a message",
	[IKIND_EVENT] = "an event",    [IKIND_SHARE] = "a share",     [IKIND_INTRO] = "an intro",
	[IKIND_ADVICE] = "advice",     [IKIND_LEAD] = "a job lead",   [IKIND_REFERRAL] = "a referral",
	[IKIND_FAVOR] = "a favour",    [IKIND_GIFT] = "a gift",       [IKIND_NOTE] = "a note",
};

/* Aliases that say more than their kind after "since" ("since coffee"),
 * and how they read there; others ("met", "called") give the kind's phrase. */
static const char *const review_alias_phrase[][2] = {
	{"coffee", "coffee"},         {"lunch", "lunch"},         {"dinner", "dinner"},
	{"breakfast", "breakfast"},   {"drinks", "drinks"},       {"visit", "a visit"},
	{"video", "a video call"},    {"zoom", "a video call"},   {"email", "an email"},
	{"emailed", "an email"},      {"chat", "a chat"},         {"dm", "a message"},
	{"conference", "a conference"}, {"fair", "a fair"},       {"meetup", "a meetup"},
	{"article", "an article"},    {"link", "a link"},
};

/* The first word of the summary when it is a noun alias of the kind (ASCII
 * letters only) into out, else the kind's phrase. */
static void review_kind_word(const struct interaction *in, char out[24])
{
	const char *s = in->summary ? in->summary : "";
	size_t n = 0;
	while (n < 23 && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')))
		n++;
	char word[24];
	for (size_t i = 0; i < n; i++)
		word[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	word[n] = '\0';
	enum ikind k;
	if (n > 0 && (s[n] == '\0' || s[n] == ' ' || s[n] == ':' || s[n] == ',') &&
	    model_ikind_from_alias(word, &k) == 0 && k == in->kind) {
		for (size_t i = 0; i < sizeof review_alias_phrase / sizeof review_alias_phrase[0]; i++) {
			if (strcmp(word, review_alias_phrase[i][0]) == 0) {
				snprintf(out, 24, "%s", review_alias_phrase[i][1]);
				return;
			}
		}
	}
	snprintf(out, 24, "%s", review_kind_phrase[in->kind]);
}

/* "5 days", "3 weeks", "4 months", "2 years" for whole days >= 1, rounded
 * to the nearest unit (20 days are "3 weeks"). */
static void review_span(struct buf *b, long days)
{
	if (days < 14)
		buf_printf(b, "%ld %s", days, buf_plural(days, "day", "days"));
	else if (days < 60)
		buf_printf(b, "%ld weeks", (days + 3) / 7);
	else if (days < 730)
		buf_printf(b, "%ld months", lround(days / 30.4375));
	else
		buf_printf(b, "%ld years", lround(days / 365.25));
}

/* "today", "yesterday", "4 days ago", "3 weeks ago": calendar days back. */
static void review_ago(struct buf *b, long days)
{
	if (days <= 0) {
		buf_puts(b, "today");
	} else if (days == 1) {
		buf_puts(b, "yesterday");
	} else {
		review_span(b, days);
		buf_puts(b, " ago");
	}
}

/* ---- per person ---- */

static int review_snoozed(const struct review_person *p, int64_t now)
{
	return p->c->snoozed_until > now;
}

static int review_is_new(const struct contact *c, int64_t now)
{
	int64_t since = now - (int64_t)REVIEW_NEW_DAYS * DAY_SECONDS;
	return c->created_at >= since || (c->sc.first_at >= since && c->sc.first_at <= now);
}

int review_person_wants_timeline(const struct contact *c, const struct score *s, int64_t now)
{
	return s->ratio >= 1 || s->owed > 0 || (s->status == STATUS_DORMANT && c->sc.n > 0) ||
	       (c->sc.n == 1 && review_is_new(c, now));
}

/* The latest interaction that is contact (not a note), not after now. */
static const struct interaction *review_last_contact(const struct review_person *p, int64_t now)
{
	for (size_t i = 0; i < p->ntimeline; i++)
		if (p->timeline[i].at <= now && p->timeline[i].kind != IKIND_NOTE)
			return &p->timeline[i];
	return NULL;
}

/* The latest service received, not after now (a mutual one when none was
 * received outright). */
static const struct interaction *review_last_got(const struct review_person *p, int64_t now)
{
	const struct interaction *mutual = NULL;
	for (size_t i = 0; i < p->ntimeline; i++) {
		const struct interaction *in = &p->timeline[i];
		if (in->at > now || model_interaction_service(in) == IKIND_NONE)
			continue;
		if (in->dir == DIR_GOT)
			return in;
		if (in->dir == DIR_MUTUAL && mutual == NULL)
			mutual = in;
	}
	return mutual;
}

/* The highest warmth the contact ever had: the sum just after each
 * interaction, adding them oldest first as the cache does. */
static double review_peak_warmth(const struct review_person *p, const struct score_params *sp,
                                 int64_t now)
{
	struct score_cache sc;
	score_cache_clear(&sc);
	int family = score_is_family(p->c, sp);
	double peak = 0;
	for (size_t i = p->ntimeline; i-- > 0;) {
		const struct interaction *in = &p->timeline[i];
		if (in->at > now)
			continue;
		struct score_event ev;
		score_event_of(&ev, in);
		score_cache_add(&sc, sp, &ev, family);
		if (sc.warm_sum > peak)
			peak = sc.warm_sum;
	}
	return peak / (peak + sp->warmth_k);
}

/* "inner circle, 3 weeks since coffee" (or "never in touch"). */
static void review_why_since(struct buf *b, const struct review_person *p, int64_t now)
{
	buf_printf(b, "%s circle, ", model_circle_name(p->c->circle));
	const struct interaction *last = review_last_contact(p, now);
	if (last == NULL) {
		buf_puts(b, "never in touch, added ");
		review_ago(b, date_days_between(p->c->created_at, now));
		return;
	}
	char word[24];
	review_kind_word(last, word);
	long days = (long)floor(p->score.days_since);
	if (days < 1)
		buf_printf(b, "%s today", word);
	else {
		review_span(b, days);
		buf_printf(b, " since %s", word);
	}
}

/* "you owe: intro, 2 weeks ago". */
static void review_why_owe(struct buf *b, const struct review_person *p, int64_t now)
{
	const struct interaction *got = review_last_got(p, now);
	if (got == NULL) {
		buf_puts(b, "you owe: you got more than you gave");
		return;
	}
	buf_printf(b, "you owe: %s, ", model_ikind_name(model_interaction_service(got)));
	review_ago(b, date_days_between(got->at, now));
}

/* ---- sections ---- */

/* A contact qualifying for a section, with what its order compares. */
struct review_cand {
	double key; /* larger first */
	double importance, days_since;
	const char *id;
	size_t person;
	size_t followup;
	int64_t when;
	int turns;
};

static int review_cmp_desc(double a, double b)
{
	return a > b ? -1 : a < b ? 1 : 0;
}

/* The key, then the tie rule of §4: importance, then longer silence, then
 * the uuid. */
static int review_cand_cmp(const void *pa, const void *pb)
{
	const struct review_cand *a = pa, *b = pb;
	int c = review_cmp_desc(a->key, b->key);
	if (c == 0)
		c = review_cmp_desc(a->importance, b->importance);
	if (c == 0)
		c = review_cmp_desc(a->days_since, b->days_since);
	if (c == 0)
		c = strcmp(a->id, b->id);
	return c;
}

struct review_cands {
	struct review_cand *v;
	size_t n, cap;
};

static struct review_cand *review_cand_push(struct review_cands *cs, const struct review_input *in,
                                            size_t person, double key)
{
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 16;
		cs->v = xreallocarray(cs->v, cs->cap, sizeof *cs->v);
	}
	struct review_cand *c = &cs->v[cs->n++];
	const struct review_person *p = &in->people[person];
	memset(c, 0, sizeof *c);
	c->key = key;
	c->importance = p->score.importance;
	c->days_since = p->score.days_since;
	c->id = p->c->id;
	c->person = person;
	return c;
}

static void review_entry_of(struct review_entry *e, const struct review_input *in,
                            const struct review_cand *c)
{
	const struct review_person *p = &in->people[c->person];
	memset(e, 0, sizeof *e);
	e->person = c->person;
	e->contact_rowid = p->c->rowid;
	memcpy(e->contact_id, p->c->id, sizeof e->contact_id);
	score_brief_of(&e->score, &p->score);
	e->when = c->when;
	e->turns = c->turns;
}

typedef void (*review_why_fn)(struct buf *b, const struct review_input *in,
                              const struct review_entry *e);

/* Sorts the candidates (unless sorted), keeps at most max (0: all) as the
 * section's entries, each with its why. Frees the candidates. */
static void review_fill(struct review_list *out, const struct review_input *in,
                        struct review_cands *cs, size_t max, int sorted, review_why_fn why)
{
	if (!sorted && cs->n > 1)
		qsort(cs->v, cs->n, sizeof *cs->v, review_cand_cmp);
	size_t n = max > 0 && cs->n > max ? max : cs->n;
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	out->n = n;
	out->more = cs->n - n;
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		review_entry_of(&out->v[i], in, &cs->v[i]);
		buf_reset(&b);
		why(&b, in, &out->v[i]);
		out->v[i].why = xstrdup(buf_str(&b));
	}
	buf_free(&b);
	free(cs->v);
	cs->v = NULL;
	cs->n = cs->cap = 0;
}

static void review_why_reach(struct buf *b, const struct review_input *in,
                             const struct review_entry *e)
{
	const struct review_person *p = &in->people[e->person];
	if (p->score.ratio >= 1) {
		review_why_since(b, p, in->now);
		if (p->score.owe) {
			buf_puts(b, "; ");
			review_why_owe(b, p, in->now);
		}
		return;
	}
	review_why_owe(b, p, in->now);
	if (!p->score.owe) /* in for a small debt: say it is small */
		buf_puts(b, " (a little)");
}

static void review_why_cold(struct buf *b, const struct review_input *in,
                            const struct review_entry *e)
{
	review_why_since(b, &in->people[e->person], in->now);
}

static void review_why_owe_entry(struct buf *b, const struct review_input *in,
                                 const struct review_entry *e)
{
	review_why_owe(b, &in->people[e->person], in->now);
}

static void review_why_reconnect(struct buf *b, const struct review_input *in,
                                 const struct review_entry *e)
{
	const struct review_person *p = &in->people[e->person];
	const struct interaction *last = review_last_contact(p, in->now);
	if (last != NULL) {
		char word[24];
		review_kind_word(last, word);
		review_span(b, (long)floor(p->score.days_since));
		buf_printf(b, " since %s, ", word);
	}
	int64_t ns = p->c->sc.n_service;
	if (ns > 0)
		buf_printf(b, "%lld %s between you", (long long)ns, buf_plural(ns, "service", "services"));
	else
		buf_puts(b, "you were close once");
}

static void review_why_followup(struct buf *b, const struct review_input *in,
                                const struct review_entry *e)
{
	int d = date_days_between(in->now, e->when);
	if (d < 0) {
		buf_puts(b, "due ");
		review_ago(b, -d);
	} else if (d == 0)
		buf_puts(b, "due today");
	else if (d == 1)
		buf_puts(b, "due tomorrow");
	else
		buf_printf(b, "due %s", date_weekday_name(date_weekday(e->when)));
}

/* The one interaction of a new contact (the caller checks there is one
 * only), when it is contact and not after now. */
static const struct interaction *review_only_meeting(const struct review_person *p, int64_t now)
{
	return p->ntimeline > 0 && p->timeline[0].at <= now && p->timeline[0].kind != IKIND_NOTE
	           ? &p->timeline[0]
	           : NULL;
}

static void review_why_met(struct buf *b, const struct review_input *in,
                           const struct review_entry *e)
{
	const struct interaction *m = review_only_meeting(&in->people[e->person], in->now);
	buf_puts(b, "met ");
	if (m != NULL && m->tags.n > 0)
		buf_printf(b, "at #%s ", m->tags.v[0]);
	review_ago(b, m != NULL ? date_days_between(m->at, in->now) : 0);
	buf_puts(b, ", no follow-up");
}

static void review_why_birthday(struct buf *b, const struct review_input *in,
                                const struct review_entry *e)
{
	int d = date_days_between(in->now, e->when);
	buf_puts(b, "birthday ");
	if (d == 0)
		buf_puts(b, "today");
	else if (d == 1)
		buf_puts(b, "tomorrow");
	else
		buf_puts(b, date_weekday_name(date_weekday(e->when)));
	if (e->turns > 0)
		buf_printf(b, " (turns %d)", e->turns);
}

size_t review_rotation(int64_t week_start, size_t n)
{
	if (n == 0)
		return 0;
	int64_t epoch;
	if (date_make_local(1970, 1, 5, 0, 0, 0, &epoch) != 0)
		return 0;
	long weeks = (long)date_days_between(epoch, week_start) / 7;
	long r = weeks % (long)n;
	return (size_t)(r < 0 ? r + (long)n : r);
}

int review_birthday_next(const char *birthday, int64_t now, int *turns, int64_t *day)
{
	int by = 0, m = 0, d = 0;
	char rest;
	if (birthday == NULL)
		return -1;
	if (sscanf(birthday, "--%2d-%2d%c", &m, &d, &rest) == 2 && strlen(birthday) == 7) {
		if (!date_valid_ymd(2000, m, d))
			return -1;
	} else if (sscanf(birthday, "%4d-%2d-%2d%c", &by, &m, &d, &rest) == 3 &&
	           strlen(birthday) == 10) {
		if (!date_valid_ymd(by, m, d))
			return -1;
	} else {
		return -1;
	}
	int y, tm, td;
	date_local_ymd(now, &y, &tm, &td);
	for (int year = y; year <= y + 1; year++) {
		int dd = d;
		if (m == 2 && d == 29 && !date_valid_ymd(year, 2, 29))
			dd = 28; /* no 29th this year: the day before */
		int64_t t;
		if (date_make_local(year, m, dd, 0, 0, 0, &t) != 0)
			return -1;
		int days = date_days_between(now, t);
		if (days < 0)
			continue;
		*turns = by > 0 && year > by ? year - by : 0;
		*day = t;
		return days;
	}
	return -1;
}

/* The people by rowid, and the contacts that have a follow-up, sorted once
 * so that each lookup is a binary search. */
struct review_index {
	int64_t *rowid; /* people's rowids, sorted, with their index in person[] */
	size_t *person;
	int64_t *followed; /* contact rowids of every follow-up, sorted */
};

static int review_i64_cmp(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return a < b ? -1 : a > b;
}

struct review_row {
	int64_t rowid;
	size_t person;
};

static int review_row_cmp(const void *pa, const void *pb)
{
	return review_i64_cmp(&((const struct review_row *)pa)->rowid,
	                      &((const struct review_row *)pb)->rowid);
}

static void review_index_build(struct review_index *x, const struct review_input *in)
{
	size_t n = in->npeople;
	struct review_row *rows = xcalloc(n ? n : 1, sizeof *rows);
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct review_row){in->people[i].c->rowid, i};
	qsort(rows, n, sizeof *rows, review_row_cmp);
	x->rowid = xcalloc(n ? n : 1, sizeof *x->rowid);
	x->person = xcalloc(n ? n : 1, sizeof *x->person);
	for (size_t i = 0; i < n; i++) {
		x->rowid[i] = rows[i].rowid;
		x->person[i] = rows[i].person;
	}
	free(rows);
	x->followed = xcalloc(in->nfollowups ? in->nfollowups : 1, sizeof *x->followed);
	for (size_t i = 0; i < in->nfollowups; i++)
		x->followed[i] = in->followups[i].contact_rowid;
	qsort(x->followed, in->nfollowups, sizeof *x->followed, review_i64_cmp);
}

static void review_index_free(struct review_index *x)
{
	free(x->rowid);
	free(x->person);
	free(x->followed);
}

static int review_has_followup(const struct review_index *x, const struct review_input *in,
                               int64_t rowid)
{
	return bsearch(&rowid, x->followed, in->nfollowups, sizeof rowid, review_i64_cmp) != NULL;
}

static int review_person_by_rowid(const struct review_index *x, const struct review_input *in,
                                  int64_t rowid, size_t *out)
{
	const int64_t *hit = bsearch(&rowid, x->rowid, in->npeople, sizeof rowid, review_i64_cmp);
	if (hit == NULL)
		return -1;
	*out = x->person[hit - x->rowid];
	return 0;
}

static int review_followup_cmp(const void *pa, const void *pb)
{
	const struct review_cand *a = pa, *b = pb;
	if (a->when != b->when)
		return a->when < b->when ? -1 : 1;
	if (a->key != b->key) /* creation time, negated */
		return a->key > b->key ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void review_followups(struct review *r, const struct review_input *in,
                             const struct review_index *x)
{
	struct review_cands cs = {NULL, 0, 0};
	for (size_t i = 0; i < in->nfollowups; i++) {
		const struct followup *f = &in->followups[i];
		size_t person;
		if (f->done_at != 0 || f->due_at >= r->week_end ||
		    review_person_by_rowid(x, in, f->contact_rowid, &person) != 0)
			continue;
		struct review_cand *c = review_cand_push(&cs, in, person, -(double)f->created_at);
		c->id = f->id;
		c->followup = i;
		c->when = f->due_at;
	}
	if (cs.n > 1)
		qsort(cs.v, cs.n, sizeof *cs.v, review_followup_cmp);
	/* keep the follow-up of each entry */
	size_t n = cs.n;
	size_t *fi = xcalloc(n ? n : 1, sizeof *fi);
	for (size_t i = 0; i < n; i++)
		fi[i] = cs.v[i].followup;
	review_fill(&r->section[REVIEW_FOLLOWUPS], in, &cs, 0, 1, review_why_followup);
	for (size_t i = 0; i < n; i++) {
		struct review_entry *e = &r->section[REVIEW_FOLLOWUPS].v[i];
		const struct followup *f = &in->followups[fi[i]];
		e->followup = fi[i];
		e->followup_rowid = f->rowid;
		memcpy(e->followup_id, f->id, sizeof e->followup_id);
	}
	free(fi);
}

static void review_reconnect(struct review *r, const struct review_input *in)
{
	struct review_cands cs = {NULL, 0, 0};
	for (size_t i = 0; i < in->npeople; i++) {
		const struct review_person *p = &in->people[i];
		if (p->score.status != STATUS_DORMANT || review_snoozed(p, in->now))
			continue;
		if (p->c->sc.n_service > 0 ||
		    review_peak_warmth(p, in->params, in->now) >= REVIEW_RECONNECT_WARMTH)
			review_cand_push(&cs, in, i, 0);
	}
	/* by uuid, then the week's turn */
	for (size_t i = 0; i < cs.n; i++)
		cs.v[i].importance = cs.v[i].days_since = 0;
	if (cs.n > 1)
		qsort(cs.v, cs.n, sizeof *cs.v, review_cand_cmp);
	size_t pick = review_rotation(r->week_start, cs.n);
	if (cs.n > 0 && pick > 0) {
		struct review_cand t = cs.v[0];
		cs.v[0] = cs.v[pick];
		cs.v[pick] = t;
	}
	review_fill(&r->section[REVIEW_RECONNECT], in, &cs, REVIEW_RECONNECT_MAX, 1,
	            review_why_reconnect);
}

static void review_people_sections(struct review *r, const struct review_input *in,
                                   const struct review_index *x)
{
	struct review_cands reach = {0}, cold = {0}, owe = {0}, met = {0}, bday = {0};
	int64_t now = in->now;
	for (size_t i = 0; i < in->npeople; i++) {
		const struct review_person *p = &in->people[i];
		const struct score *s = &p->score;
		if (s->status == STATUS_DORMANT)
			continue; /* dormant contacts are for reconnect only */
		int snoozed = review_snoozed(p, now);
		if (!snoozed && (s->ratio >= 1 || s->owed > 0))
			review_cand_push(&reach, in, i, s->attention);
		if (!snoozed && s->status == STATUS_COLD)
			review_cand_push(&cold, in, i, s->importance * s->recency);
		if (!snoozed && s->owe)
			review_cand_push(&owe, in, i, s->owed);
		const struct interaction *m;
		if (!snoozed && p->c->sc.n == 1 && review_is_new(p->c, now) &&
		    (m = review_only_meeting(p, now)) != NULL && !review_has_followup(x, in, p->c->rowid))
			review_cand_push(&met, in, i, -(double)m->at);
		int turns;
		int64_t day;
		int d = review_birthday_next(p->c->birthday, now, &turns, &day);
		if (d >= 0 && d < REVIEW_BIRTHDAY_DAYS) {
			struct review_cand *c = review_cand_push(&bday, in, i, -(double)d);
			c->when = day;
			c->turns = turns;
		}
	}
	review_fill(&r->section[REVIEW_REACH_OUT], in, &reach, REVIEW_REACH_OUT_MAX, 0,
	            review_why_reach);
	review_fill(&r->section[REVIEW_GOING_COLD], in, &cold, REVIEW_GOING_COLD_MAX, 0,
	            review_why_cold);
	review_fill(&r->section[REVIEW_I_OWE], in, &owe, REVIEW_I_OWE_MAX, 0, review_why_owe_entry);
	review_fill(&r->section[REVIEW_MET_NO_FOLLOWUP], in, &met, REVIEW_MET_MAX, 0,
	            review_why_met);
	review_fill(&r->section[REVIEW_BIRTHDAYS], in, &bday, 0, 0, review_why_birthday);
}

static void review_count_week(struct review *r, const struct review_input *in)
{
	struct review_week *w = &r->week;
	for (int i = 0; i < REVIEW_WEEKS; i++)
		w->week_start[i] = date_add_days(r->week_start, -7 * (REVIEW_WEEKS - 1 - i));
	for (size_t k = 0; k < in->nrecent; k++) {
		const struct interaction *x = &in->recent[k];
		if (x->at > in->now || x->at < w->week_start[0] || x->at >= r->week_end)
			continue;
		int i = REVIEW_WEEKS - 1;
		while (i > 0 && x->at < w->week_start[i])
			i--;
		enum ikind svc = model_interaction_service(x);
		int gave = svc != IKIND_NONE && (x->dir == DIR_GAVE || x->dir == DIR_MUTUAL);
		int got = svc != IKIND_NONE && (x->dir == DIR_GOT || x->dir == DIR_MUTUAL);
		if (x->kind != IKIND_NOTE)
			w->weekly_interactions[i]++;
		w->weekly_gave[i] += gave;
		w->weekly_got[i] += got;
		if (i != REVIEW_WEEKS - 1)
			continue;
		w->by_kind[x->kind]++;
		if (x->kind != IKIND_NOTE)
			w->interactions++;
		w->gave += gave;
		w->got += got;
		w->mutual += svc != IKIND_NONE && x->dir == DIR_MUTUAL;
	}
	for (size_t i = 0; i < in->npeople; i++) {
		int64_t t = in->people[i].c->created_at;
		w->new_contacts += t >= r->week_start && t < r->week_end && t <= in->now;
	}
}

static void review_pick_prompts(struct review *r, const struct review_input *in)
{
	if (in->npeople == 0) {
		r->week_prompt = review_prompt(REVIEW_PROMPT_JOURNAL_EMPTY);
		return;
	}
	if (r->section[REVIEW_REACH_OUT].n == 0)
		r->prompt[REVIEW_REACH_OUT] = review_prompt(REVIEW_PROMPT_REACH_OUT_EMPTY);
	r->prompt[REVIEW_I_OWE] = review_prompt(r->section[REVIEW_I_OWE].n == 0
	                                            ? REVIEW_PROMPT_I_OWE_EMPTY
	                                            : REVIEW_PROMPT_I_OWE);
	if (r->section[REVIEW_RECONNECT].n > 0)
		r->prompt[REVIEW_RECONNECT] = review_prompt(REVIEW_PROMPT_RECONNECT);
	if (r->section[REVIEW_MET_NO_FOLLOWUP].n > 0)
		r->prompt[REVIEW_MET_NO_FOLLOWUP] = review_prompt(REVIEW_PROMPT_MET);
	if (r->week.interactions == 0)
		r->week_prompt = review_prompt(REVIEW_PROMPT_WEEK_QUIET);
	else if (r->week.got > r->week.gave)
		r->week_prompt = review_prompt(REVIEW_PROMPT_WEEK_TAKING);
}

void review_build(struct review *out, const struct review_input *in)
{
	memset(out, 0, sizeof *out);
	out->week_start = date_week_start(in->now);
	out->week_end = date_add_days(out->week_start, 7);
	struct review_index x;
	review_index_build(&x, in);
	review_people_sections(out, in, &x);
	review_reconnect(out, in);
	review_followups(out, in, &x);
	review_index_free(&x);
	review_count_week(out, in);
	review_pick_prompts(out, in);
}

void review_free(struct review *r)
{
	for (int s = 0; s < REVIEW_SECTION_COUNT; s++) {
		for (size_t i = 0; i < r->section[s].n; i++)
			free(r->section[s].v[i].why);
		free(r->section[s].v);
	}
	memset(r, 0, sizeof *r);
}
