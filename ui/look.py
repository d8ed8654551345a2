"""The window's look without a stylesheet: an application palette on Qt's Fusion style, and a
small dress per object name for what a palette alone does not say.

A Qt stylesheet costs every widget under it a pass of rule matching at its polish and a rule
lookup at each of its style calls: the app-wide sheet this replaces was 60 ms of a 530 ms way to
a usable editor (an A/B of the same tree with and without it, median of 20 paired runs). Here:

* ``app_palette``: the theme tokens (``resources/styles/tokens.json``) as the palette's roles.
  Fusion draws inputs, buttons, combos, scroll bars and item views from it.
* ``dress(widget)``: the colour, font and background of a widget by its object name (``NAMES``)
  and its ``level`` property (``LEVELS``: a counter near or over its limit, an issue line, the
  send status, the profile badge), set as the widget's own palette and font. ``ui.restyle``
  calls it again when a ``level`` or ``issue`` property changes.
* An input with an ``issue`` property (``error`` / ``warning``) gets the issue's background and
  a frame in the issue's colour: Fusion draws an input's frame in its palette's window colour
  made darker by 140 %, so that role is set to the colour that comes out as the issue's.
* ``Bar`` (a surface with a one-pixel edge line) and ``paint_card`` draw what a palette cannot:
  the top, recipient and send bars' edges and the item cards' rounded frames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import msgspec
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from ui.fill import fill_rect
from ui.resources import token

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

_ROLE = QPalette.ColorRole
_GROUP = QPalette.ColorGroup
_ALL_GROUPS: Final = (_GROUP.Active, _GROUP.Inactive, _GROUP.Disabled)
STYLE: Final = "Fusion"  # Qt's own style, the same on every platform; it draws from the palette
DISABLED_TEXT: Final = "#9aa3ab"
FRAME_DARKER: Final = 140  # Fusion's input frame: the palette's window colour, darker(140)


class Dress(msgspec.Struct, frozen=True):
    """What a name or level sets: text colour, background, font size (px) and weight."""

    fg: str | None = None
    bg: str | None = None
    px: int | None = None
    weight: int | None = None
    mono: bool = False
    fill: bool = True  # the background fills the widget's rect (else its own paint uses it)
    pad: tuple[int, int, int, int] | None = None  # contents margins: left, top, right, bottom
    least: tuple[int, int] | None = None  # minimum width and height
    off: tuple[str, str] | None = None  # background and text colours when disabled


NAMES: Final[dict[str, Dress]] = {
    "hint": Dress(fg="muted"),
    "placeholder": Dress(fg="muted", px=14),
    "fieldLabel": Dress(fg="muted"),
    "sectionTitle": Dress(fg="text", px=13, weight=600, pad=(0, 6, 0, 0)),
    "counter": Dress(fg="muted", px=11),
    "countBadge": Dress(fg="muted", px=11),
    "issueLine": Dress(px=11, pad=(0, 1, 0, 1)),
    "itemCaption": Dress(fg="muted", px=11, weight=600),
    "markupHint": Dress(fg="muted", px=11),
    "moveItem": Dress(fg="#4a5560"),
    "removeItem": Dress(fg="live"),
    "addButton": Dress(fg="accent"),
    "emojiButton": Dress(px=18, least=(30, 30)),
    "markupButton": Dress(least=(26, 24)),
    "emojiField": Dress(px=18),
    "sendButton": Dress(
        fg="accent_text",
        bg="accent",
        weight=600,
        least=(110, 34),
        off=("#a9c9b9", "#f2f6f4"),
        fill=False,  # its rounded fill is its own paint (FilledButton)
    ),
    "profileBadge": Dress(px=11, weight=600, fill=False),
    "issuePath": Dress(fg="muted", px=11, mono=True),
    "topBar": Dress(bg="surface"),
    "recipientBar": Dress(bg="surface"),
    "sendBar": Dress(bg="surface"),
    "noticeBar": Dress(bg="warning_bg"),
    "editorPage": Dress(bg="window"),
    "previewPane": Dress(bg="#e9ecef"),
    "sidePane": Dress(bg="surface"),
    "sideTabs": Dress(bg="surface"),
    "issuesInner": Dress(bg="surface"),
    "issueRow": Dress(bg="surface"),
    "historyDetails": Dress(bg="surface", pad=(8, 8, 8, 8)),
    "itemCard": Dress(bg="surface", fill=False),
}
"""Dress by object name (``QWidget.objectName``)."""

_NEAR_OVER: Final = {"near": Dress(fg="warning", weight=600), "over": Dress(fg="error", weight=600)}
_STATES: Final = {"error": Dress(fg="error"), "warning": Dress(fg="warning"), "ok": Dress(fg="ok")}
LEVELS: Final[dict[str, dict[str, Dress]]] = {
    "counter": _NEAR_OVER,
    "countBadge": _NEAR_OVER,
    "issueLine": _STATES,
    "sendStatus": {**_STATES, "busy": Dress(fg="muted")},
    "issuesSummary": {
        "error": Dress(fg="error", weight=600),
        "warning": Dress(fg="warning", weight=600),
        "ok": Dress(fg="ok"),
    },
    "profileBadge": {
        "sandbox": Dress(fg="accent", bg="sandbox_bg", fill=False),
        "live": Dress(fg="live", bg="live_bg", fill=False),
    },
}
"""Dress by object name and ``level`` property, over the name's own."""

