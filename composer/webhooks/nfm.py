"""The texts inside an ``nfm_reply`` (a submitted address form, a completed Flow): the address
line the customer's bubble shows, and what a flow's ``response_json`` must be.

Kept apart from ``composer.webhooks.replies`` (the envelopes) so the preview's forms can check a
typed response with the same rule the builder applies.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from composer.messages import Flow

__all__ = [
    "FLOW_DEFAULT_TOKEN",
    "address_summary",
    "default_flow_response",
    "flow_response_problem",
]

# WhatsApp's flow_token when the send gave none.
FLOW_DEFAULT_TOKEN: Final = "unused"  # noqa: S105 (not a secret: a documented default)


def address_summary(country: str, values: dict[str, str]) -> str:
    """The address as the reply bubble shows it: name, phone, then the rest on one line.

    Meta's sample: ``"NAME\\n +91xxxxxxxxxx\\n 400063, Goregaon, Wing A, ..., Mumbai, 8"``; the
    order of the last line is not documented, so it follows the form."""
    from composer.messages.address_message import address_fields  # only an address needs it

    order = [k for k, _ in address_fields(country)]
    order += sorted(k for k in values if k not in order)
    rest = [values[k] for k in order if values.get(k) and k not in ("name", "phone_number")]
    lines = [values.get("name", ""), values.get("phone_number", ""), ", ".join(rest)]
    return "\n ".join(line for line in lines if line)


def default_flow_response(content: Flow) -> str:
    """The response_json a completed flow sends at least: its ``flow_token``."""
    token = content.flow_token or FLOW_DEFAULT_TOKEN
    return json.dumps({"flow_token": token}, ensure_ascii=False, indent=2)


def flow_response_problem(text: str) -> str | None:
    """Why ``text`` cannot be a flow's response_json (None when it can): a JSON object with the
    flow's ``flow_token``, as every completed flow sends."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        return f"The response is not valid JSON ({exc.args[0]})."
    if not isinstance(value, dict):
        return 'The response must be a JSON object, like {"flow_token": "unused"}.'
    if not isinstance(value.get("flow_token"), str):
        return "The response needs the flow's flow_token (text): every completed flow sends it."
    return None
