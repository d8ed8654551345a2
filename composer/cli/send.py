"""``wa-composer send FILE --to NUMBER [--profile NAME] [--json]``.

Validates first (exit 2, nothing sent, when the message has errors), then sends through the
profile's account, or through the built-in in-process sandbox when no profile is given, with the
same pipeline as the window (``composer.sending``: a local header file is uploaded first). Prints
the wamid (exit 0) or the mapped error with its explanation and next step (exit 1). Every send
is recorded in the history.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from composer.user_ids import BSUID_FIELD, PHONE_FIELD, addressee, addressee_field

if TYPE_CHECKING:
    from composer.sending import AttemptReport, SendDeps, SendOutcome
    from composer.storage.history import Store

EXIT_SENT, EXIT_FAILED, EXIT_INVALID = 0, 1, 2

JSON_HELP = """\
--json prints one JSON object on stdout with the keys:
  ok          true when WhatsApp accepted the message
  outcome     "accepted", "failed" (not sent), "unknown" (may or may not have been delivered)
              or "invalid" (validation failed or unusable input; nothing sent)
  wamid       the message id (null unless accepted)
  recipient   the "to" (or "recipient", a business-scoped user id) that was sent
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
    parser.add_argument(
        "--to",
        metavar="NUMBER",
        help="recipient: a phone number (overrides the payload's 'to') or a business-scoped user "
        "id such as US.13491208655302741918 (sent as 'recipient')",
    )
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
        _address(payload, args.to)
    if not _validated(payload, report):
        return EXIT_INVALID
    assert isinstance(payload, dict)
    report.data["recipient"] = addressee(payload)
    return _send(args, payload, report)


_UNUSABLE = object()


def _address(payload: dict[str, Any], to: str) -> None:
    """``--to``: a phone number replaces ``to``, a business-scoped user id goes in ``recipient``
    (the other key is removed, a message has one addressee)."""
    field = addressee_field(to.strip())
    payload.pop(BSUID_FIELD if field == PHONE_FIELD else PHONE_FIELD, None)
    payload[field] = to.strip() if field == BSUID_FIELD else to


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
    """Send through ``composer.sending`` and report its outcome (the window uses the same)."""
    from composer.accounts import ProfileError, ProfileNotFound, ProfileStore, sandbox_profile
    from composer.sending import send_payload

    try:
        profile = ProfileStore().get(args.profile) if args.profile else sandbox_profile()
    except (ProfileError, ProfileNotFound) as exc:
        return report.invalid(str(exc))
    if profile.is_sandbox:
        report.note("no --profile: sending to the built-in sandbox (nothing leaves this machine)")

    def on_attempt(progress: AttemptReport) -> None:
        if not progress.attempt.ok and progress.attempt.will_retry:
            report.note(progress.describe())

    outcome = send_payload(profile, payload, _deps(report), on_attempt)
    if outcome.refusal is not None:  # no usable token, a blocked template: nothing was tried
        return report.invalid(outcome.text)
    report.data.update(
        ok=outcome.ok,
        outcome=outcome.outcome,
        wamid=outcome.wamid,
        wa_id=outcome.wa_id,
        profile=profile.name,
        sandbox=outcome.sandbox,
        attempts=outcome.attempts,
        error=outcome.error.to_dict() if outcome.error is not None else None,
        history_id=outcome.history_id,
    )
    if outcome.history_problem is not None:
        report.note(f"warning: the send history could not be written ({outcome.history_problem})")
    _print(outcome, report)
    return EXIT_SENT if outcome.ok else EXIT_FAILED


def _deps(report: _Report) -> SendDeps:
    """The CLI's seams: keyring tokens, a single-use sandbox and a store opened for the row.

    A damaged history file is kept aside and a new one started; the user is told where it went.
    """
    from composer.credentials import KeyringTokenStore
    from composer.sandbox import Sandbox
    from composer.sending import SendDeps, cached_library
    from composer.storage.recovery import open_history

    def history() -> Store:
        opened = open_history()
        notice = opened.notice()
        if notice is not None:
            report.note(f"warning: {notice}")
        return opened.store

    return SendDeps(
        tokens=KeyringTokenStore,
        sandbox=Sandbox,
        history=history,
        owns_sandbox=True,
        templates=cached_library,  # a template is checked against the cached library, if any
    )


def _print(outcome: SendOutcome, report: _Report) -> None:
    """Text or JSON; an unwritable stdout after the send does not change the exit status."""
    try:
        if report.as_json:
            report._dump()
        elif outcome.ok:
            print(outcome.wamid, flush=True)
            where = "the sandbox" if outcome.sandbox else "WhatsApp"
            report.note(f"accepted by {where} (profile {outcome.profile!r})")
        else:
            assert outcome.error is not None
            print(outcome.error.describe(), file=sys.stderr)
    except BrokenPipeError:
        raise
    except OSError as exc:  # the send happened: the exit status and the history still tell
        report.note(f"the outcome could not be printed ({exc.strerror or exc}); see the history")
