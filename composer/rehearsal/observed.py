"""The sandbox a rehearsal serves: the ordinary ``Sandbox``, plus a report of every request the
bot makes to ``POST /{version}/{phone-number-id}/messages`` with the answer it got.

Subclassing keeps one implementation of the Cloud API's answers (validation, the 24-hour window,
read marks): the rehearsal only watches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from composer.sandbox.simulator import Sandbox
from composer.sandbox.wire import SandboxRequest, SandboxResponse

__all__ = ["ObservedSandbox", "SendObserver"]

SendObserver = Callable[[SandboxRequest, SandboxResponse], None]


class ObservedSandbox(Sandbox):
    def __init__(self, observer: SendObserver, **options: Any) -> None:
        super().__init__(**options)
        self._observer = observer

    def handle(self, request: SandboxRequest) -> SandboxResponse:
        answer = super().handle(request)
        if request.method.upper() == "POST" and self._is_messages(request.path):
            self._observer(request, answer)
        return answer

    def _is_messages(self, path: str) -> bool:
        parts = [p for p in path.split("/") if p]
        if parts and parts[0].startswith("v") and parts[0][1:].replace(".", "").isdigit():
            parts = parts[1:]
        return parts == [self.phone_number_id, "messages"]
