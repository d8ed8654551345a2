"""Golden images of the preview: every sample kind on every appearance, drawn by ``render``.

The references live in tests/data/golden/<kind>-<platform>-<theme>.png (scale 1). A comparison
allows a small perceptual tolerance: a pixel differs when one channel moves by more than
``THRESHOLD``, and a picture fails when more than ``MAX_RATIO`` of its pixels differ (or its size
changed), so anti-aliasing noise passes and a moved bubble, a lost line or a new colour fails.
Each failure writes reference | new | difference to build/golden-diff/ for a developer to look.

    scripts/update-golden.sh        # after an intended change: redraw every reference
    python -m tests.golden --check  # compare only, diffs in build/golden-diff/
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden"
DIFFS = ROOT / "build" / "golden-diff"
THRESHOLD = 40  # of 255, per channel
MAX_RATIO = 0.002  # of the picture's pixels
SCALE = 1.0
PLATFORMS = ("android", "ios", "web")
THEMES = ("light", "dark")


def cases() -> list[tuple[str, str, str]]:
    """(kind, platform, theme) for every sample kind and appearance."""
    from composer.samples import sample_kinds

    return [(k, p, t) for k in sample_kinds() for p in PLATFORMS for t in THEMES]


def name(kind: str, platform: str, theme: str) -> str:
    return f"{kind}-{platform}-{theme}.png"


@dataclass(frozen=True)
class Comparison:
    differing: int
    total: int
    same_size: bool

    @property
    def ratio(self) -> float:
        return 1.0 if not self.same_size else self.differing / max(1, self.total)

    @property
    def ok(self) -> bool:
        return self.same_size and self.ratio <= MAX_RATIO


def _mask(reference: Image.Image, new: Image.Image) -> Image.Image:
    """255 where a pixel differs by more than THRESHOLD in some channel, else 0."""
    diff = ImageChops.difference(reference.convert("RGBA"), new.convert("RGBA"))
    r, g, b, a = diff.split()
    most = ImageChops.lighter(ImageChops.lighter(r, g), ImageChops.lighter(b, a))
    return most.point(lambda v: 255 if v > THRESHOLD else 0)


def compare(reference: Image.Image, new: Image.Image) -> Comparison:
    if reference.size != new.size:
        return Comparison(0, reference.width * reference.height, False)
    return Comparison(_mask(reference, new).histogram()[255], new.width * new.height, True)


def write_diff(reference: Image.Image, new: Image.Image, path: Path) -> Path:
    """reference | new | new greyed with the differing pixels in red, side by side."""
    w, h = max(reference.width, new.width), max(reference.height, new.height)
    sheet = Image.new("RGBA", (3 * w + 32, h), (255, 255, 255, 255))
    sheet.paste(reference.convert("RGBA"), (0, 0))
    sheet.paste(new.convert("RGBA"), (w + 16, 0))
    faded = new.convert("L").convert("RGBA")
    if reference.size == new.size:
        red = Image.new("RGBA", new.size, (230, 0, 0, 255))
        faded = Image.composite(red, faded, _mask(reference, new))
    sheet.paste(faded, (2 * w + 32, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path)
    return path


def render(kind: str, platform: str, theme: str, renderer: object | None = None) -> Image.Image:
    """The sample of ``kind`` as ``wa-composer render`` draws it, at SCALE."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from composer.samples import sample_payload
    from composer.validation.check import validate_payload
    from ui.preview.appearance import parse_appearance
    from ui.preview.render import Renderer

    drawer = renderer if isinstance(renderer, Renderer) else Renderer()
    doc = sample_payload(kind)
    image = drawer.image(doc, validate_payload(doc), parse_appearance(platform, theme), SCALE)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def _save(image: Image.Image, path: Path) -> None:
    """Kept small: an adaptive 256-colour palette (the comparison's tolerance absorbs it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(256, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare only, write nothing new")
    parser.add_argument("--force", action="store_true", help="rewrite every reference")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.preview.render import Renderer

    renderer = Renderer()
    changed = 0
    for case in cases():
        target = GOLDEN / name(*case)
        new = render(*case, renderer=renderer)
        same = False
        if target.exists():
            with Image.open(target) as ref:
                result = compare(ref.convert("RGBA"), new)
                same = result.ok
                if not same:
                    diff = write_diff(ref, new, DIFFS / target.name)
                    print(f"{target.name}: {result.ratio:.2%} of pixels differ; see {diff}")
        else:
            print(f"{target.name}: new")
        changed += not same
        if not args.check and (args.force or not same):
            _save(new, target)
    total = sum(p.stat().st_size for p in GOLDEN.glob("*.png"))
    print(f"{len(cases())} pictures, {changed} changed; references: {total / 1e6:.1f} MB")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
