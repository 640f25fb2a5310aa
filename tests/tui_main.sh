#!/bin/sh
# tui_main.sh: end-to-end tests of the full-screen program (`kith` alone)
# through tmux: start, navigate, filter, capture and see the row in the
# journal (a namesake prefilled by id), a write from another process appearing,
# a storm of resizes, quit, list options on a terminal,
# and SIGTERM giving the terminal back. Screens are polled, never slept on.
# usage: sh tests/tui_main.sh path/to/kith
set -u

KITH_USAGE="usage: sh tests/tui_main.sh KITH"
. "$(dirname "$0")/tmux_lib.sh"

# Starts `kith` in session $1 at $2 (COLSxROWS, default 100x30); extra
# environment in $3. The pane stays after kith exits and shows its status.
start() {
	size=${2:-100x30}
	t new-session -d -s "$1" -x "${size%x*}" -y "${size#*x}" \
		"env HOME=$TMP XDG_STATE_HOME=$TMP/state XDG_CONFIG_HOME=$TMP/config KITH_DB=$DB \
		 KITH_NOW=$NOW TZ=UTC ${3:-} $KITH; echo EXIT=\$?; sleep 600"
	wait_for "$1" "sort:attention" || not_ok "session $1 starts" "$1"
}

interactions() {
	"$KITH" --db "$DB" timeline --json | grep -c '"kind"'
}

"$KITH" --db "$DB" add "Ana Souza" --org Acme --circle inner >/dev/null &&
	"$KITH" --db "$DB" add "Bruno Lima" --org Globex --circle close >/dev/null &&
	"$KITH" --db "$DB" add "Chen Wei" --org Initech --circle wide --tag devconf >/dev/null &&
	"$KITH" --db "$DB" log 2026-11-01 coffee with @ana >/dev/null ||
	{ echo "tui_main: cannot make the journal"; exit 1; }

# 1. start, navigate
start m1
check "the contacts pane" m1 "Contacts 3"
check "the selected contact's timeline" m1 "coffee with Ana Souza"
t send-keys -t m1 j
check "j moves down" m1 "2/3"
t send-keys -t m1 G
check "G goes to the end" m1 "3/3"
t send-keys -t m1 g
check "g goes to the top" m1 "1/3"

if t capture-pane -e -p -t m1 | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then
	ok "colours by default"
else
	not_ok "colours by default" m1
fi

# 2. the live filter: Enter keeps, Esc restores
t send-keys -t m1 /
t send-keys -t m1 -l "initech"
check "the filter narrows the list as typed" m1 "/initech   1/1 of 3"
t send-keys -t m1 Enter
check "Enter keeps the filter" m1 "filter:initech"
t send-keys -t m1 / C-u Escape
check "Esc answers at once and restores" m1 "filter:initech"

# 3. a write from another process appears, the selection on its contact
t send-keys -t m1 / C-u Enter
check "the selection stays on its contact" m1 "3/3  sort"
t send-keys -t m1 t
check "t shows everyone's timeline" m1 "Timeline: everyone"
"$KITH" --db "$DB" log yesterday call with @bruno about the offsite >/dev/null
check "another process's log appears" m1 "2026-11-19 call       call with Bruno Lima"
check "the selection stays on the same contact" m1 "3/3  sort"

# 4. capture inside the program, and the row in the journal
before=$(interactions)
t send-keys -t m1 /
t send-keys -t m1 -l "ana"
t send-keys -t m1 Enter
check "Ana selected" m1 "1/1 of 3"
t send-keys -t m1 c
check "c opens the capture prompt prefilled" m1 '> @"Ana Souza"'
t send-keys -t m1 -l "lunch #tui"
t send-keys -t m1 Enter
check "back in the program with the confirmation" m1 "logged meeting with Ana Souza"
check "the program is painted again" m1 "Contacts 3"
if [ "$(interactions)" -eq $((before + 1)) ] &&
	"$KITH" --db "$DB" timeline --json | grep -qF '"summary": "Ana Souza lunch"'; then
	ok "the captured line is in the journal"
else
	not_ok "the captured line is in the journal" m1
fi
t send-keys -t m1 u
check "u undoes the log" m1 "undid the log"
if [ "$(interactions)" -eq "$before" ]; then ok "undo removed it"; else not_ok "undo removed it"; fi

# 5. a resize storm, then a usable screen
for size in 200x60 10x3 1x1 80x24 150x5 19x6 100x30; do
	t resize-window -t m1 -x "${size%x*}" -y "${size#*x}"
