"""Location request (``interactive.type: location_request_message``): asks the user to share."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind


class LocationRequest(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.LOCATION_REQUEST

    action_name: str = "send_location"
