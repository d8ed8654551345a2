"""History rows show each send's life as WhatsApp's ticks, and follow webhooks live."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from composer.graph.errors import error_from_webhook_error
from composer.payload import to_payload
from composer.samples import sample_message
from composer.sandbox import Sandbox, StatusDelays
from composer.storage.drafts import DraftStore
from composer.storage.history import Store
from composer.webhooks.recorder import error_record
from tests.ui.conftest import open_window
from ui.app import make_app
from ui.panels.history import HistoryPanel
from ui.panels.history_model import DETAIL_COLUMN as DETAIL
from ui.panels.history_model import STATUS_COLUMN as STATUS
from ui.panels.ticks import UNKNOWN_TEXT, tick_icon
from ui.services import Services

AT = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
ITEM_131047 = {
    "code": 131047,
    "title": "Re-engagement message",
    "message": "Re-engagement message",
    "error_data": {"details": "Message failed to send because more than 24 hours have passed"},
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "db.sqlite3") as opened:
        yield opened


def _send(store: Store, wamid: str | None, outcome: str = "accepted", **kw: Any) -> None:
    store.record_send(
        profile="sandbox", recipient="+15550100001", payload={"type": "reaction"},
        outcome=outcome, wamid=wamid, **kw,
    )  # fmt: skip


def _panel(qtbot: QtBot, store: Store) -> HistoryPanel:
    make_app()
    panel = HistoryPanel(lambda: store)
    qtbot.addWidget(panel)
    panel.show()  # a shown panel reads its first page
    return panel


def test_each_status_has_its_mark(qtbot: QtBot, store: Store) -> None:
    steps = ("sent", "delivered", "read")
    for n in range(4):  # wamid.0 only accepted, wamid.1 sent, wamid.2 delivered, wamid.3 read
        _send(store, f"wamid.{n}")
        for step in steps[:n]:
            store.update_status(f"wamid.{n}", step, AT)
    panel = _panel(qtbot, store)
    marks = [panel.mark(i) for i in range(panel.row_count())]
    assert marks == ["read", "delivered", "sent", "clock"]  # newest first
    assert [panel.row(i)[STATUS] for i in range(4)] == [
        "Read", "Delivered", "Sent", "Accepted",
    ]  # fmt: skip
    assert panel.row(0)[DETAIL] == "wamid.3"
    images = [tick_icon(m).pixmap(22, 14).toImage() for m in ("clock", "sent", "delivered", "read")]
    assert all(images[i] != images[j] for i in range(4) for j in range(i + 1, 4))


def test_failed_later_shows_the_mapped_explanation(qtbot: QtBot, store: Store) -> None:
    _send(store, "wamid.late")
    store.update_status("wamid.late", "sent", AT)
    store.update_status("wamid.late", "failed", AT, error_record(ITEM_131047))
    _send(store, "wamid.raw")
    store.update_status("wamid.raw", "failed", AT, dict(ITEM_131047))  # raw item, mapped on show
    panel = _panel(qtbot, store)
    expected = error_from_webhook_error(ITEM_131047).explanation
    assert expected
    for row in (0, 1):
        assert panel.mark(row) == "failed"
        assert panel.row(row)[STATUS] == "Failed later"
        assert expected in panel.row(row)[DETAIL] and "131047" in panel.row(row)[DETAIL]
    panel.select(1)
    assert expected in panel.details.text() and "failed" in panel.details.text()


def test_unknown_and_refused_sends(qtbot: QtBot, store: Store) -> None:
    _send(store, None, outcome="unknown")
    refused = {"code": 131026, "title": "Not on WhatsApp", "explanation": "Not on WhatsApp."}
    _send(store, None, outcome="failed", error=refused)
    panel = _panel(qtbot, store)
    assert (panel.mark(0), panel.row(0)[STATUS]) == ("failed", "Not sent")
    assert panel.row(0)[DETAIL] == "Not on WhatsApp (131026): Not on WhatsApp."
    assert panel.mark(1) == "unknown"
    assert UNKNOWN_TEXT in panel.row(1)[DETAIL]
    assert "may or may not have been delivered" in UNKNOWN_TEXT


def test_history_reaches_read_live_after_a_sandbox_send(qtbot: QtBot, home: Path) -> None:
    fast = StatusDelays(sent=0.1, delivered=0.3, read=0.5)
    services = Services(
        drafts=DraftStore(home / "drafts"), sandbox_factory=lambda: Sandbox(delays=fast)
    )
    try:
        window = open_window(qtbot, services)
        assert window.webhooks.running and window.webhooks.has_sandbox  # the in-app receiver
        assert window.load_payload(to_payload(sample_message("button"))) is None
        sent: list[Any] = []
        window.sent.connect(sent.append)
        window.send()
        qtbot.waitUntil(lambda: len(sent) == 1, timeout=10_000)
        assert sent[0].ok
        window.tabs.setCurrentWidget(window.history)
        assert window.history.row_count() == 1
        seen: set[str] = set()

        def read() -> bool:  # no refresh_history() here: webhook events must drive the panel
            seen.add(window.history.mark(0))
            return window.history.mark(0) == "read"

        qtbot.waitUntil(read, timeout=10_000)
        assert window.history.row(0)[STATUS] == "Read"
        assert window.history.row(0)[DETAIL] == sent[0].wamid
        assert seen & {"clock", "sent", "delivered"}  # it moved through the earlier marks
        window.tasks.wait()
        window.close()
    finally:
        services.close()
