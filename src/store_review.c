/* store_review.c: reads the weekly review's input (store_review.h) in one
 * snapshot through the store's own reads. Part of the store; depends on
 * store.h, review.h and date.h. */
#include "store_review.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "store_int.h"

struct store_review_ctx {
	struct store_review *r;
	const struct score_params *p;
	int64_t now;
};

/* Scores every person and reads, in one go, the timelines of those whose
 * history the review wants. */
static int store_review_people(struct store *st, struct store_review_ctx *x, char **cause)
{
	struct store_review *r = x->r;
	size_t n = r->ncontacts, m = 0;
	r->people = xcalloc(n ? n : 1, sizeof *r->people);
	r->timelines = xcalloc(n ? n : 1, sizeof *r->timelines);
	r->ntimelines = xcalloc(n ? n : 1, sizeof *r->ntimelines);
	int64_t *want = xcalloc(n ? n : 1, sizeof *want);
	size_t *place = xcalloc(n ? n : 1, sizeof *place);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct review_person *p = &r->people[i];
		p->c = &r->contacts[i];
		rc = store_contact_score(st, p->c, x->p, x->now, &p->score, cause);
		if (rc == 0 && review_person_wants_timeline(p->c, &p->score, x->now)) {
			want[m] = p->c->rowid;
			place[m++] = i;
		}
	}
	struct interaction **tl = xcalloc(m ? m : 1, sizeof *tl);
	size_t *ntl = xcalloc(m ? m : 1, sizeof *ntl);
	if (rc == 0)
		rc = store_timelines(st, want, m, tl, ntl, cause);
	for (size_t j = 0; rc == 0 && j < m; j++) {
		struct review_person *p = &r->people[place[j]];
		p->timeline = r->timelines[place[j]] = tl[j];
		p->ntimeline = r->ntimelines[place[j]] = ntl[j];
	}
	free(tl);
	free(ntl);
	free(want);
	free(place);
	return rc;
}

static int store_review_read(struct store *st, void *arg, char **cause)
{
	struct store_review_ctx *x = arg;
	struct store_review *r = x->r;
	struct store_contact_filter f = {.circle = -1};
	if (store_contact_list(st, &f, &r->contacts, &r->ncontacts, cause) != 0 ||
	    store_review_people(st, x, cause) != 0)
		return -1;
	size_t n = r->ncontacts;
	struct store_followup_query fq = {0, 1, 0};
	if (store_followups(st, &fq, &r->followups, &r->nfollowups, cause) != 0)
		return -1;
	int64_t week = date_week_start(x->now);
	struct store_timeline_query rq = {0, date_add_days(week, -7 * (REVIEW_WEEKS - 1)), x->now, 0};
	if (store_timeline(st, &rq, &r->recent, &r->nrecent, cause) != 0)
		return -1;
	r->in.now = x->now;
	r->in.params = x->p;
	r->in.people = r->people;
	r->in.npeople = n;
	r->in.followups = r->followups;
	r->in.nfollowups = r->nfollowups;
	r->in.recent = r->recent;
	r->in.nrecent = r->nrecent;
	return 0;
}

int store_review_load(struct store *st, const struct score_params *p, int64_t now,
                      struct store_review *out, char **cause)
{
	memset(out, 0, sizeof *out);
	struct store_review_ctx x = {out, p, now};
	return store_read(st, store_review_read, &x, cause) < 0 ? -1 : 0;
}

void store_review_free(struct store_review *r)
{
	for (size_t i = 0; i < r->ncontacts && r->timelines != NULL; i++)
		interactions_free(r->timelines[i], r->ntimelines[i]);
	free(r->timelines);
	free(r->ntimelines);
	free(r->people);
	contacts_free(r->contacts, r->ncontacts);
	followups_free(r->followups, r->nfollowups);
	interactions_free(r->recent, r->nrecent);
	memset(r, 0, sizeof *r);
}
