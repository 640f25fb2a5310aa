#!/bin/sh
# proof_hostile.sh: hostile text and hostile terminals. A journal whose names,
# notes, tags, summaries and e-mails carry escape sequences (SGR, a screen
# clear, OSC 0 and OSC 52), C1 controls, bidi overrides and invalid UTF-8
# (written behind kith's back) goes through every command's output and every
# screen of the program; the bytes that reach the terminal never hold one of
# them raw. Then a resize storm in every screen, form and prompt, and TERM
# unset, dumb and unknown. Last, every export format keeps the hostile text
# (as stored or escaped as the format demands, CSV formula cells made text)
# and `kith query` lets none of it reach the terminal.
# usage: sh tests/proof_hostile.sh KITH [ignored]
KITH_USAGE="usage: sh tests/proof_hostile.sh KITH"
. "$(dirname "$0")/tmux_lib.sh"
SQL=$(dirname "$KITH")/tests/sql_exec
[ -x "$SQL" ] || { echo "hostile: $SQL is missing (make builds it)" >&2; exit 1; }
export NO_COLOR=1
unset KITH_DB KITH_SCRIPT
k() { "$KITH" --db "$DB" "$@"; }

k add "Hostile Person" --org Acme --email h@example.org --note placeholder --tag hostile \
	--met placeholder --circle inner >/dev/null || exit 1
k add "Bystander" --org "Plain Org" --circle close >/dev/null || exit 1
k log "yesterday call with @hostile.person and @bystander about placeholder #placeholder !3d" \
	>/dev/null || exit 1
# OSC 52 would set the clipboard, OSC 0 the window title, ESC c resets the terminal
"$SQL" "$DB" "
UPDATE contact SET
	name = 'Hostile ' || char(27) || ']52;c;aGFja2Vk' || char(7) || char(27) || '[31mRed' || CAST(X'ff' AS TEXT),
	org = 'Org ' || char(8238) || 'cod.exe' || char(27) || ']0;pwned' || char(7),
	met = 'met' || char(27) || 'c' || char(155) || '2J',
	notes = 'line one' || char(10) || 'two' || char(27) || '[2J' || char(8294) || 'isolate'
	WHERE name = 'Hostile Person';
UPDATE contact_tag SET tag = 'ta' || char(27) || '[5mg' WHERE tag = 'hostile';
UPDATE contact_field SET value = 'h' || char(27) || ']52;c;eA==' || char(7) || '@example.org';
UPDATE interaction SET summary = 'call ' || char(27) || '[5mblink' || char(155) || '31m' || char(8238) || 'rlo';
UPDATE interaction_tag SET tag = 'x' || char(27) || ']52;p;eQ==' || char(7);
UPDATE followup SET text = 'ping ' || char(27) || '[31m' || CAST(X'c0af' AS TEXT);
" || exit 1

# Bytes that must never reach a terminal from data: ESC followed by what the
# data holds, C1 controls, bidi controls, and (in kith's own output) any invalid UTF-8.
raw_hostile() { # file
	LC_ALL=C grep -q "$(printf '\033\\(]52\\|]0;pwned\\|\\[31mRed\\|\\[5m\\|\\[2J\\|c\\)')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\342\200[\252-\256]\\|\342\201[\246-\251]')" "$1" && return 0
	return 1
}
inert() { # name file
	if raw_hostile "$2"; then
		not_ok "$1: hostile bytes reach the output raw"
		LC_ALL=C grep -a -n "$(printf '\033')" "$2" | head -3 | cat -v | sed 's/^/#   /'
	elif ! iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1; then
		not_ok "$1: the output is not valid UTF-8"
	else
		ok "$1: inert"
	fi
}

# 1. every command that prints data, text and JSON
n=0
for cmd in "list" "list --sort name" "show hostile" "timeline" "timeline hostile" \
	"doctor" "log --dry-run call with @hostile" "followup hostile 3d check in" "snooze hostile 1w"; do
	# shellcheck disable=SC2086
	k $cmd >"$TMP/out" 2>&1
	inert "kith $cmd" "$TMP/out"
	# shellcheck disable=SC2086
	k --json $cmd >"$TMP/out" 2>&1
	inert "kith --json $cmd" "$TMP/out"
	n=$((n + 1))
