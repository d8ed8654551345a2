"""The sentences the countdown and ``wa-composer window show`` display, as pure functions.

Kept apart from ``composer.window.facts`` (the rules) so wording can change without touching the
state machine; the UI shows these strings verbatim and holds no wording of its own.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from composer.window.facts import Source, WindowState, WindowStatus, format_countdown

# How each source reads after "via" (the stored/JSON value stays the short name).
SOURCE_WORDS = {
    Source.WEBHOOK.value: "webhook",
    Source.MANUAL.value: "manual entry",
    Source.PASTED.value: "pasted webhook JSON",
    Source.SANDBOX.value: "sandbox",
    Source.SEND.value: "a send response",
}


def format_ago(seconds: float) -> str:
    """``2 h 13 min``, ``5 min``, ``less than a minute``, ``3 d 4 h``."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return "less than a minute"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def format_moment(value: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """``14:32``, ``yesterday 14:32``, ``tomorrow 14:32`` or ``23 Nov 14:32`` in ``tz``."""
    day, clock = _day_and_clock(value, now, tz)
    return f"{day} {clock}" if day else clock


def _day_and_clock(value: datetime, now: datetime, tz: tzinfo | None) -> tuple[str, str]:
    zone = tz or _local_zone()
    local, today = value.astimezone(zone), now.astimezone(zone).date()
    clock = local.strftime("%H:%M")
    delta_days = (local.date() - today).days
    if delta_days == 0:
        return "", clock
    if delta_days == -1:
        return "yesterday", clock
    if delta_days == 1:
        return "tomorrow", clock
    return f"{local.day} {local.strftime('%b')}", clock


def headline(status: WindowStatus, now: datetime, tz: tzinfo | None = None) -> str:
    """The big line: ``closes in 13:42:07, at 14:32`` / ``closed 2 h 13 min ago``."""
    if status.state is WindowState.UNKNOWN:
        return "window unknown"
    if status.state is WindowState.CLOSED:
        ended = status.closes_at or now
        return f"closed {format_ago((now - ended).total_seconds())} ago"
    assert status.closes_at is not None and status.seconds_left is not None
    day, clock = _day_and_clock(status.closes_at, now, tz)
    when = f"{day} at {clock}" if day else f"at {clock}"
    return f"closes in {format_countdown(status.seconds_left)}, {when}"


def provenance(
    status: WindowStatus, now: datetime, tz: tzinfo | None = None, *, with_closure: bool = True
) -> str:
    """Where the time comes from: ``last message yesterday 14:32, via webhook``."""
    parts = []
    if status.last_inbound is not None:
        moment = format_moment(status.last_inbound, now, tz)
        via = SOURCE_WORDS.get(status.source or "", status.source or "unknown source")
        parts.append(f"last message {moment}, via {via}")
    if status.closed_by_api and with_closure:
        parts.insert(0, "WhatsApp reported 131047")
    return "; ".join(parts)


def describe(status: WindowStatus, now: datetime, tz: tzinfo | None = None) -> str:
    """The one-line summary shown beside the recipient and by ``window show``."""
    if status.state is WindowState.UNKNOWN:
        return "window unknown: no record of when this customer last wrote"
    head, origin = headline(status, now, tz), provenance(status, now, tz)
    return f"{head} ({origin})" if origin else head


def closed_reason(status: WindowStatus) -> str:
    """Why it is closed and the way out (for the countdown's closed state)."""
    if status.closed_by_api:
        why = "WhatsApp rejected a message with 131047 (re-engagement)."
    else:
        why = "More than 24 hours have passed since the customer last wrote."
    return f"{why} Send an approved template; the window reopens when the customer replies."


UNKNOWN_HINT = (
    "No record of when this customer last wrote. Enter the time of their last message, "
    "or connect webhooks so inbound messages are recorded."
)


def _local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC
