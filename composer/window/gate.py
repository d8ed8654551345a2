"""Whether a send may go now, and why not: the one place that decides it.

The send bar renders the decision and the window asks it before sending; neither repeats the
rule. The inputs are facts the caller already has: the message's issues, the recipient's window
status, the message kind, whether a send is in flight and whether the window is still starting.
Kept free of heavy imports (no dataclasses, no facts until a window is known): the send bar
asks it before the first paint.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from composer.window.facts import WindowStatus

SENDING_TEXT = "Sending…"
READY_TEXT = "Ready to send."


class IssueLike(Protocol):
    """The part of ``composer.rules.issue.Issue`` the gate reads."""

    @property
    def is_error(self) -> bool: ...


class SendDecision(NamedTuple):
    """``allowed``, or the sentence saying why not; ``level`` is how the UI colours it."""

    allowed: bool
    reason: str | None
    level: str  # "ok", "busy", "error" or "warning"


READY = SendDecision(True, None, "ok")


def send_decision(
    issues: Iterable[IssueLike],
    window_status: WindowStatus | None,
    kind: str,
    in_flight: bool,
    *,
    starting: bool = False,
) -> SendDecision:
    """The first reason that stops a send: in flight, errors, start-up, then a closed window.

    Warnings never block. An unknown window (or none yet) does not block: the API decides.
    """
    if in_flight:
        return SendDecision(False, SENDING_TEXT, "busy")
    errors = sum(1 for issue in issues if issue.is_error)
    if errors:
        text = f"Send is disabled: fix {errors} error(s) listed under Issues."
        return SendDecision(False, text, "error")
    if starting:
        return SendDecision(False, "Send is disabled: starting…", "warning")
    if window_status is not None:
        from composer.window.facts import send_block_reason

        blocked = send_block_reason(kind, window_status)
        if blocked is not None:
            return SendDecision(False, f"Send is disabled: {blocked}", "warning")
    return READY


def template_way_out(window_status: WindowStatus | None, kind: str) -> bool:
    """Whether the closed window blocks ``kind`` while an approved template could still go: the
    send bar then offers to switch to a template (spec 11.1)."""
    if window_status is None:
        return False
    from composer.window.facts import TEMPLATE_KIND, send_block_reason

    return (
        send_block_reason(kind, window_status) is not None
        and send_block_reason(TEMPLATE_KIND, window_status) is None
    )
