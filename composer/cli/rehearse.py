"""``wa-composer rehearse SCRIPT --bot-webhook URL [--port N] [--json]``: replay a rehearsal
script against the user's bot, with the sandbox as the bot's Cloud API.

The sandbox is served on ``--port`` (default 8585; the URL is printed: the bot's Graph base
URL). Webhooks are signed with ``WA_COMPOSER_APP_SECRET``; the handshake's verify token is
``WA_COMPOSER_VERIFY_TOKEN``, or "wa-composer". Exit 0: every expectation held; 1: one failed
(the report says which, what the bot sent and what it was answering); 2: the script is invalid,
or the bot is unreachable or fails the handshake. ``--json`` prints the transcript on stdout
(the other lines then go to stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from composer.rehearsal.defaults import DEFAULT_PORT, DEFAULT_VERIFY_TOKEN
from composer.webhooks.config import APP_SECRET_ENV, VERIFY_TOKEN_ENV

if TYPE_CHECKING:
    from composer.rehearsal.script import Script, Step
    from composer.rehearsal.session import Rehearsal


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "rehearse",
        help="replay a rehearsal script against your bot, the sandbox playing the Cloud API",
        description="Serve the sandbox as your bot's Cloud API, play the script's customer "
        "steps to the bot's webhook (signed with $WA_COMPOSER_APP_SECRET, after the "
        "verification GET with $WA_COMPOSER_VERIFY_TOKEN or 'wa-composer') and check what "
        "the bot sends. Exit 0: every expectation held; 1: one failed; 2: invalid script, "
        "unreachable bot or failed handshake.",
    )
    parser.add_argument("script", metavar="SCRIPT", help="the rehearsal script (JSON)")
    parser.add_argument("--bot-webhook", required=True, metavar="URL", help="the bot's webhook")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"sandbox port (default {DEFAULT_PORT})"
    )
    parser.add_argument("--json", action="store_true", help="print the transcript as JSON")
    parser.set_defaults(handler=_run)


def _fail(message: str) -> int:
    print(f"wa-composer rehearse: {message}", file=sys.stderr)
    return 2


def _run(args: argparse.Namespace) -> int:
    from composer.rehearsal.script import ScriptError, load_script

    try:
        script = load_script(Path(args.script).read_bytes())
    except OSError as exc:
        return _fail(f"cannot read {args.script} ({exc.strerror or exc})")
    except ScriptError as exc:
        return _fail(f"invalid script {args.script}: {exc}")
    if not 0 <= args.port <= 65535:
        return _fail(f"--port: {args.port} is not a port number (0-65535)")
    secret = os.environ.get(APP_SECRET_ENV, "").strip()
    if not secret:
        return _fail(f"set {APP_SECRET_ENV} to the app secret your bot checks signatures with")
    token = os.environ.get(VERIFY_TOKEN_ENV, "").strip() or DEFAULT_VERIFY_TOKEN
    out = sys.stderr if args.json else sys.stdout
    from composer.rehearsal.session import Rehearsal

    rehearsal = Rehearsal(script.customer, script.customer_name, port=args.port)
    try:
        return _rehearse(rehearsal, script, args, secret, token, out)
    finally:
        rehearsal.close()


def _rehearse(
    rehearsal: Rehearsal,
    script: Script,
    args: argparse.Namespace,
    secret: str,
    token: str,
    out: TextIO,
) -> int:
    from composer.cli.rehearse_report import describe_step, failure_json, format_failure
    from composer.rehearsal.delivery import HandshakeError
    from composer.rehearsal.runner import run_script

    try:
        url = rehearsal.listen()
    except OSError as exc:
        return _fail(f"cannot listen on port {args.port} ({exc.strerror or exc})")
    print(f"Sandbox (the bot's Graph base URL): {url}", file=out)
    print(f"Phone number id {rehearsal.phone_number_id}; any bearer token.", file=out, flush=True)
    try:
        rehearsal.start(args.bot_webhook, secret, token)
    except HandshakeError as exc:
        return _fail(f"handshake failed: {exc}")
    print(f"Handshake with {args.bot_webhook}: OK", file=out, flush=True)

    def done(number: int, step: Step, seconds: float) -> None:
        print(f"  ok  step {number}: {describe_step(step)} ({seconds:.2f} s)", file=out, flush=True)

    failure = run_script(script, rehearsal, on_step=done)
    if failure is not None:
        print(format_failure(failure), file=out, flush=True)
    else:
        print(f"Every expectation held ({len(script.steps)} steps).", file=out, flush=True)
    if args.json:
        result = {
            "passed": failure is None,
            "failure": None if failure is None else failure_json(failure),
            "transcript": rehearsal.transcript_json(),
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if failure is None else 1
