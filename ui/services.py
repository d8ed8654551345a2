"""The app's seams in one place: files, profiles, tokens, history, sandbox and the clock.

The window receives a ``Services`` so tests pass real objects pointed at temporary directories
(or a loopback server) instead of patching. Heavy pieces (keyring, httpx, the sandbox, SQLite)
are created on first use, never during start-up.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from composer.clock import utc_now

if TYPE_CHECKING:
    from composer.accounts import Profile, ProfileStore
    from composer.credentials import KeyringSecretStore, TokenStore
    from composer.sandbox import Sandbox
    from composer.storage.drafts import DraftStore
    from composer.storage.history import Store


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
        self._cache: dict[str, Any] = {}

    @property
    def drafts(self) -> DraftStore:
        if self._drafts is None:
            from composer.storage.drafts import DraftStore

            self._drafts = DraftStore()
        return self._drafts

    def _get(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def profiles(self) -> ProfileStore:
        from composer.accounts import ProfileStore

        return self._get("profiles", self.profiles_factory or ProfileStore)  # type: ignore[no-any-return]

    def tokens(self) -> TokenStore:
        def make() -> TokenStore:
            from composer.credentials import KeyringTokenStore

            return KeyringTokenStore()

        return self._get("tokens", self.tokens_factory or make)  # type: ignore[no-any-return]

    def secrets(self) -> KeyringSecretStore:
        """Webhook app secret and verify token per profile (keyring)."""

        def make() -> KeyringSecretStore:
            from composer.credentials import KeyringSecretStore

            return KeyringSecretStore()

        return self._get("secrets", self.secrets_factory or make)  # type: ignore[no-any-return]

    def store(self) -> Store:
        from composer.storage.history import Store

        return self._get("store", self.store_factory or Store)  # type: ignore[no-any-return]

    def sandbox(self) -> Sandbox:
        def make() -> Sandbox:
            from composer.sandbox import Sandbox

            return Sandbox(self.clock)

        return self._get("sandbox", self.sandbox_factory or make)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the sandbox's status timers and close the history database, if they were opened."""
        sandbox = self._cache.pop("sandbox", None)
        if sandbox is not None:
            sandbox.close()
        store = self._cache.pop("store", None)
        if store is not None:
            store.close()

    def profile(self, name: str) -> Profile:
        from composer.accounts import SANDBOX_PROFILE_NAME, sandbox_profile

        if name == SANDBOX_PROFILE_NAME:
            return sandbox_profile()
        return self.profiles().get(name)
