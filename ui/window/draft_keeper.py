"""The window's drafts: the autosave slot, the named library, and never losing unsaved work.

Nothing the user wrote and did not save is replaced without asking (``may_replace``); the
messages set aside by switching type are saved with the current one, so a restart keeps them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from composer.storage.drafts import DraftStore
    from ui.session import Session
    from ui.window.background_save import BackgroundSave
    from ui.window.composer_form import ComposerForm
    from ui.window.message_loader import MessageLoader, Report

Ask = Callable[[str, str], bool]
"""A Yes/No question to the user: ``ask(title, question)``; True goes ahead."""


class DraftKeeper:
    """Saves and opens drafts of ``session``'s message through ``store`` and ``loader``.

    ``profile`` names the sending profile saved with a draft; ``ask`` and ``report`` talk to the
    user; ``parent`` owns the name prompt of an interactive save.
    """

    def __init__(
        self,
        store: DraftStore,
        loader: MessageLoader,
        *,
        profile: Callable[[], str],
        ask: Ask,
        report: Report,
        parent: QWidget,
    ) -> None:
        self.store = store
        self._loader = loader
        self._session: Session = loader.session
        self._form: ComposerForm = loader.form
        self._profile, self._ask, self._report, self._parent = profile, ask, report, parent
        self.draft_name: str | None = None  # the library draft last saved or opened
        self._saved_payload: dict[str, Any] | None = None  # its payload
        self._background: BackgroundSave | None = None  # made by the first autosave

    # --- the autosave slot -------------------------------------------------------------------
    def restore_current(self, select_profile: Callable[[str], None]) -> bool:
        """Bring back the autosaved message (and its profile); False when there is none."""
        data = self.store.load_current()
        if not data:
            return False
        profile = data.get("profile")
        if isinstance(profile, str):
            select_profile(profile)
        kept = data.get("kept")
        if isinstance(kept, dict):
            self._loader.restore_kept(kept)
        problem = self._loader.load_payload(data.get("payload"))
        if problem is not None:
            self._report("warning", f"The last draft could not be restored. {problem}")
        return problem is None

    def draft_data(self) -> dict[str, Any] | None:
        msg = self._session.current()
        if msg is None:
            return None
        from composer.payload import to_payload

        kind, payload = str(msg.content.kind), to_payload(msg)
        return {"kind": kind, "payload": payload, "profile": self._profile()}

    def kept_payloads(self) -> dict[str, Any]:
        """The user's messages in the other types' editors (switching type keeps them)."""
        current = self._session.current()
        if current is None:
            return {}
        from composer.messages import Message
        from composer.payload import to_payload
        from ui.window.examples import is_own_work

        out: dict[str, Any] = {}
        for kind, content in self._form.other_contents().items():
            msg = Message(to=current.to, content=content)
            if is_own_work(msg):
                out[kind] = to_payload(msg)
        return out

    def save_current(self, *, background: bool = False) -> None:
        """Write the autosave slot (a failure is shown, never raised). ``background``: the
        snapshot is taken now and written by a worker thread (``BackgroundSave``: the timer's
        autosave while typing); otherwise written now, after any write in flight."""
        data = self.draft_data()
        if data is None:
            return
        kept = self.kept_payloads()
        if kept:  # a restart must not lose what the type picker only set aside
            data["kept"] = kept
        if background:
            self._saver().submit(data)
            return
        if self._background is not None:
            self._background.flush()
        from composer.storage.drafts import DraftError

        try:
            self.store.save_current(data)
        except DraftError as exc:
            self._report("warning", str(exc))

    def close(self) -> None:
        """The window closes: the autosave worker finishes its write and stops."""
        if self._background is not None:
            self._background.close()

    def _saver(self) -> BackgroundSave:
        if self._background is None:  # not at start-up: it imports concurrent.futures
            from PySide6.QtCore import Qt

            from ui.window.background_save import BackgroundSave

            # the store is looked up at each write (a test may wrap its save_current)
            self._background = BackgroundSave(lambda data: self.store.save_current(data))
            self._background.failed.connect(
                lambda text: self._report("warning", text), Qt.ConnectionType.QueuedConnection
            )
        return self._background

    # --- the library ---------------------------------------------------------------------------
    def save_as(self, name: str) -> str:
        """Save the current message as the library draft ``name`` (overwriting); its saved name."""
        data = self.draft_data()
        if data is None:
            raise ValueError("There is no message to save yet.")
        saved = self.store.save_as(name, data, overwrite=True)
        self.draft_name = saved
        self._saved_payload = data["payload"]
        self._report("ok", f"Draft saved as {saved!r}.")
        return saved

    def save_interactive(self) -> None:
        """Ctrl+S: save under the draft's name, asking for one the first time."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from composer.storage.drafts import DraftError

        name = self.draft_name
        if name is None:
            text, ok = QInputDialog.getText(self._parent, "Save draft", "Draft name:")
            if not ok:
                return
            name = text
        try:
            self.save_as(name)
        except (DraftError, ValueError) as exc:
            QMessageBox.warning(self._parent, "Draft not saved", str(exc))

    def forget_name(self) -> None:
        """A new message: the next Ctrl+S asks for a name instead of overwriting the last draft."""
        self.draft_name = None
        self._saved_payload = None

    def open(self, name: str, *, ask: bool = True) -> str | None:
        """Load a library draft; None when loaded (or when the user chose to keep the message)."""
        draft = self.store.open(name)
        if ask and not self.may_replace(f"the draft {draft.name!r}"):
            return None
        payload = draft.data.get("payload")
        error = self._loader.load_payload(payload)
        if error is None:
            self.draft_name = draft.name
            self._saved_payload = payload if isinstance(payload, dict) else None
        return error

    # --- unsaved work --------------------------------------------------------------------------
    def has_unsaved_work(self) -> bool:
        from ui.window.examples import is_own_work

        return is_own_work(self._session.current(), self._saved_payload)

    def may_replace(self, what: str) -> bool:
        """True when nothing unsaved would be lost, or the user agrees to replace it."""
        return not self.has_unsaved_work() or self._ask(
            "Replace the message?",
            f"Open {what} and replace the current message? Your message is not saved as a draft.",
        )
