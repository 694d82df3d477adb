#!/usr/bin/env bash
# The Windows rapport-agent.exe under Wine, as the login item starts it: it opens the store,
# takes the reminder loop, makes its notification-area icon on its message loop and stays; a
# second agent on the same store finds the loop taken and ends at once. scripts/cross.sh runs it
# with WINEPREFIX set, after the Windows tests. (Clicks on the icon are the person's: the
# message loop that serves them has its own tests under Wine.)
set -euo pipefail
cd "$(dirname "$0")/../.."
exe=$1
export LC_ALL=C.UTF-8
data=$(mktemp -d)
agent_pid=
cleanup() {
  wine taskkill /F /IM rapport-agent.exe >/dev/null 2>&1 || true
  [ -n "$agent_pid" ] && wait "$agent_pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
fail() {
  echo "FAIL (rapport-agent.exe under Wine): $*" >&2
  cat "$data"/rapport.*.log >&2 2>/dev/null || true
  exit 1
}
log() { cat "$data"/rapport.*.log 2>/dev/null || true; }

wine "$exe" --data-dir "$(winepath -w "$data")" --hidden >/dev/null 2>&1 &
agent_pid=$!
for _ in $(seq 1 300); do
  grep -q "agent started" <<<"$(log)" && break
  kill -0 "$agent_pid" 2>/dev/null || fail "the agent ended at start"
  sleep 0.1
done
grep -q "agent started" <<<"$(log)" || fail "the agent did not start within 30 s"
[ -f "$data/rapport.sqlite3" ] || fail "the agent made no store in its data folder"
# Its tray is made on the main thread's loop once the reminders run: give it a moment.
sleep 2
kill -0 "$agent_pid" 2>/dev/null || fail "the agent ended after it started"
if grep -Eq "no event loop for the tray|no tray on this desktop|cannot serve the tray" <<<"$(log)"; then
  fail "the agent has no tray"
fi

code=0
timeout 60 wine "$exe" --data-dir "$(winepath -w "$data")" >/dev/null 2>&1 || code=$?
[ "$code" -eq 0 ] || fail "a second agent on the same store exited with $code"
grep -q "the reminder loop runs in another process" <<<"$(log)" || fail "the second agent did not find the loop taken"
kill -0 "$agent_pid" 2>/dev/null || fail "the first agent ended when the second came"
echo "ok: rapport-agent.exe under Wine started on its store with its tray and reminder loop; a second agent left them to it"
