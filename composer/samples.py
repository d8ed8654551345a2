"""One realistic, valid sample message per kind that has one (the rows of ``composer.kinds``).

Why: a brand-new user should see a working message (and its preview) instead of an empty form
full of red errors, and "Load example" gives a known-good starting point for any type. The
samples are Graph payloads kept in each kind's row, addressed to the sandbox's demo contact whose
24-hour window is open; ``sample_message`` reads one through the normal payload reader, and a
test checks that ``check()`` finds no error in any of them. A kind without a sample says so in
its row (``Absent``).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from composer.messages import Message

__all__ = ["SAMPLE_RECIPIENT", "sample_kinds", "sample_message", "sample_payload"]

# The sandbox's "Ana Souza" (window open); a plain literal keeps the sandbox package unimported.
SAMPLE_RECIPIENT: Final = "+15550100001"


def sample_kinds() -> tuple[str, ...]:
    """The kinds that have a sample, in catalogue order."""
    from composer.kinds import specs

    return tuple(s.kind.value for s in specs() if isinstance(s.sample, dict))


def sample_payload(kind: str, to: str = SAMPLE_RECIPIENT) -> dict[str, Any]:
    """A fresh copy of the sample Graph payload of ``kind`` (KeyError for an unknown kind or one
    without a sample)."""
    from composer.kinds import spec

    content = spec(kind).sample
    if not isinstance(content, dict):
        raise KeyError(kind)
    content = copy.deepcopy(content)
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, **content}


def sample_message(kind: str, to: str = SAMPLE_RECIPIENT) -> Message:
    """The sample of ``kind`` as a ``Message`` (read by the normal payload reader)."""
    from composer.payload.reader import from_payload

    return from_payload(sample_payload(kind, to))
