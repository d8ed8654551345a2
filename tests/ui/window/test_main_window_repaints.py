"""A key repaints what it changed: a field row and an issue row paint their own background (so
they are opaque to Qt), the panes under them are not repainted, and a field row's background is
exactly what Qt would have painted there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from tests.ui.window.test_main_window_layout import one_example_per_kind
from ui import look
from ui.editors.fields import FieldRow, TextField
from ui.panels.issues_panel import ROW_FOCUS, ROW_LINE, IssueRow
from ui.services import Services
from ui.window.main_window import MainWindow


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


def _type_into_body(qtbot: QtBot, window: MainWindow, text: str) -> tuple[TextField, set[QObject]]:
    """Puts ``text`` in the body of the list shown, types three keys at its end; returns the
    body's row and the widgets those keys repainted."""
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    body = next(f for f in window.form.findChildren(TextField) if f.label.text().startswith("Body"))
    editor = body.editor
    assert isinstance(editor, QPlainTextEdit)
    editor.setFocus()
    editor.setPlainText(text)
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
    return body, set(paints.widgets)


def _names(widgets: list[QWidget]) -> list[str]:
    return [w.objectName() or type(w).__name__ for w in widgets]


def test_a_key_in_the_body_repaints_the_field_row_but_nothing_under_it(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services, "list", example=True)
    body, painted = _type_into_body(qtbot, window, "Which shipping option do you prefer?")
    assert body in painted and body.counter in painted, "the changed row was repainted"
    under = [w for w in _ancestors(body) if w in painted]
    assert under == [], f"panes under the body's row repainted: {_names(under)}"


def test_an_issue_whose_text_changes_per_key_repaints_its_row_not_the_panes_under_it(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services, "list", example=True)
    _, painted = _type_into_body(qtbot, window, "x" * 1100)  # over 1024: a warning with the count
    rows = [r for r in window.findChildren(IssueRow) if r in painted]
    assert rows, "the warning's row was repainted (its count changed)"
    under = [w for w in _ancestors(rows[0]) if w in painted]
    assert under == [], f"panes under the issue's row repainted: {_names(under)}"


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
        _same_when_qt_paints_under(window, rows, kind)


def test_an_issue_row_draws_its_own_background_in_every_state(
    qtbot: QtBot, services: Services
) -> None:
    """Opaque, the row must cover every pixel itself: the surface with a line under it, paler
    under the mouse, blue-tinted with the keyboard focus (as the stylesheet it replaces drew it)."""
    window = open_window(qtbot, services, "list")  # the empty list: several errors
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    _settle()
    rows = [r for r in window.findChildren(IssueRow) if r.isVisible()]
    assert len(rows) >= 2
    assert all(r.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent) for r in rows)
    for row in rows:
        assert _row_colours(row) == (look.colour("surface"), look.colour(ROW_LINE)), row.level
    window.activateWindow()
    qtbot.waitActive(window)
    rows[0].setFocus()
    _settle()
    assert rows[0].hasFocus()
    assert _row_colours(rows[0]) == (look.colour(ROW_FOCUS), look.colour(ROW_LINE))
    assert _row_colours(rows[1])[0] == look.colour("surface")
    rows[1].setAttribute(Qt.WidgetAttribute.WA_UnderMouse)  # as Qt marks it on the mouse's Enter
    rows[1].update()
    _settle()
    assert _row_colours(rows[1])[0] == look.colour("surface_alt")


def _row_colours(row: QWidget) -> tuple[QColor, QColor]:
    """The colour of the row's top-left pixel (its background) and of its bottom line."""
    image = row.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return image.pixelColor(1, 1), image.pixelColor(1, image.height() - 1)


def _same_when_qt_paints_under(window: QWidget, rows: list[QWidget], what: str) -> None:
    """Each of ``rows`` paints its background and says it is opaque; with the attribute off it
    paints nothing of its own and Qt paints what is under it: the pixels must not change."""
    opaque = Qt.WidgetAttribute.WA_OpaquePaintEvent
    assert all(r.testAttribute(opaque) for r in rows), what
    own = _grab(window)
    for row in rows:
        row.setAttribute(opaque, False)
    try:
        assert _grab(window) == own, f"{what}: a row's own background differs from Qt's"
    finally:
        for row in rows:
            row.setAttribute(opaque, True)
