"""ui.enum_fast_path makes PySide6's enums by ``enum._simple_enum``: the same classes, faster.

The equality is checked with the standard library's own ``enum._test_simple_enum`` over every
enum the Qt modules the app uses make, in a fresh process (a class's enums are made once, the
first time it is named, so only a process that has named none yet sees them all being made).
"""

from __future__ import annotations

import enum
import pickle
import sys
from pathlib import Path

from tests.ui.app_probe import probe_json
from ui import enum_fast_path

EVERY_QT_ENUM = r"""
import enum, json
from ui import enum_fast_path
assert enum_fast_path.install()
calls = []
fast = enum.EnumType._create_
def record(cls, class_name, names, **kwargs):
    calls.append((cls, class_name, list(names), kwargs))
    return fast(cls, class_name, names, **kwargs)
enum.EnumType._create_ = record
import PySide6.QtCore, PySide6.QtGui, PySide6.QtNetwork, PySide6.QtWidgets
for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtNetwork, PySide6.QtWidgets):
    for name in dir(module):
        getattr(module, name)  # names every class: PySide makes its enums now
out = {"calls": len(calls), "members": 0, "fast_form": 0, "mismatches": []}
for cls, class_name, names, kwargs in calls:
    kwargs = dict(kwargs, module="PySide6.probe")  # both paths the same module, not a frame's
    out["members"] += len(names)
    out["fast_form"] += enum_fast_path.fast_form(cls, names, kwargs.get("type"),
                                                 kwargs.get("boundary"))
    general = enum_fast_path._general_create(cls, class_name, names, **kwargs)
    simple = enum_fast_path._create(cls, class_name, names, **kwargs)
    try:
        enum._test_simple_enum(general, simple)
    except TypeError as exc:
        out["mismatches"].append(f"{class_name}: {exc}")
print(json.dumps(out))
"""


def test_every_enum_of_the_qt_modules_is_the_same_class_by_the_fast_path(home: Path) -> None:
    out = probe_json(EVERY_QT_ENUM, home, timeout=120)
    assert out["calls"] > 600 and out["members"] > 7000  # all of them were seen being made
    assert out["fast_form"] == out["calls"]  # and every one takes the fast path
    assert out["mismatches"] == []


APP_START = r"""
import json, os, sys
os.environ["WA_COMPOSER_EXIT_WHEN_READY"] = "1"
from wa_composer.launcher import main
code = main([])
from PySide6.QtCore import Qt
from ui import enum_fast_path
align = Qt.AlignmentFlag
print(json.dumps({"code": code, "installed": enum_fast_path.installed(),
                  "left_top": int(align.AlignLeft | align.AlignTop),
                  "module": align.__module__, "qualname": align.__qualname__}))
"""


def test_the_window_starts_with_the_fast_path_and_its_enums_behave(home: Path) -> None:
    out = probe_json(APP_START, home)
    assert out["code"] == 0 and out["installed"] is True
    assert out["left_top"] == 0x21
    assert (out["module"], out["qualname"]) == ("PySide6.QtCore", "Qt.AlignmentFlag")


def test_a_call_form_pyside_does_not_use_takes_the_general_path_unchanged() -> None:
    assert enum_fast_path.fast_form(enum.IntFlag, [("A", 1)], None, enum.KEEP)
    assert not enum_fast_path.fast_form(enum.IntFlag, [("A", 1)], None, None)
    assert not enum_fast_path.fast_form(enum.Enum, "A B", None, enum.KEEP)
    assert not enum_fast_path.fast_form(enum.Enum, [("A", 1)], int, enum.KEEP)
    assert not enum_fast_path.fast_form(enum.StrEnum, [("A", "a")], None, enum.KEEP)
    installed = enum_fast_path.install()
    # the string form and a mixin type, made from this module, as the general path makes them
    colour = enum.Enum("Colour", "RED GREEN")
    assert [m.value for m in colour] == [1, 2] and colour.__module__ == __name__
    number = enum.Enum("Number", [("ONE", 1)], type=int)
    assert number.ONE + 1 == 2 and number.__module__ == __name__
    assert installed == (sys.version_info[:2] in enum_fast_path.VERIFIED)


def test_an_enum_made_by_the_fast_path_from_python_is_whole() -> None:
    """PySide's form called from Python code: the caller's module, members, aliases, pickling."""
    assert enum_fast_path.install() or sys.version_info[:2] not in enum_fast_path.VERIFIED
    flag = enum.IntFlag("Made", [("A", 1), ("B", 2), ("AB", 3)], boundary=enum.KEEP)
    assert flag.__module__ == __name__
    assert list(flag) == [flag.A, flag.B] and flag.AB is flag(3) and flag(8) == 8  # KEEP
    globals()["Made"] = flag  # where pickle looks for it: its module, by its name
    assert pickle.loads(pickle.dumps(flag.AB)) is flag.AB


def test_install_does_nothing_on_a_python_it_was_not_checked_on(home: Path) -> None:
    code = (
        "import enum, json\nfrom ui import enum_fast_path\n"
        "enum_fast_path.VERIFIED = ((2, 7),)\ngeneral = enum.EnumType._create_\n"
        "print(json.dumps([enum_fast_path.install(), enum_fast_path.installed(),"
        " enum.EnumType._create_ is general]))"
    )
    assert probe_json(code, home) == [False, False, True]
