"""Meta-shaped error bodies, and the mapping from validator issues to Graph error codes.

The sandbox must fail the way the Cloud API fails, so that the app's one error mapping is
exercised for real: same ``{"error": {message, type, code, error_data.details, fbtrace_id}}``
shape, same codes, same HTTP statuses (spec 11.3, 11.4, reference-shapes.json).

How a validation issue becomes a code (the real API is not documented rule by rule):
* the field is absent from the payload -> 131008 "The parameter <path> is required.";
* the field is there but ``null`` -> 100 "Param <path> must be a string" (Meta's type error; an
  optional field sent as null, like pywa's FlowButton ``flow_token: null``, is not "missing");
* a text over its maximum length -> 100 "Param <path> must be at most N characters long.";
* a reply-button title outside 1-20 -> 131009 with the exact real details
  "Button title length invalid. Min length: 1, Max length: 20";
* a wrong shape or type that the models reject -> 100;
* every other broken rule (counts, uniqueness, header type, emoji, ...) -> 131009.
Details name the field in Meta's bracket notation (``interactive['action']['buttons'][0]``),
which is what real details use and what ``composer.graph.field_paths`` reads back into the
validator's JSON path; the button-title case mirrors Meta's wording word for word.
"""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass
from typing import Any, Final, Protocol

from composer import limits

_TRACE_ALPHABET: Final = string.ascii_letters + string.digits + "-_"

TITLES: Final = {
    100: "Invalid parameter",
    190: "Invalid OAuth access token - Cannot parse access token",
    131008: "Required parameter is missing",
    131009: "Parameter value is not valid",
    131026: "Message Undeliverable",
    131047: "Re-engagement message",
    130429: "Rate limit hit",
    131053: "Media upload error",
    131056: "(Business Account, Consumer Account) pair rate limit hit",
    131050: "User is not receiving marketing messages",
}
DETAILS: Final = {
    131026: "Unable to deliver message. Reasons can include: the recipient phone number is not a "
    "WhatsApp phone number; the recipient has not accepted WhatsApp's new Terms of Service and "
    "Privacy Policy; the recipient is using an old WhatsApp version.",
    131047: "Message failed to send because more than 24 hours have passed since the customer "
    "last replied to this number.",
    130429: "Cloud API message throughput has been reached.",
    131050: "The recipient stopped marketing messages from this business.",
    131056: "Message failed to send because there were too many messages sent from this phone "
    "number to the same phone number in a short period of time.",
}
SUBCODES: Final = {130429: 2494055}
AUTHENTICATION_TO_BSUID: Final = (
    "Authentication templates cannot be sent to a business-scoped user ID; send them to the "
    "user's phone number ('to')."
)
BUTTON_TITLE_DETAILS: Final = (
    f"Button title length invalid. Min length: {limits.BUTTON_TITLE.minimum}, "
    f"Max length: {limits.BUTTON_TITLE.maximum}"
)
_SHAPE_PREFIXES: Final = ("shape", "payload", "schema", "type", "model")


class IssueLike(Protocol):
    """What the sandbox reads from composer.validation.check.Issue."""

    @property
    def rule(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def is_error(self) -> bool: ...


@dataclass(frozen=True)
class ErrorReply:
    """An HTTP status with its Meta-shaped JSON body."""

    status: int
    body: dict[str, Any]

    @property
    def code(self) -> int:
        return int(self.body["error"]["code"])


def fbtrace_id() -> str:
    return "A" + "".join(secrets.choice(_TRACE_ALPHABET) for _ in range(22))


def graph_error(
    code: int,
    details: str | None = None,
    *,
    status: int = 400,
    message: str | None = None,
    error_type: str = "OAuthException",
    subcode: int | None = None,
) -> ErrorReply:
    """Build ``{"error": {...}}`` as Graph does: message "(#code) title", details in error_data."""
    error: dict[str, Any] = {
        "message": message or f"(#{code}) {TITLES.get(code, 'Error')}",
        "type": error_type,
        "code": code,
    }
    text = details if details is not None else DETAILS.get(code)
    if text is not None:
        error["error_data"] = {"messaging_product": "whatsapp", "details": text}
    sub = subcode if subcode is not None else SUBCODES.get(code)
    if sub is not None:
        error["error_subcode"] = sub
    error["fbtrace_id"] = fbtrace_id()
    return ErrorReply(status, {"error": error})


def webhook_error(code: int) -> dict[str, Any]:
    """An ``errors[]`` item of a failed status webhook (spec 13.4)."""
    title = TITLES.get(code, "Error")
    return {
        "code": code,
        "title": title,
        "message": title,
        "error_data": {"details": DETAILS.get(code, title)},
        "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    }


_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_MISSING: Final = object()


def value_at(data: object, path: str) -> object:
    """The value at a JSON path like ``interactive.action.buttons[0].reply.title``, or _MISSING."""
    node = data
    for match in _TOKEN.finditer(path.removeprefix("$").lstrip(".")):
        key, index = match.group(1), match.group(2)
        if key is not None and isinstance(node, dict) and key in node:
            node = node[key]
        elif index is not None and isinstance(node, list) and int(index) < len(node):
            node = node[int(index)]
        else:
            return _MISSING
    return node


def meta_param(path: str) -> str:
    """``interactive.action.buttons[0]`` -> ``interactive['action']['buttons'][0]``."""
    out = ""
    for match in _TOKEN.finditer(path.removeprefix("$").lstrip(".")):
        key, index = match.group(1), match.group(2)
        if index is not None:
            out += f"[{index}]"
        elif not out:
            out = key
        else:
            out += f"['{key}']"
    return out or "payload"


def _limit_for(rule: str, length: int) -> limits.Limit | None:
    """The limit this length broke: among limits sharing a rule id, the largest one exceeded."""
    broken = [lim for lim in limits.ALL_LIMITS if lim.rule == rule and lim.is_over(length)]
    return max(broken, key=lambda lim: lim.maximum) if broken else None


_META_TYPES: Final = (
    ("must be text", "a string"),
    ("must be a JSON object", "an object"),
    ("must be a list", "an array"),
    ("must be a whole number", "an integer"),
    ("must be true or false", "a boolean"),
)


def _meta_type(message: str) -> str:
    """The JSON type a validator message asks for, in Meta's words ("a string")."""
    return next((meta for ours, meta in _META_TYPES if ours in message), "a string")


def error_for_issue(issue: IssueLike, payload: object) -> ErrorReply:
    """Turn the first blocking validation issue into the error the Cloud API would answer."""
    path = meta_param(issue.path)
    value = value_at(payload, issue.path) if issue.path else payload
    if value is _MISSING:
        return graph_error(131008, f"The parameter {path} is required.")
    if value is None:  # present but null: Meta's type error, not "required" (an optional field)
        return graph_error(100, f"Param {path} must be {_meta_type(issue.message)}")
    if issue.rule == limits.BUTTON_TITLE.rule:
        return graph_error(131009, BUTTON_TITLE_DETAILS)
    if isinstance(value, str) and issue.rule.endswith("_len"):
        limit = _limit_for(issue.rule, limits.char_count(value))
        if limit is not None:
            return graph_error(
                100, f"Param {path} must be at most {limit.maximum} characters long."
            )
        return graph_error(131009, f"Param {path} is not valid: {issue.message}")
    if issue.rule.split(".", 1)[0] in _SHAPE_PREFIXES:
        return graph_error(100, f"Param {path} is not valid: {issue.message}")
    return graph_error(131009, f"Param {path} is not valid: {issue.message}")
