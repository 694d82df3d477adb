#!/usr/bin/env bash
# Fuzzes the LinkedIn CSV and vCard importers with cargo-fuzz (libFuzzer and AddressSanitizer,
# which need nightly features: a nightly toolchain if one is installed, otherwise the installed
# toolchain with RUSTC_BOOTSTRAP=1, since none can be downloaded everywhere). Each target starts
# from the test fixtures and runs for SECONDS (default 300).
#   scripts/fuzz.sh                 # both targets, 5 minutes each
#   SECONDS_EACH=60 scripts/fuzz.sh import_vcard
# Crashes are saved under fuzz/artifacts/<target>/ with the input that caused them.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${SECONDS_EACH:-300}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(import_linkedin import_vcard)

if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    toolchain=()
    export RUSTC_BOOTSTRAP=1
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2

failed=()
for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    case "$target" in
        import_linkedin) cp tests/fixtures/linkedin/*.csv tests/fixtures/hostile/*.csv "$corpus"/ ;;
        import_vcard) cp tests/fixtures/vcard/*.vcf tests/fixtures/hostile/*.vcf "$corpus"/ ;;
    esac
    echo "== $target: $seconds s"
    # A crash stops this target (its input is saved); the next target still runs.
    cargo "${toolchain[@]}" fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        || failed+=("$target")
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "crashes in: ${failed[*]} (inputs under fuzz/artifacts/)" >&2
    exit 1
fi
echo "no crashes"
