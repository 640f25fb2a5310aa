#!/bin/sh
# khard.sh: a real round trip through khard (the distribution's package): kith
# exports a vdir, `khard list` shows its contacts, a card edited with `khard
# edit` comes back changed on `kith import DIR`, a card `khard new` made comes
# in as a new contact, and a re-export rewrites only what changed.
# usage: sh tests/khard.sh KITH
set -u
KITH_BIN=$1
case $KITH_BIN in /*) ;; *) KITH_BIN=$(pwd)/$KITH_BIN ;; esac
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v khard >/dev/null 2>&1; then
	echo "khard: skipped (khard is not installed: sh scripts/deps.sh installs it)"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/kith-khard.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 HOME="$work/home" KITH_DB="$work/kith.db" KITH_NOW=2026-11-20T10:00
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }
check() { # check NAME COMMAND...: passes when the command succeeds
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name"; fi
}
kith() { "$KITH_BIN" "$@"; }
cat >khard.conf <<CONF
[addressbooks]
[[kith]]
path = $work/vdir
[general]
editor = /bin/false
merge_editor = /bin/false
[vcard]
preferred_version = 4.0
CONF
kh() { khard -c "$work/khard.conf" "$@"; }

for f in v30-apple v40-bom-cr mixed-endings v21-qp-charset; do
	kith import "$here/fixtures/vcard/$f.vcf" >/dev/null
done
kith export --format vdir -o vdir >out.txt 2>&1
check "kith writes a vdir of five cards" grep -q '^5 cards written' out.txt
kh list >list.txt 2>&1
for name in "Ana Souza" "Bruno Lima" "Chen Wei" "Dana Okafor" "João Gonçalves"; do
	check "khard lists $name" grep -q "$name" list.txt
done
check "khard finds Ana by her e-mail" sh -c "khard -c '$work/khard.conf' email ana@acme.example | grep -q 'Ana Souza'"

# edit Dana with khard, as a user would, but without an editor: the YAML
# template khard shows, changed, given back to `khard edit`
kh show --format yaml Dana >dana.yaml 2>/dev/null
sed -i 's/^Organisation:$/Organisation: Widgets Ltd/; s/^Title:$/Title: Engineer/' dana.yaml
yes y | kh edit -i dana.yaml Dana >/dev/null 2>&1
check "khard wrote the edit into Dana's card" grep -q '^ORG:Widgets Ltd' vdir/*.vcf
kith import vdir >import.txt 2>&1
check "the import sees one card changed" grep -q '^0 new, 1 updated, 4 unchanged' import.txt
kith show dana >dana.txt 2>&1
check "Dana comes back with khard's organisation and title" grep -q 'Dana Okafor — Engineer, Widgets Ltd' dana.txt
kith import vdir >again.txt 2>&1
check "a second import of the vdir changes nothing" grep -q '^0 new, 0 updated, 5 unchanged' again.txt

# a contact made in khard comes in as a new one, by its UID
cat >new.yaml <<YAML
First name: Eva
Last name: Berg
Email:
    work: eva@berg.example
YAML
kh new -a kith -i new.yaml >/dev/null 2>&1
kith import vdir >new.txt 2>&1
check "khard's new card is a new contact" grep -q '^1 new, 0 updated, 5 unchanged' new.txt
check "with its e-mail" sh -c "'$KITH_BIN' show eva | grep -q 'eva@berg.example'"

# re-export: only what changed is written; a removed contact's card goes,
# a card kith never wrote stays
kith export --format vdir -o vdir >re.txt 2>&1
check "a re-export writes the two cards that changed in kith" grep -q '^2 cards written, 4 unchanged, 0 removed' re.txt
kith rm bruno --yes >/dev/null
kith export --format vdir -o vdir >rm.txt 2>&1
check "removing Bruno removes his card and only his" sh -c "grep -q '1 removed' rm.txt && ! grep -l 'FN:Bruno Lima' vdir/*.vcf"
kh list >list2.txt 2>&1
check "khard no longer lists Bruno" sh -c "! grep -q 'Bruno Lima' list2.txt && grep -q 'Eva Berg' list2.txt"
kith export --format vdir -o vdir >same.txt 2>&1
check "an export with nothing changed writes nothing" grep -q '^0 cards written, 5 unchanged, 0 removed' same.txt
echo "khard: $pass passed, $fail failed"
[ $fail -eq 0 ]
