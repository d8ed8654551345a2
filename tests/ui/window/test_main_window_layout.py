"""The window never moves by itself: every kind x demo contact x state keeps its minimum width
under 1024 px, its own size, the pane sizes and the phone's size; the room at 1920x1080 is used;
the pane sizes are remembered between runs."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from composer.demo_contacts import (
    CLOSED_CONTACT,
    CLOSING_CONTACT,
    DEMO_CONTACTS,
    NOT_ON_WHATSAPP_CONTACT,
    OPEN_CONTACT,
)
from composer.payload import from_payload
from composer.window.facts import WindowState
from tests.ui.conftest import open_window
from ui.editors.registry import TITLES
from ui.elided_label import ElidedLabel
from ui.services import Services
from ui.window.layout_memory import default_geometry
from ui.window.main_window import MainWindow

SMALL = QSize(1024, 700)
LONG = "The Cloud API refused the message (131026): " + "the number is not on WhatsApp. " * 40


def one_example_per_kind(examples: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for payload in examples.values():
        kind = str(from_payload(payload).content.kind)
        if kind in TITLES and kind not in out:
            out[kind] = payload
    return out


class Frame:
    """What must not change by itself: the window's size, the panes and the phone."""

    def __init__(self, window: MainWindow) -> None:
        QApplication.processEvents()
        self.window = window
        self.size = window.size()
        self.panes = window.splitter.sizes()
        self.phone = window.preview.canvas.size()

    def check(self, what: str) -> None:
        QApplication.processEvents()
        w = self.window
        assert w.minimumSizeHint().width() <= SMALL.width(), what
        assert w.minimumWidth() <= SMALL.width(), what  # what the layout actually enforces
        assert w.size() == self.size, f"{what}: the window resized itself"
        assert w.splitter.sizes() == self.panes, f"{what}: the panes re-balanced"
        assert w.preview.canvas.size() == self.phone, f"{what}: the phone changed size"


def _send_and_wait(window: MainWindow, qtbot: QtBot) -> None:
    done: list[object] = []
    window.sent.connect(done.append)
    window.send()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    window.sent.disconnect(done.append)


def test_nothing_moves_the_window_or_its_panes(
    qtbot: QtBot, services: Services, examples: dict[str, Any]
) -> None:
    window = open_window(qtbot, services)
    window.resize(SMALL)
    window.commands.reset_layout()
    frame = Frame(window)
    kinds = one_example_per_kind(examples)
    assert set(kinds) == set(TITLES), "every kind with an editor has an example"
    for kind, example in kinds.items():
        for contact in DEMO_CONTACTS:
            what = f"{kind} to {contact.name}"
            payload = copy.deepcopy(example)
            payload["to"] = contact.number
            assert window.load_payload(payload) is None, what
            frame.check(f"{what}: loaded")
            if window.countdown.status().state is WindowState.CLOSED and kind != "template":
                assert not window.send_bar.can_send()  # the closed window: Send a template
                frame.check(f"{what}: closed window")
                continue
            window.send_bar.set_in_flight(True)
            frame.check(f"{what}: sending")
            window.send_bar.set_in_flight(False)
            if window.send_bar.can_send():
                _send_and_wait(window, qtbot)
                frame.check(f"{what}: {window.send_bar.result()}")
    window.send_bar.show_result("error", LONG)
    frame.check("a very long error")
    window.tasks.wait()


def test_the_states_are_really_reached(qtbot: QtBot, services: Services) -> None:
    """The loop above goes through these states for real (sent, error, closed, sending)."""
    window = open_window(qtbot, services, "button", example=True)
    window.resize(SMALL)
    frame = Frame(window)
    seen = []
    for contact in (OPEN_CONTACT, NOT_ON_WHATSAPP_CONTACT, CLOSING_CONTACT):
        window.form.recipient.field.set_number(contact.number)
        window.form.rebuild()
        _send_and_wait(window, qtbot)
        result = window.send_bar.result()
        assert result is not None
        seen.append(result[0])
        frame.check(contact.name)
    assert seen[0] == "ok" and seen[1] == "error"
    window.form.recipient.field.set_number(CLOSED_CONTACT.number)
    window.form.rebuild()
    assert window.countdown.status().state is WindowState.CLOSED
    assert window.send_bar.template_button.isVisible()
    frame.check("closed")
    window.tasks.wait()


