"""The catalog over real HTTP: the loopback sandbox's product_catalogs and products edges read
page by page by the app's GraphClient, and ``load_catalog`` for a profile pointed at the server
(the route a real account takes), including a token without catalog_management: an empty
catalog with a note, and the preview falls back to the SKU."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest

from composer import limits
from composer.accounts import Profile
from composer.graph.client import GraphClient
from composer.graph.errors import GraphPermissionError
from composer.kinds.kind_spec import SAMPLE_CATALOG_ID
from composer.sandbox import SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID, Sandbox, StatusDelays, serve
from composer.sending import SendDeps
from composer.sending.catalog import REFUSED_NOTE, load_catalog
from tests.core.sending.test_pipeline import MemoryTokens

QUIET = StatusDelays(None, None, None)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    return tmp_path / "home"


def account(url: str) -> Profile:
    return Profile("shop", SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID, base_url=url)


def deps() -> SendDeps:
    return SendDeps(
        tokens=lambda: MemoryTokens(shop="EAAG-any-token"),
        sandbox=lambda: pytest.fail("a profile with a URL never uses the in-process sandbox"),
        history=lambda: nullcontext(None),
    )


def test_the_client_reads_every_page_of_the_products(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "CATALOG_PAGE_SIZE", 5)  # 12 products: three pages
    with serve(sandbox=Sandbox(delays=QUIET)) as server, GraphClient(
        account(server.url), "EAAG-any-token"
    ) as client:  # fmt: skip
        catalogs = client.list_product_catalogs(SANDBOX_WABA_ID)
        assert [c["id"] for c in catalogs] == [SAMPLE_CATALOG_ID]
        products = client.list_catalog_products(SAMPLE_CATALOG_ID)
    skus = [p["retailer_id"] for p in products]
    assert len(skus) == len(set(skus)) == 12
    assert all(p["name"] and p["price"] and p["currency"] and p["image_url"] for p in products)


def test_a_refused_catalog_is_a_permission_error_on_the_wire() -> None:
    sandbox = Sandbox(delays=QUIET, catalog_access=False)
    with serve(sandbox=sandbox) as server:
        client = GraphClient(account(server.url), "EAAG-t")
        with client, pytest.raises(GraphPermissionError) as refused:
            client.list_product_catalogs(SANDBOX_WABA_ID)
    assert refused.value.code == 200 and refused.value.http_status == 403


def test_load_catalog_through_a_profile_then_the_cache_then_a_refusal() -> None:
    with serve(sandbox=Sandbox(delays=QUIET)) as server:
        catalog = load_catalog(account(server.url), deps())
    assert catalog.catalog_id == SAMPLE_CATALOG_ID and len(catalog) == 12
    assert load_catalog(account("http://127.0.0.1:9"), deps()) == catalog  # the cache: no request
    with serve(sandbox=Sandbox(delays=QUIET, catalog_access=False)) as server:
        refused = load_catalog(account(server.url), deps(), refresh=True)
    assert len(refused) == 0 and refused.note == REFUSED_NOTE
