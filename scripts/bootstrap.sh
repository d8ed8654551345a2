#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: Debian packages (only the missing ones) and the venv.
# Usage: source scripts/bootstrap.sh [apt packages...]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PYTHON:-python3}

install_debs() {
    local need=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
    done
    [ ${#need[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "bootstrap: installing Debian packages: ${need[*]}" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

# make_venv DIR EXTRA: creates DIR (if missing) and installs the project with EXTRA ("" or "[dev]").
make_venv() {
    local dir=$1 extra=$2
    if [ ! -x "$dir/bin/python" ]; then
        "$PY" -m venv --without-pip "$dir"
    fi
    local stamp="$dir/.installed$extra"
    if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
        "$PY" -m pip --python "$dir/bin/python" install -q --disable-pip-version-check \
            -e "$ROOT$extra" 2>&1 | grep -v "is ignored: it is neither" >&2 || true
        "$dir/bin/python" -c "import composer" || { echo "bootstrap: install into $dir failed" >&2; exit 1; }
        touch "$stamp"
    fi
}
