"""A Graph client on a WhatsApp Business Account's own edges (its templates, its catalog),
through the same route as a send: the profile's account with its token, or the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from composer.sending.route import SendDeps, open_route

if TYPE_CHECKING:
    from composer.accounts import Profile
    from composer.graph.client import GraphClient

__all__ = ["waba_client"]


@contextmanager
def waba_client(
    profile: Profile | None, deps: SendDeps, what: str
) -> Iterator[tuple[GraphClient, str]]:
    """(client, WABA id) of ``profile`` (None: the sandbox). ``ConfigurationError`` when the
    profile has no WABA id (``what`` says what belongs to the account) or no token."""
    from composer.accounts import sandbox_profile
    from composer.credentials import CredentialsError
    from composer.demo_contacts import SANDBOX_WABA_ID
    from composer.graph.client import GraphClient
    from composer.graph.errors import ConfigurationError

    chosen = profile if profile is not None else sandbox_profile()
    waba_id = SANDBOX_WABA_ID if chosen.is_sandbox else chosen.waba_id
    if waba_id is None:
        raise ConfigurationError(
            "No WABA id",
            f"Profile {chosen.name!r} has no WhatsApp Business Account id, and {what} belong "
            "to the account, not to the phone number.",
            f"Add it: `wa-composer profile remove {chosen.name}`, then `wa-composer profile add "
            f"{chosen.name} --phone-number-id {chosen.phone_number_id} --waba-id ID` (WhatsApp "
            "Manager > Account tools, or the App Dashboard > WhatsApp > API Setup).",
        )
    try:
        route = open_route(chosen, deps)
    except CredentialsError as exc:
        raise ConfigurationError(
            "No access token", str(exc), f"Store one with `wa-composer token set {chosen.name}`."
        ) from None
    try:
        with GraphClient(
            route.profile, route.token, transport=route.transport, sleep=deps.sleep,
            retry_policy=deps.retry_policy,
        ) as client:  # fmt: skip
            yield client, waba_id
    finally:
        if route.sandbox is not None and deps.owns_sandbox:
            route.sandbox.close()
