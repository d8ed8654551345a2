"""Receiving business-scoped user ids (docs/spec/bsuid.md): a webhook with only a BSUID records
the window under it, one with both links them, statuses and marketing words follow."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from composer.storage.history import Store
from composer.webhooks.parsing import InboundMessage, StatusUpdate, parse
from composer.webhooks.recorder import WebhookRecorder
from composer.webhooks.template_events import MarketingPreferenceUpdate
from tests.examples import reference_shapes

NUMBER, USER_ID = "16505550123", "US.13491208655302741918"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "h.sqlite3") as s:
        yield s


def _value(body: dict[str, Any]) -> dict[str, Any]:
    value: dict[str, Any] = body["entry"][0]["changes"][0]["value"]
    return value


def test_a_2026_inbound_message_carries_both_ids_and_links_them(store: Store) -> None:
    body = reference_shapes()["webhook_inbound_text"]
    (event,) = parse(body)
    assert isinstance(event, InboundMessage)
    assert (event.sender, event.user_id, event.contact_name) == (NUMBER, USER_ID, "Ana Souza")
    WebhookRecorder(store).apply([event])
    assert store.linked_ids(USER_ID) == (USER_ID, NUMBER)
    by_number, by_user_id = store.last_inbound(NUMBER), store.last_inbound(USER_ID)
    assert by_number is not None and by_user_id is not None
    assert by_number.at == by_user_id.at == event.timestamp


def test_the_contacts_fill_in_an_id_the_message_leaves_out(store: Store) -> None:
    body = copy.deepcopy(reference_shapes()["webhook_inbound_button_reply"])
    message = _value(body)["messages"][0]
    del message["from"]  # the number only in contacts[], paired with the message's BSUID
    (event,) = parse(body)
    assert isinstance(event, InboundMessage)
    assert (event.sender, event.user_id) == (NUMBER, USER_ID)
    message["from"] = NUMBER
    del message["from_user_id"]  # an older webhook: the BSUID only in contacts[]
    (older,) = parse(body)
    assert isinstance(older, InboundMessage)
    assert (older.sender, older.user_id) == (NUMBER, USER_ID)


def test_a_status_names_its_recipient_by_either_id(store: Store) -> None:
    body = copy.deepcopy(reference_shapes()["webhook_status_read"])
    (event,) = parse(body)
    assert isinstance(event, StatusUpdate)
    assert (event.recipient_id, event.recipient_user_id) == (NUMBER, USER_ID)
    value = _value(body)
    del value["contacts"], value["statuses"][0]["recipient_id"]  # a send to a BSUID
    (only,) = parse(body)
    assert isinstance(only, StatusUpdate)
    assert (only.recipient_id, only.recipient_user_id) == (None, USER_ID)


def test_a_131047_for_a_bsuid_send_closes_its_window(store: Store) -> None:
    body = copy.deepcopy(reference_shapes()["webhook_status_failed_outside_window_131047"])
    item = _value(body)["statuses"][0]
    del item["recipient_id"]
    item["recipient_user_id"] = USER_ID
    store.set_last_inbound(USER_ID, datetime(2025, 6, 14, tzinfo=UTC), "webhook")
    result = WebhookRecorder(store).apply(parse(body))
    assert result.windows_closed == 1
    record = store.last_inbound(USER_ID)
    assert record is not None and record.closed_at is not None


def test_a_marketing_stop_by_user_id_is_found_under_the_number(store: Store) -> None:
    body = {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{
        "field": "user_preferences",
        "value": {
            "messaging_product": "whatsapp",
            "contacts": [{"profile": {"name": "Ana Souza"}, "wa_id": NUMBER, "user_id": USER_ID}],
            "user_preferences": [{"wa_id": NUMBER, "user_id": USER_ID, "value": "stop",
                                  "detail": "User requested to stop marketing messages",
                                  "category": "marketing_messages", "timestamp": 1750025136}],
        },
    }]}]}  # fmt: skip
    (event,) = parse(body)
    assert isinstance(event, MarketingPreferenceUpdate)
    assert (event.wa_id, event.user_id, event.name) == (NUMBER, USER_ID, "Ana Souza")
    WebhookRecorder(store).apply([event])
    said = store.marketing_preference(USER_ID)
    assert said is not None and said.stopped and said.recipient == NUMBER
    # a username user: only the BSUID
    prefs = body["entry"][0]["changes"][0]["value"]
    del prefs["user_preferences"][0]["wa_id"], prefs["contacts"][0]["wa_id"]
    (alone,) = parse(body)
    assert isinstance(alone, MarketingPreferenceUpdate)
    assert (alone.wa_id, alone.user_id, alone.name) == (USER_ID, None, "Ana Souza")
