#!/bin/sh
# tui.sh: end-to-end tests of `kith capture` through tmux: keys are sent to a
# detached session and the screen is read back with capture-pane, polled
# until the expected text appears (or a deadline passes).
# usage: sh tests/tui.sh path/to/kith
set -u

. "$(dirname "$0")/tmux_lib.sh"

# Starts `kith capture` in session $1 at 100x20; extra environment in $2.
# The pane stays after kith exits and shows its exit status.
start() {
	t new-session -d -s "$1" -x 100 -y 20 \
		"env HOME=$TMP XDG_STATE_HOME=$TMP/state KITH_DB=$DB KITH_NOW=$NOW TZ=UTC ${2:-} \
		 $KITH capture; echo EXIT=\$?; sleep 600"
	wait_for "$1" "Enter saves" || not_ok "session $1 starts" "$1"
}

interactions() {
	"$KITH" --db "$DB" timeline --json | grep -c '"kind"'
}

for name in "Fátima Okafor" "Fatma Yilmaz" "Ana Souza" "Ana Lima" "Bruno Lima" \
	"$(printf 'Bidi\342\200\256Name')"; do
	"$KITH" --db "$DB" add "$name" >/dev/null || { echo "tui: cannot add $name"; exit 1; }
done

# 1. the preview follows the typing
start s1
t send-keys -t s1 -l "coffee with @bruno"
check "preview shows the person" s1 "with Bruno Lima"
check "preview shows the kind" s1 "meeting  when today 10:00"
t send-keys -t s1 -l " +gave #devconf !1w"
check "preview shows direction" s1 "direction gave"
check "preview shows tags and follow-up" s1 "tags #devconf  follow-up Fri 2026-11-27"

# 2. Tab completes, a second Tab cycles, Enter saves
t send-keys -t s1 C-u
t send-keys -t s1 -l "lunch with @fat"
check "ambiguous mention flagged" s1 "@fat ?ambiguous"
t send-keys -t s1 Tab
check "Tab completes a name" s1 '> lunch with @"Fátima Okafor"'
check "candidates listed" s1 "1/2 Fátima Okafor · Fatma Yilmaz"
t send-keys -t s1 Tab
check "second Tab cycles" s1 '> lunch with @"Fatma Yilmaz"'
t send-keys -t s1 -l " #x"
check "a key accepts the completion" s1 '> lunch with @"Fatma Yilmaz" #x'
before=$(interactions)
t send-keys -t s1 Enter
check "Enter saves and prints the confirmation" s1 \
	"logged meeting with Fatma Yilmaz, today 2026-11-20 10:00, #x"
check "exit status 0 after saving" s1 "EXIT=0"
after=$(interactions)
if [ "$after" -eq $((before + 1)) ] &&
	"$KITH" --db "$DB" timeline --json | grep -qF '"summary": "lunch with Fatma Yilmaz"'; then
	ok "timeline shows the saved interaction"
else
	not_ok "timeline shows the saved interaction ($before -> $after)"
fi
hist=$TMP/state/kith/capture_history
if [ "$(cat "$hist" 2>/dev/null)" = 'lunch with @"Fatma Yilmaz" #x' ]; then
	ok "history file written"
else
	not_ok "history file written"
fi
case $(ls -l "$hist" 2>/dev/null) in
-rw-------*) ok "history file is private (0600)" ;;
*) not_ok "history file is private (0600)" ;;
esac

# 3. errors: shown with the line kept; Enter on them saves nothing; Esc leaves
start s2
t send-keys -t s2 -l 'coffee with @"Ana'
check "parse error shown" s2 "unterminated quote"
t send-keys -t s2 C-u
t send-keys -t s2 -l "coffee with @ana"
t send-keys -t s2 Enter
check "Enter on an ambiguous name explains" s2 "cannot save: @ana is ambiguous"
t send-keys -t s2 C-u
t send-keys -t s2 -l "coffee with @zed"
t send-keys -t s2 Enter
check "Enter on an unknown name explains" s2 "nobody called @zed"
t send-keys -t s2 Escape
check "Esc leaves" s2 "EXIT=1"
if [ "$(interactions)" -eq "$after" ]; then
	ok "nothing written by Enter on errors and Esc"
else
	not_ok "nothing written by Enter on errors and Esc"
fi

# 4. history: Up brings back the saved line
start s3
t send-keys -t s3 -l "draft"
t send-keys -t s3 Up
check "Up recalls the last saved line" s3 '> lunch with @"Fatma Yilmaz" #x'
t send-keys -t s3 Down
check "Down returns to the line being edited" s3 "> draft"

# 5. sizes: small, too small, and back
t send-keys -t s3 -l " with @bruno"
t resize-window -t s3 -x 30 -y 5
check "30x5 still shows the line" s3 "> draft with @bruno"
t resize-window -t s3 -x 15 -y 3
check "15x3 says the terminal is too small" s3 "terminal too"
t resize-window -t s3 -x 100 -y 20
check "back to 100x20 paints everything" s3 "with Bruno Lima"
if [ -n "$(kith_pid s3)" ] && ! t capture-pane -p -t s3 | grep -q "EXIT="; then
	ok "kith still runs after the resizes"
else
	not_ok "kith still runs after the resizes" s3
fi

# 6. untrusted text is escaped; NO_COLOR means no colours
start s4 NO_COLOR=1
t send-keys -t s4 -l "coffee @bidi"
check "controls in names are escaped" s4 'with Bidi\u202eName'
if t capture-pane -e -p -t s4 | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then
	not_ok "NO_COLOR: no colours" s4
else
	ok "NO_COLOR: no colours"
fi
start s5
t send-keys -t s5 -l "coffee @bruno"
if wait_for s5 "with Bruno Lima" &&
	t capture-pane -e -p -t s5 | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then
	ok "colours by default"
else
	not_ok "colours by default" s5
fi

# 7. a signal restores the terminal and ends kith
kpid=$(kith_pid s5)
if [ -n "$kpid" ] && kill -TERM "$kpid" 2>/dev/null; then
	check "SIGTERM ends kith" s5 "EXIT=143"
else
	not_ok "SIGTERM ends kith (no process)" s5
fi

echo "tui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
