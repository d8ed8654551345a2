"""THE send pipeline: the CLI's ``wa-composer send`` and the window's Send button both call it.

``send_payload`` resolves the route (the profile's account with its token, or the in-process
sandbox), uploads a local header file, POSTs with the retry policy while reporting each attempt,
records the history row and applies a 131047 to the recipient's window with the injected clock.
It never raises for an expected failure: everything ends in one ``SendOutcome``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from composer.sending.outcome import (
    ACCEPTED,
    FAILED,
    UNKNOWN,
    AttemptReport,
    SendOutcome,
    refused,
)
from composer.sending.route import SANDBOX_TOKEN, HistorySink, Route, SendDeps, open_route

__all__ = ["SANDBOX_TOKEN", "HistorySink", "Route", "SendDeps", "open_route", "send_payload"]

if TYPE_CHECKING:
    from composer.accounts import Profile
    from composer.graph.error_types import GraphError
    from composer.graph.responses import SendResult
    from composer.graph.retry import Attempt


def send_payload(
    profile: Profile,
    payload: dict[str, Any],
    deps: SendDeps,
    on_attempt: Callable[[AttemptReport], None] | None = None,
) -> SendOutcome:
    """Send ``payload`` (already validated) with ``profile``; blocking, so off the UI thread."""
    from composer.credentials import CredentialsError
    from composer.user_ids import addressee

    recipient = addressee(payload)
    blocked = _template_refusal(profile, payload, deps)
    if blocked is not None:
        return refused("Template cannot be sent", blocked, profile=profile.name,
                       recipient=recipient, sandbox=profile.is_sandbox)  # fmt: skip
    try:
        route = open_route(profile, deps)
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


def _template_refusal(profile: Profile, payload: dict[str, Any], deps: SendDeps) -> str | None:
    """Why a template send is refused before any request, when a library is known."""
    if payload.get("type") != "template" or deps.templates is None:
        return None
    library = deps.templates(profile)
    if library is None:
        return None
    from composer.sending.templates import payload_block

    with deps.history() as store:
        block = payload_block(payload, library, store)
    return None if block is None else block.reason


def _post(
    route: Route,
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
