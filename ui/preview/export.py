"""Render the preview to an image at any scale ("Save preview as PNG" at 2x for QA tickets)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter

from ui.preview.layout import Screen
from ui.preview.painter import Painter


def render_image(
    painter: Painter,
    screen: Screen,
    images: Mapping[str, QImage],
    scale: float = 2,
    chat_scroll: float = 0.0,
    sheet_scroll: float = 0.0,
) -> QImage:
    """The phone as a QImage of ``scale`` x its logical size (transparent outside the frame)."""
    w, h = round(screen.width * scale), round(screen.height * scale)
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    painter.paint(p, screen, images, chat_scroll, sheet_scroll)
    p.end()
    return image


def write_png(image: QImage, path: str | Path) -> bool:
    """Write ``image`` as PNG (whatever the file's suffix); False when it cannot be written."""
    writer = QImageWriter(str(path), QByteArray(b"png"))
    return bool(writer.write(image))
