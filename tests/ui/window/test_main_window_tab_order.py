"""Tab walks the whole window in reading order without traps: from the To field through every
control of every kind's editor (Add button, Add row, a card's tools...), the send bar, the side
tabs and the status bar, and back to To; Shift+Tab walks the same circle backwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ui.editors.registry import TITLES
from ui.window.main_window import MainWindow
from ui.window.tab_chain import position, reading_order

MAX_KEYS = 600


def _activate(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    # a loaded 2-core CI machine can take seconds to hand the offscreen window the focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=15_000)


def expected_stops(window: MainWindow) -> set[int]:
    """Every control Tab should reach, found from the widget tree (not from layouts, as the
    chain is): visible, enabled, takes Tab focus, and not the inner part of another control."""
    tab = Qt.FocusPolicy.TabFocus.value
    out = set()
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or not w.isEnabled() or type(w) is QScrollArea:
            continue
        if not w.focusPolicy().value & tab or w.window() is not window:
            continue
        parent, inner = w.parentWidget(), False
        while parent is not None and parent is not window:
            if parent.focusPolicy().value & tab and type(parent) is not QScrollArea:
                inner = True  # a combo's line edit, a spin box's editor, a tab widget's bar
                break
            parent = parent.parentWidget()
        if inner and w is not window.tabs.tabBar():
            continue
        out.add(id(w))
    out.discard(id(window.tabs))  # its tab bar is the stop
    return out


def walk(window: MainWindow, qtbot: QtBot, start: QWidget, key: Qt.Key) -> list[QWidget]:
    """Press ``key`` from ``start`` until the focus is back on it; the stops, in order."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    seen: list[QWidget] = []
    for _ in range(MAX_KEYS):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, key)
        chain = reading_order(window)
        index = position(chain, QApplication.focusWidget())
        assert index is not None, f"Tab left the chain: {QApplication.focusWidget()}"
        stop = chain[index]
        if stop is start:
            return seen
        if not seen or seen[-1] is not stop:  # a date edit takes a Tab per section
            seen.append(stop)
    raise AssertionError(f"Tab never came back to the start (a trap after {seen[-3:]})")


def _grow(window: MainWindow) -> None:
    """More than one item where the editor has repeaters: their cards and tools show."""
    editor = window.form.editor()
    for name in ("buttons", "sections", "cards", "rows", "products"):
        repeater = getattr(editor, name, None)
        add = getattr(repeater, "add_item", None)
        if callable(add) and repeater.count() < 2:  # type: ignore[union-attr]
            add()
    QApplication.processEvents()


@pytest.mark.parametrize("kind", list(TITLES))
def test_tab_reaches_every_control_and_comes_back(
    window: MainWindow, qtbot: QtBot, kind: str
) -> None:
    window.resize(1280, 800)
    window.type_combo.setCurrentIndex(window.type_combo.findData(kind))
    window.form.recipient.field.set_number("+15550100001")
    _grow(window)
    _activate(window, qtbot)
    start = window.form.recipient.field.combo
    forward = walk(window, qtbot, start, Qt.Key.Key_Tab)
    reached = {id(w) for w in [start, *forward]}
    missing = [
        f"{type(w).__name__} {w.objectName()} {getattr(w, 'text', lambda: '')()}"
        for w in window.findChildren(QWidget)
        if id(w) in expected_stops(window) - reached
    ]
    assert missing == [], f"{kind}: Tab never reaches {missing}"
    assert len(forward) == len({id(w) for w in forward}), "each control once per round"
    assert len(forward) >= 10  # top bar 6, To, the body at least, Options 2, the side tabs
    for must in (window.type_combo, window.settings_button, window.send_bar.button.parent()):
        assert must is not None
    assert window.type_combo in forward and window.settings_button in forward
    adds = [w for w in forward if isinstance(w, QPushButton) and w.text().startswith("Add ")]
    if any(hasattr(window.form.editor(), n) for n in ("buttons", "sections", "cards")):
        assert adds, f"{kind}: the Add button is in the chain"
    backward = walk(window, qtbot, start, Qt.Key.Key_Backtab)
    assert backward == list(reversed(forward)), "Shift+Tab walks the same circle back"


def test_the_form_comes_after_the_recipient_and_before_send(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("list"))
    window.messages.load_example("list")
    assert window.send_bar.button.isEnabled()
    chain = reading_order(window)
    to = chain.index(window.form.recipient.field.combo)
    body = chain.index(window.form.editor().parts.body.editor)  # type: ignore[attr-defined]
    callback = chain.index(window.form.envelope.callback.editor)
    send = chain.index(window.send_bar.button)
    assert chain.index(window.type_combo) < to < body < callback < send


def test_tab_from_the_clicked_form_area_goes_into_the_form(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("button"))
    _activate(window, qtbot)
    area = window.form.scroll_area
    area.setFocus(Qt.FocusReason.MouseFocusReason)  # a click on the form's background
    qtbot.waitUntil(area.hasFocus, timeout=2000)
    qtbot.keyClick(area, Qt.Key.Key_Tab)
    first = window.form.scroll_area.widget().tab_chain()[0]  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is first
