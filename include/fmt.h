/* fmt.h: the short forms a list of contacts shows, shared by `kith list` and
 * the full-screen program: an age ("12d", "3mo", "2y"), a bar of cells for a
 * value in [0,1], and the give-and-take mark. Pure; depends on utf8.h. */
#ifndef KITH_FMT_H
#define KITH_FMT_H

#include <stddef.h>

/* "12d" under 60 days, "3mo" under two years, else "2y"; into out. */
void fmt_age(double days, char out[16]);
/* cells (at most 8) cells of "█" filled for round(v * cells), "·" for the
 * rest (ascii: "#" and "."), into out (NUL-terminated; 3 bytes a cell at
 * most), as utf8_bar draws them. */
void fmt_bar(double v, int cells, int ascii, char out[32]);
/* "owe" when I owe, "gave" when the balance is at least 1/3, "got" when it is
 * at most -1/3, else "" (static strings). */
const char *fmt_balance_mark(int owe, double balance);

#endif
