"""The platform conventions: QApplication carries the app's name, version, icon and desktop file
name (what docks, task bars and the desktop entry match on), and About shows them."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from composer import __version__
from ui.window.help_dialogs import about_box
from ui.window.main_window import MainWindow


def test_the_application_carries_name_version_icon_and_desktop_file(window: MainWindow) -> None:
    assert QApplication.applicationName() == "WA Composer"  # = the entry's StartupWMClass
    assert QApplication.applicationVersion() == __version__
    assert QApplication.desktopFileName() == "wa-composer"  # wa-composer.desktop
    icon = QApplication.windowIcon()
    assert not icon.isNull() and not icon.pixmap(64, 64).isNull()


def test_about_shows_the_icon_name_and_version(window: MainWindow) -> None:
    box = about_box(window)
    assert box.windowTitle() == "About WA Composer"
    assert box.text().splitlines()[2] == f"WA Composer {__version__}"
    pixmap = box.iconPixmap()
    assert not pixmap.isNull() and pixmap.width() == 64
    # the icon is the application's: same pixels as the window icon drawn at that size
    expected = QApplication.windowIcon().pixmap(64, 64).toImage()
    assert pixmap.toImage() == expected


def test_help_about_opens_that_box(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[str] = []

    def close_it() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(200, close_it)
    window.actions_by_name["about"].trigger()
    assert len(seen) == 1 and f"WA Composer {__version__}" in seen[0]