def test_a_preview_tap_opens_the_webhook_tab_and_keeps_the_phone(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services, "button", example=True)
    window.resize(SMALL)
    frame = Frame(window)
    hits = [h for h in window.preview.preview_screen().chat_hits if h.action[0] == "button"]
    assert hits, "the example has reply buttons"
    tapped = window.preview.tap(hits[0].action)
    assert tapped.webhook is not None
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Webhook"
    assert '"button_reply"' in window.preview.json_view.toPlainText()
    assert window.preview.json_view.isVisible()
    frame.check("a tap")


def _clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs (elided labels may be: they
    show "…" and the whole text in their tooltip)."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or not isinstance(w, QLabel | QAbstractButton):
            continue
        if isinstance(w, ElidedLabel):
            if w.is_elided() and w.toolTip() != w.text():
                out.append(f"{w.objectName()}: elided without its text in the tooltip")
            continue
        need = w.minimumSizeHint() if isinstance(w, QLabel) and w.wordWrap() else w.sizeHint()
        if w.width() < need.width():
            out.append(f"{type(w).__name__} {w.objectName()} {w.width()} < {need.width()}")
    return out


def test_nothing_is_clipped_at_1024x700(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services, "list", example=True)
    window.resize(SMALL)
    window.commands.reset_layout()
    QApplication.processEvents()
    assert window.size() == SMALL
    for root in (window.top, window.send_bar, window.statusBar(), window.form.recipient):
        assert _clipped(root) == [], root.objectName()
    assert window.preview.canvas.width() >= 240
    badge = window.profile_badge
    assert badge.text().startswith("SANDBOX")
    assert not badge.is_elided() or badge.toolTip() == badge.text()


def test_1920x1080_gives_the_phone_its_size_and_the_json_the_rest(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services, "button", example=True)
    window.resize(1728, 972)  # what the window takes of a 1920x1080 screen the first time
    window.commands.reset_layout()
    QApplication.processEvents()
    form, phone, side = window.splitter.sizes()
    screen = window.preview.preview_screen()
    scale = window.preview.canvas.transform()[0]
    assert scale > 0.95, "the phone at (nearly) its natural size"
    assert phone < 440 and side >= 500, "the JSON and history get the room beside the phone"
    assert form <= 720
    assert screen.width > 0
    assert not window.profile_badge.is_elided()


def test_default_geometry_fits_the_screen() -> None:
    small = default_geometry(QRect(0, 0, 1024, 700))
    assert small == QRect(0, 0, 1024, 700)
    laptop = default_geometry(QRect(0, 0, 1280, 800))
    assert laptop.size() == QSize(1280, 800)
    big = default_geometry(QRect(0, 0, 1920, 1080))
    assert big.size() == QSize(1728, 972) and big.center() == QRect(0, 0, 1920, 1080).center()
    with_panel = default_geometry(QRect(0, 27, 1920, 1053))
    assert with_panel.top() >= 27 and with_panel.bottom() <= 1079
    assert default_geometry(QRect(0, 0, 800, 600)).size() == QSize(1280, 800)  # offscreen


def test_pane_sizes_and_hidden_panes_are_remembered(qtbot: QtBot, services: Services) -> None:
    first = open_window(qtbot, services, "button")
    first.resize(1280, 800)
    QApplication.processEvents()
    first.splitter.setSizes([700, 300, 268])
    wanted = first.splitter.sizes()
    first.actions_by_name["toggle_side"].setChecked(False)
    assert not first.tabs.isVisibleTo(first)
    first.close()
    second = open_window(qtbot, services, "button")
    QApplication.processEvents()
    assert second.size() == QSize(1280, 800)
    assert not second.tabs.isVisibleTo(second)
    assert not second.actions_by_name["toggle_side"].isChecked()
    second.actions_by_name["toggle_side"].setChecked(True)
    QApplication.processEvents()
    assert second.splitter.sizes()[:2] == wanted[:2]
    second.commands.reset_layout()
    assert second.splitter.sizes() != wanted
