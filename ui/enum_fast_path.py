"""Makes PySide6's Python enums by the standard library's fast path, about twice as fast.

PySide6 turns every C++ enum of a Qt class into a Python ``enum`` class the first time the class
is named, through ``enum``'s functional API (``IntFlag(name, [(key, value), ...],
boundary=KEEP)``). On CPython 3.11 that path runs ``EnumType.__new__``'s general machinery for
each member: the window's way to a usable editor makes 192 of these enums (3,000 members, the
``Qt`` namespace alone 93 of them) and spent 45-90 ms in it.

``enum._simple_enum`` builds the same classes without that machinery. It is what the standard
library itself uses to turn constants into enums (``EnumType._convert_``: ``signal.Signals``,
``socket.AddressFamily``), and ``enum._test_simple_enum`` is its own check that a class built so
equals the one the general path builds. ``install`` routes to it only the call form PySide6
uses (a base without members, a list of ``(name, value)`` pairs, ``boundary=KEEP``, no mixin
``type``); every other call takes the general path unchanged. A test builds every enum of the
Qt modules the app uses both ways and compares them with ``_test_simple_enum``.

Both are private to ``enum``, so ``install`` acts only on the CPython minor version that test
runs on (``VERIFIED``); on any other it does nothing and start-up is only slower.
"""

from __future__ import annotations

import contextlib
import enum
import sys
from typing import Any, Final

VERIFIED: Final = ((3, 11),)
"""CPython versions whose ``enum`` internals the test has checked this against."""

_BASES: Final = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
_CLASS: Final = type  # the builtin: ``_create``'s keyword ``type`` (the stdlib's name) hides it


class _Members:
    """What ``_simple_enum`` reads of the class it converts (``__name__``, ``__dict__``), without
    a class: a class is a reference cycle, which only the cyclic collector frees, and that is off
    while the window starts (192 of them were about 1 MiB of its peak memory)."""

    __slots__ = ("__name__", "_namespace")

    def __init__(self, name: str, namespace: dict[str, Any]) -> None:
        self.__name__ = name
        self._namespace = namespace

    @property
    def __dict__(self) -> dict[str, Any]:  # type: ignore[override]
        return self._namespace


_general_create: Any = None  # EnumType._create_ before install (None: not installed)


def fast_form(cls: Any, names: Any, type: Any, boundary: enum.FlagBoundary | None) -> bool:
    """Whether a functional-API call is PySide6's form, the one the fast path takes."""
    return (
        cls in _BASES
        and type is None
        and boundary is enum.KEEP
        and isinstance(names, list)
        and all(_CLASS(item) is tuple and len(item) == 2 for item in names)
    )


def _create(
    cls: Any,
    class_name: str,
    names: Any,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: Any = None,
    start: int = 1,
    boundary: enum.FlagBoundary | None = None,
) -> Any:
    """``EnumType._create_`` (the functional API): PySide6's call form by ``_simple_enum``,
    any other by the general path."""
    if module is None:  # as the general path does: the caller's module (frames: here, __call__)
        with contextlib.suppress(AttributeError, ValueError, KeyError):
            module = sys._getframe(2).f_globals["__name__"]
    if not fast_form(cls, names, type, boundary):
        made = _general_create(
            cls, class_name, names, module=module, qualname=qualname, type=type, start=start,
            boundary=boundary,
        )  # fmt: skip
        if module is None:  # the general path would have found no module either
            enum._make_class_unpicklable(made)  # type: ignore[attr-defined]
        return made
    body: dict[str, Any] = dict(names)
    if module is None:
        enum._make_class_unpicklable(body)  # type: ignore[attr-defined]
    else:
        body["__module__"] = module
    if qualname is not None:
        body["__qualname__"] = qualname
    convert = enum._simple_enum(cls, boundary=boundary)  # type: ignore[attr-defined]
    return convert(_Members(class_name, body))


def installed() -> bool:
    """Whether ``install`` has routed enum creation here."""
    return _general_create is not None


def install() -> bool:
    """Route PySide6's enum creation to the fast path (once; before PySide6 is imported, so that
    its first enums take it too). False, doing nothing, on a CPython not in ``VERIFIED``."""
    global _general_create
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in VERIFIED:
        return False
    if _general_create is None:
        _general_create = enum.EnumType._create_  # type: ignore[attr-defined]
        enum.EnumType._create_ = _create  # type: ignore[attr-defined]
    return True
