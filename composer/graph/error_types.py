"""The error classes of the Graph client: one base, one class per family users care about.

``composer.graph.errors`` re-exports them with the mapping functions; import from there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


class TemplateError(InvalidParameterError):
    """The template send does not match the account's template (132000-132018): unknown name or
    language, paused or disabled, wrong variables. The details name the component."""

    family = "template"


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
