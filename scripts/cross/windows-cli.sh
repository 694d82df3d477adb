#!/usr/bin/env bash
# The Windows rapport.exe as a person uses its command line, under Wine, in its default data
# folder (%APPDATA%\org.rapport.app: no --data-dir, no RAPPORT_DATA_DIR): people with non-ASCII
# names added, listed and searched; a LinkedIn export and a vCard imported; the four exports; a
# backup restored. scripts/cross.sh runs it with WINEPREFIX set, after the Windows tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
exe=$1
unset RAPPORT_DATA_DIR
# Wine turns the command line into UTF-16 by the locale: make it UTF-8 whatever CI sets.
export LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rapport() { wine "$exe" "$@"; }
fail() { echo "FAIL (rapport.exe under Wine): $*" >&2; exit 1; }

appdata=$(winepath -u "$(wine cmd /c 'echo %APPDATA%' | tr -d '\r')")
data="$appdata/org.rapport.app"
rm -rf "$data"

rapport people add "Zoë Ğündoğdu" --circle friend --email zoe@example.org >/dev/null
rapport people add "Łukasz Żółć" --circle classmates >/dev/null
rapport people add "محمد الأحمد" >/dev/null
[ -f "$data/rapport.sqlite3" ] || fail "the store is not in %APPDATA%\\org.rapport.app ($data)"
list=$(rapport people list --json)
for name in "Zoë Ğündoğdu" "Łukasz Żółć" "محمد الأحمد"; do
  grep -qF "\"$name\"" <<<"$list" || fail "people list lacks $name: $list"
done
grep -qF "Zoë Ğündoğdu" <<<"$(rapport people search zoe)" || fail "searching zoe does not find Zoë"
grep -qF "Łukasz Żółć" <<<"$(rapport people search łukasz)" || fail "searching łukasz does not find Łukasz"

rapport import linkedin "$(winepath -w tests/fixtures/linkedin/Connections.csv)" >/dev/null
rapport import vcard "$(winepath -w tests/fixtures/vcard/apple-3.0.vcf)" >/dev/null
people=$(rapport people list --json | grep -c '"displayName"')
[ "$people" -gt 3 ] || fail "the imports added nobody ($people people)"

for format in vcard csv ics json; do
  rapport export "$format" --out "$(winepath -w "$work")\\export.$format" >/dev/null
  [ -s "$work/export.$format" ] || fail "export $format wrote nothing"
done
grep -qF "Zoë Ğündoğdu" "$work/export.vcard" || fail "the vCard export lacks Zoë"
grep -q "BEGIN:VCALENDAR" "$work/export.ics" || fail "the iCalendar export is not iCalendar"

rapport backup --out "$(winepath -w "$work")\\before.sqlite3" >/dev/null
rapport people add "Ōtani Shōhei" >/dev/null
rapport restore "$(winepath -w "$work")\\before.sqlite3" >/dev/null
after=$(rapport people list --json)
grep -qF "Ōtani Shōhei" <<<"$after" && fail "the restore kept a person added after the backup"
grep -qF "Zoë Ğündoğdu" <<<"$after" || fail "the restore lost Zoë"
echo "ok: rapport.exe under Wine added, listed and searched $people people (non-ASCII names), imported LinkedIn and vCard, exported vcard/csv/ics/json, backed up and restored, in $data"
