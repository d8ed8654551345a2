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


def _fail(message: str) -> int:
    print(f"wa-composer sandbox: {message}", file=sys.stderr)
    return 2


def _run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        return _fail(f"--port: {args.port} is not a port number (0-65535)")
    secret = os.environ.get(APP_SECRET_ENV, "").strip()
    if args.webhook_url and not secret:
        return _fail(f"--webhook-url: set {APP_SECRET_ENV} to the receiver's app secret")

    from composer.sandbox import DEMO_CONTACTS, SANDBOX_PHONE_NUMBER_ID, Sandbox, serve
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
