"""The window starts in two steps: the editor is usable first (``ready``), the rest a moment
later (``settled``: history, countdown, webhooks; Send waits for it). See ui.window.startup."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from composer.sandbox import Sandbox, StatusDelays
from composer.storage import Store
from composer.storage.drafts import DraftStore
from tests.paths import DATA
from tests.ui.app_probe import probe_json
from ui.app import make_app, make_window
from ui.panels.history import HistoryPanel
from ui.services import Services
from ui.window.main_window import MainWindow
from ui.window.panes import TAB_NAMES


class CountingServices(Services):
    """Real services that note when the store and the sandbox are first asked for."""

    asked: list[str]

    def store(self) -> Store:
        self.asked.append("store")
        return super().store()

    def sandbox(self) -> Sandbox:
        self.asked.append("sandbox")
        return super().sandbox()


def services(home: Path) -> CountingServices:
    quiet = StatusDelays(sent=None, delivered=None, read=None)
    svc = CountingServices(
        drafts=DraftStore(home / "drafts"), sandbox_factory=lambda: Sandbox(delays=quiet)
    )
    svc.asked = []
    return svc


def test_the_editor_is_usable_before_the_store_and_the_sandbox_are_opened(
    qtbot: QtBot, home: Path
) -> None:
    make_app()
    svc = services(home)
    window = make_window(svc, "button", example_on_first_start=True, autosave=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=5_000):
        window.start_editor()
    assert svc.asked == []  # no SQLite, no sandbox on the way to a usable editor
    assert window.session.current() is not None  # the first sample is shown...
    assert window.preview.message()[0] == window.session.current()  # ...on the phone too
    assert isinstance(window.tabs.widget(TAB_NAMES.index("History")), HistoryPanel) is False
    assert not window.send_bar.can_send()  # Send waits for the 24-hour window's state
    body = next(e for e in window.form.findChildren(QPlainTextEdit) if e.isVisible())
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, " typed")  # the editor answers at once
    assert window.session.current().content.body.endswith(" typed")  # type: ignore[union-attr]

    with qtbot.waitSignal(window.settled, timeout=5_000):
        window.finish_later()
    assert "store" in svc.asked and "sandbox" in svc.asked
    tabs = window.tabs
    assert [tabs.tabText(i).split(" (")[0] for i in range(tabs.count())] == list(TAB_NAMES)
    assert tabs.widget(TAB_NAMES.index("History")) is window.history
    assert window.countdown.recipient() == window.session.current().to  # type: ignore[union-attr]
    assert window.send_bar.can_send()  # a demo contact with an open window, a valid message
    window.close()
    svc.close()


def test_the_app_runs_the_second_step_after_ready_on_its_own(home: Path) -> None:
    """``ui.app.run``'s own wiring: ready -> (next turn) finish_later -> settled. The real app
    quits at ``settled`` (``WA_COMPOSER_EXIT_WHEN_READY=settled``): without the wiring it would
    wait forever and the timeout fails the test."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WA_COMPOSER_HOME=str(home),
               WA_COMPOSER_EXIT_WHEN_READY="settled", WA_COMPOSER_START_TYPE="list")  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "wa_composer"], cwd=DATA.parents[1], env=env,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr


ORDER_PROBE = r"""
import sys
from PySide6.QtCore import QEvent, QObject
import ui.app
from ui.window.main_window import MainWindow

seen = []
class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen[-1:] == ["form painted"]:
            seen.append("form painted")
        return False
paints = Paints()
start, later = MainWindow.start_editor, MainWindow.finish_later
def start_editor(self):
    start(self)
    seen.append("ready")
    self.form.installEventFilter(paints)
def finish_later(self):
    seen.append("second step")
    later(self)
MainWindow.start_editor, MainWindow.finish_later = start_editor, finish_later
code = ui.app.run()
print("order:", ",".join(seen))
sys.exit(code)
"""


