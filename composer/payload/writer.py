"""Model <-> Graph API JSON, both ways, exact shapes.

``to_payload`` writes exactly what the spec shows: no nulls, no keys the model does not hold.
``from_payload`` accepts any Python object (usually ``json.loads`` output) and either returns a
``Message`` or raises ``PayloadError`` listing every shape problem it found (wrong JSON types,
unknown keys, unsupported message types). It never raises anything else. Rules about values
(lengths, counts, required texts) are not checked here but by ``composer.validation.check.check``.
"""

from __future__ import annotations

from typing import Any

from composer.messages import (
    AddressMessage,
    CallPermissionRequest,
    Carousel,
    CatalogMessage,
    CtaUrl,
    Flow,
    Header,
    Interactive,
    ListMessage,
    LocationRequest,
    MediaCard,
    MediaHeader,
    Message,
    MultiProduct,
    ProductCard,
    Reaction,
    ReplyButtons,
    SingleProduct,
    TextMessage,
)
from composer.validation.issue import Issue

__all__ = ["PayloadError", "from_payload", "to_payload"]


class PayloadError(ValueError):
    """The payload does not have the shape of a message; ``issues`` says where and why."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        first = issues[0].message if issues else "not a message"
        more = f" (and {len(issues) - 1} more problems)" if len(issues) > 1 else ""
        super().__init__(first + more)


# --- model -> JSON -----------------------------------------------------------------------------


def to_payload(msg: Message) -> dict[str, Any]:
    """The exact Graph ``POST /messages`` body for ``msg``."""
    out: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "recipient_type": msg.recipient_type,
        "to": msg.to,
    }
    if msg.context_message_id is not None:
        out["context"] = {"message_id": msg.context_message_id}
    if msg.biz_opaque_callback_data is not None:
        out["biz_opaque_callback_data"] = msg.biz_opaque_callback_data
    content = msg.content
    if isinstance(content, TextMessage):
        text: dict[str, Any] = {"body": content.body}
        if content.preview_url is not None:
            text["preview_url"] = content.preview_url
        out["type"] = "text"
        out["text"] = text
    elif isinstance(content, Reaction):
        out["type"] = "reaction"
        out["reaction"] = {"message_id": content.message_id, "emoji": content.emoji}
    else:
        out["type"] = "interactive"
        out["interactive"] = _interactive(content)
    return out


def header_payload(header: Header) -> dict[str, Any]:
    if isinstance(header, MediaHeader):
        media: dict[str, Any] = {}
        for key in ("id", "link", "filename", "caption"):
            value = getattr(header, key)
            if value is not None:
                media[key] = value
        return {"type": header.kind, header.kind: media}
    return {"type": "text", "text": header.text}


def _named(name: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    action: dict[str, Any] = {"name": name}
    if parameters is not None:
        action["parameters"] = parameters
    return action


def _action(content: Interactive) -> dict[str, Any]:
    if isinstance(content, ReplyButtons):
        return {
            "buttons": [
                {"type": b.type, "reply": {"id": b.id, "title": b.title}} for b in content.buttons
            ]
        }
    if isinstance(content, ListMessage):
        sections = []
        for s in content.sections:
            section: dict[str, Any] = {} if s.title is None else {"title": s.title}
            rows = []
            for r in s.rows:
                row = {"id": r.id, "title": r.title}
                if r.description is not None:
                    row["description"] = r.description
                rows.append(row)
            section["rows"] = rows
            sections.append(section)
        return {"button": content.button, "sections": sections}
    if isinstance(content, SingleProduct):
        return {
            "catalog_id": content.catalog_id,
            "product_retailer_id": content.product_retailer_id,
        }
    if isinstance(content, MultiProduct):
        psections = []
        for ps in content.sections:
            psection: dict[str, Any] = {} if ps.title is None else {"title": ps.title}
            psection["product_items"] = [
                {"product_retailer_id": pid} for pid in ps.product_retailer_ids
            ]
            psections.append(psection)
        return {"catalog_id": content.catalog_id, "sections": psections}
    if isinstance(content, CtaUrl):
        button = {"display_text": content.display_text, "url": content.url}
        return _named(content.action_name, button)
    if isinstance(content, Flow):
        return _named(content.action_name, _flow_parameters(content))
    if isinstance(content, CatalogMessage):
        thumb = content.thumbnail_product_retailer_id
        return _named(
            content.action_name, None if thumb is None else {"thumbnail_product_retailer_id": thumb}
        )
    if isinstance(content, AddressMessage):
        params: dict[str, Any] = {"country": content.country}
        if content.values is not None:
            params["values"] = content.values
        if content.saved_addresses is not None:
            params["saved_addresses"] = list(content.saved_addresses)
        if content.validation_errors is not None:
            params["validation_errors"] = content.validation_errors
        return _named(content.action_name, params)
    if isinstance(content, Carousel):
        return {"cards": [_card(c) for c in content.cards]}
    if isinstance(content, LocationRequest | CallPermissionRequest):
        return _named(content.action_name)
    raise TypeError(f"not an interactive content model: {type(content).__name__}")


def _flow_parameters(flow: Flow) -> dict[str, Any]:
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
    if fap is not None:
        payload: dict[str, Any] = {}
        if fap.screen is not None:
            payload["screen"] = fap.screen
        if fap.data is not None:
            payload["data"] = fap.data
        params["flow_action_payload"] = payload
    return params


def _card(card: MediaCard | ProductCard) -> dict[str, Any]:
    if isinstance(card, ProductCard):
        return {
            "card_index": card.card_index,
            "type": "product",
            "action": {
                "product_retailer_id": card.product_retailer_id,
                "catalog_id": card.catalog_id,
            },
        }
    out: dict[str, Any] = {"card_index": card.card_index}
    if card.type is not None:
        out["type"] = card.type
    if card.header is not None:
        out["header"] = header_payload(card.header)
    if card.body is not None:
        out["body"] = {"text": card.body}
    action: dict[str, Any] = {}
    if card.url_button is not None:
        b = card.url_button
        action = _named(b.action_name, {"display_text": b.display_text, "url": b.url})
    if card.quick_replies is not None:
        action["buttons"] = [
            {"type": q.type, "quick_reply": {"id": q.id, "title": q.title}}
            for q in card.quick_replies
        ]
    out["action"] = action
    return out


def _interactive(content: Interactive) -> dict[str, Any]:
    out: dict[str, Any] = {"type": content.kind.value}
    if content.header is not None:
        out["header"] = header_payload(content.header)
    if content.body is not None:
        out["body"] = {"text": content.body}
    if content.footer is not None:
        out["footer"] = {"text": content.footer}
    out["action"] = _action(content)
    return out


def from_payload(data: object) -> Message:
    """Parse one message POST body; raise ``PayloadError`` (only) when its shape is wrong."""
    from composer.payload.reader import read_message

    return read_message(data)
