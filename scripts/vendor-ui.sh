#!/usr/bin/env bash
# Re-fetches the vendored JavaScript from npm at pinned versions and checks their hashes:
# cytoscape for the UI (ui/vendor/; the app loads nothing from the network) and axe-core for the
# accessibility check of the end-to-end tests (tests/e2e/vendor/). The files are committed; run
# this only to update or to verify them.
set -euo pipefail
cd "$(dirname "$0")/.."

CYTOSCAPE_VERSION=3.35.0
CYTOSCAPE_SHA256=058a81a7534777ea68dc737e9b77bd5b701e00acd9bee246245a576eeeac32e6
AXE_VERSION=4.14.1
AXE_SHA256=e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "cytoscape@$CYTOSCAPE_VERSION" >/dev/null)
echo "$CYTOSCAPE_SHA256  $work/cytoscape-$CYTOSCAPE_VERSION.tgz" | sha256sum --check --quiet
tar -xzf "$work/cytoscape-$CYTOSCAPE_VERSION.tgz" -C "$work"
install -D -m 644 "$work/package/dist/cytoscape.esm.min.mjs" ui/vendor/cytoscape/cytoscape.esm.min.js
install -D -m 644 "$work/package/LICENSE" ui/vendor/cytoscape/LICENSE
echo "ui/vendor/cytoscape: cytoscape $CYTOSCAPE_VERSION"

(cd "$work" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null)
echo "$AXE_SHA256  $work/axe-core-$AXE_VERSION.tgz" | sha256sum --check --quiet
mkdir -p "$work/axe" && tar -xzf "$work/axe-core-$AXE_VERSION.tgz" -C "$work/axe"
install -D -m 644 "$work/axe/package/axe.min.js" tests/e2e/vendor/axe-core/axe.min.js
install -D -m 644 "$work/axe/package/LICENSE" tests/e2e/vendor/axe-core/LICENSE
echo "tests/e2e/vendor/axe-core: axe-core $AXE_VERSION"
