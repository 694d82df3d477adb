#!/usr/bin/env bash
# Re-fetches the UI's vendored libraries from npm at their pinned versions and checks them.
# The files are committed under ui/vendor/ (the app loads nothing from the network); run this
# only to update or to verify them.
set -euo pipefail
cd "$(dirname "$0")/.."

CYTOSCAPE_VERSION=3.35.0
CYTOSCAPE_SHA256=058a81a7534777ea68dc737e9b77bd5b701e00acd9bee246245a576eeeac32e6

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "cytoscape@$CYTOSCAPE_VERSION" >/dev/null)
echo "$CYTOSCAPE_SHA256  $work/cytoscape-$CYTOSCAPE_VERSION.tgz" | sha256sum --check --quiet
tar -xzf "$work/cytoscape-$CYTOSCAPE_VERSION.tgz" -C "$work"
install -D -m 644 "$work/package/dist/cytoscape.esm.min.mjs" ui/vendor/cytoscape/cytoscape.esm.min.js
install -D -m 644 "$work/package/LICENSE" ui/vendor/cytoscape/LICENSE
echo "ui/vendor/cytoscape: cytoscape $CYTOSCAPE_VERSION"
