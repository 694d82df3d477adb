#!/usr/bin/env bash
# Installs the .deb built by scripts/package.sh on this machine, starts the installed binary
# under Xvfb with a data folder of its own, waits for its window, and saves a screenshot to
# target/deb-smoke.png. Fails if the package does not install or no window appears.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_packages xvfb xauth dbus x11-utils imagemagick
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
echo "==> installing $deb"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb"
installed=$(dpkg -L rapport | grep -m1 -x '/usr/bin/rapport')
# The agent (the tray and the reminders) beside it, where the window looks for it.
if ! dpkg -L rapport | grep -qx /usr/bin/rapport-agent; then
  echo "FAIL: the package does not install /usr/bin/rapport-agent" >&2
  exit 1
fi
echo "==> $installed and /usr/bin/rapport-agent, desktop entry: $(dpkg -L rapport | grep -m1 '\.desktop$')"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/run.sh" <<RUN
set -euo pipefail
RAPPORT_DATA_DIR="$work/data" "$installed" &
app=\$!
for _ in \$(seq 1 60); do
  if xwininfo -root -tree | grep -q '"Rapport"'; then break; fi
  sleep 0.5
done
xwininfo -root -tree | grep '"Rapport"'
sleep 2
import -window root "$PWD/target/deb-smoke.png"
kill \$app
# The agent the window started (it outlives the window by design).
pkill -x rapport-agent || true
RUN
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash "$work/run.sh"
echo "ok: the installed Rapport showed its window; screenshot at target/deb-smoke.png"
