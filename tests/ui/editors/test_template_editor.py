"""The template editor with real widgets: the picker (search, facets, refused templates and why),
the form generated from each demo template's variables, and the round trip of a send."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from composer import limits
from composer.kinds.template import write
from composer.messages import TemplateMessage
from composer.payload import from_payload
from composer.sandbox.demo_templates import demo_template_records
from composer.templates import TemplateLibrary
from tests.examples import example
from ui.editors.fields import TextField
from ui.editors.parts import MediaSourceField
from ui.editors.template import TemplateEditor
from ui.editors.template_form import VariableField
from ui.editors.template_picker import fetched_text

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LIBRARY = TemplateLibrary.from_graph(demo_template_records(), NOW - timedelta(minutes=3))


@pytest.fixture
def editor(qtbot: QtBot) -> TemplateEditor:
    e = TemplateEditor()
    e.picker.clock = lambda: NOW
    qtbot.addWidget(e)
    e.set_library(LIBRARY)
    e.resize(700, 900)
    e.show()
    return e


def _select(editor: TemplateEditor, name: str, language: str = "en_US") -> None:
    item = editor.picker._item((name, language))
    assert item is not None, editor.picker.visible_names()
    editor.picker.table.setCurrentItem(item)


def _content(editor: TemplateEditor) -> TemplateMessage:
    content = editor.content()
    assert isinstance(content, TemplateMessage)
    return content


def test_the_picker_lists_every_template_with_its_facts_and_fetch_time(
    editor: TemplateEditor,
) -> None:
    picker = editor.picker
    assert len(picker.visible_names()) == len(LIBRARY) == 7
    first = picker.table.topLevelItem(0)
    assert first is not None
    assert [first.text(i) for i in range(5)] == [
        "appointment_reminder", "en_US", "UTILITY", "APPROVED", "GREEN",
    ]  # fmt: skip
    assert picker.fetched.text() == "Fetched 3 min ago"
    assert fetched_text(None, NOW) == "Fetched never"


def test_search_and_filters_narrow_the_list(editor: TemplateEditor, qtbot: QtBot) -> None:
    picker = editor.picker
    qtbot.keyClicks(picker.search, "ORDER")
    assert picker.visible_names() == [("order_shipped", "en_US"), ("order_shipped", "pt_BR")]
    picker.language.setCurrentIndex(picker.language.findData("pt_BR"))
    assert picker.visible_names() == [("order_shipped", "pt_BR")]
    picker.search.clear()
    picker.language.setCurrentIndex(0)
    picker.category.setCurrentIndex(picker.category.findData("MARKETING"))
    assert {n for n, _ in picker.visible_names()} == {"welcome_offer", "spring_sale", "old_promo"}
    picker.status.setCurrentIndex(picker.status.findData("PAUSED"))
    assert picker.visible_names() == [("spring_sale", "en_US")]


@pytest.mark.parametrize(
    ("name", "why"), [("spring_sale", "paused"), ("old_promo", "rejected it (PROMOTIONAL)")]
)
def test_a_template_that_cannot_be_sent_is_refused_with_its_reason(
    editor: TemplateEditor, qtbot: QtBot, name: str, why: str
) -> None:
    _select(editor, "appointment_reminder")
    picked = _content(editor)
    with qtbot.assertNotEmitted(editor.edited):
        _select(editor, name)
    assert _content(editor) == picked  # still the approved one
    assert editor.picker.note.isVisible()
    assert why in editor.picker.note.text() and name in editor.picker.note.text()
    item = editor.picker._item((name, "en_US"))
    assert item is not None and why in item.toolTip(0)


def _labels(editor: TemplateEditor) -> list[str]:
    return [s.widget.label.text() for s in editor.form.slots]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("appointment_reminder", ["Body {{1}}", "Body {{2}}", "“Confirm” payload",
                                  "“Reschedule” payload"]),
        ("order_shipped", ["Body {{customer_name}}", "Body {{order_id}}",
                           "“Track order” link suffix"]),
        ("welcome_offer", ["Header image", "Body {{1}}"]),
        ("login_code", ["Body {{1}}", "One-time code"]),
    ],
)  # fmt: skip
def test_one_field_per_variable_with_the_example_as_placeholder(
    editor: TemplateEditor, qtbot: QtBot, name: str, labels: list[str]
) -> None:
    with qtbot.waitSignal(editor.edited):
        _select(editor, name)
    assert _labels(editor) == labels
    definition = LIBRARY.get(name, "en_US")
    assert definition is not None
    for slot in editor.form.slots:
        if isinstance(slot.widget, TextField) and slot.variable.kind != "payload":
            assert slot.widget.editor.placeholderText() == (slot.variable.example or "")
    assert editor.chosen.text().startswith(f"{name} · en_US")


def test_counters_count_the_filled_text(editor: TemplateEditor, qtbot: QtBot) -> None:
    _select(editor, "appointment_reminder")
    first, second = editor.form.slots[0].widget, editor.form.slots[1].widget
    assert isinstance(first, VariableField) and isinstance(second, VariableField)
    body = LIBRARY.definitions[0].body_text
    empty = len(body.replace("{{1}}", "").replace("{{2}}", ""))  # the text as it would go
    assert first.counter.text() == f"{empty}/{limits.TEMPLATE_BODY_TEXT.maximum}"
    qtbot.keyClicks(first.editor, "Ana")
    filled = len(body.replace("{{1}}", "Ana").replace("{{2}}", ""))
    assert first.counter.text() == second.counter.text() == f"{filled}/1024"


def test_content_is_the_send_shape(editor: TemplateEditor, qtbot: QtBot) -> None:
    _select(editor, "order_shipped")
    name, order, suffix = (s.widget for s in editor.form.slots)
    assert isinstance(name, TextField) and isinstance(order, TextField)
    assert isinstance(suffix, TextField)
    qtbot.keyClicks(name.editor, "Ana")
    qtbot.keyClicks(order.editor, "#1")
    qtbot.keyClicks(suffix.editor, "48213")
    assert write(_content(editor)) == {
        "name": "order_shipped",
        "language": {"code": "en_US", "policy": "deterministic"},
        "components": [
            {"type": "body", "parameters": [
                {"type": "text", "parameter_name": "customer_name", "text": "Ana"},
                {"type": "text", "parameter_name": "order_id", "text": "#1"},
            ]},
            {"type": "button", "sub_type": "url", "index": "0",
             "parameters": [{"type": "text", "text": "48213"}]},
        ],
    }  # fmt: skip


def test_a_media_header_takes_a_link_or_a_local_file(
    editor: TemplateEditor, qtbot: QtBot, tmp_path: object
) -> None:
    _select(editor, "welcome_offer")
    media = editor.form.slots[0].widget
    assert isinstance(media, MediaSourceField)
    qtbot.keyClicks(media.value, "https://cdn.example.com/w.jpg")
    header = _content(editor).components[0]
    assert header.type == "header"
    assert header.parameters[0].type == "image"
    assert header.parameters[0].value == {"link": "https://cdn.example.com/w.jpg"}
    media.source.setCurrentIndex(media.source.findData("file"))
    media.value.setText("/tmp/w.jpg")
    assert _content(editor).components[0].parameters[0].value == {"link": "file:///tmp/w.jpg"}
    assert editor.fields()["template.components[0].parameters[0]"] is media


def test_round_trip_of_the_example(editor: TemplateEditor) -> None:
    full = example("template_appointment_reminder")
    content = from_payload(full).content
    assert isinstance(content, TemplateMessage)
    payload = full["template"]
    editor.load(content)
    assert _content(editor) == content
    assert write(_content(editor)) == payload
    first = editor.form.slots[0].widget
    assert isinstance(first, TextField) and first.text() == "Ana"
    assert editor.picker.table.currentItem() is editor.picker._item(
        ("appointment_reminder", "en_US")
    )


def test_an_unknown_template_still_loads_with_a_note(qtbot: QtBot) -> None:
    editor = TemplateEditor()
    qtbot.addWidget(editor)
    content = TemplateMessage(name="winter_sale", language_code="fr_FR")
    editor.load(content)
    assert editor.content() == content
    assert "Loading" in editor.note.text()
    editor.set_library(LIBRARY)
    assert editor.content() == content  # kept as loaded
    assert "winter_sale" in editor.chosen.text() and "fr_FR" in editor.chosen.text()
    assert "not in this account's template list" in editor.note.text()


def test_a_template_loaded_before_the_library_is_resolved_when_it_arrives(
    qtbot: QtBot,
) -> None:
    from composer.messages import TemplateComponent, TemplateParameter

    editor = TemplateEditor()
    qtbot.addWidget(editor)
    body = TemplateComponent(type="body", parameters=(TemplateParameter(type="text", value="Ana"),))
    content = TemplateMessage(
        name="appointment_reminder", language_code="en_US", components=(body,)
    )
    editor.load(content)
    assert editor.form.slots == []
    editor.set_library(LIBRARY)
    assert len(editor.form.slots) == 4
    first = editor.form.slots[0].widget
    assert isinstance(first, TextField) and first.text() == "Ana"
    picker_item = editor.picker.table.currentItem()
    assert picker_item is not None and picker_item.text(0) == "appointment_reminder"


def test_refresh_asks_the_window(editor: TemplateEditor, qtbot: QtBot) -> None:
    with qtbot.waitSignal(editor.refresh_requested):
        qtbot.mouseClick(editor.picker.refresh, Qt.MouseButton.LeftButton)
