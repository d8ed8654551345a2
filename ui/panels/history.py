"""Past sends, newest first: time, recipient, type, the send's life as WhatsApp's ticks, and the
wamid or the mapped error. The window refreshes it whenever a webhook event arrives."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from composer.storage.history import SendRecord

COLUMNS = ("Time", "To", "Type", "Status", "wamid / error")
MARK_ROLE = Qt.ItemDataRole.UserRole + 1


def _kind(payload: dict[str, Any]) -> str:
    inner = payload.get("interactive")
    if isinstance(inner, dict) and isinstance(inner.get("type"), str):
        return str(inner["type"])
    return str(payload.get("type", "?"))


class HistoryPanel(QWidget):
    """``reopen(payload)`` when a past send is double-clicked (to send it again or fix it)."""

    reopen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._payloads: dict[int, dict[str, Any]] = {}
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyTree")
        self.tree.setAccessibleName("Send history")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(list(COLUMNS))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.setToolTip("Double-click a send to open its message in the editor")
        self.tree.setIconSize(QSize(22, 14))
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._show_details)
        # The panel is narrow: the selected send's full story (wamid or the mapped error, and
        # when each status arrived) is written out, wrapped, under the list.
        self.details = QLabel()
        self.details.setObjectName("historyDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Details of the selected send")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        self._details: dict[int, str] = {}

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        payload = self._payloads.get(int(item.data(0, Qt.ItemDataRole.UserRole)))
        if payload is not None:
            self.reopen.emit(payload)

    def set_records(self, records: Sequence[SendRecord]) -> None:
        current = self.tree.currentItem()
        keep = int(current.data(0, Qt.ItemDataRole.UserRole)) if current is not None else None
        self.tree.clear()
        self._details = {}
        self._payloads = {r.id: r.payload for r in records}
        from ui.panels.ticks import COLOURS, lifecycle, tick_icon

        for r in records:
            life = lifecycle(r)
            local = r.at.astimezone()
            item = QTreeWidgetItem(
                [local.strftime("%H:%M:%S"), r.recipient, _kind(r.payload), life.words, life.detail]
            )
            item.setIcon(3, tick_icon(life.mark))
            item.setData(3, MARK_ROLE, life.mark)
            if life.mark in ("failed", "unknown"):
                for column in (3, 4):
                    item.setForeground(column, QColor(COLOURS[life.mark]))
            item.setToolTip(0, local.strftime("%Y-%m-%d %H:%M:%S %Z"))
            item.setToolTip(3, f"{life.words}" + (f": {life.timeline}" if life.timeline else ""))
            item.setToolTip(4, f"<p>{html.escape(life.detail)}</p>" if life.detail else "")
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            self.tree.addTopLevelItem(item)
            lines = [f"{life.words} · {r.recipient} · {local.strftime('%Y-%m-%d %H:%M:%S')}"]
            lines += [life.detail] if life.detail else []
            lines += [life.timeline] if life.timeline else []
            self._details[r.id] = "\n".join(lines)
            if r.id == keep or (keep is None and self.tree.topLevelItemCount() == 1):
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._show_details(self.tree.currentItem())

    def _show_details(self, item: QTreeWidgetItem | None, *_: object) -> None:
        key = int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None
        text = self._details.get(key, "") if key is not None else ""
        self.details.setText(text)
        self.details.setVisible(bool(text))

    def row_count(self) -> int:
        return self.tree.topLevelItemCount()

    def mark(self, index: int) -> str:
        """The tick mark of row ``index``: clock, sent, delivered, read, failed or unknown."""
        item = self.tree.topLevelItem(index)
        assert item is not None
        return str(item.data(3, MARK_ROLE))

    def row(self, index: int) -> list[str]:
        item = self.tree.topLevelItem(index)
        assert item is not None
        return [item.text(c) for c in range(len(COLUMNS))]
