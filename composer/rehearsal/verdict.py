"""The sandbox's verdict on one request of the bot, as a rehearsal event.

A refused message names the rule it broke: the first blocking issue of the same validator the
sandbox ran (``composer.validation.check.validate_payload``), when the refusal came from a rule;
a runtime refusal (closed window, rate limit) has only the Graph error code and its details.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from composer.rehearsal.events import BotMessage, ReadMark
from composer.sandbox.wire import SandboxResponse
from composer.validation.check import validate_payload

__all__ = ["bot_message", "read_mark"]


def bot_message(
    payload: object, answer: SandboxResponse, answering: str | None, at: datetime
) -> BotMessage:
    wamid = None
    messages = answer.body.get("messages") if answer.status == 200 else None
    if isinstance(messages, list) and messages and isinstance(messages[0], dict):
        wamid = messages[0].get("id")
    rule = reason = code = None
    if wamid is None:
        code, reason = _error(answer.body)
        blocking = [i for i in validate_payload(payload) if i.is_error] if payload else []
        rule = blocking[0].rule if blocking else None
        if blocking and reason is None:
            reason = blocking[0].message
    return BotMessage(payload, answer.status, answer.body, wamid, rule, reason, code,
                      answering, at)  # fmt: skip


def read_mark(
    payload: dict[str, Any], answer: SandboxResponse, known: set[str], at: datetime
) -> ReadMark:
    message_id = payload.get("message_id")
    target = message_id if isinstance(message_id, str) else ""
    typing = "typing_indicator" in payload
    return ReadMark(target, typing, target in known, answer.status == 200, answer.body, at)


def _error(body: dict[str, Any]) -> tuple[int | None, str | None]:
    error = body.get("error")
    if not isinstance(error, dict):
        return None, None
    data = error.get("error_data")
    details = data.get("details") if isinstance(data, dict) else None
    code = error.get("code")
    text = details if isinstance(details, str) else error.get("message")
    return (code if isinstance(code, int) else None), (text if isinstance(text, str) else None)
