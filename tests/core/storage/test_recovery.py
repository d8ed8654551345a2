"""A damaged history file is kept aside and a new one started; a busy one is left alone."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from composer.storage.history import Store, StoreError
from composer.storage.recovery import open_history

T0 = datetime(2026, 12, 1, 10, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    "content",
    [b"SQLite format 3\x00" + b"\x00" * 3000, os.urandom(5000), b"not a database at all"],
    ids=["zeroed-header", "random", "text"],
)
def test_a_damaged_history_is_kept_aside_and_a_new_one_opens(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "composer.sqlite3"
    path.write_bytes(content)
    opened = open_history(path, clock=lambda: T0)
    backup = tmp_path / "composer.sqlite3.corrupt-20261201T101500Z"
    assert opened.set_aside == backup and backup.read_bytes() == content
    assert opened.notice() is not None and str(backup) in opened.notice()  # type: ignore[operator]
    with opened.store as store:
        row = store.record_send(
            profile="sandbox", recipient="15550100001", payload={}, outcome="accepted", wamid="w"
        )
        assert row is not None and [r.wamid for r in store.history()] == ["w"]


def test_a_healthy_history_opens_untouched(tmp_path: Path) -> None:
    path = tmp_path / "composer.sqlite3"
    with Store(path) as store:
        store.record_send(
            profile="sandbox", recipient="15550100001", payload={}, outcome="accepted", wamid="w"
        )
    opened = open_history(path, clock=lambda: T0)
    with opened.store as store:
        assert opened.set_aside is None and opened.notice() is None
        assert [r.wamid for r in store.history()] == ["w"]
    assert list(tmp_path.glob("*.corrupt-*")) == []


def test_a_history_that_cannot_be_opened_is_not_moved(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "composer.sqlite3"
    path.mkdir()  # a folder where the file should be: an OS error, not damage
    with pytest.raises(StoreError):
        open_history(path, clock=lambda: T0)
    assert path.is_dir() and list(folder.glob("*.corrupt-*")) == []
