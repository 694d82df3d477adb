#!/usr/bin/env bash
# Builds the Linux installers with the pinned Tauri CLI (package.json): the .deb by default,
#   scripts/package.sh             # target/release/bundle/deb/Rapport_<version>_amd64.deb
#   scripts/package.sh appimage    # also the AppImage (the CLI downloads linuxdeploy from GitHub)
# then checks the .deb's size. scripts/smoke-deb.sh installs it and starts it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_rust
need_packages "${BUILD_PACKAGES[@]}" nodejs file
# Debian's nodejs comes without npm; NodeSource's includes it.
command -v npm >/dev/null 2>&1 || need_packages npm
npm ci --no-audit --no-fund

bundles=deb
[ "${1:-}" = appimage ] && bundles=deb,appimage
# The agent goes in beside the window (/usr/bin/rapport-agent), built by the configuration's
# beforeBuildCommand for the target being bundled.
npx --no-install tauri build --bundles "$bundles" --config src-tauri/bundle/agent.conf.json

deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
bytes=$(stat -c %s "$deb")
echo "$deb: $((bytes / 1024)) KiB"
if [ "$bytes" -ge $((8 * 1024 * 1024)) ]; then
  echo "FAIL: the .deb must stay under 8 MiB" >&2
  exit 1
fi
