"""Rehearse mode in the real window, against a real bot over loopback (REAL keyring, real HTTP).

The bot (``rehearse_bot``) answers the handshake and signed webhooks; the phone shows its
messages as they arrive, the user plays the customer with real clicks, and the Webhook tab shows
each webhook and the bot's HTTP answer. Run inside scripts/with-keyring.sh.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.credentials import KeyringSecretStore
from composer.rehearsal import RetryPolicy
from composer.rehearsal.script import parse_script
from composer.sandbox import Sandbox, StatusDelays
from composer.storage.drafts import DraftStore
from tests.integration.test_keyring import require_secret_service
from tests.ui.conftest import open_window
from tests.ui.window.rehearse_bot import SECRET, TOKEN, Bot
from ui.preview.layout import BusinessTurn, RefusedTurn
from ui.rehearse.settings import SECRETS_OWNER, load_settings
from ui.services import Services
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.keyring
WAIT_MS = 10_000


@pytest.fixture
def secrets() -> Iterator[KeyringSecretStore]:
    require_secret_service()
    store = KeyringSecretStore(service=f"wa-composer-test-{uuid.uuid4().hex[:8]}")
    yield store
    for name in ("app_secret", "verify_token"):
        store.delete(SECRETS_OWNER, name)


@pytest.fixture
def bot() -> Iterator[Bot]:
    b = Bot()
    yield b
    b.close()


@pytest.fixture
def window(qtbot: QtBot, home: Path, secrets: KeyringSecretStore) -> Iterator[MainWindow]:
    quiet = StatusDelays(sent=None, delivered=None, read=None)
    services = Services(
        drafts=DraftStore(home / "drafts"),
        sandbox_factory=lambda: Sandbox(delays=quiet),
        secrets_factory=lambda: secrets,
    )
    w = open_window(qtbot, services)
    w.rehearse.mode.port = 0  # any free port: tests run side by side
    w.rehearse.mode.retry = RetryPolicy(attempts=2, first_delay=0.05, timeout=2.0)
    yield w
    w.rehearse.set_on(False)
    w.close()
    services.close()


def _start(window: MainWindow, qtbot: QtBot, bot: Bot) -> None:
    link = window.rehearse
    link.toggle_action.trigger()  # View > Rehearse a bot
    assert link.bar.isVisible() and window.preview.thread_entries() == ()
    link.bar.url.setText(bot.url)
    link.bar.secrets["app_secret"].setText(SECRET)
    link.bar.secrets["verify_token"].setText(TOKEN)
    qtbot.mouseClick(link.bar.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: link.mode.running(), timeout=WAIT_MS)
    rehearsal = link.mode.rehearsal
    assert rehearsal is not None
    bot.graph_url, bot.phone_number_id = rehearsal.graph_url, rehearsal.phone_number_id


def _say(window: MainWindow, qtbot: QtBot, text: str) -> None:
    bar = window.rehearse.bar
    qtbot.keyClicks(bar.input, text)
    qtbot.keyClick(bar.input, Qt.Key.Key_Return)
    assert bar.input.text() == ""


def _turns(window: MainWindow, cls: type) -> list[Any]:
    return [e for e in window.preview.thread_entries() or () if isinstance(e, cls)]


def _click(window: MainWindow, qtbot: QtBot, action: tuple[Any, ...]) -> None:
    screen = window.preview.preview_screen()
    hits = screen.overlay_hits + screen.sheet_hits if screen.sheet_rect else screen.chat_hits
    hit = next(h for h in hits if h.action == action)
    canvas = window.preview.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_point(hit))


def test_the_bots_flow_plays_on_the_phone(window: MainWindow, qtbot: QtBot, bot: Bot) -> None:
    _start(window, qtbot, bot)
    assert "Graph API base URL" in window.rehearse.bar.status.text()
    _say(window, qtbot, "hi")
    qtbot.waitUntil(lambda: len(_turns(window, BusinessTurn)) == 1, timeout=WAIT_MS)
    screen = window.preview.preview_screen()
    assert screen.texts("button") == ["See the menu", "Opening hours"]
    assert screen.texts("reply_title") == ["hi"]
    # The Webhook tab: the text webhook the bot got and its HTTP answer
    panel = window.preview.panel
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Webhook"
    qtbot.waitUntil(lambda: "HTTP 200" in panel.json_label.text(), timeout=WAIT_MS)
    sent = json.loads(panel.json_view.toPlainText())
    assert sent["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] == "hi"
    assert bot.received[0]["text"]["body"] == "hi" and bot.bad_signatures == 0
    assert "closes in 23:59" in window.rehearse.bar.window_label.text()
    # another platform: the JSON stays in the Webhook tab, the phone keeps its room
    combo = window.preview_tools.pane.bar.platform_combo
    combo.setCurrentIndex(combo.findData("ios"))
    assert window.preview.theme().platform == "ios"
    assert window.preview.panel.parentWidget() is window.tabs.widget(window.tabs.currentIndex())
    # the sandbox's statuses move the bot message's ticks (sent, delivered, read)
    qtbot.waitUntil(lambda: _turns(window, BusinessTurn)[0].status == "read", timeout=WAIT_MS)
    assert window.preview.preview_screen().texts("turn_status") == ["Read"]

    _click(window, qtbot, ("in", 1, "button", 0))  # a real click on "See the menu"
    qtbot.waitUntil(lambda: len(_turns(window, BusinessTurn)) == 2, timeout=WAIT_MS)
    assert bot.received[-1]["interactive"]["button_reply"]["id"] == "menu"
    assert window.preview.preview_screen().texts("quote_text")[-1] == "Hi! What would you like?"
    list_turn = len(window.preview.thread_entries() or ()) - 1
    _click(window, qtbot, ("in", list_turn, "open_list"))
    assert window.preview.preview_screen().texts("row_title") == ["Coffee", "Tea"]
    _click(window, qtbot, ("row", 0, 1))
    _click(window, qtbot, ("send_list",))
    qtbot.waitUntil(lambda: len(_turns(window, BusinessTurn)) == 3, timeout=WAIT_MS)
    assert window.preview.preview_screen().texts("body")[-1] == "One tea, coming up!"
    assert bot.received[-1]["interactive"]["list_reply"]["id"] == "tea"

    # the earlier list, re-opened and answered again
    _click(window, qtbot, ("in", list_turn, "open_list"))
    _click(window, qtbot, ("row", 0, 0))
    _click(window, qtbot, ("send_list",))
    qtbot.waitUntil(lambda: len(_turns(window, BusinessTurn)) == 4, timeout=WAIT_MS)
    assert window.preview.preview_screen().texts("body")[-1] == "One coffee, coming up!"
    message = bot.received[-1]
    assert message["context"]["id"] == _turns(window, BusinessTurn)[1].wamid


def test_a_refused_message_shows_its_rule(window: MainWindow, qtbot: QtBot, bot: Bot) -> None:
    _start(window, qtbot, bot)
    _say(window, qtbot, "bad")
    qtbot.waitUntil(lambda: bool(_turns(window, RefusedTurn)), timeout=WAIT_MS)
    (refused,) = window.preview.preview_screen().texts("refused")
    assert "button.title_len" in refused and "Refused by WhatsApp" in refused
    assert _turns(window, BusinessTurn) == []


def test_a_failing_bot_is_retried_and_the_tab_says_so(
    window: MainWindow, qtbot: QtBot, bot: Bot
) -> None:
    _start(window, qtbot, bot)
    _say(window, qtbot, "fail")
    label = window.preview.panel.json_label
    qtbot.waitUntil(lambda: "attempt 2/2: HTTP 500" in label.text(), timeout=WAIT_MS)
    assert "attempt 1/2: HTTP 500" in label.text() and "retry in" in label.text()
    assert "no more retries" in label.text()


def test_a_bot_that_fails_the_handshake_is_refused(
    window: MainWindow, qtbot: QtBot, bot: Bot
) -> None:
    link = window.rehearse
    link.set_on(True)
    link.bar.url.setText(bot.url)
    link.bar.secrets["app_secret"].setText(SECRET)
    link.bar.secrets["verify_token"].setText("the wrong token")
    link.bar.start_button.click()
    qtbot.waitUntil(lambda: "verification GET" in link.bar.status.text()
                    and "HTTP 403" in link.bar.status.text(), timeout=WAIT_MS)  # fmt: skip
    assert not link.mode.running() and link.bar.start_button.isEnabled()


def test_secrets_go_to_the_keyring_and_the_url_to_the_settings(
    window: MainWindow, qtbot: QtBot, bot: Bot, secrets: KeyringSecretStore, home: Path
) -> None:
    _start(window, qtbot, bot)
    assert secrets.get(SECRETS_OWNER, "app_secret") == SECRET
    assert secrets.get(SECRETS_OWNER, "verify_token") == TOKEN
    assert load_settings().webhook_url == bot.url
    on_disk = "".join(p.read_text(errors="replace") for p in home.rglob("*") if p.is_file())
    assert SECRET not in on_disk and TOKEN not in on_disk
    assert window.rehearse.bar.secrets["app_secret"].placeholderText().startswith("stored")


def test_reactions_locations_and_save_rehearsal(
    window: MainWindow, qtbot: QtBot, bot: Bot, tmp_path: Path
) -> None:
    _start(window, qtbot, bot)
    _say(window, qtbot, "hi")
    qtbot.waitUntil(lambda: len(_turns(window, BusinessTurn)) == 1, timeout=WAIT_MS)
    region = next(r for r in window.preview.preview_screen().regions if r.action == ("react", 1))
    canvas = window.preview.canvas
    point = canvas.widget_point(region)  # a right-click on the bot's bubble: its reactions
    QApplication.sendEvent(
        canvas, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, canvas.mapToGlobal(point))
    )
    menu = window.rehearse.mode.menu
    assert menu is not None
    next(a for a in menu.actions() if a.text() == "React 👍").trigger()
    menu.close()
    qtbot.waitUntil(lambda: _turns(window, BusinessTurn)[0].reaction == "👍", timeout=WAIT_MS)
    assert window.preview.preview_screen().texts("reaction") == ["👍"]
    qtbot.waitUntil(lambda: bot.received[-1].get("type") == "reaction", timeout=WAIT_MS)
    assert window.rehearse.mode.share(38.7223, -9.1393, "Café A Brasileira")
    qtbot.waitUntil(lambda: bot.received[-1].get("type") == "location", timeout=WAIT_MS)
    assert "Café A Brasileira" in window.preview.preview_screen().texts("reply_title")
    _click(window, qtbot, ("in", 1, "button", 0))
    qtbot.waitUntil(lambda: len(_turns(window, BusinessTurn)) == 2, timeout=WAIT_MS)
    assert window.rehearse.save_action.isEnabled()
    path = window.rehearse.save(str(tmp_path / "flow.json"))
    assert path is not None
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    script = parse_script(data)  # the core's script reader accepts it
    assert script is not None
    steps = data["steps"]
    assert steps[0] == {"says": "hi"}
    assert steps[1]["expect"]["interactive.type"] == "button"
    assert steps[1]["expect"]["interactive.action.buttons.0.reply.id"] == "menu"
    assert {"taps": "menu"} in steps and any("shares_location" in s for s in steps)
    assert steps[-1]["expect"]["interactive.action.sections.0.rows.1.id"] == "tea"
    assert "1 reactions or forms" in window.rehearse.bar.status.text()


def test_leaving_rehearse_mode_shows_the_form_again(
    window: MainWindow, qtbot: QtBot, bot: Bot
) -> None:
    _start(window, qtbot, bot)
    window.rehearse.button.click()  # the button over the phone toggles the same action
    assert not window.rehearse.toggle_action.isChecked() and not window.rehearse.bar.isVisible()
    assert window.preview.thread_entries() is None and not window.rehearse.mode.running()


def test_leaving_during_the_handshake_drops_its_answer(
    window: MainWindow, qtbot: QtBot, bot: Bot
) -> None:
    link = window.rehearse
    link.set_on(True)
    link.bar.url.setText(bot.url)
    link.bar.secrets["app_secret"].setText(SECRET)
    link.bar.secrets["verify_token"].setText(TOKEN)
    link.bar.start_button.click()
    link.set_on(False)  # before the handshake's answer reaches the UI thread
    assert window.tasks.wait(WAIT_MS)
    qtbot.wait(50)  # the task's result is delivered through the event loop
    assert not link.mode.running() and link.mode.rehearsal is None
    assert window.preview.thread_entries() is None
