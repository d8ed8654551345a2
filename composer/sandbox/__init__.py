"""The built-in Cloud API sandbox: the default backend when no account is configured.

``Sandbox`` is the simulator, ``SandboxTransport`` plugs it into httpx in-process, and
``serve()`` puts it on a loopback HTTP port (``wa-composer sandbox``).
"""

from __future__ import annotations

from composer.sandbox.contacts import (
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
from composer.sandbox.simulator import Sandbox, utc_now
from composer.sandbox.statuses import StatusDelays, StatusListener, status_webhook
from composer.sandbox.transport import SandboxTransport
from composer.sandbox.wire import SandboxRequest, SandboxResponse

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
    "utc_now",
]
