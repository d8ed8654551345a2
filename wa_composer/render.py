"""``wa-composer render FILE...``: message POST bodies to PNG pictures of the phone, headless.

For QA pipelines: the picture is the window's preview (same layout, painter and themes), drawn
offscreen with no window shown. Each file is validated as ``validate`` does and its issues are
printed by the same printer; an invalid message is still drawn, with the error banner. Lives in
the launcher, not the core: it needs PySide6, and says so plainly when it is missing.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.cli.validate import (
    FileResult,
    InputError,
    display_name,
    format_plain,
    parse_json,
    read_input,
    read_templates,
)

if TYPE_CHECKING:
    from composer.templates import TemplateLibrary
    from ui.preview.appearance import Appearance

PLATFORMS = ("android", "ios", "web")  # = ui.preview.platform_themes.PLATFORMS (Qt-free here)
THEMES = ("light", "dark")
DEFAULT_SCALE = 2.0

EPILOG = """\
Each FILE holds one message POST body (JSON), as `validate` reads it; "-" reads standard input.
--out DIR writes DIR/<file stem>-<platform>-<theme>.png (stdin: "stdin-..."); -o FILE.png names
the picture of a single FILE. Neither: --out . (the current directory).
The picture is the phone as the window draws it, at --scale times its size in px (default 2,
sharp on a high-density screen; 1 for golden images), the time shown as 12:34, links to images
drawn as placeholders (nothing is fetched). Template sends are drawn from --templates FILE (as
`validate --templates` reads it), else from the sandbox's demo templates.
Issues are printed exactly as `validate` prints them; the written files are listed on stderr.
Exit status: 0 every picture written; 1 some file is not a valid message (its picture is still
written, with the error banner); 2 some file cannot be read or is not JSON, or a picture cannot
be written (also: -o with several files, or PySide6 missing). The highest status wins.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="draw message JSON files as the phone preview, to PNG (no window)",
        description="Render WhatsApp Cloud API message POST bodies to PNG pictures of the "
        "phone preview, headlessly.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--platform", choices=PLATFORMS, default="android")
    parser.add_argument("--theme", choices=THEMES, default="light")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE.png", help="the picture of a single FILE")
    where.add_argument("--out", metavar="DIR", help="folder for <stem>-<platform>-<theme>.png")
    parser.add_argument(
        "--scale",
        type=_scale,
        default=DEFAULT_SCALE,
        metavar="N",
        help=f"pixels per device px, 0.5 to 4 (default {DEFAULT_SCALE:g})",
    )
    parser.add_argument(
        "--templates",
        metavar="FILE",
        help="template definitions (`templates list --json`) to draw and check template sends "
        "(default: the sandbox's demo templates)",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help='message file, or "-" for stdin')
    parser.set_defaults(handler=run)


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.5 <= value <= 4:
        raise argparse.ArgumentTypeError("use a scale from 0.5 to 4")
    return value


def output_path(name: str, appearance_key: str, out: str | None, output: str | None) -> Path:
    """Where the picture of input ``name`` goes (``-o`` as given, else in ``--out`` or .)."""
    if output:
        return Path(output)
    stem = "stdin" if name == "-" else Path(name).stem
    return Path(out or ".") / f"{stem}-{appearance_key}.png"


def run(args: argparse.Namespace) -> int:
    if args.output and len(args.files) > 1:
        print("wa-composer render: -o names one picture: give one FILE, or --out DIR for "
              "several.", file=sys.stderr)  # fmt: skip
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: no display needed
    try:
        from ui.preview.appearance import parse_appearance
        from ui.preview.render import Renderer
    except ImportError as exc:
        print(f"wa-composer render: drawing the preview needs PySide6 ({exc}).", file=sys.stderr)
        return 2
    library = None
    if args.templates:
        try:
            library = read_templates(args.templates)
        except InputError as exc:
            shown = display_name(args.templates)
            print(f"wa-composer render: --templates {shown}: {exc.message} [{exc.rule}]",
                  file=sys.stderr)  # fmt: skip
            return 2
    appearance = parse_appearance(args.platform, args.theme)
    renderer = Renderer(templates=library)
    codes, results = [], []
    for name in args.files:
        code, result = _one(renderer, name, appearance, args, library)
        codes.append(code)
        results.append(result)
    text = format_plain(results)
    if text:
        sys.stdout.write(text)
        sys.stdout.flush()
    return max(codes)


def _one(
    renderer: Any,
    name: str,
    appearance: Appearance,
    args: argparse.Namespace,
    library: TemplateLibrary | None,
) -> tuple[int, FileResult]:
    """Validate and draw one file: (exit code, what validate would report about it)."""
    from composer.cli.validate import validate_bytes

    shown = display_name(name)
    try:
        data = read_input(name)
        doc = parse_json(data)
    except InputError as exc:
        from composer.validation.check import Issue, Severity

        return 2, FileResult(shown, [Issue(exc.rule, "$", Severity.ERROR, exc.message)], False)
    result = validate_bytes(shown, data, library)
    target = output_path(name, appearance.key, args.out, args.output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        written = renderer.write(doc, result.issues, appearance, args.scale, target)
    except OSError:
        written = False
    if not written:
        print(f"wa-composer render: cannot write {target}", file=sys.stderr)
        return 2, result
    print(f"wa-composer render: wrote {target}", file=sys.stderr)
    return (0 if result.valid else 1), result
