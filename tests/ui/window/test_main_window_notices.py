"""Damaged files are never lost in silence: the window says where they were kept (issue 15)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from ui.services import Services


def test_a_damaged_current_draft_is_named_in_the_notice_bar(
    qtbot: QtBot, services: Services, home: Path
) -> None:
    current = home / "drafts" / "current.json"
    current.parent.mkdir(parents=True, exist_ok=True)
    current.write_text('{"name": "current", "saved_at": "2026-12-01T10:00:00+00:00", "data": {"ki')
    window = open_window(qtbot, services)
    [backup] = list(current.parent.glob("current.json.corrupt-*"))
    assert backup.read_text().endswith('"data": {"ki')  # the user's bytes, kept
    assert not window.notices.isHidden()
    [notice] = window.notices.notices()
    assert str(backup) in notice and "nothing was overwritten" in notice
    window.save_current_draft()  # the next autosave writes a new file; the backup stays
    assert backup.exists() and current.exists()
    qtbot.mouseClick(window.notices.close_button, Qt.MouseButton.LeftButton)
    assert window.notices.isHidden()
    window.tasks.wait()


def test_a_damaged_history_is_kept_aside_and_named(
    qtbot: QtBot, services: Services, home: Path
) -> None:
    db = home / "data" / "composer.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    window = open_window(qtbot, services)
    [backup] = list(db.parent.glob("composer.sqlite3.corrupt-*"))
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")
    assert any(str(backup) in n and "new, empty history" in n for n in window.notices.notices())
    assert services.store().history() == []  # a new history works
    window.tasks.wait()


def test_a_healthy_start_shows_no_notice(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    assert window.notices.isHidden() and window.notices.notices() == []
    window.tasks.wait()
