"""The per-account template cache: round trip, a damaged file kept aside, webhooks followed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from composer.sandbox.demo_templates import demo_template_records
from composer.templates import TemplateLibrary
from composer.templates.cache import TemplateCaches, cache_path, read_cache, write_cache

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def demo() -> TemplateLibrary:
    return TemplateLibrary.from_graph(demo_template_records(), T0)


def test_round_trip_keeps_records_and_fetch_time(tmp_path: Path) -> None:
    path = cache_path("shop", tmp_path)
    assert path == tmp_path / "shop.json"
    assert read_cache(path).library is None  # no cache yet
    write_cache(path, demo())
    back = read_cache(path).library
    assert back is not None and back.fetched_at == T0
    assert [d.key for d in back] == [d.key for d in demo()]
    assert back.get("order_shipped", "pt_BR") == demo().get("order_shipped", "pt_BR")
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_damaged_cache_is_kept_aside_not_overwritten(tmp_path: Path) -> None:
    for junk in (b"{not json", b'{"format": 1}', b"[]", b'{"format": 1, "data": {}, '
                 b'"fetched_at": "x"}'):  # fmt: skip
        path = tmp_path / "shop.json"
        path.write_bytes(junk)
        read = read_cache(path, clock=lambda: T0)
        assert read.library is None and read.set_aside is not None
        assert read.set_aside.read_bytes() == junk and not path.exists()
        assert str(read.set_aside) in (read.notice() or "")
        read.set_aside.unlink()


def test_webhook_changes_update_every_cache_of_the_account(tmp_path: Path) -> None:
    write_cache(cache_path("shop", tmp_path), demo())
    write_cache(cache_path("other", tmp_path), demo())
    caches = TemplateCaches(tmp_path, accounts=lambda waba: ["shop"] if waba == "42" else [])
    assert caches.apply("42", "appointment_reminder", "en-US", status="PAUSED") == 1
    assert caches.apply("42", "welcome_offer", None, quality="RED") == 1
    assert caches.apply("42", "unknown_one", None, status="PAUSED") == 0
    assert caches.apply("7", "appointment_reminder", None, status="PAUSED") == 0
    shop = read_cache(cache_path("shop", tmp_path)).library
    other = read_cache(cache_path("other", tmp_path)).library
    assert shop is not None and other is not None
    reminder = shop.get("appointment_reminder", "en_US")
    assert reminder is not None and not reminder.sendable and reminder.status == "PAUSED"
    offer = shop.get("welcome_offer", "en_US")
    assert offer is not None and offer.quality == "RED"
    assert other.get("appointment_reminder", "en_US").sendable  # type: ignore[union-attr]
    data = json.loads(cache_path("shop", tmp_path).read_text())
    assert data["fetched_at"] == T0.isoformat()  # a webhook is not a refresh
