"""``wa-composer webhook``: run the webhook receiver alone, recording into the app's store.

The app secret (for ``X-Hub-Signature-256``) and the verify token (for Meta's GET handshake)
come from ``WA_COMPOSER_APP_SECRET`` / ``WA_COMPOSER_VERIFY_TOKEN`` when set, else from the
profile's keyring entries ``app_secret`` / ``verify_token``; ``--store-secrets`` puts them there.
Neither secret is ever printed.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from composer.webhooks.config import DEFAULT_PORT


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "webhook",
        help="run the webhook receiver (inbound messages and delivery statuses)",
        description="Receive Meta's webhooks on this machine and record them in the history. "
        "Expose the port with a tunnel and register the URL in the App Dashboard.",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any)"
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--profile", default=None, help="profile whose secrets to use")
    parser.add_argument(
        "--store-secrets",
        action="store_true",
        help="ask for the app secret and verify token and keep them in the keyring, then exit",
    )
    parser.set_defaults(handler=_run)


def _fail(message: str, code: int = 2) -> int:
    print(f"wa-composer webhook: {message}", file=sys.stderr)
    return code


def _profile_name(args: argparse.Namespace) -> str:
    """The profile whose secrets to use; ValueError naming it when no such profile exists.

    A mistyped --profile would otherwise end in "no app_secret for profile ..." and send the
    user to store secrets under the wrong name.
    """
    from composer.accounts import SANDBOX_PROFILE_NAME, ProfileError, ProfileNotFound, ProfileStore

    if not args.profile or args.profile == SANDBOX_PROFILE_NAME:
        return SANDBOX_PROFILE_NAME
    try:
        return ProfileStore().get(args.profile).name
    except (ProfileNotFound, ProfileError) as exc:
        raise ValueError(f"--profile: {exc}") from None


def _store_secrets(profile: str) -> int:
    from composer.credentials import CredentialsError, KeyringSecretStore

    prompts = {
        "app_secret": "App secret (App Dashboard > App settings > Basic): ",
        "verify_token": "Verify token (any string; enter the same one in the dashboard): ",
    }
    values: dict[str, str] = {}
    for name, prompt in prompts.items():
        value = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline()
        if not value.strip():
            return _fail(f"{name}: empty; nothing stored")
        values[name] = value.strip()
    try:
        store = KeyringSecretStore()
        for name, value in values.items():
            store.set(profile, name, value)
    except CredentialsError as exc:
        return _fail(str(exc))
    print(f"Stored the app secret and verify token of profile {profile!r} in the keyring.")
    return 0


def _run(args: argparse.Namespace) -> int:
    try:
        profile = _profile_name(args)
    except ValueError as exc:
        return _fail(str(exc))
    if args.store_secrets:
        return _store_secrets(profile)
    if not 0 <= args.port <= 65535:
        return _fail(f"--port: {args.port} is not a port number (0-65535)")
    from composer.webhooks.config import resolve_secrets

    try:
        app_secret, verify_token = resolve_secrets(profile)
    except ValueError as exc:
        return _fail(str(exc))

    from composer.storage.history import Store, StoreError
    from composer.templates.cache import TemplateCaches
    from composer.webhooks.parsing import WebhookEvent
    from composer.webhooks.recorder import WebhookRecorder
    from composer.webhooks.server import WebhookServer

    def on_event(event: WebhookEvent) -> None:
        print(describe_event(event), flush=True)

    try:
        store = Store()
    except StoreError as exc:
        return _fail(str(exc))
    try:
        server = WebhookServer(
            WebhookRecorder(store, on_event, templates=TemplateCaches()),
            app_secret=app_secret,
            verify_token=verify_token,
            host=args.host,
            port=args.port,
        )
        server.start()
    except OSError as exc:
        store.close()
        return _fail(f"cannot listen on {args.host}:{args.port} ({exc.strerror or exc})")
    print(f"Receiving webhooks at {server.url} (profile {profile!r}). Ctrl+C to stop.", flush=True)
    try:
        server.serve_forever()
    finally:
        store.close()
    return 0


def describe_event(event: Any) -> str:
    """One log line per recorded event (no secrets, no message content)."""
    from composer.webhooks.parsing import InboundMessage, StatusUpdate
    from composer.window.facts import iso_utc

    if isinstance(event, InboundMessage):
        who = event.sender or event.user_id
        return f"{iso_utc(event.timestamp)} inbound {event.type} from {who}"
    if isinstance(event, StatusUpdate):
        codes = "".join(f" (error {c})" for c in event.error_codes)
        return (
            f"{iso_utc(event.timestamp)} {event.status} {event.id} to {event.recipient_id}{codes}"
        )
    line = _describe_waba_event(event)
    if line is not None:
        return line
    return f"error notice: {', '.join(str(e.get('code')) for e in event.errors)}"


def _describe_waba_event(event: Any) -> str | None:
    """Template and marketing-preference events, one line each."""
    from composer.webhooks.template_events import (
        MarketingPreferenceUpdate,
        TemplateCategoryUpdate,
        TemplateQualityUpdate,
        TemplateStatusUpdate,
    )

    if isinstance(event, MarketingPreferenceUpdate):
        return f"marketing {event.value} from {event.wa_id}"
    if isinstance(event, TemplateStatusUpdate):
        return f"template {event.name} ({event.language}) {event.event}"
    if isinstance(event, TemplateQualityUpdate):
        return f"template {event.name} ({event.language}) quality {event.previous} -> {event.new}"
    if isinstance(event, TemplateCategoryUpdate):
        return f"template {event.name} ({event.language}) category -> {event.new}"
    return None
