"""A send's life as WhatsApp shows it: clock, one grey tick, two grey ticks, two blue ticks.

``lifecycle(record)`` turns a history record into what the history panel shows (mark, words,
details); ``tick_icon(mark)`` draws the mark. A send that failed (at once or later, in a status
webhook) gets a red mark and the mapped error's explanation; a send whose outcome is unknown says
it may or may not have been delivered, as the error tree does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

if TYPE_CHECKING:
    from composer.storage.records import HistoryRow, SendRecord

# WhatsApp's tick colours (grey ticks, blue "read" ticks), a red failure mark, amber for unknown.
COLOURS: Final = {
    "clock": "#667781", "sent": "#667781", "delivered": "#667781", "read": "#53bdeb",
    "failed": "#d92d20", "unknown": "#b7791f",
}  # fmt: skip
WORDS: Final = {
    "clock": "Accepted",
    "sent": "Sent",
    "delivered": "Delivered",
    "read": "Read",
    "failed": "Failed",
    "unknown": "Unknown",
}
UNKNOWN_TEXT: Final = "The message may or may not have been delivered."


@dataclass(frozen=True)
class Lifecycle:
    mark: str  # a key of COLOURS
    words: str  # "Read", "Failed", ...
    detail: str  # wamid, or the error's explanation
    timeline: str  # "sent 14:02:01 · delivered 14:02:02 · read 14:02:04"


def _error_text(error: dict[str, Any] | None) -> str:
    """Title, code and explanation of a stored error (mapped again if it is a raw webhook item)."""
    if not error:
        return ""
    if "explanation" not in error:
        from composer.graph.errors import error_from_webhook_error

        error = error_from_webhook_error(error).to_dict()
    title = str(error.get("title") or "Error")
    code = error.get("code")
    head = f"{title} ({code})" if code is not None else title
    explanation = str(error.get("explanation") or "")
    return f"{head}: {explanation}" if explanation else head


def lifecycle(record: SendRecord | HistoryRow) -> Lifecycle:
    times = " · ".join(
        f"{name} {at.astimezone().strftime('%H:%M:%S')}"
        for name, at in sorted(record.status_times.items(), key=lambda kv: kv[1])
    )
    if record.outcome == "unknown":
        why = _error_text(record.error)
        return Lifecycle("unknown", WORDS["unknown"], f"{UNKNOWN_TEXT} {why}".strip(), times)
    if record.outcome != "accepted":  # refused at once: never had a wamid
        return Lifecycle("failed", "Not sent", _error_text(record.error), times)
    status = record.status
    if status == "failed":
        return Lifecycle("failed", "Failed later", _error_text(record.error), times)
    mark = {"sent": "sent", "delivered": "delivered", "read": "read", "played": "read"}.get(
        status, "clock"
    )
    words = "Played" if status == "played" else WORDS[mark]
    return Lifecycle(mark, words, record.wamid or "", times)


def _draw_tick(p: QPainter, x: float) -> None:
    path = QPainterPath(QPointF(x, 7.5))
    path.lineTo(x + 3.2, 10.8)
    path.lineTo(x + 9.5, 3.5)
    p.drawPath(path)


def _draw(p: QPainter, mark: str, colour: QColor) -> None:
    pen = QPen(colour, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    if mark == "clock":
        p.drawEllipse(QRectF(5.5, 1.5, 11, 11))
        p.drawPolyline([QPointF(11, 4), QPointF(11, 7), QPointF(13.5, 8.5)])
    elif mark == "sent":
        _draw_tick(p, 6)
    elif mark in ("delivered", "read"):
        _draw_tick(p, 3)
        _draw_tick(p, 8)
    else:  # failed "!" or unknown "?" in a filled circle
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(QRectF(4.5, 0.5, 13, 13))
        p.setPen(QColor("#ffffff"))
        font = QFont()
        font.setPixelSize(10)
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(4.5, 0.5, 13, 13), Qt.AlignmentFlag.AlignCenter,
                   "!" if mark == "failed" else "?")  # fmt: skip


@cache
def tick_icon(mark: str) -> QIcon:
    """The mark, drawn at 2x for sharp ticks on high-DPI screens."""
    pixmap = QPixmap(44, 28)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw(p, mark, QColor(COLOURS[mark]))
    p.end()
    return QIcon(pixmap)
