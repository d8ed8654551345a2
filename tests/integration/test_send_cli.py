"""``wa-composer send`` end to end: validation gate, sandbox default, real HTTP to the fake
Graph server, history rows, and no token anywhere afterwards."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from composer.cli import main
from composer.storage.history import Store
from tests.core.validation.rule_cases import EXAMPLES
from tests.integration.fake_graph import SUCCESS_WAMID, FakeGraph, Reply, graph_error

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "EAAGsendCLItokenZZ9876543210"
PNID = "106540352242922"
OPEN, CLOSED = "+15550100001", "+15550100003"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    return tmp_path / "home"


def message_file(tmp_path: Path, name: str = "reply_buttons_text_header") -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(EXAMPLES[name]), encoding="utf-8")
    return path


def cli(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> Any:
    """The real command in a child process (what a user runs)."""
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=60,
    )


def add_profile(base_url: str, capsys: Any) -> None:
    assert main(["profile", "add", "shop", "--phone-number-id", PNID, "--base-url", base_url]) == 0
    assert "token set shop" in capsys.readouterr().out


def scan_for(secret: str, *roots: Path) -> list[str]:
    """Every file under roots whose bytes contain the secret (sqlite WAL files included)."""
    needle = secret.encode()
    return [str(f) for r in roots for f in r.rglob("*") if f.is_file() and needle in f.read_bytes()]


def test_fresh_machine_sends_to_the_sandbox(home: Path, tmp_path: Path) -> None:
    msg = message_file(tmp_path)
    ok = cli("send", str(msg), "--to", OPEN, env={"WA_COMPOSER_HOME": str(home)})
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip().startswith("wamid.")
    assert "sandbox" in ok.stderr
    closed = cli("send", str(msg), "--to", CLOSED, env={"WA_COMPOSER_HOME": str(home)})
    assert closed.returncode == 1
    assert "131047" in closed.stderr and "template" in closed.stderr
    assert "Traceback" not in closed.stderr + ok.stderr
    history = Store(home / "data" / "composer.sqlite3").history()
    assert [(r.outcome, r.profile) for r in history] == [
        ("failed", "sandbox"),
        ("accepted", "sandbox"),
    ]
    assert history[1].wamid == ok.stdout.strip()
    assert history[0].error is not None and history[0].error["code"] == 131047


def test_json_outcome_from_the_sandbox(home: Path, tmp_path: Path, capsys: Any) -> None:
    assert main(["send", str(message_file(tmp_path)), "--to", CLOSED, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["outcome"] == "failed" and out["sandbox"] is True
    assert out["profile"] == "sandbox" and out["recipient"] == CLOSED and out["attempts"] == 1
    assert out["error"]["code"] == 131047 and "template" in out["error"]["next_step"]
    assert Store().window_closed_at(CLOSED) is not None  # the API's word overrides the clock


def test_invalid_message_is_not_sent(
    home: Path, tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    add_profile(graph.url, capsys)
    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    bad = EXAMPLES["invalid"][0]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad["payload"]))
    assert main(["send", str(path), "--profile", "shop"]) == 2
    err = capsys.readouterr().err
    assert bad["rule"] in err and "not sent" in err
    assert main(["send", str(path), "--profile", "shop", "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["outcome"] == "invalid" and bad["rule"] in {i["rule"] for i in out["issues"]}
    assert graph.requests == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{nope", "Not JSON: Expecting property name"),
        (None, "Cannot read the file: No such file"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        ("[" * 10_000 + "]" * 10_000, "nested too deeply"),  # was a RecursionError traceback
        ('{"a": NaN}', "NaN is not allowed in JSON"),
        ("", "the file is empty"),
    ],
)
def test_unreadable_input_exits_2(
    home: Path, tmp_path: Path, capsys: Any, content: str | bytes | None, words: str
) -> None:
    path = tmp_path / "m.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    assert main(["send", str(path)]) == 2
    assert words in capsys.readouterr().err
    assert main(["send", str(path), "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["outcome"] == "invalid" and words in out["error"]["explanation"]
    assert out["error"]["type"] == "InvalidInput" and out["error"]["code"] is None
    assert set(out["error"]) == {  # the key set `send --help` documents for every error
        *("type", "code", "title", "explanation", "next_step", "details", "fbtrace_id"),
        *("http_status", "field_path", "retryable", "delivery_unknown"),
    }
    assert Store().history() == []


def test_json_null_body_is_reported_not_silent(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"null")))
    assert main(["send", "-", "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["outcome"] == "invalid" and [i["rule"] for i in out["issues"]] == ["payload.shape"]


def test_send_through_a_profile_hits_graph_exactly(
    home: Path, tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    add_profile(graph.url, capsys)
    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    msg = message_file(tmp_path)
    assert main(["send", str(msg), "--to", "+16505550123", "--profile", "shop"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == SUCCESS_WAMID
    [request] = graph.requests
    assert request.method == "POST" and request.path == f"/v24.0/{PNID}/messages"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.json() == EXAMPLES["reply_buttons_text_header"] | {"to": "+16505550123"}


def test_retries_are_reported_and_unknown_outcome_recorded(
    home: Path, tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    add_profile(graph.url, capsys)
    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    msg = str(message_file(tmp_path))
    graph.add(Reply(429, graph_error(130429), {"Retry-After": "0"}))
    assert main(["send", msg, "--profile", "shop", "--json"]) == 0
    captured = capsys.readouterr()
    assert "attempt 1" in captured.err and "retrying" in captured.err
    assert json.loads(captured.out)["attempts"] == 2
    graph.add(Reply(drop=True))
    before = len(graph.requests)
    assert main(["send", msg, "--profile", "shop"]) == 1
    assert "may or may not have been delivered" in capsys.readouterr().err
    assert len(graph.requests) == before + 1
    assert Store().history()[0].outcome == "unknown"


def test_missing_profile_or_token_is_a_clear_exit_2(
    home: Path, tmp_path: Path, capsys: Any
) -> None:
    msg = str(message_file(tmp_path))
    assert main(["send", msg, "--profile", "ghost"]) == 2
    assert "no profile named 'ghost'" in capsys.readouterr().err


def test_no_token_anywhere_after_sends(
    home: Path,
    tmp_path: Path,
    graph: FakeGraph,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # httpx/httpcore debug logs included
    add_profile(graph.url, capsys)
    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    msg = str(message_file(tmp_path))
    graph.add(
        Reply(401, graph_error(190, "Error validating access token: " + "x")),
        Reply(400, graph_error(131009, details="Button title length invalid")),
    )
    codes = [main(["send", msg, "--profile", "shop", *extra]) for extra in ([], ["--json"], [])]
    assert codes == [1, 1, 0]
    proc = cli("send", msg, "--profile", "shop", "--json", env={"WA_COMPOSER_TOKEN": TOKEN})
    assert proc.returncode == 0
    assert main(["profile", "list"]) == 0
    captured = capsys.readouterr()
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in graph.requests)
    assert len(graph.requests) == 4
    outputs = captured.out + captured.err + proc.stdout + proc.stderr + caplog.text
    assert "HTTP Request" in caplog.text or "send_request" in caplog.text  # logs were captured
    assert TOKEN not in outputs
    assert scan_for(TOKEN, home) == []
    assert len(Store().history()) == 4
    assert (home / "config" / "profiles.json").exists()


def test_profile_test_shows_the_number_or_the_mapped_error(
    home: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    add_profile(graph.url, capsys)
    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    info = {"display_phone_number": "+1 555-078-3881", "verified_name": "Acme", "id": PNID}
    graph.add(Reply(200, info | {"quality_rating": "GREEN"}), Reply(401, graph_error(190)))
    assert main(["profile", "test", "shop"]) == 0
    assert "Acme (+1 555-078-3881), quality GREEN" in capsys.readouterr().out
    assert main(["profile", "test", "shop"]) == 1
    err = capsys.readouterr().err
    assert "190" in err and "new access token" in err and TOKEN not in err
    assert [r.method for r in graph.requests] == ["GET", "GET"]


def test_unwritable_stdout_after_a_send_keeps_the_exit_status(home: Path, tmp_path: Path) -> None:
    msg = str(message_file(tmp_path))
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "composer", "send", msg, "--to", OPEN],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=60,
            env={**os.environ, "WA_COMPOSER_HOME": str(home)}, check=False,
        )  # fmt: skip
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "could not be printed (No space left on device); see the history" in proc.stderr
    assert Store(home / "data" / "composer.sqlite3").history()[0].outcome == "accepted"


def test_a_local_header_file_is_uploaded_by_the_cli_too(
    home: Path, tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    add_profile(graph.url, capsys)
    monkeypatch.setenv("WA_COMPOSER_TOKEN", TOKEN)
    picture = tmp_path / "banner.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    payload = json.loads(json.dumps(EXAMPLES["reply_buttons_text_header"]))
    payload["interactive"]["header"] = {"type": "image", "image": {"link": picture.as_uri()}}
    path = tmp_path / "local.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    graph.add(Reply(200, {"id": "media-42"}))
    assert main(["send", str(path), "--profile", "shop", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True and out["attempts"] == 1
    upload, message = graph.requests
    assert upload.path == f"/v24.0/{PNID}/media" and picture.read_bytes() in upload.body
    assert message.json()["interactive"]["header"] == {"type": "image", "image": {"id": "media-42"}}
    assert Store().history()[0].payload == message.json()


def test_a_damaged_history_is_kept_aside_and_the_send_recorded_in_a_new_one(
    home: Path, tmp_path: Path
) -> None:
    db = home / "data" / "composer.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    out = cli("send", str(message_file(tmp_path)), "--to", OPEN, "--json",
              env={"WA_COMPOSER_HOME": str(home)})  # fmt: skip
    assert out.returncode == 0, out.stderr
    [backup] = list(db.parent.glob("composer.sqlite3.corrupt-*"))
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")
    assert f"It was kept as {backup}" in out.stderr and "Traceback" not in out.stderr
    report = json.loads(out.stdout)
    assert report["history_id"] is not None  # recorded, in the new history: nothing pretended
    assert [r.wamid for r in Store(db).history()] == [report["wamid"]]


def test_send_to_a_business_scoped_user_id(home: Path, tmp_path: Path, capsys: Any) -> None:
    """``--to`` takes a BSUID: sent as ``recipient`` (``to`` removed), the demo contact's window."""
    from composer.demo_contacts import CLOSED_CONTACT, OPEN_CONTACT

    msg = message_file(tmp_path)
    assert main(["send", str(msg), "--to", OPEN_CONTACT.user_id, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True and out["recipient"] == OPEN_CONTACT.user_id
    (record,) = Store().history()
    assert record.recipient == OPEN_CONTACT.user_id
    assert record.payload["recipient"] == OPEN_CONTACT.user_id and "to" not in record.payload
    assert main(["send", str(msg), "--to", CLOSED_CONTACT.user_id, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == 131047
    assert main(["send", str(msg), "--to", "US.1349-1208"]) == 2  # invalid: nothing sent
    assert "envelope.recipient_format" in capsys.readouterr().err
    assert len(Store().history()) == 2
