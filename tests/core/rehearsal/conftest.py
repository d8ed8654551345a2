"""A rehearsal served on a free port and started against a scripted bot, closed after."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from composer.rehearsal import Rehearsal, RetryPolicy
from tests.core.rehearsal.bots import SECRET, TOKEN, Reply, ScriptedBot
from tests.core.rehearsal.menu import CUSTOMER, menu_bot


@pytest.fixture
def play() -> Iterator[Callable[..., tuple[Rehearsal, ScriptedBot]]]:
    opened: list[tuple[Rehearsal, ScriptedBot]] = []

    def start(reply: Reply = menu_bot, **options: Any) -> tuple[Rehearsal, ScriptedBot]:
        bot = ScriptedBot(reply=reply)
        retry = RetryPolicy(first_delay=0.05, timeout=2)
        rehearsal = Rehearsal(CUSTOMER, "Ana", port=0, retry=retry, **options)
        opened.append((rehearsal, bot))
        bot.graph_url = rehearsal.listen()
        rehearsal.start(bot.url, SECRET, TOKEN)
        return rehearsal, bot

    yield start
    for rehearsal, bot in opened:
        rehearsal.close()
        bot.close()
