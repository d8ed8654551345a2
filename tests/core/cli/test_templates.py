"""``wa-composer templates list|show`` on the built-in sandbox, and ``validate`` with template
and text payloads, with and without ``--templates``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from composer.cli import main


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_table_and_fetch_time(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "templates", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "LANGUAGE", "CATEGORY", "STATUS", "FORMAT", "VARIABLES"]
    assert lines[1].split() == ["appointment_reminder", "en_US", "UTILITY", "APPROVED",
                                "POSITIONAL", "body:1,", "body:2"]  # fmt: skip
    assert any(
        line.split()[:4] == ["spring_sale", "en_US", "MARKETING", "PAUSED"] for line in lines
    )
    assert "built-in sandbox" in err and "read from the account at" in err
    _, _, again = run(capsys, "templates", "list")
    assert "from the cache, read at" in again
    _, _, fresh = run(capsys, "templates", "list", "--refresh")
    assert "read from the account at" in fresh


def test_list_json_has_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "list", "--json")
    items: list[dict[str, Any]] = json.loads(out)
    assert code == 0 and len(items) == 7
    for item in items:
        assert list(item) == ["name", "language", "category", "status", "parameter_format",
                              "variables", "components"]  # fmt: skip
    shipped = next(i for i in items if (i["name"], i["language"]) == ("order_shipped", "pt_BR"))
    assert shipped["variables"] == [
        {"component": "body", "name": "customer_name"},
        {"component": "body", "name": "order_id"},
        {"component": "button", "name": "1"},
    ]
    assert shipped["components"][1]["buttons"][0]["type"] == "URL"


def test_show_one_language_all_languages_and_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "show", "welcome_offer")
    assert code == 0
    assert "welcome_offer (en_US)  MARKETING  APPROVED  POSITIONAL" in out
    assert "header: [image]" in out and 'button 0: PHONE_NUMBER "' in out
    assert "body {{1}} (text)  e.g." in out
    code, out, err = run(capsys, "templates", "show", "order_shipped")
    assert code == 0 and "(en_US)" in out and "(pt_BR)" in out and "2 languages" in err
    code, out, _ = run(capsys, "templates", "show", "order_shipped", "--language", "pt_BR")
    assert code == 0 and "(en_US)" not in out and "Boa notícia" in out
    code, out, err = run(capsys, "templates", "show", "order_shipped", "--language", "fr_FR")
    assert code == 1 and "exists in en_US, pt_BR" in err and out == ""
    code, out, err = run(capsys, "templates", "show", "no_such")
    assert code == 1 and "no template named 'no_such'" in err
    code, out, err = run(capsys, "templates", "show", "spring_sale")
    assert "cannot be sent: it is paused" in out


def test_a_profile_without_waba_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile", "add", "shop", "--phone-number-id", "106540352242922"]) == 0
    capsys.readouterr()
    code, _, err = run(capsys, "templates", "list", "--profile", "shop")
    assert code == 1 and "--waba-id" in err
    code, _, err = run(capsys, "templates", "list", "--profile", "nobody")
    assert code == 2 and "no profile named" in err


def write(tmp_path: Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def message(template: dict[str, Any]) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": "+15550100003", "type": "template",
            "template": template}  # fmt: skip


def test_validate_template_and_text_payloads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = write(tmp_path, "text.json", {"messaging_product": "whatsapp", "to": "+15550100001",
                                         "type": "text", "text": {"body": "Hi"}})  # fmt: skip
    ok = write(
        tmp_path, "ok.json", message({"name": "order_shipped", "language": {"code": "en_US"}})
    )
    bad = write(tmp_path, "bad.json", message({"name": "Order Shipped", "language": {"code": "x"},
                                               "components": [{"type": "footer"}]}))  # fmt: skip
    code, out, _ = run(capsys, "validate", text, ok)
    assert code == 0 and out == ""  # structure only: no account, no definition
    code, out, _ = run(capsys, "validate", "--json", bad)
    rules = {i["rule"] for i in json.loads(out)[0]["issues"]}
    assert code == 1 and {"template.name", "template.language", "template.component_type"} <= rules


def test_validate_against_a_templates_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, listing, _ = run(capsys, "templates", "list", "--json")
    library = write(tmp_path, "templates.json", json.loads(listing))
    named = write(tmp_path, "named.json", message({
        "name": "order_shipped", "language": {"code": "en_US"},
        "components": [{"type": "body", "parameters": [
            {"type": "text", "text": "Ana"}, {"type": "text", "text": "#1"}]}]}))  # fmt: skip
    paused = write(tmp_path, "paused.json", message({"name": "spring_sale",
                                                     "language": {"code": "en_US"}}))  # fmt: skip
    good = write(tmp_path, "good.json", message({
        "name": "appointment_reminder", "language": {"code": "en_US"},
        "components": [{"type": "body", "parameters": [
            {"type": "text", "text": "Ana"}, {"type": "text", "text": "Tue"}]}]}))  # fmt: skip
    code, out, _ = run(capsys, "validate", "--json", "--templates", library, named, paused, good)
    results = {Path(r["file"]).name: [i["rule"] for i in r["issues"]] for r in json.loads(out)}
    assert code == 1
    assert results == {
        "named.json": ["template.param_format", "template.param_count"],  # + the URL suffix
        "paused.json": ["template.paused"],
        "good.json": [],
    }
    code, out, _ = run(capsys, "validate", named)  # without --templates: structure only
    assert code == 0
    for junk in ("{oops", json.dumps({"data": []}), json.dumps([{"name": "x"}])):
        broken = tmp_path / "broken.json"
        broken.write_text(junk, encoding="utf-8")
        code, out, err = run(capsys, "validate", "--templates", str(broken), good)
        assert code == 2 and "--templates" in err and out == ""
