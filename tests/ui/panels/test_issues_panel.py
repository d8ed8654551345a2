"""The issues panel shows every message in full, wrapped, with the path on its own line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.validation.check import Issue, Severity
from ui.app import make_app
from ui.panels.issues_panel import IssuesPanel

LONG = (
    "No thumbnail product is set; WhatsApp may pick the first item or reject the message. "
    "Set thumbnail_product_retailer_id to the SKU of the product to show."
)
PATH = "interactive.action.parameters.thumbnail_product_retailer_id"


def _panel(qtbot: QtBot, issues: list[Issue]) -> IssuesPanel:
    make_app()
    panel = IssuesPanel()
    qtbot.addWidget(panel)
    panel.resize(330, 500)
    panel.set_issues(issues)
    panel.show()
    QApplication.processEvents()
    return panel


def test_long_message_and_path_are_shown_whole_and_wrapped(qtbot: QtBot) -> None:
    panel = _panel(qtbot, [Issue("catalog.thumbnail", PATH, Severity.WARNING, LONG)])
    row = panel.rows[0]
    assert row.message.text() == LONG
    assert row.path_label.text().replace("\u200b", "") == PATH
    line = row.message.fontMetrics().height()
    assert row.message.height() >= 3 * line  # wrapped over several lines, not elided
    assert row.path_label.y() >= row.message.y() + row.message.height()  # its own line
    inner = panel.area.viewport().width()
    assert row.path_label.geometry().right() <= inner  # the long path wraps inside the panel
    assert row.path_label.height() >= 2 * row.path_label.fontMetrics().height()
    assert panel.summary.text() == "1 warning"


def test_errors_come_first_and_counts_are_worded(qtbot: QtBot) -> None:
    issues = [
        Issue("w.rule", "interactive.footer", Severity.WARNING, "A warning."),
        Issue("e.one", "interactive.body", Severity.ERROR, "First error."),
        Issue("e.two", "to", Severity.ERROR, "Second error."),
    ]
    panel = _panel(qtbot, issues)
    assert panel.paths() == ["interactive.body", "to", "interactive.footer"]
    assert panel.summary.text() == "2 errors and 1 warning"
    assert panel.area.isVisible()
    panel.set_issues([])
    assert panel.count() == 0
    assert not panel.area.isVisible()  # no empty box under "No issues"
    assert panel.summary.text().startswith("No issues")


def test_click_and_keyboard_activate_the_path(qtbot: QtBot) -> None:
    panel = _panel(qtbot, [Issue("body.required", "interactive.body", Severity.ERROR, "Body!")])
    with qtbot.waitSignal(panel.path_activated) as clicked:
        qtbot.mouseClick(panel.rows[0].path_label, Qt.MouseButton.LeftButton)
    assert clicked.args == ["interactive.body"]
    with qtbot.waitSignal(panel.path_activated) as pressed:
        qtbot.keyClick(panel.rows[0], Qt.Key.Key_Return)
    assert pressed.args == ["interactive.body"]


def test_typing_updates_rows_in_place_and_rebuilds_only_when_severities_change(
    qtbot: QtBot,
) -> None:
    body = Issue("body.text_len", "interactive.body", Severity.ERROR, "Body is 1025 characters.")
    panel = _panel(qtbot, [body])
    first = panel.rows[0]
    panel.set_issues([body])  # the same issues again: nothing to do
    assert panel.rows[0] is first
    longer = Issue("body.text_len", "interactive.body", Severity.ERROR, "Body is 1026 characters.")
    panel.set_issues([longer])  # the count in the message changes with every keystroke
    assert panel.rows[0] is first and first.message.text() == "Body is 1026 characters."
    warning = Issue("to.plus", "to", Severity.WARNING, "No leading +.")
    panel.set_issues([warning])  # another severity: a new row, with the warning's look
    assert panel.rows[0] is not first and panel.rows[0].level == "warning"
    assert panel.paths() == ["to"] and panel.summary.text() == "1 warning"
    panel.set_issues([longer, warning])
    assert panel.paths() == ["interactive.body", "to"]
    assert [row.level for row in panel.rows] == ["error", "warning"]
    panel.set_issues([warning])
    assert panel.count() == 1 and panel.paths() == ["to"]


def test_a_key_that_changes_one_issue_touches_only_its_row(qtbot: QtBot) -> None:
    """Twenty rows, one count changing per key: the other rows are not set again."""
    rows = [Issue(f"r{i}", f"p{i}", Severity.WARNING, f"Warning {i}.") for i in range(20)]
    body = Issue("body.text_len", "interactive.body", Severity.ERROR, "Body is 1025 characters.")
    panel = _panel(qtbot, [body, *rows])
    changes: dict[int, int] = {}

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.ToolTipChange:
                changes[id(watched)] = changes.get(id(watched), 0) + 1
            return False

    spy = Spy()
    for row in panel.rows:
        row.installEventFilter(spy)
    longer = Issue("body.text_len", "interactive.body", Severity.ERROR, "Body is 1026 characters.")
    panel.set_issues([longer, *rows])
    assert changes == {}, "the same rules: no tooltip is set again"
    assert panel.rows[0].message.text() == "Body is 1026 characters."
    assert panel.rows[0].accessibleName() == "error: Body is 1026 characters."
    assert [row.message.text() for row in panel.rows[1:]] == [i.message for i in rows]
    other = Issue("body.empty", "interactive.header.text", Severity.ERROR, "Header is empty.")
    panel.set_issues([other, *rows])  # another rule and field in the same row
    assert changes == {id(panel.rows[0]): 1}
    assert "body.empty" in panel.rows[0].toolTip()
    assert panel.rows[0].path_label.text().replace("\u200b", "") == "interactive.header.text"
    assert "interactive.header.text" in panel.rows[0].accessibleDescription()


def test_an_issue_that_comes_or_goes_inserts_or_removes_its_row_alone(qtbot: QtBot) -> None:
    """The body's issue appears among twenty: the rows after it are not re-shown one place
    down (each re-measured its text), they keep their issues; the new row sits in its place."""
    rows = [Issue(f"r{i}", f"p{i}", Severity.WARNING, f"Warning {i}.") for i in range(20)]
    body = Issue("body.text_len", "interactive.body", Severity.WARNING, "Body is 1025 characters.")
    panel = _panel(qtbot, rows)
    before = list(panel.rows)
    panel.set_issues([*rows[:7], body, *rows[7:]])
    assert panel.rows[:7] == before[:7] and panel.rows[8:] == before[7:]
    assert panel.paths() == [i.path for i in [*rows[:7], body, *rows[7:]]]
    assert _laid_out(panel) == panel.rows
    panel.set_issues(rows)
    assert panel.rows == before and _laid_out(panel) == before


def _laid_out(panel: IssuesPanel) -> list[object]:
    """The rows in the order the column places them; the stretch that keeps them at the top
    must come after the last one."""
    column = panel.area.widget().layout()
    items = [column.itemAt(i) for i in range(column.count())]
    placed = [item.widget() or "stretch" for item in items if item is not None]
    assert placed[-1] == "stretch", placed
    return placed[:-1]


def test_rows_follow_any_change_of_the_issues(qtbot: QtBot) -> None:
    import random

    pool = [
        Issue(f"rule{i % 5}", f"path{i}", Severity.ERROR if i % 3 == 0 else Severity.WARNING,
              f"Message {i}.")
        for i in range(14)
    ]  # fmt: skip
    panel = _panel(qtbot, [])
    rng = random.Random(7)
    for _ in range(120):
        chosen = rng.sample(pool, rng.randint(0, len(pool)))
        if chosen and rng.random() < 0.3:  # the same field and rule, a new message
            first = chosen[0]
            chosen[0] = Issue(first.rule, first.path, first.severity, first.message + " (again)")
        panel.set_issues(chosen)
        expected = [i for i in chosen if i.is_error] + [i for i in chosen if not i.is_error]
        assert [row.issue for row in panel.rows] == expected
        assert [row.message.text() for row in panel.rows] == [i.message for i in expected]
        assert [row.level for row in panel.rows] == [
            "error" if i.is_error else "warning" for i in expected
        ]
        assert _laid_out(panel) == panel.rows


def test_a_new_rows_next_text_of_the_same_height_relays_out_nothing(qtbot: QtBot) -> None:
    """A row is placed before Qt shows it: the row notes what it placed when it is shown, so
    the next count in its message does not lay the panel out again."""
    rows = [Issue(f"r{i}", f"p{i}", Severity.WARNING, f"Warning {i}.") for i in range(5)]
    panel = _panel(qtbot, rows)
    body = "Body text is {} characters, but {} if each emoji counts as 2."
    first = Issue("body.len", "interactive.body", Severity.WARNING, body.format(1010, 1025))
    panel.set_issues([first, *rows])
    for _ in range(4):
        QApplication.processEvents()  # shown, laid out
    requests: list[str] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.LayoutRequest:
                requests.append(type(watched).__name__)
            return False

    spy = Spy()
    for widget in (panel.rows[0], panel.area.widget(), panel):
        widget.installEventFilter(spy)
    second = Issue("body.len", "interactive.body", Severity.WARNING, body.format(1011, 1026))
    panel.set_issues([second, *rows])
    for _ in range(4):
        QApplication.processEvents()
    assert panel.rows[0].message.text() == second.message
    assert requests == []
