"""The preview's kind registry: every MessageKind has a layout (or says why not), and its sheet."""

from __future__ import annotations

import json
from typing import Any, Literal

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.kinds import specs
from composer.messages import (
    ListMessage,
    ListRow,
    ListSection,
    Message,
    MessageKind,
    TextMessage,
)
from composer.payload import from_payload
from tests.paths import DATA
from ui.preview import PhoneView, kinds
from ui.preview.kinds import NO_LAYOUT_YET, preview_layouts
from ui.preview.layout import ChatState, Screen
from ui.preview.layouter import Layouter
from ui.preview.taps import SHEET_TAPS
from ui.preview.themes import theme_for

EXAMPLES: dict[str, Any] = json.loads((DATA / "examples.json").read_text(encoding="utf-8"))
VALID = {k: v for k, v in EXAMPLES.items() if k != "invalid"}


@pytest.fixture
def layouter(qapp: QApplication) -> Layouter:
    return Layouter()


def lay(layouter: Layouter, msg: Message, state: ChatState | None = None) -> Screen:
    return layouter.layout(msg, theme_for("android", False), state or ChatState())


def test_every_kind_has_a_preview_layout_or_says_why_not() -> None:
    for kind in MessageKind:
        assert (kind in preview_layouts()) != (kind in NO_LAYOUT_YET), kind
        if kind in NO_LAYOUT_YET:
            assert NO_LAYOUT_YET[kind].strip(), f"{kind}: a kind without a layout needs a reason"
    assert set(preview_layouts()) | set(NO_LAYOUT_YET) == set(MessageKind)


def test_each_layout_is_filed_under_its_kind_in_a_module_named_like_the_core_model() -> None:
    models = {row.kind: row.model for row in specs()}
    for kind, layout in preview_layouts().items():
        assert layout.kind is kind
        core_module = models[kind].__module__.rsplit(".", 1)[-1]  # composer.messages.<name>
        assert layout.bubble.__module__ == f"ui.preview.kinds.{core_module}", kind


def test_no_kind_tap_is_shadowed_by_the_sheet_taps() -> None:
    for kind, layout in preview_layouts().items():
        assert not set(layout.taps) & set(SHEET_TAPS), kind


def test_every_kind_has_an_example_and_its_layout_draws_it(layouter: Layouter) -> None:
    seen: set[MessageKind] = set()
    for name, payload in VALID.items():
        msg = from_payload(payload)
        seen.add(msg.kind)
        screen = lay(layouter, msg)
        assert screen.shapes("bubble_in") or screen.shapes("bubble_out"), name
        assert screen.texts("empty_chip") == [], name
    assert seen == set(preview_layouts())


def test_a_kind_without_a_layout_says_so_in_the_chat(
    layouter: Layouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kinds, "NO_LAYOUT_YET", {MessageKind.TEXT: "drawn next week"})
    screen = lay(layouter, Message(to="1", content=TextMessage(body="hi")))
    assert screen.texts("empty_chip") == ["No preview for text yet: drawn next week"]
    assert screen.shapes("bubble_in") == []


@pytest.mark.parametrize("sheet", ["list", "products"])
def test_a_sheet_opens_only_over_the_kind_that_has_it(
    layouter: Layouter, sheet: Literal["list", "products"]
) -> None:
    own = "list_single_section" if sheet == "list" else "product_list_two_sections"
    assert lay(layouter, from_payload(EXAMPLES[own]), ChatState(sheet=sheet)).sheet_rect
    other = "product_list_two_sections" if sheet == "list" else "list_single_section"
    for name in ("reply_buttons_text_header", other):
        screen = lay(layouter, from_payload(EXAMPLES[name]), ChatState(sheet=sheet))
        assert screen.sheet_rect is None and screen.overlay == [], name


def test_list_sheet_rows_in_order(layouter: Layouter) -> None:
    msg = from_payload(EXAMPLES["list_single_section"])
    content = msg.content
    assert isinstance(content, ListMessage)
    closed = lay(layouter, msg)
    assert closed.texts("button") == [content.button]
    assert closed.hit_actions() == [("open_list",)]
    screen = lay(layouter, msg, state=ChatState(sheet="list"))
    assert screen.texts("sheet_title") == [content.button]
    assert screen.texts("section_title") == [s.title for s in content.sections if s.title]
    assert screen.texts("row_title") == [r.title for s in content.sections for r in s.rows]
    assert screen.texts("row_description") == [
        r.description for s in content.sections for r in s.rows if r.description
    ]
    rows = [a for a in screen.hit_actions() if a[0] == "row"]
    assert rows == [
        ("row", si, ri) for si, s in enumerate(content.sections) for ri in range(len(s.rows))
    ]
    assert screen.texts("sheet_hint") == ["Tap to select an item"]
    assert ("send_list",) not in screen.hit_actions()
    chosen = lay(layouter, msg, state=ChatState(sheet="list", selected=(0, 1)))
    assert ("send_list",) in chosen.hit_actions()
    radios = chosen.shapes("radio")
    assert ["on" in r.flags for r in radios] == [i == 1 for i in range(len(radios))]


def test_many_sections_scroll_inside_the_sheet(layouter: Layouter) -> None:
    sections = tuple(
        ListSection(
            title=f"Section {s}",
            rows=(ListRow(id=f"r{s}", title=f"Row {s}", description="d" * 72),),
        )
        for s in range(10)
    )
    msg = Message(to="1", content=ListMessage(body="b", button="Pick", sections=sections))
    screen = lay(layouter, msg, state=ChatState(sheet="list"))
    assert screen.texts("row_title") == [f"Row {s}" for s in range(10)]
    assert screen.sheet_rect is not None
    assert screen.max_sheet_scroll() > 0
    assert screen.sheet_rect.bottom <= screen.screen_rect.bottom


def test_product_sheet_in_order(layouter: Layouter) -> None:
    msg = from_payload(EXAMPLES["product_list_two_sections"])
    payload_ids = [
        item["product_retailer_id"]
        for section in EXAMPLES["product_list_two_sections"]["interactive"]["action"]["sections"]
        for item in section["product_items"]
    ]
    closed = lay(layouter, msg)
    assert closed.texts("button") == ["View items"]
    assert f"{len(payload_ids)} items" in closed.texts("header_sub")
    screen = lay(layouter, msg, state=ChatState(sheet="products"))
    assert screen.texts("product_title") == payload_ids


def test_a_chosen_row_survives_an_edit_only_while_it_exists(qtbot: QtBot) -> None:
    view = PhoneView()
    qtbot.addWidget(view)
    rows = (ListRow(id="a", title="A"), ListRow(id="b", title="B"))

    def listing(*sections: tuple[ListRow, ...]) -> Message:
        parts = tuple(ListSection(title=f"S{i}", rows=r) for i, r in enumerate(sections))
        return Message(to="1", content=ListMessage(body="b", button="Pick", sections=parts))

    view.set_message(listing(rows), [])
    view.tap(("open_list",))
    view.tap(("row", 0, 1))
    view.set_message(listing(rows, rows[:1]), [])  # a section added: row (0, 1) is still there
    assert view.state().selected == (0, 1)
    view.set_message(listing(rows[:1]), [])  # row B removed
    assert view.state().selected is None
    assert view.state().sheet == "list"