done
# errors that name the hostile contact: ambiguity and unknown names
k log "call with @hostile @h" >"$TMP/out" 2>&1
inert "an error that lists hostile candidates" "$TMP/out"
k show "$(printf 'no\033]52;c;eA==\007one')" >"$TMP/out" 2>&1
inert "an error that quotes a hostile argument" "$TMP/out"

# 2. every screen of the program, as the terminal receives it
t new-session -d -s hs -x 120 -y 40 "$KITH --db '$DB'; echo EXIT=\$?; sleep 600"
t pipe-pane -o -t hs "cat >>'$TMP/raw'"
check "the program opens on the hostile journal" hs "Bystander"
# Esc goes alone, and is answered before the next key (else ESC x reads as Alt-x);
# a prompt with an open completion wants a second one.
back() { # session
	for i in 1 2 3; do
		t send-keys -t "$1" Escape
		wait_for "$1" "Give and take:" && return 0
	done
	return 1
}
check "main screen" hs "Contacts 2"
t send-keys -t hs /
t send-keys -t hs -l host
check "filter" hs "/host"
t send-keys -t hs Enter
t send-keys -t hs Enter
check "record view" hs "line one"
back hs
t send-keys -t hs t
check "everyone's timeline" hs "Timeline: everyone"
t send-keys -t hs ?
check "help" hs "quit"
back hs
t send-keys -t hs e
check "the edit form of the hostile contact" hs "Org"
back hs
t send-keys -t hs c
check "capture prompt" hs "Enter saves, Esc cancels"
t send-keys -t hs -l " call about inert"
check "capture pre-filled with the hostile contact finds them" hs "with Hostile"
t send-keys -t hs Enter
wait_for hs "Give and take:"
if k timeline --json hostile | grep -q '"summary": "[^"]*call about inert"'; then
	ok "a log from the prompt pre-filled with a hostile name is saved with them"
else
	not_ok "a log from the prompt pre-filled with a hostile name is saved with them" hs
fi
t send-keys -t hs c
t send-keys -t hs -l "call with @host"
check "capture completion of a hostile name" hs "Hostile"
back hs
t send-keys -t hs D
check "remove confirmation names the contact" hs "remove Hostile"
t send-keys -t hs n
wait_for hs "Give and take:"
t send-keys -t hs q
check "the program quits" hs "EXIT=0"
t pipe-pane -t hs
inert "every screen of the program" "$TMP/raw"

# 3. a resize storm in every screen, form and prompt; what was typed is kept
storm() { # session
	for round in 1 2 3; do
		for size in 200x60 10x3 1x1 80x24 19x5 120x40; do
			t resize-window -t "$1" -x "${size%x*}" -y "${size#*x}"
		done
	done
	t resize-window -t "$1" -x 100 -y 30
}
t new-session -d -s rs -x 100 -y 30 "$KITH --db '$DB'; echo EXIT=\$?; sleep 600"
check "the program opens for the storm" rs "Bystander"
for screen in main:: record:Enter:Escape help:?:Escape filter:/:Escape form:a:Escape \
	capture:c:Escape followup:f:Escape remove:D:n; do
	name=${screen%%:*}
	rest=${screen#*:}
	open=${rest%%:*}
	close=${rest#*:}
	[ -n "$open" ] && t send-keys -t rs "$open"
	case $name in
	filter) t send-keys -t rs -l "bys" ;;
	form) t send-keys -t rs -l "Storm Name" ;;
	capture) t send-keys -t rs -l "met @bys" ;;
	followup) t send-keys -t rs -l "call back" ;;
	esac
	storm rs
	case $name in
	filter) mark="bys" ;; form) mark="Storm Name" ;; capture) mark="met @bys" ;;
	followup) mark="call back" ;; *) mark="" ;;
	esac
	if [ -n "$mark" ]; then
		check "$name: what was typed is kept through the storm" rs "$mark"
	fi
	if [ -n "$(kith_pid rs)" ] && ! t capture-pane -p -t rs | grep -q "EXIT="; then
		ok "$name: the program runs on after the storm"
	else
		not_ok "$name: the program runs on after the storm" rs
	fi
	case $close in
	Escape) back rs || not_ok "$name: Esc leaves it" rs ;;
	?*) t send-keys -t rs "$close" ;;
	esac
	wait_for rs "Give and take:"
done
t send-keys -t rs q
check "the program quits after the storms" rs "EXIT=0"
if k list --json --limit 0 | grep -q 'Storm Name'; then
	not_ok "a form left in a storm wrote nothing"
