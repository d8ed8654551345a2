"""The preview's controls in the window: appearance and settings change the phone and are
remembered by the next window; side by side widens the preview; Save PNG / Save JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from tests.ui.conftest import open_window
from ui.preview.appearance import Appearance, PreviewSettings, settings_path
from ui.services import Services
from ui.window.main_window import MainWindow

SECRET = "EAAG-test-token-that-must-never-be-written"


def _pick(combo: Any, key: str) -> None:
    combo.setCurrentIndex(combo.findData(key))


def test_the_bar_changes_the_phone_and_the_next_window_remembers(
    window: MainWindow, qtbot: QtBot, services: Services
) -> None:
    bar = window.preview_tools.pane.bar
    assert window.preview.theme().key == "android-light"  # the first run's default
    _pick(bar.platform_combo, "ios")
    _pick(bar.theme_combo, "dark")
    assert window.preview.preview_screen().theme.key == "ios-dark"
    window.preview_tools.apply_settings(PreviewSettings("Acme Store", "", True, "Bea"), "")
    assert window.preview.preview_screen().texts("chat_title") == ["Acme Store"]
    assert window.preview.preview_screen().shapes("verified")
    assert settings_path().is_file()
    window.close()
    again = open_window(qtbot, services)
    tools = again.preview_tools
    assert tools.pane.choice().appearance == Appearance("ios", "dark")
    assert tools.pane.bar.platform_combo.currentData() == "ios"
    assert tools.pane.bar.theme_combo.currentData() == "dark"
    assert again.preview.preview_screen().theme.key == "ios-dark"
    assert again.preview.preview_screen().texts("chat_title") == ["Acme Store"]
    assert tools.pane.choice().settings.customer_name == "Bea"
    again.close()


def test_the_era_is_remembered_and_given_to_the_phone(
    window: MainWindow, qtbot: QtBot, services: Services
) -> None:
    window.preview_tools.apply_settings(PreviewSettings(), "2021")
    assert window.preview_tools.pane.choice().appearance == Appearance("android", "light", "2021")
    window.close()
    again = open_window(qtbot, services)
    assert again.preview_tools.pane.choice().appearance.era == "2021"
    again.close()


def test_side_by_side_gives_the_preview_most_of_the_room(window: MainWindow) -> None:
    window.resize(1920, 1080)
    tools = window.preview_tools
    narrow = window.splitter.sizes()[1]
    _pick(tools.pane.bar.side_combo, "platforms")
    assert [v.theme().key for v in tools.pane.views()] == [
        "android-light", "ios-light", "web-light",
    ]  # fmt: skip
    assert window.splitter.sizes()[1] > 1.5 * narrow
    _pick(tools.pane.bar.side_combo, "off")
    assert window.splitter.sizes()[1] < 1.2 * narrow
    assert tools.pane.views() == [window.preview]


def test_the_view_menu_actions_pick_the_appearance(window: MainWindow) -> None:
    actions = {a.text(): a for a in window.preview_tools.view_actions()}
    assert {"Android", "iOS", "Web", "Light", "Dark", "All platforms"} <= set(actions)
    assert actions["Android"].isChecked() and actions["Light"].isChecked()
    actions["Web"].trigger()
    actions["Dark"].trigger()
    assert window.preview.theme().key == "web-dark"
    assert actions["Web"].isChecked() and not actions["Android"].isChecked()
    assert [a.text() for a in window.preview_tools.file_actions()] == [
        "Save preview as PNG…", "Export JSON…",
    ]  # fmt: skip
    assert window.actions_by_name["save_preview_png"] is window.preview_tools.save_png_action
    assert window.actions_by_name["export_json"] is window.preview_tools.save_json_action


def test_save_png_and_save_json_write_files_without_the_token(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, examples: dict[str, Any]
) -> None:
    monkeypatch.setenv("WA_COMPOSER_TOKEN", SECRET)
    assert window.load_payload(dict(examples["reply_buttons_text_header"])) is None
    png = window.save_preview_png(str(tmp_path / "phone.png"))
    assert png is not None
    image = QImage(png)
    screen = window.preview.preview_screen()
    assert (image.width(), image.height()) == (round(screen.width), round(screen.height))
    saved = window.save_json(str(tmp_path / "message.json"))
    assert saved is not None
    text = Path(saved).read_text(encoding="utf-8")
    assert json.loads(text) == to_payload(window.session.current())  # type: ignore[arg-type]
    for path in (png, saved):
        data = Path(path).read_bytes()
        assert SECRET.encode() not in data and b"Bearer" not in data
    _pick(window.preview_tools.pane.bar.side_combo, "themes")
    wide = QImage(window.save_preview_png(str(tmp_path / "both.png")))
    assert wide.width() == 2 * image.width() + 16  # light and dark, side by side


def test_the_buttons_are_wired_to_the_actions(window: MainWindow, qtbot: QtBot) -> None:
    fired: list[str] = []
    window.preview_tools.save_png_action.triggered.disconnect()
    window.preview_tools.save_json_action.triggered.disconnect()
    window.preview_tools.save_png_action.triggered.connect(lambda: fired.append("png"))
    window.preview_tools.save_json_action.triggered.connect(lambda: fired.append("json"))
    window.preview.save_png_button.click()
    window.json_view.save_json.click()
    assert fired == ["png", "json"]


def test_a_write_that_fails_says_so(
    window: MainWindow, tmp_path: Path, examples: dict[str, Any]
) -> None:
    assert window.load_payload(dict(examples["reply_buttons_text_header"])) is None
    assert window.save_json(str(tmp_path / "no-such-dir" / "x.json")) is None
    result = window.send_bar.result()
    assert result is not None and result[0] == "error" and "could not be written" in result[1]
    assert window.save_preview_png(str(tmp_path / "no-such-dir" / "x.png")) is None
    result = window.send_bar.result()
    assert result is not None and result[0] == "error" and "x.png" in result[1]
