"""A long paragraph laid out again from a line above the change (``paragraph_layout.continued``)
breaks, measures and draws exactly as the same text laid out whole, whatever the edit: typing
at the end, in the middle, deleting, a marker that restyles earlier text, a long word that wraps
anywhere and then shrinks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from composer.formatting import parse
from ui.preview.text_engine import Para, TextEngine
from ui.preview.themes import theme_for

FILLER = "Thanks for shopping with us, we really appreciate it 😊 *see you soon* "
WIDTH = 300.0


def _spans(text: str) -> tuple[object, ...]:
    (block,) = parse(text)
    return block.spans


def _image(para: Para) -> QImage:
    image = QImage(int(para.width) + 20, int(para.height) + 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QColor("black"))
    para.draw(p, 10, 10)
    p.end()
    return image


def _same(a: Para, b: Para) -> None:
    assert a.lines == b.lines
    assert a.starts == b.starts
    assert (a.height, a.natural_width, a.last_line_width, a.line_count) == (
        b.height,
        b.natural_width,
        b.last_line_width,
        b.line_count,
    )
    assert _image(a) == _image(b)


def _edits() -> list[str]:
    text = FILLER * 40  # about 2,900 characters, 60-odd lines at this width
    out = [text]
    for ch in "Hello there, a few more words":  # typed at the end
        text += ch
        out.append(text)
    middle = len(text) // 2
    text = text[:middle] + "inserted " + text[middle:]  # in the middle
    out.append(text)
    text = text[:middle] + text[middle + 30 :]  # deleted across words
    out.append(text)
    text += " *bold start"
    out.append(text)
    text += " and its end*"  # closes a marker: earlier text turns bold
    out.append(text)
    text += " " + "x" * 80  # a word longer than a line: breaks anywhere
    out.append(text)
    text = text[:-50]  # ... and shorter again
    out.append(text)
    plain = FILLER.replace("*", "") * 40  # no markers: one in the middle waits for its match
    out.append(plain)
    at = plain.index("Thanks", len(plain) // 3)
    text = plain[:at] + "_" + plain[at:]
    for ch in " typed on and on":
        text += ch
        out.append(text)
    text += "_"  # closes it: a third of the paragraph above turns italic
    out.append(text)
    return out


@pytest.mark.parametrize("platform", ["android", "ios"])
def test_a_continued_paragraph_is_the_paragraph_laid_out_whole(
    qapp: QApplication, platform: str
) -> None:
    theme = theme_for(platform, False)
    typing = TextEngine()
    continued = 0
    for text in _edits():
        para = typing.paragraph(theme, "body", _spans(text), WIDTH)  # type: ignore[arg-type]
        whole = TextEngine().paragraph(theme, "body", _spans(text), WIDTH)  # type: ignore[arg-type]
        assert len(whole.parts) == 1
        continued += len(para.parts) > 1
        _same(para, whole)
    assert continued >= 25, "the typed keys were laid out from a line above, not whole"


def test_a_continued_paragraph_keeps_most_lines_and_draws_in_a_clip(qapp: QApplication) -> None:
    theme = theme_for("android", False)
    engine = TextEngine()
    text = FILLER * 40
    before = engine.paragraph(theme, "body", _spans(text), WIDTH)  # type: ignore[arg-type]
    after = engine.paragraph(theme, "body", _spans(text + "!"), WIDTH)  # type: ignore[arg-type]
    kept = sum(count for layout, count in after.parts if layout is before.parts[0][0])
    assert kept >= before.line_count - 3, "only the lines around the change are laid out"
    assert len(after.parts) > 1

    def drawn(clipped: bool) -> QImage:
        image = QImage(int(WIDTH) + 20, int(after.height) + 20, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        p = QPainter(image)
        p.setPen(QColor("black"))
        if clipped:  # the lines outside the clip are skipped, the ones inside drawn
            p.setClipRect(0, 0, image.width(), 200, Qt.ClipOperation.ReplaceClip)
        after.draw(p, 10, 10)
        p.end()
        return image

    whole, clipped = drawn(False), drawn(True)
    assert clipped.copy(0, 0, whole.width(), 200) == whole.copy(0, 0, whole.width(), 200)
    blank = QImage(whole.width(), 200, whole.format())
    blank.fill(QColor("white"))
    assert clipped.copy(0, 0, whole.width(), 200) != blank, "the lines in the clip are drawn"


def test_right_to_left_and_short_paragraphs_are_laid_out_whole(qapp: QApplication) -> None:
    theme = theme_for("android", False)
    engine = TextEngine()
    arabic = "مرحبا بكم في متجرنا " * 60
    engine.paragraph(theme, "body", arabic, WIDTH)
    assert len(engine.paragraph(theme, "body", arabic + "x", WIDTH).parts) == 1
    short = FILLER * 3
    engine.paragraph(theme, "body", short, WIDTH)
    assert len(engine.paragraph(theme, "body", short + "x", WIDTH).parts) == 1
