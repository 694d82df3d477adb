#!/usr/bin/env bash
# Windows and macOS from this Linux machine (scripts/test.sh calls it; `scripts/cross.sh` alone
# works too). Builds Rapport for x86_64-pc-windows-gnu and runs the tests that need no window
# (the core's, the reminders and sync crates', the shell's unit tests, the CLI's and the commands'
# on the mock runtime) under Wine; type-checks every target for both Macs. Warnings in our crates are
# errors here. `scripts/cross.sh windows` or `scripts/cross.sh macos` does one half.
#
# rustup cannot fetch other targets' standard libraries on these machines, so the standard
# library is built from source (-Zbuild-std) with Debian's rustc-web, whose rust-web-src carries
# it; see ../shared/STACK.md, "Windows and macOS from Linux".
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_rust
started=$SECONDS
parts=${1:-windows macos}
# Wine converts file names and command lines by the locale: UTF-8, whatever the caller set.
export LC_ALL=C.UTF-8

RUST_WEB_VERSION=1.96.0+dfsg1-1~deb12u2
ZIG_VERSION=0.15.2
CROSS=$PWD/target/cross
TOOLCHAIN=$CROSS/toolchain
WINDOWS=x86_64-pc-windows-gnu
MACS=(aarch64-apple-darwin x86_64-apple-darwin)

# mingw-w64 links for Windows; Wine runs what it built; the libraries are what rustc-web and
# cargo-web load; python3-venv holds zig, the C compiler for the Macs' build scripts.
need_packages gcc-mingw-w64-x86-64 wine wine64 libllvm22 libgit2-1.5 libssh2-1 libcurl4 python3-venv

