"""Rehearsal scripts: the issue's format read exactly, every wrong script refused with where,
and MATCH paths (dots, list indexes as numbers) compared with JSON equality."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from composer.rehearsal.matching import json_equal, lookup, mismatches
from composer.rehearsal.script import (
    Expect,
    Says,
    ScriptError,
    SharesLocation,
    Taps,
    load_script,
    parse_script,
)

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "menu_bot.rehearsal.json"


def _script(*steps: Any, **top: Any) -> dict[str, Any]:
    return {"customer": "+16505550123", "steps": list(steps), **top}


def test_the_example_script_is_valid() -> None:
    script = load_script(EXAMPLE.read_bytes())
    assert script.customer == "+16505550123" and script.customer_name == "Ana Souza"
    assert script.steps[0] == Says("hi")
    assert script.steps[2] == Taps("menu")
    expect = script.steps[1]
    assert isinstance(expect, Expect) and expect.within_s == 5
    assert isinstance(script.steps[3], Expect) and script.steps[3].within_s == 10


def test_every_step_kind_is_read() -> None:
    script = parse_script(_script(
        {"says": "hi"}, {"taps": "r1"},
        {"shares_location": {"latitude": 38.7, "longitude": -9, "name": "Here"}},
        {"expect": {"interactive.type": "list"}, "within_s": 2.5},
        customer_name="Ana"))  # fmt: skip
    assert script.steps == (
        Says("hi"), Taps("r1"), SharesLocation(38.7, -9.0, "Here", None),
        Expect({"interactive.type": "list"}, 2.5))  # fmt: skip
    assert parse_script(_script({"says": "x"}, customer="US.13491208655302741918")).customer


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ([], "one JSON object"),
        ({"steps": [{"says": "hi"}]}, "customer"),
        (_script({"says": "hi"}, customer="hello"), "customer"),
        (_script({"says": "hi"}, customer="+1 23"), "digits"),
        (_script({"says": "hi"}, customer="US.bad-id"), "customer"),
        (_script({"says": "hi"}, customer_name=""), "customer_name"),
        (_script({"says": "hi"}, version=2), 'unknown key "version"'),
        (_script(), "steps"),
        ({"customer": "+16505550123", "steps": {}}, "steps"),
        (_script("hi"), "steps[0]"),
        (_script({"says": "hi", "taps": "x"}), "exactly one"),
        (_script({}), "exactly one"),
        (_script({"say": "hi"}), 'unknown key "say"'),
        (_script({"says": ""}), "steps[0].says"),
        (_script({"taps": 3}), "steps[0].taps"),
        (_script({"says": "hi", "within_s": 3}), "only an expect"),
        (_script({"expect": {}}), "steps[0].expect"),
        (_script({"expect": ["type"]}), "steps[0].expect"),
        (_script({"expect": {"a..b": 1}}), "dotted path"),
        (_script({"expect": {"type": "text"}, "within_s": 0}), "within_s"),
        (_script({"expect": {"type": "text"}, "within_s": True}), "within_s"),
        (_script({"expect": {"type": "text"}, "within_s": "5"}), "within_s"),
        (_script({"shares_location": {"latitude": 91, "longitude": 0}}), "latitude"),
        (_script({"shares_location": {"latitude": 0}}), "longitude"),
        (_script({"shares_location": {"latitude": 0, "longitude": 0, "x": 1}}), 'key "x"'),
        (_script({"shares_location": {"latitude": 0, "longitude": 0, "name": 5}}), "name"),
        (_script({"says": "a"}, {"taps": None}), "steps[1].taps"),
    ],
)
def test_an_invalid_script_says_where(data: object, where: str) -> None:
    with pytest.raises(ScriptError, match=where.replace("[", r"\[").replace(".", r"\.")):
        parse_script(data)


def test_text_that_is_not_json_is_an_invalid_script() -> None:
    with pytest.raises(ScriptError, match="not valid JSON"):
        load_script('{"customer": ')
    with pytest.raises(ScriptError, match="not valid JSON"):
        load_script(b"\xff\xfe")


PAYLOAD = json.loads("""{"type": "interactive", "interactive": {"type": "list", "action": {
    "sections": [{"rows": [{"id": "r1", "title": "One"}, {"id": "r2"}]}]}}, "n": 1,
    "flag": true, "items": {"0": "key zero"}}""")


@pytest.mark.parametrize(
    ("path", "found", "value"),
    [
        ("type", True, "interactive"),
        ("interactive.action.sections.0.rows.1.id", True, "r2"),
        ("interactive.action.sections.0.rows.2.id", False, None),
        ("interactive.action.sections.x", False, None),
        ("items.0", True, "key zero"),
        ("type.length", False, None),
        ("interactive.action.sections.0.rows.0", True, {"id": "r1", "title": "One"}),
    ],
)
def test_dotted_paths_walk_objects_and_lists(path: str, found: bool, value: object) -> None:
    assert lookup(PAYLOAD, path) == (found, value)


def test_a_match_lists_every_difference() -> None:
    match = {"type": "interactive", "interactive.type": "button", "missing.path": 1, "n": 1.0,
             "flag": 1}  # fmt: skip
    wrong = mismatches(match, PAYLOAD)
    assert [(m.path, m.found) for m in wrong] == [
        ("interactive.type", True), ("missing.path", False), ("flag", True)]  # fmt: skip
    assert wrong[0].actual == "list" and wrong[0].expected == "button"


def test_json_equality_keeps_booleans_apart_from_numbers() -> None:
    assert json_equal(1, 1.0) and json_equal({"a": [1, "x"]}, {"a": [1.0, "x"]})
    assert not json_equal(True, 1) and not json_equal(0, False) and not json_equal("1", 1)
    assert not json_equal([1], [1, 2]) and not json_equal({"a": 1}, {"b": 1})
    assert not json_equal(None, 0) and json_equal(None, None)
