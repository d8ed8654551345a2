"""Spares the window's start-up PySide6's per-import source scan, for modules whose answer is known.

Once ``PySide6.QtCore`` is imported, every later import runs PySide's ``__feature__`` hook, which
reads the new module's whole source file to see whether it names PySide6 (PySide's opt-in
``from __feature__ import snake_case`` works per module). Over the ~400 modules the window imports
that costs about 80 ms of its start (napari/napari#8584 traces the same tax). The hook skips a
module already in its table, so ``skip_known_modules`` puts a finder first on ``sys.meta_path``
that files, just before each import, the answer the scan would give:

* our Qt face (``ui``, ``wa_composer``): uses PySide6, no feature selected (0);
* the Qt-free core (``composer``, which lint-imports keeps free of Qt), the standard library and
  the pure-Python libraries the app loads: no PySide6 (-1, "ignore this module").

A module that uses PySide6 gets the scan's own answer, and so does every library module; a ui
module that does not name PySide6 gets 0 where the scan says -1, the same for a module that makes
no Qt call (and nothing in the app selects a feature). Any other module is left to the scan.

The table is PySide's internal ``shibokensupport.feature.pyside_feature_dict``: when a PySide
release drops it, the finder does nothing and start-up is only slower (a test checks that it
still applies to the PySide6 installed).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Final

USES_PYSIDE: Final = ("ui", "wa_composer")
NO_PYSIDE: Final = frozenset({
    "composer", "msgspec", "typing_extensions",
    "platformdirs", "httpx", "httpcore", "anyio", "h11", "idna", "certifi",
    "sniffio", "keyring", "jaraco", "secretstorage", "jeepney", "more_itertools",
    *sys.stdlib_module_names,
})  # fmt: skip
"""Top-level packages whose modules never use PySide6 (the standard library and pure-Python
libraries the window imports)."""

FEATURE_MODULE: Final = "shibokensupport.feature"


class _KnownModules:
    """A meta-path finder that finds nothing: it only files the hook's answer (module docstring).

    The hook also scans a module imported before PySide6 the first time an ``import`` statement
    names it again, so the modules already loaded are filed once, as soon as the table exists.
    """

    def __init__(self) -> None:
        self._filed_loaded = False

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        feature = sys.modules.get(FEATURE_MODULE)
        table = getattr(feature, "pyside_feature_dict", None)
        if isinstance(table, dict):
            if not self._filed_loaded:
                self._filed_loaded = True
                for loaded in list(sys.modules):
                    _file(table, loaded)
            _file(table, name)
        return None


def _file(table: dict[str, int], name: str) -> None:
    if name in table:
        return
    top = name.partition(".")[0]
    if top in USES_PYSIDE:
        table[name] = 0
    elif top in NO_PYSIDE:
        table[name] = -1


def skip_known_modules() -> None:
    """Install the finder (once); call it before the window's modules are imported."""
    if not any(isinstance(finder, _KnownModules) for finder in sys.meta_path):
        sys.meta_path.insert(0, _KnownModules())
