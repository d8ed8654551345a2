"""The account's template library for the CLI and the window, through the same route as a send
(``pipeline.open_route``: the profile's account with its token, or the in-process sandbox), and
the one answer to "may this template go to this customer?" asked before any request.

``load_library`` reads the per-account cache (``composer.templates.cache``) unless asked to
refresh or none is usable, then fetches every page and stores it. It blocks (call it off the UI
thread) and raises only ``GraphError``: ``ConfigurationError`` when the profile has no WABA id
or no token, the client's mapped errors otherwise (a refused permission says which).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from composer.sending.route import SendDeps

if TYPE_CHECKING:
    from pathlib import Path

    from composer.accounts import Profile
    from composer.messages import TemplateMessage
    from composer.storage.records import MarketingPreference
    from composer.templates.library import TemplateLibrary

__all__ = [
    "PreferenceSource",
    "TemplateBlock",
    "cached_library",
    "fetch_templates",
    "library_key",
    "load_library",
    "payload_block",
    "template_block",
]

MARKETING_STOPPED_RULE = "template.marketing_stopped"


class PreferenceSource(Protocol):
    """The part of ``composer.storage.history.Store`` the marketing check reads."""

    def marketing_preference(self, recipient: str) -> MarketingPreference | None: ...


def library_key(profile: Profile | None) -> str:
    """The cache name of an account: the profile's name, or ``sandbox``."""
    from composer.templates.cache import SANDBOX_KEY

    return SANDBOX_KEY if profile is None or profile.is_sandbox else profile.name


def load_library(
    profile: Profile | None,
    deps: SendDeps,
    *,
    refresh: bool = False,
    on_notice: Callable[[str], None] | None = None,
) -> TemplateLibrary:
    """The library of ``profile`` (None: the built-in sandbox): the cache first unless
    ``refresh``; otherwise (or with no usable cache) fetched and cached. ``on_notice`` hears
    that a damaged cache was kept aside, or that the new one could not be written."""
    from composer.sending.cached import through_cache
    from composer.templates.cache import cache_path, read_cache, write_cache
    from composer.templates.library import TemplateLibrary

    def read(path: Path) -> tuple[TemplateLibrary | None, str | None]:
        cached = read_cache(path, deps.clock)
        return cached.library, cached.notice()

    def fetch() -> TemplateLibrary:
        return TemplateLibrary.from_graph(fetch_templates(profile, deps), deps.clock())

    path = cache_path(library_key(profile))
    return through_cache(
        path, read, write_cache, fetch, what="template", refresh=refresh, on_notice=on_notice
    )


def cached_library(profile: Profile) -> TemplateLibrary | None:
    """The cached library, never a request (None: no usable cache): what ``send`` checks a
    template against before sending (``SendDeps.templates``)."""
    from composer.templates.cache import cache_path, read_cache

    return read_cache(cache_path(library_key(profile))).library


def fetch_templates(profile: Profile | None, deps: SendDeps) -> list[dict[str, Any]]:
    """Every ``message_templates`` record of the account, as the Graph API returns them."""
    from composer.sending.waba import waba_client

    with waba_client(profile, deps, "templates") as (client, waba_id):
        return client.list_templates(waba_id)


@dataclass(frozen=True, slots=True)
class TemplateBlock:
    """Why a template send may not go: the rule id, the field and the sentence to show."""

    rule: str
    path: str
    reason: str


def template_block(
    message: TemplateMessage,
    recipient: str,
    library: TemplateLibrary,
    preferences: PreferenceSource | None = None,
) -> TemplateBlock | None:
    """The first reason the send would fail, checked as Meta checks it (name, language, status,
    variables; an AUTHENTICATION template to a business-scoped user id), then a MARKETING
    template to a customer who asked to stop marketing."""
    from composer.messages import Message
    from composer.rules.base import Out
    from composer.templates.checks import check_against
    from composer.user_ids import is_bsuid
    from composer.validation.envelope import check_template_recipient

    out = Out()
    definition = check_against(message, library, out)
    if definition is not None and definition.category == "AUTHENTICATION" and is_bsuid(recipient):
        check_template_recipient(Message(to=recipient, content=message), definition.category, out)
    first = next((i for i in out.issues if i.is_error), None)
    if first is not None:
        return TemplateBlock(first.rule, first.path, first.message)
    if definition is None or definition.category != "MARKETING" or preferences is None:
        return None
    said = preferences.marketing_preference(recipient)
    if said is None or not said.stopped:
        return None
    who = said.name or recipient
    text = (f"{who} asked to stop marketing messages on {said.at.date().isoformat()}; "
            f"'{definition.name}' is a marketing template (a utility template still reaches "
            "them).")  # fmt: skip
    return TemplateBlock(MARKETING_STOPPED_RULE, "to", text)


def payload_block(
    payload: dict[str, Any], library: TemplateLibrary, preferences: PreferenceSource | None
) -> TemplateBlock | None:
    """``template_block`` for a POST body; None when it is not a readable template send."""
    from composer.codec.errors import PayloadError
    from composer.messages import TemplateMessage
    from composer.payload.reader import from_payload
    from composer.user_ids import addressee

    try:
        content = from_payload(payload).content
    except PayloadError:
        return None
    if not isinstance(content, TemplateMessage):
        return None
    return template_block(content, addressee(payload), library, preferences)
