"""The Graph messages endpoint, built here and nowhere else.

``GraphClient`` POSTs to ``messages_path``; the window's "Copy as cURL" shows ``messages_url``.
Pure string work (no httpx), so the window can call it on start-up.
"""

from __future__ import annotations

from typing import Protocol

PHONE_NUMBER_ID_PLACEHOLDER = "$WA_PHONE_NUMBER_ID"


class Endpoint(Protocol):
    """The part of ``composer.accounts.Profile`` the URL needs."""

    @property
    def base_url(self) -> str: ...

    @property
    def api_version(self) -> str: ...

    @property
    def phone_number_id(self) -> str: ...


def messages_path(api_version: str, phone_number_id: str) -> str:
    """``/{version}/{phone-number-id}/messages``, relative to the profile's base URL."""
    return f"/{api_version}/{phone_number_id}/messages"


def templates_path(api_version: str, waba_id: str) -> str:
    """``/{version}/{waba-id}/message_templates``: the account's template library."""
    return f"/{api_version}/{waba_id}/message_templates"


def product_catalogs_path(api_version: str, waba_id: str) -> str:
    """``/{version}/{waba-id}/product_catalogs``: the catalog connected to the account."""
    return f"/{api_version}/{waba_id}/product_catalogs"


def catalog_products_path(api_version: str, catalog_id: str) -> str:
    """``/{version}/{catalog-id}/products``: a catalog's products (docs/spec/catalog.md)."""
    return f"/{api_version}/{catalog_id}/products"


def messages_url(profile: Endpoint | None) -> str:
    """The full POST URL of ``profile``; with None, one that works with a real account once the
    phone-number id is filled in (the sandbox lives in-process and has no URL of its own)."""
    if profile is None:
        from composer.accounts import DEFAULT_API_VERSION, DEFAULT_BASE_URL

        return DEFAULT_BASE_URL + messages_path(DEFAULT_API_VERSION, PHONE_NUMBER_ID_PLACEHOLDER)
    return profile.base_url + messages_path(profile.api_version, profile.phone_number_id)
