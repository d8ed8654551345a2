"""Every valid example payload of a type the editors support: import, rebuild, same JSON."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from tests.examples import examples
from ui.editors.registry import TITLES
from ui.window.main_window import MainWindow


def _kind(payload: dict[str, Any]) -> str:
    inner = payload.get("interactive")
    return str(inner["type"]) if isinstance(inner, dict) else str(payload["type"])


SUPPORTED = {k: v for k, v in examples().items() if _kind(v) in TITLES}


def test_every_editor_type_has_an_example() -> None:
    assert {_kind(v) for v in SUPPORTED.values()} == set(TITLES)


@pytest.mark.parametrize("name", sorted(SUPPORTED))
def test_import_then_rebuild_gives_identical_json(
    name: str, window: MainWindow, qtbot: QtBot
) -> None:
    payload = SUPPORTED[name]
    assert window.load_payload(payload) is None
    assert window.form.kind() == _kind(payload)
    rebuilt = window.form.build()
    assert to_payload(rebuilt) == payload
    current = window.session.current()
    assert current is not None and to_payload(current) == payload
    # the JSON view shows exactly the same document
    import json

    assert json.loads(window.json_view.json_text()) == payload
