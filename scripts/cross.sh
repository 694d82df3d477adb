#!/usr/bin/env bash
# Windows and macOS from this Linux machine (scripts/test.sh calls it; `scripts/cross.sh` alone
# works too). Builds Rapport for x86_64-pc-windows-gnu and runs the tests that need no window
# (the core's, the reminders crate's, the shell's unit tests, the CLI's and the commands' on the
# mock runtime) under Wine; type-checks every target for both Macs. Warnings in our crates are
# errors here.
#
# rustup cannot fetch other targets' standard libraries on these machines, so the standard
# library is built from source (-Zbuild-std) with Debian's rustc-web, whose rust-web-src carries
# it; see ../shared/STACK.md, "Windows and macOS from Linux".
cd "$(dirname "$0")/.."
. scripts/lib.sh
need_rust
started=$SECONDS

RUST_WEB_VERSION=1.96.0+dfsg1-1~deb12u2
ZIG_VERSION=0.15.2
CROSS=$PWD/target/cross
TOOLCHAIN=$CROSS/toolchain
WINDOWS=x86_64-pc-windows-gnu
MACS=(aarch64-apple-darwin x86_64-apple-darwin)

# mingw-w64 links for Windows; Wine runs what it built; the libraries are what rustc-web and
# cargo-web load; python3-venv holds zig, the C compiler for the Macs' build scripts.
need_packages gcc-mingw-w64-x86-64 wine wine64 libllvm22 libgit2-1.5 libssh2-1 libcurl4 python3-venv

if [ ! -x "$TOOLCHAIN/usr/bin/rustc" ]; then
  echo "==> Debian's rustc-web $RUST_WEB_VERSION with the standard library's sources, into target/cross"
  rm -rf "$CROSS/debs" "$TOOLCHAIN"
  mkdir -p "$CROSS/debs"
  packages=(rustc-web cargo-web libstd-rust-web-dev libstd-rust-web-1.96 rust-web-src)
  (cd "$CROSS/debs" && apt-get download -qq "${packages[@]/%/=$RUST_WEB_VERSION}" 2>/dev/null) || {
    # A security update replaces the version pinned above; then take the one Debian has now.
    echo "    $RUST_WEB_VERSION is gone from the archive; taking Debian's current rustc-web" >&2
    as_root apt-get update -qq
    (cd "$CROSS/debs" && apt-get download -qq "${packages[@]}" 2>/dev/null)
  }
  for deb in "$CROSS"/debs/*.deb; do dpkg-deb -x "$deb" "$TOOLCHAIN"; done
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

echo "==> Windows: build ($WINDOWS, debug)"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
export WINEPREFIX="$CROSS/wine"
export WINEDEBUG=-all
# No Mono or Gecko download (there is no network for it, and nothing here needs them).
export WINEDLLOVERRIDES="mscoree,mshtml="
windows_tests=(
  "-p rapport-core"
  "-p rapport-reminders"
  "-p rapport --lib --test cli --test commands"
)
for selection in "${windows_tests[@]}"; do
  # shellcheck disable=SC2086
  CARGO_TARGET_DIR="$CROSS/windows" "$CARGO" test --locked --target "$WINDOWS" "${BUILD_STD[@]}" $selection --no-run
done
windows_built=$SECONDS

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

echo "==> Windows: the tests that need no window, under Wine"
windows_report=$CROSS/windows-tests.txt
: >"$windows_report"
for selection in "${windows_tests[@]}"; do
  # shellcheck disable=SC2086
  CARGO_TARGET_DIR="$CROSS/windows" "$CARGO" test --locked --target "$WINDOWS" "${BUILD_STD[@]}" $selection \
    2>&1 | tee -a "$windows_report" | grep -E '^(test result|     Running|error|failures:|    [a-z_:]+$)' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "FAIL: Windows tests ($selection) under Wine" >&2; exit 1; }
done
wineserver --kill 2>/dev/null || true
passed=$(grep -Eo '[0-9]+ passed' "$windows_report" | awk '{s+=$1} END {print s+0}')
ignored=$(grep -Eo '[0-9]+ ignored' "$windows_report" | awk '{s+=$1} END {print s+0}')
echo "ok: under Wine $passed tests passed, $ignored ignored"
grep -E '^test .* \.\.\. ignored' "$windows_report" | sed 's/^/    ignored on Windows: /' || true

echo "==> macOS: type-check every target (${MACS[*]})"
if [ ! -x "$CROSS/venv/bin/python" ]; then
  python3 -m venv "$CROSS/venv"
fi
"$CROSS/venv/bin/python" -c "import ziglang" 2>/dev/null \
  || "$CROSS/venv/bin/pip" install -q "ziglang==$ZIG_VERSION"
for target in "${MACS[@]}"; do
  zig_target=${target%%-*}-macos
  wrapper="$CROSS/bin/cc-$target"
  mkdir -p "$CROSS/bin"
  # Build scripts' C (bundled SQLite) is compiled by zig. Objective-C needs Apple's SDK, which no
  # registry carries; nothing is linked by a check, so an empty object stands in for it.
  cat >"$wrapper" <<EOF
#!/usr/bin/env bash
for arg in "\$@"; do
  case \$arg in *.m)
    out=; prev=
    for a in "\$@"; do [ "\$prev" = -o ] && out=\$a; prev=\$a; done
    exec "$CROSS/venv/bin/python" -m ziglang cc -target $zig_target -c -x c /dev/null -o "\$out" ;;
  esac
done
exec "$CROSS/venv/bin/python" -m ziglang cc -target $zig_target "\$@"
EOF
  printf '#!/usr/bin/env bash\nexec "%s/venv/bin/python" -m ziglang ar "$@"\n' "$CROSS" >"$CROSS/bin/ar-$target"
  chmod +x "$wrapper" "$CROSS/bin/ar-$target"
  var=${target//-/_}
  export "CC_$var=$wrapper" "AR_$var=$CROSS/bin/ar-$target"
  # What the release builds with: `tauri build` turns on tauri/custom-protocol.
  CARGO_TARGET_DIR="$CROSS/macos" "$CARGO" check --locked --target "$target" "${BUILD_STD[@]}" \
    --workspace --all-targets --features tauri/custom-protocol
done

echo "ok: Windows built and tested, both Macs type-checked, in $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s (Windows build $((windows_built - started)) s)"
