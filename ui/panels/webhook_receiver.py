"""The webhook receiver inside the app: start/stop, sandbox delivery, events on the UI thread.

The server and the sandbox's status timer call back from their own threads; ``event_received``
is a Qt signal, so connected slots run on the UI thread (queued connection). With no app secret
configured the receiver still runs for the sandbox, with a random per-session secret that only
the sandbox knows, so nothing else can post to it.
"""

from __future__ import annotations

import secrets
from typing import Any

from PySide6.QtCore import QObject, Signal

from composer.webhooks.config import DEFAULT_PORT
from composer.webhooks.parsing import WebhookEvent
from composer.webhooks.recorder import WebhookRecorder
from composer.webhooks.server import ServerStats, WebhookServer


class WebhookReceiverControl(QObject):
    """Owns one ``WebhookServer`` for the window's lifetime (``stop()`` on close)."""

    event_received = Signal(object)  # a composer.webhooks.parsing event, on the UI thread
    state_changed = Signal()

    def __init__(
        self,
        store: Any,
        *,
        host: str = "127.0.0.1",
        port: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``port`` None: any free port for the sandbox alone, ``DEFAULT_PORT`` (stable, for a
        tunnel) with real secrets."""
        super().__init__(parent)
        self._store = store
        self._host, self._port = host, port
        self._server: WebhookServer | None = None
        self._secret = ""
        self._sandbox_only = False
        self._posters: list[tuple[Any, Any]] = []
        self.error: str | None = None
        self.events_seen = 0
        self.event_received.connect(self._count)

    # --- lifecycle -----------------------------------------------------------------------------
    def start(self, app_secret: str | None = None, verify_token: str | None = None) -> bool:
        """Listen; True on success (else ``error`` says why). No secret: sandbox-only mode."""
        self.stop()
        self._sandbox_only = not app_secret
        self._secret = app_secret or secrets.token_hex(32)
        port = self._port if self._port is not None else 0 if self._sandbox_only else DEFAULT_PORT
        from composer.templates.cache import TemplateCaches

        # template webhooks (paused, quality, category) update the cached template libraries
        recorder = WebhookRecorder(
            self._store, self.event_received.emit, templates=TemplateCaches()
        )
        server = WebhookServer(
            recorder,
            app_secret=self._secret,
            verify_token=verify_token or "",
            host=self._host,
            port=port,
        )
        try:
            server.start()
        except OSError as exc:
            self.error = f"cannot listen on {self._host}:{port} ({exc.strerror or exc})"
            self.state_changed.emit()
            return False
        self._server, self.error = server, None
        self.state_changed.emit()
        return True

    def start_for_profile(self, profile: str) -> bool:
        """Start with the profile's secrets (environment or keyring), else sandbox-only."""
        from composer.webhooks.config import resolve_secrets

        try:
            app_secret, verify_token = resolve_secrets(profile)
        except ValueError:
            return self.start()
        return self.start(app_secret, verify_token)

    def stop(self) -> None:
        for sandbox, poster in self._posters:
            sandbox.remove_status_listener(poster)
            poster.close()
        self._posters.clear()
        server, self._server = self._server, None
        if server is not None:
            server.close()
            self.state_changed.emit()

    def attach_sandbox(self, sandbox: Any) -> None:
        """Have ``sandbox`` deliver its status webhooks here, signed, over loopback."""
        from composer.sandbox.webhooks_out import WebhookPoster

        if self._server is None:
            raise RuntimeError("start the receiver before attaching the sandbox")
        if any(existing is sandbox for existing, _ in self._posters):
            return
        poster = WebhookPoster(self._server.url, self._secret)
        sandbox.add_status_listener(poster)
        self._posters.append((sandbox, poster))

    # --- what the indicator shows ------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def url(self) -> str | None:
        return self._server.url if self._server is not None else None

    @property
    def has_sandbox(self) -> bool:
        return bool(self._posters)

    @property
    def sandbox_only(self) -> bool:
        return self._sandbox_only

    def stats(self) -> ServerStats:
        return self._server.stats() if self._server is not None else ServerStats()

    def _count(self, _event: WebhookEvent) -> None:
        self.events_seen += 1
