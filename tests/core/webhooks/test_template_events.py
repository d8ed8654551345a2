"""Template and user_preferences webhooks: parsed from Meta's reference shapes, recorded (the
marketing table), de-duplicated, and followed by the cached libraries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from composer.sandbox.demo_templates import demo_template_records
from composer.storage.history import Store
from composer.templates import TemplateLibrary
from composer.templates.cache import TemplateCaches, cache_path, read_cache, write_cache
from composer.webhooks.parsing import parse
from composer.webhooks.recorder import WebhookRecorder, describe_result, import_pasted
from composer.webhooks.template_events import (
    MarketingPreferenceUpdate,
    TemplateCategoryUpdate,
    TemplateQualityUpdate,
    TemplateStatusUpdate,
)

WABA = "102290129340398"


def body(field: str, value: dict[str, Any], time: int | None = 1739321024) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": WABA, "changes": [{"field": field, "value": value}]}
    if time is not None:
        entry["time"] = time
    return {"object": "whatsapp_business_account", "entry": [entry]}


# docs/spec/templates.md section 7, Meta's examples
STATUS = body("message_template_status_update", {
    "event": "PAUSED", "message_template_id": 910000000000001,
    "message_template_name": "appointment_reminder", "message_template_language": "en-US",
    "reason": "NONE", "message_template_category": "UTILITY",
    "other_info": {"title": "FIRST_PAUSE", "description": "paused"}})  # fmt: skip
QUALITY = body("message_template_quality_update", {
    "previous_quality_score": "GREEN", "new_quality_score": "YELLOW",
    "message_template_id": 806312974732579, "message_template_name": "welcome_offer",
    "message_template_language": "en-US"}, 1674864290)  # fmt: skip
CATEGORY = body("template_category_update", {
    "message_template_id": 278077987957091, "message_template_name": "order_shipped",
    "message_template_language": "en-US", "previous_category": "UTILITY",
    "new_category": "MARKETING"})  # fmt: skip
PREFS = body("user_preferences", {
    "messaging_product": "whatsapp",
    "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
    "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": "16505551234"}],
    "user_preferences": [{"wa_id": "16505551234",
                          "detail": "User requested to stop marketing messages",
                          "category": "marketing_messages", "value": "stop",
                          "timestamp": 1731705721}]}, None)  # fmt: skip


def test_each_shape_parses_to_its_event() -> None:
    (status,) = parse(STATUS)
    assert isinstance(status, TemplateStatusUpdate)
    assert (status.waba_id, status.template_id, status.name, status.language) == (
        WABA,
        "910000000000001",
        "appointment_reminder",
        "en_US",
    )
    assert status.event == "PAUSED" and status.new_status == "PAUSED"
    assert status.at == datetime.fromtimestamp(1739321024, UTC)
    (quality,) = parse(QUALITY)
    assert isinstance(quality, TemplateQualityUpdate)
    assert (quality.previous, quality.new) == ("GREEN", "YELLOW")
    (category,) = parse(CATEGORY)
    assert isinstance(category, TemplateCategoryUpdate) and category.changed
    assert (category.previous, category.new) == ("UTILITY", "MARKETING")
    (prefs,) = parse(PREFS)
    assert isinstance(prefs, MarketingPreferenceUpdate)
    assert (prefs.wa_id, prefs.value, prefs.name) == ("16505551234", "stop", "Sheena Nelson")
    assert prefs.at == datetime.fromtimestamp(1731705721, UTC)


def test_the_issue_field_name_and_an_announced_change_and_old_quality_field() -> None:
    value = dict(CATEGORY["entry"][0]["changes"][0]["value"])
    (named,) = parse(body("message_template_category_update", value))
    assert isinstance(named, TemplateCategoryUpdate)
    announced = {**value, "correct_category": "MARKETING", "new_category": "UTILITY",
                 "category_update_timestamp": 1760711433}  # fmt: skip
    del announced["previous_category"]
    (soon,) = parse(body("template_category_update", announced))
    assert isinstance(soon, TemplateCategoryUpdate) and not soon.changed
    old_revision = body("message_template_status_update",
                        QUALITY["entry"][0]["changes"][0]["value"])  # fmt: skip
    assert isinstance(parse(old_revision)[0], TemplateQualityUpdate)
    assert parse(body("message_template_status_update", {"event": "PAUSED"})) == []  # no name
    flagged = dict(STATUS["entry"][0]["changes"][0]["value"], event="FLAGGED")
    (event,) = parse(body("message_template_status_update", flagged))
    assert isinstance(event, TemplateStatusUpdate) and event.new_status is None


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "h.sqlite3") as s:
        yield s


def test_recorder_keeps_preferences_and_follows_the_cache(store: Store, tmp_path: Path) -> None:
    library = TemplateLibrary.from_graph(demo_template_records(), datetime(2026, 5, 1, tzinfo=UTC))
    write_cache(cache_path("shop", tmp_path), library)
    caches = TemplateCaches(tmp_path, accounts=lambda waba: ["shop"] if waba == WABA else [])
    seen: list[object] = []
    recorder = WebhookRecorder(store, seen.append, templates=caches)
    result = recorder.apply([*parse(STATUS), *parse(QUALITY), *parse(CATEGORY), *parse(PREFS)])
    assert (result.recorded, result.templates, result.preferences) == (4, 3, 1)
    assert len(seen) == 4
    cached = read_cache(cache_path("shop", tmp_path)).library
    assert cached is not None
    assert cached.get("appointment_reminder", "en_US").status == "PAUSED"  # type: ignore[union-attr]
    assert cached.get("welcome_offer", "en_US").quality == "YELLOW"  # type: ignore[union-attr]
    assert [d.category for d in cached if d.name == "order_shipped"] == ["MARKETING", "UTILITY"]
    said = store.marketing_preference("+1 650 555 1234")
    assert said is not None and said.stopped and said.name == "Sheena Nelson"
    assert said.detail == "User requested to stop marketing messages"
    replay = recorder.apply(parse(STATUS) + parse(PREFS))
    assert (replay.recorded, replay.duplicates) == (0, 2)
    assert "template update" in describe_result(result)


def test_pasted_preferences_are_imported(store: Store) -> None:
    import json

    result = import_pasted(json.dumps(PREFS), store)
    assert result.preferences == 1
    said = store.marketing_preference("16505551234")
    assert said is not None and said.source == "pasted"
