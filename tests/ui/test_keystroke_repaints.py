"""What a key may repaint: a setter given the value it already has does nothing, a counter's new
number moves nothing, an issue line's new text of the same height re-lays out nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from composer import limits
from composer.validation.check import Issue
from ui.editors.fields import TextField
from ui.restyle import set_tab_text


class Events(QObject):
    """Counts events of some types delivered to the watched objects."""

    def __init__(self, *types: QEvent.Type) -> None:
        super().__init__()
        self.types = types
        self.seen: list[tuple[str, QEvent.Type]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.types:
            self.seen.append((type(watched).__name__, event.type()))
        return False


def settle() -> None:
    for _ in range(4):  # a layout request climbs one parent per pass
        QApplication.processEvents()


def test_setting_a_tab_title_it_already_has_repaints_nothing(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Issues (3)")
    tabs.addTab(QWidget(), "JSON")
    tabs.show()
    qtbot.waitExposed(tabs)
    settle()
    paints = Events(QEvent.Type.Paint, QEvent.Type.LayoutRequest)
    tabs.tabBar().installEventFilter(paints)
    tabs.installEventFilter(paints)
    assert set_tab_text(tabs, 0, "Issues (3)") is False
    settle()
    assert paints.seen == []
    tabs.setTabText(0, "Issues (3)")  # what the window did on every key: Qt repaints anyway
    settle()
    assert paints.seen != [], "the check above would have caught the old behaviour"
    paints.seen.clear()
    assert set_tab_text(tabs, 0, "Issues (4)") is True
    settle()
    assert tabs.tabText(0) == "Issues (4)" and ("QTabBar", QEvent.Type.Paint) in paints.seen


def _field(qtbot: QtBot) -> tuple[QWidget, TextField]:
    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    field = TextField("Body", limits.BODY_TEXT, multiline=True)
    column.addWidget(field)
    column.addStretch(1)
    page.resize(600, 300)
    page.show()
    qtbot.waitExposed(page)
    settle()
    return page, field


def test_a_counter_has_a_fixed_size_so_its_number_relays_out_nothing(qtbot: QtBot) -> None:
    page, field = _field(qtbot)
    counter = field.counter
    assert counter.minimumSize() == counter.maximumSize() == counter.size()
    assert counter.height() >= counter.fontMetrics().height()
    layouts = Events(QEvent.Type.LayoutRequest)
    for widget in (field, page):
        widget.installEventFilter(layouts)
    field.editor.insertPlainText("Hello")  # type: ignore[union-attr]
    settle()
    assert counter.text() == f"5/{limits.BODY_TEXT.maximum}"
    assert layouts.seen == []


def _issue(message: str) -> Issue:
    return Issue("body.text_len.utf16", "interactive.body.text", "warning", message)


def test_an_issue_line_of_the_same_height_relays_out_nothing(qtbot: QtBot) -> None:
    page, field = _field(qtbot)
    field.show_issues([_issue("Body is 1001 characters, but 1031 if each emoji counts as 2.")])
    settle()
    height = field.height()
    layouts = Events(QEvent.Type.LayoutRequest)
    for widget in (field, page):
        widget.installEventFilter(layouts)
    field.show_issues([_issue("Body is 1002 characters, but 1032 if each emoji counts as 2.")])
    settle()
    assert field.issue_line.text().startswith("Body is 1002")
    assert layouts.seen == [], "the same height: the field and its parent are not re-laid out"
    long = "Body is 1003 characters, but 1033 if each emoji counts as 2. " * 6
    field.show_issues([_issue(long)])
    settle()
    assert layouts.seen != [] and field.height() > height, "more lines: the field grows"
    field.show_issues([])
    settle()
    assert field.issue_line.isHidden() and field.height() < height


def test_the_first_new_text_after_an_issue_appears_relays_out_nothing(qtbot: QtBot) -> None:
    """The issue that appears makes the form taller, a scroll bar comes and the field narrows:
    what the field compares the next text with is the line as placed, not as first measured."""
    from PySide6.QtWidgets import QScrollArea

    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidgetResizable(True)
    page = QWidget()
    column = QVBoxLayout(page)
    fields = [TextField(f"Field {n}", limits.BODY_TEXT) for n in range(5)]
    for field in fields:
        column.addWidget(field)
    area.setWidget(page)
    area.resize(520, page.sizeHint().height() + 4)  # no scroll bar until the issue appears
    area.show()
    qtbot.waitExposed(area)
    settle()
    field = fields[2]
    text = "Body is {} characters, but 1031 if each emoji counts as 2; shorten it to 1024 or less."
    field.show_issues([_issue(text.format(1001))])
    settle()
    assert area.verticalScrollBar().isVisible(), "the issue made the form taller"
    layouts = Events(QEvent.Type.LayoutRequest)
    for widget in (field, page):
        widget.installEventFilter(layouts)
    field.show_issues([_issue(text.format(1002))])
    settle()
    assert field.issue_line.text().startswith("Body is 1002")
    assert layouts.seen == []


def test_a_tooltip_set_to_the_text_it_has_sends_no_change_event(qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QLabel

    from ui.restyle import set_tool_tip

    label = QLabel("12/1024")
    qtbot.addWidget(label)
    seen: list[int] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.ToolTipChange:
                seen.append(1)
            return False

    watch = Watch()
    label.installEventFilter(watch)
    assert set_tool_tip(label, "Body: at most 1024 characters") and len(seen) == 1
    assert not set_tool_tip(label, "Body: at most 1024 characters") and len(seen) == 1
    label.setToolTip("Body: at most 1024 characters")  # Qt's own setter sends one anyway
    assert len(seen) == 2


def test_a_counter_is_wide_enough_for_its_largest_count_in_bold(qtbot: QtBot) -> None:
    """The count "1100/4096" in the near/over (bold) look was cut to ".100/4096" at 60 px."""
    _page, field = _field(qtbot)
    counter = field.counter
    widest = f"{limits.BODY_TEXT.maximum}/{limits.BODY_TEXT.maximum}"
    field.editor.setPlainText("x" * (limits.BODY_TEXT.maximum - 1))  # type: ignore[union-attr]
    settle()
    assert counter.property("level") in ("near", "over")
    assert counter.fontMetrics().horizontalAdvance(widest) <= counter.contentsRect().width()
    assert counter.minimumSize() == counter.maximumSize() == counter.size()
