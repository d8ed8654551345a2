"""composer.sending.templates: the library read through the send route (the in-process sandbox
and a real loopback Graph server), the per-account cache, and the pre-send template block that
refuses a send before any request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from composer.accounts import Profile, sandbox_profile
from composer.graph.errors import ConfigurationError, GraphPermissionError
from composer.messages import TemplateComponent, TemplateMessage, TemplateParameter
from composer.sandbox import CLOSED_CONTACT, OPEN_CONTACT, Sandbox, StatusDelays
from composer.sending import SendDeps, load_library, send_payload, template_block
from composer.sending.templates import cached_library, library_key
from composer.storage.history import Store
from composer.templates import TemplateLibrary
from composer.templates.cache import cache_path, write_cache
from tests.core.sending.test_pipeline import MemoryTokens
from tests.integration.fake_graph import FakeGraph, Reply, graph_error

NOW = datetime(2026, 11, 25, 14, 32, tzinfo=UTC)
QUIET = StatusDelays(sent=None, delivered=None, read=None)
PNID, WABA = "106540352242922", "102290129340398"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    return tmp_path / "home"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "history.sqlite3") as s:
        yield s


class Counting:
    """The window's kind of sandbox: kept between calls; counts how often it is asked for."""

    def __init__(self) -> None:
        self.sandbox = Sandbox(delays=QUIET)
        self.calls = 0

    def __call__(self) -> Sandbox:
        self.calls += 1
        return self.sandbox


def deps(store: Store, sandbox: Any = None, **extra: Any) -> SendDeps:
    return SendDeps(
        tokens=MemoryTokens,
        sandbox=sandbox or (lambda: Sandbox(delays=QUIET)),
        history=lambda: nullcontext(store),
        clock=lambda: NOW,
        **extra,
    )


def test_sandbox_library_is_fetched_once_then_read_from_the_cache(store: Store) -> None:
    source = Counting()
    first = load_library(None, deps(store, source))
    assert first.fetched_at == NOW and len(first) == 7 and source.calls == 1
    assert cache_path("sandbox").exists()
    again = load_library(sandbox_profile(), deps(store, source))
    assert source.calls == 1 and [d.key for d in again] == [d.key for d in first]
    source.sandbox.set_template_status("spring_sale", "APPROVED")
    assert load_library(None, deps(store, source)).get("spring_sale", "en_US").status == "PAUSED"  # type: ignore[union-attr]
    fresh = load_library(None, deps(store, source), refresh=True)
    assert source.calls == 2 and fresh.get("spring_sale", "en_US").sendable  # type: ignore[union-attr]
    source.sandbox.close()


