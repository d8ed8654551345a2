"""A tap on the phone, as the customer's action in the rehearsal.

The phone's kind layouts say what a tap is (``Tapped``, with the webhook the preview would show);
the rehearsal (``composer.rehearsal.Rehearsal``) builds and delivers the real one. This module
reads the tap's choice (the button or row id, the shared place, the submitted form) and calls the
matching ``customer_*``, naming the bot message tapped, so an earlier list answers again.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.rehearsal import CustomerAction, Rehearsal
    from ui.preview.taps import Tapped

NOT_REHEARSED = "this tap is not part of a rehearsal yet (the bot would receive {kind})"


class NotRehearsed(ValueError):
    """The tap has no customer action in the rehearsal (a template button, a call answer)."""


def _message(webhook: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = webhook["entry"][0]["changes"][0]["value"]["messages"][0]
    return item


def act(rehearsal: Rehearsal, tapped: Tapped, wamid: str) -> CustomerAction:
    """Perform ``tapped`` (a tap on bot message ``wamid``) as the customer."""
    assert tapped.webhook is not None
    message = _message(tapped.webhook)
    kind = message.get("type")
    if kind == "location":
        where = message["location"]
        return rehearsal.customer_shares_location(
            float(where["latitude"]), float(where["longitude"]),
            where.get("name"), where.get("address"),
        )  # fmt: skip
    interactive = message.get("interactive", {})
    answer = interactive.get("type", "")
    if answer in ("button_reply", "list_reply"):
        return rehearsal.customer_taps(str(interactive[answer]["id"]), message_id=wamid)
    if answer == "nfm_reply":
        return _submit(rehearsal, interactive["nfm_reply"], wamid)
    raise NotRehearsed(NOT_REHEARSED.format(kind=answer or kind or "nothing"))


def _submit(rehearsal: Rehearsal, nfm: dict[str, Any], wamid: str) -> CustomerAction:
    """A Flow's response JSON, or an address form's values (the ``values`` of its JSON)."""
    text = str(nfm.get("response_json", "{}"))
    if nfm.get("name") == "address_message":
        values = json.loads(text).get("values", {})
        fields = {str(k): str(v) for k, v in values.items()}
        return rehearsal.customer_submits(values=fields, message_id=wamid)
    return rehearsal.customer_submits(response_json=text, message_id=wamid)
