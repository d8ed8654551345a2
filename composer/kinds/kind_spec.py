"""The registry row: everything the core knows about one message kind, side by side.

Each ``composer.kinds.<module>`` defines ``SPEC = KindSpec(...)``. A part a kind does not have
(yet) is an ``Absent`` with the reason, never a silent default, so the completeness test can tell
a forgotten part from a deliberate gap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

import msgspec

from composer.kinds.catalogue import entry
from composer.messages.parts import Interactive

if TYPE_CHECKING:
    from composer.codec.base import Reader
    from composer.limits import Limit
    from composer.messages.kind import MessageKind
    from composer.rules.base import Out
    from composer.rules.parts import PartsPolicy

__all__ = [
    "SAMPLE_CATALOG_ID",
    "SAMPLE_REACTED_TO",
    "Absent",
    "Fields",
    "JsonObject",
    "KindSpec",
    "interactive_sample",
]

Fields = dict[str, Any]
JsonObject = dict[Any, Any]

# Shared by several samples (plain data, like every sample).
SAMPLE_CATALOG_ID: Final = "194836987003835"
SAMPLE_REACTED_TO: Final = "wamid.HBgLMTU1NTAxMDAwMDEVAgASGBQzRUIwQzc5OEI2QjQ1NzE1RTlBMgA="


class Absent(msgspec.Struct, frozen=True):
    """A part this kind does not have, and why (``"not interactive: no header or footer"``)."""

    reason: str


class KindSpec(msgspec.Struct, frozen=True):
    """One registry row.

    * ``read(reader, obj, path) -> fields``: the ``interactive.action`` object (interactive kinds)
      or the content object (``text``, ``reaction``) into model fields; shape problems go to
      ``reader``. ``write(content)`` is its inverse.
    * ``check(content, out)``: the kind's own rules (header/body/footer are checked from
      ``parts``, the envelope by ``composer.validation.envelope``).
    * ``sample``: the content of a valid sample payload (``{"type": ..., <type>: {...}}``).
    * ``replies``: names of the ``composer.webhooks.replies`` builders its taps produce.
    """

    kind: MessageKind
    model: type[Any]
    read: Callable[[Reader, JsonObject, str], Fields]
    write: Callable[[Any], dict[str, Any]]
    check: Callable[[Any, Out], None]
    parts: PartsPolicy | Absent
    limits: tuple[Limit, ...] | Absent
    sample: dict[str, Any] | Absent
    replies: tuple[str, ...] | Absent

    @property
    def title(self) -> str:
        return entry(self.kind).title

    @property
    def interactive(self) -> bool:
        """True for ``type: interactive`` kinds; False for top-level ones (text, reaction)."""
        return issubclass(self.model, Interactive)

    @property
    def payload_type(self) -> str:
        """The message's top-level ``type``."""
        return "interactive" if self.interactive else self.kind.value


def interactive_sample(body: dict[str, Any]) -> dict[str, Any]:
    return {"type": "interactive", "interactive": body}
