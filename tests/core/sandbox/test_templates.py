"""The sandbox's templates: the WABA's message_templates edge, template sends checked as Meta
checks them (codes, HTTP statuses, texts), the window, and the demo triggers' webhooks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from composer.sandbox import CLOSED_CONTACT, OPEN_CONTACT, SANDBOX_WABA_ID, Sandbox
from composer.sandbox.templates import TemplateBook
from composer.sandbox.wire import SandboxRequest, SandboxResponse
from tests.core.sandbox.helpers import AUTH, Clock, ManualScheduler

HEADERS = {k.lower(): v for k, v in AUTH.items()} | {"host": "127.0.0.1:9"}
LIST = f"/v24.0/{SANDBOX_WABA_ID}/message_templates"
REMINDER = [{"type": "body", "parameters": [{"type": "text", "text": "Ana"},
                                             {"type": "text", "text": "Tue 10:30"}]}]  # fmt: skip


@pytest.fixture
def feed() -> ManualScheduler:
    return ManualScheduler()


@pytest.fixture
def sandbox(feed: ManualScheduler) -> Sandbox:
    return Sandbox(Clock(), scheduler=feed)


def get(sandbox: Sandbox, query: dict[str, str], path: str = LIST, **headers: str) -> Any:
    return sandbox.handle(SandboxRequest("GET", path, headers or HEADERS, query=query))


def send(sandbox: Sandbox, template: dict[str, Any], to: str = CLOSED_CONTACT.number) -> Any:
    body = {"messaging_product": "whatsapp", "to": to, "type": "template", "template": template}
    return sandbox.handle(SandboxRequest("POST", "/v24.0/100000000000001/messages", HEADERS,
                                         json.dumps(body).encode()))  # fmt: skip


def tpl(name: str, lang: str = "en_US", components: list[Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "language": {"code": lang}}
    if components is not None:
        out["components"] = components
    return out


def collect(sandbox: Sandbox, feed: ManualScheduler) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = []
    sandbox.add_status_listener(got.append)
    return got


def test_lists_the_demo_library_with_fields_and_default_page() -> None:
    sandbox = Sandbox(Clock(), scheduler=ManualScheduler())
    answer = get(sandbox, {"fields": "name,language,status"})
    assert answer.status == 200
    data = answer.body["data"]
    assert [(d["name"], d["language"], d["status"]) for d in data] == [
        ("appointment_reminder", "en_US", "APPROVED"), ("order_shipped", "en_US", "APPROVED"),
        ("order_shipped", "pt_BR", "APPROVED"), ("welcome_offer", "en_US", "APPROVED"),
        ("login_code", "en_US", "APPROVED"), ("spring_sale", "en_US", "PAUSED"),
        ("old_promo", "en_US", "REJECTED"),
    ]  # fmt: skip
    assert set(data[0]) == {"id", "name", "language", "status"}  # Graph always adds id
    assert set(answer.body["paging"]["cursors"]) == {"before", "after"}
    assert "next" not in answer.body["paging"]  # one page of at most 25
    full = get(sandbox, {}).body["data"]
    assert full[0]["components"][0] == {"type": "HEADER", "format": "TEXT",
                                        "text": "Appointment reminder"}  # fmt: skip


def test_pages_follow_the_after_cursor_until_no_next() -> None:
    records = [{"id": str(i), "name": f"t{i}", "language": "en_US"} for i in range(60)]
    sandbox = Sandbox(Clock(), scheduler=ManualScheduler())
    sandbox.templates.book = TemplateBook(records)
    names: list[str] = []
    query: dict[str, str] = {"fields": "name"}
    pages = 0
    while True:
        body = get(sandbox, query).body
        pages += 1
        names += [d["name"] for d in body["data"]]
        if "next" not in body["paging"]:
            break
        assert body["paging"]["next"].startswith(f"http://127.0.0.1:9{LIST}?")
        assert "after=" in body["paging"]["next"]
        query = {**query, "after": body["paging"]["cursors"]["after"]}
    assert pages == 3 and names == [f"t{i}" for i in range(60)]  # 25 + 25 + 10


def test_bad_limit_cursor_token_and_unknown_waba(sandbox: Sandbox) -> None:
    assert get(sandbox, {"limit": "0"}).body["error"]["code"] == 100
    assert get(sandbox, {"after": "not-a-cursor"}).body["error"]["code"] == 100
    unauthenticated = get(sandbox, {}, host="x")
    assert unauthenticated.status == 401 and unauthenticated.body["error"]["code"] == 190
    unknown = get(sandbox, {}, path="/v24.0/999999999999999/message_templates")
    assert unknown.status == 400 and unknown.body["error"]["code"] == 100
    assert unknown.body["error"]["error_subcode"] == 33
    assert "does not exist" in unknown.body["error"]["message"]


@pytest.mark.parametrize(
    ("template", "code", "status", "details"),
    [
        (tpl("no_such"), 132001, 404, "template name (no_such) does not exist in en_US"),
        (tpl("order_shipped", "fr_FR"), 132001, 404,
         "template name (order_shipped) does not exist in fr_FR"),
        (tpl("appointment_reminder"), 132000, 400,
         "body: number of localizable_params (0) does not match the expected number of params (2)"),
        (tpl("appointment_reminder", components=[{"type": "body", "parameters": [
            {"type": "text", "text": "Ana"}]}]), 132000, 400,
         "body: number of localizable_params (1) does not match the expected number of params (2)"),
        (tpl("order_shipped", components=[{"type": "body", "parameters": [
            {"type": "text", "text": "Ana"}, {"type": "text", "text": "#1"}]}]), 132012, 400,
         "body: 'order_shipped' uses named variables"),
        (tpl("spring_sale", components=[{"type": "body", "parameters": [
            {"type": "text", "text": "x"}]}]), 132015, 400, "Template is paused"),
        (tpl("old_promo"), 132016, 400, "Template has been paused too many times"),
        (tpl("appointment_reminder", components=[{"type": "body", "parameters": [
            {"type": "text", "text": "Ana\nSouza"}, {"type": "text", "text": "Tue"}]}]),
         132018, 400, "Param text cannot have new-line/tab characters"),
    ],
)  # fmt: skip
def test_template_sends_are_checked_as_meta_checks_them(
    sandbox: Sandbox, template: dict[str, Any], code: int, status: int, details: str
) -> None:
    answer = send(sandbox, template)
    error = answer.body["error"]
    assert (answer.status, error["code"]) == (status, code)
    assert error["message"].startswith(f"(#{code}) ")
    assert error["error_data"]["details"].startswith(details)
    assert error["type"] == "OAuthException" and error["fbtrace_id"]


def test_status_is_checked_before_the_parameters(sandbox: Sandbox) -> None:
    assert send(sandbox, tpl("spring_sale")).body["error"]["code"] == 132015  # no params either


def test_template_goes_outside_the_window_which_stays_closed(
    sandbox: Sandbox, feed: ManualScheduler
) -> None:
    got = collect(sandbox, feed)
    before = sandbox.last_inbound(CLOSED_CONTACT.number)
    answer = send(sandbox, tpl("appointment_reminder", components=REMINDER))
    assert answer.status == 200 and answer.body["messages"][0]["id"].startswith("wamid.")
    assert sandbox.last_inbound(CLOSED_CONTACT.number) == before
    text = {"messaging_product": "whatsapp", "to": CLOSED_CONTACT.number, "type": "text",
            "text": {"body": "hello"}}  # fmt: skip
    refused = sandbox.handle(SandboxRequest("POST", "/v24.0/100000000000001/messages", HEADERS,
                                            json.dumps(text).encode()))  # fmt: skip
    assert refused.body["error"]["code"] == 131047  # still closed after the template
    feed.advance(5)
    statuses = [b["entry"][0]["changes"][0]["value"]["statuses"][0] for b in got]
    assert [s["status"] for s in statuses] == ["sent", "delivered", "read"]
    assert statuses[0]["pricing"] == {"billable": True, "pricing_model": "PMP",
                                      "type": "regular", "category": "utility"}  # fmt: skip


def test_pausing_a_template_emits_its_webhook_and_blocks_sends(
    sandbox: Sandbox, feed: ManualScheduler
) -> None:
    got = collect(sandbox, feed)
    assert sandbox.set_template_status("appointment_reminder", "paused") == 1
    assert send(sandbox, tpl("appointment_reminder", components=REMINDER)).body["error"][
        "code"] == 132015  # fmt: skip
    feed.advance(0)
    (body,) = got
    assert body["object"] == "whatsapp_business_account"
    entry = body["entry"][0]
    assert entry["id"] == SANDBOX_WABA_ID and isinstance(entry["time"], int)
    change = entry["changes"][0]
    assert change["field"] == "message_template_status_update"
    assert change["value"] == {
        "event": "PAUSED", "message_template_id": 910000000000001,
        "message_template_name": "appointment_reminder", "message_template_language": "en-US",
        "reason": "NONE", "message_template_category": "UTILITY",
        "other_info": {"title": "FIRST_PAUSE",
                       "description": change["value"]["other_info"]["description"]},
    }  # fmt: skip
    sandbox.set_template_status("appointment_reminder", "APPROVED")
    assert send(sandbox, tpl("appointment_reminder", components=REMINDER)).status == 200
    disabled = sandbox.set_template_status("order_shipped", "DISABLED")
    feed.advance(0)
    assert disabled == 2 and got[-1]["entry"][0]["changes"][0]["value"]["disable_info"]


def test_quality_and_marketing_triggers(sandbox: Sandbox, feed: ManualScheduler) -> None:
    got = collect(sandbox, feed)
    assert sandbox.set_template_quality("welcome_offer", "yellow") == 1
    with pytest.raises(ValueError, match="quality"):
        sandbox.set_template_quality("welcome_offer", "PURPLE")
    with pytest.raises(KeyError):
        sandbox.set_template_status("no_such", "PAUSED")
    sandbox.set_marketing_preference(OPEN_CONTACT.number, "stop")
    feed.advance(0)
    quality, prefs = (b["entry"][0]["changes"][0] for b in got)
    assert quality["field"] == "message_template_quality_update"
    assert quality["value"]["previous_quality_score"] == "GREEN"
    assert quality["value"]["new_quality_score"] == "YELLOW"
    assert prefs["field"] == "user_preferences"
    (item,) = prefs["value"]["user_preferences"]
    assert item == {"wa_id": OPEN_CONTACT.wa_id, "user_id": OPEN_CONTACT.user_id,
                    "detail": "User requested to stop marketing messages",
                    "category": "marketing_messages", "value": "stop",
                    "timestamp": item["timestamp"]}  # fmt: skip
    assert prefs["value"]["contacts"] == [{"profile": {"name": "Ana Souza"},
                                           "wa_id": OPEN_CONTACT.wa_id,
                                           "user_id": OPEN_CONTACT.user_id}]  # fmt: skip


def test_marketing_to_a_customer_who_stopped_fails_with_131050(
    sandbox: Sandbox, feed: ManualScheduler
) -> None:
    offer = tpl("welcome_offer", components=[
        {"type": "header", "parameters": [{"type": "image",
                                           "image": {"link": "https://x.example/a.jpg"}}]},
        {"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}])  # fmt: skip
    sandbox.set_marketing_preference(OPEN_CONTACT.number, "stop")
    got = collect(sandbox, feed)
    assert send(sandbox, offer, OPEN_CONTACT.number).status == 200  # Meta: a failed status
    assert send(sandbox, tpl("appointment_reminder", components=REMINDER),
                OPEN_CONTACT.number).status == 200  # fmt: skip
    feed.advance(5)
    values = [b["entry"][0]["changes"][0]["value"] for b in got]
    statuses = [v["statuses"][0] for v in values if "statuses" in v]
    failed = [s for s in statuses if s["status"] == "failed"]
    assert len(failed) == 1 and failed[0]["errors"][0]["code"] == 131050
    assert [s["status"] for s in statuses].count("read") == 1  # the utility one is delivered
    sandbox.set_marketing_preference(OPEN_CONTACT.number, "resume")
    assert sandbox.templates.marketing_stopped(OPEN_CONTACT.number) is None


def test_us_numbers_get_marketing_templates(sandbox: Sandbox) -> None:
    """Meta blocks marketing to +1 since April 2025 (131049); the demo contacts are +1 555
    numbers, so the sandbox does not, or welcome_offer could never be tried."""
    offer = tpl("welcome_offer", components=[
        {"type": "header", "parameters": [{"type": "image", "image": {"id": "1"}}]},
        {"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}])  # fmt: skip
    assert send(sandbox, offer, OPEN_CONTACT.number).status == 200


def control(sandbox: Sandbox, action: str, body: object, **headers: str) -> SandboxResponse:
    raw = json.dumps(body).encode()
    return sandbox.handle(SandboxRequest("POST", f"/sandbox/{action}", headers or HEADERS, raw))


def test_the_trigger_endpoint(sandbox: Sandbox, feed: ManualScheduler) -> None:
    got = collect(sandbox, feed)
    ok = control(sandbox, "template_status", {"name": "order_shipped", "language": "pt_BR",
                                              "status": "PAUSED"})  # fmt: skip
    assert ok.status == 200 and ok.body == {"success": True, "changed": 1}
    assert control(sandbox, "template_quality", {"name": "login_code", "quality": "RED"}).status \
        == 200  # fmt: skip
    assert control(sandbox, "marketing", {"number": "+15550100002", "value": "stop"}).status == 200
    feed.advance(0)
    assert [b["entry"][0]["changes"][0]["field"] for b in got] == [
        "message_template_status_update",
        "message_template_quality_update",
        "user_preferences",
    ]
    missing = control(sandbox, "template_status", {"name": "nope", "status": "PAUSED"})
    assert missing.status == 404 and "nope" in missing.body["error"]["error_data"]["details"]
    assert control(sandbox, "template_status", {"name": "login_code"}).status == 400
    assert control(sandbox, "marketing", {"number": "+1", "value": "later"}).status == 400
    assert control(sandbox, "what", {}).status == 404
    assert control(sandbox, "marketing", {}, host="x").status == 401
