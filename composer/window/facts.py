"""The 24-hour customer-service window, computed from facts with an injected clock.

Free-form messages (interactive, text, reactions) are accepted only within 24 h of the customer's
last inbound message (spec 11.1). The app cannot ask WhatsApp when that was, so it keeps the
newest inbound time it has heard of and says where it came from (webhook, manual entry, pasted
webhook JSON, sandbox). The API is the authority: a 131047 (synchronous 400 or a later failed
status) closes the window whatever the local clock says, until a newer inbound message arrives.

Everything here is pure: ``window_status`` turns facts plus "now" into a ``WindowStatus``;
``composer.window.texts`` turns that into the sentences the UI and the CLI display verbatim.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from composer import limits

# UI thresholds (not WhatsApp limits): red below this, and a send warning when the window
# closes within this many seconds of pressing Send.
URGENT_SECONDS = 600
SEND_WARNING_SECONDS = 300

RE_ENGAGEMENT_CODE = 131047


class WindowState(StrEnum):
    OPEN = "open"
    CLOSING = "closing"
    CLOSED = "closed"
    UNKNOWN = "unknown"


class Source(StrEnum):
    """Where a last-inbound time (or a closure) came from."""

    WEBHOOK = "webhook"
    MANUAL = "manual"
    PASTED = "pasted"
    SANDBOX = "sandbox"
    SEND = "send"  # a synchronous 131047 in a send response


class Tone(StrEnum):
    """How urgent the countdown looks; the UI maps each tone to a colour."""

    NEUTRAL = "neutral"  # unknown
    OK = "ok"
    AMBER = "amber"  # under limits.WINDOW_CLOSING_SECONDS left
    RED = "red"  # under URGENT_SECONDS left
    CLOSED = "closed"


class InboundLike(Protocol):
    """What the store returns for a recipient's last inbound message."""

    @property
    def at(self) -> datetime: ...

    @property
    def source(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Closure:
    """A 131047 reported by WhatsApp at ``at`` (via ``source``): the window is closed."""

    at: datetime
    source: str


@dataclass(frozen=True, slots=True)
class WindowStatus:
    """The window of one recipient at one instant. ``None`` fields are unknown."""

    state: WindowState
    last_inbound: datetime | None
    source: str | None
    closes_at: datetime | None
    seconds_left: int | None
    closed_by_api: bool = False  # a 131047 closed it, not the clock

    def to_json(self, recipient: str) -> dict[str, Any]:
        """The shape ``wa-composer window show --json`` prints."""
        return {
            "recipient": recipient,
            "last_inbound": iso_utc(self.last_inbound),
            "source": self.source,
            "closes_at": iso_utc(self.closes_at),
            "state": self.state.value,
            "seconds_left": self.seconds_left,
        }


UNKNOWN_STATUS = WindowStatus(WindowState.UNKNOWN, None, None, None, None)


class WindowFactsSource(Protocol):
    """The part of ``composer.storage.history.Store`` the window reads."""

    def last_inbound(self, recipient: str) -> Any: ...

    def window_closed_at(self, recipient: str) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class WindowFacts:
    """What is known about one recipient; ``status(now)`` is cheap, for a 1 Hz countdown."""

    recipient: str
    last_inbound: InboundLike | None
    closure: Closure | None

    def status(self, now: datetime) -> WindowStatus:
        return window_status(self.last_inbound, now, self.closure)


def load_facts(store: WindowFactsSource, recipient: str) -> WindowFacts:
    """Read the last inbound time and any 131047 mark of ``recipient`` from the store."""
    record = store.last_inbound(recipient)
    closure: Closure | None = None
    if record is not None:
        closed_at = getattr(record, "closed_at", None)
        if closed_at is not None:
            closure = Closure(closed_at, getattr(record, "closed_source", None) or "webhook")
    else:
        closed_at = store.window_closed_at(recipient)
        if closed_at is not None:
            closure = Closure(closed_at, "webhook")
    return WindowFacts(recipient, record, closure)


def window_status(
    last_inbound: InboundLike | None, now: datetime, closed_override: Closure | None = None
) -> WindowStatus:
    """Compute the state at ``now``.

    Boundaries: closed from exactly 24 h after the last inbound message; closing while strictly
    less than ``limits.WINDOW_CLOSING_SECONDS`` remain; open otherwise. A closure (131047) at or
    after the last inbound time wins over the clock; a newer inbound message reopens.
    """
    _require_aware(now, "now")
    if last_inbound is None:
        if closed_override is None:
            return UNKNOWN_STATUS
        return WindowStatus(
            WindowState.CLOSED, None, None, closed_override.at, 0, closed_by_api=True
        )
    at = last_inbound.at
    _require_aware(at, "last_inbound.at")
    closes_at = at + timedelta(seconds=limits.SERVICE_WINDOW_SECONDS)
    if closed_override is not None and closed_override.at >= at:
        return WindowStatus(
            WindowState.CLOSED,
            at,
            last_inbound.source,
            min(closes_at, closed_override.at),
            0,
            closed_by_api=True,
        )
    remaining = (closes_at - now).total_seconds()
    if remaining <= 0:
        return WindowStatus(WindowState.CLOSED, at, last_inbound.source, closes_at, 0)
    state = WindowState.CLOSING if remaining < limits.WINDOW_CLOSING_SECONDS else WindowState.OPEN
    return WindowStatus(state, at, last_inbound.source, closes_at, math.floor(remaining))


def tone(status: WindowStatus) -> Tone:
    if status.state is WindowState.UNKNOWN:
        return Tone.NEUTRAL
    if status.state is WindowState.CLOSED:
        return Tone.CLOSED
    left = status.seconds_left or 0
    if left < URGENT_SECONDS:
        return Tone.RED
    if status.state is WindowState.CLOSING:
        return Tone.AMBER
    return Tone.OK


# --- Send gating ---------------------------------------------------------------------------------

TEMPLATE_KIND = "template"


def send_block_reason(kind: str, status: WindowStatus) -> str | None:
    """Why a message of ``kind`` must not be sent now, or None (the window's part of
    ``composer.window.gate.send_decision``, which is what callers ask).

    Outside the window only approved templates are accepted (spec 11.1), so every kind the
    composer builds (interactive, text, reaction) is blocked once the window is closed. An
    unknown window is not blocked: the API decides, and the UI says the window is unknown.
    """
    if status.state is not WindowState.CLOSED or str(kind) == TEMPLATE_KIND:
        return None
    if status.closed_by_api:
        why = "WhatsApp answered 131047: more than 24 h since the customer last wrote."
    else:
        why = "More than 24 h since the customer last wrote: the service window is closed."
    return f"{why} Only an approved template can be sent now."


def send_warning(status: WindowStatus, margin_seconds: int = SEND_WARNING_SECONDS) -> str | None:
    """A warning when the window will close within ``margin_seconds`` of sending."""
    left = status.seconds_left
    if status.state not in (WindowState.OPEN, WindowState.CLOSING) or left is None:
        return None
    if left > margin_seconds:
        return None
    return (
        f"The service window closes in {format_countdown(left)}: "
        "if delivery is delayed the message may fail with 131047."
    )


# --- Formatting (pure; the UI and CLI display these strings) -----------------------------------


def iso_utc(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z``, seconds precision."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_iso_utc(text: str, *, now: datetime | None = None) -> datetime:
    """Parse an ISO 8601 time with a zone (``Z`` or an offset); reject the future.

    Raises ValueError with a sentence naming the rule.
    """
    raw = text.strip()
    try:
        value = datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw)
    except ValueError:
        raise ValueError(
            f"last-inbound: {text!r} is not an ISO 8601 time (e.g. 2026-11-25T14:32:00Z)"
        ) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"last-inbound: {text!r} has no time zone; add Z for UTC or an offset like +01:00"
        )
    value = value.astimezone(UTC)
    if now is not None and value > now + timedelta(seconds=1):
        raise ValueError(f"last-inbound: {iso_utc(value)} is in the future (now {iso_utc(now)})")
    return value


def format_countdown(seconds: int) -> str:
    """``13:42:07`` (hours may exceed 24 only through clock skew)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (UTC)")


Clock = Callable[[], datetime]


class ClosureSink(Protocol):
    def mark_window_closed(self, recipient: str, at: datetime, source: str) -> None: ...


def note_send_error(store: ClosureSink, recipient: str, code: int | None, at: datetime) -> bool:
    """After a failed send: a synchronous 131047 closes the window (source "send").

    ``composer.sending`` calls this for the CLI and the window alike, with the GraphError's code
    and the time from its injected clock; True when the window was marked closed.
    """
    if code != RE_ENGAGEMENT_CODE or not recipient:
        return False
    store.mark_window_closed(recipient, at, Source.SEND.value)
    return True
