"""The appearance choice: its data and file, the bar and the side-by-side pane, the settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from composer.payload import from_payload
from tests.examples import examples
from ui.preview import PhoneView
from ui.preview.appearance import (
    Appearance,
    PreviewChoice,
    PreviewSettings,
    companions,
    load_choice,
    parse_appearance,
    save_choice,
    settings_path,
)
from ui.preview.layout import ShapeItem
from ui.preview.preview_pane import PreviewPane

EXAMPLES: dict[str, Any] = examples()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def view(qtbot: QtBot) -> PhoneView:
    v = PhoneView()
    v.set_link_fetching(False)
    qtbot.addWidget(v)
    v.resize(420, 900)
    return v


def test_side_by_side_lists_every_platform_or_both_themes() -> None:
    chosen = Appearance("ios", "dark")
    assert companions(chosen, "off") == (chosen,)
    assert companions(chosen, "platforms") == (
        Appearance("android", "dark"), chosen, Appearance("web", "dark"),
    )  # fmt: skip
    assert companions(chosen, "themes") == (Appearance("ios", "light"), chosen)
    teal = Appearance("android", "light", "2021")
    assert [a.era for a in companions(teal, "platforms")] == ["2021", "", ""]  # Android's only


def test_words_are_checked() -> None:
    assert parse_appearance("web", "dark") == Appearance("web", "dark")
    assert parse_appearance("android", "light", "2021").era == "2021"
    for bad, words in (("symbian", ("symbian", "light")), ("sepia", ("ios", "sepia"))):
        with pytest.raises(ValueError, match=bad):
            parse_appearance(*words)
    with pytest.raises(ValueError, match="era '2021' for ios"):
        parse_appearance("ios", "light", "2021")


def test_the_choice_is_kept_in_a_file_and_a_damaged_file_reads_as_the_defaults(home: Path) -> None:
    assert load_choice() == PreviewChoice()  # nothing saved yet
    choice = PreviewChoice(
        Appearance("web", "dark"), "platforms",
        PreviewSettings("Acme", "/pics/acme.png", True, "Bea"),
    )  # fmt: skip
    save_choice(choice)
    assert settings_path().parent == home / "config"
    assert load_choice() == choice
    settings_path().write_text('{"appearance": {"platform": "nokia"}}', encoding="utf-8")
    assert load_choice() == PreviewChoice()
    settings_path().write_text("not json", encoding="utf-8")
    assert load_choice() == PreviewChoice()
    data = {"appearance": {"platform": "ios", "theme": "dark", "era": ""}, "side_by_side": "x"}
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    assert load_choice() == PreviewChoice(Appearance("ios", "dark"))  # unknown mode: off


def test_settings_draw_the_name_badge_and_picture(view: PhoneView, tmp_path: Path) -> None:
    picture = tmp_path / "logo.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#E63946"))
    assert image.save(str(picture))
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    assert view.preview_screen().shapes("verified") == []
    assert view.set_preview_settings(PreviewSettings("Acme Store", str(picture), True, ""))
    screen = view.preview_screen()
    assert screen.texts("chat_title") == ["Acme Store"]
    (badge,) = screen.shapes("verified")
    (title,) = screen.text_items("chat_title")
    assert title.rect.x < badge.rect.x < title.rect.x + title.rect.w + 24
    avatars = [i for i in screen.chrome if isinstance(i, ShapeItem) and i.kind == "image"]
    assert [a.name for a in avatars] == [f"avatar:{picture}"]
    top_left = view.render_image(1).pixelColor(
        round(avatars[0].rect.x + avatars[0].rect.w / 2), round(avatars[0].rect.y + 10)
    )
    assert top_left.name() == "#e63946"  # the picture is drawn, cut to the avatar's circle


def test_an_unreadable_picture_keeps_the_plain_avatar(view: PhoneView, tmp_path: Path) -> None:
    assert not view.set_preview_settings(PreviewSettings(avatar=str(tmp_path / "missing.png")))
    assert view.state().avatar == ""
    assert view.preview_screen().texts("chat_title") == ["WA Composer Sandbox"]  # the default


def test_the_customers_name_is_in_the_tap_webhook(view: PhoneView) -> None:
    view.set_preview_settings(PreviewSettings(customer_name="Bea Marques"))
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    tapped = view.tap(("button", 0))
    assert tapped.webhook is not None
    contact = tapped.webhook["entry"][0]["changes"][0]["value"]["contacts"][0]
    assert contact["profile"]["name"] == "Bea Marques"


@pytest.fixture
def pane(qtbot: QtBot) -> PreviewPane:
    """A pane around a fresh phone (the pane owns it: only the pane is closed at the end)."""
    view = PhoneView()
    view.set_link_fetching(False)
    made = PreviewPane(view)
    qtbot.addWidget(made)
    return made


def test_side_by_side_mirrors_the_message_on_every_platform(pane: PreviewPane) -> None:
    view = pane.view
    pane.resize(1200, 900)
    seen: list[PreviewChoice] = []
    pane.choice_changed.connect(seen.append)
    pane.apply(PreviewChoice(Appearance("ios", "dark"), "platforms"))
    assert [v.theme().key for v in pane.views()] == ["android-dark", "ios-dark", "web-dark"]
    assert pane.views()[1] is view and len(pane.companions) == 2
    view.set_message(from_payload(EXAMPLES["list_single_section"]), [])
    for phone in pane.views():
        assert phone.preview_screen().texts("button") == ["Shipping options"]
    strip = pane.picture(1)
    assert strip.width() == sum(v.render_image(1).width() for v in pane.views()) + 2 * 16
    pane.bar.side_combo.setCurrentIndex(pane.bar.side_combo.findData("off"))
    assert pane.views() == [view] and pane.companions == []
    assert [c.side_by_side for c in seen] == ["platforms", "off"]


def test_the_bar_changes_the_phone(pane: PreviewPane) -> None:
    view = pane.view
    pane.bar.platform_combo.setCurrentIndex(pane.bar.platform_combo.findData("web"))
    assert view.theme().key == "web-light"
    pane.bar.theme_combo.setCurrentIndex(pane.bar.theme_combo.findData("dark"))
    assert view.theme().key == "web-dark" and view.preview_screen().theme.dark
    assert pane.choice().appearance == Appearance("web", "dark")


def test_the_settings_dialog_reads_back_what_it_was_given(qtbot: QtBot) -> None:
    from ui.preview.settings_dialog import PreviewSettingsDialog

    given = PreviewSettings("Acme", "/pics/a.png", True, "Bea")
    dialog = PreviewSettingsDialog(given, "2021")
    qtbot.addWidget(dialog)
    assert dialog.settings() == given and dialog.era() == "2021"
    dialog.business.setText("  Acme Outdoor ")
    dialog.clear.click()
    dialog.verified.setChecked(False)
    dialog.eras["android"].setCurrentIndex(dialog.eras["android"].findData(""))
    assert dialog.settings() == PreviewSettings("Acme Outdoor", "", False, "Bea")
    assert dialog.era() == ""
