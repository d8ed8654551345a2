"""The rehearsal as the phone shows it: the core's events folded into the thread's turns.

``ThreadBook.add(event)`` takes every ``composer.rehearsal`` event in the order it happened and
keeps what the window draws: the turns (``ui.preview.layout``: the bot's messages, the customer's,
the refusals), the bot's ticks per message, the typing indicator, the last time the customer
wrote (the 24-hour window) and, per customer message, its webhook and the bot's HTTP answers.
No Qt: the controller feeds it on the UI thread and hands ``turns()`` to the phone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from msgspec.structs import replace

from composer.codec.errors import PayloadError
from composer.payload import from_payload
from composer.rehearsal.events import (
    BotMessage,
    CustomerAction,
    DeliveryAttempt,
    Handshake,
    MessageStatus,
    ReadMark,
)
from ui.preview.layout import BusinessTurn, CustomerTurn, RefusedTurn, Reply, ThreadEntry

_RANK = {"sent": 0, "delivered": 1, "read": 2, "failed": 3}


@dataclass(slots=True)
class Delivery:
    """One customer message's webhook and every POST of it to the bot (the Webhook tab)."""

    kind: str
    webhook: dict[str, Any]
    attempts: list[DeliveryAttempt] = field(default_factory=list)

    def answer(self) -> str:
        """The bot's HTTP answer: "HTTP 200 in 12 ms", with every retry before it."""
        if not self.attempts:
            return "Delivering to the bot…"
        return "; ".join(_attempt_text(a) for a in self.attempts)


def _attempt_text(a: DeliveryAttempt) -> str:
    got = f"HTTP {a.status}" if a.status is not None else (a.error or "no answer")
    text = f"attempt {a.attempt}/{a.attempts}: {got} in {a.elapsed_ms:.0f} ms"
    if a.retry_in is not None:
        text += f", retry in {a.retry_in:g} s"
    elif not a.ok:
        text += ", no more retries"
    return text


def reply_of(message: dict[str, Any]) -> Reply:
    """The customer's bubble for the ``messages[0]`` item of a webhook."""
    kind = message.get("type")
    if kind == "text":
        return Reply("text", str(message.get("text", {}).get("body", "")))
    if kind == "location":
        where = message.get("location", {})
        return Reply("location", str(where.get("name") or where.get("address") or ""))
    interactive = message.get("interactive", {})
    answer = interactive.get(interactive.get("type", ""), {})
    if interactive.get("type") == "list_reply":
        return Reply("list", str(answer.get("title", "")), str(answer.get("description", "")))
    if interactive.get("type") == "nfm_reply":
        return Reply("text", str(answer.get("body", "Sent")))
    return Reply("text", str(answer.get("title", "")))


class ThreadBook:
    """Every turn of one rehearsal, in order; ``add`` folds one event in."""

    def __init__(self) -> None:
        self.entries: list[ThreadEntry] = []
        self.deliveries: dict[str, Delivery] = {}  # by the customer message's wamid
        self.last_delivery: str | None = None
        self.typing = False
        self.last_inbound: datetime | None = None
        self.handshake: Handshake | None = None
        self.log: list[CustomerAction | BotMessage] = []  # the conversation, in order
        self._by_wamid: dict[str, int] = {}

    def turns(self) -> tuple[ThreadEntry, ...]:
        return tuple(self.entries)

    def add(self, event: object) -> None:
        if isinstance(event, CustomerAction):
            self._customer(event)
        elif isinstance(event, BotMessage):
            self._bot(event)
        elif isinstance(event, MessageStatus):
            self._status(event.wamid, event.status)
        elif isinstance(event, ReadMark):
            self.typing = event.typing and event.accepted
        elif isinstance(event, DeliveryAttempt) and event.topic == "message":
            found = self.deliveries.get(event.webhook_id)
            if found is not None:
                found.attempts.append(event)
        elif isinstance(event, Handshake):
            self.handshake = event

    def business_turn(self, wamid: str) -> int | None:
        return self._by_wamid.get(wamid)

    def _customer(self, action: CustomerAction) -> None:
        self.log.append(action)
        self.last_inbound = action.at
        self.deliveries[action.message_id] = Delivery(action.kind, action.webhook)
        self.last_delivery = action.message_id
        message = action.message
        if action.kind == "reaction":
            reacted = message.get("reaction", {})
            turn = self._by_wamid.get(str(reacted.get("message_id", "")))
            entry = self.entries[turn] if turn is not None else None
            if isinstance(entry, BusinessTurn) and turn is not None:
                self.entries[turn] = replace(entry, reaction=str(reacted.get("emoji") or ""))
            return
        answers = self._by_wamid.get(action.reply_to or "")
        quoted = answers if action.kind != "text" else None
        self.entries.append(CustomerTurn(reply_of(message), _hhmm(action.at), quoted))

    def _bot(self, sent: BotMessage) -> None:
        self.log.append(sent)
        self.typing = False  # WhatsApp drops the indicator when the message arrives
        if not sent.accepted:
            rule = sent.rule or (f"error {sent.error_code}" if sent.error_code else "refused")
            self.entries.append(RefusedTurn(rule, sent.reason or "the sandbox refused it"))
            return
        try:
            message = from_payload(sent.payload)
        except (PayloadError, ValueError, TypeError) as exc:  # accepted, yet not drawable
            self.entries.append(RefusedTurn("payload.shape", str(exc)))
            return
        wamid = sent.wamid or ""
        self._by_wamid[wamid] = len(self.entries)
        self.entries.append(BusinessTurn(message, wamid, _hhmm(sent.at), "sent"))

    def _status(self, wamid: str, status: str) -> None:
        turn = self._by_wamid.get(wamid)
        entry = self.entries[turn] if turn is not None else None
        if not isinstance(entry, BusinessTurn) or turn is None:
            return
        if _RANK.get(status, -1) > _RANK.get(entry.status, -1):
            self.entries[turn] = replace(entry, status=status)


def _hhmm(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")
