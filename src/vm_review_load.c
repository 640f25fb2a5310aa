/* vm_review_load.c: fills the review screen's model from the journal: the
 * store loads the review's input (store_review.h), review.c builds the
 * sections, their wording and the week's counts, and this file turns them
 * into the screen's rows. View layer; depends on store_review.h, review.h,
 * date.h and vm_review.h. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "review.h"
#include "store_review.h"
#include "vm_review.h"

/* The left column holds the people to reach, the right one what is owed on
 * a date: follow-ups, the people just met, birthdays. */
static int vm_review_column(enum review_section s)
{
	return s >= REVIEW_FOLLOWUPS;
}

/* "Week of 2026-11-16 to 2026-11-22" */
static char *vm_review_title(const struct review *r)
{
	char from[16], to[16];
	date_format_day(r->week_start, from);
	date_format_day(date_add_days(r->week_end, -1), to);
	return xasprintf("Weekly review, %s to %s", from, to);
}

/* "This week: 5 interactions, gave 2, got 1, 1 new contact" */
static char *vm_review_summary(const struct review_week *w)
{
	return xasprintf("This week: %lld %s, gave %lld, got %lld, %lld new %s",
	                 (long long)w->interactions,
	                 buf_plural(w->interactions, "interaction", "interactions"),
	                 (long long)w->gave, (long long)w->got, (long long)w->new_contacts,
	                 buf_plural(w->new_contacts, "contact", "contacts"));
}

static unsigned vm_review_count_of(int64_t v)
{
	return v < 0 ? 0 : v > (int64_t)UINT32_MAX ? UINT32_MAX : (unsigned)v;
}

/* The rows of review r (its input in d) into vm, emptied first. */
static void vm_review_fill(struct vm_review *vm, const struct store_review *d,
                           const struct review *r)
{
	vm_review_clear(vm);
	vm->title = vm_review_title(r);
	vm->summary = vm_review_summary(&r->week);
	vm->nudge = r->week_prompt ? xstrdup(r->week_prompt) : NULL;
	for (int i = 0; i < VM_REVIEW_WEEKS && i < REVIEW_WEEKS; i++) {
		vm->weeks[i] = vm_review_count_of(r->week.weekly_interactions[i]);
		vm->gave[i] = vm_review_count_of(r->week.weekly_gave[i]);
		vm->got[i] = vm_review_count_of(r->week.weekly_got[i]);
	}
	struct buf why;
	buf_init(&why);
	for (int s = 0; s < REVIEW_SECTION_COUNT; s++) {
		const struct review_list *l = &r->section[s];
		if (l->n == 0 && r->prompt[s] == NULL)
			continue; /* nothing to show and nothing to say */
		struct vm_review_section *sec = vm_review_add_section(
			vm, review_section_title((enum review_section)s), r->prompt[s],
			vm_review_column((enum review_section)s));
		for (size_t i = 0; i < l->n; i++) {
			const struct review_entry *e = &l->v[i];
			buf_reset(&why);
			if (e->followup_rowid != 0 && e->followup < d->in.nfollowups) {
				buf_puts(&why, d->in.followups[e->followup].text);
				buf_puts(&why, " (");
				buf_puts(&why, e->why);
				buf_puts(&why, ")");
			} else {
				buf_puts(&why, e->why);
			}
			vm_review_add_item(sec, e->contact_rowid, e->followup_rowid,
			                   d->in.people[e->person].c->name, buf_str(&why), THEME_NORMAL);
		}
		sec->more = l->more;
	}
	buf_free(&why);
	vm->loaded = 1;
}

int vm_review_load(struct vm_review *vm, int64_t now, char **cause)
{
	struct store_review d;
	if (store_review_load(vm->st, vm->params, now, &d, cause) != 0) {
		store_review_free(&d);
		return -1;
	}
	struct review r;
	review_build(&r, &d.in);
	/* the selection stays on its row (the same person in the same
	 * section), else on the row that took its place */
	const struct vm_review_item *was = vm_review_selected(vm);
	int64_t contact = was ? was->contact : 0, followup = was ? was->followup : 0;
	char *section = was ? xstrdup(vm_review_section_title(vm, vm->sel)) : NULL;
	size_t sel = vm->sel, offset = vm_review_offset(vm, vm->sel);
	vm_review_fill(vm, &d, &r);
	vm->now = now;
	size_t n = vm_review_count(vm);
	if (contact == 0 || (!vm_review_select_in(vm, section, contact, followup) &&
	                     !vm_review_select_near(vm, section, offset)))
		vm->sel = sel < n ? sel : n ? n - 1 : 0;
	free(section);
	review_free(&r);
	store_review_free(&d);
	return 0;
}
