#!/bin/sh
# tui_review.sh: one end-to-end pass over the weekly review screen (`w`)
# through tmux: open it, move, snooze the selected person and see them leave
# "Reach out", undo, a follow-up typed in place, log with the capture prompt
# prefilled with that person only, a write from another shell recomputing the
# sections, the record and back, a resize to two columns and down to 1x1,
# then back to the list and quit. Screens are polled, never slept on.
# usage: sh tests/tui_review.sh path/to/kith
set -u

KITH_USAGE="usage: sh tests/tui_review.sh KITH"
. "$(dirname "$0")/tmux_lib.sh"

"$KITH" --db "$DB" add "Ana Souza" --circle inner >/dev/null &&
	"$KITH" --db "$DB" add "Bruno Lima" --circle close >/dev/null &&
	"$KITH" --db "$DB" add "Chen Wei" --circle close >/dev/null &&
	"$KITH" --db "$DB" log 2026-10-30 coffee with @ana >/dev/null &&
	"$KITH" --db "$DB" log 2026-11-06 coffee with @bruno: +got intro >/dev/null &&
	"$KITH" --db "$DB" log 2026-09-01 call with @chen >/dev/null ||
	{ echo "tui_review: cannot make the journal"; exit 1; }

S=review$$
t new-session -d -s "$S" -x 80 -y 24 \
	"env HOME=$TMP XDG_STATE_HOME=$TMP/state XDG_CONFIG_HOME=$TMP/config KITH_DB=$DB \
	 KITH_NOW=$NOW TZ=UTC $KITH; echo EXIT=\$?; sleep 600"
wait_for "$S" "sort:attention" || not_ok "the program starts" "$S"

# open, move
t send-keys -t "$S" w
check "w opens the review" "$S" "Weekly review, 2026-11-16 to 2026-11-22"
check "with the sparklines" "$S" "interactions "
check "and the sections" "$S" "Reach out (3)"
check "the first row is selected" "$S" "> Ana Souza"
check "the status line says where" "$S" "1/"

# snooze in place, and undo
t send-keys -t "$S" z
check "z snoozes the selected person" "$S" "snoozed Ana Souza until 2026-11-27"
check "who leaves reach out at once" "$S" "Reach out (2)"
t send-keys -t "$S" u
check "u undoes the snooze" "$S" "undid the snooze of Ana Souza"
check "she is back" "$S" "Reach out (3)"

# a follow-up typed in place, on the row selected with j
t send-keys -t "$S" g j
check "j selects the next row" "$S" "> Chen Wei"
t send-keys -t "$S" f
check "f asks about that person" "$S" "follow-up with Chen Wei, WHEN TEXT:"
t send-keys -t "$S" -l "1w ask about the move"
t send-keys -t "$S" Enter
check "the follow-up is written" "$S" "follow-up with Chen Wei on 2026-11-27"
if "$KITH" --db "$DB" show chen | grep -q "ask about the move"; then
	ok "the follow-up is in the journal"
else
	not_ok "the follow-up is in the journal" "$S"
fi

# c: the capture prompt with that person only, and the sections after it
t send-keys -t "$S" g
t send-keys -t "$S" c
check "c opens the capture prompt with the row's person" "$S" '> @"Ana Souza"'
t send-keys -t "$S" -l "coffee"
t send-keys -t "$S" Enter
check "back on the review with the confirmation" "$S" "logged meeting with Ana Souza"
check "she is no longer due" "$S" "Reach out (2)"

# a write from another shell recomputes the sections
"$KITH" --db "$DB" log call with @chen >/dev/null
check "another shell's log shows in the review" "$S" "Reach out (1)"

# the record, and back to the review
t send-keys -t "$S" g Enter
check "Enter opens the row's record" "$S" "circle    close"
t send-keys -t "$S" Escape
check "Esc comes back to the review" "$S" "Weekly review, 2026-11-16"

# two columns, then a storm down to 1x1, and a usable screen again
t resize-window -t "$S" -x 140 -y 45
check "two columns at 140x45" "$S" "│ Met, no follow-up"
for size in 1x1 20x6 10x3 79x23 40x12 1x1; do
	t resize-window -t "$S" -x "${size%x*}" -y "${size#*x}"
done
t resize-window -t "$S" -x 80 -y 24
check "after the storm, the review is painted again" "$S" "Weekly review, 2026-11-16"
if ! t capture-pane -p -t "$S" | grep -q "EXIT="; then
	ok "kith still runs after the resizes"
else
	not_ok "kith still runs after the resizes" "$S"
fi

# back to the list, and quit
t send-keys -t "$S" q
check "q goes back to the list" "$S" "sort:attention"
t send-keys -t "$S" q
check "q quits with status 0" "$S" "EXIT=0"
t kill-session -t "$S" 2>/dev/null

echo "tui_review: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
