#!/usr/bin/env bash
# Runs WA Composer. First run: installs the missing Debian packages and creates .venv.
# Arguments are passed to wa-composer (e.g. `scripts/run.sh validate msg.json`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
install_debs libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 \
    fonts-noto-color-emoji gnome-keyring dbus-user-session
make_venv "$ROOT/.venv" ""
exec "$ROOT/.venv/bin/wa-composer" "$@"
