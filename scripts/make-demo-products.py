"""Draw the demo catalog's product pictures (composer/sandbox/data/products/*.png) with Qt.

The sandbox ships these small PNGs so its catalog has real images offline; run this again only
to change them: ``.venv/bin/python scripts/make-demo-products.py``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath

DATA = Path(__file__).resolve().parents[1] / "composer" / "sandbox" / "data"
SIZE = 240
COLOURS = {
    "navy": "#1D3557", "olive": "#606C38", "red": "#C1121F", "green": "#2D6A4F",
    "brown": "#7F5539", "black": "#222222", "yellow": "#F4A261", "grey": "#6C757D",
    "orange": "#E76F51", "teal": "#2A9D8F",
}  # fmt: skip


def _path(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for pt in points[1:]:
        path.lineTo(QPointF(*pt))
    path.closeSubpath()
    return path


def _shape(kind: str) -> QPainterPath:
    if kind == "jacket":
        return _path((80, 50), (105, 40), (120, 55), (135, 40), (160, 50), (195, 120),
                     (172, 130), (160, 105), (160, 200), (80, 200), (80, 105), (68, 130),
                     (45, 120))  # fmt: skip
    if kind == "boots":
        return _path((70, 40), (125, 40), (125, 150), (190, 165), (195, 200), (70, 200))
    if kind == "umbrella":
        path = QPainterPath(QPointF(40, 120))
        path.cubicTo(QPointF(50, 40), QPointF(190, 40), QPointF(200, 120))
        path.addRect(QRectF(116, 110, 8, 80))
        path.addEllipse(QRectF(104, 180, 20, 20))
        return path
    if kind == "hat":
        path = _path((85, 80), (155, 80), (165, 140), (75, 140))
        path.addRoundedRect(QRectF(40, 135, 160, 22), 10, 10)
        return path
    if kind == "gloves":
        path = QPainterPath()
        path.addRoundedRect(QRectF(70, 90, 100, 110), 30, 30)
        for i in range(4):
            path.addRoundedRect(QRectF(72 + i * 25, 40, 20, 80), 10, 10)
        path.addRoundedRect(QRectF(150, 110, 50, 22), 11, 11)
        return path
    if kind == "scarf":
        return _path((60, 50), (180, 50), (180, 80), (120, 80), (120, 200), (90, 200), (90, 80),
                     (60, 80))  # fmt: skip
    if kind == "bag":
        path = QPainterPath()
        path.addRoundedRect(QRectF(65, 70, 110, 135), 18, 18)
        path.addRoundedRect(QRectF(80, 40, 80, 26), 8, 8)
        return path
    return _path((90, 40), (140, 40), (140, 150), (190, 165), (190, 200), (90, 200))  # socks


def draw(image: str, colour: str) -> QImage:
    img = QImage(SIZE, SIZE, QImage.Format.Format_RGB32)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    grad = QLinearGradient(QPointF(0, 0), QPointF(0, SIZE))
    grad.setColorAt(0, QColor("#F4F1EC"))
    grad.setColorAt(1, QColor("#E2DDD4"))
    p.fillRect(img.rect(), grad)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, 28))
    p.drawEllipse(QRectF(50, 196, 140, 18))
    p.setBrush(QColor(colour))
    shape = _shape(image.split("-")[0])
    shape.setFillRule(Qt.FillRule.WindingFill)  # overlapping parts fill, never cut holes
    p.drawPath(shape)
    p.end()
    return img


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    products = json.loads((DATA / "catalog.json").read_text(encoding="utf-8"))["products"]
    out = DATA / "products"
    out.mkdir(exist_ok=True)
    for product in products:
        name = product["image"]
        colour = COLOURS[name.split("-")[1].removesuffix(".png")]
        draw(name, colour).save(str(out / name), "PNG")
    print(f"{len(products)} pictures in {out}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
