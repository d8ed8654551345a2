"""CTA URL message (``interactive.type: cta_url``): one button that opens a web page."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind


class CtaUrl(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.CTA_URL

    display_text: str = ""
    url: str = ""
    action_name: str = "cta_url"
