"""PhoneView widget: API of CONTRACTS.md, appearances, export, webhook panel."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from composer.payload import from_payload
from composer.validation import check
from ui.preview import PhoneView
from ui.preview.themes import PLATFORMS, theme_for

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).parents[2] / "data" / "examples.json").read_text(encoding="utf-8")
)


@pytest.fixture
def view(qtbot: QtBot) -> PhoneView:
    v = PhoneView()
    qtbot.addWidget(v)
    v.resize(400, 1000)
    return v


def test_set_message_lays_out_header_body_footer(view: PhoneView) -> None:
    msg = from_payload(EXAMPLES["reply_buttons_text_header"])
    view.set_message(msg, check(msg))
    screen = view.preview_screen()
    assert screen.texts("header") == ["Appointment reminder"]
    assert screen.texts("body") == [
        "Hi Ana! Your appointment is tomorrow at 9:00. Do you want to keep it?"
    ]
    assert screen.texts("footer") == ["Reply using the buttons below"]
    assert screen.texts("button") == ["Keep it", "Reschedule", "Cancel"]


def test_none_shows_an_empty_chat(view: PhoneView) -> None:
    view.set_message(None, [])
    assert view.preview_screen().texts("empty_chip") == ["No message to preview yet"]
    assert view.preview_screen().texts("body") == []


def test_errors_are_announced_in_the_chat(view: PhoneView) -> None:
    bad = next(e for e in EXAMPLES["invalid"] if e["rule"] == "button.count")
    msg = from_payload(bad["payload"])
    issues = check(msg)
    view.set_message(msg, issues)
    (chip,) = view.preview_screen().texts("error_chip")
    errors = sum(1 for i in issues if i.severity == "error")
    assert chip.startswith(f"⚠ {errors} problem")


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("dark", [False, True])
def test_appearance_switches_theme(view: PhoneView, platform: str, dark: bool) -> None:
    view.set_message(from_payload(EXAMPLES["list_single_section"]), [])
    view.set_appearance(platform, dark)
    screen = view.preview_screen()
    assert screen.theme == theme_for(platform, dark)
    (bubble,) = view.preview_screen().shapes("bubble_in")
    assert bubble.color == screen.theme.bubble_in


def test_unknown_platform_is_a_clear_error(view: PhoneView) -> None:
    with pytest.raises(ValueError, match="unknown platform 'symbian'"):
        view.set_appearance("symbian", False)


def test_business_name_in_the_header(view: PhoneView) -> None:
    view.set_business_name("Acme Store")
    assert view.preview_screen().texts("chat_title") == ["Acme Store"]


def test_save_png_at_2x(view: PhoneView, tmp_path: Path) -> None:
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    out = tmp_path / "preview.png"
    assert view.save_png(out, scale=2)
    image = QImage(str(out))
    screen = view.preview_screen()
    assert (image.width(), image.height()) == (round(screen.width * 2), round(screen.height * 2))
    # the bubble is painted: the pixel in the middle of the incoming bubble has its colour
    (bubble,) = screen.shapes("bubble_in")
    cx = bubble.rect.x + 20
    cy = screen.chat_rect.y + bubble.rect.y + bubble.rect.h - 4
    assert image.pixelColor(round(cx * 2), round(cy * 2)).name().upper() == screen.theme.bubble_in
