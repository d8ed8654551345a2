"""Child process for test_draft_crash: types into the real window, or reports what was restored.

``python _typing_child.py type``: opens the composer window (offscreen, WA_COMPOSER_HOME from the
environment), picks reply buttons and types one character into the body every 25 ms through real
key events, printing ``typed N MONOTONIC`` after each; it runs until killed (bounded).
``python _typing_child.py report``: opens the window and prints the restored message as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from ui.app import make_app, make_window

MAX_CHARS = 2000


def text_of(n: int) -> str:
    return "".join(chr(97 + i % 26) for i in range(n))


def main() -> int:
    mode = sys.argv[1]
    app = make_app()
    window = make_window(start_kind="button")
    window.show()
    window.finish_startup()
    if mode == "report":
        msg = window.session.current()
        body = getattr(msg.content, "body", None) if msg is not None else None
        print(json.dumps({"kind": window.form.kind(), "body": body}), flush=True)
        return 0
    body = window.form.editor().parts.body  # type: ignore[attr-defined]
    body.editor.setPlainText("")  # a first start shows the sample; type into an empty body
    count = [0]

    def tick() -> None:
        if count[0] >= MAX_CHARS:
            app.quit()
            return
        ch = text_of(count[0] + 1)[-1]
        QTest.keyClick(body.editor, ch)
        count[0] += 1
        assert body.text() == text_of(count[0])
        print(f"typed {count[0]} {time.monotonic():.6f}", flush=True)

    timer = QTimer()
    timer.setInterval(25)
    timer.timeout.connect(tick)
    timer.start()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
