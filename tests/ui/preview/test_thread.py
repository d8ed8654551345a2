"""The phone showing a whole thread (rehearse mode): every turn drawn, taps tagged per turn."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.payload import from_payload
from ui.preview import PhoneView
from ui.preview.layout import BusinessTurn, CustomerTurn, RefusedTurn, Reply
from ui.preview.taps import Tapped

TO = "15550001111"


def _buttons() -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "to": TO,
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": "What would you like?"},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": "menu", "title": "See the menu"}},
                    {"type": "reply", "reply": {"id": "hours", "title": "Opening hours"}},
                ]
            },
        },
    }


def _list() -> dict[str, Any]:
    row = {"id": "r1", "title": "Margherita", "description": "Tomato, mozzarella"}
    return {
        "messaging_product": "whatsapp",
        "to": TO,
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": "Pick a pizza"},
            "action": {"button": "Pizzas", "sections": [{"title": "Ours", "rows": [row]}]},
        },
    }


def _text(body: str) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": TO, "type": "text", "text": {"body": body}}


@pytest.fixture
def view(qtbot: QtBot) -> PhoneView:
    v = PhoneView()
    v.set_link_fetching(False)
    qtbot.addWidget(v)
    v.resize(400, 1000)
    return v


def _thread() -> list[Any]:
    return [
        BusinessTurn(from_payload(_buttons()), "wamid.B1", "10:01", "read"),
        CustomerTurn(Reply("text", "See the menu"), "10:02", answers=0),
        BusinessTurn(from_payload(_list()), "wamid.B2", "10:02", "delivered"),
        RefusedTurn("button.title_len", 'Button title "A very long title here" is 22 characters'),
    ]


def test_every_turn_is_drawn_in_order(view: PhoneView) -> None:
    view.set_thread(_thread())
    screen = view.preview_screen()
    assert screen.texts("body") == ["What would you like?", "Pick a pizza"]
    assert screen.texts("button") == ["See the menu", "Opening hours", "Pizzas"]
    assert screen.texts("reply_title") == ["See the menu"]
    assert screen.texts("quote_text") == ["What would you like?"]  # the reply quotes turn 0
    assert screen.texts("turn_status") == ["Read", "Delivered"]
    (refused,) = screen.texts("refused")
    assert "button.title_len" in refused and "22 characters" in refused
    assert screen.texts("time")[:2] == ["10:01", "10:02"]


def test_taps_name_their_turn_and_an_earlier_message_still_answers(view: PhoneView) -> None:
    view.set_thread(_thread())
    actions = view.preview_screen().hit_actions()
    assert ("in", 0, "button", 1) in actions and ("in", 2, "open_list") in actions
    got: list[tuple[int, Tapped]] = []
    view.thread_reply.connect(lambda turn, tapped: got.append((turn, tapped)))
    tapped = view.tap(("in", 0, "button", 1))  # the first message, answered again
    assert got and got[0][0] == 0 and tapped.reply == Reply("text", "Opening hours")
    message = tapped.webhook["entry"][0]["changes"][0]["value"]["messages"][0]  # type: ignore[index]
    assert message["interactive"]["button_reply"]["id"] == "hours"
    assert message["context"]["id"] == "wamid.B1"  # it answers that turn's wamid
    assert view.thread_entries() == tuple(_thread())  # the rehearsal adds the reply, not the phone


def test_a_list_of_the_thread_opens_and_sends_its_row(view: PhoneView) -> None:
    view.set_thread(_thread())
    view.tap(("in", 2, "open_list"))
    assert view.preview_screen().texts("row_title") == ["Margherita"]
    view.tap(("row", 0, 0))
    got: list[int] = []
    view.thread_reply.connect(lambda turn, _t: got.append(turn))
    tapped = view.tap(("send_list",))
    assert got == [2] and view.state().sheet == ""
    message = tapped.webhook["entry"][0]["changes"][0]["value"]["messages"][0]  # type: ignore[index]
    assert message["interactive"]["list_reply"]["id"] == "r1"
    assert message["context"]["id"] == "wamid.B2"


def test_a_click_on_a_button_of_the_thread(view: PhoneView, qtbot: QtBot) -> None:
    view.set_thread(_thread())
    hit = next(h for h in view.preview_screen().chat_hits if h.action == ("in", 0, "button", 0))
    got: list[int] = []
    view.thread_reply.connect(lambda turn, _t: got.append(turn))
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=view.canvas.widget_point(hit))
    assert got == [0]


def test_typing_shows_under_the_name_and_the_empty_thread_says_what_to_do(
    view: PhoneView,
) -> None:
    view.set_thread([], typing=True)
    screen = view.preview_screen()
    assert screen.texts("chat_subtitle") == ["typing…"]
    (empty,) = screen.texts("empty_chip")
    assert "Rehearsal" in empty
    view.set_thread(None)
    assert view.preview_screen().texts("chat_subtitle") == ["Business account"]
    assert view.preview_screen().texts("empty_chip") == ["No message to preview yet"]


def test_a_reaction_sits_on_its_bubble_and_right_click_names_the_turn(
    view: PhoneView, qtbot: QtBot
) -> None:
    first = BusinessTurn(from_payload(_text("Welcome!")), "wamid.T", "09:00", "read", "👍")
    view.set_thread([first])
    screen = view.preview_screen()
    assert screen.texts("reaction") == ["👍"]
    (region,) = screen.regions
    assert region.action == ("react", 0)
    asked: list[tuple[Any, ...]] = []
    view.context_requested.connect(lambda action, _pos: asked.append(action))
    point = view.canvas.widget_point(region)  # a region is placed like a chat hit
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.canvas.mapToGlobal(point))
    QApplication.sendEvent(view.canvas, event)
    assert asked == [("react", 0)]
    outside = QPoint(2, 2)
    QApplication.sendEvent(
        view.canvas, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, outside, outside)
    )
    assert asked == [("react", 0)]


def test_editing_the_form_does_not_close_the_threads_sheet(view: PhoneView) -> None:
    view.set_thread(_thread())
    view.tap(("in", 2, "open_list"))
    view.set_message(from_payload(_text("the form's own message")))
    assert view.state().sheet == "list"
    assert view.preview_screen().texts("row_title") == ["Margherita"]
