"""The text bubble: WhatsApp markup drawn styled, and the link-preview card only with
preview_url true and an http(s) link in the body (its domain on the card; a tap opens it)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.formatting import Style
from composer.messages import Message, TextMessage
from composer.samples import sample_message
from ui.preview import PhoneView
from ui.preview.layout import ChatState, Screen
from ui.preview.layouter import Layouter
from ui.preview.taps import NoWebhook
from ui.preview.themes import theme_for

LINK = "https://www.example.com/track?id=TRK-88213"


@pytest.fixture
def layouter(qapp: QApplication) -> Layouter:
    return Layouter()


def lay(layouter: Layouter, body: str, preview: bool | None, platform: str = "android") -> Screen:
    msg = Message(to="+15550100001", content=TextMessage(body=body, preview_url=preview))
    return layouter.layout(msg, theme_for(platform, False), ChatState())


@pytest.mark.parametrize(
    ("body", "preview", "card"),
    [
        (f"Track it: {LINK}", True, True),
        (f"Track it: {LINK}", False, False),
        (f"Track it: {LINK}", None, False),  # absent means false
        ("Track it at www.example.com", True, False),  # no http(s): WhatsApp does not preview
        ("No link here", True, False),
    ],
)
def test_card_only_with_preview_url_and_a_link(
    layouter: Layouter, body: str, preview: bool | None, card: bool
) -> None:
    screen = lay(layouter, body, preview)
    assert bool(screen.shapes("link_preview")) is card
    assert bool(screen.shapes("link_preview_thumb")) is card
    assert screen.texts("link_preview_domain") == (["example.com"] if card else [])
    assert [a for a in screen.hit_actions() if a[0] == "link_preview"] == (
        [("link_preview", LINK)] if card else []
    )


@pytest.mark.parametrize("platform", ["android", "ios", "web"])
def test_card_sits_inside_the_bubble_above_the_text(layouter: Layouter, platform: str) -> None:
    screen = lay(layouter, f"*Shipped!* {LINK}", True, platform)
    (bubble,) = screen.shapes("bubble_in")
    (card,) = screen.shapes("link_preview")
    (first_line,) = screen.text_items("body")
    assert bubble.rect.x < card.rect.x and card.rect.right < bubble.rect.right
    assert bubble.rect.y < card.rect.y and card.rect.bottom <= first_line.rect.y
    assert first_line.spans[0] == ("Shipped!", frozenset({Style.BOLD}))
    assert (LINK, frozenset({Style.LINK})) in first_line.spans


def test_the_sample_draws_its_markup_styled(layouter: Layouter) -> None:
    msg = sample_message("text")
    screen = layouter.layout(msg, theme_for("android", False), ChatState())
    spans = [s for item in screen.text_items("body") for s in item.spans]
    assert ("#4471", frozenset({Style.BOLD})) in spans
    assert ("Estimated delivery:", frozenset({Style.ITALIC})) in spans
    assert screen.texts("link_preview_domain") == ["example.com"]


def test_tapping_the_card_opens_the_link_and_sends_nothing(qtbot: QtBot) -> None:
    view = PhoneView()
    view.set_link_fetching(False)
    qtbot.addWidget(view)
    emitted: list[object] = []
    view.reply_webhook.connect(emitted.append)
    view.set_message(sample_message("text"), [])
    (action,) = [a for a in view.preview_screen().hit_actions() if a[0] == "link_preview"]
    assert view.tap(action).no_webhook is NoWebhook.OPENS_LINK
    assert emitted == []
