"""``wa-composer --install-desktop-entry``: the app in a Linux desktop's menus and docks.

Writes ``$XDG_DATA_HOME/applications/wa-composer.desktop`` (default ``~/.local/share``) and the
icon into ``$XDG_DATA_HOME/icons/hicolor/`` (the SVG as ``scalable``, a 256 px PNG beside it),
as the freedesktop.org Desktop Entry and Icon Theme specifications place a user's own
applications; ``--uninstall-desktop-entry`` removes exactly those files. ``Exec`` names the
program that ran the command (the bundle's binary, the pipx or venv script), so the menu opens
the same install. ``StartupWMClass`` is QApplication's name, which Qt uses as the X11 window
class; on Wayland ``setDesktopFileName`` ties the window to the entry.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from importlib import resources
from pathlib import Path

from ui.identity import APP_NAME, DESKTOP_ID, ICON_PNG, ICON_SVG

# Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when it is an absolute path, else ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def targets(home: Path | None = None) -> dict[str, Path]:
    """Where each installed file goes: the entry, the scalable icon, the 256 px icon."""
    base = home or data_home()
    hicolor = base / "icons" / "hicolor"
    return {
        "entry": base / "applications" / f"{DESKTOP_ID}.desktop",
        ICON_SVG: hicolor / "scalable" / "apps" / f"{DESKTOP_ID}.svg",
        ICON_PNG: hicolor / "256x256" / "apps" / f"{DESKTOP_ID}.png",
    }


def program() -> list[str]:
    """The command that runs this install: the bundle's binary, the ``wa-composer`` script that
    was run, else this Python with ``-m wa_composer``."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == DESKTOP_ID and script.is_file():
        return [str(script.absolute())]
    found = shutil.which(DESKTOP_ID)
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "wa_composer"]


def exec_value(argv: list[str]) -> str:
    """``argv`` as an Exec value: reserved characters quoted, then string-escaped."""
    quoted = []
    for arg in argv:
        if any(ch in _RESERVED for ch in arg):
            inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
            arg = f'"{inner}"'
        quoted.append(arg)
    # "%" is a field code unless doubled; a desktop-entry string escapes its backslashes
    return " ".join(quoted).replace("%", "%%").replace("\\", "\\\\")


def entry_text(argv: list[str]) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            f"Name={APP_NAME}",
            "GenericName=WhatsApp message composer",
            "Comment=Compose, preview, validate and send WhatsApp Business Cloud API messages",
            f"Exec={exec_value(argv)}",
            f"Icon={DESKTOP_ID}",
            "Terminal=false",
            "Categories=Network;Chat;",
            "Keywords=WhatsApp;message;Cloud API;template;",
            f"StartupWMClass={APP_NAME}",
            "StartupNotify=true",
            "",
        ]
    )


def install(home: Path | None = None, argv: list[str] | None = None) -> list[Path]:
    """Write the entry and the icons (replacing earlier ones); the paths written."""
    where = targets(home)
    icons = resources.files("resources") / "icons"
    for name, path in where.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if name == "entry":
            path.write_text(entry_text(argv or program()), encoding="utf-8")
        else:
            path.write_bytes((icons / name).read_bytes())
    return list(where.values())


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` writes; the paths that were there."""
    removed = []
    for path in targets(home).values():
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def add_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add WA Composer to the Linux desktop's applications "
        "($XDG_DATA_HOME/applications and icons/hicolor) and exit",
    )
    group.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry wrote and exit",
    )


def run(args: argparse.Namespace) -> int | None:
    """Act on the flags; ``None`` when neither was given (the window opens)."""
    if not (args.install_desktop_entry or args.uninstall_desktop_entry):
        return None
    if sys.platform in ("win32", "darwin"):
        print("wa-composer: desktop entries are for Linux desktops; on Windows and macOS use the "
              "bundle (see the README's Install section).", file=sys.stderr)  # fmt: skip
        return 2
    if args.install_desktop_entry:
        for path in install():
            print(f"wrote {path}")
        return 0
    removed = uninstall()
    for path in removed:
        print(f"removed {path}")
    if not removed:
        print(f"no desktop entry to remove in {data_home()}")
    return 0
