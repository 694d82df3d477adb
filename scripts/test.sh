#!/usr/bin/env bash
# Installs what is missing and runs every test: the core crate's dependency check, the UI's pure
# modules (node --test), then all Rust tests — core, commands on the mock runtime, CLI, and the
# end-to-end tests in a real WebKit window under Xvfb with their own D-Bus buses.
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_rust
# Xvfb and xauth give the display, webkit2gtk-driver gives WebKitWebDriver, dbus gives
# dbus-daemon and dbus-monitor, nodejs runs the UI's unit tests, python3-venv holds the
# independent parsers the exports are checked with (pip installs them into target/), dunst is
# the notification server the end-to-end tests' notifications go to, sqlite3 is what the
# benchmark compares the import with, gnome-keyring is the Secret Service the sync tests keep the
# password in, openssl makes their HTTPS test's certificate authority.
need_packages "${BUILD_PACKAGES[@]}" xvfb xauth webkit2gtk-driver dbus nodejs python3 python3-venv dunst sqlite3 gnome-keyring openssl
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "==> installing tauri-driver"
  cargo install tauri-driver --locked --version 2.1.0
fi
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> the core, the reminders and sync crates and the agent must not depend on Tauri or WebKit"
for crate in rapport-core rapport-reminders rapport-sync rapport-agent; do
  tree=$(cargo tree --locked -p "$crate" -e normal,build --prefix none --target all)
  if grep -Ei '^(tauri|wry|webkit2gtk|tao|gtk)[ -]' <<<"$tree"; then
    echo "FAIL: $crate depends on the crates above; it must stay free of Tauri and WebKit" >&2
    exit 1
  fi
  echo "ok: $crate has no tauri, wry, tao, gtk or webkit2gtk in its tree, on any platform"
done

echo "==> UI unit tests"
node --test ui/tests/

echo "==> Rust tests (the end-to-end ones open real windows on a virtual display)"
rm -rf target/e2e-screenshots
mkdir -p target
xvfb-run -a --server-args="-screen 0 1280x800x24" cargo test --locked --workspace --no-fail-fast 2>&1 \
  | tee target/rust-tests.log
# What the sync scenarios add to the run: each test binary says how long it took; these are the
# ones against the real servers (tests/sync) and the sync crate's own.
awk '/^ *(Running|Doc-tests) / { sync = ($0 ~ /deps\/(sync|rapport_sync|background)-/) }
     sync && /^test result:/ { sub(/s$/, "", $NF); total += $NF }
     END { printf "==> the sync tests took %d min %d s of that\n", total / 60, total % 60 }' target/rust-tests.log

echo "==> the heavy-user benchmark, once on a small store (that it runs; its numbers mean nothing here)"
cargo test --locked --bench heavy

echo "==> the sync benchmark, once on 100 people against Radicale (that it runs)"
cargo test --locked --bench sync

echo "==> the GitHub workflows, linted"
bash scripts/lint-workflows.sh

echo "==> Windows (built, tested under Wine) and macOS (type-checked)"
if [ "${RAPPORT_CROSS:-}" = skip ]; then
  # Only GitHub's Linux job sets this: its Windows and macOS jobs test on the real systems.
  echo "not here: RAPPORT_CROSS=skip (Windows and macOS are tested on their own runners)"
else
  bash scripts/cross.sh
fi

echo "==> all tests passed in $((SECONDS / 60)) min $((SECONDS % 60)) s"
