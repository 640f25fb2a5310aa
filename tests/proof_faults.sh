#!/bin/sh
# proof_faults.sh: a full disk and an I/O error at every write, sync and
# truncation a save makes (`kith log`, `kith add`, `kith import`, a save in the
# full-screen program), injected one at a time with strace; after each, kith said so and
# the journal is the one before (or, where kith reported success, holds the
# change) and reads whole. Then files that are not a journal kith can write are
# refused and left as they were.
# usage: sh tests/proof_faults.sh KITH [ignored]
KITH=${1:?usage: sh tests/proof_faults.sh KITH}
case $KITH in /*) ;; *) KITH=$(pwd)/$KITH ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kith-faults-XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP
export KITH_NOW=2026-11-20T10:00 TZ=UTC NO_COLOR=1
unset KITH_DB KITH_SCRIPT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }

BASE=$TMP/base.db
DB=$TMP/kith.db
"$KITH" --db "$BASE" demo --contacts 50 --interactions 300 --seed 5 >/dev/null || exit 1
"$KITH" --db "$BASE" add "Fault Target" --circle inner >/dev/null || exit 1

# What a reader sees of a journal: every contact with its scores, every interaction.
state() { # db
	"$KITH" --db "$1" list --json --limit 0 && "$KITH" --db "$1" timeline --json --limit 0
}
state "$BASE" >"$TMP/before" || exit 1

fresh() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$BASE" "$DB"
}

# One save, run under the command given after WHAT (strace, or nothing).
printf 'keys a\ntype Form Person\nkeys Enter\ndump\nkeys q\n' >"$TMP/form.t"
run_save() { # what [wrapper...]
	what=$1
	shift
	case $what in
	log) "$@" "$KITH" --db "$DB" log "call with @fault.target about the fault !1w" ;;
	add) "$@" "$KITH" --db "$DB" add "New Person" --org Initech --email new@initech.example ;;
	tui) KITH_SCRIPT=$TMP/form.t "$@" "$KITH" --db "$DB" ;;
	import) "$@" "$KITH" --db "$DB" import "$TMP/cards.vcf" ;;
	esac
}
i=1
while [ $i -le 20 ]; do
	printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported %s\r\nEMAIL:imp%s@example.org\r\nEND:VCARD\r\n' $i $i
	i=$((i + 1))
done >"$TMP/cards.vcf"
# Whether the change of a save is in the journal.
has_change() { # what
	case $1 in
	log) "$KITH" --db "$DB" timeline --json --limit 0 | grep -q 'about the fault' ;;
	add) "$KITH" --db "$DB" list --json --limit 0 | grep -q '"New Person"' ;;
	tui) "$KITH" --db "$DB" list --json --limit 0 | grep -q '"Form Person"' ;;
	import) "$KITH" --db "$DB" list --json --limit 0 | grep -q '"Imported 20"' ;;
	esac
}

if [ "$(uname -s)" != Linux ]; then
	echo "# faults: skipped: strace injects the faults, and it exists on Linux only"
	exit 0
fi
if ! command -v strace >/dev/null 2>&1 || ! strace -o /dev/null true 2>/dev/null; then
	echo "faults: strace is missing or cannot trace here (sh scripts/deps.sh installs it)" >&2
	exit 1
fi

SYSCALLS="pwrite64 write fdatasync fsync ftruncate"
for what in log add import tui; do
	fresh
	run_save $what strace -f -qq -o "$TMP/trace" -e trace="$(echo $SYSCALLS | tr ' ' ,)" \
		>/dev/null 2>&1
	has_change $what || { not_ok "$what: a clean save under strace saved nothing"; continue; }
	runs=0 bad=0 refused=0 saved=0
	for sc in $SYSCALLS; do
		count=$(grep -c "^[0-9]* *$sc(" "$TMP/trace")
		case $sc in fsync | fdatasync) err=EIO ;; *) err=ENOSPC ;; esac
		n=1
		while [ "$n" -le "$count" ]; do
			fresh
			run_save $what strace -f -qq -o /dev/null -e trace=$sc -e inject=$sc:error=$err:when=$n \
				>"$TMP/out" 2>"$TMP/err"
			rc=$?
			runs=$((runs + 1))
			at="$what, $err at $sc #$n"
			if ! "$KITH" --db "$DB" doctor --json 2>/dev/null | grep -q '"integrity": *"ok"'; then
				bad=$((bad + 1))
				echo "# $at: the journal does not read whole afterwards"
			elif has_change $what; then
				saved=$((saved + 1))
				# reported as failed yet saved: a script would run it again
				if [ $rc = 1 ] || [ $rc = 2 ]; then
					bad=$((bad + 1))
					echo "# $at: exit $rc but the change is in the journal"
				fi
			else
				refused=$((refused + 1))
				state "$DB" >"$TMP/after" 2>/dev/null
				if ! cmp -s "$TMP/before" "$TMP/after"; then
					bad=$((bad + 1))
					echo "# $at: the change is not there, yet the journal changed"
				elif [ $what = tui ] && [ $rc = 0 ]; then
					# the program stays open and says so on its status line
					if ! grep -qi 'could not\|failed\|error\|disk\|no space\|input/output' "$TMP/out"; then
						bad=$((bad + 1))
						echo "# $at: the program did not say that the save failed"
						tail -n 2 "$TMP/out" | sed 's/^/#   /'
					fi
				elif [ $rc != 1 ] || ! grep -q '^kith: ..' "$TMP/err"; then
					bad=$((bad + 1))
					echo "# $at: exit $rc, message: $(head -c 200 "$TMP/err")"
				fi
			fi
			case $rc in 0 | 1 | 3) ;; *)
				bad=$((bad + 1))
				echo "# $at: exit $rc (a crash?)" ;;
			esac
			n=$((n + 1))
		done
	done
	echo "# $what: $runs faults injected: $refused refused with the journal unchanged, $saved saved"
	[ $bad = 0 ] && ok "$what: every injected fault is reported and the journal stays whole ($runs faults)" ||
		not_ok "$what: $bad of $runs injected faults went wrong"
	[ $refused -gt 0 ] && ok "$what: faults made the save fail ($refused)" ||
		not_ok "$what: no fault made the save fail: the faults did not reach it"
done

# Files that kith must refuse and leave as they were.
refuse() { # name file expected-message-part
	sum=$(cksum <"$2" 2>/dev/null)
	"$KITH" --db "$2" log "call with @x" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ $rc = 1 ] && grep -q "^kith: .*$3" "$TMP/err" && [ "$(cksum <"$2" 2>/dev/null)" = "$sum" ] &&
		[ ! -e "$2-wal" ]; then
		ok "$1 is refused: $(head -n 1 "$TMP/err")"
	else
		not_ok "$1: exit $rc, $(head -c 200 "$TMP/err")"
	fi
}
fresh
sql=$(dirname "$KITH")/tests/sql_exec
if [ -x "$sql" ]; then
	cp "$BASE" "$TMP/newer.db"
	"$sql" "$TMP/newer.db" 'PRAGMA user_version = 99' && refuse "a journal of a newer kith" "$TMP/newer.db" "newer"
fi
head -c 3000 "$BASE" >"$TMP/cut.db"
refuse "a journal cut short" "$TMP/cut.db" "."
printf 'name,email\nAna,ana@example.org\n' >"$TMP/text.db"
refuse "a file that is not SQLite" "$TMP/text.db" "not a kith journal\|not a database\|not a journal"
mkdir "$TMP/dir.db"
"$KITH" --db "$TMP/dir.db" list >/dev/null 2>"$TMP/err"
[ $? = 1 ] && grep -q '^kith: ' "$TMP/err" && ok "a directory is refused: $(head -n 1 "$TMP/err")" ||
	not_ok "a directory as the journal"
: >"$TMP/zero.db"
"$KITH" --db "$TMP/zero.db" list >"$TMP/out" 2>"$TMP/err"
[ $? = 1 ] && grep -q '^kith: no journal at .* yet' "$TMP/err" && [ ! -s "$TMP/zero.db" ] &&
	[ ! -e "$TMP/zero.db-wal" ] && ok "a zero-byte file reads as no journal yet and is not written" ||
	not_ok "a zero-byte file: $(cat "$TMP/err")"

echo "# faults: $pass passed, $fail failed"
[ $fail = 0 ]
