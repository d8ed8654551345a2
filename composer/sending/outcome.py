"""What one send came to, and what each attempt of it looked like while it ran.

One value for both faces: ``wa-composer send`` prints it as text or JSON, the window's send bar
shows ``text`` and focuses ``field_path``. Kept free of httpx so the window can name it early.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.graph.error_types import GraphError
    from composer.graph.responses import SendResult
    from composer.graph.retry import Attempt

ACCEPTED, FAILED, UNKNOWN, NOT_SENT = "accepted", "failed", "unknown", "not sent"


@dataclass(frozen=True, slots=True)
class AttemptReport:
    """One request of a send as it happens: attempt ``attempt.number`` of at most ``total``."""

    attempt: Attempt
    total: int

    def describe(self) -> str:
        """The CLI's line (``attempt 1: ... - retrying in 4 s``), unchanged since 1.0."""
        return self.attempt.describe()

    def status_text(self) -> str:
        """The send bar's line while it runs, e.g. "...: retrying in 4 s, attempt 2 of 4"."""
        a = self.attempt
        if a.ok:
            return f"Accepted on attempt {a.number} of {self.total}."
        reason = a.error.summary() if a.error is not None else "failed"
        if a.will_retry and a.delay is not None:
            return f"{reason}: retrying in {a.delay:g} s, attempt {a.number + 1} of {self.total}"
        return f"{reason} (attempt {a.number} of {self.total})"


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """The end of one send. ``outcome`` is accepted, failed, unknown or "not sent"."""

    outcome: str
    profile: str
    sandbox: bool
    recipient: str
    payload: dict[str, Any] = field(default_factory=dict)  # as sent: media ids, not local files
    result: SendResult | None = None
    error: GraphError | None = None
    refusal: tuple[str, str] | None = None  # (title, text) when nothing was tried
    history_id: int | None = None
    history_problem: str | None = None  # why the history row could not be written
    window_closed: bool = False  # a 131047 marked the recipient's window closed

    @property
    def ok(self) -> bool:
        return self.outcome == ACCEPTED

    @property
    def wamid(self) -> str | None:
        return self.result.wamid if self.result is not None else None

    @property
    def wa_id(self) -> str | None:
        return self.result.wa_id if self.result is not None else None

    @property
    def attempts(self) -> int:
        """Requests made for the message itself (retries included; a media upload not)."""
        if self.result is not None:
            return len(self.result.attempts)
        return len(self.error.attempts) if self.error is not None else 0

    @property
    def title(self) -> str:
        if self.refusal is not None:
            return self.refusal[0]
        return self.error.title if self.error is not None else "Accepted"

    @property
    def text(self) -> str:
        """What the send bar shows: the wamid, or the mapped error in full."""
        if self.refusal is not None:
            return self.refusal[1]
        if self.error is not None:
            return self.error.describe()
        return f"Accepted by WhatsApp: {self.wamid}"

    @property
    def field_path(self) -> str | None:
        return self.error.field_path if self.error is not None else None


def refused(
    title: str, text: str, *, profile: str = "", recipient: str = "", sandbox: bool = False
) -> SendOutcome:
    """Nothing was sent (no token, a crash before the request): say so in the outcome's words."""
    return SendOutcome(NOT_SENT, profile, sandbox, recipient, refusal=(title, text))
