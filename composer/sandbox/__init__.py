"""The built-in Cloud API sandbox: the default backend when no account is configured.

``Sandbox`` is the simulator, ``SandboxTransport`` plugs it into httpx in-process, and
``serve()`` puts it on a loopback HTTP port (``wa-composer sandbox``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.demo_contacts import (
        CLOSED_CONTACT,
        CLOSING_CONTACT,
        DEMO_CONTACTS,
        NOT_ON_WHATSAPP_CONTACT,
        OPEN_CONTACT,
        SANDBOX_DISPLAY_PHONE_NUMBER,
        SANDBOX_PHONE_NUMBER_ID,
        SANDBOX_VERIFIED_NAME,
        SANDBOX_WABA_ID,
        DemoContact,
    )
    from composer.sandbox.rates import RateRules
    from composer.sandbox.server import SandboxServer, serve
    from composer.sandbox.simulator import Sandbox
    from composer.sandbox.statuses import StatusDelays, StatusListener, status_webhook
    from composer.sandbox.transport import SandboxTransport
    from composer.sandbox.wire import SandboxRequest, SandboxResponse

# Imported on first use (PEP 562): ``from composer.sandbox import OPEN_CONTACT`` on the window's
# start-up path must not pull in httpx (transport) or the HTTP server with it.
_HOMES = {
    "composer.demo_contacts": (
        "CLOSED_CONTACT", "CLOSING_CONTACT", "DEMO_CONTACTS", "NOT_ON_WHATSAPP_CONTACT",
        "OPEN_CONTACT", "SANDBOX_DISPLAY_PHONE_NUMBER", "SANDBOX_PHONE_NUMBER_ID",
        "SANDBOX_VERIFIED_NAME", "SANDBOX_WABA_ID", "DemoContact",
    ),
    "rates": ("RateRules",),
    "server": ("SandboxServer", "serve"),
    "simulator": ("Sandbox",),
    "statuses": ("StatusDelays", "StatusListener", "status_webhook"),
    "transport": ("SandboxTransport",),
    "wire": ("SandboxRequest", "SandboxResponse"),
}  # fmt: skip
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)


__all__ = [
    "CLOSED_CONTACT",
    "CLOSING_CONTACT",
    "DEMO_CONTACTS",
    "NOT_ON_WHATSAPP_CONTACT",
    "OPEN_CONTACT",
    "SANDBOX_DISPLAY_PHONE_NUMBER",
    "SANDBOX_PHONE_NUMBER_ID",
    "SANDBOX_VERIFIED_NAME",
    "SANDBOX_WABA_ID",
    "DemoContact",
    "RateRules",
    "Sandbox",
    "SandboxRequest",
    "SandboxResponse",
    "SandboxServer",
    "SandboxTransport",
    "StatusDelays",
    "StatusListener",
    "serve",
    "status_webhook",
]
