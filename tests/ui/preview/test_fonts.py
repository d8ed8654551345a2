"""The preview's fonts: the shipped stand-ins load on a platform's first layout, each platform's
text is drawn in its own face or its stand-in (never DejaVu Sans), and a preview that still
falls back says so in a note under the phone. Also: the chrome eras as data."""

from __future__ import annotations

import pytest
from msgspec.structs import replace
from PySide6.QtGui import QFontDatabase, QFontInfo
from pytestqt.qtbot import QtBot

from composer.payload import from_payload
from tests.examples import examples
from ui.preview import PhoneView
from ui.preview.fonts import fallback_note, used_family
from ui.preview.layout import ChatState
from ui.preview.layouter import Layouter
from ui.preview.platform_themes import PLATFORM_FACE, STAND_IN
from ui.preview.text_engine import Fonts
from ui.preview.themes import ERAS, PLATFORMS, THEMES, theme_for

SHIPPED = {"android": "Roboto", "ios": "Inter", "web": "Liberation Sans"}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_laid_out_platform_draws_in_its_face_or_the_shipped_stand_in(
    qtbot: QtBot, platform: str
) -> None:
    theme = theme_for(platform, False)
    msg = from_payload(examples()["reply_buttons_text_header"])
    Layouter().layout(msg, theme, ChatState())
    assert STAND_IN[theme.platform] == SHIPPED[platform]
    assert SHIPPED[platform] in QFontDatabase.families()  # loaded from resources/fonts/
    for role in ("body", "bold", "button", "time"):
        family = QFontInfo(Fonts().get(theme, role)).family()
        assert family in (PLATFORM_FACE[theme.platform], SHIPPED[platform]), (role, family)
    assert used_family(theme) != "DejaVu Sans"
    assert fallback_note(theme) == ""


def test_the_stand_ins_have_the_weights_the_preview_uses(qtbot: QtBot) -> None:
    for platform in PLATFORMS:
        Layouter().layout(None, theme_for(platform, False), ChatState())
    assert {"Regular", "Medium", "Bold"} <= set(QFontDatabase.styles("Roboto"))
    assert {"Regular", "Medium", "Semi Bold", "Bold"} <= set(QFontDatabase.styles("Inter"))
    assert {"Regular", "Bold"} <= set(QFontDatabase.styles("Liberation Sans"))


def test_a_preview_that_falls_back_says_so_under_the_phone(qtbot: QtBot) -> None:
    view = PhoneView()
    qtbot.addWidget(view)
    view.set_message(from_payload(examples()["text_with_formatting"]))
    assert not view.note.isVisibleTo(view) and view.note.text() == ""
    missing = replace(theme_for("ios", False), font_families=("No Such Face", "DejaVu Sans"))
    note = fallback_note(missing)
    assert "SF Pro Text or its stand-in Inter is not available" in note
    assert "DejaVu Sans" in note
    view.set_theme(missing)  # an appearance whose fonts are all missing
    assert view.note.isVisibleTo(view) and view.note.text() == note
    view.set_appearance("ios", False)
    assert not view.note.isVisibleTo(view)


def test_every_platform_has_both_chrome_eras_todays_by_default() -> None:
    assert ERAS[0] == "current"
    assert len(THEMES) == len(PLATFORMS) * 2 * len(ERAS)
    today, teal = theme_for("android", False), theme_for("android", False, "2021")
    assert today.era == "current" and teal.era == "2021"
    assert teal.header_bar == "#008069" and teal.header_icon == "#FFFFFF"
    assert today.header_bar == "#FFFFFF" and today.header_text == "#111B21"
    assert today.bubble_out == teal.bubble_out  # an era changes the chrome only
    assert theme_for("android", True, "2021").header_bar == "#1F2C34"
    with pytest.raises(ValueError, match="chrome era"):
        theme_for("android", False, "1999")


def test_the_header_is_drawn_in_the_eras_colours(qtbot: QtBot) -> None:
    layouter = Layouter()
    for era, bar in (("current", "#FFFFFF"), ("2021", "#008069")):
        screen = layouter.layout(None, theme_for("android", False, era), ChatState())
        (header,) = [s for s in screen.chrome if getattr(s, "name", "") == "header"]
        assert header.color == bar
        icons = [s for s in screen.chrome if getattr(s, "name", "") in ("back", "phone", "video")]
        assert {i.color for i in icons} == {theme_for("android", False, era).header_icon}


def test_set_appearance_takes_the_era(qtbot: QtBot) -> None:
    view = PhoneView()
    qtbot.addWidget(view)
    view.set_appearance("android", False, "2021")
    assert view.preview_screen().theme == theme_for("android", False, "2021")
    view.set_appearance("android", False)
    assert view.preview_screen().theme.era == "current"
