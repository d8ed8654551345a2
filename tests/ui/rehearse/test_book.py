"""ThreadBook: the core's rehearsal events folded into the phone's turns (real event values)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from composer.rehearsal.events import (
    BotMessage,
    CustomerAction,
    DeliveryAttempt,
    MessageStatus,
    ReadMark,
)
from composer.rehearsal.recording import script_from_events
from composer.rehearsal.script import parse_script
from composer.webhooks.inbound import text_webhook
from ui.preview.layout import BusinessTurn, CustomerTurn, RefusedTurn, Reply
from ui.rehearse.book import ThreadBook, reply_of

AT = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
CUSTOMER = "+15550100001"
BUTTONS = {
    "messaging_product": "whatsapp",
    "to": CUSTOMER,
    "type": "interactive",
    "interactive": {
        "type": "button",
        "body": {"text": "Hi!"},
        "action": {"buttons": [{"type": "reply", "reply": {"id": "menu", "title": "Menu"}}]},
    },
}


def _said(text: str, wamid: str, at: datetime = AT) -> CustomerAction:
    return CustomerAction("text", wamid, text_webhook(CUSTOMER, text, at=at), at)


def _bot(payload: Any, wamid: str | None, rule: str | None = None) -> BotMessage:
    status = 200 if wamid else 400
    reason = None if wamid else "Button title is 25 characters; the limit is 20."
    return BotMessage(payload, status, {}, wamid, rule, reason, None if wamid else 131009, "c1", AT)


def _attempt(status: int | None, attempt: int, retry_in: float | None) -> DeliveryAttempt:
    return DeliveryAttempt("c1", "message", attempt, 2, status, 12.4, None, retry_in, AT, {})


def test_turns_ticks_typing_and_refusals() -> None:
    book = ThreadBook()
    book.add(_said("hi", "c1"))
    book.add(ReadMark("c1", True, True, True, {}, AT))
    assert book.typing
    book.add(_bot(BUTTONS, "b1"))
    assert not book.typing  # the message ends the indicator
    book.add(MessageStatus("b1", "delivered", AT, {}))
    book.add(MessageStatus("b1", "read", AT, {}))
    book.add(MessageStatus("b1", "delivered", AT, {}))  # late: the ticks never go back
    book.add(_bot(BUTTONS, None, "button.title_len"))
    turns = book.turns()
    assert turns[0] == CustomerTurn(Reply("text", "hi"), turns[0].time_text, None)  # type: ignore[union-attr]
    assert isinstance(turns[1], BusinessTurn) and turns[1].status == "read"
    assert turns[2] == RefusedTurn(
        "button.title_len", "Button title is 25 characters; the limit is 20."
    )
    assert book.last_inbound == AT


def test_the_bots_http_answers_with_retries() -> None:
    book = ThreadBook()
    book.add(_said("fail", "c1"))
    assert book.deliveries["c1"].answer() == "Delivering to the bot…"
    book.add(_attempt(500, 1, 0.5))
    book.add(_attempt(None, 2, None))
    assert book.deliveries["c1"].answer() == (
        "attempt 1/2: HTTP 500 in 12 ms, retry in 0.5 s; "
        "attempt 2/2: no answer in 12 ms, no more retries"
    )


def test_reply_bubbles_of_each_webhook_kind() -> None:
    assert reply_of({"type": "location", "location": {"latitude": 1, "name": "Café"}}) == Reply(
        "location", "Café"
    )
    row = {"type": "list_reply", "list_reply": {"id": "t", "title": "Tea", "description": "Hot"}}
    assert reply_of({"type": "interactive", "interactive": row}) == Reply("list", "Tea", "Hot")
    button = {"type": "button_reply", "button_reply": {"id": "m", "title": "Menu"}}
    assert reply_of({"type": "interactive", "interactive": button}) == Reply("text", "Menu")


def test_the_log_records_a_script_the_core_reads() -> None:
    book = ThreadBook()
    book.add(_said("hi", "c1"))
    book.add(_bot(BUTTONS, "b1"))
    book.add(_said("thanks", "c2", AT + timedelta(seconds=5)))
    script, skipped = script_from_events(book.log, CUSTOMER, "Ana")
    assert skipped == 0
    assert script == {
        "customer": CUSTOMER,
        "customer_name": "Ana",
        "steps": [
            {"says": "hi"},
            {
                "expect": {
                    "type": "interactive",
                    "interactive.type": "button",
                    "interactive.action.buttons.0.reply.id": "menu",
                }
            },
            {"says": "thanks"},
        ],
    }
    assert parse_script(script) is not None
