#!/bin/sh
# tui_main.sh: end-to-end tests of the full-screen program (`kith` alone)
# through tmux: start, navigate, filter, capture and see the row in the
# journal (a namesake prefilled by id), a sync after a save and after an undo
# writing the journal's file, a write from another process appearing,
# a storm of resizes, quit, list options on a terminal, SIGTERM giving the
# terminal back, no CPU used while idle, a hung-up terminal ending it, TERM
# refused, and the welcome of a missing journal giving way to what another
# shell writes, the welcome's import of a CSV file, the mouse, Home, End and
# C-l, the filter's count in the title, c in a record, and ASCII outside a
# UTF-8 locale. Screens are polled, never slept on.
# usage: sh tests/tui_main.sh path/to/kith
set -u

KITH_USAGE="usage: sh tests/tui_main.sh KITH"
. "$(dirname "$0")/tmux_lib.sh"
FIXTURES=$(cd "$(dirname "$0")/fixtures" && pwd)

# Starts `kith` in session $1 at $2 (COLSxROWS, default 100x30); extra
# environment in $3. The pane stays after kith exits and shows its status,
# and whether the terminal's line modes came back (TTY=sane) or not.
start() {
	size=${2:-100x30}
	t new-session -d -s "$1" -x "${size%x*}" -y "${size#*x}" \
		"env HOME=$TMP XDG_STATE_HOME=$TMP/state XDG_CONFIG_HOME=$TMP/config KITH_DB=$DB \
		 KITH_NOW=$NOW TZ=UTC ${3:-} $KITH; echo EXIT=\$?; \
		 if stty | grep -qwE -- '-echo|-icanon'; then echo TTY=raw; else echo TTY=sane; fi; \
		 sleep 600"
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
# a sync after each save of the program, the undo too, writes the journal's file
mkdir -p "$TMP/sync"
"$KITH" --db "$DB" sync "$TMP/sync" >/dev/null
synced() {
	if "$KITH" --db "$DB" sync "$TMP/sync" | grep -q "wrote this journal's file"; then
		ok "a sync after $1 writes the journal's file"
	else
		not_ok "a sync after $1 writes the journal's file"
	fi
}
t send-keys -t m1 c
check "c opens the capture prompt prefilled" m1 '> @"Ana Souza"'
t send-keys -t m1 -l "lunch #tui"
t send-keys -t m1 Enter
check "back in the program with the confirmation" m1 "logged meeting with Ana Souza"
check "the program is painted again" m1 "Contacts 1/3"
if [ "$(interactions)" -eq $((before + 1)) ] &&
	"$KITH" --db "$DB" timeline --json | grep -qF '"summary": "Ana Souza lunch"'; then
	ok "the captured line is in the journal"
else
	not_ok "the captured line is in the journal" m1
fi
synced "the program's capture"
t send-keys -t m1 u
check "u undoes the log" m1 "undid the log"
if [ "$(interactions)" -eq "$before" ]; then ok "undo removed it"; else not_ok "undo removed it"; fi
synced "the program's undo"

# 5. a resize storm, then a usable screen
for size in 200x60 10x3 1x1 80x24 150x5 19x6 100x30; do
	t resize-window -t m1 -x "${size%x*}" -y "${size#*x}"
done
t resize-window -t m1 -x 1 -y 1
t resize-window -t m1 -x 80 -y 24
check "after the storm, all is painted again" m1 "Contacts 1/3"
if [ -n "$(kith_pid m1)" ] && ! t capture-pane -p -t m1 | grep -q "EXIT="; then
	ok "kith still runs after the resizes"
else
	not_ok "kith still runs after the resizes" m1
fi

# 6. quit
t send-keys -t m1 q
check "q quits with status 0" m1 "EXIT=0"
check "after q the terminal echoes again" m1 "TTY=sane"

# 7. SIGTERM gives the terminal back
start m2 100x30
t send-keys -t m2 ?
check "the help" m2 "this help"
kpid=$(kith_pid m2)
if [ -n "$kpid" ] && kill -TERM "$kpid" 2>/dev/null; then
	check "SIGTERM ends kith" m2 "EXIT=143"
	check "after SIGTERM the terminal echoes again" m2 "TTY=sane"
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
		check "after SIG$name the terminal echoes again" "s$name" "TTY=sane"
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

# 11. idle, kith sleeps: well under a tenth of a second of CPU in two seconds
start idle 100x30
ipid=$(kith_pid idle)
cpu() { # user and system clock ticks of process $1
	awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null
}
if [ -n "$ipid" ] && [ -r "/proc/$ipid/stat" ]; then
	c0=$(cpu "$ipid")
	sleep 2
	c1=$(cpu "$ipid")
	ticks=$(getconf CLK_TCK 2>/dev/null || echo 100)
	if [ -n "$c0" ] && [ -n "$c1" ] && [ $(((c1 - c0) * 10)) -lt "$ticks" ]; then
		ok "idle, kith does not spin"
	else
		not_ok "idle, kith does not spin ($c0 -> $c1 ticks)" idle
	fi
else
	ok "idle, kith does not spin # SKIP no /proc"
fi

# 12. the terminal hung up (its pane killed) while kith ignores SIGHUP: the
# failed reads end it instead of a busy loop
for what in main form; do
	t new-session -d -s "hup$what" -x 100 -y 30 \
		"sh -c 'trap \"\" HUP; env HOME=$TMP XDG_CONFIG_HOME=$TMP/config KITH_DB=$DB \
		 KITH_NOW=$NOW TZ=UTC $KITH'"
	wait_for "hup$what" "sort:attention" || not_ok "hup$what starts" "hup$what"
	[ "$what" = form ] && t send-keys -t "hup$what" a && wait_for "hup$what" "New contact"
	hpid=$(kith_pid "hup$what")
	t kill-session -t "hup$what"
	deadline=$(($(date +%s) + 5))
	while [ -n "$hpid" ] && kill -0 "$hpid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
		sleep 0.05
	done
	if [ -n "$hpid" ] && ! kill -0 "$hpid" 2>/dev/null; then
		ok "a hung-up terminal ends kith ($what)"
	else
		not_ok "a hung-up terminal ends kith ($what)"
		[ -n "$hpid" ] && kill -KILL "$hpid" 2>/dev/null
	fi
done

# 13. TERM unset or unknown to terminfo: a clear message and status 1
t new-session -d -s m4 -x 100 -y 30 \
	"env -u TERM HOME=$TMP KITH_DB=$DB $KITH; echo EXIT=\$?; sleep 600"
check "TERM unset is refused" m4 "TERM is not set"
check "TERM unset: status 1" m4 "EXIT=1"
t new-session -d -s m5 -x 100 -y 30 \
	"env HOME=$TMP KITH_DB=$DB TERM=no-such-terminal $KITH; echo EXIT=\$?; sleep 600"
check "an unknown TERM is refused" m5 "cannot use the terminal 'no-such-terminal'"
check "an unknown TERM: status 1" m5 "EXIT=1"

# 14. a first run on a missing journal: the welcome, then what another shell
# writes, as soon as the file is made
t new-session -d -s w1 -x 100 -y 30 \
	"env HOME=$TMP XDG_CONFIG_HOME=$TMP/config KITH_DB=$TMP/new/kith.db KITH_NOW=$NOW \
	 TZ=UTC $KITH; echo EXIT=\$?; sleep 600"
check "an empty journal shows the welcome" w1 "Welcome to kith"
if [ -e "$TMP/new/kith.db" ]; then
	not_ok "the welcome makes no file"
else
	ok "the welcome makes no file"
fi
"$KITH" --db "$TMP/new/kith.db" add "Zed Quill" >/dev/null
check "a contact added from another shell replaces the welcome" w1 "Zed Quill"
check "and is counted" w1 "Contacts 1"

# 14b. the welcome's import: `i`, the path of a CSV file, Enter, and the
# contacts are there, the status line saying what came in
t new-session -d -s wimport -x 100 -y 30 \
	"env HOME=$TMP XDG_CONFIG_HOME=$TMP/config KITH_DB=$TMP/imported/kith.db KITH_NOW=$NOW \
	 TZ=UTC $KITH; echo EXIT=\$?; sleep 600"
check "the welcome offers an import" wimport "to import vCard, CSV, JSON Lines or vdir"
t send-keys -t wimport i
check "i asks for the path" wimport "import a vCard, CSV or JSON Lines file"
t send-keys -t wimport -l "$FIXTURES/import/people.csv"
t send-keys -t wimport Enter
check "the imported contacts appear" wimport "Dora Alves"
check "the status line says what came in" wimport "imported 2 contacts from people.csv (CSV)"
t send-keys -t wimport q
check "and q quits" wimport "EXIT=0"

# 15. stdout not a terminal: the ranked list, as before
if "$KITH" --db "$DB" | grep -q "^Ana Souza"; then
	ok "kith | cat prints the list"
else
	not_ok "kith | cat prints the list"
fi

# 16. list's options ask for the list, on a terminal too
t new-session -d -s n4 -x 100 -y 30 \
	"env HOME=$TMP KITH_DB=$DB KITH_NOW=$NOW TZ=UTC $KITH -n 1 --sort name; echo EXIT=\$?; sleep 600"
check "kith -n 1 on a terminal prints the list" n4 "EXIT=0"
if t capture-pane -p -t n4 | grep -q "^Ana Souza" &&
	! t capture-pane -p -t n4 | grep -q "^Bruno Lima"; then
	ok "with its options"
else
	not_ok "with its options" n4
fi

# 17. c on a contact with a namesake prefills the id form that names her
"$KITH" --db "$DB" add "Ana Souza" --org Umbrella >/dev/null 2>&1
umbrella=$("$KITH" --db "$DB" list --json | tr -d '\n' | sed 's/},/}\n/g' |
	grep '"org": "Umbrella"' | sed -n 's/.*"id": "\([0-9a-f-]*\)".*/\1/p')
start n5
t send-keys -t n5 /
t send-keys -t n5 -l "umbrella"
t send-keys -t n5 Enter
check "the namesake selected" n5 "1/1 of 4"
t send-keys -t n5 c
check "c prefills the id form" n5 "> @\"Ana Souza\"#$(echo "$umbrella" | cut -c1-8)"
t send-keys -t n5 -l "walk"
t send-keys -t n5 Enter
check "the prefilled line saves" n5 "logged meeting with Ana Souza"
if "$KITH" --db "$DB" timeline "$umbrella" --json | grep -qF '"summary": "Ana Souza walk"'; then
	ok "the prefilled line is logged to that namesake"
else
	not_ok "the prefilled line is logged to that namesake" n5
fi
t send-keys -t n5 q

# 18. the mouse (xterm's reports, as the terminal sends them): a click selects
# a row and focuses its pane, the wheel moves; End, Home and C-l
start n6 100x30
t send-keys -t n6 Tab
check "Tab focuses the timeline" n6 "Timeline: "
mouse() { # session button col row (from 0): a press and its release
	t send-keys -t "$1" -H 1b 5b 4d "$(printf '%x' $((32 + $2)))" \
		"$(printf '%x' $((33 + $3)))" "$(printf '%x' $((33 + $4)))" 1b 5b 4d 23 \
		"$(printf '%x' $((33 + $3)))" "$(printf '%x' $((33 + $4)))"
}
mouse n6 0 3 3
check "a click on the second row selects it" n6 "2/4  sort"
check "and focuses the contacts" n6 "▸ Contacts 4"
mouse n6 65 3 3
check "the wheel moves the selection" n6 "4/4  sort"
t send-keys -t n6 Home
check "Home goes to the first row" n6 "1/4  sort"
t send-keys -t n6 End
check "End goes to the last row" n6 "4/4  sort"
t send-keys -t n6 C-l
check "C-l paints it all again" n6 "4/4  sort"

# 19. while filtering the title counts the matches of the total
t send-keys -t n6 /
t send-keys -t n6 -l "ana"
check "the title shows matches/total" n6 "Contacts 2/4"
t send-keys -t n6 Escape
check "Esc gives the whole list back" n6 "▸ Contacts 4 "

# 20. c in a record prefills the contact it shows, whatever is marked
t send-keys -t n6 g Space Space Enter
check "the record of the third row" n6 "sort:attention  j/k move  c log"
shown=$(t capture-pane -p -t n6 | head -1 | sed 's/^▸ //')
t send-keys -t n6 c
check "c in a record prefills its contact" n6 "> @\"$shown\""
t send-keys -t n6 Escape
check "Esc leaves the prompt" n6 "nothing logged"
t send-keys -t n6 q q
check "q q quits" n6 "EXIT=0"

# 21. outside a UTF-8 locale the program draws in ASCII
start n7 100x30 LC_ALL=C
check "LC_ALL=C: the focused pane in ASCII" n7 "> Contacts 4"
check "LC_ALL=C: the border in ASCII" n7 " |"
if t capture-pane -p -t n7 | LC_ALL=C grep -q "$(printf '[\200-\377]')"; then
	not_ok "LC_ALL=C: nothing past ASCII on the screen" n7
else
	ok "LC_ALL=C: nothing past ASCII on the screen"
fi
t send-keys -t n7 q

# 22. the welcome's import of a broken file: one line saying where it is
# broken, and nothing written
t new-session -d -s wbroken -x 100 -y 30 \
	"env HOME=$TMP XDG_CONFIG_HOME=$TMP/config KITH_DB=$TMP/broken/kith.db KITH_NOW=$NOW \
	 TZ=UTC $KITH; echo EXIT=\$?; sleep 600"
check "the welcome, for a broken file" wbroken "to import vCard, CSV, JSON Lines or vdir"
welcome_import() { # name path text: `i`, the path, Enter; the status line says text
	t send-keys -t wbroken i
	t send-keys -t wbroken -l "$2"
	t send-keys -t wbroken Enter
	check "$1" wbroken "$3"
}
welcome_import "a broken file: where, on the status line" "$FIXTURES/import/broken.csv" \
	"broken.csv: line 3: unterminated quoted field; nothing imported"
check "and the welcome stays" wbroken "Welcome to kith"
welcome_import "a bad path: said on the status line" "$TMP/no-such-file.vcf" \
	"no-such-file.vcf: No such file or directory; nothing imported"
if [ -e "$TMP/broken/kith.db" ] &&
	[ "$("$KITH" --db "$TMP/broken/kith.db" list --json | grep -c '"id"')" -ne 0 ]; then
	not_ok "a broken file writes nothing" wbroken
else
	ok "a broken file writes nothing"
fi
t send-keys -t wbroken q
check "and q quits after them" wbroken "EXIT=0"

# 23. kith import of a long JSON Lines file on a terminal: the progress
# line, as for vCard and CSV files (read from what the pane was sent: the
# line is cleared when the import ends)
awk 'BEGIN {
	print "{\"type\":\"kith\",\"version\":1}"
	for (i = 0; i < 2500; i++)
		printf "{\"type\":\"contact\",\"id\":\"00000000-0000-4000-8000-%012d\",\"name\":\"Person %d\",\"org\":\"\",\"role\":\"\",\"circle\":\"outer\",\"kind\":\"personal\",\"cadence_days\":null,\"met\":\"\",\"birthday\":\"\",\"notes\":\"\",\"tags\":[],\"fields\":[],\"archived_at\":null,\"snoozed_until\":null,\"created_at\":1795168800,\"updated_at\":1795168800}\n", i, i
}' >"$TMP/many.jsonl"
t new-session -d -s jprog -x 100 -y 30 \
	"read go; $KITH --db $TMP/many/kith.db import $TMP/many.jsonl; echo EXIT=\$?; sleep 600"
t pipe-pane -t jprog -o "cat >$TMP/jprog.raw"
t send-keys -t jprog Enter
check "a JSON Lines import on a terminal ends" jprog "EXIT=0"
check "with its summary" jprog "2500 new, 0 updated, 0 unchanged, 0 errors"
if grep -q "importing: 2000 records read" "$TMP/jprog.raw"; then
	ok "a JSON Lines import shows its progress on a terminal"
else
	not_ok "a JSON Lines import shows its progress on a terminal" jprog
fi

# 24. kith export on a terminal: the escape sequences a card carries are shown
# escaped, never run (here one that would write the clipboard)
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Evil \033]52;c;aGFja2Vk\007\033[31mRed\r\nEND:VCARD\r\n' >"$TMP/evil.vcf"
"$KITH" --db "$TMP/evil.db" import "$TMP/evil.vcf" >/dev/null
t new-session -d -s xtty -x 100 -y 30 \
	"$KITH --db $TMP/evil.db export --format vcard; echo EXIT=\$?; sleep 600"
check "an export on a terminal ends" xtty "EXIT=0"
check "with a card's escape sequences escaped" xtty 'FN:Evil \e]52\;c\;aGFja2Vk\x07\e[31mRed'

echo "tui_main: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
