"""The defects of issue 12, each against what WhatsApp draws (docs/whatsapp-look.md): a handset
(not a crescent) for calls, no caption under a shared pin, directional icons mirrored beside
right-to-left labels, a reply that quotes the named message (never its wamid), and nothing
drawn for a removed reaction."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from composer.messages import Message
from composer.payload import from_payload
from tests.examples import examples
from ui.preview import PhoneView
from ui.preview.chat_base import UNKNOWN_MESSAGE
from ui.preview.icons import MIRRORED_IN_RTL, draw_icon
from ui.preview.layout import ShapeItem

EXAMPLES: dict[str, Any] = examples()
SIZE = 96


def icon_image(name: str, mirrored: bool = False) -> QImage:
    img = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    img.fill(QColor(0, 0, 0, 0))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_icon(p, name, QRectF(0, 0, SIZE, SIZE), QColor("#000000"), mirrored=mirrored)
    p.end()
    return img


def inked(img: QImage, x0: float, y0: float, x1: float, y1: float) -> float:
    """The share of painted pixels in a box given as fractions of the icon."""
    xs, ys = range(int(x0 * SIZE), int(x1 * SIZE)), range(int(y0 * SIZE), int(y1 * SIZE))
    hits = sum(1 for x in xs for y in ys if img.pixelColor(x, y).alpha() > 128)
    return hits / (len(xs) * len(ys))


def differ(a: QImage, b: QImage) -> float:
    """The share of pixels whose coverage differs clearly (antialiasing may shift a little)."""
    pairs = [(x, y) for x in range(SIZE) for y in range(SIZE)]
    off = sum(
        1 for x, y in pairs if abs(a.pixelColor(x, y).alpha() - b.pixelColor(x, y).alpha()) > 96
    )
    return off / len(pairs)


@pytest.fixture
def view(qtbot: QtBot) -> PhoneView:
    v = PhoneView()
    v.set_link_fetching(False)
    qtbot.addWidget(v)
    return v


def test_the_call_icon_is_a_handset_with_ear_and_mouth_pieces(qtbot: QtBot) -> None:
    img = icon_image("phone")  # the old thin arc (a "crescent") inks ~0.5 / 0.35 / 0.19 here
    assert inked(img, 0.18, 0.1, 0.42, 0.3) > 0.8  # a solid earpiece, top left
    assert inked(img, 0.68, 0.6, 0.92, 0.8) > 0.8  # a solid mouthpiece, bottom right
    assert inked(img, 0.1, 0.05, 0.5, 0.35) > 0.5 and inked(img, 0.6, 0.5, 0.95, 0.9) > 0.5
    assert inked(img, 0.3, 0.35, 0.55, 0.6) > 0.4  # a thick grip between them
    assert inked(img, 0.0, 0.0, 1.0, 1.0) > 0.23
    assert inked(img, 0.55, 0.05, 0.95, 0.45) < 0.05  # open at the top right (its back)


def test_a_shared_pin_has_no_coordinates_caption(view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["location_request"]))
    tapped = view.tap(("send_location",))
    assert tapped.webhook is not None  # the coordinates go in the webhook only
    screen = view.preview_screen()
    assert screen.texts("reply_title") == []
    assert any(isinstance(i, ShapeItem) and i.kind == "map" for i in screen.chat)
    assert not any("38.72" in getattr(i, "text", "") for i in screen.all_items())


def rtl_buttons() -> Message:
    payload = copy.deepcopy(EXAMPLES["reply_buttons_text_header"])
    payload["interactive"]["action"]["buttons"][0]["reply"]["title"] = "نعم"
    payload["interactive"]["action"]["buttons"][1]["reply"]["title"] = "כן"
    return from_payload(payload)


def test_the_reply_arrow_leads_a_right_to_left_label_mirrored(view: PhoneView) -> None:
    view.set_message(rtl_buttons())
    screen = view.preview_screen()
    buttons = screen.text_items("button")
    arrows = [s for s in screen.chat if isinstance(s, ShapeItem) and s.name == "reply"]
    assert len(arrows) == len(buttons) == 3
    for arrow, label in zip(arrows, buttons, strict=True):
        rtl = label.text in ("نعم", "כן")
        assert ("rtl" in arrow.flags) is rtl
        ink_right = label.rect.right - label.para.natural_width if rtl else label.rect.x
        if rtl:  # the icon sits on the label's right: where right-to-left reading starts
            assert arrow.rect.x > ink_right + label.para.natural_width - 1
        else:
            assert arrow.rect.right < ink_right + 1


def test_a_mirrored_icon_is_the_flipped_picture(qtbot: QtBot) -> None:
    assert {"reply", "back", "send"} <= MIRRORED_IN_RTL and "phone" not in MIRRORED_IN_RTL
    plain, mirrored = icon_image("reply"), icon_image("reply", mirrored=True)
    assert differ(mirrored, plain.flipped(Qt.Orientation.Horizontal)) < 0.01
    assert differ(mirrored, plain) > 0.05
    assert icon_image("phone", mirrored=True) == icon_image("phone")  # not directional


def contextual() -> Message:
    return from_payload(EXAMPLES["reply_buttons_document_header_contextual_reply"])


def test_a_contextual_reply_never_quotes_the_raw_wamid(view: PhoneView) -> None:
    msg = contextual()
    assert msg.context_message_id and msg.context_message_id.startswith("wamid.")
    view.set_message(msg)
    screen = view.preview_screen()
    assert screen.texts("quote_author") == ["You"]  # the customer's own message
    assert screen.texts("quote_text") == [UNKNOWN_MESSAGE]
    assert not any("wamid" in getattr(i, "text", "") for i in screen.all_items())


def test_a_reply_to_a_known_business_message_quotes_its_text(view: PhoneView) -> None:
    earlier = from_payload(EXAMPLES["list_single_section"])
    msg = contextual()
    view.set_message_lookup(lambda wamid: earlier if wamid == msg.context_message_id else None)
    view.set_message(msg)
    screen = view.preview_screen()
    body = str(EXAMPLES["list_single_section"]["interactive"]["body"]["text"]).split("\n")[0]
    assert screen.texts("quote_author") == [view.state().business_name]
    assert screen.texts("quote_text")[0] in body


def test_a_reaction_shows_the_reacted_message_not_its_id(view: PhoneView) -> None:
    reaction = from_payload(EXAMPLES["reaction_add"])
    view.set_message(reaction)
    screen = view.preview_screen()
    assert screen.texts("reacted_to") == [UNKNOWN_MESSAGE] and len(screen.shapes("bubble_out")) == 1
    earlier = from_payload(EXAMPLES["reply_buttons_text_header"])
    view.set_message_lookup(lambda wamid: earlier)
    screen = view.preview_screen()
    assert screen.texts("reacted_to") == [
        "Hi Ana! Your appointment is tomorrow at 9:00. Do you want to keep it?"
    ]
    (bubble,) = screen.shapes("bubble_in")  # the business's own message: incoming, left
    (pill,) = screen.shapes("reaction_pill")
    assert bubble.rect.y < pill.rect.y < bubble.rect.bottom < pill.rect.bottom


def test_a_removed_reaction_draws_nothing_but_the_message(view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["reaction_remove"]))
    screen = view.preview_screen()
    assert screen.shapes("reaction_pill") == [] and screen.texts("reaction") == []
    assert screen.texts("reaction_removed") == []
    assert not any("removed" in getattr(i, "text", "").lower() for i in screen.all_items())
