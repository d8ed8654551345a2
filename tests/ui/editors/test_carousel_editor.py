"""The carousel editor: both carousels round trip, cards are added, removed and moved with their
counters, every card takes the message's shape, and a loaded carousel of mixed cards is kept and
reported by the core's rules on the card that differs."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer import limits
from composer.messages import Carousel, MediaCard, Message, ProductCard
from composer.payload import from_payload, to_payload
from composer.samples import sample_message
from tests.examples import examples
from ui.editors.carousel import MIXED, CarouselEditor
from ui.window.main_window import MainWindow

EXAMPLES = examples()


@pytest.fixture
def editor(qtbot: QtBot) -> CarouselEditor:
    e = CarouselEditor()
    qtbot.addWidget(e)
    e.show()
    return e


def carousel(payload: dict[str, Any]) -> Carousel:
    content = from_payload(payload).content
    assert isinstance(content, Carousel)
    return content


def edited(editor: CarouselEditor) -> list[Carousel]:
    """Every content the editor emits from now on."""
    out: list[Carousel] = []
    editor.edited.connect(out.append)
    return out


@pytest.mark.parametrize(
    "name", ["media_carousel_url_buttons", "media_carousel_quick_replies", "product_carousel"]
)
def test_load_then_content_gives_the_example_back(editor: CarouselEditor, name: str) -> None:
    content = carousel(EXAMPLES[name])
    editor.load(content)
    assert editor.content() == content
    msg = Message(to=EXAMPLES[name]["to"], content=editor.content())
    assert to_payload(msg) == EXAMPLES[name]


def test_the_sample_with_quick_replies_round_trips(editor: CarouselEditor) -> None:
    content = sample_message("carousel").content
    editor.load(content)
    assert editor.content() == content
    assert editor.buttons.value() == "quick_reply"
    assert editor.card_kind.value() == "media"


def test_a_new_editor_starts_with_the_fewest_cards(editor: CarouselEditor) -> None:
    c = editor.content()
    assert isinstance(c, Carousel) and len(c.cards) == limits.CAROUSEL_CARDS.minimum == 2
    assert [card.card_index for card in c.cards] == [0, 1]
    assert editor.cards.badge.badge.text() == "Cards 2/10"


def test_cards_are_added_up_to_ten_then_add_says_why(editor: CarouselEditor, qtbot: QtBot) -> None:
    emitted = edited(editor)
    while editor.cards.add_button.isEnabled():
        qtbot.mouseClick(editor.cards.add_button, Qt.MouseButton.LeftButton)
    assert editor.cards.count() == limits.CAROUSEL_CARDS.maximum
    assert editor.cards.badge.badge.text() == "Cards 10/10"
    assert "at most 10 cards" in editor.cards.add_button.toolTip()
    assert len(emitted) == 8
    assert [c.card_index for c in emitted[-1].cards] == list(range(10))


def test_one_card_is_too_few_and_the_counter_says_so(editor: CarouselEditor) -> None:
    editor.cards.remove_item(0)
    assert editor.cards.badge.badge.text() == "Cards 1/10"
    assert editor.cards.badge.badge.property("level") == "over"  # under the minimum of 2


def test_a_new_card_is_shaped_like_the_last(editor: CarouselEditor, qtbot: QtBot) -> None:
    editor.load(sample_message("carousel").content)
    last = editor.cards.items()[-1]
    last.media.header.load(msgspec.structs.replace(last.media.header.header(), kind="video"))
    added = editor.cards.add_item()
    assert added is not None
    card = editor.content().cards[-1]  # type: ignore[attr-defined]
    assert isinstance(card, MediaCard)
    assert card.header is not None and card.header.kind == "video"  # type: ignore[union-attr]
    assert card.url_button is None and card.quick_replies is not None
    assert len(card.quick_replies) == 2  # as many as the card before it, to be filled in
    assert card.card_index == 3


def test_move_and_remove_renumber_the_cards(editor: CarouselEditor) -> None:
    editor.load(carousel(EXAMPLES["media_carousel_url_buttons"]))
    emitted = edited(editor)
    editor.cards.move_item(2, -1)
    order = [c.url_button.url.rsplit("/", 1)[1] for c in emitted[-1].cards]  # type: ignore[union-attr]
    assert order == ["blue-echeveria", "panda-plant", "zebra-haworthia"]
    assert [c.card_index for c in emitted[-1].cards] == [0, 1, 2]
    editor.cards.remove_item(0)
    assert [c.card_index for c in emitted[-1].cards] == [0, 1]
    assert editor.cards.badge.badge.text() == "Cards 2/10"
    assert [card.caption.text() for card in editor.cards.cards()] == ["Card 1", "Card 2"]


def test_a_loaded_index_is_kept_until_the_cards_change(editor: CarouselEditor) -> None:
    payload = json.loads(json.dumps(EXAMPLES["product_carousel"]))
    for card, index in zip(payload["interactive"]["action"]["cards"], (3, 7), strict=True):
        card["card_index"] = index
    editor.load(carousel(payload))
    assert [c.card_index for c in editor.content().cards] == [3, 7]  # type: ignore[attr-defined]
    editor.cards.move_item(0, 1)
    assert [c.card_index for c in editor.content().cards] == [0, 1]  # type: ignore[attr-defined]


def test_the_button_choice_shapes_every_card(editor: CarouselEditor) -> None:
    editor.load(carousel(EXAMPLES["media_carousel_url_buttons"]))
    emitted = edited(editor)
    editor.buttons.combo.setCurrentIndex(editor.buttons.combo.findData("quick_reply"))
    cards = emitted[-1].cards
    assert all(isinstance(c, MediaCard) and c.url_button is None for c in cards)
    assert all(len(c.quick_replies or ()) == 1 for c in cards)  # type: ignore[union-attr]
    item = editor.cards.items()[0]
    assert item.media.replies.isVisibleTo(editor) and not item.media.url.isVisibleTo(editor)
    editor.buttons.combo.setCurrentIndex(editor.buttons.combo.findData("url"))
    assert all(c.quick_replies is None and c.url_button for c in emitted[-1].cards)  # type: ignore[union-attr]
    # what was typed is still there: the URL buttons come back unchanged
    assert emitted[-1] == carousel(EXAMPLES["media_carousel_url_buttons"])


def test_product_cards_keep_the_media_cards_typed(editor: CarouselEditor, qtbot: QtBot) -> None:
    editor.load(carousel(EXAMPLES["media_carousel_url_buttons"]))
    emitted = edited(editor)
    editor.card_kind.combo.setCurrentIndex(editor.card_kind.combo.findData("product"))
    assert all(isinstance(c, ProductCard) for c in emitted[-1].cards)
    assert not editor.buttons.isVisibleTo(editor)
    last = editor.cards.items()[-1]
    qtbot.keyClicks(last.product.catalog_id.editor, "194836987003835")
    added = editor.cards.add_item()
    assert added is not None and added.product.catalog_id.text() == "194836987003835"
    editor.card_kind.combo.setCurrentIndex(editor.card_kind.combo.findData("media"))
    assert emitted[-1].cards[:3] == carousel(EXAMPLES["media_carousel_url_buttons"]).cards


def test_body_counters_count_characters_and_line_breaks(
    editor: CarouselEditor, qtbot: QtBot
) -> None:
    media = editor.cards.items()[0].media
    qtbot.keyClicks(media.body.editor, "Blue")
    assert media.body.counter.text() == f"4/{limits.CAROUSEL_CARD_BODY.maximum}"
    for _ in range(3):
        qtbot.keyClick(media.body.editor, Qt.Key.Key_Return)
    assert media.breaks.badge.text() == "Line breaks in card body 3/2"
    assert media.breaks.badge.property("level") == "over"
    qtbot.keyClick(media.body.editor, Qt.Key.Key_Backspace)
    assert media.breaks.badge.text() == "Line breaks in card body 2/2"
    assert media.breaks.badge.property("level") == "near"


def test_quick_reply_counters(editor: CarouselEditor, qtbot: QtBot) -> None:
    editor.load(sample_message("carousel").content)
    replies = editor.cards.items()[1].media.replies
    assert replies.badge.badge.text() == "Quick replies per card 2/3"
    qtbot.mouseClick(replies.add_button, Qt.MouseButton.LeftButton)
    assert replies.badge.badge.text() == "Quick replies per card 3/3"
    assert not replies.add_button.isEnabled()
    title = replies.items()[2].title
    qtbot.keyClicks(title.editor, "Water it")
    assert title.counter.text() == f"8/{limits.CAROUSEL_QUICK_REPLY_TITLE.maximum}"


def _mixed() -> dict[str, Any]:
    """The media example with card 2 on quick replies and a video: two of the core's rules."""
    payload = json.loads(json.dumps(EXAMPLES["media_carousel_url_buttons"]))
    card = payload["interactive"]["action"]["cards"][1]
    card["action"] = {
        "buttons": [{"type": "quick_reply", "quick_reply": {"id": "a", "title": "A"}}]
    }
    card["header"] = {"type": "video", "video": {"link": "https://cdn.example.com/v.mp4"}}
    return payload