ISSUES: Final = {"error": ("error", "error_bg"), "warning": ("#d9a300", "warning_bg")}
"""An input's frame and background colours for its ``issue`` property."""


def colour(name: str) -> QColor:
    """A token (``surface``) or a literal colour (``#e9ecef``)."""
    return QColor(name if name.startswith("#") else token(name))


def app_palette() -> QPalette:
    """The theme's colours in every role (the shades Fusion draws bevels with, from the button and
    window colours as Qt derives them)."""
    out = QPalette(colour("surface"), colour("window"))
    roles = {
        _ROLE.Window: "window", _ROLE.WindowText: "text", _ROLE.Base: "surface",
        _ROLE.AlternateBase: "surface_alt", _ROLE.Text: "text", _ROLE.Button: "surface",
        _ROLE.ButtonText: "text", _ROLE.ToolTipBase: "surface", _ROLE.ToolTipText: "text",
        _ROLE.PlaceholderText: "muted", _ROLE.Highlight: "focus", _ROLE.Link: "focus",
    }  # fmt: skip
    for role, name in roles.items():
        out.setColor(role, colour(name))
    out.setColor(_ROLE.HighlightedText, QColor("#ffffff"))
    for role in (_ROLE.WindowText, _ROLE.Text, _ROLE.ButtonText):
        out.setColor(_GROUP.Disabled, role, QColor(DISABLED_TEXT))
    return out