def test_a_damaged_cache_is_reported_kept_aside_and_refetched(store: Store) -> None:
    path = cache_path("sandbox")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{broken", encoding="utf-8")
    notices: list[str] = []
    library = load_library(None, deps(store), on_notice=notices.append)
    assert len(library) == 7 and path.exists()
    (notice,) = notices
    assert "kept as" in notice and ".corrupt-" in notice
    assert [p for p in path.parent.iterdir() if ".corrupt-" in p.name]


def test_a_profile_without_waba_id_says_to_add_it(store: Store) -> None:
    profile = Profile("shop", PNID)
    with pytest.raises(ConfigurationError) as caught:
        load_library(profile, deps(store))
    assert "--waba-id" in caught.value.next_step and caught.value.title == "No WABA id"


def test_a_profile_without_token_is_a_configuration_error(store: Store) -> None:
    profile = Profile("shop", PNID, waba_id=WABA, base_url="http://127.0.0.1:9")
    with pytest.raises(ConfigurationError, match="token"):
        load_library(profile, deps(store))


def test_a_real_account_is_read_page_by_page_over_http(store: Store) -> None:
    pages = [
        {
            "data": [{"name": "a", "language": "en_US", "status": "APPROVED"}],
            "paging": {
                "cursors": {"before": "B0", "after": "A1"},
                "next": "https://graph.facebook.com/v24.0/x/message_templates?after=A1",
            },
        },
        {
            "data": [{"name": "b", "language": "en_US", "status": "PAUSED"}],
            "paging": {"cursors": {"before": "A1", "after": "A2"}},
        },
    ]
    with FakeGraph() as graph:
        graph.script.extend(Reply(200, page) for page in pages)
        profile = Profile("shop", PNID, waba_id=WABA, base_url=graph.url)
        account = SendDeps(
            tokens=lambda: MemoryTokens(shop="EAAGtok"),
            sandbox=Sandbox,
            history=lambda: nullcontext(store),
            clock=lambda: NOW,
        )
        library = load_library(profile, account)
        assert [d.name for d in library] == ["a", "b"]
        first, second = graph.requests
        assert first.method == "GET" and first.path.startswith(f"/v24.0/{WABA}/message_templates?")
        assert "fields=id%2Cname%2Clanguage%2Cstatus" in first.path and "limit=100" in first.path
        assert "after=A1" in second.path and "after" not in first.path
        assert first.headers["authorization"] == "Bearer EAAGtok"
    assert library_key(profile) == "shop" and cache_path("shop").exists()


def test_a_refused_permission_says_which(store: Store) -> None:
    with FakeGraph() as graph:
        graph.script.append(Reply(403, graph_error(200, "(#200) Permissions error")))
        profile = Profile("shop", PNID, waba_id=WABA, base_url=graph.url)
        with pytest.raises(GraphPermissionError) as caught:
            load_library(
                profile,
                SendDeps(
                    tokens=lambda: MemoryTokens(shop="EAAGtok"),
                    sandbox=Sandbox,
                    history=lambda: nullcontext(store),
                ),
            )
    assert "whatsapp_business_management" in caught.value.next_step


def reminder(*values: str) -> TemplateMessage:
    params = tuple(TemplateParameter(type="text", value=v) for v in values)
    return TemplateMessage(
        name="appointment_reminder",
        language_code="en_US",
        components=(TemplateComponent(type="body", parameters=params),),
    )


def offer() -> TemplateMessage:
    return TemplateMessage(
        name="welcome_offer",
        language_code="en_US",
        components=(
            TemplateComponent(
                type="header",
                parameters=(
                    TemplateParameter(type="image", value={"link": "https://x.example/a.jpg"}),
                ),
            ),
            TemplateComponent(
                type="body", parameters=(TemplateParameter(type="text", value="Ana"),)
            ),
        ),
    )


def demo_library() -> TemplateLibrary:
    from composer.sandbox.demo_templates import demo_template_records

    return TemplateLibrary.from_graph(demo_template_records(), NOW)


def test_template_block_checks_the_definition_then_marketing(store: Store) -> None:
    library = demo_library()
    assert template_block(reminder("Ana", "Tue"), OPEN_CONTACT.number, library, store) is None
    short = template_block(reminder("Ana"), OPEN_CONTACT.number, library, store)
    assert short is not None and short.rule == "template.param_count"
    assert short.path == "template.components[0].parameters"
    paused = template_block(
        reminder("Ana", "Tue"),
        OPEN_CONTACT.number,
        library.updated("appointment_reminder", None, status="PAUSED"),
    )
    assert paused is not None and paused.rule == "template.paused" and "paused" in paused.reason
    assert template_block(offer(), OPEN_CONTACT.number, library, store) is None
    store.set_marketing_preference(
        OPEN_CONTACT.number, "stop", NOW - timedelta(days=3), name="Ana Souza"
    )
    stopped = template_block(offer(), OPEN_CONTACT.number, library, store)
    assert stopped is not None and stopped.rule == "template.marketing_stopped"
    assert stopped.reason.startswith("Ana Souza asked to stop marketing messages on 2026-11-22")
    assert template_block(reminder("Ana", "Tue"), OPEN_CONTACT.number, library, store) is None
    store.set_marketing_preference(OPEN_CONTACT.number, "resume", NOW)
    assert template_block(offer(), OPEN_CONTACT.number, library, store) is None


def payload(msg: dict[str, Any], to: str = CLOSED_CONTACT.number) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": to, "type": "template", "template": msg}


def test_the_pipeline_refuses_a_blocked_template_before_any_request(store: Store) -> None:
    paused = demo_library().updated("appointment_reminder", None, status="PAUSED")
    source = Counting()
    body = payload(
        {
            "name": "appointment_reminder",
            "language": {"code": "en_US"},
            "components": [
                {
                    "type": "body",
                    "parameters": [
                        {"type": "text", "text": "Ana"},
                        {"type": "text", "text": "Tue"},
                    ],
                }
            ],
        }
    )
    outcome = send_payload(sandbox_profile(), body, deps(store, source, templates=lambda p: paused))
    assert outcome.outcome == "not sent" and outcome.title == "Template cannot be sent"
    assert "paused" in outcome.text and source.calls == 0 and store.history() == []
    unknown = send_payload(sandbox_profile(), body, deps(store, source, templates=lambda p: None))
    assert unknown.ok and source.calls == 1  # no library known: the API decides (it accepts)
    assert cached_library(sandbox_profile()) is None
    write_cache(cache_path("sandbox"), paused)
    assert cached_library(sandbox_profile()) == paused
    source.sandbox.close()
