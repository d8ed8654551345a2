"""``wa-composer sandbox``: run the Cloud API sandbox on a loopback port until Ctrl+C.

Point a profile's base URL at the printed address (any token works) to try the app, the CLI or
your own code against Meta-shaped answers with no WhatsApp account. With ``--webhook-url`` the
sandbox also POSTs its status webhooks there, signed with ``WA_COMPOSER_APP_SECRET`` (e.g. to
``wa-composer webhook``).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from types import FrameType
from typing import Any

APP_SECRET_ENV = "WA_COMPOSER_APP_SECRET"  # noqa: S105 (a variable name, not a secret)
DEFAULT_PORT = 8585


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="run the built-in Cloud API sandbox on a loopback port",
        description="Serve the Cloud API sandbox (POST /{version}/{phone-number-id}/messages, "
        "POST /{phone-number-id}/media, GET /{phone-number-id}) until Ctrl+C.",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address (default 127.0.0.1)")
    parser.add_argument(
        "--webhook-url",
        default=None,
        help=f"also POST status webhooks here, signed with ${APP_SECRET_ENV}",
    )
    parser.add_argument(
        "--window-errors",
        choices=("sync", "async"),
        default="sync",
        help="closed window: 400 with 131047 (sync, default) or 200 then a failed status (async)",
    )
    parser.set_defaults(handler=_run)
    _register_triggers(parser)


def _register_triggers(parser: Any) -> None:
    """``wa-composer sandbox template-status|template-quality|marketing``: change a running
    sandbox's demo state (it emits the webhooks Meta would)."""
    triggers = parser.add_subparsers(dest="trigger", metavar="TRIGGER")
    status = triggers.add_parser(
        "template-status",
        help="set a demo template's status (PAUSED, DISABLED, APPROVED, ...) in a running sandbox",
    )
    status.add_argument("name", metavar="NAME")
    status.add_argument("value", metavar="STATUS")
    quality = triggers.add_parser(
        "template-quality", help="set a demo template's quality (GREEN, YELLOW, RED, UNKNOWN)"
    )
    quality.add_argument("name", metavar="NAME")
    quality.add_argument("value", metavar="SCORE")
    marketing = triggers.add_parser(
        "marketing", help="a demo customer stops or resumes marketing messages"
    )
    marketing.add_argument("number", metavar="NUMBER")
    marketing.add_argument("value", choices=("stop", "resume"))
    for sub in (status, quality):
        sub.add_argument("--language", metavar="CODE", help="one language (default: all)")
    for sub in (status, quality, marketing):
        sub.add_argument(
            "--url",
            default=f"http://127.0.0.1:{DEFAULT_PORT}",
            help=f"the running sandbox (default http://127.0.0.1:{DEFAULT_PORT})",
        )
        sub.set_defaults(handler=_trigger)


def _trigger(args: argparse.Namespace) -> int:
    """POST the change to the running sandbox's /sandbox/<action> endpoint."""
    import httpx

    if args.trigger == "marketing":
        action, body = "marketing", {"number": args.number, "value": args.value}
    else:
        key = "status" if args.trigger == "template-status" else "quality"
        action = f"template_{key}"
        body = {"name": args.name, key: args.value}
        if args.language:
            body["language"] = args.language
    try:
        answer = httpx.post(f"{args.url.rstrip('/')}/sandbox/{action}", json=body,
                            headers={"Authorization": "Bearer sandbox"}, timeout=10)  # fmt: skip
        data = answer.json()
    except (httpx.HTTPError, ValueError) as exc:
        return _fail(f"no sandbox answered at {args.url} ({type(exc).__name__}); start one "
                     "with `wa-composer sandbox`")  # fmt: skip
    if answer.status_code != 200:
        error = data.get("error", {}) if isinstance(data, dict) else {}
        details = error.get("error_data", {}).get("details") if isinstance(error, dict) else None
        print(f"wa-composer sandbox: {details or answer.text}", file=sys.stderr)
        return 1
    changed = data.get("changed")
    what = f" ({changed} language(s))" if isinstance(changed, int) else ""
    print(f"Done{what}; the sandbox sent the webhook.", flush=True)
    return 0


def _fail(message: str) -> int:
    print(f"wa-composer sandbox: {message}", file=sys.stderr)
    return 2


def _run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        return _fail(f"--port: {args.port} is not a port number (0-65535)")
    secret = os.environ.get(APP_SECRET_ENV, "").strip()
    if args.webhook_url and not secret:
        return _fail(f"--webhook-url: set {APP_SECRET_ENV} to the receiver's app secret")

    from composer.sandbox import (
        DEMO_CONTACTS,
        SANDBOX_PHONE_NUMBER_ID,
        SANDBOX_WABA_ID,
        Sandbox,
        serve,
    )
    from composer.sandbox.webhooks_out import WebhookPoster

    sandbox = Sandbox(window_errors=args.window_errors)
    poster = WebhookPoster(args.webhook_url, secret) if args.webhook_url else None
    if poster is not None:
        sandbox.add_status_listener(poster)
    try:
        server = serve(args.host, args.port, sandbox)
    except OSError as exc:
        sandbox.close()
        return _fail(f"cannot listen on {args.host}:{args.port} ({exc.strerror or exc})")

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        print(f"WA Composer sandbox at {server.url}", flush=True)
        print(f"Phone number id {SANDBOX_PHONE_NUMBER_ID}; any bearer token is accepted.")
        print("Demo contacts:")
        for c in DEMO_CONTACTS:
            print(f"  {c.number}  {c.name:<16} {c.situation}")
        print("Other numbers: on WhatsApp, with a window that opens at their first message.")
        print(f"WABA id {SANDBOX_WABA_ID}: GET /{SANDBOX_WABA_ID}/message_templates lists its")
        print("demo templates; `wa-composer sandbox template-status NAME STATUS` changes one.")
        if poster is not None:
            print(f"Status webhooks go to {poster.url} (signed).")
        print("Ctrl+C to stop.", flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        server.close()
        if poster is not None:
            poster.close()
    print("Sandbox stopped.", flush=True)
    return 0
