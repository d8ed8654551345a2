#!/usr/bin/env bash
# Builds the one-folder app for the machine it runs on (Linux here; the same spec on Windows,
# where it runs in Git Bash, and on macOS): dist/wa-composer/ with the wa-composer binary
# (and dist/WA Composer.app on macOS). Uses .venv (made with the dev extra, which has PyInstaller)
# unless VENV names another environment with the project and PyInstaller installed.
# Usage: scripts/bundle.sh [--distpath DIR] [--workpath DIR]   (PyInstaller options)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if [ -z "${VENV:-}" ]; then
    source scripts/bootstrap.sh
    make_venv "$ROOT/.venv" "[dev]"
    VENV="$ROOT/.venv"
fi
PYBIN="$VENV/bin/python"
[ -x "$PYBIN" ] || PYBIN="$VENV/Scripts/python.exe"  # Windows venv layout
"$PYBIN" -m PyInstaller --noconfirm --clean --log-level WARN "$@" packaging/wa-composer.spec
echo "bundle: $(ls -d "$ROOT"/dist/wa-composer 2>/dev/null || echo 'see --distpath')" >&2
