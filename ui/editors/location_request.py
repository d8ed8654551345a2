"""Location request: only a body; WhatsApp adds the "Send location" button itself."""

from __future__ import annotations

from composer.messages import LocationRequest, MessageKind
from ui.editors.fixed_action import FixedActionEditor


class LocationRequestEditor(FixedActionEditor):
    kind = MessageKind.LOCATION_REQUEST
    model = LocationRequest
    note_text = 'WhatsApp shows a fixed "Send location" button under the body.'
    default_action = "send_location"
