/* demo.c: writes the demo network that demo_plan.c draws in one store
 * transaction: contacts, then the interactions (demo_stream.c), follow-ups, and
 * a rescore; and the text templates. Depends on store.h, date.h, demo_int.h. */
#include "demo.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "demo_int.h"
#include "err.h"

#define HOUR 3600

void demo_options_default(struct demo_options *o)
{
	memset(o, 0, sizeof *o);
	o->contacts = 150;
	o->interactions = 2500;
	o->seed = 1;
}

void demo_tick(struct demo_gen *g)
{
	g->done++;
	if (g->progress != NULL && (g->done >= g->next_report || g->done == g->total)) {
		g->progress(g->arg, g->done, g->total);
		g->next_report = g->done + g->step;
		g->reported = g->done;
	}
}

/* ---- templates ---- */

static const char *demo_company(struct demo_gen *g, enum demo_orgtype t)
{
	size_t n;
	const struct demo_org *v = demo_data_orgs(t, &n);
	return v[demo_rng_below(&g->rng, n)].name;
}

long demo_any_series(struct demo_gen *g)
{
	size_t ns;
	const struct demo_series *sv = demo_data_series(&ns);
	int w[32];
	for (size_t i = 0; i < ns && i < 32; i++)
		w[i] = sv[i].type == DEMO_EV_CONFERENCE || sv[i].type == DEMO_EV_MEETUP
		               ? sv[i].weight
		               : 0;
	return (long)demo_rng_weighted(&g->rng, w, ns < 32 ? ns : 32);
}

static void demo_value(struct demo_gen *g, struct buf *out, const char *key, size_t len,
                       const struct demo_ctx *cx)
{
	struct demo_rng *r = &g->rng;
	const struct demo_org *org = cx->p ? demo_person_org(cx->p) : NULL;
#define KEY(k) (len == sizeof(k) - 1 && memcmp(key, k, len) == 0)
	if (KEY("topic")) {
		buf_puts(out, demo_rng_item(r, DEMO_L_TOPIC));
	} else if (KEY("article")) {
		buf_puts(out, demo_rng_item(r, DEMO_L_ARTICLE));
	} else if (KEY("city")) {
		buf_puts(out, demo_rng_item(r, DEMO_L_CITY));
	} else if (KEY("org")) {
		buf_puts(out, org ? org->name : demo_company(g, DEMO_ORG_COMPANY));
	} else if (KEY("org2")) {
		const char *o2 = demo_company(g, DEMO_ORG_COMPANY);
		if (org != NULL && strcmp(o2, org->name) == 0)
			o2 = demo_company(g, DEMO_ORG_STARTUP);
		buf_puts(out, o2);
	} else if (KEY("role2")) {
		buf_puts(out, demo_rng_item(r, DEMO_L_ROLE_FORMER));
	} else if (KEY("name2")) {
		struct demo_person x;
		memset(&x, 0, sizeof x);
		size_t nc;
		const struct demo_culture *cv = demo_data_cultures(&nc);
		x.culture = (uint8_t)demo_rng_below(r, nc);
		x.given = (uint8_t)demo_rng_below(r, cv[x.culture].ngiven);
		x.family = (uint8_t)demo_rng_below(r, cv[x.culture].nfamily);
		demo_person_name(out, &x, 1);
	} else if (KEY("event")) {
		long s = cx->series;
		if (s < 0 && cx->p != NULL && cx->p->series != DEMO_NONE8)
			s = cx->p->series;
		if (s < 0)
			s = demo_any_series(g);
		demo_event_name(out, (size_t)s, cx->at);
	} else if (KEY("uni")) {
		if (cx->p && demo_data_arch(cx->p->arch)->org == DEMO_ORG_UNIVERSITY && org)
			buf_puts(out, org->name);
		else if (demo_rng_chance(r, 70))
			buf_puts(out, demo_data_orgs(DEMO_ORG_UNIVERSITY, &(size_t){0})[0].name);
		else
			buf_puts(out, demo_company(g, DEMO_ORG_UNIVERSITY));
	} else if (KEY("a") && cx->a) {
		demo_person_name(out, cx->a, 0);
	} else if (KEY("b") && cx->b) {
		demo_person_name(out, cx->b, 0);
	} else if (KEY("b_role") && cx->b) {
		size_t n;
		const char *const *v = demo_data_list(demo_data_arch(cx->b->arch)->roles, &n);
		buf_puts(out, *v[cx->b->role % n] ? v[cx->b->role % n] : "a friend");
	} else if (KEY("b_org") && cx->b) {
		const struct demo_org *bo = demo_person_org(cx->b);
		buf_puts(out, bo ? bo->name : demo_company(g, DEMO_ORG_COMPANY));
	} else {
		/* unknown or without its person: kept visible, braces and all */
		buf_putc(out, '{');
		buf_add(out, key, len);
		buf_putc(out, '}');
	}
#undef KEY
}

