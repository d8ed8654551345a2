"""composer.sending.catalog: the account's catalog read through the send route (the in-process
sandbox), the per-account cache and its recovery, the refusal of catalog_management as an
empty catalog with a note, and the catalog's search and prices."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path

import pytest

from composer.accounts import Profile
from composer.catalog import Catalog, Product, display_price
from composer.catalog.cache import cache_path, read_cache
from composer.graph.errors import ConfigurationError
from composer.sandbox import Sandbox, StatusDelays
from composer.sending import SendDeps
from composer.sending.catalog import REFUSED_NOTE, load_catalog
from tests.core.sending.test_pipeline import MemoryTokens

NOW = datetime(2026, 11, 25, 14, 32, tzinfo=UTC)
QUIET = StatusDelays(sent=None, delivered=None, read=None)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    return tmp_path / "home"


class Counting:
    def __init__(self, **options: bool) -> None:
        self.sandbox = Sandbox(delays=QUIET, **options)
        self.calls = 0

    def __call__(self) -> Sandbox:
        self.calls += 1
        return self.sandbox


def deps(source: Counting) -> SendDeps:
    return SendDeps(
        tokens=MemoryTokens, sandbox=source, history=lambda: nullcontext(None), clock=lambda: NOW
    )


def test_the_demo_catalog_is_read_once_then_from_the_cache() -> None:
    source = Counting()
    first = load_catalog(None, deps(source))
    assert source.calls == 1 and len(first) == 12 and first.fetched_at == NOW
    assert first.catalog_id == "194836987003835" and first.note == ""
    jacket = first.get("JKT-RAIN-M-NAVY")
    assert jacket is not None and jacket.name == "Rain jacket, navy, M"
    assert jacket.shown_price == "€89.00" and jacket.image_url.endswith("jacket-navy.png")
    assert cache_path("sandbox").exists()
    again = load_catalog(None, deps(source))
    assert source.calls == 1 and again.products == first.products
    load_catalog(None, deps(source), refresh=True)
    assert source.calls == 2


def test_a_refused_catalog_management_is_an_empty_catalog_with_a_note_never_cached() -> None:
    source = Counting(catalog_access=False)
    refused = load_catalog(None, deps(source))
    assert len(refused) == 0 and refused.note == REFUSED_NOTE
    assert "catalog_management" in refused.note and "SKU" in refused.note
    assert not cache_path("sandbox").exists()
    source.sandbox.catalog.readable = True  # the permission is granted: the next read works
    assert len(load_catalog(None, deps(source))) == 12 and source.calls == 2


def test_a_damaged_cache_is_kept_aside_and_the_catalog_read_again() -> None:
    path = cache_path("sandbox")
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    notices: list[str] = []
    source = Counting()
    catalog = load_catalog(None, deps(source), on_notice=notices.append)
    assert len(catalog) == 12 and source.calls == 1
    assert len(notices) == 1 and "kept as" in notices[0]
    assert list(path.parent.glob("sandbox.json.corrupt-*"))
    assert read_cache(path).catalog == catalog


def test_a_profile_without_a_waba_id_says_how_to_add_one() -> None:
    profile = Profile("shop", "106540352242922", None)
    with pytest.raises(ConfigurationError) as caught:
        load_catalog(profile, deps(Counting()))
    assert "catalogs belong to the account" in caught.value.explanation


def test_search_by_name_or_sku_every_word_case_blind() -> None:
    catalog = load_catalog(None, deps(Counting()))
    assert [p.retailer_id for p in catalog.search("rain jacket")] == [
        "JKT-RAIN-M-NAVY", "JKT-RAIN-L-OLIVE",
    ]  # fmt: skip
    assert [p.retailer_id for p in catalog.search("boot-welly")] == ["BOOT-WELLY-41"]
    assert [p.retailer_id for p in catalog.search("OLIVE l")] == ["JKT-RAIN-L-OLIVE"]
    assert catalog.search("nothing like it") == ()
    assert len(catalog.search("")) == 12


def test_prices_show_graphs_formatted_string_or_the_amount_with_its_code() -> None:
    assert display_price("€89.00", "EUR") == "€89.00"
    assert display_price("89.00", "EUR") == "89.00 EUR"
    assert display_price("", "EUR") == ""
    items = [{"retailer_id": "A", "name": "a"}, {"name": "no sku"}, {"retailer_id": "A"}, 7]
    parsed = Catalog.from_graph("1", items, None)
    assert parsed.products == (Product("A", "a"),)  # no SKU: skipped; a repeat: the first kept
