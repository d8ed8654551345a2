"""The phone-style WhatsApp preview: layout as data (layout.py), a painter, the PhoneView widget."""

from ui.preview.phone_view import PhoneView

__all__ = ["PhoneView"]
