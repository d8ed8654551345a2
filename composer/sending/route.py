"""Where a send (or a template-library read) goes: the profile's account with its token, or the
in-process sandbox. The one routing decision, shared by ``pipeline`` and ``templates``; the seams
the CLI and the window pass in are ``SendDeps``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from composer.clock import utc_now

if TYPE_CHECKING:
    import httpx

    from composer.accounts import Profile
    from composer.credentials import TokenStore
    from composer.graph.retry import RetryPolicy
    from composer.sandbox import Sandbox
    from composer.storage.records import MarketingPreference
    from composer.templates.library import TemplateLibrary

__all__ = ["SANDBOX_TOKEN", "HistorySink", "Route", "SendDeps", "open_route"]

SANDBOX_TOKEN = "sandbox"  # noqa: S105 (the in-process sandbox accepts any bearer token)


class HistorySink(Protocol):
    """The part of ``composer.storage.history.Store`` a send writes."""

    def record_send(
        self,
        *,
        profile: str,
        recipient: str,
        payload: dict[str, Any],
        outcome: str,
        wamid: str | None,
        error: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> int: ...

    def mark_window_closed(self, recipient: str, at: datetime, source: str) -> None: ...

    def marketing_preference(self, recipient: str) -> MarketingPreference | None: ...


@dataclass(frozen=True, slots=True)
class SendDeps:
    """Where a send gets its token, sandbox, history and time. The CLI and the window differ only
    in these: the CLI opens a store and a sandbox for one send, the window keeps its own."""

    tokens: Callable[[], TokenStore]
    sandbox: Callable[[], Sandbox]
    history: Callable[[], AbstractContextManager[HistorySink]]
    clock: Callable[[], datetime] = utc_now
    owns_sandbox: bool = False  # close the sandbox after the send (the CLI's is single-use)
    sleep: Callable[[float], None] = time.sleep  # between retries; tests pass their own
    retry_policy: RetryPolicy | None = None
    # The template library a template send is checked against before any HTTP (paused,
    # unknown, wrong variables, marketing to a customer who stopped it); None: none is known.
    templates: Callable[[Profile], TemplateLibrary | None] | None = None


@dataclass(frozen=True, slots=True)
class Route:
    profile: Profile
    token: str
    transport: httpx.BaseTransport | None
    sandbox: Sandbox | None


def open_route(profile: Profile, deps: SendDeps) -> Route:
    """The sandbox in-process, or the profile's account with its token (env or keyring)."""
    if profile.is_sandbox:
        from composer.sandbox import SandboxTransport

        sandbox = deps.sandbox()
        return Route(profile, SANDBOX_TOKEN, SandboxTransport(sandbox), sandbox)
    from composer.credentials import resolve_token

    return Route(profile, resolve_token(profile, deps.tokens()), None, None)