def frame_window(frame: QColor) -> QColor:
    """The window colour Fusion turns into ``frame`` for an input's frame (see the docstring)."""
    value = min(255, frame.value() * FRAME_DARKER // 100)
    return QColor.fromHsv(frame.hsvHue(), frame.hsvSaturation(), value, frame.alpha())


def _dress_for(widget: QWidget) -> Dress | None:
    name = widget.objectName()
    base = NAMES.get(name)
    level = widget.property("level")
    extra = LEVELS.get(name, {}).get(str(level)) if level else None
    if extra is None:
        return base
    if base is None:
        return extra
    return msgspec.structs.replace(  # the name's own margins, sizes and disabled colours stay
        base, fg=extra.fg or base.fg, bg=extra.bg or base.bg, px=extra.px or base.px,
        weight=extra.weight or base.weight, fill=extra.fill and base.fill,
    )  # fmt: skip


def dress(widget: QWidget) -> None:
    """Apply the widget's look: its name and level (``NAMES``, ``LEVELS``), or its issue."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QComboBox)):
        _dress_input(widget)
    d = _dress_for(widget)
    if d is None:
        return
    palette = QPalette(widget.palette())
    fg_roles = (_ROLE.WindowText, _ROLE.ButtonText, _ROLE.Text)
    for role in fg_roles:
        if d.fg:
            palette.setColor(_GROUP.Active, role, colour(d.fg))
            palette.setColor(_GROUP.Inactive, role, colour(d.fg))
    if d.bg:
        for group in _ALL_GROUPS:
            palette.setColor(group, _ROLE.Window, colour(d.bg))
            palette.setColor(group, _ROLE.Button, colour(d.bg))
        widget.setAutoFillBackground(d.fill)
    if d.off:
        for role in (_ROLE.Window, _ROLE.Button):
            palette.setColor(_GROUP.Disabled, role, colour(d.off[0]))
        for role in fg_roles:
            palette.setColor(_GROUP.Disabled, role, colour(d.off[1]))
    widget.setPalette(palette)
    if d.pad:
        widget.setContentsMargins(*d.pad)
    if d.least:
        widget.setMinimumSize(
            max(d.least[0], widget.minimumWidth()), max(d.least[1], widget.minimumHeight())
        )
    if d.px or d.weight or d.mono:
        font = QFont(widget.font())
        if d.mono:
            font.setFamilies(["DejaVu Sans Mono", "monospace"])
            font.setStyleHint(QFont.StyleHint.Monospace)
        if d.px:
            font.setPixelSize(d.px)
        font.setWeight(QFont.Weight(d.weight) if d.weight else QFont.Weight.Normal)
        widget.setFont(font)


def _dress_input(widget: QWidget) -> None:
    issue = ISSUES.get(str(widget.property("issue") or ""))
    if issue is None:
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
            widget.setPalette(QPalette())  # back to the inherited one
        return
    frame, background = issue
    palette = QPalette(widget.palette())
    for group in _ALL_GROUPS:
        palette.setColor(group, _ROLE.Base, colour(background))
        palette.setColor(group, _ROLE.Button, colour(background))
        palette.setColor(group, _ROLE.Window, frame_window(colour(frame)))
    widget.setPalette(palette)


def tint(widget: QWidget, fg: str, *, weight: int | None = None) -> None:
    """A text colour (a token or ``#rrggbb``) and weight that change at run time (a countdown's
    tone, a status dot), as the widget's own palette and font: a per-widget stylesheet would put
    the stylesheet style back on it."""
    palette = QPalette(widget.palette())
    for group in (_GROUP.Active, _GROUP.Inactive):
        for role in (_ROLE.WindowText, _ROLE.Text):
            palette.setColor(group, role, colour(fg))
    widget.setPalette(palette)
    if weight is not None and widget.font().weight() != weight:
        font = QFont(widget.font())
        font.setWeight(QFont.Weight(weight))
        widget.setFont(font)


def name(widget: QWidget, object_name: str) -> None:
    """``setObjectName`` and its dress in one step (the name is what the dress is found by)."""
    widget.setObjectName(object_name)
    dress(widget)


def paint_edge(widget: QWidget, event: QPaintEvent, *, top: bool) -> None:
    """A one-pixel ``border`` line along the widget's top or bottom edge."""
    rect = widget.rect()
    y = rect.top() if top else rect.bottom()
    line = rect.adjusted(0, 0, 0, 0)
    line.setTop(y)
    line.setBottom(y)
    if line.intersects(event.rect()):
        fill_rect(QPainter(widget), line, colour("border"))


class Bar(QWidget):
    """A surface with a one-pixel edge line (the top and recipient bars: bottom; the send bar:
    top). The background is the palette's (``dress``); only the line is painted here."""

    def __init__(
        self, object_name: str, parent: QWidget | None = None, *, edge_top: bool = False
    ) -> None:
        super().__init__(parent)
        self._edge_top = edge_top
        name(self, object_name)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_edge(self, event, top=self._edge_top)


def paint_card(widget: QWidget, fill: QColor, radius: float = 6.0) -> None:
    """A card's rounded frame: ``fill`` inside a one-pixel ``border`` line."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour("border"))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)


class FilledButton(QPushButton):
    """The primary action: a flat fill in its palette's button colour (``accent_hover`` under the
    mouse or pressed, the dress's ``off`` colours when disabled) with a focus ring. Fusion would
    draw that colour as a lighter gradient, and white text on it falls below 4.5:1 contrast.

    The icon is given with ``set_icon`` after the first paint (``QIcon``'s enums are made when
    the class is first named, and ``icon()`` would name it at each paint)."""

    RADIUS: Final = 6.0
    GAP: Final = 6  # between the icon and the text

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # a repaint as the mouse comes and goes
        self._icon: QIcon | None = None

    def set_icon(self, icon: QIcon) -> None:
        """``icon`` left of the text; a null icon (a missing file) takes no room."""
        self._icon = None if icon.isNull() else icon
        self.setIcon(icon)  # for the size hint and accessibility

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        fill = palette.color(_ROLE.Button)
        if self.isEnabled() and (self.isDown() or self.underMouse()):
            fill = colour("accent_hover")
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(self.rect()), self.RADIUS, self.RADIUS)
        if self.hasFocus():
            painter.setPen(QPen(colour("focus"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = QRectF(self.rect()).adjusted(1, 1, -1, -1)
            painter.drawRoundedRect(ring, self.RADIUS - 1, self.RADIUS - 1)
        metrics = self.fontMetrics()
        text_width = metrics.horizontalAdvance(self.text())
        icon_size = self.iconSize() if self._icon is not None else QSize(0, 0)
        gap = self.GAP if self._icon is not None else 0
        left = (self.width() - icon_size.width() - gap - text_width) / 2
        if self._icon is not None:
            mode = self._icon.Mode.Normal if self.isEnabled() else self._icon.Mode.Disabled
            pixmap = self._icon.pixmap(icon_size, self.devicePixelRatioF(), mode)
            top = (self.height() - icon_size.height()) / 2
            painter.drawPixmap(round(left), round(top), pixmap)
        painter.setPen(palette.color(_ROLE.ButtonText))
        text_rect = QRectF(left + icon_size.width() + gap, 0, text_width + 1, self.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, self.text())
        painter.end()
