"""Draw a message POST body as the phone preview, with no window: ``render`` and golden images.

One ``PhoneView`` (never shown) does the drawing, so a picture is exactly what the window's
preview shows. Everything that changes from run to run is fixed: the time (12:34), no image
links fetched (placeholders), the default business and customer, the chat scrolled to its end,
templates drawn from the sandbox's demo library unless another is given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.preview.appearance import Appearance, PreviewSettings
from ui.preview.export import write_png

if TYPE_CHECKING:
    from composer.templates import TemplateLibrary
    from composer.validation.check import Issue
    from ui.preview.phone_view import PhoneView

FIXED_TIME = "12:34"


def demo_library() -> TemplateLibrary:
    """The sandbox's demo templates (fixed: no fetch time, nothing read from the disk cache)."""
    from composer.sandbox.demo_templates import demo_template_records
    from composer.templates import TemplateLibrary

    return TemplateLibrary.from_graph(demo_template_records(), None)


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen when QT_QPA_PLATFORM says so)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv[:1])


class Renderer:
    """Draws documents one after another with one hidden view (its text cache is reused)."""

    def __init__(
        self, settings: PreviewSettings | None = None, templates: TemplateLibrary | None = None
    ) -> None:
        """``templates``: the definitions template messages are drawn from (default: the
        sandbox's demo library, as the window has it with the sandbox profile)."""
        self._app = ensure_app()
        from ui.preview.phone_view import PhoneView

        self.view: PhoneView = PhoneView()
        self.view.set_link_fetching(False)
        self.view.set_fixed_time(FIXED_TIME)
        self.view.set_template_lookup((templates or demo_library()).get)
        if settings is not None:
            self.view.set_preview_settings(settings)

    def image(
        self, doc: object, issues: Sequence[Issue], appearance: Appearance, scale: float
    ) -> QImage:
        """The phone showing ``doc`` (a message that cannot be read: an empty chat with the
        error banner counting ``issues``' errors)."""
        from composer.codec.errors import PayloadError
        from composer.payload.reader import from_payload

        try:
            msg = from_payload(doc)
        except PayloadError:
            msg = None
        self.view.set_message(None, [])  # a fresh chat: no state from the previous document
        self.view.set_appearance(appearance.platform, appearance.dark, appearance.era)
        self.view.set_message(msg, issues)
        return self.view.render_image(scale)

    def write(
        self,
        doc: object,
        issues: Sequence[Issue],
        appearance: Appearance,
        scale: float,
        path: str | Path,
    ) -> bool:
        return write_png(self.image(doc, issues, appearance, scale), path)

    def close(self) -> None:
        self.view.close_media()
