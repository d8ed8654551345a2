"""POST /{pnid}/media on the sandbox: multipart parsing, MIME types and size limits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from composer import limits
from composer.sandbox import SANDBOX_PHONE_NUMBER_ID, Sandbox, SandboxTransport, StatusDelays
from tests.core.sandbox.helpers import AUTH, Clock

MEDIA = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/media"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(Clock(), delays=StatusDelays(None, None, None)) as s:
        yield s


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[httpx.Client]:
    transport = SandboxTransport(sandbox)
    with httpx.Client(base_url="https://graph.facebook.com", transport=transport) as c:
        yield c


def upload(
    client: httpx.Client,
    content: bytes,
    mime: str,
    *,
    type_field: str | None = None,
    product: str | None = "whatsapp",
) -> httpx.Response:
    data: dict[str, Any] = {}
    if product is not None:
        data["messaging_product"] = product
    if type_field is not None:
        data["type"] = type_field
    files = {"file": ("upload.bin", content, mime)}
    return client.post(MEDIA, data=data, files=files, headers=AUTH)


def code_and_details(r: httpx.Response) -> tuple[int, str]:
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    return err["code"], err.get("error_data", {}).get("details", "")


def test_png_upload_returns_a_media_id(client: httpx.Client, sandbox: Sandbox) -> None:
    r = upload(client, PNG, "image/png", type_field="image/png")
    assert r.status_code == 200
    media_id = r.json()["id"]
    assert set(r.json()) == {"id"} and media_id.isdigit()
    assert sandbox.media(media_id) == ("image/png", len(PNG))
    second = upload(client, PNG, "image/png").json()["id"]  # type taken from the file part
    assert second != media_id


def test_every_listed_mime_type_is_accepted(client: httpx.Client) -> None:
    for kind in limits.MEDIA_KINDS.values():
        for mime in kind.mime_types:
            assert upload(client, b"x" * 10, mime, type_field=mime).status_code == 200, mime


def test_unsupported_mime_is_code_100_listing_the_types(client: httpx.Client) -> None:
    code, details = code_and_details(upload(client, b"PK", "application/zip"))
    assert code == 100
    assert "application/zip" in details and "image/png" in details and "Param file" in details


@pytest.mark.parametrize("kind", ["image", "sticker"])
def test_too_big_is_131053_naming_the_limit(client: httpx.Client, kind: str) -> None:
    media = limits.MEDIA_KINDS[kind]
    mime = media.mime_types[0]
    assert upload(client, b"x" * media.max_bytes, mime).status_code == 200
    code, details = code_and_details(upload(client, b"x" * (media.max_bytes + 1), mime))
    assert code == 131053 and str(media.max_bytes) in details


def test_missing_parts_are_131008(client: httpx.Client) -> None:
    code, details = code_and_details(upload(client, PNG, "image/png", product=None))
    assert code == 131008 and "messaging_product" in details
    r = client.post(MEDIA, data={"messaging_product": "whatsapp"}, files={}, headers=AUTH)
    # httpx sends a urlencoded body when there are no files: not multipart at all
    assert code_and_details(r)[0] == 100
    r = client.post(
        MEDIA,
        data={"messaging_product": "whatsapp"},
        files={"other": ("a.png", PNG, "image/png")},
        headers=AUTH,
    )
    code, details = code_and_details(r)
    assert code == 131008 and "file" in details


def test_wrong_product_and_empty_file(client: httpx.Client) -> None:
    assert code_and_details(upload(client, PNG, "image/png", product="messenger"))[0] == 100
    assert code_and_details(upload(client, b"", "image/png"))[0] == 131053


def test_upload_needs_a_token(client: httpx.Client) -> None:
    r = client.post(MEDIA, data={"messaging_product": "whatsapp"}, files={"file": ("a", PNG)})
    assert r.status_code == 401 and r.json()["error"]["code"] == 190
