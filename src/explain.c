/* explain.c: the score explained term by term with its inputs, so that a user
 * can see why someone is at the top. Pure; depends on score.h, model.h and buf.h. */
#include "explain.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"

static struct explain_row *explain_add(struct explain_row *rows, size_t *n, const char *term)
{
	struct explain_row *r = &rows[(*n)++];
	memset(r, 0, sizeof *r);
	snprintf(r->term, sizeof r->term, "%s", term);
	return r;
}

/* Blank while the attention shows as 0.000: a share of nothing is noise. */
#define EXPLAIN_SHARE_MIN 0.0005

static void explain_share(struct explain_row *r, double part, double total)
{
	if (total >= EXPLAIN_SHARE_MIN)
		snprintf(r->share, sizeof r->share, "%.0f%%", 100.0 * part / total);
}

size_t explain_score(const struct contact *c, const struct score *s, const struct score_params *p,
                     struct explain_row *rows)
{
	size_t n = 0;
	struct explain_row *r;
	int family = contact_has_tag(c, p->family_tag);

	r = explain_add(rows, &n, "last contact");
	if (s->last_contact)
		snprintf(r->detail, sizeof r->detail, "s = %.1f days ago", s->days_since);
	else
		snprintf(r->detail, sizeof r->detail, "never; s = %.1f days since added",
		         s->days_since);
	snprintf(r->value, sizeof r->value, "%.1f", s->days_since);

	r = explain_add(rows, &n, "cadence");
	if (s->cadence > 0)
		snprintf(r->detail, sizeof r->detail, "C = %d %s (%s)", s->cadence,
		         buf_plural(s->cadence, "day", "days"),
		         c->cadence_days > 0 ? "own" : model_circle_name(c->circle));
	else
		snprintf(r->detail, sizeof r->detail, "none: recency does not count");
	snprintf(r->value, sizeof r->value, "%d", s->cadence);

	r = explain_add(rows, &n, "recency");
	if (s->cadence > 0)
		snprintf(r->detail, sizeof r->detail, "r = s/C = %.2f; r\u00b2/(1+r\u00b2)", s->ratio);
	else
		snprintf(r->detail, sizeof r->detail, "no cadence");
	snprintf(r->value, sizeof r->value, "%.3f", s->recency);

	r = explain_add(rows, &n, "warmth");
	snprintf(r->detail, sizeof r->detail, "W = %.2f (half-life %.0f d%s); W/(W+%.0f)", s->W,
	         family ? p->half_life_family : p->half_life, family ? ", family" : "", p->warmth_k);
	snprintf(r->value, sizeof r->value, "%.3f", s->warmth);

	r = explain_add(rows, &n, "warmth at last");
	snprintf(r->detail, sizeof r->detail, "warmth when you last spoke");
	snprintf(r->value, sizeof r->value, "%.3f", s->warmth_last);

	r = explain_add(rows, &n, "importance");
	snprintf(r->detail, sizeof r->detail, "%s circle, layer L = %d; sqrt(5/L)",
	         model_circle_name(c->circle), p->layer[c->circle]);
	snprintf(r->value, sizeof r->value, "%.3f", s->importance);

	r = explain_add(rows, &n, "balance");
	snprintf(r->detail, sizeof r->detail, "gave G = %.2f, got R = %.2f; (G-R)/(G+R+1)", s->G,
	         s->R);
	snprintf(r->value, sizeof r->value, "%+.3f", s->balance);

	r = explain_add(rows, &n, "owed");
	double d = s->R - s->G > 0 ? s->R - s->G : 0;
	snprintf(r->detail, sizeof r->detail, "max(0,R-G) = %.2f; d/(d+%.0f)%s", d, p->owed_k,
	         s->owe ? "; you owe them" : "");
	snprintf(r->value, sizeof r->value, "%.3f", s->owed);

	r = explain_add(rows, &n, "attention");
	snprintf(r->detail, sizeof r->detail, "I\u00b7recency\u00b7(0.5+0.5\u00b7warmth at last) = "
	                                      "%.3f\u00b7%.3f\u00b7%.3f",
	         s->importance, s->recency, 0.5 + 0.5 * s->warmth_last);
	snprintf(r->value, sizeof r->value, "%.3f", s->attention_recency);
	explain_share(r, s->attention_recency, s->attention);

	r = explain_add(rows, &n, "");
	snprintf(r->detail, sizeof r->detail, "+ 0.5\u00b7owed");
	snprintf(r->value, sizeof r->value, "%.3f", s->attention_owed);
	explain_share(r, s->attention_owed, s->attention);

	r = explain_add(rows, &n, "");
	snprintf(r->detail, sizeof r->detail, "= attention");
	snprintf(r->value, sizeof r->value, "%.3f", s->attention);

	r = explain_add(rows, &n, "status");
	if (s->cadence > 0)
		snprintf(r->detail, sizeof r->detail, "ok r<1, due r<2, cold r<8, dormant r\u22658 or "
		                                      "s\u2265%d",
		         p->dormant_days);
	else
		snprintf(r->detail, sizeof r->detail, "no cadence: dormant when s\u2265%d",
		         p->dormant_days);
	snprintf(r->value, sizeof r->value, "%s", score_status_name(s->status));
	return n;
}
