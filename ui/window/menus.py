"""The window's menu bar: every command with its standard shortcut, in one place.

Each shortcut is defined once, on its ``QAction`` (two shortcuts for the same keys are ambiguous
and Qt then silently runs neither). The actions are added to the window too, so their keys work
while a menu is hidden. ``actions_by_name`` reaches any of them (tests, and helpers that bring
their own action: ``adopt`` swaps it in for a placeholder). The Keyboard shortcuts dialog is
generated from these actions, so it cannot go stale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence

    from ui.window.main_window import MainWindow

    Keys = QKeySequence.StandardKey | str
# QAction and QKeySequence are named only from ``fill`` on: naming a class makes its Python
# enums (about 2 ms for these two), and the titles drawn at the first paint need neither.
LATER_TIP = "Coming with issue 12"


class Command(NamedTuple):
    """One menu entry: its name in ``actions_by_name``, text, keys and what it runs."""

    name: str
    text: str
    keys: Sequence[Keys]
    run: Callable[[], object] | None
    tip: str = ""


def edit_target() -> QWidget | None:
    """The focused text field (an editable combo's line edit), which Edit's commands act on."""
    widget = QApplication.focusWidget()
    line = getattr(widget, "lineEdit", None)
    if callable(line) and line() is not None:
        widget = line()
    return widget


def on_focused(method: str) -> Callable[[], None]:
    def run() -> None:
        target = edit_target()
        call = getattr(target, method, None)
        if callable(call):
            call()

    return run


MENU_TITLES = ("&File", "&Edit", "&View", "&Message", "&Help")


def _commands(w: MainWindow) -> dict[str, list[Command]]:
    from PySide6.QtGui import QKeySequence

    std = QKeySequence.StandardKey
    png = getattr(w, "save_preview_png", None)
    c = w.commands
    return {
        "&File": [
            Command("new", "&New message", [std.New], c.new_message),
            Command("open_draft", "&Open draft…", [std.Open], w.dialogs.drafts),
            Command("save_draft", "&Save draft", [std.Save], w.draft_keeper.save_interactive),
            Command(
                "import_json", "&Import JSON…", ["Ctrl+I", "Ctrl+Shift+V"], w.dialogs.import_json
            ),
            Command(
                "export_json", "&Export JSON…", ["Ctrl+Shift+E"], lambda: w.dialogs.export_json()
            ),
            Command("save_preview_png", "Save preview as &PNG…", [], png, "" if png else LATER_TIP),
            Command("settings", "Se&ttings…", [], w.dialogs.settings),
            Command("quit", "&Quit", [std.Quit], w.close),
        ],
        "&Edit": [
            Command("undo", "&Undo", [std.Undo], on_focused("undo")),
            Command("redo", "&Redo", [std.Redo], on_focused("redo")),
            Command("cut", "Cu&t", [std.Cut], on_focused("cut")),
            Command("copy", "&Copy", [std.Copy], on_focused("copy")),
            Command("paste", "&Paste", [std.Paste], on_focused("paste")),
            Command("select_all", "Select &all", [std.SelectAll], on_focused("selectAll")),
        ],
        "&View": [
            Command("show_issues", "&Issues", ["Ctrl+1"], lambda: c.show_side_tab("Issues")),
            Command("show_json", "&JSON", ["Ctrl+2"], lambda: c.show_side_tab("JSON")),
            Command("show_webhook", "&Webhook", ["Ctrl+3"], lambda: c.show_side_tab("Webhook")),
            Command("show_history", "&History", ["Ctrl+4"], lambda: c.show_side_tab("History")),
        ],
        "&Message": [
            Command("send", "&Send", ["Ctrl+Return", "Ctrl+Enter"], w.send),
            Command("validate", "&Validate", ["F7"], c.validate),
            Command("load_example", "Load &example", [], w.dialogs.load_example),
        ],
        "&Help": [
            Command("shortcuts", "&Keyboard shortcuts", [std.HelpContents], c.show_shortcuts),
            Command("about", "&About WA Composer", [], c.show_about),
        ],
    }


def typed(keys: QKeySequence) -> bool:
    """Keys a user types (Ctrl+S, F1), not a dedicated key some keyboards have ("Save")."""
    from PySide6.QtGui import QKeySequence

    text = keys.toString(QKeySequence.SequenceFormat.PortableText)
    return "+" in text.rstrip("+") or (text[:1] == "F" and text[1:].isdigit())


class WindowMenus:
    """The menu bar of ``window``: its titles at once (the first paint shows the final frame),
    the commands from ``fill`` on (they act on the panes built after that paint)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.bar: QMenuBar = window.menuBar()
        self.actions_by_name: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        for title in MENU_TITLES:
            menu = self.bar.addMenu(title)
            menu.setToolTipsVisible(True)
            self.menus[title.replace("&", "")] = menu

    def fill(self) -> None:
        for title, commands in _commands(self.window).items():
            menu = self.menus[title.replace("&", "")]
            for command in commands:
                menu.addAction(self._action(command))
                if command.name == "select_all":
                    menu.addSeparator()
        self._add_panes(self.menus["View"])

    def _action(self, command: Command) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(command.text, self.window)
        action.setObjectName(command.name)
        sequences: list[QKeySequence] = []
        for keys in command.keys:
            if isinstance(keys, QKeySequence.StandardKey):
                sequences += QKeySequence.keyBindings(keys)  # the platform's, maybe several
            else:
                sequences.append(QKeySequence(keys))
        action.setShortcuts(sequences)
        if command.run is None:
            action.setEnabled(False)
        else:
            action.triggered.connect(lambda _checked=False, run=command.run: run())
        if command.tip:
            action.setToolTip(command.tip)
            action.setStatusTip(command.tip)
        self.window.addAction(action)  # the keys work with the menu closed (and hidden)
        self.actions_by_name[command.name] = action
        return action

    def _add_panes(self, view: QMenu) -> None:
        view.addSeparator()
        for name, text, widget in (
            ("toggle_preview", "Phone &preview", self.window.preview_box),
            ("toggle_side", "&Side panel", self.window.tabs),
        ):
            action = self._action(Command(name, text, [], None))
            action.setEnabled(True)
            action.setCheckable(True)
            action.setChecked(not widget.isHidden())
            action.toggled.connect(widget.setVisible)
            view.addAction(action)
        reset = self._action(
            Command("reset_layout", "&Reset layout", [], self.window.commands.reset_layout)
        )
        view.addAction(reset)
        view.addSeparator()
        self.appearance = view.addMenu("&Appearance")
        placeholder = self._action(
            Command("appearance_placeholder", "Platform and theme", [], None)
        )
        placeholder.setToolTip(LATER_TIP)
        self.appearance.setToolTipsVisible(True)
        self.appearance.addAction(placeholder)

    def adopt(self, name: str, action: QAction) -> None:
        """Put ``action`` (brought by another part of the window) where the entry ``name`` is."""
        old = self.actions_by_name[name]
        for menu in (*self.menus.values(), self.appearance):
            if old in menu.actions():
                menu.insertAction(old, action)
                menu.removeAction(old)
        self.window.removeAction(old)
        old.setShortcuts([])  # its keys now belong to ``action``
        old.deleteLater()
        if action not in self.window.actions():
            self.window.addAction(action)
        self.actions_by_name[name] = action

    def fill_appearance(self, actions: Sequence[QAction]) -> None:
        """Replace the Appearance placeholder by the preview's own actions."""
        self.appearance.clear()
        self.appearance.addActions(list(actions))

    def shortcuts(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) for every action with keys, in menu order."""
        from PySide6.QtGui import QKeySequence

        out: list[tuple[str, str, str]] = []
        for title, menu in self.menus.items():
            for action in menu.actions():
                native = QKeySequence.SequenceFormat.NativeText
                keys = [s.toString(native) for s in action.shortcuts() if typed(s)]
                if keys and not action.isSeparator():
                    out.append((title, action.text().replace("&", ""), ", ".join(keys)))
        return out
