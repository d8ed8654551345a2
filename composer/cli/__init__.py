"""The ``wa-composer`` command line.

Each sub-command lives in its own module of this package and exposes
``register(subparsers) -> None``, which adds its parser and sets ``handler`` (a function taking the
parsed namespace and returning the exit code). Modules import their heavy dependencies inside the
handler so that ``wa-composer`` with no arguments (the window) starts fast.

With no sub-command the launcher (``wa_composer.launcher``, outside the core) opens the desktop
window: the core never imports or names the Qt face, and the commands work where PySide6 is not
installed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any, cast

from composer import __version__

# One entry per sub-command module in composer/cli/.
SUBCOMMANDS: tuple[str, ...] = (
    "webhook",
    "window",
    "sandbox",
    "validate",
    "profile",
    "token",
    "send",
    "templates",
    "rehearse",
)

Handler = Callable[[argparse.Namespace], int]


Register = Callable[[Any], None]
"""Adds one sub-command to the ``subparsers`` it is given (a module's ``register``)."""


def build_parser(extra: Sequence[Register] = ()) -> argparse.ArgumentParser:
    """The parser of every core command, plus ``extra`` ones (the launcher adds ``render``)."""
    parser = argparse.ArgumentParser(
        prog="wa-composer",
        description="Compose, preview, validate and send WhatsApp interactive messages. "
        "With no command, the desktop window opens.",
    )
    parser.add_argument("--version", action="version", version=f"wa-composer {__version__}")
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="open the window and quit right after its first paint (for benchmarks)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"composer.cli.{name}")
        module.register(subparsers)
    for register in extra:
        register(subparsers)
    return parser


def main(
    argv: Sequence[str] | None = None,
    open_window: Callable[[argparse.Namespace], int] | None = None,
    extra_commands: Sequence[Register] = (),
) -> int:
    """Run one sub-command; with none, ``open_window`` (the launcher passes the Qt face's).

    ``extra_commands`` register commands that live outside the core (they need Qt)."""
    parser = build_parser(extra_commands)
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    handler = cast(Handler | None, getattr(args, "handler", None))
    if args.command is None or handler is None:
        if open_window is None:
            print(
                "wa-composer: no command given. The window opens with 'wa-composer' or "
                "'python -m wa_composer'; 'python -m composer' runs only the commands.",
                file=sys.stderr,
            )
            return 2
        return open_window(args)
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("wa-composer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