else
	ok "a form left in a storm wrote nothing"
fi

# 4. terminals the program cannot drive
for term in unset dumb no-such-terminal; do
	if [ $term = unset ]; then env_term="-u TERM"; else env_term="TERM=$term"; fi
	t new-session -d -s "tm$term" -x 80 -y 24 \
		"env $env_term $KITH --db '$DB' 2>&1; echo EXIT=\$?; sleep 600"
	check "TERM $term: refused with exit 1" "tm$term" "EXIT=1"
	if t capture-pane -p -t "tm$term" | grep -q "^kith: .*terminal"; then
		ok "TERM $term: a clear message"
	else
		not_ok "TERM $term: a clear message" "tm$term"
	fi
done

# 5. every export format keeps the hostile data (a file is not a terminal: the
# bytes as stored, or escaped as the format demands), and kith query, which
# prints to a terminal, lets none of it through raw. More names first: a CR, a
# TAB, and the leading = + - @ a spreadsheet reads as a formula.
for name in "=SUM(A1:A9)" "+1 Plus" "-2 Minus" "@At Sign" "Cee Arr" "Tab Name"; do
	k add --org "=org" --email "q$(echo "$name" | tr -dc 'A-Za-z0-9')@example.org" -- "$name" \
		>/dev/null || exit 1
done
"$SQL" "$DB" "
UPDATE contact SET name = 'Cee' || char(13) || 'Arr' WHERE name = 'Cee Arr';
UPDATE contact SET name = 'Tab' || char(9) || 'Name' WHERE name = 'Tab Name';
" || exit 1
X=$TMP/x
mkdir "$X" || exit 1
# the raw bytes of the hostile name, as stored
HNAME=$(printf 'Hostile \033]52;c;aGFja2Vk\007\033[31mRed\377')
has() { # name file text (bytes)
	if LC_ALL=C grep -a -q -F -e "$3" "$2"; then ok "$1"; else not_ok "$1"; fi
}
# no CR but at the end of a line, as vCard and iCalendar lines end
bare_cr() { # file
	LC_ALL=C sed 's/\r$//' "$1" | LC_ALL=C grep -a -q "$(printf '\r')"
}
k export -o "$X/all.jsonl" || not_ok "export jsonl"
k export --format vcard -o "$X/v4.vcf" || not_ok "export vcard 4"
k export --format vcard --vcard-version 3 -o "$X/v3.vcf" || not_ok "export vcard 3"
k export --format vdir -o "$X/vdir" >/dev/null || not_ok "export vdir"
k export --format csv -o "$X/all.csv" || not_ok "export csv"
k export --format ics -o "$X/all.ics" || not_ok "export ics"
# JSON Lines: valid UTF-8, no raw control byte, each kept as an escape; what
# is not UTF-8 becomes U+FFFD; another journal reads it back to the same file
utf8_without() { # name file bytes: valid UTF-8 holding none of the bytes (a bracket class)
	if LC_ALL=C grep -a -q "$(printf "$3")" "$2" || ! iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1
	then
		not_ok "$1"
	else
		ok "$1"
	fi
}
utf8_without "jsonl: valid UTF-8 without a raw control byte" "$X/all.jsonl" \
	'[\001-\010\013-\037\177]'
has "jsonl: the hostile name, escaped" "$X/all.jsonl" \
	'"Hostile \u001b]52;c;aGFja2Vk\u0007\u001b[31mRed\ufffd"'
has "jsonl: CR and TAB escaped" "$X/all.jsonl" '"Cee\rArr"'
has "jsonl: TAB escaped" "$X/all.jsonl" '"Tab\tName"'
"$KITH" --db "$X/back.db" import "$X/all.jsonl" >/dev/null 2>&1
"$KITH" --db "$X/back.db" export -o "$X/back.jsonl"
# (the U+FFFD that stood for a byte that was not UTF-8 is now a character)
if sed "s/\\\\ufffd/$(printf '\357\277\275')/g" "$X/all.jsonl" | cmp -s - "$X/back.jsonl"; then
	ok "jsonl: read back by another journal, exported the same"
else
	not_ok "jsonl: read back by another journal, exported the same"
