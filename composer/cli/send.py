"""``wa-composer send FILE --to NUMBER [--profile NAME] [--json]``.

Validates first (exit 2, nothing sent, when the message has errors), then sends through the
profile's account, or through the built-in in-process sandbox when no profile is given. Prints
the wamid (exit 0) or the mapped error with its explanation and next step (exit 1). Every send
is recorded in the history.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.graph.errors import GraphError
    from composer.graph.retry import Attempt

EXIT_SENT, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
SANDBOX_TOKEN = "sandbox"  # noqa: S105 (the in-process sandbox accepts any bearer token)

JSON_HELP = """\
--json prints one JSON object on stdout with the keys:
  ok          true when WhatsApp accepted the message
  outcome     "accepted", "failed" (not sent), "unknown" (may or may not have been delivered)
              or "invalid" (validation failed or unusable input; nothing sent)
  wamid       the message id (null unless accepted)
  recipient   the "to" that was sent
  wa_id       the recipient's WhatsApp id from the answer (or null)
  profile     profile name ("sandbox" for the built-in sandbox)
  sandbox     true when the built-in sandbox answered
  attempts    number of requests made (retries included)
  history_id  row id in the send history (null if it could not be recorded)
  issues      validation findings: [{rule, path, severity, message}]
  error       null, or {type, code, title, explanation, next_step, details, fbtrace_id,
              http_status, field_path, retryable, delivery_unknown}
Exit status: 0 accepted, 1 send failed or outcome unknown, 2 invalid input (nothing sent)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "send",
        help="validate and send a message POST body",
        description="Validate FILE (a Cloud API message POST body; '-' reads stdin) and send it. "
        "With no --profile it goes to the built-in sandbox (nothing leaves this machine).",
        epilog=JSON_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="JSON message body, or - for stdin")
    parser.add_argument("--to", metavar="NUMBER", help="recipient; overrides the payload's 'to'")
    parser.add_argument("--profile", metavar="NAME", help="sending profile (default: sandbox)")
    parser.add_argument("--json", action="store_true", help="print the outcome as one JSON object")
    parser.set_defaults(handler=_run)


