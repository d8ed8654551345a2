"""Lazy public faces for packages (PEP 562): ``from composer.storage import Store`` works, yet
importing a package does not import all of its modules.

Why: the window's start-up path imports a few light names (paths, contacts, window texts); an
eager ``__init__`` would pull in sqlite, httpx or the message models with them and slow the
first frame.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, homes: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``.

    ``homes`` maps a submodule (``"server"``) or a dotted module path (``"composer.x"``, for a
    name the package re-exports from a lower layer) to the names it defines.
    """
    where = {name: module for module, names in homes.items() for name in names}

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        home = module if "." in module else f"{package}.{module}"
        value = getattr(importlib.import_module(home), name)
        vars(importlib.import_module(package))[name] = value  # later look-ups skip this
        return value

    def dir_() -> list[str]:
        return sorted([*vars(importlib.import_module(package)), *where])

    return getattr_, dir_
