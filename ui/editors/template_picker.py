"""The template picker: search by name, filter by language, category and status, refresh.

Every template of the account's library is listed with its language, category, status and
quality. One that cannot be sent (paused, rejected, pending, disabled) is greyed out and, when
chosen, says why (the core's ``TemplateDefinition.why_not_sendable``) instead of being picked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.clock import utc_now
from ui.editors.fields import IssueLine, Markable
from ui.resources import token
from ui.restyle import set_style_property

if TYPE_CHECKING:
    from composer.templates import TemplateDefinition, TemplateLibrary
    from composer.validation.check import Issue

COLUMNS = ("Name", "Language", "Category", "Status", "Quality")
KEY_ROLE = Qt.ItemDataRole.UserRole
FETCHED_TICK_MS = 30_000


def fetched_text(fetched_at: datetime | None, now: datetime) -> str:
    """``Fetched 3 min ago`` / ``Fetched never`` (the core's wording of a time span)."""
    if fetched_at is None:
        return "Fetched never"
    from composer.window.texts import format_ago

    ago = format_ago((now - fetched_at).total_seconds())
    return "Fetched just now" if ago == "less than a minute" else f"Fetched {ago} ago"


def _facet(label: str, name: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(label, None)
    combo.setAccessibleName(name)
    return combo


class TemplatePicker(Markable):
    """``picked(definition)`` for a sendable template; ``refresh_requested`` for Refresh."""

    picked = Signal(object)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock: Callable[[], datetime] = utc_now
        self._library: TemplateLibrary | None = None
        self._current: tuple[str, str] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search templates by name")
        self.search.setAccessibleName("Search templates")
        self.search.setClearButtonEnabled(True)
        self.language = _facet("All languages", "Language filter")
        self.category = _facet("All categories", "Category filter")
        self.status = _facet("All statuses", "Status filter")
        self.table = self._make_table()
        self.refresh = QPushButton("Refresh")
        self.refresh.setAccessibleName("Refresh the template list from the account")
        self.fetched = QLabel(fetched_text(None, self.clock()))
        self.fetched.setObjectName("fetchedAt")
        self.note = IssueLine()  # why a chosen template cannot be sent
        self.issue_line = IssueLine()
        self._lay_out()
        self.search.textChanged.connect(self._fill)
        for combo in (self.language, self.category, self.status):
            combo.currentIndexChanged.connect(self._fill)
        self.table.currentItemChanged.connect(self._on_current)
        self.refresh.clicked.connect(self.refresh_requested)
        self._tick = QTimer(self)
        self._tick.setInterval(FETCHED_TICK_MS)
        self._tick.timeout.connect(self._show_fetched)
        self._tick.start()

    def _make_table(self) -> QTreeWidget:
        table = QTreeWidget()
        table.setObjectName("templateList")
        table.setAccessibleName("Templates")
        table.setHeaderLabels(list(COLUMNS))
        table.setRootIsDecorated(False)
        table.setUniformRowHeights(True)
        table.setAlternatingRowColors(True)
        table.setMinimumHeight(150)
        table.setMaximumHeight(190)
        header = table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(self.search, 1)
        head.addWidget(self.fetched)
        head.addWidget(self.refresh)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for combo in (self.language, self.category, self.status):
            combo.setMinimumContentsLength(8)
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(self.issue_line)

    # --- the library ---------------------------------------------------------------------------
    def set_library(self, library: TemplateLibrary | None) -> None:
        """Show ``library`` (None: still loading), keeping the filters and the chosen row."""
        self._library = library
        if library is not None:
            self._set_facet(self.language, library.languages())
            self._set_facet(self.category, library.categories())
            self._set_facet(self.status, library.statuses())
        self._fill()
        self._show_fetched()

    def set_loading(self, loading: bool) -> None:
        self.refresh.setEnabled(not loading)
        if loading:
            self.fetched.setText("Fetching the templates…")
        else:
            self._show_fetched()

    def set_current(self, key: tuple[str, str] | None) -> None:
        """Select the row of ``key`` without a ``picked`` signal (a loaded message)."""
        self._current = key
        self.note.show_issues([])
        with QSignalBlocker(self.table):
            self.table.setCurrentItem(self._item(key))  # type: ignore[arg-type]

    def visible_names(self) -> list[tuple[str, str]]:
        """The (name, language) of each listed row, in order (for tests and tools)."""
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [item.data(0, KEY_ROLE) for item in items if item is not None]

    def _set_facet(self, combo: QComboBox, values: Sequence[str]) -> None:
        kept = combo.currentData()
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)) if kept else 0)

    def _fill(self, *_: object) -> None:
        with QSignalBlocker(self.table):
            self.table.clear()
            if self._library is None:
                return
            found = self._library.search(
                self.search.text(),
                language=self.language.currentData(),
                category=self.category.currentData(),
                status=self.status.currentData(),
            )
            self.table.addTopLevelItems([self._row(d) for d in found])
            self.table.setCurrentItem(self._item(self._current))  # type: ignore[arg-type]

    def _row(self, d: TemplateDefinition) -> QTreeWidgetItem:
        item = QTreeWidgetItem([d.name, d.language, d.category, d.status, d.quality or ""])
        item.setData(0, KEY_ROLE, d.key)
        why = d.why_not_sendable
        if why is not None:  # listed, greyed out, and the reason on hover
            muted, font = QColor(token("muted")), item.font(0)
            font.setItalic(True)
            for col in range(len(COLUMNS)):
                item.setForeground(col, muted)
                item.setFont(col, font)
                item.setToolTip(col, f"{why}.")
            item.setForeground(COLUMNS.index("Status"), QColor(token("error")))
        return item

    def _item(self, key: tuple[str, str] | None) -> QTreeWidgetItem | None:
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            if item is not None and key is not None and tuple(item.data(0, KEY_ROLE)) == key:
                return item
        return None

    def _on_current(self, item: QTreeWidgetItem | None, _old: object = None) -> None:
        if item is None or self._library is None:
            return
        definition = self._library.get(*item.data(0, KEY_ROLE))
        if definition is None:
            return
        why = definition.why_not_sendable
        if why is not None:
            self.note.setText(f"{why}.")
            set_style_property(self.note, "level", "error")
            self.note.show()
            return
        self.note.hide()
        self._current = definition.key
        self.picked.emit(definition)

    def _show_fetched(self) -> None:
        if self.refresh.isEnabled():
            when = self._library.fetched_at if self._library is not None else None
            self.fetched.setText(fetched_text(when, self.clock()))

    # --- Markable ------------------------------------------------------------------------------
    def show_issues(self, issues: Sequence[Issue]) -> None:
        self.issue_line.show_issues(issues)

    def focus_field(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
