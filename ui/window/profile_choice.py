"""The sending-profile picker's side of the window: the list, the badge, the demo contacts and
the POST URL shown in "Copy as cURL".

Kept apart from the window so that it stays about layout and wiring; the window asks it what to
show and tells it what the user picked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker

from ui.window.top_bar import SANDBOX

if TYPE_CHECKING:
    from ui.services import Services
    from ui.window.message_loader import Report
    from ui.window.top_bar import TopBar


class ProfileChoice:
    """The profile in ``top``'s picker, read from ``services``; ``report`` shows a read failure."""

    def __init__(self, top: TopBar, services: Services, report: Report) -> None:
        self._top = top
        self._combo = top.profile_combo
        self._services = services
        self._report = report
        self.url = ""  # kept, not re-read on every keystroke

    def name(self) -> str:
        return self._top.profile_name()

    def reload(self) -> None:
        """Re-read the profiles file into the picker, keeping the current choice if it is there."""
        current = self.name()
        with QSignalBlocker(self._combo):
            while self._combo.count() > 1:
                self._combo.removeItem(1)
            try:
                profiles = self._services.profiles().list()
            except Exception as exc:  # an unreadable profiles file must not stop the window
                self._report("warning", f"Profiles could not be read: {exc}")
                profiles = []
            for p in profiles:
                self._combo.addItem(p.name, p.name)
            index = self._combo.findData(current)
            self._combo.setCurrentIndex(max(index, 0))
        self._top.show_profile_badge(self.name())
        self.update_url()

    def select(self, name: str) -> bool:
        """Pick ``name`` without the picker's signal (a restored draft's profile); False if gone."""
        index = self._combo.findData(name)
        if index < 0:
            return False
        with QSignalBlocker(self._combo):
            self._combo.setCurrentIndex(index)
        self._top.show_profile_badge(name)
        self.update_url()
        return True

    def contacts(self) -> list[tuple[str, str]]:
        """(number, label) offered in the recipient field: the sandbox's demo contacts."""
        if self.name() != SANDBOX:
            return []
        from composer.demo_contacts import DEMO_CONTACTS

        by_number = [(c.number, f"{c.name} · {c.number} · {c.situation}") for c in DEMO_CONTACTS]
        ana = DEMO_CONTACTS[0]  # one contact addressed by business-scoped user id, as a username
        by_user_id = (ana.user_id, f"{ana.name} · {ana.user_id} · by user id (BSUID), no number")
        return [*by_number, by_user_id]

    def update_url(self) -> None:
        """The POST URL shown in "Copy as cURL" (built by the core, as the client builds it)."""
        from composer.graph.urls import messages_url

        # The sandbox lives in this process: give a URL that works with a real account instead.
        self.url = messages_url(None)
        if self.name() != SANDBOX:
            try:
                p = self._services.profile(self.name())
            except (KeyError, ValueError, OSError):  # removed or unreadable: keep the placeholder
                return
            self.url = messages_url(p)
