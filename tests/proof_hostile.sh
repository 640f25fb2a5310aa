#!/bin/sh
# proof_hostile.sh: hostile text and hostile terminals. A journal whose names,
# notes, tags, summaries and e-mails carry escape sequences (SGR, a screen
# clear, OSC 0 and OSC 52), C1 controls, bidi overrides and invalid UTF-8
# (written behind kith's back) goes through every command's output and every
# screen of the program; the bytes that reach the terminal never hold one of
# them raw. Then a resize storm in every screen, form and prompt, and TERM
# unset, dumb and unknown.
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

echo "# hostile: $pass passed, $fail failed"
[ $fail = 0 ]
