#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) on a private D-Bus session,
# the way CI and the tests need it on a machine with no desktop.
# Usage: scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
if [ "${1:-}" != "--inside" ]; then
    exec dbus-run-session -- "$0" --inside "$@"
fi
shift
tmp=$(mktemp -d)
mkdir -p "$tmp/data" "$tmp/cache" "$tmp/run"
chmod 700 "$tmp/run"
export XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run"
export HOME=${HOME:-$tmp}
printf 'throwaway-ci-password' | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$tmp/keyring.log" 2>&1 &
kpid=$!
cleanup() { kill "$kpid" 2>/dev/null || true; wait "$kpid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
for _ in $(seq 200); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
        break
    fi
    sleep 0.05
done
export WA_COMPOSER_EXPECT_SECRET_SERVICE=1
set +e
"$@"
rc=$?
set -e
exit $rc
