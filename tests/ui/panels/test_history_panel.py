"""The history panel over a real store: lazy pages, one row per event, search, filter, selection."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from composer.storage.history import Store
from composer.storage.history_rows import PAGE_ROWS
from ui.app import make_app
from ui.panels.history import STATUS_CHOICES, HistoryPanel
from ui.panels.history_model import COLUMNS, DETAIL_COLUMN, STATUS_COLUMN

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "db.sqlite3") as s:
        yield s


def send(store: Store, n: int, to: str = "+15550100001", **kw: Any) -> int:
    payload = {
        "messaging_product": "whatsapp", "to": to, "type": "interactive",
        "interactive": {"type": "button", "body": {"text": f"Message number {n}"},
                        "action": {"buttons": []}},
    }  # fmt: skip
    args: dict[str, Any] = {"profile": "sandbox", "recipient": to, "payload": payload,
                            "outcome": "accepted", "wamid": f"wamid.{n}", "at": T0}  # fmt: skip
    return store.record_send(**(args | kw))


def shown_panel(qtbot: QtBot, store: Store | Callable[[], Store]) -> HistoryPanel:
    make_app()
    panel = HistoryPanel(store if callable(store) else lambda: store)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_a_row_shows_the_number_the_kind_title_and_the_text(qtbot: QtBot, store: Store) -> None:
    send(store, 1)
    row = shown_panel(qtbot, store).row(0)
    assert row[COLUMNS.index("To")] == "+1 555-010-0001"
    assert row[COLUMNS.index("Type")] == "Reply buttons"
    assert row[COLUMNS.index("Message")] == "Message number 1"
    assert row[STATUS_COLUMN] == "Accepted" and row[DETAIL_COLUMN] == "wamid.1"


def test_scrolling_fetches_pages_until_the_oldest_send(qtbot: QtBot, store: Store) -> None:
    oldest = send(store, 0)
    for n in range(1, 2 * PAGE_ROWS + 60):
        send(store, n)
    panel = shown_panel(qtbot, store)
    assert panel.row_count() == PAGE_ROWS  # one page, not the whole store
    for _ in range(10):  # the view asks for more as it reaches the end
        panel.table.scrollToBottom()
        QApplication.processEvents()
        if panel.model.position(oldest) is not None:
            break
    assert panel.row_count() == 2 * PAGE_ROWS + 60 > 200
    position = panel.model.position(oldest)
    assert position == panel.row_count() - 1
    assert panel.row(position)[COLUMNS.index("Message")] == "Message number 0"
    assert not panel.model.canFetchMore()


def test_a_status_event_changes_one_row_and_reads_nothing_else(qtbot: QtBot, store: Store) -> None:
    for n in range(30):
        send(store, n)
    panel = shown_panel(qtbot, store)
    reads = panel.model.reads
    changed: list[tuple[int, int]] = []
    panel.model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    resets: list[object] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.model.rowsInserted.connect(lambda *a: resets.append(a))
    store.update_status("wamid.25", "read", T0)
    panel.note_status("wamid.25")
    row = 29 - 25
    assert changed == [(row, row)]
    assert panel.model.reads == reads + 1 and not resets
    assert panel.row(row)[STATUS_COLUMN] == "Read" and panel.mark(row) == "read"
    panel.note_status("wamid.elsewhere")  # another tool's message: nothing to do
    assert panel.model.reads == reads + 1 and changed == [(row, row)]


def test_a_new_send_inserts_one_row_and_the_selection_stays(qtbot: QtBot, store: Store) -> None:
    for n in range(10):
        send(store, n)
    panel = shown_panel(qtbot, store)
    panel.select(3)
    picked = panel.current_id()
    reads = panel.model.reads
    inserted: list[tuple[int, int]] = []
    panel.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    send(store, 10)
    panel.note_new_sends()
    assert inserted == [(0, 0)] and panel.model.reads == reads + 1
    assert panel.row(0)[DETAIL_COLUMN] == "wamid.10"
    assert panel.current_id() == picked and panel.table.currentIndex().row() == 4
    store.update_status("wamid.6", "delivered", T0)  # the selected send moves on
    panel.note_status("wamid.6")
    assert panel.current_id() == picked and "Delivered" in panel.details.text()


def test_the_newest_send_stays_selected_while_the_user_watches_it(
    qtbot: QtBot, store: Store
) -> None:
    send(store, 1)
    panel = shown_panel(qtbot, store)
    assert panel.table.currentIndex().row() == 0
    send(store, 2)
    panel.note_new_sends()
    assert panel.row(panel.table.currentIndex().row())[DETAIL_COLUMN] == "wamid.2"
    assert "wamid.2" in panel.details.text()


def test_a_hidden_panel_only_notes_events(qtbot: QtBot, store: Store) -> None:
    for n in range(5):
        send(store, n)
    make_app()
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    other = QWidget()
    panel = HistoryPanel(lambda: store)
    tabs.addTab(other, "Issues")
    tabs.addTab(panel, "History")
    tabs.show()
    assert panel.model.reads == 0  # never shown: never read
    tabs.setCurrentWidget(panel)
    reads = panel.model.reads
    tabs.setCurrentWidget(other)
    store.update_status("wamid.2", "sent", T0)
    send(store, 5)
    for _ in range(50):
        panel.note_status("wamid.2")
    panel.note_new_sends()
    assert panel.model.reads == reads  # hidden: nothing read
    tabs.setCurrentWidget(panel)  # shown: the noted changes, once each
    assert panel.model.reads == reads + 2
    assert panel.row(0)[DETAIL_COLUMN] == "wamid.5"
    assert panel.row(3)[STATUS_COLUMN] == "Sent"


def test_search_and_status_filter(qtbot: QtBot, store: Store) -> None:
    send(store, 1, to="+15550100002")
    send(store, 2)
    send(store, 3)
    store.update_status("wamid.3", "read", T0)
    panel = shown_panel(qtbot, store)
    qtbot.keyClicks(panel.search, "0100002")
    assert [panel.row(i)[DETAIL_COLUMN] for i in range(panel.row_count())] == ["wamid.1"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "number 2")
    assert [panel.row(i)[DETAIL_COLUMN] for i in range(panel.row_count())] == ["wamid.2"]
    panel.search.clear()
    assert panel.row_count() == 3
    read = [key for _label, key in STATUS_CHOICES].index("read")
    panel.status.setCurrentIndex(read)
    assert [panel.row(i)[DETAIL_COLUMN] for i in range(panel.row_count())] == ["wamid.3"]
    qtbot.keyClicks(panel.search, "wamid.1")
    assert panel.row_count() == 0 and not panel.open_button.isEnabled()
    assert panel.details.text() == ""


def test_filtering_keeps_the_selected_send_when_it_still_matches(
    qtbot: QtBot, store: Store
) -> None:
    for n in range(5):
        send(store, n)
    panel = shown_panel(qtbot, store)
    panel.select(2)
    picked = panel.current_id()
    qtbot.keyClicks(panel.search, "number")
    assert panel.current_id() == picked


def test_open_and_resend_name_the_selected_send(qtbot: QtBot, store: Store) -> None:
    first = send(store, 1)
    send(store, 2)
    panel = shown_panel(qtbot, store)
    panel.select(1)
    opened: list[int] = []
    resent: list[int] = []
    panel.open_requested.connect(opened.append)
    panel.resend_requested.connect(resent.append)
    panel.open_button.click()
    panel.resend_button.click()
    panel.table.activated.emit(panel.model.index(1, 0))
    assert opened == [first, first] and resent == [first]


def test_dates_older_than_today_show_the_day(qtbot: QtBot, store: Store) -> None:
    send(store, 1, at=datetime.now(UTC) - timedelta(days=3))
    send(store, 2, at=datetime.now(UTC))
    panel = shown_panel(qtbot, store)
    time = COLUMNS.index("Time")
    today, older = panel.row(0)[time], panel.row(1)[time]
    assert len(today) == len("14:02:01") and today.count(":") == 2
    assert older.count("-") == 2 and len(older) == len("2026-05-01 12:00")


def test_an_unreadable_store_is_said_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    from composer.storage.records import StoreError

    def broken() -> Store:
        raise StoreError(f"the history database {tmp_path} cannot be used: disk I/O error")

    panel = shown_panel(qtbot, broken)
    assert panel.row_count() == 0
    said = panel.details.text()
    assert "History could not be read" in said and "disk I/O" in said
    panel.note_new_sends()
    panel.note_status("wamid.1")
    assert panel.row_count() == 0
