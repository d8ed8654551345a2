"""One error tree for everything that can go wrong talking to the Cloud API.

Raw Graph errors ("(#131009) Parameter value is not valid") are what support agents complain
about, so every code of spec section 11.4 maps, in exactly one table below, to a class with a plain
explanation and the next step. ``error_from_graph`` (synchronous responses) and
``error_from_webhook_error`` (``statuses[].errors[]`` items) are the only ways to build one from a
server answer. Nothing here ever holds the access token.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from composer.graph.field_paths import field_path_for

if TYPE_CHECKING:
    from composer.graph.retry import Attempt


class GraphError(Exception):
    """Base of every error the Graph client raises.

    ``delivery_unknown`` is True when the message may or may not have been delivered (never retry
    automatically); otherwise the request was definitely not accepted.
    """

    family = "error"

    def __init__(
        self,
        title: str,
        explanation: str,
        next_step: str,
        *,
        code: int | None = None,
        details: str | None = None,
        fbtrace_id: str | None = None,
        http_status: int | None = None,
        field_path: str | None = None,
        retryable: bool = False,
        delivery_unknown: bool = False,
        retry_after: float | None = None,
        subcode: int | None = None,
    ) -> None:
        self.code = code
        self.title = title
        self.explanation = explanation
        self.next_step = next_step
        self.details = details
        self.fbtrace_id = fbtrace_id
        self.http_status = http_status
        self.field_path = field_path
        self.retryable = retryable
        self.delivery_unknown = delivery_unknown
        self.retry_after = retry_after
        self.subcode = subcode
        # Filled in by the retry loop: every request made before this error was final.
        self.attempts: tuple[Attempt, ...] = ()
        super().__init__(self.summary())

    def summary(self) -> str:
        head = f"{self.title} (code {self.code})" if self.code is not None else self.title
        return f"{head}: {self.explanation}"

    def describe(self) -> str:
        """Several lines for a person: what happened, why, what to do, and the ids to quote."""
        lines = [self.summary(), f"Next step: {self.next_step}"]
        if self.details:
            lines.append(f"Details from WhatsApp: {self.details}")
        if self.field_path:
            lines.append(f"Field: {self.field_path}")
        if self.fbtrace_id:
            lines.append(f"fbtrace_id: {self.fbtrace_id}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form used by ``send --json`` and the history."""
        return {
            "type": type(self).__name__,
            "code": self.code,
            "title": self.title,
            "explanation": self.explanation,
            "next_step": self.next_step,
            "details": self.details,
            "fbtrace_id": self.fbtrace_id,
            "http_status": self.http_status,
            "field_path": self.field_path,
            "retryable": self.retryable,
            "delivery_unknown": self.delivery_unknown,
        }

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, title={self.title!r})"


# --- Families of server-side errors --------------------------------------------------------------
class AuthenticationError(GraphError):
    """The token is expired, revoked or wrong (0, 190)."""

    family = "authentication"


class GraphPermissionError(GraphError):
    """The token lacks a permission for this account or number (3, 10, 200-299)."""

    family = "permission"


class RateLimitError(GraphError):
    """Too many calls or messages; usually worth retrying after a pause."""

    family = "rate_limit"


class PairRateLimitError(RateLimitError):
    """Too many messages to the same user (131056); back off 4^X seconds."""


class InvalidParameterError(GraphError):
    """A field of the message is missing or not accepted (100, 131008, 131009, 135000)."""

    family = "invalid_parameter"


class RecipientError(GraphError):
    """The recipient cannot get this message (not on WhatsApp, not allowed, opted out, ...)."""

    family = "recipient"


class WindowClosedError(RecipientError):
    """131047: outside the 24-hour customer service window; only templates may be sent."""


class UnsupportedMessageError(GraphError):
    """The message type is not supported (131051) or the receiver can't show it (1026)."""

    family = "unsupported"


class MediaError(GraphError):
    """Media could not be fetched or processed (131052, 131053), or a local file is unfit."""

    family = "media"


class AccountError(GraphError):
    """The business account or number is restricted, locked, unregistered or has billing trouble."""

    family = "account"


class ServerError(GraphError):
    """Meta's side failed (131000, 131016, 2, 131057); transient, retried with backoff."""

    family = "server"


class UnknownGraphError(GraphError):
    """A Graph error code this app has no text for; the raw message is kept."""

    family = "unknown"


