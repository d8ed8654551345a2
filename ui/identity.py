"""The application's identity, one fact each: what QApplication, About, the desktop entry and
the bundles call it (Qt-free, so the launcher's desktop entry reads it without PySide6)."""

from __future__ import annotations

from typing import Final

APP_NAME: Final = "WA Composer"  # QApplication's name, so also the X11 WM_CLASS class
DESKTOP_ID: Final = "wa-composer"  # wa-composer.desktop, the Wayland app id, the icon's name
ICON_SVG: Final = "app.svg"  # in resources/icons
ICON_PNG: Final = "wa-composer-256.png"  # the same icon drawn at 256 px (bundles, hicolor/256x256)
