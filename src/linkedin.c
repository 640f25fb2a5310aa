/* linkedin.c: LinkedIn's Connections.csv: its header row known by content in five
 * languages, its "Notes:" preamble, and its Connected On dates. Pure; depends on
 * csv_map.h (column names), date.h and utf8.h (folding). */
#include "linkedin.h"

#include <stdlib.h>
#include <string.h>

#include "csv_map.h"
#include "date.h"
#include "utf8.h"

int linkedin_header_is(const struct strv *cells)
{
	int first = 0, last = 0, others = 0;
	unsigned seen = 0;
	for (size_t i = 0; i < cells->n; i++) {
		enum csv_target t = csv_map_target(cells->v[i], NULL);
		switch (t) {
		case CSV_COL_FIRST:
			first = 1;
			break;
		case CSV_COL_LAST:
			last = 1;
			break;
		case CSV_COL_URL:
		case CSV_COL_EMAIL:
		case CSV_COL_ORG:
		case CSV_COL_ROLE:
		case CSV_COL_CONNECTED:
			if (!(seen & (1u << t))) {
				seen |= 1u << t;
				others++;
			}
			break;
		default:
			break;
		}
	}
	/* LinkedIn writes seven columns; Google's and Outlook's many more have names too */
	return first && last && ((seen & (1u << CSV_COL_CONNECTED)) || others >= 3) &&
	       cells->n <= 8;
}

int linkedin_preamble_is(const struct strv *cells)
{
	if (cells->n != 1)
		return 0;
	const char *s = cells->v[0];
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n < 2 || s[n - 1] != ':')
		return 0;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == ' ' && i + 2 < n)
			return 0; /* one word, then perhaps a space before the colon */
	return 1;
}

/* Month abbreviations that start a month's name in English, German, French, Spanish or
 * Portuguese, folded (févr. -> fevr, März -> marz, août -> aout). */
static const struct {
	const char *prefix;
	int month;
} linkedin_months[] = {
	{"jan", 1},  {"ene", 1},  {"feb", 2},  {"fev", 2},  {"mar", 3},  {"apr", 4},
	{"avr", 4},  {"abr", 4},  {"may", 5},  {"mai", 5},  {"juin", 6}, {"jun", 6},
	{"juil", 7}, {"jul", 7},  {"aug", 8},  {"aout", 8}, {"ago", 8},  {"sep", 9},
	{"set", 9},  {"oct", 10}, {"okt", 10}, {"out", 10}, {"nov", 11}, {"dec", 12},
	{"dez", 12}, {"dic", 12},
};

static int linkedin_month_of(const char *w)
{
	if (strlen(w) < 3)
		return 0;
	for (size_t i = 0; i < sizeof linkedin_months / sizeof linkedin_months[0]; i++)
		if (strncmp(w, linkedin_months[i].prefix, strlen(linkedin_months[i].prefix)) == 0)
			return linkedin_months[i].month;
	return 0;
}

/* A whole number of 1 to 4 digits, else -1. */
static int linkedin_number(const char *w)
{
	size_t n = strlen(w);
	if (n == 0 || n > 4 || strspn(w, "0123456789") != n)
		return -1;
	return atoi(w);
}

int linkedin_date_parse(const char *s, int *y, int *m, int *d)
{
	int yy = 0, mm = 0, dd = 0;
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		char part[5];
		memcpy(part, s, 4);
		part[4] = '\0';
		yy = linkedin_number(part);
		memcpy(part, s + 5, 2);
		part[2] = '\0';
		mm = linkedin_number(part);
		memcpy(part, s + 8, 2);
		dd = linkedin_number(part);
	} else {
		char *f = utf8_fold(s);
		int words = 0;
		for (char *w = strtok(f, " ,."); w != NULL; w = strtok(NULL, " ,.")) {
			int num = linkedin_number(w);
			if (strcmp(w, "de") == 0)
				continue; /* "3 de marzo de 2024" */
			if (num >= 0 && strlen(w) == 4 && yy == 0)
				yy = num;
			else if (num > 0 && strlen(w) <= 2 && dd == 0)
				dd = num;
			else if (num < 0 && mm == 0 && (mm = linkedin_month_of(w)) != 0)
				;
			else
				yy = -1; /* a word that is no part of a date */
			words++;
		}
		free(f);
		if (words != 3)
			return -1;
	}
	if (yy <= 0 || !date_valid_ymd(yy, mm, dd))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

void linkedin_met(struct buf *out, const char *connected_on)
{
	static const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	int y, m, d;
	buf_puts(out, "LinkedIn");
	if (connected_on == NULL || *connected_on == '\0')
		return;
	if (linkedin_date_parse(connected_on, &y, &m, &d) == 0)
		buf_printf(out, ", %02d %s %d", d, names[m - 1], y);
	else
		buf_printf(out, ", %s", connected_on);
}