@pytest.mark.parametrize("until", ["1", "settled"])
def test_the_editor_is_on_screen_before_the_second_step_and_the_benchmark_moment(
    home: Path, until: str
) -> None:
    """The real app: the form is painted after ``ready`` and before the second step starts (a
    zero-delay timer would run first and keep the editor off screen through it); with
    ``WA_COMPOSER_EXIT_WHEN_READY=1`` the moment printed for benchmarks/startup.py comes after
    that paint, and the second step never runs."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WA_COMPOSER_HOME=str(home),
               WA_COMPOSER_EXIT_WHEN_READY=until, WA_COMPOSER_START_TYPE="list")  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", ORDER_PROBE], cwd=DATA.parents[1], env=env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    order = next(line for line in lines if line.startswith("order:"))
    stamp = next(i for i, line in enumerate(lines) if " at monotonic " in line)
    if until == "1":
        assert order == "order: ready,form painted"
        assert lines[stamp].startswith("wa-composer: ready at monotonic ")
    else:
        assert order.startswith("order: ready,form painted,second step")
        assert lines[stamp].startswith("wa-composer: settled at monotonic ")


PROBE = r"""
import json, os, sys
from ui.app import make_app, make_window
app = make_app()
window = make_window(start_kind="button")
window.show()
window.start_editor()
names = sorted(m for m in sys.modules if m.startswith(("composer.", "ui.", "sqlite3")))
print(json.dumps(names))
"""


def test_a_usable_editor_loads_one_kind_not_every_kind(home: Path) -> None:
    """The first screen imports the start kind's row, model and layout only (and no SQLite at
    all, no webhook server, no sandbox): a kind loads when it is first picked."""
    loaded = set(probe_json(PROBE, home))
    rows = {m for m in loaded if m.startswith("composer.kinds.")}
    assert rows == {"composer.kinds.catalogue", "composer.kinds.kind_spec",
                    "composer.kinds.reply_buttons"}  # fmt: skip
    layouts = {m for m in loaded if m.startswith("ui.preview.kinds.")}
    assert "ui.preview.kinds.list_message" not in layouts
    assert "ui.preview.kinds.reply_buttons" in layouts
    assert "composer.messages.list_message" not in loaded
    for heavy in ("composer.storage.history", "composer.webhooks.server", "composer.sandbox",
                  "ui.panels.history", "ui.rehearse.controller", "sqlite3"):  # fmt: skip
        assert heavy not in loaded, heavy


COST_PROBE = r"""
import dataclasses, enum, json, sys
made = {"dataclasses": [], "enums": []}
define = dataclasses._process_class
def process_class(cls, *args, **kwargs):
    made["dataclasses"].append(f"{cls.__module__}.{cls.__qualname__}")
    return define(cls, *args, **kwargs)
dataclasses._process_class = process_class
create = enum.EnumType._create_
def create_(cls, class_name, names, **kwargs):
    made["enums"].append(class_name)  # PySide passes no qualname
    return create(cls, class_name, names, **kwargs)
