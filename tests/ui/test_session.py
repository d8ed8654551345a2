"""Session: one writer, equal messages are no-ops, issues computed once per change."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from composer.messages import Message, ReplyButton, ReplyButtons
from composer.validation.check import check
from ui.session import Session


def _msg(title: str) -> Message:
    return Message(
        to="+15550100001",
        content=ReplyButtons(body="Hi", buttons=(ReplyButton(id="a", title=title),)),
    )


def test_equal_message_emits_nothing(qtbot: QtBot) -> None:
    session = Session()
    seen: list[tuple[object, object]] = []
    session.changed.connect(lambda m, i: seen.append((m, i)))
    assert session.set_message(_msg("Yes"))
    assert not session.set_message(_msg("Yes"))  # a new but equal object
    assert len(seen) == 1
    assert session.set_message(_msg("No"))
    assert len(seen) == 2
    msg, issues = seen[-1]
    assert msg is session.current()
    assert issues == check(_msg("No")) == session.issues()


def test_issues_are_reported_with_the_change(qtbot: QtBot) -> None:
    session = Session()
    session.set_message(_msg("x" * 21))
    assert [i.rule for i in session.issues()] == ["button.title_len"]
    session.set_message(None)
    assert session.current() is None and session.issues() == []
