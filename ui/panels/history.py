"""Past sends, newest first: time, recipient, type, outcome/status and wamid or error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from composer.store import SendRecord

COLUMNS = ("Time", "To", "Type", "Status", "wamid / error")


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
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tree)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        payload = self._payloads.get(int(item.data(0, Qt.ItemDataRole.UserRole)))
        if payload is not None:
            self.reopen.emit(payload)

    def set_records(self, records: Sequence[SendRecord]) -> None:
        self.tree.clear()
        self._payloads = {r.id: r.payload for r in records}
        for r in records:
            if r.error:
                detail = str(r.error.get("title") or r.error.get("explanation") or "error")
                code = r.error.get("code")
                detail = f"{detail} ({code})" if code is not None else detail
            else:
                detail = r.wamid or ""
            status = r.status if r.outcome == "accepted" else r.outcome
            local = r.at.astimezone()
            item = QTreeWidgetItem(
                [local.strftime("%H:%M:%S"), r.recipient, _kind(r.payload), status, detail]
            )
            item.setToolTip(0, local.strftime("%Y-%m-%d %H:%M:%S %Z"))
            item.setToolTip(4, detail)
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            self.tree.addTopLevelItem(item)

    def row_count(self) -> int:
        return self.tree.topLevelItemCount()

    def row(self, index: int) -> list[str]:
        item = self.tree.topLevelItem(index)
        assert item is not None
        return [item.text(c) for c in range(len(COLUMNS))]
