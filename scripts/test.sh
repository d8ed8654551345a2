#!/usr/bin/env bash
# Runs the whole test suite exactly as CI does, on a bare Debian/Ubuntu machine:
#  1. installs the missing Debian packages (keyring, D-Bus, fonts, Qt's xcb libraries; binutils
#     for PyInstaller and desktop-file-utils for the packaging tests);
#  2. checks the Qt-free core in a venv WITHOUT PySide6 (.venv-core): ruff's ban + core tests;
#  3. runs ruff, mypy --strict, lint-imports and the whole suite in .venv (with PySide6), inside a D-Bus session
#     with a real gnome-keyring, Qt offscreen.
# Extra arguments go to the final pytest run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"
install_debs dbus dbus-user-session gnome-keyring libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 \
    libxkbcommon-x11-0 libegl1 libgl1 fontconfig fonts-noto-color-emoji xvfb xauth \
    binutils desktop-file-utils

echo "== core without PySide6 =="
if [ ! -x .venv-core/bin/python ]; then "$PY" -m venv --without-pip .venv-core; fi
"$PY" -m pip --python .venv-core/bin/python install -q --disable-pip-version-check \
    httpx 'msgspec>=0.18,<1' 'keyring>=25,<26' platformdirs pytest pytest-timeout hypothesis 2>&1 \
    | grep -v "is ignored: it is neither" >&2 || true
"$PY" -m pip --python .venv-core/bin/python install -q --disable-pip-version-check --no-deps -e . 2>&1 \
    | grep -v "is ignored: it is neither" >&2 || true
if .venv-core/bin/python -c "import PySide6" 2>/dev/null; then
    echo "test: .venv-core must not have PySide6" >&2; exit 1
fi
QT_QPA_PLATFORM=offscreen .venv-core/bin/python -m pytest -q -p no:cacheprovider tests/core

echo "== lint and types =="
make_venv "$ROOT/.venv" "[dev]"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports

echo "== whole suite (real keyring, Qt offscreen) =="
export QT_QPA_PLATFORM=offscreen
scripts/with-keyring.sh .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
