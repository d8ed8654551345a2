"""``wa-composer window show/set/import`` against a real store in WA_COMPOSER_HOME."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.cli import main
from composer.window.facts import iso_utc
from tests.paths import DATA

SHAPES = json.loads((DATA / "reference-shapes.json").read_text("utf-8"))


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path))
    return tmp_path


def _show_json(capsys: pytest.CaptureFixture[str], number: str) -> dict[str, object]:
    assert main(["window", "show", number, "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_show_unknown_prints_exact_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert _show_json(capsys, "+1 (555) 010-0001") == {
        "recipient": "15550100001",
        "last_inbound": None,
        "source": None,
        "closes_at": None,
        "state": "unknown",
        "seconds_left": None,
    }


def test_set_then_show(capsys: pytest.CaptureFixture[str]) -> None:
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=23, minutes=30)
    assert main(["window", "set", "15550100001", "--last-inbound", iso_utc(at) or ""]) == 0
    assert "closing" in capsys.readouterr().out
    data = _show_json(capsys, "15550100001")
    assert data["last_inbound"] == iso_utc(at)
    assert data["closes_at"] == iso_utc(at + timedelta(hours=24))
    assert data["source"] == "manual" and data["state"] == "closing"
    assert isinstance(data["seconds_left"], int) and 0 < data["seconds_left"] <= 1800
    assert main(["window", "show", "15550100001"]) == 0
    line = capsys.readouterr().out
    assert line.startswith("15550100001: closing, closes in 0:") and "via manual entry" in line


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("yesterday", "not an ISO 8601 time"),
        ("2026-11-25T10:00:00", "no time zone"),
        ("2999-01-01T00:00:00Z", "in the future"),
    ],
)
def test_set_rejects_bad_times(
    capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    assert main(["window", "set", "15550100001", "--last-inbound", value]) == 2
    err = capsys.readouterr().err
    assert "--last-inbound" in err and message in err and "Traceback" not in err


def test_bad_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["window", "show", "ana", "--json"]) == 2
    assert "NUMBER" in capsys.readouterr().err


def test_import_pasted_webhook(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    path = home / "hook.json"
    path.write_text(json.dumps(SHAPES["webhook_inbound_text"]), "utf-8")
    assert main(["window", "import", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "Imported 1 inbound message, 0 statuses."
    data = _show_json(capsys, "16505550123")
    assert data["source"] == "pasted" and data["state"] == "closed"
    assert data["last_inbound"] == "2025-06-15T22:05:36Z"
    path.write_text("not json", "utf-8")
    assert main(["window", "import", str(path)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_set_keeps_the_newer_known_time(capsys: pytest.CaptureFixture[str]) -> None:
    newer = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    older = newer - timedelta(hours=5)
    assert main(["window", "set", "15550100001", "--last-inbound", iso_utc(newer) or ""]) == 0
    capsys.readouterr()
    assert main(["window", "set", "15550100001", "--last-inbound", iso_utc(older) or ""]) == 0
    assert "newer inbound time is already known" in capsys.readouterr().out
    assert _show_json(capsys, "15550100001")["last_inbound"] == iso_utc(newer)


def test_send_cli_131047_closes_with_the_core_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # wa-composer send and the app record a synchronous 131047 under one name: Source.SEND.
    from composer.demo_contacts import CLOSED_CONTACT
    from composer.storage.history import Store
    from composer.window.facts import Source

    long_ago = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=30)
    number = CLOSED_CONTACT.number
    assert main(["window", "set", number, "--last-inbound", iso_utc(long_ago) or ""]) == 0
    msg = tmp_path / "text.json"
    payload = {"messaging_product": "whatsapp", "to": number, "type": "text"}
    msg.write_text(json.dumps({**payload, "text": {"body": "hi"}}), encoding="utf-8")
    assert main(["send", str(msg), "--to", number]) == 1
    capsys.readouterr()
    with Store() as store:
        record = store.last_inbound(number)
    assert record is not None and record.closed_at is not None
    assert record.closed_source == Source.SEND.value == "send"
    data = _show_json(capsys, number)
    assert data["state"] == "closed" and data["source"] == "manual"


def test_set_and_show_by_business_scoped_user_id(capsys: pytest.CaptureFixture[str]) -> None:
    user_id = "US.13491208655302741918"
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    assert main(["window", "set", user_id, "--last-inbound", iso_utc(at) or ""]) == 0
    assert capsys.readouterr().out.startswith(f"{user_id}: open, ")
    data = _show_json(capsys, user_id)
    assert data["recipient"] == user_id and data["state"] == "open"
    assert data["last_inbound"] == iso_utc(at)
    # not linked to any number yet: the number has no window
    assert _show_json(capsys, "+16505550123")["state"] == "unknown"


def test_an_imported_2026_webhook_links_the_number_and_the_user_id(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    path = home / "hook.json"
    path.write_text(json.dumps(SHAPES["webhook_inbound_text"]), "utf-8")
    assert main(["window", "import", str(path)]) == 0
    capsys.readouterr()
    by_number = _show_json(capsys, "+16505550123")
    by_user_id = _show_json(capsys, "US.13491208655302741918")
    assert by_number["last_inbound"] == by_user_id["last_inbound"] is not None
    assert by_user_id["recipient"] == "US.13491208655302741918"


def test_a_malformed_user_id_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["window", "show", "US.1349-12", "--json"]) == 2
    assert "business-scoped user id" in capsys.readouterr().err
