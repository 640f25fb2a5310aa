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

for name in "Fátima Okafor" "Fatma Yilmaz" "Ana Souza" "Ana Lima" "Bruno Lima" "Bidi Name"; do
	"$KITH" --db "$DB" add "$name" >/dev/null || { echo "tui: cannot add $name"; exit 1; }
done
# kith add refuses control characters: a hostile name comes in behind its back
"$(dirname "$KITH")/tests/sql_exec" "$DB" \
	"UPDATE contact SET name = 'Bidi' || char(8238) || 'Name' WHERE name = 'Bidi Name'" ||
	{ echo "tui: cannot write a hostile name with tests/sql_exec"; exit 1; }

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

# 8. rm asks on a terminal, counting only what goes: the interactions the
# person alone had, and the shared ones that stay
"$KITH" --db "$DB" add "Ravi Patel" >/dev/null
"$KITH" --db "$DB" add "Rosa Diaz" >/dev/null
"$KITH" --db "$DB" log coffee with @ravi and @rosa >/dev/null
"$KITH" --db "$DB" log call @ravi >/dev/null
"$KITH" --db "$DB" log lunch @ravi >/dev/null
"$KITH" --db "$DB" followup ravi 3d send the slides >/dev/null
t new-session -d -s s6 -x 100 -y 20 \
	"env KITH_DB=$DB KITH_NOW=$NOW TZ=UTC $KITH rm ravi; echo EXIT=\$?; sleep 600"
check "rm counts what goes and what stays" s6 \
	"remove Ravi Patel, 1 follow-up and 2 interactions (1 shared with others stays)? [y/N]"
t send-keys -t s6 -l n
t send-keys -t s6 Enter
check "rm: no keeps the person" s6 "EXIT=1"
t new-session -d -s s7 -x 100 -y 20 \
	"env KITH_DB=$DB KITH_NOW=$NOW TZ=UTC $KITH rm rosa; echo EXIT=\$?; sleep 600"
check "rm of a person with only shared interactions" s7 \
	"remove Rosa Diaz (1 interaction shared with others stays)? [y/N]"
t send-keys -t s7 -l y
t send-keys -t s7 Enter
check "rm: yes removes, saying what stays" s7 "; 1 interaction shared with others stays"

# 9. a write waits for another kith's long write, and says so on a terminal:
# a large demo holds the write lock while it prints its progress; a kith log
# started meanwhile says it waits, then logs once the demo is done
WDB=$TMP/wait.db
KITH_DB=$WDB "$KITH" add "Zebediah Quux" >/dev/null 2>&1
t new-session -d -s w1 -x 100 -y 5 \
	"env KITH_DB=$WDB KITH_NOW=$NOW TZ=UTC $KITH demo --force --contacts 20000 \
	 --interactions 60000; echo EXIT=\$?; sleep 600"
if wait_for w1 "generating the demo network"; then
	t new-session -d -s w2 -x 100 -y 5 \
		"env KITH_DB=$WDB KITH_NOW=$NOW TZ=UTC $KITH log 'call with @zebediah'; echo EXIT=\$?; sleep 600"
	check "a write meeting a long one says it waits" w2 "kith: waiting for another kith to finish writing..."
	deadline=$(($(date +%s) + 120))
	until t capture-pane -p -t w1 | grep -q "EXIT=" || [ "$(date +%s)" -ge "$deadline" ]; do
		sleep 0.2
	done
	check "the long write ends well" w1 "EXIT=0"
	check "the waiting write is then done" w2 "logged call with Zebediah Quux"
	check "the waiting write exits 0" w2 "EXIT=0"
else
	not_ok "the demo shows its progress" w1
fi

# 10. namesakes: Tab offers each Ana Lima with her organisation and writes the
# id form of the one shown; Enter logs to that one, not to her namesake
"$KITH" --db "$DB" edit "Ana Lima" --org Acme >/dev/null
"$KITH" --db "$DB" add "Ana Lima" --org Globex >/dev/null 2>&1
id_of() { # the id of the Ana Lima of organisation $1
	"$KITH" --db "$DB" list --json | tr -d '\n' | sed 's/},/}\n/g' |
		grep "\"org\": \"$1\"" | sed -n 's/.*"id": "\([0-9a-f-]*\)".*/\1/p'
}
acme=$(id_of Acme)
globex=$(id_of Globex)
start s8
t send-keys -t s8 -l "tea with @ana.lim"
t send-keys -t s8 Tab
check "namesakes listed with their organisations" s8 "Ana Lima (Acme)"
check "the other namesake is listed too" s8 "Ana Lima (Globex)"
if wait_for s8 '> tea with @"Ana Lima"#'; then
	shown=$(t capture-pane -p -t s8 | sed -n 's/.*> tea with @"Ana Lima"#\([0-9a-f]*\).*/\1/p')
	case $globex in
	"$shown"*) ;;
	*) t send-keys -t s8 Tab ;;
	esac
	check "Tab writes the id form of Globex's Ana Lima" s8 "> tea with @\"Ana Lima\"#$(echo "$globex" | cut -c1-8)"
else
	not_ok "Tab writes an id form" s8
fi
t send-keys -t s8 Enter
check "Enter saves the namesake" s8 "logged meeting with Ana Lima"
if "$KITH" --db "$DB" timeline "$globex" --json | grep -qF '"summary": "tea with Ana Lima"' &&
	! "$KITH" --db "$DB" timeline "$acme" --json | grep -qF '"summary": "tea with Ana Lima"'; then
	ok "the line is logged to the namesake chosen"
else
	not_ok "the line is logged to the namesake chosen"
fi

echo "tui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
