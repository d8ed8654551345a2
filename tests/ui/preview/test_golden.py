"""Golden images: every sample kind on every appearance matches its committed reference.

A failure writes reference | new | difference to build/golden-diff/; after an intended change,
``scripts/update-golden.sh`` redraws the references (see tests/golden.py for the tolerance).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from PySide6.QtWidgets import QApplication

from tests import golden
from ui.preview.render import Renderer


@pytest.fixture(scope="module")
def renderer(qapp: QApplication) -> Iterator[Renderer]:
    drawer = Renderer()
    yield drawer
    drawer.close()


def test_every_sample_kind_and_appearance_has_a_reference() -> None:
    expected = {golden.name(*case) for case in golden.cases()}
    assert len(expected) == 6 * len({kind for kind, _, _ in golden.cases()})
    assert {p.name for p in golden.GOLDEN.glob("*.png")} == expected


@pytest.mark.parametrize(("kind", "platform", "theme"), golden.cases())
def test_the_preview_matches_its_golden_image(
    renderer: Renderer, kind: str, platform: str, theme: str
) -> None:
    path = golden.GOLDEN / golden.name(kind, platform, theme)
    new = golden.render(kind, platform, theme, renderer)
    with Image.open(path) as reference:
        result = golden.compare(reference.convert("RGBA"), new)
        if not result.ok:
            diff = golden.write_diff(reference, new, golden.DIFFS / path.name)
            pytest.fail(
                f"{path.name}: {result.ratio:.2%} of the pixels differ (size same: "
                f"{result.same_size}); look at {diff}, then run scripts/update-golden.sh "
                "if the change is intended"
            )


def test_a_layout_shift_of_two_pixels_fails_the_comparison(renderer: Renderer) -> None:
    new = golden.render("button", "android", "light", renderer)
    shifted = ImageChops.offset(new, 0, 2)
    assert golden.compare(new, new).ok
    assert not golden.compare(new, shifted).ok
    assert not golden.compare(new, new.crop((0, 0, new.width, new.height - 1))).ok


def test_a_changed_colour_fails_the_comparison(renderer: Renderer) -> None:
    new = golden.render("list", "ios", "dark", renderer)
    box = (40, 200, 200, 260)  # a patch of chat the size of a small bubble
    patched = new.copy()
    patched.paste((255, 0, 0, 255), box)
    assert not golden.compare(new, patched).ok


def test_a_diff_image_shows_reference_new_and_the_difference(
    renderer: Renderer, tmp_path: Path
) -> None:
    new = golden.render("text", "web", "light", renderer)
    out = golden.write_diff(new, ImageChops.offset(new, 3, 0), tmp_path / "d.png")
    with Image.open(out) as sheet:
        assert sheet.width == 3 * new.width + 32 and sheet.height == new.height
        red = sheet.crop((2 * new.width + 32, 0, sheet.width, sheet.height)).convert("RGB")
        assert (230, 0, 0) in {c for _, c in red.getcolors(1 << 20) or []}
