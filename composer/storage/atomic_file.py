"""Crash-safe file writes shared by profiles, drafts and settings.

A reader (or the app after a SIGKILL or power cut) sees the old content or the new one, never a
mix: write a temporary file beside the target, fsync it, ``os.replace`` it over the target, then
fsync the directory so the rename itself is durable. Files are created 0600 (``mkstemp``) since
they hold customer numbers and message drafts.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically (mode 0600)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def atomic_write_json(path: Path, value: object) -> None:
    """Write ``value`` as JSON atomically (serialised first: a bad value leaves no trace)."""
    atomic_write_text(path, json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True))


def fsync_dir(directory: Path) -> None:
    """Make a rename or delete in ``directory`` durable (POSIX); a no-op where it can't be."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open directories; os.replace is atomic there anyway
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def keep_aside(path: Path, now: datetime, companions: tuple[str, ...] = ()) -> Path:
    """Move a damaged ``path`` to ``<name>.corrupt-<UTC time>`` beside it (never overwriting an
    earlier backup) and return the new path. ``companions`` are suffixes of files that belong
    with it (SQLite's ``-wal``/``-shm``) and move along under the backup's name."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 2
    while backup.exists():
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    path.replace(backup)
    for suffix in companions:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(backup.with_name(backup.name + suffix))
    fsync_dir(path.parent)
    return backup
