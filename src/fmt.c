/* fmt.c: short forms of ages, bars and the give-and-take mark (fmt.h).
 * Pure; depends on utf8.h. */
#include "fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

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

void fmt_bar(double v, int cells, int ascii, char out[32])
{
	struct buf b;
	buf_init(&b);
	utf8_bar(&b, v > 1 ? 1 : v, cells > 8 ? 8 : cells, ascii);
	snprintf(out, 32, "%s", buf_str(&b));
	buf_free(&b);
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
