#!/usr/bin/env bash
# Makes every desktop icon size from the one source, icons/rapport.svg, with the pinned Tauri
# CLI (package.json). The mobile sets the CLI also makes are left out: Rapport is a desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/tauri ] || npm ci --no-audit --no-fund
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
npx --no-install tauri icon icons/rapport.svg --output "$out" >/dev/null 2>&1
cp "$out"/*.png "$out"/icon.icns "$out"/icon.ico icons/
echo "icons/: $(ls "$out"/*.png "$out"/icon.icns "$out"/icon.ico | wc -l) files from icons/rapport.svg"
