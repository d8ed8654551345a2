"""Call-permission request (``interactive.type: call_permission_request``), part of Calling."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind


class CallPermissionRequest(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.CALL_PERMISSION

    action_name: str = "call_permission_request"