enum.EnumType._create_ = create_
from ui.app import make_app, make_window
from ui.single_instance import SingleInstance
from composer.storage import paths
app = make_app()
instance = SingleInstance(paths.data_dir())
assert instance.claim()
window = make_window(start_kind="button")
window.show()
window.start_editor()
made["modules"] = sorted(sys.modules)
instance.close()
print(json.dumps(made))
"""


@pytest.mark.parametrize("start", ["first start", "draft restored"])
def test_the_way_to_a_usable_editor_defines_no_dataclass_and_names_no_heavy_qt_class(
    home: Path, examples: dict[str, Any], start: str
) -> None:
    """What made the editor's start slow stays off it: pydantic; stdlib dataclasses (about 0.9 ms
    each to define on CPython 3.11: the value classes on this path are msgspec Structs); and Qt
    classes the first screen does not need, whose Python enums PySide makes when the class is
    first named (QStyle, QAccessible, QKeySequence, QFileDialog, QIcon: 1 to 6 ms each; QGradient,
    whose enums any first ``QPainter.fillRect`` makes: ui.fill; QFileDialog's too when a widget
    Qt made is first named, with 65 other QtWidgets enums: ui.editors.repeater); QtNetwork (the
    single-instance claim is made with ``_socket``; Qt serves it later) and hashlib (OpenSSL).
    Both on a first start and on every later one, which restores the last draft and its profile
    (the sandbox's, whose demo contacts have hashed user ids)."""
    if start == "draft restored":
        payload = examples["reply_buttons_text_header"]
        DraftStore().save_current({"kind": "button", "payload": payload, "profile": "sandbox"})
    made = probe_json(COST_PROBE, home)
    ours = [n for n in made["dataclasses"] if n.startswith(("composer.", "ui."))]
    assert ours == []
    assert not [m for m in made["modules"] if m.partition(".")[0] in ("pydantic", "pydantic_core")]
    assert "PySide6.QtNetwork" not in made["modules"] and "hashlib" not in made["modules"]
    # one enum each, by the name only its class uses: QStyle, QAccessible, QKeySequence,
    # QFileDialog, QIcon (an SVG icon also loads the icon-engine plugin) and QGradient
    for name in ("PixelMetric", "InterfaceType", "StandardKey", "FileMode", "ThemeIcon", "Preset"):
        assert name not in made["enums"], name
    assert "Key" in made["enums"]  # the probe sees PySide's enums being made (Qt.Key)


def test_the_second_step_turns_the_collector_back_on_even_when_it_fails(
    qtbot: QtBot, home: Path
) -> None:
    """The launcher starts the window with the garbage collector off (ui.app.finish_then_collect
    turns it on after the second step, whatever happens in it)."""
    import gc

    import pytest

    from ui.app import finish_then_collect

    window, svc = _editor_started(qtbot, home, "button")
    gc.disable()
    try:
        finish_then_collect(window)
        assert gc.isenabled() and window.history is window.tabs.widget(3)
        gc.disable()
        window.finish_later = lambda: (_ for _ in ()).throw(RuntimeError("boom"))  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            finish_then_collect(window)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.set_threshold(*DEFAULT_GC)
        gc.enable()
    window.close()
    svc.close()


DEFAULT_GC = (700, 10, 10)


def _editor_started(qtbot: QtBot, home: Path, kind: str) -> tuple[MainWindow, CountingServices]:
    """A shown window of ``kind`` whose first step (the editor) is done, and its services."""
    make_app()
    svc = services(home)
    window = make_window(svc, kind, example_on_first_start=False, autosave=False)
    qtbot.addWidget(window)
    window.show()
    window.start_editor()
    return window, svc


def _ten_sections(body: str) -> Any:
    from composer.messages import ListMessage, ListRow, ListSection, Message

    sections = tuple(
        ListSection(
            title=f"Section {s}",
            rows=(ListRow(id=f"r{s}", title=f"Slot {s}", description="By our own van"),),
        )
        for s in range(10)
    )
    content = ListMessage(body=body, button="Choose a slot", sections=sections)
    return Message(to="+16505550123", content=content)


def test_typing_in_the_running_window_does_not_run_the_collector(qtbot: QtBot, home: Path) -> None:
    """A key makes its new Screen before the old one goes: at Python's threshold of 700 that ran
    a collection on most keys, finding next to nothing (ui.app.TYPING_GC_THRESHOLD)."""
    import gc

    from composer.limits import BODY_TEXT
    from composer.payload import to_payload
    from ui.app import TYPING_GC_THRESHOLD, finish_then_collect

    window, svc = _editor_started(qtbot, home, "list")
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    text = "Pick a delivery slot for your order, we keep it for an hour. " * 14
    assert window.load_payload(to_payload(_ten_sections(text))) is None
    (body,) = [e for e in window.findChildren(QPlainTextEdit) if e.toPlainText() == text]
    body.moveCursor(QTextCursor.MoveOperation.End)
    assert len(text) < BODY_TEXT.maximum
    try:
        for threshold, most in ((DEFAULT_GC[0], None), (None, 1)):
            finish_then_collect(window)
            if threshold is not None:
                gc.set_threshold(threshold, *DEFAULT_GC[1:])  # what it was before: the check
            qtbot.keyClicks(body, "warm ")
            gc.callbacks.append(count)
            runs.clear()
            qtbot.keyClicks(body, "and more keys to type " * 6)
            gc.callbacks.remove(count)
            if most is None:
                assert len(runs) >= 4, runs  # the old threshold: a collection every few keys
            else:
                assert gc.get_threshold()[0] == TYPING_GC_THRESHOLD
                assert len(runs) <= most, runs
            gc.unfreeze()
    finally:
        if count in gc.callbacks:
            gc.callbacks.remove(count)
        gc.unfreeze()
        gc.set_threshold(*DEFAULT_GC)
        gc.enable()
    window.close()
    svc.close()


def test_the_second_step_comes_even_when_the_editor_is_never_drawn(
    qtbot: QtBot, services: Services
) -> None:
    """A window minimised or hidden once the editor is built gets no paint: the fallback timer
    still builds the rest (Send is enabled then), once."""
    from ui.app import after_editor_drawn

    make_app()
    window = make_window(services, "list", example_on_first_start=False, autosave=False)
    qtbot.addWidget(window)
    window.start_editor()  # never shown: the form cannot paint
    runs: list[str] = []
    after_editor_drawn(window, [lambda: runs.append("rest")])
    qtbot.waitUntil(lambda: runs == ["rest"], timeout=5_000)
    qtbot.wait(200)
    assert runs == ["rest"]


def test_a_paint_watcher_stops_watching_once_it_has_fired(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watcher of the editor's first paint (the window's update request) leaves the window
    once it has fired: a filter left installed would take each of the window's events through
    Python for its lifetime."""
    from PySide6.QtCore import QEvent, QObject

    import ui.app as app_module

    seen: list[QEvent.Type] = []
    original = app_module._FirstPaint.eventFilter

    def counting(self: app_module._FirstPaint, watched: QObject, event: QEvent) -> bool:
        seen.append(event.type())
        return original(self, watched, event)

    monkeypatch.setattr(app_module._FirstPaint, "eventFilter", counting)
    make_app()
    window = make_window(services, "list", example_on_first_start=False, autosave=False)
    qtbot.addWidget(window)
    window.show()
    window.start_editor()
    runs: list[str] = []
    app_module.after_editor_drawn(window, [lambda: runs.append("rest")])
    qtbot.waitUntil(lambda: runs == ["rest"], timeout=5_000)
    assert QEvent.Type.UpdateRequest in seen
    before = len(seen)
    window.update()
    window.resize(window.width() - 10, window.height())
    qtbot.wait(50)
    assert len(seen) == before
