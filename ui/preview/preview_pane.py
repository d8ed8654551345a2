"""The preview's pane: the appearance bar over the phone, or over several phones side by side.

The window's ``PhoneView`` stays the one phone it feeds (messages, templates, taps and their
webhook JSON); in side-by-side mode companion views mirror it in the other appearances
(``appearance.companions``), each captioned, in a row that scrolls sideways when the pane is too
narrow for them. ``choice_changed`` fires with every change, for the window to remember.
"""

from __future__ import annotations

from msgspec.structs import replace
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPainter, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.preview.appearance import (
    PLATFORM_TITLES,
    THEME_TITLES,
    Appearance,
    PreviewChoice,
    SideBySide,
    companions,
)
from ui.preview.appearance_bar import AppearanceBar
from ui.preview.phone_view import PhoneView

GAP = 16  # between phones, on screen and in a saved side-by-side picture
MIN_PHONE_W = 240  # narrower than this a phone is unreadable: the row scrolls sideways instead


class PreviewPane(QWidget):
    """Bar + phones. ``apply`` shows a ``PreviewChoice``; the bar's picks apply themselves."""

    choice_changed = Signal(object)  # PreviewChoice

    def __init__(self, view: PhoneView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPaneInner")
        self.view = view
        self.bar = AppearanceBar(self)
        self.companions: list[PhoneView] = []
        self._choice = PreviewChoice()
        self._captions: list[QLabel] = []
        self._row_widget = QWidget()
        self._row = QHBoxLayout(self._row_widget)
        self._row.setContentsMargins(8, 4, 8, 4)
        self._row.setSpacing(GAP)
        self.scroller = _SidewaysScroll(self._row_widget, self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.bar)
        column.addWidget(self.scroller, 1)
        self._column = column
        self._place()
        self.bar.changed.connect(self._on_bar)
        view.message_shown.connect(self._mirror)

    def choice(self) -> PreviewChoice:
        return self._choice

    def apply(self, choice: PreviewChoice) -> None:
        """Show ``choice`` on every phone (and in the bar) and announce it."""
        self._choice = choice
        self.bar.set_state(choice.appearance, choice.side_by_side)
        look = choice.appearance
        self.view.set_appearance(look.platform, look.dark, look.era)
        self.view.set_preview_settings(choice.settings)
        self._place()
        self.choice_changed.emit(choice)

    def appearances(self) -> tuple[Appearance, ...]:
        """What is on screen, in order (one appearance unless side by side)."""
        return companions(self._choice.appearance, self._choice.side_by_side)

    def views(self) -> list[PhoneView]:
        """The phones in display order (the window's view among them)."""
        others = iter(self.companions)
        main = self._choice.appearance
        return [self.view if a == main else next(others) for a in self.appearances()]

    def picture(self, scale: float) -> QImage:
        """Every phone on screen as one picture (side by side: in a row, ``GAP`` apart)."""
        shots = [v.render_image(scale) for v in self.views()]
        if len(shots) == 1:
            return shots[0]
        width = sum(i.width() for i in shots) + round(GAP * scale) * (len(shots) - 1)
        height = max(i.height() for i in shots)
        strip = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        strip.fill(Qt.GlobalColor.transparent)
        p = QPainter(strip)
        x = 0
        for shot in shots:
            shot.setDevicePixelRatio(1)
            p.drawImage(x, 0, shot)
            x += shot.width() + round(GAP * scale)
        p.end()
        strip.setDevicePixelRatio(scale)
        return strip

    def _on_bar(self, appearance: Appearance, mode: SideBySide) -> None:
        self.apply(replace(self._choice, appearance=appearance, side_by_side=mode))

    def _place(self) -> None:
        """Lay the phones out for the current choice (companions are made anew)."""
        for old in self.companions:
            old.close_media()
        _empty(self._row, keep=self.view)
        self.companions, self._captions = [], []
        shown = self.appearances()
        self.scroller.phones = len(shown)
        for look in shown:
            view = self.view if look == self._choice.appearance else self._companion(look)
            if len(shown) > 1:  # each phone gets room in proportion to its width
                width = round(view.preview_screen().width)
                self._row.addLayout(self._captioned(look, view), width)
            else:
                self._row.addWidget(view, 1)
        if self.view.panel_docked():
            pass  # the window shows the webhook panel in its own tab
        elif len(shown) > 1:  # one webhook panel under the whole row: the phones line up
            self._column.addWidget(self.view.panel)
        else:
            self.view.take_back_panel()
        self._mirror()
        self.scroller.fit()

    def _captioned(self, look: Appearance, view: PhoneView) -> QVBoxLayout:
        caption = QLabel(f"{PLATFORM_TITLES[look.platform]} · {THEME_TITLES[look.theme]}")
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setObjectName("phoneCaption")
        self._captions.append(caption)
        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(caption)
        box.addWidget(view, 1)
        return box

    def _companion(self, look: Appearance) -> PhoneView:
        view = PhoneView(self._row_widget)
        view.set_webhook_panel(False)
        view.set_link_fetching(self.view.link_fetching())
        view.set_appearance(look.platform, look.dark, look.era)
        view.set_preview_settings(self._choice.settings)
        view.setAccessibleName(f"Phone preview, {look.platform} {look.theme}")
        self.companions.append(view)
        return view

    def _mirror(self) -> None:
        """The companions show what the window's phone shows (a rehearsal's thread too)."""
        msg, issues = self.view.message()
        for view in self.companions:
            if view.template_lookup() is not self.view.template_lookup():
                view.set_template_lookup(self.view.template_lookup())
            if view.preview_data != self.view.preview_data:
                view.set_preview_data(self.view.preview_data)
            view.set_message(msg, issues)
            if view.thread_entries() is not None or self.view.thread_entries() is not None:
                view.set_thread(self.view.thread_entries(), self.view.state().typing)


def _empty(layout: QHBoxLayout | QVBoxLayout, keep: QWidget) -> None:
    """Take every item out of ``layout`` (nested ones too); delete all widgets but ``keep``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        inner = item.layout()
        if isinstance(inner, QHBoxLayout | QVBoxLayout):
            _empty(inner, keep)
            inner.deleteLater()
        widget = item.widget()
        if widget is not None and widget is not keep:
            widget.deleteLater()


class _SidewaysScroll(QScrollArea):
    """Holds the phones at the full height of the pane; scrolls sideways only when the pane is
    narrower than ``phones`` x MIN_PHONE_W (a 1280 or 1024 px screen, side by side)."""

    def __init__(self, row: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.phones = 1
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(False)
        self.setWidget(row)
        self._inner = row

    def fit(self) -> None:
        need = self.phones * MIN_PHONE_W + (self.phones - 1) * GAP
        bar = self.horizontalScrollBar().sizeHint().height() if need > self.width() else 0
        self._inner.setFixedSize(max(self.width(), need), max(0, self.height() - bar))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
