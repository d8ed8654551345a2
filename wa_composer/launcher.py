"""``wa-composer``: a command runs in the Qt-free core; no command opens the window.

``render`` (message files to PNG) is registered here, not in the core: it draws with Qt; so are
``--install-desktop-entry`` / ``--uninstall-desktop-entry`` (``wa_composer.desktop_entry``).

Why here: the core (``composer``) must not depend upward on the Qt face, and the commands must
work where PySide6 is not installed. This module sits above both and is the only one that
chooses between them.

With no argument (or only ``--exit-after-first-paint``) the window opens at once: building every
command's parser (their modules, argparse) would cost the window's start-up about 40 ms.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

FIRST_PAINT_FLAG = "--exit-after-first-paint"


def open_window(args: argparse.Namespace) -> int:
    """Open the desktop window, or say plainly that PySide6 is missing (exit 2).

    The cyclic garbage collector is off while the window starts (``ui.app.finish_then_collect``
    turns it back on once the window has settled): what start-up makes all lives on, and
    collecting it in passes cost about 50 ms of the editor's start. Before PySide6 is imported,
    its Python enums are routed to the standard library's fast path (``ui.enum_fast_path``) and
    its per-import source scan is spared the modules whose answer is known
    (``ui.feature_scan``).
    """
    gc.disable()
    try:
        from ui.enum_fast_path import install
        from ui.feature_scan import skip_known_modules

        install()
        skip_known_modules()
        try:
            from ui.app import run
        except ImportError as exc:  # PySide6 missing: say so instead of a traceback
            print(f"wa-composer: the desktop window needs PySide6 ({exc}).", file=sys.stderr)
            return 2
        return run(exit_after_first_paint=bool(args.exit_after_first_paint))
    finally:
        gc.enable()


def no_command(args: argparse.Namespace) -> int:
    """No sub-command: a desktop-entry flag is acted on, else the window opens."""
    from wa_composer import desktop_entry

    done = desktop_entry.run(args)
    return open_window(args) if done is None else done


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given in ([], [FIRST_PAINT_FLAG]):  # the window, without parsing (see the docstring)
        return open_window(argparse.Namespace(exit_after_first_paint=bool(given)))
    from composer.cli import main as cli_main
    from wa_composer import desktop_entry, render

    return cli_main(
        given,
        open_window=no_command,
        extra_commands=(render.register,),
        extra_options=(desktop_entry.add_options,),
    )
