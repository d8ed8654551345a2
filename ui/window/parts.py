"""What the composer window is given: its start options and the panes built after the first paint.

The composition root (``ui/app.py``) makes these and passes them to ``MainWindow``; the window
never imports the panes' modules itself, so a test can build it with real parts it has set up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ui.panels.history import HistoryPanel
    from ui.panels.issues_panel import IssuesPanel
    from ui.panels.json_view import JsonView
    from ui.panels.webhook_indicator import WebhookIndicator
    from ui.panels.webhook_receiver import WebhookReceiverControl
    from ui.panels.window_countdown import WindowCountdown
    from ui.preview import PhoneView
    from ui.window.composer_form import ComposerForm


class StartOptions(NamedTuple):
    """How the window starts.

    ``start_kind`` preselects an editor; ``example_on_first_start`` shows the type's sample when
    there is no draft; ``autosave`` is the throttled save while editing (tests that do not test
    it turn it off: closing the window still saves the current draft).
    """

    start_kind: str | None = None
    example_on_first_start: bool = True
    autosave: bool = True


class EditorParts(NamedTuple):
    """What the editor needs to be usable: built right after the first paint (the models, the
    current kind's editor and preview layout). ``ready`` fires once these show a message.

    NamedTuples, not dataclasses: this module is imported before the first paint, where
    ``dataclasses`` costs about 4 ms.
    """

    form: ComposerForm
    preview: PhoneView
    issues_panel: IssuesPanel
    json_view: JsonView


class LaterParts(NamedTuple):
    """What the first usable screen does without: built in the next turn of the event loop,
    after ``ready`` (SQLite, the sandbox's demo windows, the webhook receiver's HTTP server)."""

    history: HistoryPanel
    countdown: WindowCountdown
    webhooks: WebhookReceiverControl  # started, in sandbox-only mode or as last set in Settings
    indicator: WebhookIndicator


class PartsFactory(NamedTuple):
    """Builds the two sets of parts; ``later`` is given the window's "current profile name"
    (the indicator's Start uses it)."""

    editor: Callable[[], EditorParts]
    later: Callable[[Callable[[], str]], LaterParts]
