#!/bin/sh
# proof_faults.sh: a full disk and an I/O error at every write, sync and
# truncation a save makes (`kith log`, `kith add`, `kith import`, `kith merge`,
# `kith sync`, a save in the full-screen program), injected one at a time with
# strace; after each, kith said so and the journal is the one before (or, where
# kith reported success, holds the change whole) and reads whole; the folder
# `kith sync` writes to holds this journal's old file or its new one whole, and
# no temporary file. Then files that are not a journal kith can write are
# refused and left as they were.
# usage: sh tests/proof_faults.sh KITH [ignored]
# FAULTS_WHAT="merge sync" runs the faults of those saves only.
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
"$KITH" --db "$BASE" add "Fault Twin" --email twin@example.org >/dev/null || exit 1
"$KITH" --db "$BASE" log "lunch with @fault.twin #twins" >/dev/null || exit 1

# What a reader sees of a journal: every contact with its scores, every interaction.
state() { # db
	"$KITH" --db "$1" list --json --limit 0 && "$KITH" --db "$1" timeline --json --limit 0
}
state "$BASE" >"$TMP/before" || exit 1

# The sync folder: this journal's file as its last sync wrote it, and another
# replica's file with a person this journal has not seen yet.
SBASE=$TMP/sbase.db
cp "$BASE" "$SBASE" && mkdir "$TMP/sdir0" && "$KITH" --db "$SBASE" sync "$TMP/sdir0" >/dev/null &&
	"$KITH" --db "$TMP/other.db" add "Synced Person" --org Elsewhere >/dev/null &&
	"$KITH" --db "$TMP/other.db" sync "$TMP/sdir0" >/dev/null || exit 1
OWN=$(cd "$TMP/sdir0" && grep -l '"Fault Target"' ./*.jsonl | head -n 1)
[ -n "$OWN" ] || exit 1
state "$SBASE" >"$TMP/before.sync" || exit 1

fresh() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	if [ "${1:-}" = sync ]; then
		cp "$SBASE" "$DB"
		rm -rf "$TMP/sdir"
		cp -p -R "$TMP/sdir0" "$TMP/sdir"
	else
		cp "$BASE" "$DB"
	fi
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
	merge) "$@" "$KITH" --db "$DB" merge "Fault Target" "Fault Twin" ;;
	sync) "$@" "$KITH" --db "$DB" sync "$TMP/sdir" ;;
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
	merge) ! "$KITH" --db "$DB" list --json --limit 0 | grep -q '"Fault Twin"' ;;
	sync) "$KITH" --db "$DB" list --json --limit 0 | grep -q '"Synced Person"' ;;
	esac
}
# What is wrong with the sync folder after a sync: this journal's file is
# neither the old one nor the journal's state whole, or a temporary file is
# left for the other side to see (nothing printed when all is well).
sync_folder_check() {
	if ! cmp -s "$TMP/sdir/$OWN" "$TMP/sdir0/$OWN" &&
		! "$KITH" --db "$DB" export 2>/dev/null | cmp -s - "$TMP/sdir/$OWN"; then
		echo "this journal's file is neither the old one nor the new one whole"
	fi
	left=$(ls -a "$TMP/sdir" | grep -v '^\.\{1,2\}$' | grep -v '^[0-9a-f-]*\.jsonl$')
	[ -z "$left" ] || echo "left in the folder: $left"
}

if [ "$(uname -s)" != Linux ]; then
	echo "# faults: skipped: strace injects the faults, and it exists on Linux only"
	exit 0
fi
if ! command -v strace >/dev/null 2>&1 || ! strace -o /dev/null true 2>/dev/null; then
	echo "faults: strace is missing or cannot trace here (sh scripts/deps.sh installs it)" >&2
	exit 1
fi

for what in ${FAULTS_WHAT:-log add import merge sync tui}; do
	SYSCALLS="pwrite64 write fdatasync fsync ftruncate"
	# sync also writes its own file and renames it into place
	[ $what != sync ] || SYSCALLS="$SYSCALLS rename"
	fresh $what
	run_save $what strace -f -qq -o "$TMP/trace" -e trace="$(echo $SYSCALLS | tr ' ' ,)" \
		>/dev/null 2>&1
	has_change $what || { not_ok "$what: a clean save under strace saved nothing"; continue; }
	state "$DB" >"$TMP/done" || exit 1
	before=$TMP/before
	[ $what != sync ] || before=$TMP/before.sync
	runs=0 bad=0 refused=0 saved=0
	for sc in $SYSCALLS; do
		count=$(grep -c "^[0-9]* *$sc(" "$TMP/trace")
		case $sc in fsync | fdatasync) err=EIO ;; *) err=ENOSPC ;; esac
		n=1
		while [ "$n" -le "$count" ]; do
			fresh $what
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
				state "$DB" >"$TMP/after" 2>/dev/null
				if { [ $what = merge ] || [ $what = sync ]; } && ! cmp -s "$TMP/done" "$TMP/after"; then
					bad=$((bad + 1))
					echo "# $at: the change is in the journal, but not whole"
				fi
				# reported as failed yet saved: a script would run it again; but a
				# sync keeps the merge it committed when its own file cannot be
				# written (the next sync writes it), and says that it failed
				if [ $what = sync ] && [ $rc = 1 ]; then
					grep -q '^kith: ..' "$TMP/err" || {
						bad=$((bad + 1))
						echo "# $at: exit 1 without a message"
					}
				elif [ $rc = 1 ] || [ $rc = 2 ]; then
					bad=$((bad + 1))
					echo "# $at: exit $rc but the change is in the journal"
				fi
			else
				refused=$((refused + 1))
				state "$DB" >"$TMP/after" 2>/dev/null
				if ! cmp -s "$before" "$TMP/after"; then
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
			if [ $what = sync ]; then
				why=$(sync_folder_check)
				[ -z "$why" ] || {
					bad=$((bad + 1))
					echo "# $at: $why"
				}
			fi
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