if [ "$(cat "$TOOLCHAIN/.version" 2>/dev/null)" != "$RUST_WEB_VERSION" ]; then
  echo "==> Debian's rustc-web $RUST_WEB_VERSION with the standard library's sources, into target/cross"
  rm -rf "$CROSS/debs" "$TOOLCHAIN"
  mkdir -p "$CROSS/debs"
  packages=(rustc-web cargo-web libstd-rust-web-dev "libstd-rust-web-${RUST_WEB_VERSION%.*}" rust-web-src)
  if ! (cd "$CROSS/debs" && apt-get download -qq "${packages[@]/%/=$RUST_WEB_VERSION}"); then
    echo "FAIL: Debian (bookworm-security) no longer has rustc-web $RUST_WEB_VERSION: set RUST_WEB_VERSION in scripts/cross.sh to the version \`apt-cache policy rustc-web\` offers" >&2
    exit 1
  fi
  for deb in "$CROSS"/debs/*.deb; do dpkg-deb -x "$deb" "$TOOLCHAIN"; done
  # Written last: an unpacking cut short is done again next time.
  echo "$RUST_WEB_VERSION" >"$TOOLCHAIN/.version"
fi
export LD_LIBRARY_PATH="$TOOLCHAIN/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export RUSTC="$TOOLCHAIN/usr/bin/rustc"
export RUSTDOC="$TOOLCHAIN/usr/bin/rustdoc"
# Lets this stable toolchain take -Zbuild-std.
export RUSTC_BOOTSTRAP=1
CARGO="$TOOLCHAIN/usr/bin/cargo"
BUILD_STD=(-Zbuild-std=std,panic_abort)
# Warnings in our crates are errors; cargo caps the lints of dependencies anyway.
export RUSTFLAGS="-D warnings"


# Windows: one build of everything (one set of features, so nothing is compiled twice), the
# end-to-end tests included — they cannot run here (WebKitWebDriver), but their harness must
# compile — then every test binary that needs no window, run under Wine.
windows() {
  echo "==> Windows: build ($WINDOWS, debug)"
  export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
  export WINEPREFIX="$CROSS/wine"
  export WINEDEBUG=-all
  # No Mono or Gecko download (there is no network for it, and nothing here needs them).
  export WINEDLLOVERRIDES="mscoree,mshtml="
  local build_json=$CROSS/windows-build.json
  CARGO_INCREMENTAL=0 CARGO_TARGET_DIR="$CROSS/windows" "$CARGO" test --locked --target "$WINDOWS" "${BUILD_STD[@]}" \
    -p rapport-core -p rapport-reminders -p rapport-sync -p rapport-agent -p rapport --lib --bins --tests --no-run \
    --message-format=json-render-diagnostics >"$build_json"
  echo "    built in $((SECONDS - started)) s"

  if [ ! -f "$WINEPREFIX/.rapport-ready" ]; then
    echo "==> Wine: a fresh prefix under target/cross/wine"
    rm -rf "$WINEPREFIX"
    wineboot --init >/dev/null 2>&1 || true
    wineserver --wait || true
    # Rust's standard library (≥ 1.78) takes its random numbers from bcryptprimitives.dll's
    # ProcessPrng, which Wine 8 lacks: a small DLL forwards it to RtlGenRandom.
    x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
      scripts/cross/bcryptprimitives.c scripts/cross/bcryptprimitives.def -ladvapi32
    touch "$WINEPREFIX/.rapport-ready"
  fi
  # One server for every test binary (a server starting and stopping between them resets their
  # connections), and the build's folder on Wine's PATH for WebView2Loader.dll, as cargo puts it
  # on PATH on Windows.
  wineserver --kill 2>/dev/null || true
  wineserver --persistent
  trap 'wineserver --kill 2>/dev/null || true' EXIT
  export WINEPATH
  WINEPATH=$(winepath -w "$CROSS/windows/$WINDOWS/debug")

  echo "==> Windows: the tests that need no window, under Wine"
  # The core's, the reminders', the sync crate's and the agent's tests, the shell's unit tests,
  # the CLI's and the commands' on the mock runtime.
  local binaries
  mapfile -t binaries < <(python3 - "$build_json" <<'PY'
import json, os, sys
root = os.getcwd()
for line in open(sys.argv[1]):
    message = json.loads(line)
    # Test binaries only: the programs themselves (rapport.exe, rapport-agent.exe) are run below.
    if message.get("reason") != "compiler-artifact" or not message.get("executable") or not message["profile"]["test"]:
        continue
    crate = os.path.dirname(message["manifest_path"])
    ours = crate in (os.path.join(root, "src-tauri/" + name) for name in ("core", "reminders", "sync", "agent"))
    # The sync scenarios need Radicale, Xandikos and a Secret Service: Linux programs.
    shell = crate == root and message["target"]["name"] in ("rapport_app", "cli", "commands")
    if ours or shell:
        print(crate + "\t" + message["executable"])
PY
  )
  # What cannot run under Wine, and why; these run on Linux here and on GitHub's Windows runner.
  local -A not_under_wine=(
    [export::every_export_parses_in_python_vobject_icalendar_csv_and_json]="checks the exports with Python's vobject and icalendar: Python here is a Linux program, which a Windows process under Wine cannot start"
  )
  if [ ${#binaries[@]} -lt 10 ]; then
    echo "FAIL: found ${#binaries[@]} test binaries in the Windows build, not the core's, the reminders', the shell's, the CLI's and the commands'" >&2
    exit 1
  fi
  local skips=() failed=() test binary dir exe name output code
  for test in "${!not_under_wine[@]}"; do skips+=(--skip "$test"); done
  local report=$CROSS/windows-tests.txt
  output=$CROSS/windows-test-output.txt
  : >"$report"
  for binary in "${binaries[@]}"; do
    dir=${binary%%$'\t'*}
    exe=${binary#*$'\t'}
    name=$(basename "$exe")
    echo "    $name" | tee -a "$report"
    code=0
    (cd "$dir" && wine "$exe" "${skips[@]}") >"$output" 2>&1 || code=$?
    cat "$output" >>"$report"
    # A process that dies without a failing test (no "failures:") is Wine's doing — seen once in
    # CI, never in 40 runs here: it is shown and run once more. A failing test is never retried.
    if [ "$code" -ne 0 ] && ! grep -q '^failures:$' "$output"; then
      echo "      exited with $code under Wine with no test failing; its last lines:" | tee -a "$report"
      tail -n 15 "$output" | sed 's/^/        /'
      echo "      run once more:" | tee -a "$report"
      code=0
      (cd "$dir" && wine "$exe" "${skips[@]}") >"$output" 2>&1 || code=$?
      cat "$output" >>"$report"
    fi
    if [ "$code" -ne 0 ]; then
      failed+=("$name")
      grep -E -B2 -A25 '^failures:$' "$output" >&2 || tail -n 40 "$output" >&2
      echo "      exited with $code" >&2
    fi
    grep -E '^test result' "$output" | tail -n 1 | sed 's/^/      /' || true
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "FAIL: under Wine: ${failed[*]}" >&2
    exit 1
  fi

  echo "==> Windows: rapport.exe's command line under Wine, in %APPDATA%"
  bash scripts/cross/windows-cli.sh "$CROSS/windows/$WINDOWS/debug/rapport.exe"
  wineserver --kill 2>/dev/null || true
  # On a display of its own: Wine makes windows (the tray's) only on one.
  echo "==> Windows: rapport-agent.exe under Wine, started as at login"
  xvfb-run -a --server-args="-screen 0 1280x800x24" \
    bash scripts/cross/windows-agent.sh "$CROSS/windows/$WINDOWS/debug/rapport-agent.exe"
  wineserver --kill 2>/dev/null || true
  local passed ignored
  passed=$(grep -Eo '[0-9]+ passed' "$report" | awk '{s+=$1} END {print s+0}')
  ignored=$(grep -Eo '[0-9]+ ignored' "$report" | awk '{s+=$1} END {print s+0}')
  echo "ok: under Wine $passed tests passed, $ignored ignored, ${#not_under_wine[@]} not run there:"
  for test in "${!not_under_wine[@]}"; do echo "    $test: ${not_under_wine[$test]}"; done
  grep -E '^test .* \.\.\. ignored' "$report" | sed 's/^test /    ignored: /' || true
}

# macOS: every target type-checked for both Macs, with the release's features.
macos() {
  echo "==> macOS: type-check every target (${MACS[*]})"
  [ -x "$CROSS/venv/bin/python" ] || python3 -m venv "$CROSS/venv"
  "$CROSS/venv/bin/python" -c "import ziglang" 2>/dev/null \
    || "$CROSS/venv/bin/pip" install -q "ziglang==$ZIG_VERSION"
  mkdir -p "$CROSS/bin"
  local target zig_target wrapper var
  for target in "${MACS[@]}"; do
    zig_target=${target%%-*}-macos
    wrapper="$CROSS/bin/cc-$target"
    # Build scripts' C (bundled SQLite) is compiled by zig. Objective-C needs Apple's SDK, which
    # no registry carries; nothing is linked by a check, so an empty object stands in for it.
    # cc-rs passes clang's --target=arm64-apple-macosx, which zig refuses: zig's triple replaces it.
    cat >"$wrapper" <<EOF
#!/usr/bin/env bash
args=()
out=
objc=
prev=
for arg in "\$@"; do
  case \$arg in
    --target=*) ;;
    *.m) objc=1; args+=("\$arg") ;;
    *) args+=("\$arg") ;;
  esac
  [ "\$prev" = -o ] && out=\$arg
  prev=\$arg
done
if [ -n "\$objc" ]; then
  exec "$CROSS/venv/bin/python" -m ziglang cc -target $zig_target -c -x c /dev/null -o "\$out"
fi
exec "$CROSS/venv/bin/python" -m ziglang cc -target $zig_target "\${args[@]}"
EOF
    printf '#!/usr/bin/env bash\nexec "%s/venv/bin/python" -m ziglang ar "$@"\n' "$CROSS" >"$CROSS/bin/ar-$target"
    chmod +x "$wrapper" "$CROSS/bin/ar-$target"
    var=${target//-/_}
    export "CC_$var=$wrapper" "AR_$var=$CROSS/bin/ar-$target"
    # What the release builds with: `tauri build` turns on tauri/custom-protocol.
    CARGO_TARGET_DIR="$CROSS/macos" "$CARGO" check --locked --target "$target" "${BUILD_STD[@]}" \
      --workspace --all-targets --features tauri/custom-protocol
  done
}

for part in $parts; do
  case $part in
    windows | macos) "$part" ;;
    *) echo "scripts/cross.sh: no part named $part (windows, macos)" >&2; exit 2 ;;
  esac
done
echo "ok: $parts in $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s"
