"""The WhatsApp Cloud API client: send a message, upload media, test the connection.

Every failure comes out as a composer.graph.errors.GraphError, already mapped to plain words.
The transport is injectable (the in-process sandbox, or a real loopback server in tests); TLS
verification is always on for the default transport. The token lives only in the HTTP client's
default headers and is never logged, repr'd or put in an error.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from composer import limits
from composer.accounts import Profile
from composer.credentials import SecretStr, is_usable_token
from composer.graph.errors import (
    ConfigurationError,
    GraphError,
    InvalidParameterError,
    MediaError,
    malformed_response,
)
from composer.graph.responses import (
    SendResult,
    parse_response,
    scrubbed,
    send_result,
    transport_error,
)
from composer.graph.retry import Attempt, RetryPolicy, run_with_retries
from composer.graph.urls import (
    catalog_products_path,
    messages_path,
    product_catalogs_path,
    templates_path,
)

__all__ = ["DEFAULT_TIMEOUT", "GraphClient", "PhoneNumberInfo", "SendResult"]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=5.0)
PHONE_FIELDS = "display_phone_number,verified_name,quality_rating"
TEMPLATE_FIELDS = (
    "id,name,language,status,category,parameter_format,components,rejected_reason,quality_score"
)
PRODUCT_FIELDS = "id,retailer_id,name,price,currency,image_url,description,availability"


@dataclass(frozen=True, slots=True)
class PhoneNumberInfo:
    display_phone_number: str
    verified_name: str
    quality_rating: str | None


class GraphClient:
    """One profile's connection to the Cloud API (or to anything that answers like it)."""

    def __init__(
        self,
        profile: Profile,
        token: str,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        sleep: Callable[[float], None] = time.sleep,
        retry_policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not isinstance(token, str) or not token.strip():
            raise ConfigurationError(
                "No access token",
                f"There is no access token for profile {profile.name!r}.",
                f"Store one with `wa-composer token set {profile.name}`.",
            )
        if not is_usable_token(token.strip()):
            raise ConfigurationError(
                "Unusable access token",
                "The access token contains spaces, line breaks or non-ASCII characters.",
                f"Copy the token again and store it with `wa-composer token set {profile.name}`.",
            )
        self.profile = profile
        self._token = SecretStr(token.strip())
        self._sleep = sleep
        self._clock = clock
        self._policy = retry_policy or RetryPolicy()
        self._http = httpx.Client(
            base_url=profile.base_url,
            transport=transport,
            timeout=timeout or DEFAULT_TIMEOUT,
            verify=True,
            follow_redirects=False,
            headers={"Authorization": f"Bearer {self._token.get_secret_value()}"},
        )

    def __repr__(self) -> str:
        return f"GraphClient(profile={self.profile.name!r}, base_url={self.profile.base_url!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> GraphClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- public calls --------------------------------------------------------------------------
    def send_message(
        self,
        payload: Mapping[str, Any],
        on_attempt: Callable[[Attempt], None] | None = None,
    ) -> SendResult:
        """POST /{version}/{phone-number-id}/messages. Never sends twice by accident."""
        try:
            body = json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (TypeError, ValueError, RecursionError) as exc:
            reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
            raise InvalidParameterError(
                "Payload is not JSON",
                f"The message can't be encoded as JSON ({reason}).",
                "Fix the payload; it must contain only JSON values.",
            ) from None
        path = messages_path(self.profile.api_version, self.profile.phone_number_id)

        def call() -> dict[str, Any]:
            return self._request(
                "POST",
                path,
                content=body,
                headers={"Content-Type": "application/json"},
                payload=payload,
            )

        data, attempts = run_with_retries(
            call, self._policy, sleep=self._sleep, clock=self._clock, on_attempt=on_attempt
        )
        return send_result(data, attempts)

    def upload_media(self, path: Path, mime: str) -> str:
        """POST /{version}/{phone-number-id}/media; checks type and size first. Returns the id."""
        kind = next((k for k in limits.MEDIA_KINDS.values() if mime in k.mime_types), None)
        if kind is None:
            allowed = ", ".join(t for k in limits.MEDIA_KINDS.values() for t in k.mime_types)
            raise MediaError(
                "Unsupported media type",
                f"{path.name}: {mime!r} is not a type WhatsApp accepts.",
                f"Use one of: {allowed}.",
            )
        try:
            size = path.stat().st_size
            handle = path.open("rb")
        except OSError as exc:
            raise MediaError(
                "File not readable",
                f"{path}: {exc.strerror or exc}.",
                "Check the file name and permissions.",
            ) from None
        with handle:
            if size > kind.max_bytes:
                raise MediaError(
                    "File too large",
                    f"{path.name} is {_size(size)}; WhatsApp accepts {kind.name} files up to "
                    f"{_size(kind.max_bytes)}.",
                    f"Make the file smaller than {_size(kind.max_bytes)}.",
                )
            url = f"/{self.profile.api_version}/{self.profile.phone_number_id}/media"

            def call() -> dict[str, Any]:
                handle.seek(0)
                return self._request(
                    "POST",
                    url,
                    data={"messaging_product": "whatsapp", "type": mime},
                    files={"file": (path.name, handle, mime)},
                )

            data, _ = run_with_retries(call, self._policy, sleep=self._sleep, clock=self._clock)
        media_id = data.get("id")
        if not isinstance(media_id, str) or not media_id:
            raise malformed_response(200, "the upload answer has no media 'id'")
        return media_id

    def phone_number_info(self) -> PhoneNumberInfo:
        """GET /{version}/{phone-number-id}: the "test connection" call."""
        url = f"/{self.profile.api_version}/{self.profile.phone_number_id}"

        def call() -> dict[str, Any]:
            return self._request("GET", url, params={"fields": PHONE_FIELDS}, idempotent=True)

        data, _ = run_with_retries(call, self._policy, sleep=self._sleep, clock=self._clock)
        display, name = data.get("display_phone_number"), data.get("verified_name")
        if not isinstance(display, str) or not isinstance(name, str):
            raise malformed_response(200, "the phone number answer lacks its fields")
        quality = data.get("quality_rating")
        return PhoneNumberInfo(display, name, quality if isinstance(quality, str) else None)

    def list_templates(self, waba_id: str) -> list[dict[str, Any]]:
        """GET /{version}/{waba-id}/message_templates, every page: the ``data`` items in order."""
        path = templates_path(self.profile.api_version, waba_id)
        return self._every_page(path, TEMPLATE_FIELDS, limits.TEMPLATE_PAGE_SIZE, "template list")

    def list_product_catalogs(self, waba_id: str) -> list[dict[str, Any]]:
        """GET /{version}/{waba-id}/product_catalogs: the catalog connected to the account (needs
        catalog_management; a refusal raises ``GraphPermissionError``)."""
        path = product_catalogs_path(self.profile.api_version, waba_id)
        return self._every_page(path, "id,name", limits.CATALOG_PAGE_SIZE, "catalog list")

    def list_catalog_products(self, catalog_id: str) -> list[dict[str, Any]]:
        """GET /{version}/{catalog-id}/products, every page (docs/spec/catalog.md)."""
        path = catalog_products_path(self.profile.api_version, catalog_id)
        return self._every_page(path, PRODUCT_FIELDS, limits.CATALOG_PAGE_SIZE, "product list")

    def _every_page(self, path: str, fields: str, size: int, what: str) -> list[dict[str, Any]]:
        """A Graph edge read page by page: the ``data`` items in order.

        Pages are followed while the answer has ``paging.next``, by re-asking the same path with
        ``after=<cursor>`` (the token never goes to a host named in a ``next`` URL); at most
        ``limits.GRAPH_MAX_PAGES`` pages, and a cursor that repeats is an unreadable answer.
        """
        items: list[dict[str, Any]] = []
        after: str | None = None
        seen: set[str] = set()
        for _ in range(limits.GRAPH_MAX_PAGES):
            params = {"fields": fields, "limit": str(size)}
            if after is not None:
                params["after"] = after

            def call(params: dict[str, str] = params) -> dict[str, Any]:
                return self._request("GET", path, params=params, idempotent=True)

            data, _ = run_with_retries(call, self._policy, sleep=self._sleep, clock=self._clock)
            page = data.get("data")
            if not isinstance(page, list):
                raise malformed_response(200, f"the {what} has no 'data' list")
            items += [item for item in page if isinstance(item, dict)]
            after = _next_cursor(data.get("paging"))
            if after is None:
                return items
            if after in seen:
                raise malformed_response(200, f"the {what} repeats a page cursor")
            seen.add(after)
        raise malformed_response(200, f"the {what} has more than {limits.GRAPH_MAX_PAGES} pages")

    # --- one HTTP exchange -----------------------------------------------------------------------
    def _request(
        self,
        method: str,
        url: str,
        *,
        idempotent: bool = False,
        payload: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            raise transport_error(exc, idempotent) from None
        except httpx.InvalidURL as exc:
            raise ConfigurationError(
                "Bad address",
                f"The request URL is invalid ({exc}).",
                "Check the profile's base URL and phone-number id.",
            ) from None
        log.debug("%s %s -> HTTP %s", method, url, response.status_code)
        try:
            return parse_response(response, payload)
        except GraphError as error:
            raise scrubbed(error, self._token.get_secret_value()) from None


def _next_cursor(paging: object) -> str | None:
    """The ``after`` cursor when another page exists (``paging.next`` present), else None."""
    if not isinstance(paging, Mapping) or not paging.get("next"):
        return None
    cursors = paging.get("cursors")
    after = cursors.get("after") if isinstance(cursors, Mapping) else None
    if isinstance(after, str) and after:
        return after
    from urllib.parse import parse_qs, urlsplit

    found = parse_qs(urlsplit(str(paging["next"])).query).get("after")
    return found[0] if found else None


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    return f"{n / 1024:g} KB"