class _Report:
    """Collects the outcome and prints it once, as text or JSON."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json
        self.data: dict[str, Any] = {
            "ok": False,
            "outcome": "invalid",
            "wamid": None,
            "recipient": None,
            "wa_id": None,
            "profile": None,
            "sandbox": False,
            "attempts": 0,
            "history_id": None,
            "issues": [],
            "error": None,
        }

    def note(self, text: str) -> None:
        print(f"wa-composer send: {text}", file=sys.stderr)

    def invalid(self, text: str) -> int:
        """Nothing was sent; ``error`` keeps the same keys as a mapped error (type InvalidInput)."""
        from composer.graph.errors import GraphError

        error = GraphError("Invalid input", text, "Fix the input and run the command again.")
        self.data["error"] = error.to_dict() | {"type": "InvalidInput"}
        if self.as_json:
            self._dump()
        else:
            self.note(text)
        return EXIT_INVALID

    def _dump(self) -> None:
        print(json.dumps(self.data, ensure_ascii=False))


def _run(args: argparse.Namespace) -> int:
    report = _Report(args.json)
    payload = _read(args.file, report)
    if payload is _UNUSABLE:
        return EXIT_INVALID
    if args.to is not None:
        if not isinstance(payload, dict):
            return report.invalid("--to: the message body must be a JSON object")
        payload["to"] = args.to
    if not _validated(payload, report):
        return EXIT_INVALID
    assert isinstance(payload, dict)
    report.data["recipient"] = payload.get("to")
    return _send(args, payload, report)


_UNUSABLE = object()


def _read(name: str, report: _Report) -> object:
    """The parsed document, or _UNUSABLE (already reported) when it cannot be read or parsed."""
    from composer.cli.validate import InputError, display_name, parse_json, read_input

    try:
        return parse_json(read_input(name))
    except InputError as exc:
        report.invalid(f"{display_name(name)}: {exc.message} [{exc.rule}]")
        return _UNUSABLE


def _validated(payload: object, report: _Report) -> bool:
    from composer.validation.check import has_errors, validate_payload

    issues = validate_payload(payload)
    report.data["issues"] = [i.to_dict() for i in issues]
    if not report.as_json:
        for issue in issues:
            where = issue.path or "$"
            report.note(f"{issue.severity.value}: {where}: {issue.message} [{issue.rule}]")
    if has_errors(issues):
        if report.as_json:
            report._dump()
        else:
            report.note("not sent: fix the errors above first")
        return False
    return True


def _send(args: argparse.Namespace, payload: dict[str, Any], report: _Report) -> int:
    from composer.accounts import ProfileError, ProfileNotFound, ProfileStore, sandbox_profile
    from composer.credentials import CredentialsError, KeyringTokenStore, resolve_token
    from composer.graph.client import GraphClient
    from composer.graph.errors import GraphError

    sandbox = None
    transport = None
    try:
        if args.profile:
            profile = ProfileStore().get(args.profile)
            token = resolve_token(profile, KeyringTokenStore())
        else:
            from composer.sandbox import Sandbox, SandboxTransport

            profile = sandbox_profile()
            token = SANDBOX_TOKEN
            sandbox = Sandbox()
            transport = SandboxTransport(sandbox)
            report.note(
                "no --profile: sending to the built-in sandbox (nothing leaves this machine)"
            )
    except (ProfileError, ProfileNotFound, CredentialsError) as exc:
        return report.invalid(str(exc))
    report.data.update(profile=profile.name, sandbox=sandbox is not None)

    def on_attempt(attempt: Attempt) -> None:
        if not attempt.ok and attempt.will_retry:
            report.note(attempt.describe())

    error: GraphError | None = None
    try:
        with GraphClient(profile, token, transport=transport) as client:
            result = client.send_message(payload, on_attempt=on_attempt)
    except GraphError as exc:
        error = exc
    finally:
        if sandbox is not None:
            sandbox.close()

    if error is None:
        report.data.update(
            ok=True,
            outcome="accepted",
            wamid=result.wamid,
            wa_id=result.wa_id,
            attempts=len(result.attempts),
        )
    else:
        report.data.update(
            outcome="unknown" if error.delivery_unknown else "failed",
            attempts=len(error.attempts),
            error=error.to_dict(),
        )
    report.data["history_id"] = _record(profile.name, payload, report, error)
    try:
        if report.as_json:
            report._dump()
        elif error is None:
            print(result.wamid, flush=True)
            report.note(f"accepted by {'the sandbox' if sandbox else 'WhatsApp'} "
                        f"(profile {profile.name!r})")  # fmt: skip
        else:
            print(error.describe(), file=sys.stderr)
    except BrokenPipeError:
        raise
    except OSError as exc:  # the send happened: the exit status and the history still tell
        report.note(f"the outcome could not be printed ({exc.strerror or exc}); see the history")
    return EXIT_SENT if error is None else EXIT_FAILED


def _record(
    profile: str, payload: dict[str, Any], report: _Report, error: GraphError | None
) -> int | None:
    """Write the history row; a history problem must not hide the send's outcome."""
    import sqlite3

    from composer.graph.errors import WindowClosedError
    from composer.storage.history import Store, StoreError
    from composer.window.facts import Source

    recipient = str(payload.get("to", ""))
    try:
        with Store() as store:
            row = store.record_send(
                profile=profile,
                recipient=recipient,
                payload=payload,
                outcome=report.data["outcome"],
                wamid=report.data["wamid"],
                error=error.to_dict() if error else None,
            )
            if isinstance(error, WindowClosedError) and recipient:
                store.mark_window_closed(recipient, datetime.now(UTC), Source.SEND.value)
            return row
    except (StoreError, OSError, sqlite3.Error, ValueError) as exc:
        report.note(f"warning: the send history could not be written ({exc})")
        return None
