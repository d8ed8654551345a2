"""ui.feature_scan files, before each import, the answer PySide's per-import source scan would
give, so the window's start skips reading ~400 source files; the answers must be the scan's."""

from __future__ import annotations

from pathlib import Path

from tests.ui.app_probe import probe_json

PROBE = r"""
import json, sys
from ui.feature_scan import skip_known_modules
skip_known_modules()
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
scan = feature._mod_uses_pyside
scanned = []
feature._mod_uses_pyside = lambda module: scanned.append(module.__name__) or scan(module)
from ui.app import make_app, make_window
app = make_app()
window = make_window(start_kind="list")
window.show()
window.finish_startup()
table = feature.pyside_feature_dict
# A module that uses PySide6 gets the scan's 0; the libraries get its -1. (A ui module that
# does not name PySide6 gets 0, not -1: both mean "no feature" for a module without Qt calls.)
wrong = [name for name, module in list(sys.modules.items()) if name in table
         and ((name.partition(".")[0] == "ui" and scan(module) and table[name] != 0)
              or (name.partition(".")[0] in ("msgspec", "json", "sqlite3")
                  and (scan(module) or table[name] != -1)))]
ours = sorted(n for n in scanned if n.partition(".")[0] in ("ui", "composer", "msgspec"))
print(json.dumps({"scanned": len(scanned), "ours_scanned": ours, "wrong": wrong,
                  "filed": sum(1 for n in sys.modules if n.startswith(("ui.", "composer.")))}))
"""


def test_the_window_imports_without_the_source_scan_and_with_the_same_answers(
    tmp_path: Path,
) -> None:
    report = probe_json(PROBE, tmp_path, timeout=120)
    assert report["filed"] > 150  # the whole window was imported...
    assert report["ours_scanned"] == []  # ...and none of its modules was read by the scan
    assert report["scanned"] < 15  # only the few the finder cannot know (PySide6's own)
    assert report["wrong"] == []  # every filed answer is the one the scan gives
