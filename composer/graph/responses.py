"""How one HTTP exchange with the Cloud API turns into a result or a GraphError.

Kept apart from the client so that the rules that decide "retry or not" are in one place: a
connection that failed before anything went out is safe to retry; a POST whose answer never came
is an OutcomeUnknownError and is never retried (no double sends); 429 always means "not
processed"; an answer that is not Cloud API JSON is a MalformedResponseError.
"""

from __future__ import annotations

import email.utils
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from composer.graph.errors import (
    ConfigurationError,
    GraphError,
    NetworkError,
    OutcomeUnknownError,
    RateLimitError,
    error_from_graph,
    malformed_response,
)
from composer.graph.retry import Attempt


@dataclass(frozen=True, slots=True)
class SendResult:
    """An accepted send. ``wamid`` identifies the message in later status webhooks."""

    wamid: str
    wa_id: str | None
    input: str | None
    attempts: tuple[Attempt, ...]
    message_status: str | None = None


def parse_response(response: httpx.Response, payload: Mapping[str, Any] | None) -> dict[str, Any]:
    status = response.status_code
    try:
        body: object = response.json()
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: 10,000-deep JSON
        body = None
    if 200 <= status < 300:
        if not isinstance(body, dict):
            raise malformed_response(status, "the body is not a JSON object")
        return body
    retry_after = _retry_after(response.headers.get("Retry-After"))
    error: GraphError
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = error_from_graph(body, status, payload)
    elif status == 429:
        # 429 means "not processed": safe to retry even without a Graph body.
        error = RateLimitError(
            "Too many requests",
            "The server asked to slow down (HTTP 429).",
            "Nothing to do: the app retries automatically after the pause the server asked for.",
            http_status=status,
            retryable=True,
        )
    else:
        error = malformed_response(status, "no Graph error object in the body")
    error.retry_after = retry_after
    if status == 429 and not error.delivery_unknown:
        error.retryable = True
    raise error


def scrubbed(error: GraphError, token: str) -> GraphError:
    """A server that echoes the token back must not get it into our messages."""
    for name in ("title", "explanation", "next_step", "details", "fbtrace_id"):
        value = getattr(error, name)
        if isinstance(value, str) and token in value:
            setattr(error, name, value.replace(token, "***"))
    error.args = (error.summary(),)
    return error


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def transport_error(exc: httpx.TransportError, idempotent: bool) -> GraphError:
    """Sort transport failures into "never sent" (retry-safe) and "outcome unknown"."""
    if _tls_failure(exc):
        return ConfigurationError(
            "Secure connection failed",
            "The server's TLS certificate could not be verified, so nothing was sent.",
            "Check the profile's base URL, the system clock and the CA certificates.",
        )
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return NetworkError(
            "No connection",
            f"Could not connect to the server ({type(exc).__name__}); nothing was sent.",
            "Check the network connection and the profile's base URL; the app retries briefly.",
            retryable=True,
        )
    if isinstance(exc, httpx.UnsupportedProtocol):
        return ConfigurationError(
            "Bad address",
            "The profile's base URL uses an unsupported protocol.",
            "Use an https:// base URL.",
        )
    if idempotent:
        return NetworkError(
            "Connection problem",
            f"The connection failed before an answer arrived ({type(exc).__name__}).",
            "Check the network connection and try again.",
            retryable=True,
        )
    what = "timed out" if isinstance(exc, httpx.TimeoutException) else "was dropped"
    return OutcomeUnknownError(
        "Outcome unknown",
        f"The request was sent but the connection {what} before WhatsApp answered, so the "
        "message may or may not have been delivered.",
        "Check the customer's chat or the status webhooks before sending again; it was not "
        "retried automatically to avoid a double send.",
        delivery_unknown=True,
    )


def _tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def send_result(data: dict[str, Any], attempts: tuple[Attempt, ...]) -> SendResult:
    messages, contacts = data.get("messages"), data.get("contacts")
    first = messages[0] if isinstance(messages, list) and messages else None
    wamid = first.get("id") if isinstance(first, dict) else None
    if not isinstance(wamid, str) or not wamid:
        error = malformed_response(200, "the answer has no messages[0].id (wamid)")
        error.attempts = attempts
        raise error
    contact = contacts[0] if isinstance(contacts, list) and contacts else {}
    contact = contact if isinstance(contact, dict) else {}
    wa_id, given = contact.get("wa_id"), contact.get("input")
    status = first.get("message_status") if isinstance(first, dict) else None
    return SendResult(
        wamid,
        wa_id if isinstance(wa_id, str) else None,
        given if isinstance(given, str) else None,
        attempts,
        status if isinstance(status, str) else None,
    )