fi
# vCard 4 and 3, and the folder of cards: the name's bytes as stored (";" and
# "," behind a backslash), no bare CR inside a line, file names that are ids
for f in "$X/v4.vcf" "$X/v3.vcf" "$X"/vdir/*.vcf; do
	bare_cr "$f" && { not_ok "vcard: a bare CR inside a line of $(basename "$f")"; break; }
done
for f in "$X/v4.vcf" "$X/v3.vcf"; do
	v=$(basename "$f" .vcf)
	has "vcard $v: the hostile name as stored" "$f" \
		"$(printf 'FN:Hostile \033]52\\;c\\;aGFja2Vk\007\033[31mRed\377')"
	has "vcard $v: a TAB kept" "$f" "$(printf 'FN:Tab\tName\r')"
	has "vcard $v: a formula-like name kept (a card is not a spreadsheet)" "$f" "FN:=SUM(A1:A9)"
done
LC_ALL=C grep -a -l -F "$(printf 'FN:Hostile \033]52\\;c\\;aGFja2Vk\007\033[31mRed\377')" \
	"$X"/vdir/*.vcf >/dev/null &&
	ok "vdir: the hostile name as stored" || not_ok "vdir: the hostile name as stored"
left=$(ls "$X/vdir" | grep -v '^[0-9A-Za-z-]*\.vcf$')
[ -z "$left" ] && ok "vdir: every file is named by its id" || not_ok "vdir: file names $left"
[ "$(ls "$X/vdir" | wc -l)" -eq "$(k list --json --limit 0 | grep -c '"id"')" ] &&
	ok "vdir: a card per contact" || not_ok "vdir: a card per contact"
# CSV: the bytes as stored, a CR inside quotes, every cell of the name and
# org columns that starts with = + - @ made text with a leading quote
has "csv: the hostile name as stored" "$X/all.csv" "$HNAME"
has "csv: a CR kept inside quotes" "$X/all.csv" "$(printf '"Cee\rArr"')"
for cell in "'=SUM(A1:A9)" "'+1 Plus" "'-2 Minus" "'@At Sign" "'=org"; do
	has "csv: formula cell $cell escaped" "$X/all.csv" "\"$cell\""
done
if cut -d, -f1,2 "$X/all.csv" | tr ',' '\n' | sed 's/^"//' | LC_ALL=C grep -a -q '^[-=+@]'; then
	not_ok "csv: no name or org cell starts a formula"
else
	ok "csv: no name or org cell starts a formula"
fi
# iCalendar: TEXT escapes, control characters left out, valid UTF-8
bare_cr "$X/all.ics" && not_ok "ics: a bare CR inside a line" || ok "ics: no bare CR inside a line"
utf8_without "ics: valid UTF-8 without a control character" "$X/all.ics" \
	'[\001-\010\013\014\016-\037\177]'
has "ics: the hostile name, escaped as TEXT" "$X/all.ics" \
	"$(printf 'SUMMARY:Hostile ]52\\;c\\;aGFja2Vk[31mRed\357\277\275')"
# kith query: for a terminal (mutt, aerc): escaped, one address a line, three
# fields apart by TABs; and its messages
strict() { # name file: no ESC, C0 but TAB and LF, C1, bidi, invalid UTF-8
	if LC_ALL=C grep -a -q "$(printf '[\001-\010\013-\037\177]\\|\302[\200-\237]')" "$2" ||
		LC_ALL=C grep -a -q "$(printf '\342\200[\216\217\252-\256]\\|\342\201[\246-\251]')" "$2" ||
		! iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1; then
		not_ok "$1: raw control bytes reach the terminal"
		cat -v "$2" | head -3 | sed 's/^/#   /'
	else
		ok "$1: inert"
	fi
}
for q in e hostile "@" "=" "$(printf 'x\033]52;c;eA==\007')"; do
	k query "$q" >"$TMP/out" 2>&1
	strict "kith query $(printf '%s' "$q" | cat -v)" "$TMP/out"
	k --json query "$q" >"$TMP/out" 2>&1
	strict "kith --json query $(printf '%s' "$q" | cat -v)" "$TMP/out"
done
k query --no-header e >"$TMP/out" 2>&1
if awk -F '\t' 'NF != 3 { bad = 1 } END { exit bad }' "$TMP/out" && [ "$(wc -l <"$TMP/out")" -ge 7 ]; then
	ok "kith query: three fields a line, a TAB in a name escaped"
else
	not_ok "kith query: three fields a line, a TAB in a name escaped"
	cat -A "$TMP/out" | head -8 | sed 's/^/#   /'
fi

echo "# hostile: $pass passed, $fail failed"
[ $fail = 0 ]