void demo_expand(struct demo_gen *g, struct buf *out, const char *tpl, const struct demo_ctx *cx)
{
	buf_reset(out);
	buf_puts(out, "");
	const char *s = tpl;
	while (*s != '\0') {
		const char *open = strchr(s, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		if (close == NULL) {
			buf_puts(out, s);
			break;
		}
		buf_add(out, s, (size_t)(open - s));
		demo_value(g, out, open + 1, (size_t)(close - open - 1), cx);
		s = close + 1;
	}
}

/* ---- contacts ---- */

static const char *const demo_interests[] = {"python", "rust",   "data",
                                             "design", "remote", "open-source"};
static const char *const demo_mail_domains[] = {"example.org", "example.net", "example.com"};

static void demo_contact_fields(struct demo_gen *g, const struct demo_person *p, struct contact *c,
                                struct buf *b)
{
	struct demo_rng *r = &g->rng;
	const struct demo_arch *a = demo_data_arch(p->arch);
	size_t nc;
	const struct demo_culture *cu = &demo_data_cultures(&nc)[p->culture];
	const char *gn = cu->given[p->given].ascii, *fn = cu->family[p->family].ascii;
	const struct demo_org *org = demo_person_org(p);
	if (demo_rng_chance(r, a->email_pct)) {
		buf_reset(b);
		buf_printf(b, "%s.%s@%s", gn, fn,
		           org ? org->domain : demo_mail_domains[demo_rng_below(r, 3)]);
		contact_add_field(c, FIELD_EMAIL, org ? "work" : "home", buf_str(b));
		if (org != NULL && demo_rng_chance(r, 25)) {
			buf_reset(b);
			buf_printf(b, "%s%s%u@%s", gn, fn, (unsigned)demo_rng_below(r, 90) + 10,
			           demo_mail_domains[demo_rng_below(r, 3)]);
			contact_add_field(c, FIELD_EMAIL, "home", buf_str(b));
		}
	}
	if (demo_rng_chance(r, a->phone_pct)) {
		buf_reset(b);
		buf_puts(b, cu->phone);
		for (int i = 0; i < cu->phone_digits; i++) {
			if (i == 3 && cu->phone_digits > 5)
				buf_putc(b, ' ');
			buf_putc(b, (char)('0' + demo_rng_below(r, 10)));
		}
		contact_add_field(c, FIELD_PHONE, "cell", buf_str(b));
	}
	if (demo_rng_chance(r, 8)) {
		buf_reset(b);
		buf_printf(b, "https://%s%s.example/", gn, fn);
		contact_add_field(c, FIELD_URL, "home", buf_str(b));
	}
	if (p->circle <= CIRCLE_ACTIVE && demo_rng_chance(r, 40)) {
		buf_reset(b);
		buf_printf(b, "%04d-%02d-%02d", 1958 + (int)demo_rng_below(r, 46),
		           1 + (int)demo_rng_below(r, 12), 1 + (int)demo_rng_below(r, 28));
		free(c->birthday);
		c->birthday = xstrdup(buf_str(b));
	}
}

static int demo_write_contact(struct demo_gen *g, struct demo_person *p, struct buf *b,
                              char **cause)
{
	struct demo_rng *r = &g->rng;
	const struct demo_arch *a = demo_data_arch(p->arch);
	size_t ns;
	const struct demo_series *sv = demo_data_series(&ns);
	struct contact c;
	contact_init(&c);
	demo_rng_uuid(&g->ids, c.id);
	buf_reset(b);
	demo_person_name(b, p, 1);
	free(c.name);
	c.name = xstrdup(buf_str(b));
	const struct demo_org *org = demo_person_org(p);
	free(c.org);
	c.org = xstrdup(org ? org->name : "");
	size_t nr;
	const char *const *roles = demo_data_list(a->roles, &nr);
	free(c.role);
	c.role = xstrdup(roles[p->role % nr]);
	c.circle = (enum circle)p->circle;
	c.kind = (enum contact_kind)p->kind;
	c.cadence_days = p->cadence > 0 ? p->cadence : -1;

	struct demo_ctx cx = {p, NULL, NULL, p->first_at, -1};
	enum demo_list ml = a->met;
	if (p->profile == DEMO_P_NEW)
		ml = DEMO_L_MET_RECENT;
	else if (p->met_event >= 0 && p->arch != DEMO_AR_MEETUP && p->arch != DEMO_AR_CONFERENCE)
		ml = DEMO_L_MET_AT_EVENT;
	demo_expand(g, b, demo_rng_item(r, ml), &cx);
	free(c.met);
	c.met = xstrdup(buf_str(b));
	demo_expand(g, b,
	            demo_rng_item(r, p->kind == CKIND_PERSONAL ? DEMO_L_NOTES_PERSONAL
	                                                       : DEMO_L_NOTES_WORK),
	            &cx);
	free(c.notes);
	c.notes = xstrdup(buf_str(b));

	if (a->tag != NULL)
		strv_push(&c.tags, a->tag);
	if (p->arch == DEMO_AR_PROFESSOR)
		strv_push(&c.tags, "alumni");
	if (p->series != DEMO_NONE8)
		strv_push(&c.tags, sv[p->series % ns].tag);
	if (demo_rng_chance(r, 20))
		strv_push(&c.tags, demo_interests[demo_rng_below(r, 6)]);
	strv_sort_unique(&c.tags);
	demo_contact_fields(g, p, &c, b);

	const struct demo_arch *ar = demo_data_arch(p->arch);
	c.created_at = p->first_at;
	if (!ar->known_before || p->profile == DEMO_P_NEW)
		c.created_at += (int64_t)demo_rng_range(r, 600, 3 * HOUR);
	if (c.created_at > g->now)
		c.created_at = g->now;
	c.updated_at = c.created_at;
	if (demo_rng_chance(r, 15))
		c.updated_at += (int64_t)(demo_rng_unit(r) * (double)(g->now - c.created_at));
	if (p->profile == DEMO_P_DUE && p->circle <= CIRCLE_ACTIVE && demo_rng_chance(r, 15))
		c.snoozed_until = date_add_days(g->today, 3 + (int)demo_rng_below(r, 8));
	int rc = store_tx_contact_add(g->st, &c, g->now, cause);
	p->rowid = c.rowid;
	contact_free(&c);
	if (rc == 0) {
		g->stats.contacts++;
		demo_tick(g);
	}
	return rc;
}

/* ---- follow-ups ---- */

enum demo_fu { DEMO_FU_OVERDUE, DEMO_FU_WEEK, DEMO_FU_LATER, DEMO_FU_DONE };

/* Seconds in a whole number of days from lo to hi. */
static int64_t demo_days_int(struct demo_gen *g, int lo, int hi)
{
	return (int64_t)(lo + (int)demo_rng_below(&g->rng, (size_t)(hi - lo + 1))) * DAY_SECONDS;
}

static int64_t demo_day_after(int64_t t, int days)
{
	return date_day_start(date_add_days(date_day_start(t), days));
}

static int demo_write_followup(struct demo_gen *g, enum demo_fu kind, struct buf *b, char **cause)
{
	struct demo_rng *r = &g->rng;
	struct demo_person *p = NULL;
	/* an overdue follow-up needs a last contact a few days back */
	int64_t before = kind == DEMO_FU_OVERDUE ? g->today - 2 * DAY_SECONDS : g->now;
	for (int t = 0; t < 64 && p == NULL; t++) {
		struct demo_person *q = &g->p[demo_rng_below(r, g->np)];
		if (q->n > 0 && q->profile != DEMO_P_NEW && q->last_at < before)
			p = q;
	}
	for (size_t i = 0; i < g->np && p == NULL; i++)
		if (g->p[i].n > 0 && g->p[i].profile != DEMO_P_NEW)
			p = &g->p[i];
	if (p == NULL)
		return err_set(cause, "demo: no contact to follow up");
	struct followup f;
	memset(&f, 0, sizeof f);
	demo_rng_uuid(&g->ids, f.id);
	f.contact_rowid = p->rowid;
	f.interaction_rowid = p->last_rowid;
	f.created_at = p->last_at + (int64_t)demo_rng_range(r, HOUR / 2, 3 * HOUR);
	if (f.created_at > g->now)
		f.created_at = g->now;
	/* an open follow-up is recent, about the last interaction when that is recent too */
	if (kind != DEMO_FU_DONE && kind != DEMO_FU_OVERDUE &&
	    f.created_at < g->now - 30 * DAY_SECONDS) {
		f.created_at = demo_at_hour(g, g->now - demo_days_int(g, 1, 30), 8, 22);
		f.interaction_rowid = 0;
	}
	f.updated_at = f.created_at;
	switch (kind) {
	case DEMO_FU_OVERDUE: {
		int room = date_days_between(f.created_at, g->today) - 1;
		if (room < 1) { /* only recent contacts: a follow-up set a few days ago */
			f.created_at = demo_at_hour(g, g->today - 3 * DAY_SECONDS, 8, 22);
			f.updated_at = f.created_at;
			f.interaction_rowid = 0;
			room = 2;
		}
		f.due_at = demo_day_after(
			f.created_at, 1 + (int)demo_rng_below(r, (size_t)(room < 10 ? room : 10)));
		break;
	}
	case DEMO_FU_WEEK: {
		int left = date_days_between(g->today, g->week_end);
		f.due_at = demo_day_after(g->today,
		                          (int)demo_rng_below(r, left > 0 ? (size_t)left : 1));
		break;
	}
	case DEMO_FU_LATER:
		f.due_at = demo_day_after(g->today, 8 + (int)demo_rng_below(r, 38));
		break;
	case DEMO_FU_DONE:
		f.due_at = demo_day_after(f.created_at, 1 + (int)demo_rng_below(r, 14));
		f.done_at = demo_at_hour(g, f.created_at + demo_days_int(g, 0, 10), 8, 22);
		if (f.done_at < f.created_at)
			f.done_at = f.created_at + HOUR;
		if (f.done_at > g->now)
			f.done_at = g->now;
		f.updated_at = f.done_at;
		break;
	}
	struct demo_ctx cx = {p, NULL, NULL, f.created_at, -1};
	demo_expand(
		g, b,
		demo_rng_item(r, p->profile == DEMO_P_OWE ? DEMO_L_FOLLOWUP_OWE : DEMO_L_FOLLOWUP),
		&cx);
	f.text = b->data;
	int rc = store_tx_followup_add(g->st, &f, g->now, cause);
	free(f.contact_name); /* set by the store */
	if (rc != 0)
		return -1;
	g->stats.followups++;
	demo_tick(g);
	return 0;
}

static int demo_write_followups(struct demo_gen *g, struct buf *b, char **cause)
{
	size_t nf = g->nfollow;
	size_t overdue = nf / 5 ? nf / 5 : 1, week = nf * 15 / 100 ? nf * 15 / 100 : 1;
	size_t later = nf / 5 ? nf / 5 : 1;
	for (size_t i = 0; i < nf; i++) {
		enum demo_fu kind = i < overdue                  ? DEMO_FU_OVERDUE
		                    : i < overdue + week         ? DEMO_FU_WEEK
		                    : i < overdue + week + later ? DEMO_FU_LATER
		                                                 : DEMO_FU_DONE;
		if (demo_write_followup(g, kind, b, cause) != 0)
			return -1;
	}
	return 0;
}

/* ---- the transaction ---- */

static int demo_tx(struct store *st, void *arg, char **cause)
{
	struct demo_gen *g = arg;
	(void)st;
	/* store_write may run this again from the start: begin from a clean slate */
	demo_plan_free(g);
	memset(&g->stats, 0, sizeof g->stats);
	g->done = g->reported = g->next_report = 0;
	demo_rng_seed(&g->rng, g->o->seed);
	demo_rng_seed(&g->ids, (g->o->seed ^ 0x6b697468u) + g->id_salt * 0x9e3779b97f4a7c15u);
	if (demo_plan(g, cause) != 0)
		return -1;
	struct buf b;
	buf_init(&b);
	int rc = 0;
	for (size_t i = 0; i < g->np && rc == 0; i++)
		rc = demo_write_contact(g, &g->p[i], &b, cause);
	if (rc == 0)
		rc = demo_write_interactions(g, &b, cause);
	if (rc == 0)
		rc = demo_write_followups(g, &b, cause);
	buf_free(&b);
	size_t ndiffer = 0;
	if (rc == 0)
		rc = store_tx_rescore_all(g->st, NULL, NULL, &ndiffer, cause);
	if (rc == 0 && g->progress != NULL && g->reported != g->done)
		g->progress(g->arg, g->done, g->total); /* the end is always reported */
	return rc;
}

int demo_generate(struct store *st, const struct demo_options *o, demo_progress_fn progress,
                  void *arg, struct demo_stats *out, char **cause)
{
	int empty = 0;
	if (store_is_empty(st, &empty, cause) != 0)
		return -1;
	struct demo_gen g;
	memset(&g, 0, sizeof g);
	if (!empty) {
		if (!o->force)
			return err_set(
				cause,
				"the journal at %s is not empty; use --force to add the demo "
				"network anyway",
				store_path(st));
		struct store_stats ss;
		if (store_stats(st, 0, &ss, cause) != 0)
			return -1;
		g.id_salt = 1 + (uint64_t)ss.contacts * 1000003u +
		            (uint64_t)ss.interactions * 7919u +
		            (uint64_t)(ss.followups_open + ss.followups_done) * 131u +
		            (uint64_t)ss.tombstones;
	}
	g.st = st;
	g.o = o;
	g.sp = store_params(st);
	g.progress = progress;
	g.arg = arg;
	int rc = store_write(st, demo_tx, &g, cause);
	demo_plan_free(&g);
	if (rc == 0 && out != NULL)
		*out = g.stats;
	return rc;
}
