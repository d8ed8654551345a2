"""Model -> Graph API JSON, exact shapes: ``to_payload`` writes exactly what the spec shows (no
nulls, no keys the model does not hold). The envelope and the shared header/body/footer are
written here; each kind's own part (its ``action``, or the ``text``/``reaction`` object) by the
kind's row in ``composer.kinds``. Reading is ``composer.payload.reader.from_payload``.
"""

from __future__ import annotations

from typing import Any

from composer.codec.parts import header_payload
from composer.kinds import spec_for_model
from composer.messages import Interactive, Message
from composer.user_ids import addressee_field

__all__ = ["to_payload"]


def to_payload(msg: Message) -> dict[str, Any]:
    """The exact Graph ``POST /messages`` body for ``msg``."""
    out: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "recipient_type": msg.recipient_type,
        msg.to_field or addressee_field(msg.to): msg.to,
    }
    if msg.context_message_id is not None:
        out["context"] = {"message_id": msg.context_message_id}
    if msg.biz_opaque_callback_data is not None:
        out["biz_opaque_callback_data"] = msg.biz_opaque_callback_data
    content = msg.content
    try:
        row = spec_for_model(type(content))
    except KeyError:
        raise TypeError(f"not a content model: {type(content).__name__}") from None
    out["type"] = row.payload_type
    if isinstance(content, Interactive):
        out["interactive"] = _interactive(content, row.write(content))
    else:
        out[row.payload_type] = row.write(content)
    return out


def _interactive(content: Interactive, action: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": content.kind.value}
    if content.header is not None:
        out["header"] = header_payload(content.header)
    if content.body is not None:
        out["body"] = {"text": content.body}
    if content.footer is not None:
        out["footer"] = {"text": content.footer}
    out["action"] = action
    return out
