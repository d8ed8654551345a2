"""Mark as read and the typing indicator: ``POST /{pnid}/messages`` with a status, not a message.

Meta's request (docs/spec/rehearsal.md): ``{"messaging_product": "whatsapp", "status": "read",
"message_id": "<wamid of a received message>"}``, optionally with
``"typing_indicator": {"type": "text"}`` (shown until the business replies or 25 seconds pass);
the answer is ``{"success": true}``. The sandbox checks the shape only: it does not know which
wamids the customer sent unless told (a rehearsal reports whether the id is one of them).
"""

from __future__ import annotations

from typing import Any, Final, TypeGuard

from composer.sandbox.meta_errors import graph_error
from composer.sandbox.wire import SandboxResponse, reply_for

__all__ = ["TYPING_SECONDS", "answer_read_mark", "is_read_mark"]

TYPING_SECONDS: Final = 25  # the indicator is dismissed after this, or at the next reply
_KEYS: Final = {"messaging_product", "status", "message_id", "typing_indicator"}


def is_read_mark(payload: object) -> TypeGuard[dict[str, Any]]:
    """True for a status request (it has ``status`` and no message ``type``)."""
    return isinstance(payload, dict) and "status" in payload and "type" not in payload


def answer_read_mark(payload: dict[str, Any]) -> SandboxResponse:
    """``{"success": true}``, or the Graph error naming the first wrong parameter."""
    problem = _problem(payload)
    if problem is not None:
        code, details = problem
        return reply_for(graph_error(code, details))
    return SandboxResponse(200, {"success": True})


def _problem(payload: dict[str, Any]) -> tuple[int, str] | None:
    unknown = sorted(set(payload) - _KEYS)
    if unknown:
        return 100, f"Param {unknown[0]} is not a valid parameter."
    if payload.get("messaging_product") != "whatsapp":
        return 100, "Param messaging_product must be 'whatsapp'."
    if payload.get("status") != "read":
        return 100, "Param status must be 'read'."
    message_id = payload.get("message_id")
    if "message_id" not in payload:
        return 131008, "The parameter message_id is required."
    if not isinstance(message_id, str) or not message_id.strip():
        return 100, "Param message_id must be a non-empty string."
    typing = payload.get("typing_indicator")
    if "typing_indicator" in payload and typing != {"type": "text"}:
        return 100, "Param typing_indicator['type'] must be 'text'."
    return None
