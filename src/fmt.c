/* fmt.c: short forms of ages, bars and the give-and-take mark (fmt.h).
 * Pure; depends on libc only. */
#include "fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void fmt_age(double days, char out[16])
{
	if (!(days > 0))
		days = 0;
	if (days < 60)
		snprintf(out, 16, "%dd", (int)days);
	else if (days < 730)
		snprintf(out, 16, "%dmo", (int)(days / 30.44));
	else
		snprintf(out, 16, "%dy", (int)fmin(days / 365.25, 9999));
}

void fmt_bar(double v, int cells, char out[32])
{
	if (cells > 8)
		cells = 8;
	if (!(v > 0))
		v = 0;
	if (v > 1)
		v = 1;
	int full = (int)lround(v * cells);
	out[0] = '\0';
	for (int i = 0; i < cells; i++)
		strcat(out, i < full ? "\u2588" : "\u00b7");
}

const char *fmt_balance_mark(int owe, double balance)
{
	if (owe)
		return "owe";
	if (balance >= 1.0 / 3)
		return "gave";
	if (balance <= -1.0 / 3)
		return "got";
	return "";
}
