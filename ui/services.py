"""The app's seams in one place: files, profiles, tokens, history, sandbox and the clock.

The window receives a ``Services`` so tests pass real objects pointed at temporary directories
(or a loopback server) instead of patching. Heavy pieces (keyring, httpx, the sandbox, SQLite)
are created on first use, never during start-up.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from composer.clock import utc_now

if TYPE_CHECKING:
    from composer.accounts import Profile, ProfileStore
    from composer.catalog import Catalog
    from composer.credentials import KeyringSecretStore, TokenStore
    from composer.sandbox import Sandbox
    from composer.storage.drafts import DraftStore
    from composer.storage.history import Store
    from composer.templates import TemplateLibrary


class Services:
    """Seams of the app; every argument is optional and defaults to the real thing."""

    def __init__(
        self,
        drafts: DraftStore | None = None,
        profiles_factory: Callable[[], ProfileStore] | None = None,
        tokens_factory: Callable[[], TokenStore] | None = None,
        secrets_factory: Callable[[], KeyringSecretStore] | None = None,
        store_factory: Callable[[], Store] | None = None,
        sandbox_factory: Callable[[], Sandbox] | None = None,
        clock: Callable[[], datetime] = utc_now,
        confirm: Callable[[str], bool] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._drafts = drafts
        self.profiles_factory = profiles_factory
        self.tokens_factory = tokens_factory
        self.secrets_factory = secrets_factory
        self.store_factory = store_factory
        self.sandbox_factory = sandbox_factory
        self.clock = clock
        # Asked before a real (non-sandbox) send; True goes ahead. Tests pass a function.
        self.confirm = confirm
        self.sleep = sleep  # between send retries, on the worker thread; tests pass their own
        self._profiles: ProfileStore | None = None
        self._tokens: TokenStore | None = None
        self._secrets: KeyringSecretStore | None = None
        self._store: Store | None = None
        self.history_notice: str | None = None  # set when a damaged history was kept aside
        self._sandbox: Sandbox | None = None

    @property
    def drafts(self) -> DraftStore:
        if self._drafts is None:
            from composer.storage.drafts import DraftStore

            self._drafts = DraftStore()
        return self._drafts

    def profiles(self) -> ProfileStore:
        if self._profiles is None:
            from composer.accounts import ProfileStore

            self._profiles = (self.profiles_factory or ProfileStore)()
        return self._profiles

    def tokens(self) -> TokenStore:
        if self._tokens is None:
            if self.tokens_factory is not None:
                self._tokens = self.tokens_factory()
            else:
                from composer.credentials import KeyringTokenStore

                self._tokens = KeyringTokenStore()
        return self._tokens

    def secrets(self) -> KeyringSecretStore:
        """Webhook app secret and verify token per profile (keyring)."""
        if self._secrets is None:
            from composer.credentials import KeyringSecretStore

            self._secrets = (self.secrets_factory or KeyringSecretStore)()
        return self._secrets

    def store(self) -> Store:
        """The history; a damaged file is kept aside and a new one started (``history_notice``)."""
        if self._store is None:
            if self.store_factory is not None:
                self._store = self.store_factory()
            else:
                from composer.storage.recovery import open_history

                opened = open_history(clock=self.clock)
                self._store, self.history_notice = opened.store, opened.notice()
        return self._store

    def sandbox(self) -> Sandbox:
        if self._sandbox is None:
            if self.sandbox_factory is not None:
                self._sandbox = self.sandbox_factory()
            else:
                from composer.sandbox import Sandbox

                self._sandbox = Sandbox(self.clock)
        return self._sandbox

    def close(self) -> None:
        """Stop the sandbox's status timers and close the history database, if they were opened."""
        sandbox, self._sandbox = self._sandbox, None
        if sandbox is not None:
            sandbox.close()
        store, self._store = self._store, None
        if store is not None:
            store.close()

    def profile(self, name: str) -> Profile:
        from composer.accounts import SANDBOX_PROFILE_NAME, sandbox_profile

        if name == SANDBOX_PROFILE_NAME:
            return sandbox_profile()
        return self.profiles().get(name)

    def template_library(
        self, profile: Profile | None, *, refresh: bool = False
    ) -> TemplateLibrary:
        """The account's templates (``profile`` None: the sandbox's): the per-account cache
        first, fetched over the Graph API (or from the window's sandbox) when ``refresh`` or
        when none is cached. Blocking: call it through ``TaskRunner``, never on the UI thread.
        The one seam between the window and ``composer.sending.templates.load_library``.
        """
        from composer.sending.templates import load_library
        from ui.sender import window_deps

        return load_library(profile, window_deps(self), refresh=refresh)

    def product_catalog(self, profile: Profile | None, *, refresh: bool = False) -> Catalog:
        """The account's catalog (``profile`` None: the sandbox's demo catalog), cached like
        the templates; an empty one with a note when the token may not read it. Blocking.
        The one seam between the window and ``composer.sending.catalog.load_catalog``."""
        from composer.sending.catalog import load_catalog
        from ui.sender import window_deps

        return load_catalog(profile, window_deps(self), refresh=refresh)
