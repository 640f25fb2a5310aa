# A journal on a read-only medium (or in a directory this user cannot write)
# is read as it is: list, show, timeline, doctor and backup work, nothing is
# made beside it, and a write says why it fails.
mkdir ro
kith --db ro/kith.db add "Ana Souza" --circle inner >/dev/null
kith --db ro/kith.db log 'coffee with @ana #work' >/dev/null
kith --db ro/kith.db followup ana 1w "send the slides" >/dev/null
# ro_kith ARGS: kith with ro/ read-only: a read-only bind mount in a new
# mount namespace where one can be made (as root, or with user namespaces),
# else a directory without write permission (which root would ignore).
if unshare -rm true 2>/dev/null; then
	ro_kith() {
		unshare -rm sh -c 'mount --bind -o ro "$1" "$1" && shift && exec "$@"' sh \
			"$PWD/ro" ${KITH_WRAP:-} "$KITH_BIN" "$@" 2>&1
		rc=$?
		[ $rc -eq 0 ] || echo "[exit $rc]"
	}
elif [ "$(id -u)" != 0 ]; then
	ro_kith() {
		chmod 555 ro
		${KITH_WRAP:-} "$KITH_BIN" "$@" 2>&1
		rc=$?
		chmod 755 ro
		[ $rc -eq 0 ] || echo "[exit $rc]"
	}
else
	echo "readonly: no way to make a read-only directory here (root without unshare)"
	exit 1
fi
ro_kith --db ro/kith.db list
ro_kith --db ro/kith.db show ana | head -3
ro_kith --db ro/kith.db timeline
ro_kith --db ro/kith.db doctor | grep -E '^(integrity|contacts|modes)'
ro_kith --db ro/kith.db backup copy.db
kith --db copy.db list --sort name
ro_kith --db ro/kith.db log 'call with @ana'
ro_kith --db ro/kith.db log --dry-run 'call with @ana'
ro_kith --db ro/kith.db doctor --rescore | grep -E "read-only|exit"
echo "beside: $(ls -A ro)"
kith --db ro/kith.db timeline --limit 1
