"""The item cards' move and remove buttons draw their glyphs (no icon files, no QIcon)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ui.editors.glyph_button import GlyphButton
from ui.editors.reply_buttons import ReplyButtonsEditor
from ui.window.main_window import MainWindow


def _ink(button: GlyphButton) -> list[tuple[int, int, int, int, int]]:
    """(x, y, r, g, b) of every pixel that differs from the button's corner (its background),
    grabbed from the card under it (a disabled button's own background is transparent)."""
    card = button.parentWidget()
    assert card is not None
    image = card.grab(button.geometry()).toImage().convertToFormat(QImage.Format.Format_RGB32)
    corner = image.pixelColor(0, 0)
    out = []
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c != corner:
                out.append((x, y, c.red(), c.green(), c.blue()))
    return out


def _span(ink: list[tuple[int, int, int, int, int]], y: int) -> int:
    """How far the ink reaches across row ``y``: from its leftmost to its rightmost pixel."""
    xs = [x for x, yy, *_ in ink if yy == y]
    return max(xs) - min(xs) + 1


def _darkest(ink: list[tuple[int, int, int, int, int]]) -> int:
    return min(r + g + b for _, _, r, g, b in ink)


def test_the_card_buttons_draw_chevrons_and_a_red_cross(window: MainWindow, qtbot: QtBot) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("button"))
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    qtbot.mouseClick(editor.buttons.add_button, Qt.MouseButton.LeftButton)
    card = editor.buttons.cards()[0]
    up, down, remove = _ink(card.up), _ink(card.down), _ink(card.remove)
    assert up and down and remove
    # the cross is red: its strongest pixels have far more red than green
    assert any(r > g + 80 for _, _, r, g, _ in remove)
    assert not any(r > g + 80 for _, _, r, g, _ in down)
    # a chevron down has its point at the bottom: its ink's top row spans wider than its bottom
    # row (the up chevron the other way round)
    for ink, point_at_bottom in ((down, True), (up, False)):
        top, bottom = min(y for _, y, *_ in ink), max(y for _, y, *_ in ink)
        span = {y: _span(ink, y) for y in (top, bottom)}
        assert (span[bottom] < span[top]) is point_at_bottom
    # the first card's "up" is disabled, and drawn paler than its enabled "down"
    assert not card.up.isEnabled() and card.down.isEnabled()
    assert _darkest(up) > _darkest(down)


def test_a_glyph_button_is_named_for_assistive_technology(qtbot: QtBot) -> None:
    from ui.editors.glyph_button import UP

    button = GlyphButton(UP, "Move this button up")
    qtbot.addWidget(button)
    assert button.accessibleName() == button.toolTip() == "Move this button up"
    assert button.focusPolicy() == Qt.FocusPolicy.TabFocus
