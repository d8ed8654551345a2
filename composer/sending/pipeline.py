"""THE send pipeline: the CLI's ``wa-composer send`` and the window's Send button both call it.

``send_payload`` resolves the route (the profile's account with its token, or the in-process
sandbox), uploads a local header file, POSTs with the retry policy while reporting each attempt,
records the history row and applies a 131047 to the recipient's window with the injected clock.
It never raises for an expected failure: everything ends in one ``SendOutcome``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from composer.clock import utc_now
from composer.sending.outcome import (
    ACCEPTED,
    FAILED,
    UNKNOWN,
    AttemptReport,
    SendOutcome,
    refused,
)

if TYPE_CHECKING:
    import httpx

    from composer.accounts import Profile
    from composer.credentials import TokenStore
    from composer.graph.error_types import GraphError
    from composer.graph.responses import SendResult
    from composer.graph.retry import Attempt, RetryPolicy
    from composer.sandbox import Sandbox

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


@dataclass(frozen=True, slots=True)
class _Route:
    profile: Profile
    token: str
    transport: httpx.BaseTransport | None
    sandbox: Sandbox | None


def send_payload(
    profile: Profile,
    payload: dict[str, Any],
    deps: SendDeps,
    on_attempt: Callable[[AttemptReport], None] | None = None,
) -> SendOutcome:
    """Send ``payload`` (already validated) with ``profile``; blocking, so off the UI thread."""
    from composer.credentials import CredentialsError

    recipient = str(payload.get("to", ""))
    try:
        route = _open_route(profile, deps)
    except CredentialsError as exc:
        return refused("No access token", str(exc), profile=profile.name, recipient=recipient)
    try:
        sent, result, error = _post(route, payload, deps, on_attempt)
    finally:
        if route.sandbox is not None and deps.owns_sandbox:
            route.sandbox.close()
    outcome = ACCEPTED if error is None else UNKNOWN if error.delivery_unknown else FAILED
    draft = SendOutcome(outcome, profile.name, profile.is_sandbox, recipient, sent, result, error)
    return _record(draft, deps)


def _open_route(profile: Profile, deps: SendDeps) -> _Route:
    """The sandbox in-process, or the profile's account with its token (env or keyring)."""
    if profile.is_sandbox:
        from composer.sandbox import SandboxTransport

        sandbox = deps.sandbox()
        return _Route(profile, SANDBOX_TOKEN, SandboxTransport(sandbox), sandbox)
    from composer.credentials import resolve_token

    return _Route(profile, resolve_token(profile, deps.tokens()), None, None)


def _post(
    route: _Route,
    payload: dict[str, Any],
    deps: SendDeps,
    on_attempt: Callable[[AttemptReport], None] | None,
) -> tuple[dict[str, Any], SendResult | None, GraphError | None]:
    """Upload a local header, then POST; returns the payload as sent and the result or error."""
    from composer.graph.client import GraphClient
    from composer.graph.errors import GraphError
    from composer.graph.retry import RetryPolicy
    from composer.sending.media import upload_local_header

    policy = deps.retry_policy or RetryPolicy()

    def report(attempt: Attempt) -> None:
        if on_attempt is not None:
            on_attempt(AttemptReport(attempt, policy.max_attempts))

    sent = payload
    try:
        with GraphClient(
            route.profile, route.token, transport=route.transport, sleep=deps.sleep,
            retry_policy=policy,
        ) as client:  # fmt: skip
            sent = upload_local_header(client, payload)
            return sent, client.send_message(sent, on_attempt=report), None
    except GraphError as error:
        return sent, None, error


def _record(outcome: SendOutcome, deps: SendDeps) -> SendOutcome:
    """Write the history row and a 131047's closure; a history problem never hides the outcome."""
    import dataclasses
    import sqlite3

    from composer.storage.records import StoreError
    from composer.window.facts import note_send_error

    error = outcome.error
    try:
        with deps.history() as store:
            row = store.record_send(
                profile=outcome.profile,
                recipient=outcome.recipient,
                payload=outcome.payload,
                outcome=outcome.outcome,
                wamid=outcome.wamid,
                error=error.to_dict() if error is not None else None,
            )
            code = error.code if error is not None else None
            closed = note_send_error(store, outcome.recipient, code, deps.clock())
    except (StoreError, OSError, sqlite3.Error, ValueError) as exc:
        return dataclasses.replace(outcome, history_problem=str(exc))
    return dataclasses.replace(outcome, history_id=row, window_closed=closed)
