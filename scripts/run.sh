#!/usr/bin/env bash
# Installs what is missing, builds Rapport (release) and runs it. Extra arguments go to rapport,
# e.g. `scripts/run.sh --data-dir /tmp/try-rapport`.
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_rust
need_packages "${BUILD_PACKAGES[@]}"
# The agent (tray and reminders, no webview) is installed beside the window, which starts it.
cargo build --release --locked -p rapport-agent
exec cargo run --release --locked -- "$@"
