"""A long paragraph draws only the lines its painter's clip shows (the skipping is measured by
benchmarks/preview_latency.py): the pixels inside the clip are the same as without it."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from ui.preview.text_engine import TextEngine
from ui.preview.themes import theme_for

TEXT = "Thanks for shopping with us, we really appreciate it 😊 " * 60


def _draw(clip: QRect | None) -> QImage:
    theme = theme_for("android", dark=False)
    para = TextEngine().paragraph(theme, "body", TEXT, 280)
    assert para.line_count > 30
    image = QImage(300, int(para.height) + 60, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    p = QPainter(image)
    if clip is not None:
        p.setClipRect(clip)
    p.setPen(QColor("black"))
    para.draw(p, 5, 45)  # an offset, so a clip in the wrong coordinates skips the wrong lines
    p.end()
    return image


def test_the_lines_in_the_clip_are_drawn_as_without_it(qapp: QApplication) -> None:
    band = QRect(0, 301, 300, 117)  # cuts lines in half at both edges
    assert _draw(band).copy(band) == _draw(None).copy(band)
