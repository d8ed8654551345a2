"""Rules for the single-action types: CTA URL, flow, location request, address, call permission."""

from __future__ import annotations

from composer import limits
from composer.messages import (
    FLOW_ACTIONS,
    FLOW_MODES,
    AddressMessage,
    CallPermissionRequest,
    CtaUrl,
    Flow,
    LocationRequest,
)
from composer.messages.address_message import ADDRESS_COUNTRIES, address_json_from_text
from composer.messages.flow import flow_data_problem
from composer.rules.base import Out, is_web_url
from composer.rules.emoji import contains_emoji

__all__ = [
    "check_action_name",
    "check_address",
    "check_call_permission",
    "check_cta_url",
    "check_flow",
    "check_location_request",
    "check_url_button",
]

_ACTION = "interactive.action"
_PARAMS = _ACTION + ".parameters"
_FLOW_DATA = _PARAMS + ".flow_action_payload.data"


def _either(values: tuple[str, ...]) -> str:
    return " or ".join(f'"{v}"' for v in values)


def check_action_name(actual: str, expected: str, rule: str, path: str, out: Out) -> None:
    if actual != expected:
        shown = f'"{actual[:40]}"' if actual else "missing"
        out.error(rule, path + ".name", f'The action name is {shown}; it must be "{expected}".')


def check_url_button(display_text: str, url: str, path: str, out: Out) -> None:
    """The URL button of a CTA URL message or of a carousel media card (``path`` = action)."""
    out.length(display_text, limits.CTA_DISPLAY_TEXT, path + ".parameters.display_text")
    if not url:
        out.error(
            "cta_url.url", path + ".parameters.url", "The button needs a URL (parameters.url)."
        )
    elif not is_web_url(url):
        out.error(
            "cta_url.url",
            path + ".parameters.url",
            "The button URL is not a web address starting with https:// or http://.",
        )


def check_cta_url(content: CtaUrl, out: Out) -> None:
    check_action_name(content.action_name, "cta_url", "cta_url.action_name", _ACTION, out)
    check_url_button(content.display_text, content.url, _ACTION, out)


def check_flow(content: Flow, out: Out) -> None:
    check_action_name(content.action_name, "flow", "flow.action_name", _ACTION, out)
    if content.flow_message_version != limits.FLOW_MESSAGE_VERSION:
        out.error(
            "flow.version",
            _PARAMS + ".flow_message_version",
            f'flow_message_version is "{content.flow_message_version[:20]}"; '
            f'it must be "{limits.FLOW_MESSAGE_VERSION}".',
        )
    has_id = content.flow_id is not None
    if has_id == (content.flow_name is not None):
        both = "both flow_id and flow_name" if has_id else "neither flow_id nor flow_name"
        out.error("flow.id_xor_name", _PARAMS, f"The flow has {both}; give exactly one.")
    else:
        key, value = ("flow_id", content.flow_id) if has_id else ("flow_name", content.flow_name)
        if not (value or "").strip():
            out.error("flow.id_xor_name", f"{_PARAMS}.{key}", f"{key} is empty.")
    cta = content.flow_cta
    out.length(cta, limits.FLOW_CTA, _PARAMS + ".flow_cta")
    if contains_emoji(cta):
        out.error(
            "flow.cta_emoji", _PARAMS + ".flow_cta", "The flow button label cannot contain emoji."
        )
    if content.mode is not None and content.mode not in FLOW_MODES:
        out.error(
            "flow.mode",
            _PARAMS + ".mode",
            f'mode is "{content.mode[:20]}"; use {_either(tuple(sorted(FLOW_MODES)))}.',
        )
    action = content.flow_action
    if action is not None and action not in FLOW_ACTIONS:
        out.error(
            "flow.action",
            _PARAMS + ".flow_action",
            f'flow_action is "{action[:20]}"; use {_either(FLOW_ACTIONS)}.',
        )
    _check_flow_payload(content, out)


def _check_flow_payload(content: Flow, out: Out) -> None:
    payload = content.flow_action_payload
    if payload is None:
        return
    if payload.data_text is not None:
        problem = flow_data_problem(payload.data_text)
        if problem is not None:
            out.error("flow.data_json", _FLOW_DATA, problem)
        if payload.screen is None and payload.data is None:
            return  # only the unparsed text: nothing of it is written to the payload
    action = content.flow_action
    if action == "data_exchange":
        out.error(
            "flow.payload_only_navigate",
            _PARAMS + ".flow_action_payload",
            'flow_action_payload is only used with flow_action "navigate"; remove it for '
            "data_exchange.",
        )
    if payload.data is not None and not payload.data:
        out.error(
            "flow.data_empty",
            _FLOW_DATA,
            "flow_action_payload.data is an empty object; leave it out or give it values.",
        )


def check_location_request(content: LocationRequest, out: Out) -> None:
    check_action_name(
        content.action_name, "send_location", "location_request.action_name", _ACTION, out
    )


def check_call_permission(content: CallPermissionRequest, out: Out) -> None:
    check_action_name(
        content.action_name, "call_permission_request", "call_permission.action_name", _ACTION, out
    )


def check_address(content: AddressMessage, out: Out) -> None:
    check_action_name(content.action_name, "address_message", "address.action_name", _ACTION, out)
    country = content.country
    if not country.strip():
        out.error(
            "address.country",
            _PARAMS + ".country",
            'An address message needs parameters.country ("IN" or "SG").',
        )
    elif country not in ADDRESS_COUNTRIES:
        out.error(
            "address.country",
            _PARAMS + ".country",
            f'Address messages are available in India ("IN") and Singapore ("SG") only, '
            f'not "{country[:20]}".',
        )
    values = content.values or {}
    for key, limit in (("in_pin_code", limits.ADDRESS_PIN_CODE),
                       ("sg_post_code", limits.ADDRESS_POST_CODE)):  # fmt: skip
        code = values.get(key)
        if isinstance(code, str):
            out.length(code, limit, f"{_PARAMS}.values.{key}")
    for key, text in (content.typed_json or {}).items():
        problem = address_json_from_text(key, text)[1]
        if problem is not None:
            out.error("address.json", f"{_PARAMS}.{key}", problem)
