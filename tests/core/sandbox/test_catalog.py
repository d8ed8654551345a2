"""The sandbox's demo catalog: the WABA's product_catalogs edge, the catalog's products page by
page with ``fields``, the pictures it ships, the refusal of a token without
catalog_management, and every SKU the samples and examples name is in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from composer.kinds.kind_spec import SAMPLE_CATALOG_ID
from composer.samples import sample_kinds, sample_payload
from composer.sandbox import SANDBOX_WABA_ID, Sandbox, StatusDelays
from composer.sandbox.wire import SandboxRequest
from tests.core.sandbox.helpers import TOKEN
from tests.examples import examples

QUIET = StatusDelays(None, None, None)
AUTH = {"authorization": f"Bearer {TOKEN}"}  # the simulator reads lower-case header names


def get(sandbox: Sandbox, path: str, **query: str) -> tuple[int, dict[str, Any]]:
    reply = sandbox.handle(SandboxRequest("GET", path, AUTH, b"", query))
    return reply.status, reply.body


def skus(value: object) -> set[str]:
    """Every product retailer id named anywhere in a payload."""
    if isinstance(value, dict):
        found = {str(v) for k, v in value.items() if k.endswith("product_retailer_id")}
        return found.union(*(skus(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(skus(v) for v in value))
    return set()


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(delays=QUIET)


def test_the_account_has_one_catalog_the_samples_name(sandbox: Sandbox) -> None:
    status, body = get(sandbox, f"/v23.0/{SANDBOX_WABA_ID}/product_catalogs")
    assert status == 200
    assert [c["id"] for c in body["data"]] == [SAMPLE_CATALOG_ID]
    assert body["data"][0]["name"]


def test_a_dozen_products_with_names_prices_currency_and_shipped_pictures(
    sandbox: Sandbox,
) -> None:
    status, body = get(sandbox, f"/v23.0/{SAMPLE_CATALOG_ID}/products", limit="100")
    assert status == 200 and "next" not in body.get("paging", {})
    products = body["data"]
    assert len(products) == 12
    assert len({p["retailer_id"] for p in products}) == 12
    for p in products:
        assert p["name"] and p["price"].startswith("€") and p["currency"] == "EUR"
        picture = Path(unquote(urlparse(p["image_url"]).path))
        assert p["image_url"].startswith("file://") and picture.is_file()
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_products_come_page_by_page_with_only_the_fields_asked(sandbox: Sandbox) -> None:
    path = f"/v23.0/{SAMPLE_CATALOG_ID}/products"
    seen: list[str] = []
    after = ""
    pages = 0
    while True:
        query = {"fields": "retailer_id,name", "limit": "5"} | ({"after": after} if after else {})
        status, body = get(sandbox, path, **query)
        assert status == 200
        pages += 1
        assert all(set(p) == {"id", "retailer_id", "name"} for p in body["data"])
        seen += [p["retailer_id"] for p in body["data"]]
        if "next" not in body["paging"]:
            break
        assert "after=" in body["paging"]["next"]
        after = body["paging"]["cursors"]["after"]
    assert pages == 3 and len(seen) == len(set(seen)) == 12


@pytest.mark.parametrize(
    ("query", "fragment"), [({"limit": "0"}, "limit"), ({"after": "x!"}, "cursor")]
)
def test_a_bad_limit_or_cursor_is_graphs_100(
    sandbox: Sandbox, query: dict[str, str], fragment: str
) -> None:
    status, body = get(sandbox, f"/v23.0/{SAMPLE_CATALOG_ID}/products", **query)
    assert status == 400 and body["error"]["code"] == 100 and fragment in body["error"]["message"]


def test_without_catalog_access_both_edges_answer_the_permission_error() -> None:
    sandbox = Sandbox(delays=QUIET, catalog_access=False)
    for path in (f"/{SANDBOX_WABA_ID}/product_catalogs", f"/{SAMPLE_CATALOG_ID}/products"):
        status, body = get(sandbox, path)
        assert status == 403 and body["error"]["code"] == 200
        assert "catalog_management" in body["error"]["message"]


def test_every_sku_the_samples_and_examples_name_is_in_the_demo_catalog(sandbox: Sandbox) -> None:
    catalog = {r["retailer_id"] for r in sandbox.catalog.records()}
    named = set().union(*(skus(sample_payload(k)) for k in sample_kinds()))
    for name, payload in examples().items():
        if name != "invalid":  # the invalid example names made-up SKU-n products on purpose
            named |= skus(payload)
    assert named and named <= catalog, named - catalog
