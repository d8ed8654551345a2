"""A key repaints what it changed: a field row paints its own background (so it is opaque to Qt),
the panes under it are not repainted, and that background is exactly its container's colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from tests.ui.window.test_main_window_layout import one_example_per_kind
from ui.editors.fields import FieldRow, TextField
from ui.services import Services


class Paints(QObject):
    """The widgets a paint event reached, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.widgets: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.widgets.append(watched)
        return False


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def _ancestors(widget: QWidget) -> list[QWidget]:
    out = []
    node = widget.parentWidget()
    while node is not None:
        out.append(node)
        node = node.parentWidget()
    return out


def test_a_key_in_the_body_repaints_the_field_row_but_nothing_under_it(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services, "list", example=True)
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    body = next(f for f in window.form.findChildren(TextField) if f.label.text().startswith("Body"))
    editor = body.editor
    assert isinstance(editor, QPlainTextEdit)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    _settle()
    paints = Paints()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(paints)
    try:
        for key in (Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C):
            qtbot.keyClick(editor, key)
            _settle()
    finally:
        app.removeEventFilter(paints)
    painted = set(paints.widgets)
    assert body in painted and body.counter in painted, "the changed row was repainted"
    under = [w for w in _ancestors(body) if w in painted]
    assert under == [], f"panes under the body's row repainted: {[type(w).__name__ for w in under]}"


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_every_field_row_fills_exactly_its_containers_colour(
    qtbot: QtBot, services: Services, examples: dict[str, Any]
) -> None:
    """With the fill turned off the container shows through: the pixels must be the same."""
    window = open_window(qtbot, services)
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    for kind, example in one_example_per_kind(examples).items():
        assert window.load_payload(example) is None, kind
        _settle()
        rows = [r for r in window.findChildren(FieldRow) if r.isVisible()]
        assert rows, kind
        opaque = Qt.WidgetAttribute.WA_OpaquePaintEvent
        assert all(r.testAttribute(opaque) for r in rows), kind
        filled = _grab(window)
        for row in rows:
            row.setAttribute(opaque, False)  # the row paints nothing: its container shows
        try:
            assert _grab(window) == filled, f"{kind}: a field row's fill differs from under it"
        finally:
            for row in rows:
                row.setAttribute(opaque, True)
