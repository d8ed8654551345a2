"""Which message a tap in a thread is about, and the webhook context it answers.

A business bubble's taps arrive as ``("in", turn, *tap)`` (``thread_chat`` tags them); a tap on
an open sheet, or a form's submission, belongs to the turn that opened it (``sheet_owner``).
"""

from __future__ import annotations

from msgspec.structs import replace

from composer.messages import Message
from composer.webhooks.envelope import WebhookContext
from ui.preview.layout import BusinessTurn, ChatState
from ui.preview.taps import Action


def route(state: ChatState, action: Action) -> tuple[int, Action]:
    """(turn, the kind's own tap) for ``action`` tapped in ``state``'s thread."""
    if action[:1] == ("in",) and len(action) >= 2:
        return int(action[1]), tuple(action[2:])
    return state.sheet_owner, action


def turn_of(state: ChatState, turn: int) -> BusinessTurn | None:
    thread = state.thread or ()
    entry = thread[turn] if 0 <= turn < len(thread) else None
    return entry if isinstance(entry, BusinessTurn) else None


def tapped_message(
    state: ChatState, action: Action, context: WebhookContext
) -> tuple[int, Message | None, Action, WebhookContext, ChatState]:
    """Everything a thread tap needs: the turn, its message, the kind's tap, the context whose
    ``business_message_id`` is that message's wamid, and the state with the turn as the owner
    of any sheet or form the tap opens."""
    turn, inner = route(state, action)
    found = turn_of(state, turn)
    if found is None:
        return turn, None, inner, context, state
    wamid = found.wamid or context.business_message_id
    owned = replace(state, sheet_owner=turn) if state.sheet_owner != turn else state
    return turn, found.message, inner, replace(context, business_message_id=wamid), owned
