#!/bin/sh
# demo-open.sh: the last step of `make demo`. Opens the full-screen program on the
# demo journal on a terminal; without one shows the ranked list and what to try next.
# Usage: sh scripts/demo-open.sh KITH DB
set -u

if [ $# -ne 2 ]; then
	echo "usage: sh scripts/demo-open.sh KITH DB" >&2
	exit 2
fi
kith=$1
db=$2
if [ -t 0 ] && [ -t 1 ]; then
	exec "$kith" --db "$db"
fi

echo "(no terminal here: showing the list instead of the full-screen program)"
echo "kith demo journal: $db"
echo "The people to reach out to first (ranked by attention):"
echo
"$kith" --db "$db" list --limit 30 || exit 1

# The first name of the list, for the examples.
name=$("$kith" --db "$db" --json list --limit 1 2>/dev/null |
	sed -n 's/.*"name": *"\([^"\\]*\)".*/\1/p' | head -n 1)
case $name in "" | *\'*) name="NAME" ;; esac
cat <<MSG

Try next:
  $kith --db $db show "$name"
  $kith --db $db timeline --limit 20
  $kith --db $db list --sort balance
  $kith --db $db log 'yesterday coffee with @"$name" #demo !1w'
  $kith --db $db --help
MSG