def test_a_mixed_carousel_is_kept_and_the_rules_mark_the_card(
    window: MainWindow, qtbot: QtBot
) -> None:
    payload = _mixed()
    assert window.load_payload(payload) is None  # nothing lost: the editors hold it exactly
    editor = window.form.editor()
    assert isinstance(editor, CarouselEditor)
    assert editor.buttons.value() == MIXED
    rules = {i.rule: i.path for i in window.session.issues()}
    assert rules["carousel.button_shape_mixed"] == "interactive.action.cards[1].action"
    assert rules["carousel.header_type_mixed"] == "interactive.action.cards[1].header.type"
    second = editor.cards.items()[1].media
    assert window.form.field_for(rules["carousel.button_shape_mixed"]) is second.replies
    assert "same buttons" in second.replies.badge.issue_line.text()
    assert window.form.field_for(rules["carousel.header_type_mixed"]) is second.header.kind
    assert "same header type" in second.header.kind.issue_line.text()
    # picking a shape for every card settles it, and the "Mixed" entry goes away
    editor.buttons.combo.setCurrentIndex(editor.buttons.combo.findData("url"))
    assert editor.buttons.combo.findData(MIXED) < 0
    rules = {i.rule for i in window.session.issues()}
    assert "carousel.button_shape_mixed" not in rules
    assert "carousel.header_type_mixed" in rules  # the header is the card's own to fix
    assert not second.replies.isVisibleTo(editor) and second.url.isVisibleTo(editor)


def test_tab_walks_each_card_then_adds_one(window: MainWindow, qtbot: QtBot) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("carousel"))
    editor = window.form.editor()
    assert isinstance(editor, CarouselEditor)
    editor.load(sample_message("carousel").content)
    QApplication.processEvents()
    chain = window.form.scroll_area.widget().tab_chain()  # type: ignore[attr-defined]
    first, second = editor.cards.cards()[:2]
    one, two = first.item.media, second.item.media  # type: ignore[attr-defined]
    expected = [
        editor.parts.body.editor,
        editor.card_kind.combo,
        editor.buttons.combo,
        one.header.kind.combo,
        one.header.media.source,
        one.header.media.value,
        one.body.editor,
        one.replies.items()[0].title.editor,
        one.replies.items()[0].id.editor,
        one.replies.items()[1].title.editor,
        one.replies.add_button,
        first.down,
        first.remove,
        two.header.kind.combo,
    ]
    at = [chain.index(w) for w in expected]
    assert at == sorted(at), "the form reads top to bottom, card by card"
    assert chain.index(editor.cards.add_button) > chain.index(editor.cards.cards()[-1].remove)
    assert one.label.editor not in chain  # hidden: the cards have quick replies
