"""The envelope: who receives the message, optional reply context, and the content."""

from __future__ import annotations

from composer.messages.parts import Interactive, MessageKind, Model
from composer.messages.reaction import Reaction
from composer.messages.template import TemplateMessage
from composer.messages.text import TextMessage

Content = Interactive | Reaction | TextMessage | TemplateMessage
"""Any content model. Interactive kinds subclass ``Interactive``, so a new kind needs no edit
here: the list of kinds is ``composer.kinds`` (model, codec and rules of each)."""


class Message(Model, frozen=True, kw_only=True):
    """One message POST body. ``messaging_product`` is always ``"whatsapp"`` and not stored.

    ``to`` is the addressee, a phone number or a business-scoped user id; ``to_field`` is the
    payload key it came in (``"to"``, or ``"recipient"`` for a BSUID), None when the message was
    built rather than read: the writer then picks the key from the value (``composer.user_ids``).
    """

    to: str
    to_field: str | None = None
    content: Content
    recipient_type: str = "individual"
    context_message_id: str | None = None
    biz_opaque_callback_data: str | None = None

    @property
    def kind(self) -> MessageKind:
        return self.content.kind
