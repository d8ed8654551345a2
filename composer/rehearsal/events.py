"""What happens in a rehearsal, as values: every event is frozen, timestamped and has
``to_json()`` (the ``--json`` transcript and the window's thread read the same objects).

``CustomerAction``: the customer did something (its webhook JSON is ``webhook``);
``DeliveryAttempt``: one POST of a webhook to the bot (HTTP status or error, time, retry);
``BotMessage``: the bot sent a message to the sandbox, with the sandbox's verdict;
``ReadMark``: the bot marked a customer message read, with or without the typing indicator;
``MessageStatus``: sent / delivered / read / failed of a bot message (the ticks);
``Handshake``: the verification GET before the first event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

__all__ = [
    "BotMessage",
    "CustomerAction",
    "DeliveryAttempt",
    "Handshake",
    "MessageStatus",
    "ReadMark",
    "RehearsalEvent",
]

ActionKind = Literal["text", "button_reply", "list_reply", "location", "nfm_reply", "reaction"]


def _when(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Handshake:
    """Meta's verification GET: ``ok`` when the bot answered 200 with the challenge."""

    url: str
    ok: bool
    status: int | None
    challenge: str
    answer: str
    error: str | None
    elapsed_ms: float
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"event": "handshake", "at": _when(self.at), "url": self.url, "ok": self.ok,
                "status": self.status, "challenge": self.challenge, "answer": self.answer,
                "error": self.error, "elapsed_ms": round(self.elapsed_ms, 1)}  # fmt: skip


@dataclass(frozen=True)
class CustomerAction:
    """The customer's message: ``message_id`` is its wamid, ``reply_to`` the bot message it
    answers (a tap, a location asked for), ``webhook`` the body POSTed to the bot."""

    kind: ActionKind
    message_id: str
    webhook: dict[str, Any]
    at: datetime
    reply_to: str | None = None

    @property
    def message(self) -> dict[str, Any]:
        """The ``messages[0]`` item of the webhook (what the customer's bubble shows)."""
        value = self.webhook["entry"][0]["changes"][0]["value"]
        item: dict[str, Any] = value["messages"][0]
        return item

    def to_json(self) -> dict[str, Any]:
        return {"event": "customer", "at": _when(self.at), "kind": self.kind,
                "message_id": self.message_id, "reply_to": self.reply_to,
                "webhook": self.webhook}  # fmt: skip


@dataclass(frozen=True)
class DeliveryAttempt:
    """One POST of a webhook to the bot. ``webhook_id``: the customer message's wamid, or the
    bot message's for a status; ``retry_in`` seconds until the next attempt (None: no more)."""

    webhook_id: str
    topic: Literal["message", "status"]
    attempt: int
    attempts: int
    status: int | None
    elapsed_ms: float
    error: str | None
    retry_in: float | None
    at: datetime
    body: dict[str, Any]

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def to_json(self) -> dict[str, Any]:
        return {"event": "delivery", "at": _when(self.at), "webhook_id": self.webhook_id,
                "topic": self.topic, "attempt": self.attempt, "attempts": self.attempts,
                "status": self.status, "ok": self.ok, "elapsed_ms": round(self.elapsed_ms, 1),
                "error": self.error, "retry_in": self.retry_in}  # fmt: skip


@dataclass(frozen=True)
class BotMessage:
    """A message the bot POSTed to ``/{pnid}/messages`` and what the sandbox answered.

    ``payload`` is the parsed body (None: not JSON); refused messages have ``rule`` (the
    validation rule id it broke, when a rule did) and ``reason`` (the error's details);
    ``answering`` is the wamid of the customer message it followed."""

    payload: object
    status: int
    response: dict[str, Any]
    wamid: str | None
    rule: str | None
    reason: str | None
    error_code: int | None
    answering: str | None
    at: datetime

    @property
    def accepted(self) -> bool:
        return self.status == 200 and self.wamid is not None

    def to_json(self) -> dict[str, Any]:
        return {"event": "bot_message", "at": _when(self.at), "accepted": self.accepted,
                "status": self.status, "wamid": self.wamid, "rule": self.rule,
                "reason": self.reason, "error_code": self.error_code,
                "answering": self.answering, "payload": self.payload,
                "response": self.response}  # fmt: skip


@dataclass(frozen=True)
class ReadMark:
    """The bot marked ``message_id`` read (``typing``: and showed "typing…"). ``known``: the id
    is one of the customer's messages in this rehearsal; ``accepted``: the sandbox said 200."""

    message_id: str
    typing: bool
    known: bool
    accepted: bool
    response: dict[str, Any]
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"event": "read_mark", "at": _when(self.at), "message_id": self.message_id,
                "typing": self.typing, "known": self.known, "accepted": self.accepted,
                "response": self.response}  # fmt: skip


@dataclass(frozen=True)
class MessageStatus:
    """A status of a bot message (sent, delivered, read, failed), also POSTed to the bot."""

    wamid: str
    status: str
    at: datetime
    webhook: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"event": "status", "at": _when(self.at), "wamid": self.wamid,
                "status": self.status}  # fmt: skip


RehearsalEvent = (
    Handshake | CustomerAction | DeliveryAttempt | BotMessage | ReadMark | MessageStatus
)
