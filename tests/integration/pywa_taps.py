"""The click-through cases for pywa 4.5: for each builder of ``composer.webhooks.replies``, the
webhook bodies of a message's taps and the check of what pywa built from each.

pywa 4.5 dispatches an ``nfm_reply`` by its ``name`` and knows only ``"flow"``
(``FlowCompletion``); an address form's ``nfm_reply`` (name ``address_message``) resolves no
handler, so it reaches only ``on_raw_update``. Those builders are in ``PYWA_HAS_NO_TYPE``, and
their checks receive pywa's ``RawUpdate``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from pywa import types
from pywa.types.calls import CallPermissionResponse, CallPermissionResponseSource

from composer.limits import CALL_PERMISSION_TEMPORARY_SECONDS
from composer.messages import (
    AddressMessage,
    Carousel,
    Flow,
    ListMessage,
    MediaCard,
    Message,
    ReplyButtons,
)
from composer.webhooks import replies
from composer.webhooks.nfm import address_summary

Tap = tuple[dict[str, Any], Callable[[Any], None]]
"""A webhook body and the check of what pywa built from it."""

AT = datetime(2026, 3, 3, 10, 30, tzinfo=UTC)
"""When the customer answered (the expiry of a temporary call permission counts from it)."""


def _button_taps(msg: Message) -> list[Tap]:
    assert isinstance(msg.content, ReplyButtons)
    taps = []
    for i, button in enumerate(msg.content.buttons):

        def check(u: Any, button: Any = button) -> None:
            assert isinstance(u, types.CallbackButton) and not u.is_quick_reply
            assert (u.data, u.title) == (button.id, button.title)

        taps.append((replies.button_reply_webhook(msg, i), check))
    return taps


def _carousel_taps(msg: Message) -> list[Tap]:
    """Every quick reply of every card: an interactive ``button_reply``, so pywa's
    ``CallbackButton`` of type interactive (not a template's quick reply)."""
    assert isinstance(msg.content, Carousel)
    taps = []
    for c, card in enumerate(msg.content.cards):
        assert isinstance(card, MediaCard)
        for b, reply in enumerate(card.quick_replies or ()):

            def check(u: Any, reply: Any = reply) -> None:
                assert isinstance(u, types.CallbackButton) and not u.is_quick_reply
                assert (u.data, u.title) == (reply.id, reply.title)

            taps.append((replies.carousel_reply_webhook(msg, c, b), check))
    return taps


def _list_taps(msg: Message) -> list[Tap]:
    assert isinstance(msg.content, ListMessage)
    taps = []
    for s, section in enumerate(msg.content.sections):
        for r, row in enumerate(section.rows):

            def check(u: Any, row: Any = row) -> None:
                assert isinstance(u, types.CallbackSelection)
                assert (u.data, u.title, u.description) == (row.id, row.title, row.description)

            taps.append((replies.list_reply_webhook(msg, s, r), check))
    return taps


def _location_taps(msg: Message) -> list[Tap]:
    body = replies.location_reply_webhook(msg, 38.7223, -9.1393, name="Praça", address="Lisboa")

    def check(u: Any) -> None:
        assert isinstance(u, types.Message) and u.location is not None
        place = u.location
        assert (place.latitude, place.longitude, place.name, place.address) == (
            38.7223, -9.1393, "Praça", "Lisboa",
        )  # fmt: skip

    return [(body, check)]


def _template_taps(msg: Message) -> list[Tap]:
    def check(u: Any) -> None:
        assert isinstance(u, types.CallbackButton) and u.is_quick_reply
        assert (u.data, u.title) == ("confirm-4471", "Confirm")

    return [(replies.template_button_webhook(msg, "Confirm", "confirm-4471"), check)]


def _call_permission_taps(msg: Message) -> list[Tap]:
    """Allow (7 days from the answer), always allow (no expiry), decline."""

    def answer(response: str, expires: datetime | None) -> Callable[[Any], None]:
        def check(u: Any) -> None:
            assert isinstance(u, types.CallPermissionUpdate)
            assert u.response == CallPermissionResponse(response)
            assert u.response_source == CallPermissionResponseSource.USER_ACTION
            assert u.expiration_timestamp == expires
            assert bool(u) is (response == "accept")

        return check

    week = AT + timedelta(seconds=CALL_PERMISSION_TEMPORARY_SECONDS)
    reply = replies.call_permission_reply_webhook
    return [
        (reply(msg, "accept", at=AT), answer("accept", week)),
        (reply(msg, "accept", permanent=True, at=AT), answer("accept", None)),
        (reply(msg, "reject", at=AT), answer("reject", None)),
    ]


def _flow_taps(msg: Message) -> list[Tap]:
    """The bare completion (only the token) and one with answers: pywa takes ``flow_token`` out
    of ``response_json`` into ``token`` and keeps the rest as ``response``."""
    assert isinstance(msg.content, Flow)
    token = msg.content.flow_token

    def completed(answers: dict[str, Any]) -> Callable[[Any], None]:
        def check(u: Any) -> None:
            assert isinstance(u, types.FlowCompletion)
            assert (u.body, u.token, u.response) == ("Sent", token, answers)

        return check

    answers = {"party_size": "2", "date": "2026-05-02"}
    filled = json.dumps({"flow_token": token, **answers})
    return [
        (replies.flow_reply_webhook(msg), completed({})),
        (replies.flow_reply_webhook(msg, filled), completed(answers)),
    ]


def _address_taps(msg: Message) -> list[Tap]:
    """The prefilled form and a saved address: pywa 4.5 has no type for them (module doc), so
    the check reads its ``RawUpdate`` as an ``on_raw_update`` handler would."""
    content = msg.content
    assert isinstance(content, AddressMessage)
    prefilled = {k: str(v) for k, v in (content.values or {}).items() if v}
    saved = content.saved_addresses[0] if content.saved_addresses else None
    assert saved is not None, "the sample offers a saved address"
    chosen = {k: str(v) for k, v in saved["value"].items()}

    def submitted(values: dict[str, str], saved_id: str | None) -> Callable[[Any], None]:
        def check(u: Any) -> None:
            assert isinstance(u, types.RawUpdate)
            nfm = u.value["messages"][0]["interactive"]["nfm_reply"]
            assert nfm["name"] == "address_message"
            assert nfm["body"] == address_summary(content.country, values)
            wanted = {"values": values} if saved_id is None else {
                "saved_address_id": saved_id, "values": values,
            }  # fmt: skip
            assert json.loads(nfm["response_json"]) == wanted

        return check

    return [
        (replies.address_reply_webhook(msg), submitted(prefilled, None)),
        (
            replies.address_reply_webhook(msg, chosen, saved["id"]),
            submitted(chosen, saved["id"]),
        ),
    ]


TAPS: dict[str, Callable[[Message], list[Tap]]] = {
    "button_reply_webhook": _button_taps,
    "carousel_reply_webhook": _carousel_taps,
    "list_reply_webhook": _list_taps,
    "location_reply_webhook": _location_taps,
    "template_button_webhook": _template_taps,
    "call_permission_reply_webhook": _call_permission_taps,
    "flow_reply_webhook": _flow_taps,
    "address_reply_webhook": _address_taps,
}
"""One case per builder of ``composer.webhooks.replies``: a new builder needs one here."""

PYWA_HAS_NO_TYPE = {
    "address_reply_webhook": "pywa 4.5 maps only the nfm_reply named 'flow' (FlowCompletion)",
}
"""Builders whose webhook pywa 4.5 hands only to ``on_raw_update``, and why."""
