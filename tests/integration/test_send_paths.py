"""The CLI and the window send through one pipeline: for the same server answers they record the
same history row and make the same change to the recipient's 24-hour window.

Both run against one real loopback Graph server, each with its own home (so the CLI's 131047
cannot gate the window's send); the rows are compared field by field, the time aside.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from composer.accounts import Profile
from composer.cli import main
from composer.storage.history import Store
from composer.storage.records import SendRecord
from composer.window.facts import WindowState, load_facts
from tests.examples import examples
from tests.integration.fake_graph import FakeGraph, Reply, graph_error
from tests.ui.conftest import home, open_window, services  # noqa: F401 (fixtures)
from ui.services import Services

TOKEN = "EAAGsamePathTOKEN0123456789"
PNID = "106540352242922"
TO = "+16505550123"

SCRIPTS = {
    "accepted": [Reply()],
    "131047": [Reply(400, graph_error(131047))],
    "transient then accepted": [Reply(429, graph_error(130429), {"Retry-After": "0"}), Reply()],
    "unknown": [Reply(drop=True)],
}


def _row(record: SendRecord) -> dict[str, Any]:
    """Everything a history row says except when and its id."""
    return {
        "profile": record.profile,
        "recipient": record.recipient,
        "payload": record.payload,
        "outcome": record.outcome,
        "wamid": record.wamid,
        "status": record.status,
        "error": record.error,
    }


def _window_change(store: Store) -> tuple[WindowState, bool, bool]:
    from datetime import UTC, datetime

    status = load_facts(store, TO).status(datetime.now(UTC))
    return status.state, status.closed_by_api, store.window_closed_at(TO) is not None


def _by_cli(
    cli_home: Path, graph: FakeGraph, payload: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, Any], tuple[WindowState, bool, bool]]:
    with monkeypatch.context() as env:
        env.setenv("WA_COMPOSER_HOME", str(cli_home))
        add = ["profile", "add", "shop", "--phone-number-id", PNID, "--base-url", graph.url]
        assert main(add) == 0
        message = cli_home / "message.json"
        message.write_text(json.dumps(payload), encoding="utf-8")
        main(["send", str(message), "--profile", "shop", "--json"])
        with Store() as store:
            [record] = store.history()
            return _row(record), _window_change(store)


@pytest.mark.parametrize("answers", list(SCRIPTS))
def test_cli_and_window_record_the_same_row_and_window_change(
    answers: str,
    qtbot: QtBot,
    services: Services,  # noqa: F811
    home: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    services.confirm = lambda q: True
    services.sleep = lambda seconds: None  # Retry-After is 0: nothing to wait for
    payload = dict(examples()["reply_buttons_text_header"], to=TO)
    with FakeGraph() as graph:
        graph.add(*SCRIPTS[answers])
        cli_row, cli_window = _by_cli(tmp_path / "cli-home", graph, payload, monkeypatch)
        cli_out = json.loads(capsys.readouterr().out.splitlines()[-1])
        cli_requests = [(r.path, r.json()) for r in graph.requests]
        graph.add(*SCRIPTS[answers])
        services.profiles().add(Profile("shop", PNID, base_url=graph.url))
        window = open_window(qtbot, services)
        window.profile_combo.setCurrentIndex(window.profile_combo.findData("shop"))
        assert window.load_payload(payload) is None
        sent: list[Any] = []
        window.sent.connect(sent.append)
        window.send()
        qtbot.waitUntil(lambda: len(sent) == 1, timeout=10_000)
        window_requests = [(r.path, r.json()) for r in graph.requests[len(cli_requests) :]]
    [record] = services.store().history()
    assert window_requests == cli_requests
    assert _row(record) == cli_row
    assert _window_change(services.store()) == cli_window
    assert (sent[0].outcome, sent[0].attempts, sent[0].wamid) == (
        cli_out["outcome"], cli_out["attempts"], cli_out["wamid"]
    )  # fmt: skip
    expected_closed = answers == "131047"
    assert cli_window == (
        (WindowState.CLOSED, True, True) if expected_closed else (WindowState.UNKNOWN, False, False)
    )
    assert window.send_bar.can_send() is not expected_closed
    window.tasks.wait()