# --- Transport-level errors (no Graph body) ------------------------------------------------------
class NetworkError(GraphError):
    """The request could not be sent at all (no connection). Safe to retry."""

    family = "network"


class OutcomeUnknownError(GraphError):
    """The request went out but no answer came back: it may or may not have been delivered."""

    family = "outcome_unknown"


class MalformedResponseError(GraphError):
    """The server answered with something that is not Cloud API JSON."""

    family = "malformed_response"


class ConfigurationError(GraphError):
    """The profile points somewhere unusable (bad URL, TLS failure, wrong endpoint)."""

    family = "configuration"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    cls: type[GraphError]
    title: str
    explanation: str
    next_step: str
    retryable: bool = False


_NEW_CREDENTIAL_STEP = (
    "Generate a new access token (a system-user token does not expire quickly) and store it with "
    "`wa-composer token set PROFILE`."
)
_PERMISSION_STEP = (
    "Give the token the whatsapp_business_messaging and whatsapp_business_management permissions "
    "for this WhatsApp account, then store the new token."
)
_FIELD_STEP = "Fix the field named in the details (see the field path) and send again."
_WAIT_STEP = "Nothing to do: the app retries automatically; if it keeps failing, wait a minute."

# THE table: every code of spec section 11.4. Codes 200-299 are handled in _info_for().
CODES: dict[int, CodeInfo] = {
    0: CodeInfo(
        AuthenticationError,
        "Sign-in expired",
        "The access token could not be authenticated (expired, invalidated or access revoked).",
        _NEW_CREDENTIAL_STEP,
    ),
    190: CodeInfo(
        AuthenticationError,
        "Access token expired",
        "The access token has expired or is no longer valid.",
        _NEW_CREDENTIAL_STEP,
    ),
    3: CodeInfo(
        GraphPermissionError,
        "Missing capability",
        "The token's app lacks the capability or permission this call needs.",
        _PERMISSION_STEP,
    ),
    10: CodeInfo(
        GraphPermissionError,
        "Permission denied",
        "The token lacks permission for this WhatsApp account or number.",
        _PERMISSION_STEP,
    ),
    4: CodeInfo(
        RateLimitError,
        "Too many API calls",
        "The app reached its API call limit.",
        "Wait a while (up to an hour) and try again.",
    ),
    80007: CodeInfo(
        RateLimitError,
        "Account rate limit",
        "The WhatsApp Business Account reached its API call limit.",
        "Wait a while (up to an hour) and try again.",
    ),
    100: CodeInfo(
        InvalidParameterError,
        "Invalid field",
        "The message has an invalid or misspelled field.",
        _FIELD_STEP,
    ),
    131008: CodeInfo(
        InvalidParameterError,
        "Required field missing",
        "A field the message needs is missing.",
        "Add the missing field named in the details and send again.",
    ),
    131009: CodeInfo(
        InvalidParameterError,
        "Field value not accepted",
        "A field value is not accepted (too long, wrong format, or a reaction to a message that "
        "is too old, unknown or deleted).",
        _FIELD_STEP,
    ),
    135000: CodeInfo(
        InvalidParameterError,
        "Generic user error",
        "WhatsApp rejected the message without a specific reason.",
        "Check the message against the validator and the details, then try again.",
    ),
    130429: CodeInfo(
        RateLimitError,
        "Sending too fast",
        "The number reached its message throughput (80 messages per second by default).",
        _WAIT_STEP,
        retryable=True,
    ),
    131056: CodeInfo(
        PairRateLimitError,
        "Too many messages to this contact",
        "Too many messages were sent to the same contact in a short time.",
        "Wait a moment before messaging this contact again (the app backs off 1, 4, 16 s).",
        retryable=True,
    ),
    131048: CodeInfo(
        AccountError,
        "Restricted for low quality",
        "Sending is restricted because too many recent messages were blocked or flagged as spam.",
        "Check the quality rating in WhatsApp Manager and send fewer unsolicited messages.",
    ),
    131026: CodeInfo(
        RecipientError,
        "Not a WhatsApp number",
        "This number can't receive WhatsApp messages (not on WhatsApp, terms not accepted, or an "
        "outdated app).",
        "Check the number (with + and country code) or reach the customer another way.",
    ),
    131047: CodeInfo(
        WindowClosedError,
        "24-hour window closed",
        "More than 24 hours have passed since the customer last wrote, so only approved templates "
        "can be sent.",
        "Send an approved template message instead; free-form messages work again once the "
        "customer replies.",
    ),
    131030: CodeInfo(
        RecipientError,
        "Recipient not on the allowed list",
        "This is a test number, and test numbers may only message the recipients on their "
        "allowed list.",
        "Add this recipient to the allowed list in the App Dashboard (WhatsApp > API Setup), "
        "then send again.",
    ),
    131051: CodeInfo(
        UnsupportedMessageError,
        "Unsupported message type",
        "This message type isn't supported.",
        "Use another message type (see the composer's type list).",
    ),
    1026: CodeInfo(
        UnsupportedMessageError,
        "Receiver incapable",
        "The customer's WhatsApp can't display this message type (for example an address "
        "message outside India).",
        "Send a simpler message type to this customer.",
    ),
    131052: CodeInfo(
        MediaError,
        "Media download failed",
        "WhatsApp could not download the attached media.",
        "Check that the media link is public and the file type and size are supported.",
    ),
    131053: CodeInfo(
        MediaError,
        "Media upload failed",
        "The attached media could not be processed (often the MIME type doesn't match the file).",
        "Upload the file again with the correct type, within the size limits.",
    ),
    131049: CodeInfo(
        AccountError,
        "Not delivered (WhatsApp limit)",
        "WhatsApp chose not to deliver this message to keep the ecosystem healthy.",
        "Wait at least 24 hours before sending this customer another marketing message.",
    ),
    131050: CodeInfo(
        RecipientError,
        "Customer opted out",
        "The customer stopped marketing messages from this business.",
        "Don't send marketing messages to this customer.",
    ),
    131021: CodeInfo(
        RecipientError,
        "Recipient is the sender",
        "You can't message your own business number.",
        "Send to a customer's number instead.",
    ),
    131031: CodeInfo(
        AccountError,
        "Account locked",
        "The WhatsApp Business Account is locked (policy or security).",
        "Check Business Support Home / WhatsApp Manager and request a review.",
    ),
    368: CodeInfo(
        AccountError,
        "Temporarily blocked",
        "The account is temporarily restricted for policy violations.",
        "Check WhatsApp Manager for the violation and wait for the restriction to end.",
    ),
    130497: CodeInfo(
        AccountError,
        "Country restricted",
        "This business is restricted from messaging users in that country.",
        "Check the business's messaging restrictions in WhatsApp Manager.",
    ),
    131042: CodeInfo(
        AccountError,
        "Billing problem",
        "There is a payment or eligibility problem on the WhatsApp Business Account.",
        "Fix the payment method in Business Settings > Billing.",
    ),
    131000: CodeInfo(
        ServerError,
        "Something went wrong",
        "WhatsApp hit an unknown error.",
        _WAIT_STEP,
        retryable=True,
    ),
    131016: CodeInfo(
        ServerError,
        "Service unavailable",
        "WhatsApp is temporarily unavailable.",
        _WAIT_STEP,
        retryable=True,
    ),
    2: CodeInfo(
        ServerError,
        "Temporary downtime",
        "The API is temporarily down or overloaded.",
        _WAIT_STEP,
        retryable=True,
    ),
    131057: CodeInfo(
        ServerError,
        "Account in maintenance",
        "The business account is in maintenance (for example a throughput upgrade, up to a "
        "minute).",
        _WAIT_STEP,
        retryable=True,
    ),
    133010: CodeInfo(
        AccountError,
        "Number not registered",
        "The sending phone number is not registered with the Cloud API.",
        "Register the number (POST /{phone-number-id}/register) in WhatsApp Manager, then retry.",
    ),
}

_PERMISSION_RANGE = CodeInfo(
    GraphPermissionError,
    "Permission not granted",
    "The permission this call needs was not granted or was removed.",
    _PERMISSION_STEP,
)


def _info_for(code: int | None) -> CodeInfo | None:
    if code is None:
        return None
    if code in CODES:
        return CODES[code]
    if 200 <= code <= 299:
        return _PERMISSION_RANGE
    return None


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
    info = _info_for(code)
    transient = err.get("is_transient") is True
    if info is None:
        raw = _as_str(err.get("title")) or message or "Unknown error"
        info = CodeInfo(
            ServerError if transient else UnknownGraphError,
            raw,
            f"WhatsApp returned an error this app doesn't know: {message or raw}.",
            _WAIT_STEP if transient else "Check the details and Meta's error-code page.",
        )
        details = details or (message if message != raw else None)
    is_field = info.cls is InvalidParameterError
    path = field_path_for(details or message, payload) if is_field else None
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
