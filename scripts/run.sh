#!/usr/bin/env bash
# Installs what is missing, builds Rapport (release) and runs it. Extra arguments go to rapport,
# e.g. `scripts/run.sh --data-dir /tmp/try-rapport`.
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_rust
need_packages "${BUILD_PACKAGES[@]}"
exec cargo run --release --locked -- "$@"
