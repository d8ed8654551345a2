"""The kind registry: one row (``KindSpec``) per message kind, and look-ups over them.

``CATALOGUE`` (light: id, title, module) is the only list of kinds; each row lives in its own
module (``composer.kinds.reply_buttons`` ...) with the kind's reader and writer, rule check,
header/body/footer policy, limits, sample and reply shapes. Rows load on first use, so importing
this package stays as light as the catalogue (the window's type picker reads titles at start-up).
Validation, the payload reader/writer, the samples (and through them the sandbox and the CLI)
read these rows instead of keeping their own lists.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

from composer.kinds.catalogue import CATALOGUE, Entry, MessageKind, entry, title

if TYPE_CHECKING:
    from composer.kinds.kind_spec import KindSpec

__all__ = [
    "CATALOGUE",
    "Entry",
    "MessageKind",
    "entry",
    "interactive_spec",
    "spec",
    "spec_for_model",
    "specs",
    "title",
    "top_level_spec",
]


def spec(kind: str) -> KindSpec:
    """The row of ``kind`` (a ``MessageKind`` or its value); KeyError for an unknown kind."""
    return _load(entry(kind).module)


def specs() -> tuple[KindSpec, ...]:
    """Every row, in catalogue order."""
    return tuple(_load(e.module) for e in CATALOGUE)


def spec_for_model(model: type[object]) -> KindSpec:
    """The row whose model is ``model`` (KeyError for a class that is not a content model).

    A content model names its kind (``kind`` class attribute), so only that row is loaded: the
    window's first check and payload must not import every other kind's model and rules."""
    named = getattr(model, "kind", None)
    if isinstance(named, MessageKind):
        row = spec(named)
        if row.model is model:
            return row
    return _by_model()[model]


def interactive_spec(interactive_type: object) -> KindSpec | None:
    """The row of an ``interactive.type`` value; None when it is not a supported one."""
    return _row_of_type(interactive_type, interactive=True)


def top_level_spec(message_type: object) -> KindSpec | None:
    """The row of a non-interactive top-level ``type`` (``text``, ``reaction``), else None."""
    return _row_of_type(message_type, interactive=False)


@cache
def _load(module: str) -> KindSpec:
    from composer.kinds.kind_spec import KindSpec

    row = importlib.import_module(f"{__name__}.{module}").SPEC
    if not isinstance(row, KindSpec):
        raise TypeError(f"{__name__}.{module}.SPEC is not a KindSpec")
    return row


@cache
def _by_model() -> dict[type[object], KindSpec]:
    return {s.model: s for s in specs()}


def _row_of_type(value: object, *, interactive: bool) -> KindSpec | None:
    """The row whose kind id is ``value`` (a kind's id is its type in a payload), if it is of
    the asked family; only that row is loaded."""
    if not isinstance(value, str):
        return None
    try:
        row = spec(value)
    except KeyError:
        return None
    return row if row.interactive == interactive else None
