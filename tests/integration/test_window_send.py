"""Sending from the window: off the UI thread against a slow loopback server, and the sandbox."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from composer.accounts import Profile
from tests.examples import examples
from tests.ui.conftest import home, open_window, services  # noqa: F401 (fixtures)
from ui.panels.history_model import DETAIL_COLUMN, STATUS_COLUMN
from ui.services import Services

DELAY = 1.5
TOKEN = "EAAG-test-token-123"


class _Slow(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str, dict[str, Any]]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Slow.seen.append((self.path, self.headers.get("Authorization", ""), body))
        time.sleep(DELAY)
        answer = json.dumps(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": body["to"], "wa_id": "16505550123"}],
                "messages": [{"id": "wamid.SLOW123"}],
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def slow_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Slow.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_send_to_a_slow_server_keeps_the_window_responsive(
    qtbot: QtBot,
    services: Services,  # noqa: F811
    slow_server: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    asked: list[str] = []
    services.confirm = lambda q: asked.append(q) or True  # type: ignore[func-returns-value]
    services.profiles().add(Profile("slow", "123456789", base_url=slow_server))
    window = open_window(qtbot, services)
    window.profile_combo.setCurrentIndex(window.profile_combo.findData("slow"))
    assert window.profile_badge.text().startswith("LIVE")
    payload = examples()["reply_buttons_text_header"]
    assert window.load_payload(payload) is None
    assert window.send_bar.button.isEnabled()

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    window.send_bar.button.click()
    assert len(asked) == 1 and "slow" in asked[0]
    assert window.is_sending()
    assert not window.send_bar.button.isEnabled()
    assert window.send_bar.status.text() == "Sending…"
    qtbot.waitUntil(lambda: not window.is_sending(), timeout=int(DELAY * 1000 * 6))
    elapsed = time.monotonic() - started
    timer.stop()
    assert elapsed >= DELAY
    in_flight = [t for t in ticks if started <= t <= started + DELAY]
    assert len(in_flight) >= 10, f"the event loop stalled: {len(in_flight)} ticks in {DELAY}s"
    assert window.send_bar.button.isEnabled()
    assert "wamid.SLOW123" in window.send_bar.status.text()
    path, auth, body = _Slow.seen[0]
    assert path == "/v24.0/123456789/messages" or path.endswith("/123456789/messages")
    assert auth == f"Bearer {TOKEN}"
    assert body == payload
    window.tabs.setCurrentWidget(window.history)
    assert window.history.row_count() == 1
    assert window.history.row(0)[DETAIL_COLUMN] == "wamid.SLOW123"
    window.tasks.wait()


def test_sandbox_send_needs_no_confirmation_and_maps_errors(
    qtbot: QtBot,
    services: Services,  # noqa: F811
) -> None:
    def refuse(question: str) -> bool:
        raise AssertionError("the sandbox must not ask for confirmation")

    services.confirm = refuse
    window = open_window(qtbot, services)
    assert window.profile_name() == "sandbox"
    assert window.profile_badge.text().startswith("SANDBOX")
    payload = dict(examples()["location_request"], to="+15550100001")
    assert window.load_payload(payload) is None
    sent: list[Any] = []
    window.sent.connect(sent.append)
    window.send()
    qtbot.waitUntil(lambda: len(sent) == 1, timeout=10_000)
    assert sent[0].ok and sent[0].wamid.startswith("wamid.")
    assert sent[0].wamid in window.send_bar.status.text()

    window.load_payload(dict(payload, to="+15550100009"))  # not on WhatsApp
    window.send()
    qtbot.waitUntil(lambda: len(sent) == 2, timeout=10_000)
    assert not sent[1].ok
    assert "131026" in window.send_bar.status.text()
    window.tabs.setCurrentWidget(window.history)
    assert window.history.row_count() == 2
    # double-clicking a past send opens its message again
    window.load_payload(examples()["reaction_add"])
    first = window.history.model.index(1, 0)  # oldest: the accepted send to Ana
    window.history.select(1)
    questions: list[str] = []
    services.confirm = lambda q: questions.append(q) is None  # yes, replace the reaction
    window.history.table.activated.emit(first)
    current = window.session.current()
    assert current is not None and current.to == "+15550100001"
    assert len(questions) == 1 and "replace the current message" in questions[0]
    assert window.form.kind() == "location_request_message"
    window.tasks.wait()


def test_closed_window_disables_send_with_the_reason(
    qtbot: QtBot,
    services: Services,  # noqa: F811
) -> None:
    window = open_window(qtbot, services)
    payload = dict(examples()["location_request"], to="+15550100003")  # Chloé: closed
    assert window.load_payload(payload) is None
    qtbot.waitUntil(lambda: not window.send_bar.button.isEnabled(), timeout=3000)
    assert "template" in window.send_bar.status.text()
    window.load_payload(dict(payload, to="+15550100001"))
    qtbot.waitUntil(lambda: window.send_bar.button.isEnabled(), timeout=3000)


def test_local_header_file_is_uploaded_on_send(
    qtbot: QtBot,
    services: Services,  # noqa: F811
    tmp_path: Any,
) -> None:
    from PySide6.QtGui import QColor, QImage

    from ui.editors.reply_buttons import ReplyButtonsEditor

    picture = tmp_path / "banner.png"
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f7a55"))
    assert image.save(str(picture))
    window = open_window(qtbot, services)
    assert window.load_payload(examples()["reply_buttons_text_header"]) is None
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    header = editor.parts.header
    assert header is not None
    header.kind.combo.setCurrentIndex(header.kind.combo.findData("image"))
    media = header.media
    media.source.setCurrentIndex(media.source.findData("file"))
    qtbot.keyClicks(media.value, str(picture))
    shown = json.loads(window.json_view.json_text())
    assert shown["interactive"]["header"] == {
        "type": "image",
        "image": {"link": picture.as_uri()},
    }
    warnings = [i for i in window.session.issues() if i.rule == "header.media.local_file"]
    assert warnings and str(warnings[0].severity) == "warning"
    assert window.send_bar.button.isEnabled()
    sent: list[Any] = []
    window.sent.connect(sent.append)
    window.send()
    qtbot.waitUntil(lambda: len(sent) == 1, timeout=10_000)
    assert sent[0].ok, sent[0].text
    record = services.store().history()[0]
    media_ref = record.payload["interactive"]["header"]["image"]
    assert set(media_ref) == {"id"}
    assert services.sandbox().media(media_ref["id"]) == ("image/png", picture.stat().st_size)
    window.tasks.wait()


def test_server_error_is_explained_and_focuses_its_field(
    qtbot: QtBot,
    services: Services,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.integration.fake_graph import FakeGraph, Reply, graph_error

    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    services.confirm = lambda q: True
    details = "The parameter interactive['footer']['text'] is invalid."
    with FakeGraph() as graph:
        graph.add(Reply(status=400, body=graph_error(131009, details=details)))
        services.profiles().add(Profile("fake", "123456789", base_url=graph.url))
        window = open_window(qtbot, services)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=15_000)
        window.profile_combo.setCurrentIndex(window.profile_combo.findData("fake"))
        assert window.load_payload(examples()["reply_buttons_text_header"]) is None
        sent: list[Any] = []
        window.sent.connect(sent.append)
        window.send()
        qtbot.waitUntil(lambda: len(sent) == 1, timeout=10_000)
    assert not sent[0].ok
    assert sent[0].field_path == "interactive.footer.text"
    status = window.send_bar.status.text()
    assert "131009" in status and details in status and TOKEN not in status
    assert window.send_bar.status.property("level") == "error"
    footer = window.form.editor().parts.footer  # type: ignore[attr-defined]
    qtbot.waitUntil(footer.editor.hasFocus, timeout=2000)
    window.tabs.setCurrentWidget(window.history)
    assert window.history.row(0)[STATUS_COLUMN] == "Not sent"
    assert window.history.mark(0) == "failed"
    detail = window.history.row(0)[DETAIL_COLUMN]
    assert details in detail or "131009" in detail
    window.tasks.wait()


def test_a_131047_from_the_api_closes_the_window_in_the_ui(
    qtbot: QtBot,
    services: Services,  # noqa: F811
) -> None:
    from datetime import UTC, datetime

    from composer.sandbox import CLOSED_CONTACT

    window = open_window(qtbot, services)
    # The local record says the customer wrote just now; the sandbox knows better (30 h ago).
    services.store().set_last_inbound(CLOSED_CONTACT.number, datetime.now(UTC), "manual")
    payload = dict(examples()["location_request"], to=CLOSED_CONTACT.number)
    assert window.load_payload(payload) is None
    qtbot.waitUntil(lambda: window.send_bar.button.isEnabled(), timeout=3000)
    sent: list[Any] = []
    window.sent.connect(sent.append)
    window.send()
    qtbot.waitUntil(lambda: len(sent) == 1, timeout=10_000)
    assert not sent[0].ok and "131047" in sent[0].text
    assert not window.send_bar.button.isEnabled()
    assert "131047" in window.send_bar.status.text()
    window.tasks.wait()


def test_retries_show_live_in_the_send_bar(
    qtbot: QtBot,
    services: Services,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.integration.fake_graph import FakeGraph, Reply, graph_error

    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    services.confirm = lambda q: True
    release = threading.Event()
    waits: list[float] = []

    def held(seconds: float) -> None:  # the worker waits here until the test has looked
        waits.append(seconds)
        assert release.wait(10), "the test never released the retry"

    services.sleep = held
    with FakeGraph() as graph:
        graph.add(Reply(429, graph_error(130429), {"Retry-After": "4"}), Reply())
        services.profiles().add(Profile("fake", "123456789", base_url=graph.url))
        window = open_window(qtbot, services)
        window.profile_combo.setCurrentIndex(window.profile_combo.findData("fake"))
        assert window.load_payload(examples()["reply_buttons_text_header"]) is None
        sent: list[Any] = []
        window.sent.connect(sent.append)
        window.send()
        status = window.send_bar.status
        qtbot.waitUntil(lambda: "retrying" in status.text(), timeout=10_000)
        try:
            assert status.text().endswith(": retrying in 4 s, attempt 2 of 4"), status.text()
            assert "130429" in status.text() and status.property("level") == "busy"
            assert window.is_sending() and not window.send_bar.button.isEnabled()
            assert len(graph.requests) == 1 and waits == [4.0]
        finally:
            release.set()
        qtbot.waitUntil(lambda: len(sent) == 1, timeout=10_000)
    assert sent[0].ok and sent[0].attempts == 2 and len(graph.requests) == 2
    assert "retrying" not in status.text() and sent[0].wamid in status.text()
    assert window.send_bar.button.isEnabled()
    window.tasks.wait()
