"""PhoneView widget: API of CONTRACTS.md, appearances, export, webhook panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from composer.payload import from_payload
from composer.validation.check import check
from tests.examples import examples, invalid_examples
from ui.preview import PhoneView
from ui.preview.layout import ShapeItem
from ui.preview.themes import PLATFORMS, theme_for

EXAMPLES: dict[str, Any] = {**examples(), "invalid": invalid_examples()}


@pytest.fixture
def view(qtbot: QtBot) -> PhoneView:
    v = PhoneView()
    v.set_link_fetching(False)  # example links point at example.com: no network in tests
    qtbot.addWidget(v)
    v.resize(400, 1000)
    return v


def test_set_message_lays_out_header_body_footer(view: PhoneView) -> None:
    msg = from_payload(EXAMPLES["reply_buttons_text_header"])
    view.set_message(msg, check(msg))
    screen = view.preview_screen()
    assert screen.texts("header") == ["Appointment reminder"]
    assert screen.texts("body") == [
        "Hi Ana! Your appointment is tomorrow at 9:00. Do you want to keep it?"
    ]
    assert screen.texts("footer") == ["Reply using the buttons below"]
    assert screen.texts("button") == ["Keep it", "Reschedule", "Cancel"]


def test_none_shows_an_empty_chat(view: PhoneView) -> None:
    view.set_message(None, [])
    assert view.preview_screen().texts("empty_chip") == ["No message to preview yet"]
    assert view.preview_screen().texts("body") == []


def test_errors_are_announced_in_the_chat(view: PhoneView) -> None:
    bad = next(e for e in EXAMPLES["invalid"] if e["rule"] == "button.count")
    msg = from_payload(bad["payload"])
    issues = check(msg)
    view.set_message(msg, issues)
    (chip,) = view.preview_screen().texts("error_chip")
    errors = sum(1 for i in issues if i.severity == "error")
    assert chip.startswith(f"⚠ {errors} problem")


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("dark", [False, True])
def test_appearance_switches_theme(view: PhoneView, platform: str, dark: bool) -> None:
    view.set_message(from_payload(EXAMPLES["list_single_section"]), [])
    view.set_appearance(platform, dark)
    screen = view.preview_screen()
    assert screen.theme == theme_for(platform, dark)
    (bubble,) = view.preview_screen().shapes("bubble_in")
    assert bubble.color == screen.theme.bubble_in


def test_unknown_platform_is_a_clear_error(view: PhoneView) -> None:
    with pytest.raises(ValueError, match="unknown platform 'symbian'"):
        view.set_appearance("symbian", False)


def test_business_name_in_the_header(view: PhoneView) -> None:
    view.set_business_name("Acme Store")
    assert view.preview_screen().texts("chat_title") == ["Acme Store"]


def test_save_png_at_2x(view: PhoneView, tmp_path: Path) -> None:
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    out = tmp_path / "preview.png"
    assert view.save_png(out, scale=2)
    image = QImage(str(out))
    screen = view.preview_screen()
    assert (image.width(), image.height()) == (round(screen.width * 2), round(screen.height * 2))
    # the bubble is painted: the pixel in the middle of the incoming bubble has its colour
    (bubble,) = screen.shapes("bubble_in")
    cx = bubble.rect.x + 20
    cy = screen.chat_rect.y + bubble.rect.y + bubble.rect.h - 4
    assert image.pixelColor(round(cx * 2), round(cy * 2)).name().upper() == screen.theme.bubble_in


def image_items(view: PhoneView) -> list[ShapeItem]:
    items = view.preview_screen().all_items()
    return [s for s in items if isinstance(s, ShapeItem) and s.kind == "image"]


def test_colour_emoji_is_available_and_in_the_fallback(view: PhoneView, tmp_path: Path) -> None:
    from PySide6.QtGui import QFontDatabase

    from ui.preview.themes import EMOJI_FAMILY, THEMES

    assert EMOJI_FAMILY in QFontDatabase.families(), "install fonts-noto-color-emoji"
    assert all(t.font_families[-1] == EMOJI_FAMILY for t in THEMES.values())
    view.set_message(from_payload(EXAMPLES["reaction_add"]), [])
    out = tmp_path / "emoji.png"
    assert view.save_png(out, scale=2)
    image = QImage(str(out))
    (item,) = view.preview_screen().text_items("reaction")
    top = view.preview_screen().chat_rect.y - view.canvas.chat_scroll
    saturated = 0
    for x in range(int(item.rect.x * 2), int((item.rect.x + item.para.natural_width) * 2)):
        for y in range(int((top + item.rect.y) * 2), int((top + item.rect.bottom) * 2)):
            c = image.pixelColor(x, y)
            saturated += c.hsvSaturation() > 120 and c.value() > 120
    assert saturated > 20, "the 👍 is drawn in colour (yellow), not as a grey glyph"


def _png(path: Path, w: int, h: int, colour: str) -> None:
    from PySide6.QtGui import QColor

    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    assert img.save(str(path))


def _image_header(link: str) -> Any:
    from composer.messages import MediaHeader, Message, ReplyButton, ReplyButtons

    return Message(
        to="+16505550123",
        content=ReplyButtons(
            header=MediaHeader(kind="image", link=link),
            body="Look",
            buttons=(ReplyButton(id="a", title="Nice"),),
        ),
    )


def test_image_header_from_a_local_file(view: PhoneView, tmp_path: Path) -> None:
    pic = tmp_path / "wide.png"
    _png(pic, 400, 200, "#FF0000")
    view.set_message(_image_header(pic.as_uri()), [])
    screen = view.preview_screen()
    (image,) = image_items(view)
    assert image.rect.h == pytest.approx(image.rect.w * 0.5, abs=1)  # the picture's aspect
    out = tmp_path / "shot.png"
    view.save_png(out, scale=1)
    shot = QImage(str(out))
    y = screen.chat_rect.y - view.canvas.chat_scroll + image.rect.y + image.rect.h / 2
    assert shot.pixelColor(round(image.rect.x + image.rect.w / 2), round(y)).name() == "#ff0000"


def test_media_id_placeholder_until_a_file_is_given(view: PhoneView, tmp_path: Path) -> None:
    from composer.messages import MediaHeader, Message, ReplyButton, ReplyButtons

    msg = Message(
        to="1",
        content=ReplyButtons(
            header=MediaHeader(kind="image", id="1037543291543636"),
            body="b",
            buttons=(ReplyButton(id="a", title="A"),),
        ),
    )
    view.set_message(msg, [])
    (image,) = image_items(view)
    assert image.name == "media-id:1037543291543636"
    assert image.rect.h == pytest.approx(image.rect.w * 0.62, abs=1)  # placeholder aspect
    pic = tmp_path / "tall.png"
    _png(pic, 200, 400, "#00FF00")
    view.set_media_file("media-id:1037543291543636", pic)
    (image,) = image_items(view)
    assert image.rect.h == pytest.approx(image.rect.w * 1.25, abs=1)  # clamped like the phone


def test_linked_image_is_fetched_off_the_ui_thread(
    qtbot: QtBot, view: PhoneView, tmp_path: Path
) -> None:
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    _png(tmp_path / "pic.png", 300, 300, "#0000FF")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    view.set_link_fetching(True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        view.set_message(_image_header(f"{base}/pic.png"), [])
        # placeholder first: painting never waits for the network
        (image,) = [
            s for s in view.preview_screen().all_items() if getattr(s, "kind", "") == "image"
        ]
        assert image.rect.h == pytest.approx(image.rect.w * 0.62, abs=1)
        qtbot.waitUntil(lambda: f"{base}/pic.png" in view.canvas.images, timeout=5000)
        (image,) = [
            s for s in view.preview_screen().all_items() if getattr(s, "kind", "") == "image"
        ]
        assert image.rect.h == pytest.approx(image.rect.w, abs=1)
        # a missing picture keeps the placeholder and raises nothing
        view.set_message(_image_header(f"{base}/missing.png"), [])
        qtbot.waitUntil(lambda: not view._media.is_pending(f"{base}/missing.png"), timeout=5000)
        assert f"{base}/missing.png" not in view.canvas.images
    finally:
        view.close_media()
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_tall_chat_sticks_to_the_bottom_and_scrolls_with_the_wheel(view: PhoneView) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from composer.messages import Message, TextMessage

    body = "\n".join(f"Line {i}" for i in range(80))
    view.set_message(Message(to="1", content=TextMessage(body=body)), [])
    screen = view.preview_screen()
    assert screen.max_chat_scroll() > 0
    assert view.canvas.chat_scroll == screen.max_chat_scroll()  # like a phone: newest visible
    centre = QPointF(view.canvas.width() / 2, view.canvas.height() / 2)
    wheel = QWheelEvent(
        centre,
        view.canvas.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.canvas, wheel)
    assert view.canvas.chat_scroll == screen.max_chat_scroll() - 120
    # typing keeps the reader's place relative to the bottom
    view.set_message(Message(to="1", content=TextMessage(body=body + "!")), [])
    assert view.canvas.chat_scroll == view.preview_screen().max_chat_scroll() - 120
