"""A whole rehearsal over loopback: the customer's actions reach a scripted bot as Meta's
webhooks, the bot's sends are judged by the sandbox, and every event is reported."""

from __future__ import annotations

import time
from typing import Any

import pytest

from composer.clock import utc_now
from composer.rehearsal import (
    BotMessage,
    CustomerAction,
    MessageStatus,
    ReadMark,
    Rehearsal,
    TapError,
)
from composer.sandbox import StatusDelays
from tests.core.rehearsal.menu import CUSTOMER


def _next(rehearsal: Rehearsal) -> BotMessage:
    message = rehearsal.next_bot_message(5)
    assert message is not None
    return message


def test_hi_then_taps_reach_the_bot_as_metas_replies_to_the_right_message(play: Any) -> None:
    rehearsal, bot = play()
    said = rehearsal.customer_says("hi")
    buttons = _next(rehearsal)
    assert buttons.accepted and buttons.answering == said.message_id
    tap = rehearsal.customer_taps("menu")
    listed = _next(rehearsal)
    row = rehearsal.customer_taps("tea")
    assert _next(rehearsal).payload["text"]["body"] == "got interactive"  # type: ignore[index]
    text, button, chosen = bot.messages()
    assert text["text"] == {"body": "hi"} and text["id"] == said.message_id
    assert button["interactive"]["button_reply"] == {"id": "menu", "title": "Menu"}
    assert button["context"]["id"] == buttons.wamid == tap.reply_to
    assert chosen["interactive"]["list_reply"] == {"id": "tea", "title": "Tea",
                                                    "description": "Green"}  # fmt: skip
    assert chosen["context"]["id"] == listed.wamid == row.reply_to
    assert {m["from"] for m in bot.messages()} == {"16505550123"}
    assert len({m["id"] for m in bot.messages()}) == 3


def test_an_earlier_list_can_be_answered_again(play: Any) -> None:
    rehearsal, _bot = play()
    rehearsal.customer_says("hi")
    _next(rehearsal)
    rehearsal.customer_taps("menu")
    first = _next(rehearsal)
    rehearsal.customer_taps("tea")
    _next(rehearsal)
    rehearsal.customer_taps("menu")
    _next(rehearsal)
    again = rehearsal.customer_taps("tea", message_id=first.wamid)
    assert again.reply_to == first.wamid
    with pytest.raises(TapError, match="nope"):
        rehearsal.customer_taps("nope")


def test_a_message_breaking_a_rule_is_refused_with_the_rule(play: Any) -> None:
    rehearsal, _bot = play()
    rehearsal.customer_says("too long")
    refused = _next(rehearsal)
    assert not refused.accepted and refused.status == 400 and refused.wamid is None
    assert refused.rule == "button.title_len" and refused.error_code == 131009
    assert refused.reason is not None and "Max length: 20" in refused.reason
    with pytest.raises(TapError):  # a refused message never reached the phone
        rehearsal.customer_taps("x")


def test_read_marks_typing_and_the_ticks_are_reported_and_statuses_reach_the_bot(
    play: Any,
) -> None:
    delays = StatusDelays(sent=0.01, delivered=0.02, read=0.03)
    rehearsal, bot = play(delays=delays)
    said = rehearsal.customer_says("hi")
    sent = _next(rehearsal)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and len(_statuses(rehearsal)) < 3:
        time.sleep(0.02)
    assert [s.status for s in _statuses(rehearsal)] == ["sent", "delivered", "read"]
    assert {s.wamid for s in _statuses(rehearsal)} == {sent.wamid}
    (mark,) = [e for e in rehearsal.transcript() if isinstance(e, ReadMark)]
    assert (mark.message_id, mark.typing, mark.known, mark.accepted) == (
        said.message_id, True, True, True)  # fmt: skip
    assert rehearsal.wait_idle(5)
    delivered = [p for p in bot.posts() if b'"statuses"' in p.body]
    assert len(delivered) == 3


def _statuses(rehearsal: Rehearsal) -> list[MessageStatus]:
    return [e for e in rehearsal.transcript() if isinstance(e, MessageStatus)]


def test_the_customers_messages_move_the_24_hour_window(play: Any) -> None:
    rehearsal, _bot = play()
    said = rehearsal.customer_says("hello")
    assert rehearsal.sandbox.last_inbound(CUSTOMER) == said.at