done
t resize-window -t m1 -x 1 -y 1
t resize-window -t m1 -x 80 -y 24
check "after the storm, all is painted again" m1 "Contacts 3"
if [ -n "$(kith_pid m1)" ] && ! t capture-pane -p -t m1 | grep -q "EXIT="; then
	ok "kith still runs after the resizes"
else
	not_ok "kith still runs after the resizes" m1
fi

# 6. quit
t send-keys -t m1 q
check "q quits with status 0" m1 "EXIT=0"

# 7. SIGTERM gives the terminal back
start m2 100x30
t send-keys -t m2 ?
check "the help" m2 "this help"
kpid=$(kith_pid m2)
if [ -n "$kpid" ] && kill -TERM "$kpid" 2>/dev/null; then
	check "SIGTERM ends kith" m2 "EXIT=143"
	# the shell prints after kith: the terminal is back in its normal screen
	if t capture-pane -p -t m2 | grep -q "this help"; then
		not_ok "the program's screen is gone" m2
	else
		ok "the program's screen is gone"
	fi
else
	not_ok "SIGTERM ends kith (no process)" m2
fi

# 8. SIGHUP and a crash signal give the terminal back too
for sig in HUP:129 SEGV:139; do
	name=${sig%:*}
	start "s$name" 100x30
	t send-keys -t "s$name" ?
	wait_for "s$name" "this help" || not_ok "s$name shows the help" "s$name"
	kpid=$(kith_pid "s$name")
	if [ -n "$kpid" ] && kill "-$name" "$kpid" 2>/dev/null; then
		check "SIG$name ends kith" "s$name" "EXIT=${sig#*:}"
		if t capture-pane -p -t "s$name" | grep -q "this help"; then
			not_ok "after SIG$name the program's screen is gone" "s$name"
		else
			ok "after SIG$name the program's screen is gone"
		fi
	else
		not_ok "SIG$name ends kith (no process)" "s$name"
	fi
done

# 9. NO_COLOR: no colours, the meaning still there in words and marks
start nc 100x30 NO_COLOR=1
if t capture-pane -e -p -t nc | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then
	not_ok "NO_COLOR: no colours" nc
else
	ok "NO_COLOR: no colours"
fi
check "NO_COLOR: the status as a word" nc "cold"

# 10. no terminal type: a clear message and status 1
t new-session -d -s m3 -x 100 -y 30 \
	"env HOME=$TMP KITH_DB=$DB TERM=dumb $KITH; echo EXIT=\$?; sleep 600"
check "TERM=dumb is refused" m3 "the terminal 'dumb' cannot show"
check "with status 1" m3 "EXIT=1"

# 11. stdout not a terminal: the ranked list, as before
if "$KITH" --db "$DB" | grep -q "^Ana Souza"; then
	ok "kith | cat prints the list"
else
	not_ok "kith | cat prints the list"
fi

# 12. list's options ask for the list, on a terminal too
t new-session -d -s m4 -x 100 -y 30 \
	"env HOME=$TMP KITH_DB=$DB KITH_NOW=$NOW TZ=UTC $KITH -n 1 --sort name; echo EXIT=\$?; sleep 600"
check "kith -n 1 on a terminal prints the list" m4 "EXIT=0"
if t capture-pane -p -t m4 | grep -q "^Ana Souza" &&
	! t capture-pane -p -t m4 | grep -q "^Bruno Lima"; then
	ok "with its options"
else
	not_ok "with its options" m4
fi

# 13. c on a contact with a namesake prefills the id form that names her
"$KITH" --db "$DB" add "Ana Souza" --org Umbrella >/dev/null 2>&1
umbrella=$("$KITH" --db "$DB" list --json | tr -d '\n' | sed 's/},/}\n/g' |
	grep '"org": "Umbrella"' | sed -n 's/.*"id": "\([0-9a-f-]*\)".*/\1/p')
start m5
t send-keys -t m5 /
t send-keys -t m5 -l "umbrella"
t send-keys -t m5 Enter
check "the namesake selected" m5 "1/1 of 4"
t send-keys -t m5 c
check "c prefills the id form" m5 "> @\"Ana Souza\"#$(echo "$umbrella" | cut -c1-8)"
t send-keys -t m5 -l "walk"
t send-keys -t m5 Enter
check "the prefilled line saves" m5 "logged meeting with Ana Souza"
if "$KITH" --db "$DB" timeline "$umbrella" --json | grep -qF '"summary": "Ana Souza walk"'; then
	ok "the prefilled line is logged to that namesake"
else
	not_ok "the prefilled line is logged to that namesake" m5
fi
t send-keys -t m5 q

echo "tui_main: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
