"""Flow (``interactive.type: flow``): a button that opens a WhatsApp Flow.

The flow's vocabulary (``FLOW_MODES``, ``FLOW_ACTIONS``, the message version) lives with the
model in ``composer.messages.flow`` and is re-exported here: the editor and the rules read it.
"""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, describe, join
from composer.codec.parts import named_action, read_parameters
from composer.kinds.kind_spec import Fields, JsonObject, KindSpec, interactive_sample
from composer.limits import FLOW_MESSAGE_VERSION
from composer.messages import FLOW_ACTIONS, FLOW_MODES, Flow, FlowActionPayload, MessageKind
from composer.rules.actions import check_flow
from composer.rules.parts import ALL_HEADERS, PartsPolicy

__all__ = ["FLOW_ACTIONS", "FLOW_MESSAGE_VERSION", "FLOW_MODES", "SPEC", "read", "write"]

_TEXTS = ("flow_id", "flow_name", "flow_token", "mode", "flow_action")


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    keys = ("flow_message_version", "flow_cta", "flow_action_payload", *_TEXTS)
    p = read_parameters(r, a, path, keys) or {}
    ppath = join(path, "parameters")
    fields: Fields = {"action_name": r.text(a, "name", join(path, "name"), "Action name")}
    version = p.get("flow_message_version", "")
    if not isinstance(version, str):
        r.problem(
            join(ppath, "flow_message_version"),
            f'flow_message_version must be the text "{FLOW_MESSAGE_VERSION}", '
            f"not {describe(version)}.",
            "flow.version",
        )
    fields["flow_message_version"] = version if isinstance(version, str) else ""
    fields["flow_cta"] = r.text(p, "flow_cta", join(ppath, "flow_cta"), "Flow button label")
    for key in _TEXTS:
        fields[key] = r.opt_text(p, key, join(ppath, key), key)
    if "flow_action_payload" in p:
        fpath = join(ppath, "flow_action_payload")
        fap = r.obj(p["flow_action_payload"], fpath, "flow_action_payload")
        if fap is not None:
            r.known(fap, fpath, ("screen", "data"), "flow_action_payload")
            data, dpath = None, join(fpath, "data")
            if "data" in fap:
                data = r.free_json(r.obj(fap["data"], dpath, "The flow's initial data"), dpath)
            screen = r.opt_text(fap, "screen", join(fpath, "screen"), "Screen")
            fields["flow_action_payload"] = FlowActionPayload(screen=screen, data=data)
    return fields


def write(flow: Flow) -> dict[str, Any]:
    params: dict[str, Any] = {"flow_message_version": flow.flow_message_version}
    for key in ("flow_id", "flow_name", "flow_token"):
        value = getattr(flow, key)
        if value is not None:
            params[key] = value
    params["flow_cta"] = flow.flow_cta
    if flow.mode is not None:
        params["mode"] = flow.mode
    if flow.flow_action is not None:
        params["flow_action"] = flow.flow_action
    fap = flow.flow_action_payload
    # A payload holding only unparsed data text (``data_text``) has nothing to write.
    only_text = fap is not None and fap.data_text is not None and fap.screen is None
    if fap is not None and not (only_text and fap.data is None):
        payload: dict[str, Any] = {}
        if fap.screen is not None:
            payload["screen"] = fap.screen
        if fap.data is not None:
            payload["data"] = fap.data
        params["flow_action_payload"] = payload
    return named_action(flow.action_name, params)


SAMPLE = interactive_sample({
    "type": "flow",
    "header": {"type": "text", "text": "Book a table"},
    "body": {"text": "Reserve a table in under a minute."},
    "footer": {"text": "You can cancel any time"},
    "action": {"name": "flow", "parameters": {
        "flow_message_version": FLOW_MESSAGE_VERSION,
        "flow_id": "1234567890123456",
        "flow_token": "booking-7f3c2a91",
        "flow_cta": "Book now",
        "mode": "published",
        "flow_action": "navigate",
        "flow_action_payload": {
            "screen": "SELECT_DATE", "data": {"party_size": 2, "branch": "downtown"},
        },
    }},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.FLOW,
    model=Flow,
    read=read,
    write=write,
    check=check_flow,
    parts=PartsPolicy("flow messages", ALL_HEADERS),
    limits=(limits.FLOW_CTA,),
    sample=SAMPLE,
    replies=("flow_reply_webhook",),
)
