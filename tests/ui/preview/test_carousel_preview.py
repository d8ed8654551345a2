"""The carousel in the phone: every card can be brought into view (arrows, a mouse drag, the
arrow keys), the card shown first is kept while the message is edited, and a card's quick reply
sends the business its button_reply webhook."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from composer.messages import Carousel, MediaCard, Message
from composer.payload import from_payload
from composer.samples import sample_message
from tests.examples import examples
from tests.paths import DATA
from tests.ui.preview.phone import open_phone
from ui.preview import PhoneView
from ui.preview.layout import Hit, Screen, ShapeItem
from ui.preview.taps import NoWebhook
from ui.preview.themes import PLATFORMS

EXAMPLES = examples()
REFERENCE: dict[str, Any] = json.loads((DATA / "reference-shapes.json").read_text(encoding="utf-8"))


@pytest.fixture(params=PLATFORMS)
def view(qtbot: QtBot, request: pytest.FixtureRequest) -> PhoneView:
    return open_phone(qtbot, request.param)


def cards(screen: Screen) -> list[ShapeItem]:
    return screen.shapes("card")


def fully_visible(screen: Screen) -> list[int]:
    """Indexes of the cards wholly inside the phone's screen."""
    area = screen.chat_rect
    return [
        i
        for i, c in enumerate(cards(screen))
        if c.rect.x >= area.x - 0.5 and c.rect.right <= area.right + 0.5
    ]


def hit(view: PhoneView, action: tuple[Any, ...]) -> Hit:
    (found,) = [h for h in view.preview_screen().chat_hits if h.action == action]
    return found


def click(qtbot: QtBot, view: PhoneView, action: tuple[Any, ...]) -> None:
    point = view.canvas.widget_point(hit(view, action))
    assert view.canvas.hit_at(*view.canvas.to_device(point.toPointF())) == hit(view, action)
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)


def arrows(view: PhoneView) -> list[str]:
    return [h.tooltip for h in view.preview_screen().chat_hits if h.action[0] == "carousel_scroll"]


def test_the_arrows_bring_every_card_into_view(qtbot: QtBot, view: PhoneView) -> None:
    msg = from_payload(EXAMPLES["media_carousel_url_buttons"])
    view.set_message(msg, [])
    assert arrows(view) == ["Next card"]  # nothing before the first card
    seen = set(fully_visible(view.preview_screen()))
    start = cards(view.preview_screen())[0].rect.x
    while "Next card" in arrows(view):
        before = view.state().carousel_first
        click(qtbot, view, ("carousel_scroll", before + 1))
        assert view.state().carousel_first == before + 1
        seen |= set(fully_visible(view.preview_screen()))
    assert seen == {0, 1, 2}
    assert cards(view.preview_screen())[0].rect.x < start  # the strip moved left
    assert arrows(view) == ["Previous card"]
    last = cards(view.preview_screen())[-1].rect
    assert last.right <= view.preview_screen().chat_rect.right  # it stops at the last card
    click(qtbot, view, ("carousel_scroll", view.state().carousel_first - 1))
    assert sorted(arrows(view)) == ["Next card", "Previous card"]


def test_a_scroll_sends_nothing_and_says_so(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["product_carousel"]), [])
    with qtbot.assertNotEmitted(view.reply_webhook):
        tapped = view.tap(("carousel_scroll", 1))
    assert tapped.no_webhook is NoWebhook.SCROLLS_CARDS and tapped.webhook is None
    assert view.state().carousel_first == 1
    assert view.tap(("carousel_scroll", 9)).state is not None
    assert view.state().carousel_first == 1  # two cards: the last one is card 2


def _strip_point(view: PhoneView, x_fraction: float) -> QPoint:
    """A widget point on the cards' image area (no button there), ``x_fraction`` across."""
    screen = view.preview_screen()
    swipe = screen.swipe
    assert swipe is not None
    s, dx, dy = view.canvas.transform()
    x = screen.chat_rect.x + screen.chat_rect.w * x_fraction
    y = swipe.rect.y + 40 + screen.chat_rect.y - view.canvas.chat_scroll
    return QPoint(round(x * s + dx), round(y * s + dy))


