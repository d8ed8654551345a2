"""``wa-composer window``: show or set a customer's 24-hour window; import pasted webhook JSON.

``show`` prints one readable line, or with ``--json`` exactly ``{"recipient", "last_inbound",
"source", "closes_at", "state", "seconds_left"}`` (ISO 8601 UTC, null where unknown).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

_NUMBER_HELP = "the customer's phone number or business-scoped user id (US.134...)"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "window",
        help="the 24-hour customer-service window of a recipient",
        description="Show or record when a customer last wrote (the 24-hour service window).",
    )
    actions = parser.add_subparsers(dest="window_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="print the window state of NUMBER")
    show.add_argument("number", metavar="NUMBER", help=_NUMBER_HELP)
    show.add_argument("--json", action="store_true", help="print JSON instead of a sentence")
    show.set_defaults(handler=_show)
    record = actions.add_parser("set", help="record when NUMBER last wrote (a manual entry)")
    record.add_argument("number", metavar="NUMBER", help=_NUMBER_HELP)
    record.add_argument(
        "--last-inbound",
        required=True,
        metavar="ISO8601",
        help="time of the customer's last message, e.g. 2026-11-25T14:32:00Z",
    )
    record.set_defaults(handler=_set)
    imp = actions.add_parser(
        "import", help="import statuses and inbound times from webhook JSON (a file or -)"
    )
    imp.add_argument("file", metavar="FILE", help="a webhook body saved from logs; - for stdin")
    imp.set_defaults(handler=_import)


def _fail(message: str) -> int:
    print(f"wa-composer window: {message}", file=sys.stderr)
    return 2


def _recipient(number: str) -> str | None:
    """The customer's key: a phone number's digits, or a business-scoped user id as written."""
    from composer.phone import is_phone_like, normalize
    from composer.user_ids import is_bsuid

    if is_bsuid(number):
        return number.strip()
    return normalize(number) if is_phone_like(number) else None


_NOT_A_RECIPIENT = (
    "NUMBER: {!r} is neither a phone number (digits, + - ( ) spaces) nor a business-scoped user "
    "id (e.g. US.13491208655302741918)"
)


def _open_store() -> Any:
    from composer.storage.history import Store

    return Store()


def _show(args: argparse.Namespace) -> int:
    from composer.clock import utc_now
    from composer.storage.history import StoreError
    from composer.window.facts import load_facts
    from composer.window.texts import describe

    recipient = _recipient(args.number)
    if recipient is None:
        return _fail(_NOT_A_RECIPIENT.format(args.number))
    try:
        with _open_store() as store:
            facts = load_facts(store, recipient)
    except StoreError as exc:
        return _fail(str(exc))
    now = utc_now()
    status = facts.status(now)
    if args.json:
        print(json.dumps(status.to_json(recipient)))
    else:
        print(f"{recipient}: {status.state.value}, {describe(status, now)}")
    return 0


def _set(args: argparse.Namespace) -> int:
    from composer.clock import utc_now
    from composer.storage.history import StoreError
    from composer.window.facts import load_facts, parse_iso_utc
    from composer.window.texts import describe

    recipient = _recipient(args.number)
    if recipient is None:
        return _fail(_NOT_A_RECIPIENT.format(args.number))
    now = utc_now()
    try:
        at = parse_iso_utc(args.last_inbound, now=now)
    except ValueError as exc:
        return _fail(f"--{exc}")
    try:
        with _open_store() as store:
            store.set_last_inbound(recipient, at, "manual")
            facts = load_facts(store, recipient)
    except StoreError as exc:
        return _fail(str(exc))
    status = facts.status(now)
    if status.last_inbound is not None and status.last_inbound > at:
        print(f"{recipient}: a newer inbound time is already known; kept it.")
    print(f"{recipient}: {status.state.value}, {describe(status, now)}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from composer.storage.history import StoreError
    from composer.webhooks.parsing import WebhookFormatError
    from composer.webhooks.recorder import describe_result, import_pasted

    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"FILE: cannot read {args.file!r} ({exc})")
    try:
        with _open_store() as store:
            result = import_pasted(text, store)
    except WebhookFormatError as exc:
        return _fail(str(exc))
    except StoreError as exc:
        return _fail(str(exc))
    print(describe_result(result))
    return 0
