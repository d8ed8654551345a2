"""An httpx transport that answers from an in-process sandbox: no socket, same bytes.

This is how the app talks to the sandbox by default (``GraphClient(..., transport=...)``); it is
a product feature, not a test double. The host part of the URL is ignored.
"""

from __future__ import annotations

import httpx

from composer.sandbox.simulator import Sandbox
from composer.sandbox.wire import SandboxRequest


class SandboxTransport(httpx.BaseTransport):
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.sandbox.handle(
            SandboxRequest(
                method=request.method,
                path=request.url.path,
                headers={k.lower(): v for k, v in request.headers.items()},
                body=request.read(),
                query=dict(request.url.params),
            )
        )
        return httpx.Response(
            answer.status,
            headers={"content-type": "application/json; charset=UTF-8", **answer.headers},
            content=answer.content(),
            request=request,
        )
