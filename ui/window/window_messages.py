"""The window's messages in and out: loading payloads, examples, the autosave and the library.

A mixin of ``MainWindow`` (kept apart so the window's module stays about layout and wiring).
Every load goes through ``load_payload``: the editors are filled with signals blocked, then the
session gets ONE new message, so loading never looks like an edit. Nothing the user wrote and
did not save is replaced without asking (``may_replace``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSignalBlocker

from ui.editors.registry import TITLES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QWidget

    from composer.messages import Message
    from ui.panels.send_bar import SendBar
    from ui.services import Services
    from ui.session import Session
    from ui.window.composer_form import ComposerForm
    from ui.window.main_window import MainWindow

DEFAULT_KIND = "button"
DEFAULT_RECIPIENT = "+15550100001"


def differences(a: object, b: object, path: str = "") -> list[str]:
    """JSON paths where ``a`` and ``b`` differ (what an import would lose)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[str] = []
        for key in {*a, *b}:
            out += differences(a.get(key), b.get(key), f"{path}.{key}" if path else str(key))
        return sorted(out)
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True))
                for d in differences(x, y, f"{path}[{i}]")]  # fmt: skip
    return [] if a == b else [path or "$"]


class WindowMessages:
    """Loading, examples and drafts for ``MainWindow`` (which provides the attributes below)."""

    if TYPE_CHECKING:
        session: Session
        form: ComposerForm
        services: Services
        send_bar: SendBar
        type_combo: QComboBox
        profile_combo: QComboBox
        _draft_name: str | None
        _saved_payload: dict[str, Any] | None
        _started: bool

        def ask(self, title: str, question: str) -> bool: ...
        def profile_name(self) -> str: ...
        def _show_profile_badge(self, name: str) -> None: ...
        def _offer_contacts(self) -> None: ...
        def _update_url(self) -> None: ...

    def _widget(self) -> QWidget:
        return cast("QWidget", self)

    def _restore_current(self) -> bool:
        data = self.services.drafts.load_current()
        if not data:
            return False
        profile = data.get("profile")
        if isinstance(profile, str):
            index = self.profile_combo.findData(profile)
            if index >= 0:
                with QSignalBlocker(self.profile_combo):
                    self.profile_combo.setCurrentIndex(index)
                self._show_profile_badge(profile)
                self._offer_contacts()
                self._update_url()
        kept = data.get("kept")
        if isinstance(kept, dict):
            self._restore_kept(kept)
        problem = self.load_payload(data.get("payload"))
        if problem is not None:
            self.send_bar.show_result("warning", f"The last draft could not be restored. {problem}")
        return problem is None

    def _restore_kept(self, kept: dict[str, Any]) -> None:
        """Fill the other types' editors (signals blocked); a broken entry is skipped."""
        from composer.payload import PayloadError, from_payload

        for kind, payload in kept.items():
            if kind not in TITLES:
                continue
            try:
                msg = from_payload(payload)
            except PayloadError:
                continue
            if str(msg.content.kind) == kind:
                self.form.load(msg)

    # --- loading ------------------------------------------------------------------------------
    def load_payload(self, payload: object) -> str | None:
        """Load a Graph payload into the editors; returns an error text (editors untouched)."""
        from composer.payload import PayloadError, from_payload

        try:
            msg = from_payload(payload)
        except PayloadError as exc:
            lines = [f"• {i.path}: {i.message}" for i in exc.issues[:8]]
            return "This is not a message payload the composer can read:\n" + "\n".join(lines)
        kind = str(msg.content.kind)
        if kind not in TITLES:
            supported = ", ".join(TITLES.values())
            return (
                f"The editors do not support {kind!r} messages yet (supported: {supported}). "
                "Nothing was changed."
            )
        return self._load_exactly(msg)

    def _load_exactly(self, msg: Message) -> str | None:
        """Load ``msg``; if the editors cannot hold all of it, put the old message back."""
        from composer.payload import to_payload

        previous, previous_kind = self.session.current(), self.form.kind()
        self.form.load(msg)
        wanted, got = to_payload(msg), to_payload(self.form.build())
        if wanted == got:
            self.load_message(msg, loaded=True)
            return None
        if previous is not None:
            self.form.load(previous)
        elif previous_kind:
            self.form.set_kind(previous_kind, emit=False)
        lost = ", ".join(differences(wanted, got)[:6])
        return (
            f"The editors cannot hold every part of this message ({lost}); these parts are not "
            "allowed for this type or conflict with each other. Nothing was changed. Fix them in "
            "the JSON (or check it with `wa-composer validate`) and import again."
        )

    def load_message(self, msg: Message, *, loaded: bool = False) -> None:
        if not loaded:
            self.form.load(msg)
        with QSignalBlocker(self.type_combo):
            self.type_combo.setCurrentIndex(self.type_combo.findData(str(msg.content.kind)))
        self.session.set_message(self.form.build())

    def import_json_text(self, text: str) -> str | None:
        import json

        try:
            data = json.loads(text)
        except ValueError as exc:
            return f"The text is not valid JSON: {exc}. Nothing was changed."
        return self.load_payload(data)

    # --- examples -----------------------------------------------------------------------------
    def load_example(self, kind: str | None = None) -> None:
        """Put the sample message of ``kind`` (default: the current type) in the editors."""
        from composer.samples import sample_payload

        kind = kind or self.form.kind() or DEFAULT_KIND
        to = self.form.recipient.field.number() or DEFAULT_RECIPIENT
        problem = self.load_payload(sample_payload(kind, to))
        if problem is not None:  # a sample the editors cannot hold is a bug worth showing
            self.send_bar.show_result("warning", problem)

    def load_example_interactive(self) -> None:
        if not self._started:
            return
        title = TITLES.get(self.form.kind(), self.form.kind())
        if self.has_unsaved_work() and not self.ask(
            "Replace the message?",
            f"Replace the current message with the {title} example? "
            "Your message is not saved as a draft.",
        ):
            return
        self.load_example()

    def has_unsaved_work(self) -> bool:
        from ui.window.examples import is_own_work

        return is_own_work(self.session.current(), self._saved_payload)

    # --- drafts -------------------------------------------------------------------------------
    def draft_data(self) -> dict[str, Any] | None:
        msg = self.session.current()
        if msg is None:
            return None
        from composer.payload import to_payload

        return {
            "kind": str(msg.content.kind),
            "payload": to_payload(msg),
            "profile": self.profile_name(),
        }

    def kept_payloads(self) -> dict[str, Any]:
        """The user's messages in the other types' editors (switching type keeps them)."""
        current = self.session.current()
        if current is None:
            return {}
        from composer.messages import Message
        from composer.payload import to_payload
        from ui.window.examples import is_own_work

        out: dict[str, Any] = {}
        for kind, content in self.form.other_contents().items():
            msg = Message(to=current.to, content=content)
            if is_own_work(msg):
                out[kind] = to_payload(msg)
        return out

    def save_current_draft(self) -> None:
        data = self.draft_data()
        if data is None:
            return
        kept = self.kept_payloads()
        if kept:  # a restart must not lose what the type picker only set aside
            data["kept"] = kept
        from composer.storage.drafts import DraftError

        try:
            self.services.drafts.save_current(data)
        except DraftError as exc:
            self.send_bar.show_result("warning", str(exc))

    def save_draft_as(self, name: str) -> str:
        data = self.draft_data()
        if data is None:
            raise ValueError("There is no message to save yet.")
        saved = self.services.drafts.save_as(name, data, overwrite=True)
        self._draft_name = saved
        self._saved_payload = data["payload"]
        self.send_bar.show_result("ok", f"Draft saved as {saved!r}.")
        return saved

    def save_draft_interactive(self) -> None:
        if not self._started:
            return
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from composer.storage.drafts import DraftError

        name = self._draft_name
        if name is None:
            text, ok = QInputDialog.getText(self._widget(), "Save draft", "Draft name:")
            if not ok:
                return
            name = text
        try:
            self.save_draft_as(name)
        except (DraftError, ValueError) as exc:
            QMessageBox.warning(self._widget(), "Draft not saved", str(exc))

    def may_replace(self, what: str) -> bool:
        """True when nothing unsaved would be lost, or the user agrees to replace it."""
        return not self.has_unsaved_work() or self.ask(
            "Replace the message?",
            f"Open {what} and replace the current message? Your message is not saved as a draft.",
        )

    def open_draft(self, name: str, *, ask: bool = True) -> str | None:
        """Load a library draft; None when loaded (or when the user chose to keep the message)."""
        draft = self.services.drafts.open(name)
        if ask and not self.may_replace(f"the draft {draft.name!r}"):
            return None
        payload = draft.data.get("payload")
        error = self.load_payload(payload)
        if error is None:
            self._draft_name = draft.name
            self._saved_payload = payload if isinstance(payload, dict) else None
        return error

    def open_drafts_dialog(self) -> None:
        if not self._started:
            return
        from ui.panels.dialogs.drafts_dialog import DraftsDialog

        DraftsDialog(cast("MainWindow", self)).exec()
