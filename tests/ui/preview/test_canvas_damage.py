"""A new Screen repaints only what it changed (``ui.preview.damage``), and the phone that results
looks exactly like the same Screen painted whole: typing at the end, in the middle, a marker that
restyles earlier text, a line that wraps, rows, the header, a sheet and the dark theme.

The comparisons draw text directly (``painter.BLIT`` off): a pre-rendered paragraph blitted
differs from one drawn in place by antialiasing noise, which a whole repaint has too, and which
would hide a missing line here. The choice is the painter's, not the damage's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QImage, QPaintEvent
from pytestqt.qtbot import QtBot

from composer.messages import ListMessage, ListRow, ListSection, Message, TextHeader
from ui.preview import PhoneView
from ui.preview.damage import damage

FILLER = "Thanks for shopping with us, we really appreciate it 😊 *see you soon* "
BODY = "*Your order is ready* ✅ pick a slot\n> Orders placed before 16:00 leave today 🕓\n"


def _list(body: str, header: str = "Delivery options 📦", row: str = "Slot 1") -> Message:
    sections = tuple(
        ListSection(
            title=f"Section {s}",
            rows=(ListRow(id=f"r{s}", title=row if s == 0 else f"Slot {s}", description="Van"),),
        )
        for s in range(3)
    )
    return Message(
        to="+16505550123",
        content=ListMessage(
            header=TextHeader(text=header),
            body=body,
            footer="Reply STOP to opt out.",
            button="Choose a slot",
            sections=sections,
        ),
    )


@pytest.fixture(autouse=True)
def _direct_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.preview.painter as painter_module

    monkeypatch.setattr(painter_module, "BLIT", False)


def _view(qtbot: QtBot, height: int) -> PhoneView:
    view = PhoneView()
    qtbot.addWidget(view)
    view.set_fixed_time("12:34")
    view.resize(420, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def _whole(qtbot: QtBot, msg: Message, height: int, dark: bool = False) -> QImage:
    """``msg`` painted by a phone that has shown nothing else."""
    fresh = _view(qtbot, height)
    fresh.set_appearance("android", dark)
    fresh.set_message(msg)
    return fresh.canvas.grab().toImage()


class _PaintedArea(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self.rects.append(event.region().boundingRect())
        return False


EDITS = [
    BODY + FILLER * 6,
    BODY + FILLER * 6 + "a",  # typed at the end of a long paragraph
    BODY + FILLER * 6 + "ab",
    BODY + FILLER * 6 + "ab" + " more words to wrap onto another line",  # the bubble grows
    BODY.replace("ready", "really ready") + FILLER * 6 + "ab",  # typed in the middle
    BODY + FILLER * 6 + "*ab",  # an opening marker
    BODY + FILLER * 6 + "*ab*",  # ... closed: earlier text turns bold
    BODY + FILLER * 2,  # lines deleted: the bubble shrinks
    BODY + FILLER * 2 + "\n- a bullet\n1. a number",
]


def test_a_phone_repainted_in_parts_looks_like_one_painted_whole(qtbot: QtBot) -> None:
    for height in (640, 1000):  # scaled to fit, and at its own size
        view = _view(qtbot, height)
        for body in EDITS:
            msg = _list(body)
            view.set_message(msg)
            assert view.canvas.grab().toImage() == _whole(qtbot, msg, height), (height, body)
        for msg in (_list(EDITS[-1], header="Other header"), _list(EDITS[-1], row="Slot 1 🕘")):
            view.set_message(msg)
            assert view.canvas.grab().toImage() == _whole(qtbot, msg, height)
        view.set_business_name("Another shop")  # the chrome (the header bar) changes
        view.set_fixed_time("09:59")  # ... and the status bar's clock, by the device's corner
        view.set_message(msg)
        fresh = _view(qtbot, height)
        fresh.set_business_name("Another shop")
        fresh.set_fixed_time("09:59")
        fresh.set_message(msg)
        assert view.canvas.grab().toImage() == fresh.canvas.grab().toImage()


def test_a_sheet_and_a_theme_repaint_right_after_partial_repaints(qtbot: QtBot) -> None:
    view = _view(qtbot, 700)
    view.set_message(_list(EDITS[0]))
    view.canvas.grab()
    view.set_message(_list(EDITS[1]))
    view.canvas.grab()
    view.set_appearance("android", True)
    assert view.canvas.grab().toImage() == _whole(qtbot, _list(EDITS[1]), 700, dark=True)
    view.tap(("open_list",))
    opened = view.canvas.grab().toImage()
    view.set_message(_list(EDITS[1], row="Slot 1 changed"))
    assert view.canvas.grab().toImage() != opened, "the row changed in the open sheet"


def test_a_key_at_the_end_of_a_long_body_repaints_a_strip_of_the_phone(qtbot: QtBot) -> None:
    view = _view(qtbot, 700)
    view.set_message(_list(EDITS[0]))
    qtbot.wait(100)  # the first message painted on the widget, whole
    painted = _PaintedArea()
    view.canvas.installEventFilter(painted)
    view.set_message(_list(EDITS[1]))
    qtbot.waitUntil(lambda: bool(painted.rects))
    view.canvas.removeEventFilter(painted)
    whole = view.canvas.rect()
    area = sum(r.width() * r.height() for r in painted.rects)
    assert area < 0.15 * whole.width() * whole.height(), painted.rects
    assert all(r.height() < whole.height() / 4 for r in painted.rects)


def test_damage_is_the_changed_line_of_a_paragraph_not_the_paragraph(qtbot: QtBot) -> None:
    view = _view(qtbot, 1000)
    view.set_message(_list(EDITS[0]))
    old = view.canvas.laid_out
    view.set_message(_list(EDITS[1]))
    new = view.canvas.laid_out
    assert old is not None and new is not None
    rects = damage(old, new, (view.canvas.chat_scroll, view.canvas.sheet_scroll))
    assert rects is not None and rects
    (body,) = [i for i in new.text_items("body") if FILLER.strip()[:10] in i.text]
    line = body.para.lines[-1][1]
    assert body.para.line_count > 4
    assert all(r.h < 2 * line + 40 for r in rects), (rects, line)
    view.set_appearance("ios", False)
    assert damage(new, view.canvas.laid_out, (0.0, 0.0)) is None, "another theme: paint it all"


LONG = BODY + FILLER * 14  # taller than the chat: shown scrolled to its end


def test_a_line_that_scrolls_the_chat_repaints_the_chat_not_the_chrome(qtbot: QtBot) -> None:
    """A body that wraps onto one more line scrolls the chat by a line: every bubble moves,
    but the header, the status bar and the input bar around the chat stay as they are."""
    view = _view(qtbot, 1000)
    view.set_message(_list(LONG))
    qtbot.wait(100)
    before, scrolled = view.canvas.laid_out, view.canvas.chat_scroll
    assert scrolled > 0, "the long body scrolls the chat"
    painted = _PaintedArea()
    view.canvas.installEventFilter(painted)
    msg = _list(LONG + "and a few more words to wrap")
    view.set_message(msg)
    shown = _on_screen(qtbot, view)
    view.canvas.removeEventFilter(painted)
    after = view.canvas.laid_out
    assert after is not None and before is not None
    assert view.canvas.chat_scroll > scrolled, "one line more: the chat scrolled"
    rects = damage(before, after, (view.canvas.chat_scroll, 0.0), (scrolled, 0.0))
    assert rects is not None and after.chat_rect in rects
    assert damage(before, after, (view.canvas.chat_scroll, 0.0)) != rects, "scroll counted"
    _scale, _dx, dy = view.canvas.transform()
    top = min(r.top() for r in painted.rects)
    assert top >= dy + after.chat_rect.y - 3, (painted.rects, after.chat_rect)
    fresh = _view(qtbot, 1000)
    fresh.set_message(msg)
    assert fresh.canvas.chat_scroll == view.canvas.chat_scroll
    assert shown == _on_screen(qtbot, fresh), "the window shows the phone painted whole"


def test_the_chat_scrolled_by_the_wheel_looks_like_it_painted_whole(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = _view(qtbot, 1000)
    view.set_message(_list(LONG))
    view.canvas.grab()
    centre = QPointF(view.canvas.rect().center())
    wheel = QWheelEvent(
        centre, QPointF(view.canvas.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(view.canvas, wheel)
    assert view.canvas.from_bottom > 0
    partial = view.canvas.grab().toImage()
    view.canvas._frame = type(view.canvas._frame)()  # forget the kept frame: paint it whole
    assert partial == view.canvas.grab().toImage()


def _on_screen(qtbot: QtBot, view: PhoneView) -> QImage:
    """What the window shows: its backing store after the pending repaints (not ``grab()``,
    which paints the whole widget anew and would hide a part left unpainted)."""
    from PySide6.QtGui import QGuiApplication

    qtbot.wait(50)
    screen = QGuiApplication.primaryScreen()
    shot = screen.grabWindow(view.winId()).toImage()
    return shot.copy(view.canvas.geometry())


def _buttons(*titles: str, body: str = "Which one?") -> Message:
    from composer.messages.reply_buttons import ReplyButton, ReplyButtons

    buttons = tuple(ReplyButton(id=f"b{n}", title=t) for n, t in enumerate(titles))
    return Message(to="+16505550123", content=ReplyButtons(body=body, buttons=buttons))


def test_the_window_shows_the_repaint_the_focus_ring_included(qtbot: QtBot) -> None:
    """Only the parts of the widget the damage names are repainted: the window's own pixels
    (its backing store) must end up as a phone painted whole, focus ring included: the ring
    that leaves an unchanged button is erased there and drawn on the (unchanged) one it goes to
    with the next new Screen, and removing the focused last button moves it onto another."""
    view = _view(qtbot, 1000)
    view.set_message(_buttons("Yes", "No", "Later"))
    view.canvas.setFocus()
    qtbot.waitUntil(view.canvas.hasFocus)
    view.canvas.move_focus(2)  # the third button
    qtbot.wait(50)
    ring_before = view.canvas.focused()
    shots = []
    view.canvas.focus_index = 0  # the ring goes to the first button with the next Screen
    for msg in (
        _buttons("Yes", "No", "Later", body="Which one? Pick"),
        _buttons("Yes", "No", "Later"),
        _buttons("Yes", "No"),
        _list(EDITS[0]),
        _list(EDITS[1]),
        _list(EDITS[3]),
    ):
        view.set_message(msg)
        shots.append((msg, _on_screen(qtbot, view), view.canvas.focus_index))
        if len(shots) == 2:
            view.canvas.focus_index = 2
        if len(shots) == 3:
            ring = view.canvas.focused()
            assert ring is not None and ring_before is not None
            assert ring.name == "No" and ring.rect != ring_before.rect
    view.close()
    for msg, shown, focus_index in shots:  # one focused window at a time
        fresh = _view(qtbot, 1000)
        fresh.set_message(msg)
        fresh.canvas.setFocus()
        qtbot.waitUntil(fresh.canvas.hasFocus)
        fresh.canvas.focus_index = focus_index
        fresh.canvas.update()
        assert shown == _on_screen(qtbot, fresh), msg
        fresh.close()
