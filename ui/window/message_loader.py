"""Messages into the editors: payloads, pasted JSON, samples and the other types' kept work.

Every load goes through ``load_payload``: the editors are filled with signals blocked, then the
session gets ONE new message, so loading never looks like an edit. A payload the editors cannot
hold completely is refused and the previous message put back, so nothing is silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker

from ui.editors.registry import TITLES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from composer.messages import Message
    from ui.session import Session
    from ui.window.composer_form import ComposerForm

DEFAULT_KIND = "button"
DEFAULT_RECIPIENT = "+15550100001"

Report = Callable[[str, str], None]
"""Shows a one-line outcome to the user: ``report(level, text)``, level "ok"/"warning"/"error"."""


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


class MessageLoader:
    """Loads messages into ``form`` and makes them the ``session``'s current one.

    ``type_combo`` is the window's type picker (kept in step, signals blocked); ``report`` shows
    a problem that has no dialog of its own (a sample the editors cannot hold).
    """

    def __init__(
        self, form: ComposerForm, session: Session, type_combo: QComboBox, report: Report
    ) -> None:
        self.form = form
        self.session = session
        self._type_combo = type_combo
        self._report = report

    def select_kind(self, kind: str, *, emit: bool = True) -> None:
        """Show ``kind``'s editor, the type picker in step without its signal (``emit``: the
        editor's message becomes the current one)."""
        with QSignalBlocker(self._type_combo):
            self._type_combo.setCurrentIndex(self._type_combo.findData(kind))
        self.form.set_kind(kind, emit=emit)

    def pick_kind(self, kind: str) -> None:
        """The user picked ``kind``: show its editor; the message left behind is kept by its
        editor, and when it is the user's own work they are told so, so nothing seems lost."""
        left = self.session.current()
        self.form.set_kind(kind)
        if left is None or str(left.content.kind) == self.form.kind():
            return
        from ui.window.examples import is_own_work

        if is_own_work(left):
            title = TITLES.get(str(left.content.kind), str(left.content.kind))
            self._report("ok", f"Your {title} message is kept: pick {title} again to get it back.")

    def start_fresh(self, kind: str | None, *, example: bool) -> None:
        """No draft to restore: ``kind`` (or the default type), with its sample when ``example``
        (a first start shows a working message and its preview, not a form full of errors)."""
        chosen = kind if kind in TITLES else DEFAULT_KIND
        self.form.recipient.field.set_number(DEFAULT_RECIPIENT)
        if example:  # the sample is the first message shown; its editor is shown filled
            self.load_example(chosen)
        if self.form.kind() != chosen:  # no sample (or one the editors could not hold)
            self.select_kind(chosen)

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
        built = self.form.build()
        wanted, got = to_payload(msg), to_payload(built)
        if wanted == got:
            self._make_current(built)
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
        """Make ``msg`` current (``loaded``: the editors already hold it)."""
        if not loaded:
            self.form.load(msg)
        self._make_current(self.form.build())

    def _make_current(self, built: Message) -> None:
        """``built`` (what the editors hold) is the current message; the picker shows its type."""
        with QSignalBlocker(self._type_combo):
            self._type_combo.setCurrentIndex(self._type_combo.findData(str(built.content.kind)))
        self.session.set_message(built)

    def import_json_text(self, text: str) -> str | None:
        """Load pasted JSON text; returns an error text (nothing changed) or None."""
        import json

        try:
            data = json.loads(text)
        except ValueError as exc:
            return f"The text is not valid JSON: {exc}. Nothing was changed."
        return self.load_payload(data)

    def load_example(self, kind: str | None = None) -> None:
        """Put the sample message of ``kind`` (default: the current type) in the editors."""
        from composer.samples import sample_payload

        kind = kind or self.form.kind() or DEFAULT_KIND
        to = self.form.recipient.field.number() or DEFAULT_RECIPIENT
        problem = self.load_payload(sample_payload(kind, to))
        if problem is not None:  # a sample the editors cannot hold is a bug worth showing
            self._report("warning", problem)
            self.form.rebuild()  # what the editors hold stays the current message

    def restore_kept(self, kept: dict[str, Any]) -> None:
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
