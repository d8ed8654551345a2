"""A phone drawn smaller than its size is painted once at its own size and blitted scaled: a
repaint that changed nothing paints no item again, and a new message is painted anew."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from composer.messages import Message, TextMessage
from ui.preview import PhoneView


def _view(qtbot: QtBot, height: int) -> PhoneView:
    view = PhoneView()
    qtbot.addWidget(view)
    view.resize(420, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def _msg(body: str) -> Message:
    return Message(to="+16505550123", content=TextMessage(body=body))


def _count_paints(view: PhoneView) -> list[int]:
    calls: list[int] = []
    paint = view.canvas.painter.paint

    def counting(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        paint(*args, **kwargs)

    view.canvas.painter.paint = counting  # type: ignore[method-assign]
    return calls


def test_a_scaled_phone_is_repainted_from_its_pixmap(qtbot: QtBot) -> None:
    view = _view(qtbot, 500)
    view.set_message(_msg("*Hello* there"))
    scale, _dx, _dy = view.canvas.transform()
    assert scale < 1
    calls = _count_paints(view)
    first = view.canvas.grab().toImage()  # paints the canvas (on screen or not)
    assert len(calls) == 1
    view.canvas.grab()
    assert view.canvas.grab().toImage() == first
    assert len(calls) == 1, "nothing changed: the cached pixmap is blitted"
    view.set_message(_msg("*Hello* there, again"))
    assert view.canvas.grab().toImage() != first
    assert len(calls) == 2


def test_the_scaled_phone_looks_like_the_phone_drawn_scaled(qtbot: QtBot) -> None:
    """The blit is the same picture as drawing every item scaled (to antialiasing noise)."""
    view = _view(qtbot, 500)
    view.set_message(_msg("Plain words and *bold* ones, with a link www.example.com"))
    blitted = view.canvas.grab().toImage()
    s, dx, dy = view.canvas.transform()
    direct = QImage(blitted.size(), blitted.format())
    direct.fill(view.canvas.palette().window().color())
    p = QPainter(direct)
    p.translate(dx, dy)
    p.scale(s, s)
    assert view.canvas.laid_out is not None
    view.canvas.painter.paint(p, view.canvas.laid_out, view.canvas.images)
    p.end()
    far = 0
    for y in range(0, blitted.height(), 2):
        for x in range(0, blitted.width(), 2):
            a, b = QColor(blitted.pixel(x, y)), QColor(direct.pixel(x, y))
            channels = zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)
            far += max(abs(u - v) for u, v in channels) > 96
    assert far < 0.02 * (blitted.width() * blitted.height() / 4)


def test_the_chrome_is_blitted_in_bands_the_same_as_drawn_directly(
    qtbot: QtBot, monkeypatch: Any
) -> None:
    """The status bar, header and composer are kept as one pixmap per band of the screen (not
    one transparent pixmap the screen's size), and look exactly as when drawn directly."""
    import ui.preview.painter as painter_module
    from ui.preview.painter import Painter

    view = _view(qtbot, 900)  # natural size: painted straight onto the canvas
    view.set_message(_msg("Hello there"))
    screen = view.canvas.laid_out
    assert screen is not None

    def render(blit: bool) -> QImage:
        monkeypatch.setattr(painter_module, "BLIT", blit)
        image = QImage(int(screen.width), int(screen.height), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        p = QPainter(image)
        painter = Painter()
        painter.paint(p, screen, {})
        p.end()
        if blit:
            bands = painter._chrome_pms
            assert len(bands) >= 2  # the top bars and the composer, apart
            assert sum(pm.height() for _top, pm in bands) < screen.height / 2
        return image

    assert render(True) == render(False)
