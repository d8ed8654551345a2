"""The WhatsApp Cloud API client: send a message, upload media, test the connection.

Every failure comes out as a composer.graph.errors.GraphError, already mapped to plain words.
The transport is injectable (the in-process sandbox, or a real loopback server in tests); TLS
verification is always on for the default transport. The token lives only in the HTTP client's
default headers and is never logged, repr'd or put in an error.
"""

from __future__ import annotations

import email.utils
import json
import logging
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from composer import limits
from composer.accounts import Profile
from composer.credentials import SecretStr
from composer.graph.errors import (
    ConfigurationError,
    GraphError,
    InvalidParameterError,
    MediaError,
    NetworkError,
    OutcomeUnknownError,
    RateLimitError,
    error_from_graph,
    malformed_response,
)
from composer.graph.retry import Attempt, RetryPolicy, run_with_retries

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=5.0)
PHONE_FIELDS = "display_phone_number,verified_name,quality_rating"


@dataclass(frozen=True, slots=True)
class SendResult:
    """An accepted send. ``wamid`` identifies the message in later status webhooks."""

    wamid: str
    wa_id: str | None
    input: str | None
    attempts: tuple[Attempt, ...]
    message_status: str | None = None


@dataclass(frozen=True, slots=True)
class PhoneNumberInfo:
    display_phone_number: str
    verified_name: str
    quality_rating: str | None


class GraphClient:
    """One profile's connection to the Cloud API (or to anything that answers like it)."""

    def __init__(
        self,
        profile: Profile,
        token: str,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        sleep: Callable[[float], None] = time.sleep,
        retry_policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not isinstance(token, str) or not token.strip():
            raise ConfigurationError(
                "No access token",
                f"There is no access token for profile {profile.name!r}.",
                f"Store one with `wa-composer token set {profile.name}`.",
            )
        if any(ord(c) < 33 or ord(c) > 126 for c in token.strip()):
            raise ConfigurationError(
                "Unusable access token",
                "The access token contains spaces, line breaks or non-ASCII characters.",
                f"Copy the token again and store it with `wa-composer token set {profile.name}`.",
            )
        self.profile = profile
        self._token = SecretStr(token.strip())
        self._sleep = sleep
        self._clock = clock
        self._policy = retry_policy or RetryPolicy()
        self._http = httpx.Client(
            base_url=profile.base_url,
            transport=transport,
            timeout=timeout or DEFAULT_TIMEOUT,
            verify=True,
            follow_redirects=False,
            headers={"Authorization": f"Bearer {self._token.get_secret_value()}"},
        )

    def __repr__(self) -> str:
        return f"GraphClient(profile={self.profile.name!r}, base_url={self.profile.base_url!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> GraphClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- public calls --------------------------------------------------------------------------
    def send_message(
        self,
        payload: Mapping[str, Any],
        on_attempt: Callable[[Attempt], None] | None = None,
    ) -> SendResult:
        """POST /{version}/{phone-number-id}/messages. Never sends twice by accident."""
        try:
            body = json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise InvalidParameterError(
                "Payload is not JSON",
                f"The message can't be encoded as JSON ({exc}).",
                "Fix the payload; it must contain only JSON values.",
            ) from None
        path = f"/{self.profile.api_version}/{self.profile.phone_number_id}/messages"

        def call() -> dict[str, Any]:
            return self._request(
                "POST",
                path,
                content=body,
                headers={"Content-Type": "application/json"},
                payload=payload,
            )

        data, attempts = run_with_retries(
            call, self._policy, sleep=self._sleep, clock=self._clock, on_attempt=on_attempt
        )
        return _send_result(data, attempts)

    def upload_media(self, path: Path, mime: str) -> str:
        """POST /{version}/{phone-number-id}/media; checks type and size first. Returns the id."""
        kind = next((k for k in limits.MEDIA_KINDS.values() if mime in k.mime_types), None)
        if kind is None:
            allowed = ", ".join(t for k in limits.MEDIA_KINDS.values() for t in k.mime_types)
            raise MediaError(
                "Unsupported media type",
                f"{path.name}: {mime!r} is not a type WhatsApp accepts.",
                f"Use one of: {allowed}.",
            )
        try:
            size = path.stat().st_size
            handle = path.open("rb")
        except OSError as exc:
            raise MediaError(
                "File not readable",
                f"{path}: {exc.strerror or exc}.",
                "Check the file name and permissions.",
            ) from None
        with handle:
            if size > kind.max_bytes:
                raise MediaError(
                    "File too large",
                    f"{path.name} is {_size(size)}; WhatsApp accepts {kind.name} files up to "
                    f"{_size(kind.max_bytes)}.",
                    f"Make the file smaller than {_size(kind.max_bytes)}.",
                )
            url = f"/{self.profile.api_version}/{self.profile.phone_number_id}/media"

            def call() -> dict[str, Any]:
                handle.seek(0)
                return self._request(
                    "POST",
                    url,
                    data={"messaging_product": "whatsapp", "type": mime},
                    files={"file": (path.name, handle, mime)},
                )

            data, _ = run_with_retries(call, self._policy, sleep=self._sleep, clock=self._clock)
        media_id = data.get("id")
        if not isinstance(media_id, str) or not media_id:
            raise malformed_response(200, "the upload answer has no media 'id'")
        return media_id

    def phone_number_info(self) -> PhoneNumberInfo:
        """GET /{version}/{phone-number-id}: the "test connection" call."""
        url = f"/{self.profile.api_version}/{self.profile.phone_number_id}"

        def call() -> dict[str, Any]:
            return self._request("GET", url, params={"fields": PHONE_FIELDS}, idempotent=True)

        data, _ = run_with_retries(call, self._policy, sleep=self._sleep, clock=self._clock)
        display, name = data.get("display_phone_number"), data.get("verified_name")
        if not isinstance(display, str) or not isinstance(name, str):
            raise malformed_response(200, "the phone number answer lacks its fields")
        quality = data.get("quality_rating")
        return PhoneNumberInfo(display, name, quality if isinstance(quality, str) else None)

    # --- one HTTP exchange -----------------------------------------------------------------------
    def _request(
        self,
        method: str,
        url: str,
        *,
        idempotent: bool = False,
        payload: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            raise _transport_error(exc, idempotent) from None
        except httpx.InvalidURL as exc:
            raise ConfigurationError(
                "Bad address",
                f"The request URL is invalid ({exc}).",
                "Check the profile's base URL and phone-number id.",
            ) from None
        log.debug("%s %s -> HTTP %s", method, url, response.status_code)
        try:
            return _parse(response, payload)
        except GraphError as error:
            raise _scrubbed(error, self._token.get_secret_value()) from None


def _parse(response: httpx.Response, payload: Mapping[str, Any] | None) -> dict[str, Any]:
    status = response.status_code
    try:
        body: object = response.json()
    except (ValueError, UnicodeDecodeError):
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


def _scrubbed(error: GraphError, token: str) -> GraphError:
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


def _transport_error(exc: httpx.TransportError, idempotent: bool) -> GraphError:
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


def _send_result(data: dict[str, Any], attempts: tuple[Attempt, ...]) -> SendResult:
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


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    return f"{n / 1024:g} KB"