def test_dragging_left_shows_the_next_card(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["media_carousel_url_buttons"]), [])
    screen = view.preview_screen()
    assert screen.swipe is not None
    left_before = cards(screen)[0].rect.x
    start, end = _strip_point(view, 0.75), _strip_point(view, 0.25)
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.canvas, end)
    assert view.canvas.drag_dx < 0  # the cards follow the pointer while it is held
    dragged = view.canvas._dragged(screen)
    assert cards(dragged)[0].rect.x < left_before
    assert view.state().carousel_first == 0  # nothing is decided before the release
    with qtbot.assertNotEmitted(view.reply_webhook):
        qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=end)
    assert view.state().carousel_first == 1 and view.canvas.drag_dx == 0
    assert cards(view.preview_screen())[0].rect.x < left_before
    # and back: a drag to the right shows the first card again
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=end)
    qtbot.mouseMove(view.canvas, start)
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=start)
    assert view.state().carousel_first == 0


def test_the_arrow_keys_step_through_the_cards(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["media_carousel_url_buttons"]), [])
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.state().carousel_first == 2
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)  # already at the last card
    assert view.state().carousel_first == 2
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert view.state().carousel_first == 1


def test_the_card_shown_first_is_kept_while_typing(view: PhoneView) -> None:
    msg = from_payload(EXAMPLES["media_carousel_url_buttons"])
    view.set_message(msg, [])
    view.tap(("carousel_scroll", 2))
    c = msg.content
    assert isinstance(c, Carousel)
    typed = msgspec.structs.replace(msg, content=msgspec.structs.replace(c, body=c.body + "!"))
    view.set_message(typed, [])
    assert view.state().carousel_first == 2
    assert 2 in fully_visible(view.preview_screen())
    fewer = msgspec.structs.replace(typed, content=msgspec.structs.replace(c, cards=c.cards[:2]))
    view.set_message(fewer, [])  # a card removed: the strip ends at the new last card
    assert 1 in fully_visible(view.preview_screen())
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    view.set_message(msg, [])
    assert view.state().carousel_first == 0  # another kind in between: a new conversation


def test_a_quick_reply_on_the_last_card_sends_its_button_reply(
    qtbot: QtBot, view: PhoneView
) -> None:
    msg: Message = sample_message("carousel")
    c = msg.content
    assert isinstance(c, Carousel)
    view.set_message(msg, [])
    while "Next card" in arrows(view):
        click(qtbot, view, ("carousel_scroll", view.state().carousel_first + 1))
    card = c.cards[2]
    assert isinstance(card, MediaCard) and card.quick_replies
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        click(qtbot, view, ("carousel_reply", 2, 1))  # a real click, on screen after the swipe
    body = blocker.args[0]
    shape_ref = REFERENCE["webhook_inbound_button_reply"]
    assert _shape(body) == _shape(shape_ref)
    message = body["entry"][0]["changes"][0]["value"]["messages"][0]
    reply = card.quick_replies[1]
    assert message["interactive"] == {
        "type": "button_reply",
        "button_reply": {"id": reply.id, "title": reply.title},
    }
    assert view.preview_screen().texts("reply_title") == [reply.title]
    assert json.loads(view.json_view.toPlainText()) == body


def test_a_url_button_on_a_card_sends_nothing(view: PhoneView) -> None:
    payload = EXAMPLES["media_carousel_url_buttons"]
    view.set_message(from_payload(payload), [])
    url = payload["interactive"]["action"]["cards"][0]["action"]["parameters"]["url"]
    tapped = view.tap(hit(view, ("cta_url", url)).action)
    assert tapped.no_webhook is NoWebhook.OPENS_LINK and view.last_webhook is None


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__
