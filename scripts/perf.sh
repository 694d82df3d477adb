#!/usr/bin/env bash
# Measures Rapport at heavy-user scale and prints the table of targets with this machine's
# numbers (docs/PERFORMANCE.md says what each means). Installs what is missing, builds release
# binaries, generates the seeded data once (kept in target/perf), then runs:
#   the benchmarks (cargo bench --bench heavy: search, warm paths, Today, a person, import,
#   search at 1M, the weekly plan), the sync benchmark (cargo bench --bench sync: a first sync of
#   3,000 people and an idle re-sync against a local Radicale), the app under Xvfb, opened from the tray's "Open" as a user
#   does (start-up vs an empty Tauri window, memory of the agent and the window, idle wake-ups),
#   and the kill -9 runs (import, follow-ups).
# Takes about half an hour on two cores. RUNS=N changes the number of kill runs (default 100).
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_rust
need_packages "${BUILD_PACKAGES[@]}" sqlite3 xvfb xauth dbus dunst python3 python3-xlib python3-venv gnome-keyring

RUNS=${RUNS:-100}
PY=/usr/bin/python3 # the system Python, which has python3-xlib
OUT=target/perf
mkdir -p "$OUT"

echo "==> building (release)"
cargo build --release --locked --bin rapport --example empty_window
cargo build --release --locked -p rapport-agent -p rapport-perf --bins
echo "==> generating the heavy-user data (once; kept in $OUT)"
heavy=$(target/release/rapport-generate store heavy)
csv=$(target/release/rapport-generate csv 30000)

echo "==> benchmarks"
cargo bench --locked --bench heavy
echo "==> sync: the first sync of 3,000 people and an idle re-sync against a local Radicale"
cargo bench --locked --bench sync

echo "==> the app under Xvfb, opened from the tray's menu: start-up, memory, idle"
xvfb-run -a --server-args="-screen 0 1280x800x24" \
  $PY scripts/perf/measure_app.py target/release/rapport target/release/examples/empty_window \
  target/release/rapport-panel "$heavy" 10 \
  --json "$OUT/app.json"

echo "==> the network map under Xvfb: first frame and zoom frame times at 3,000 and 30,000 people"
medium=$(target/release/rapport-generate store medium)
target/release/rapport-map-timing "$medium" 10
target/release/rapport-map-timing "$heavy" 10
xvfb-run -a --server-args="-screen 0 1280x800x24" \
  cargo test --release --locked --test e2e map_perf -- --ignored --nocapture --test-threads 1 2>&1 \
  | grep -E '^map (at|timings)' || true

echo "==> kill -9 during the 30,000-row import, $RUNS times"
$PY scripts/perf/reliability_import.py target/release/rapport "$csv" "$RUNS" --json "$OUT/kill-import.json" || true

echo "==> kill -9 and restart around due follow-ups, $RUNS times"
xvfb-run -a --server-args="-screen 0 1280x800x24" \
  $PY scripts/perf/reliability_notify.py target/release/rapport "$RUNS" --json "$OUT/kill-notify.json" || true

$PY scripts/perf/table.py "$OUT"
