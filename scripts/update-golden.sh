#!/usr/bin/env bash
# Redraw the golden images of the preview (tests/data/golden/) after an intended change.
# Every sample kind x {android, ios, web} x {light, dark}, drawn by the `render` code at scale 1.
# A reference that changed beyond the tolerance gets reference | new | difference written to
# build/golden-diff/ first: look there before committing. Options: --check (compare only, exit 1
# when something differs), --force (rewrite every reference, even within the tolerance).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec .venv/bin/python -m tests.golden "$@"
