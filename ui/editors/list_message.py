"""List message: text header, body, footer, the list button label, sections of rows.

Rows are limited in total across sections; the editor watches the total and blocks "Add row" in
every section once it is reached (the per-repeater maximum cannot see the other sections).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from composer import limits
from composer.messages import ListMessage, ListRow, ListSection, MessageKind
from ui.editors.base import Editor, opt
from ui.editors.fields import CountBadge, Markable, TextField, section_title
from ui.editors.parts import PartsEditor
from ui.editors.repeater import Item, Repeater

if TYPE_CHECKING:
    from composer.messages import Content


class RowItem(Item):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TextField("Title", limits.LIST_ROW_TITLE, placeholder="Express")
        self.description = TextField(
            "Description", limits.LIST_ROW_DESCRIPTION, placeholder="Optional"
        )
        self.id = TextField("Id", limits.LIST_ROW_ID, placeholder="ship_express")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for f in (self.title, self.description, self.id):
            layout.addWidget(f)
            f.changed.connect(self.changed)

    def first_input(self) -> QWidget:
        return self.title.editor


class SectionItem(Item):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TextField(
            "Section title", limits.LIST_SECTION_TITLE, placeholder="Available today"
        )
        self.rows: Repeater[RowItem] = Repeater("row", RowItem, limits.LIST_SECTION_ROWS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.rows)
        self.title.changed.connect(self.changed)
        self.rows.changed.connect(self.changed)

    def first_input(self) -> QWidget:
        return self.title.editor


class ListMessageEditor(Editor):
    kind = MessageKind.LIST

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.button = TextField("List button", limits.LIST_BUTTON, placeholder="Shipping options")
        self.total = CountBadge(limits.LIST_ROWS_TOTAL)
        self.sections: Repeater[SectionItem] = Repeater(
            "section", self._new_section, limits.LIST_SECTIONS
        )
        self.add(self.parts, self.button, section_title("Sections"), self.total, self.sections)
        self.watch(*self.parts.widgets, self.button)
        self.sections.changed.connect(self._on_sections)
        self.set_rows([1])
        self.finish()

    def _new_section(self) -> SectionItem:
        item = SectionItem()
        item.rows.set_count(1)  # a section needs at least one row
        return item

    def _on_sections(self) -> None:
        self._sync_total()
        self._emit()

    def _sync_total(self) -> None:
        total = sum(s.rows.count() for s in self.sections.items())
        self.total.set_count(total)
        full = total >= limits.LIST_ROWS_TOTAL.maximum
        reason = (
            f"WhatsApp allows at most {limits.LIST_ROWS_TOTAL.maximum} rows across all sections."
            if full
            else None
        )
        for s in self.sections.items():
            s.rows.block_adding(reason)

    def set_rows(self, per_section: list[int]) -> list[SectionItem]:
        items = self.sections.set_count(len(per_section))
        for item, n in zip(items, per_section, strict=True):
            item.rows.set_count(n)
        self._sync_total()
        return items

    def content(self) -> Content:
        return ListMessage(
            **self.parts.values(),
            button=self.button.text(),
            sections=tuple(
                ListSection(
                    title=opt(s.title.text()),
                    rows=tuple(
                        ListRow(
                            id=r.id.text(),
                            title=r.title.text(),
                            description=opt(r.description.text()),
                        )
                        for r in s.rows.items()
                    ),
                )
                for s in self.sections.items()
            ),
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, ListMessage)
        self.parts.load(content)
        self.button.set_text(content.button)
        items = self.set_rows([len(s.rows) for s in content.sections])
        for item, section in zip(items, content.sections, strict=True):
            item.title.set_text(section.title or "")
            for row_item, row in zip(item.rows.items(), section.rows, strict=True):
                row_item.title.set_text(row.title)
                row_item.description.set_text(row.description or "")
                row_item.id.set_text(row.id)

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        out["interactive.action"] = self.sections
        out["interactive.action.button"] = self.button
        out["interactive.action.sections"] = self.sections
        out["interactive.action.rows"] = self.total
        for i, s in enumerate(self.sections.items()):
            p = f"interactive.action.sections[{i}]"
            out[p] = s.rows
            out[p + ".title"] = s.title
            out[p + ".rows"] = s.rows
            for j, r in enumerate(s.rows.items()):
                q = f"{p}.rows[{j}]"
                out[q] = r.title
                out[q + ".title"] = r.title
                out[q + ".description"] = r.description
                out[q + ".id"] = r.id
        return out
