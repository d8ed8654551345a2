"""One error tree for everything that can go wrong talking to the Cloud API.

Raw Graph errors ("(#131009) Parameter value is not valid") are what support agents complain
about, so every code of spec section 11.4 maps, in exactly one table (composer.graph.codes), to
a class with a plain explanation and the next step. ``error_from_graph`` (synchronous responses) and
``error_from_webhook_error`` (``statuses[].errors[]`` items) are the only ways to build one from a
server answer. Nothing here ever holds the access token.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from composer.graph.codes import CODES, WAIT_STEP, CodeInfo, info_for
from composer.graph.error_types import (
    AccountError,
    AuthenticationError,
    ConfigurationError,
    GraphError,
    GraphPermissionError,
    InvalidParameterError,
    MalformedResponseError,
    MediaError,
    NetworkError,
    OutcomeUnknownError,
    PairRateLimitError,
    RateLimitError,
    RecipientError,
    ServerError,
    TemplateError,
    UnknownGraphError,
    UnsupportedMessageError,
    WindowClosedError,
)
from composer.graph.field_paths import field_path_for

__all__ = [
    "CODES",
    "AccountError",
    "AuthenticationError",
    "CodeInfo",
    "ConfigurationError",
    "GraphError",
    "GraphPermissionError",
    "InvalidParameterError",
    "MalformedResponseError",
    "MediaError",
    "NetworkError",
    "OutcomeUnknownError",
    "PairRateLimitError",
    "RateLimitError",
    "RecipientError",
    "ServerError",
    "TemplateError",
    "UnknownGraphError",
    "UnsupportedMessageError",
    "WindowClosedError",
    "error_from_graph",
    "error_from_webhook_error",
    "malformed_response",
]


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _build(
    err: Mapping[str, Any],
    http_status: int | None,
    payload: Mapping[str, Any] | None,
) -> GraphError:
    code = _as_int(err.get("code"))
    data = err.get("error_data")
    details = _as_str(data.get("details")) if isinstance(data, Mapping) else None
    details = details or _as_str(err.get("error_user_msg"))
    message = _as_str(err.get("message"))
    info = info_for(code)
    transient = err.get("is_transient") is True
    if info is None:
        raw = _as_str(err.get("title")) or message or "Unknown error"
        info = CodeInfo(
            ServerError if transient else UnknownGraphError,
            raw,
            f"WhatsApp returned an error this app doesn't know: {message or raw}.",
            WAIT_STEP if transient else "Check the details and Meta's error-code page.",
        )
        details = details or (message if message != raw else None)
    is_field = issubclass(info.cls, InvalidParameterError)
    path = field_path_for(details or message, payload, code) if is_field else None
    return info.cls(
        info.title,
        info.explanation,
        info.next_step,
        code=code,
        details=details,
        fbtrace_id=_as_str(err.get("fbtrace_id")),
        http_status=http_status,
        field_path=path,
        retryable=info.retryable or transient,
        subcode=_as_int(err.get("error_subcode")),
    )


def error_from_graph(
    body: object,
    http_status: int | None,
    payload: Mapping[str, Any] | None = None,
) -> GraphError:
    """Map a synchronous Graph error body (``{"error": {...}}``) to its class.

    ``payload`` (the JSON that was sent) lets a field-naming detail point at the exact path.
    A body that is not a Graph error becomes a MalformedResponseError.
    """
    err = body.get("error") if isinstance(body, Mapping) else None
    if not isinstance(err, Mapping):
        return malformed_response(http_status, "the error body has no 'error' object")
    return _build(err, http_status, payload)


def error_from_webhook_error(item: object, payload: Mapping[str, Any] | None = None) -> GraphError:
    """Map one webhook error item (``statuses[].errors[]``: code, title, message, error_data)."""
    if not isinstance(item, Mapping):
        return malformed_response(None, "the webhook error item is not an object")
    return _build(item, None, payload)


def malformed_response(http_status: int | None, why: str) -> MalformedResponseError:
    """A non-Graph answer. After a 2xx or 5xx to a send, delivery is unknown (the request may have
    been processed); after a 3xx/4xx it was not processed."""
    unknown = http_status is None or 200 <= http_status < 300 or http_status >= 500
    explanation = f"The server's answer (HTTP {http_status}) was not Cloud API JSON: {why}."
    if unknown:
        explanation += " The message may or may not have been delivered."
    step = (
        "Check the customer's chat or the status webhooks before sending again."
        if unknown
        else "Check the profile's base URL and API version."
    )
    return MalformedResponseError(
        "Unreadable answer",
        explanation,
        step,
        http_status=http_status,
        delivery_unknown=unknown,
    )
