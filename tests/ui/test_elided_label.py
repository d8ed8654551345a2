"""ElidedLabel and FlowLayout: long texts and rows of controls never widen or heighten a pane."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.elided_label import ElidedLabel, fit_lines
from ui.flow_layout import FlowLayout

LONG = "Not a WhatsApp number (code 131026): " + "this number can't receive messages. " * 20


def test_a_long_text_is_cut_to_its_lines_with_the_whole_in_the_tooltip(qtbot: QtBot) -> None:
    label = ElidedLabel(max_lines=2)
    qtbot.addWidget(label)
    label.resize(300, 40)
    label.setText("Ready to send.")
    label.show()
    height = label.height()
    min_width = label.minimumSizeHint().width()
    assert not label.is_elided() and label.toolTip() == ""
    changes: list[bool] = []
    label.elided_changed.connect(changes.append)
    label.setText(LONG)
    assert label.text() == LONG  # the caller reads back what it set
    assert label.is_elided() and label.toolTip() == LONG and changes == [True]
    assert label.height() == height, "the same height, whatever the text"
    assert label.minimumSizeHint().width() == min_width, "never a wider minimum"
    shown = QLabelText.of(label)
    assert shown.count("\n") == 1 and shown.endswith("…")
    label.resize(4000, 40)
    assert not label.is_elided() and changes == [True, False]


def test_the_owners_tooltip_shows_when_nothing_is_cut(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.resize(600, 20)
    label.show()
    label.set_tip("Where the receiver listens")
    label.setText("Webhooks: off")
    assert label.toolTip() == "Where the receiver listens"
    label.resize(40, 20)
    assert label.toolTip() == "Webhooks: off"


def test_fit_lines_keeps_every_word_when_it_fits(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    font = label.font()
    lines, cut = fit_lines("one two three four five six", font, 10_000, 2)
    assert lines == ["one two three four five six"] and not cut
    lines, cut = fit_lines("first\nsecond\nthird", font, 10_000, 2)
    assert lines == ["first", "second third"] and not cut  # the last line takes the rest
    lines, cut = fit_lines("first\nsecond " + "word " * 200, font, 300, 2)
    assert lines[0] == "first" and lines[1].endswith("…") and cut
    assert fit_lines("", font, 100, 1) == ([""], False)


class QLabelText:
    @staticmethod
    def of(label: ElidedLabel) -> str:
        """What the label paints (QLabel's own text, not the full one ``text()`` returns)."""
        from PySide6.QtWidgets import QLabel

        return QLabel.text(label)


def test_a_flow_layout_wraps_instead_of_widening(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    column = QVBoxLayout(box)
    row = FlowLayout()
    buttons = [QPushButton(f"A rather long button {i}") for i in range(4)]
    for b in buttons:
        row.addWidget(b)
    column.addLayout(row)
    widest = max(b.sizeHint().width() for b in buttons)
    assert box.minimumSizeHint().width() <= widest + 40
    box.resize(widest + 30, 400)
    box.show()
    qtbot.waitExposed(box)
    ys = sorted({b.y() for b in buttons})
    assert len(ys) == 4, "one button per line when only one fits"
    box.resize(sum(b.sizeHint().width() for b in buttons) + 100, 400)
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == 1, timeout=2000)
    assert row.heightForWidth(100) > row.heightForWidth(4000)
