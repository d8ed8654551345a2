"""The ui's editor registry: every core kind has an editor or is explicitly without one, and each
editor's header/body/footer block is the one the core's part policy describes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from composer.kinds import CATALOGUE, MessageKind, spec
from composer.kinds.flow import FLOW_ACTIONS, FLOW_MESSAGE_VERSION, FLOW_MODES
from composer.rules.parts import PartsPolicy
from composer.samples import sample_kinds
from ui.editors.flow import FlowEditor
from ui.editors.parts import PartsEditor
from ui.editors.registry import EDITORS, NO_EDITOR_YET, TITLES, editor_for


def test_every_kind_has_an_editor_or_says_why_not() -> None:
    assert set(EDITORS).isdisjoint(NO_EDITOR_YET)
    assert set(EDITORS) | set(NO_EDITOR_YET) == set(MessageKind)
    assert all(len(reason) > 10 for reason in NO_EDITOR_YET.values())
    for kind in NO_EDITOR_YET:
        assert editor_for(kind) is None


def test_every_editor_kind_has_a_sample_to_start_from() -> None:
    assert set(sample_kinds()) == {k.value for k in EDITORS}


def test_picker_titles_are_the_cores_in_catalogue_order() -> None:
    expected = [(e.kind.value, e.title) for e in CATALOGUE if e.kind in EDITORS]
    assert list(TITLES.items()) == expected
    assert editor_for("not_a_kind") is None


@pytest.mark.parametrize("kind", list(EDITORS))
def test_each_editor_builds_its_parts_from_the_core_policy(kind: MessageKind, qtbot: QtBot) -> None:
    cls = editor_for(kind)
    assert cls is not None and cls.kind is kind
    editor = cls()
    qtbot.addWidget(editor)
    assert type(editor.content()) is spec(kind).model
    policy = spec(kind).parts
    parts = getattr(editor, "parts", None)
    if not isinstance(policy, PartsPolicy):
        assert parts is None  # reaction: no header, body or footer
        return
    assert isinstance(parts, PartsEditor)
    header = [] if parts.header is None else parts.header.kind.combo
    offered = tuple(header.itemData(i) for i in range(header.count())) if header else ()
    assert offered == policy.header_choices()
    assert parts.body.limit is policy.body
    assert (parts.footer is not None) == policy.footer


def test_flow_editor_offers_the_cores_modes_actions_and_version(qtbot: QtBot) -> None:
    editor = FlowEditor()
    qtbot.addWidget(editor)
    modes = [editor.mode.combo.itemData(i) for i in range(editor.mode.combo.count())]
    actions = [editor.action.combo.itemData(i) for i in range(editor.action.combo.count())]
    assert modes == ["", *FLOW_MODES]
    assert actions == ["", *FLOW_ACTIONS]
    assert editor.version.text() == FLOW_MESSAGE_VERSION


def test_the_registry_imports_no_editor_and_no_model() -> None:
    code = (
        "import sys, ui.editors.registry as r; r.TITLES; "
        "print([m for m in ('msgspec', 'composer.messages.parts', 'PySide6', 'ui.editors.base') "
        "if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