def test_a_location_answers_a_location_request_and_a_reaction_names_its_message(
    play: Any,
) -> None:
    rehearsal, bot = play()
    rehearsal.customer_says("where")
    asked = _next(rehearsal)
    shared = rehearsal.customer_shares_location(38.72, -9.14, "Praca", "Lisboa")
    assert shared.kind == "location" and shared.reply_to == asked.wamid
    assert asked.wamid is not None
    reaction = rehearsal.customer_reacts(asked.wamid, "\U0001f44d")
    assert rehearsal.wait_idle(5)
    location, reacted = bot.messages()[1:]
    assert location["location"] == {"latitude": 38.72, "longitude": -9.14, "name": "Praca",
                                    "address": "Lisboa"}  # fmt: skip
    assert location["context"]["id"] == asked.wamid
    assert reacted["reaction"] == {"message_id": asked.wamid, "emoji": "\U0001f44d"}
    assert reaction.kind == "reaction"


def test_a_completed_flow_is_an_nfm_reply(play: Any) -> None:
    rehearsal, bot = play()
    rehearsal.customer_says("book")
    flow = _next(rehearsal)
    done = rehearsal.customer_submits('{"flow_token": "tok-1", "date": "2026-05-01"}')
    assert done.kind == "nfm_reply" and done.reply_to == flow.wamid
    assert rehearsal.wait_idle(5)
    reply = bot.messages()[-1]["interactive"]
    assert reply["type"] == "nfm_reply" and reply["nfm_reply"]["name"] == "flow"
    assert reply["nfm_reply"]["response_json"] == '{"flow_token":"tok-1","date":"2026-05-01"}'


def test_observers_and_the_queue_see_every_event_in_order(play: Any) -> None:
    seen: list[object] = []
    rehearsal, _bot = play()
    rehearsal.subscribe(seen.append)
    rehearsal.customer_says("hi")
    _next(rehearsal)
    assert rehearsal.wait_idle(5)
    kinds = [type(e).__name__ for e in seen]
    assert kinds[0] == "CustomerAction" and "BotMessage" in kinds and "DeliveryAttempt" in kinds
    queued = []
    while not rehearsal.events.empty():
        queued.append(rehearsal.events.get())
    assert type(queued[0]).__name__ == "Handshake"
    assert [e["event"] for e in rehearsal.transcript_json()][:2] == ["handshake", "customer"]


def test_acting_before_start_is_an_error() -> None:
    with Rehearsal(CUSTOMER, port=0) as rehearsal, pytest.raises(RuntimeError, match="start"):
        rehearsal.customer_says("hi")


def test_a_customer_action_shows_its_message() -> None:
    body = {"entry": [{"changes": [{"value": {"messages": [{"type": "text"}]}}]}]}
    action = CustomerAction("text", "wamid.1", body, utc_now())
    assert action.message == {"type": "text"}


def test_the_played_conversation_saves_as_a_script_that_replays(play: Any) -> None:
    from composer.rehearsal.runner import run_script
    from composer.rehearsal.script import parse_script

    rehearsal, _bot = play()
    rehearsal.customer_says("hi")
    buttons = _next(rehearsal)
    rehearsal.customer_taps("menu")
    _next(rehearsal)
    rehearsal.customer_taps("tea")
    _next(rehearsal)
    assert buttons.wamid is not None
    rehearsal.customer_reacts(buttons.wamid, "\U0001f44d")
    _next(rehearsal)
    script, skipped = rehearsal.to_script()
    assert skipped == 1 and script["customer"] == CUSTOMER and script["customer_name"] == "Ana"
    steps = script["steps"]
    assert steps[0] == {"says": "hi"}
    assert steps[1] == {"expect": {"type": "interactive", "interactive.type": "button",
                                   "interactive.action.buttons.0.reply.id": "menu",
                                   "interactive.action.buttons.1.reply.id": "hours"}}  # fmt: skip
    assert steps[2] == {"taps": "menu"}
    assert steps[3]["expect"]["interactive.action.sections.0.rows.0.id"] == "tea"
    assert steps[4:6] == [{"taps": "tea"},
                          {"expect": {"type": "text", "text.body": "got interactive"}}]  # fmt: skip
    again, _ = play()
    assert run_script(parse_script({**script, "steps": steps[:6]}), again) is None


def test_the_apps_store_sees_the_customers_messages(play: Any, tmp_path: Any) -> None:
    from composer.storage.history import Store

    store = Store(tmp_path / "history.sqlite")
    try:
        rehearsal, _bot = play(store=store)
        said = rehearsal.customer_says("hello")
        record = store.last_inbound(CUSTOMER)
        assert record is not None and record.source == "sandbox"
        assert abs((record.at - said.at).total_seconds()) < 1
    finally:
        store.close()


def test_a_failing_observer_does_not_break_the_conversation(
    play: Any, caplog: pytest.LogCaptureFixture
) -> None:
    rehearsal, _bot = play()

    def broken(event: object) -> None:
        raise RuntimeError("observer bug")

    rehearsal.subscribe(broken)
    rehearsal.customer_says("hi")
    assert _next(rehearsal).accepted
    assert "rehearsal observer failed" in caplog.text
    rehearsal.unsubscribe(broken)
