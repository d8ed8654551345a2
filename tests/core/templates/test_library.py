"""The template library: search facets, webhook updates and the cache round trip."""

from __future__ import annotations

from datetime import UTC, datetime

from composer.sandbox.demo_templates import demo_template_records
from composer.templates import TemplateLibrary

WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
LIB = TemplateLibrary.from_graph(demo_template_records(), WHEN)


def test_facets() -> None:
    assert LIB.languages() == ("en_US", "pt_BR")
    assert LIB.categories() == ("AUTHENTICATION", "MARKETING", "UTILITY")
    assert LIB.statuses() == ("APPROVED", "PAUSED", "REJECTED")


def test_search_by_name_and_facets() -> None:
    assert [d.key for d in LIB.search("ORDER")] == [("order_shipped", "en_US"),
                                                     ("order_shipped", "pt_BR")]  # fmt: skip
    assert [d.name for d in LIB.search(category="MARKETING", status="APPROVED")] == [
        "welcome_offer"
    ]
    assert LIB.search("order", language="pt_BR")[0].language == "pt_BR"
    assert LIB.search("nothing like it") == ()


def test_updates_give_a_new_library() -> None:
    paused = LIB.updated("order_shipped", None, status="paused", quality="yellow")
    assert {d.status for d in paused.search("order_shipped")} == {"PAUSED"}
    assert paused.get("order_shipped", "pt_BR").quality == "YELLOW"  # type: ignore[union-attr]
    assert LIB.get("order_shipped", "pt_BR").status == "APPROVED"  # type: ignore[union-attr]
    one = LIB.updated("order_shipped", "en_US", category="marketing")
    assert [d.category for d in one.search("order_shipped")] == ["MARKETING", "UTILITY"]


def test_cache_form_round_trips_with_current_status() -> None:
    changed = LIB.updated("welcome_offer", "en_US", status="DISABLED")
    back = TemplateLibrary.from_json(changed.to_json())
    assert back.fetched_at == WHEN
    assert back == changed
    assert back.get("welcome_offer", "en_US").status == "DISABLED"  # type: ignore[union-attr]


def test_bad_records_are_skipped() -> None:
    lib = TemplateLibrary.from_graph([{"name": "x"}, 5, *demo_template_records()[:1]], None)
    assert [d.name for d in lib] == ["appointment_reminder"] and lib.fetched_at is None
