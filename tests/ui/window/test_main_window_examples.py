"""A brand-new user sees a working sample; "Load example" asks before replacing their own work."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from composer.samples import sample_payload
from tests.ui.conftest import open_window
from ui.services import Services
from ui.window.main_window import MainWindow


def _changes(window: MainWindow) -> list[object]:
    seen: list[object] = []
    window.session.changed.connect(lambda msg, _issues: seen.append(msg))
    return seen


def test_first_start_without_a_draft_shows_the_valid_sample(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services, example=True)
    msg = window.session.current()
    assert msg is not None
    assert to_payload(msg) == sample_payload("button", msg.to)
    assert window.session.issues() == []
    assert window.send_bar.can_send()
    assert window.issues_panel.count() == 0


def test_first_start_with_a_start_type_shows_that_types_sample(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services, "list", example=True)
    msg = window.session.current()
    assert msg is not None and str(msg.content.kind) == "list"
    assert window.type_combo.currentData() == "list"
    assert window.session.issues() == []


def test_a_restored_draft_wins_over_the_sample(qtbot: QtBot, services: Services) -> None:
    first = open_window(qtbot, services, "cta_url", example=True)
    first.form.editor().parts.body.editor.setPlainText("Our own words")  # type: ignore[attr-defined]
    first.save_current_draft()
    again = open_window(qtbot, services, example=True)
    msg = again.session.current()
    assert msg is not None and str(msg.content.kind) == "cta_url"
    assert msg.content.body == "Our own words"  # type: ignore[union-attr]


def test_load_example_on_an_empty_form_asks_nothing_and_emits_one_change(
    qtbot: QtBot, services: Services
) -> None:
    questions: list[str] = []
    services.confirm = lambda q: questions.append(q) is not None
    window = open_window(qtbot, services, "product_list")
    assert window.session.issues()  # the empty form has errors
    seen = _changes(window)
    edits: list[object] = []
    window.form.edited.connect(edits.append)
    window.example_button.click()
    assert questions == []
    assert len(seen) == 1
    assert edits == []  # loaded with signals blocked: no edit, one session change
    assert window.session.issues() == []


def test_load_example_asks_before_replacing_the_users_message(
    qtbot: QtBot, services: Services
) -> None:
    answers = [False, True]
    questions: list[str] = []

    def confirm(question: str) -> bool:
        questions.append(question)
        return answers.pop(0)

    services.confirm = confirm
    window = open_window(qtbot, services, "reaction")
    qtbot.keyClicks(window.form.editor().message_id.editor, "wamid.MINE")  # type: ignore[attr-defined]
    mine = window.session.current()
    window.example_button.click()  # answered No: nothing changes
    assert len(questions) == 1 and "Reaction example" in questions[0]
    assert window.session.current() == mine
    window.example_button.click()  # answered Yes
    msg = window.session.current()
    assert msg is not None
    assert to_payload(msg) == sample_payload("reaction", msg.to)


def test_opening_a_library_draft_asks_before_replacing_unsaved_work(
    qtbot: QtBot, services: Services
) -> None:
    answers = [False, True]
    services.confirm = lambda _q: answers.pop(0)
    window = open_window(qtbot, services, "button", example=True)
    window.draft_keeper.save_as("reminder")  # saved: opening another draft needs no question
    window.messages.load_example("list")
    window.draft_keeper.save_as("shipping")
    assert window.draft_keeper.open("reminder") is None
    assert answers == [False, True]
    body = window.form.editor().parts.body  # type: ignore[attr-defined]
    qtbot.keyClicks(body.editor, " Thanks!")
    edited = window.session.current()
    assert window.draft_keeper.open("shipping") is None  # No: the edited message stays
    assert window.session.current() == edited
    assert window.draft_keeper.open("shipping") is None  # Yes
    msg = window.session.current()
    assert msg is not None and str(msg.content.kind) == "list"
    assert answers == []


def test_switching_type_keeps_the_message_and_says_so(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services, "button")
    title = window.form.editor().buttons.items()[0].title  # type: ignore[attr-defined]
    qtbot.keyClicks(title.editor, "Keep it")
    window.type_combo.setCurrentIndex(window.type_combo.findData("list"))
    result = window.send_bar.result()
    assert result is not None and "Reply buttons message is kept" in result[1]
    window.type_combo.setCurrentIndex(window.type_combo.findData("button"))
    msg = window.session.current()
    assert msg is not None
    assert msg.content.buttons[0].title == "Keep it"  # type: ignore[union-attr]


def test_a_message_set_aside_by_switching_type_survives_a_restart(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services, "button")
    title = window.form.editor().buttons.items()[0].title  # type: ignore[attr-defined]
    qtbot.keyClicks(title.editor, "Keep it")
    window.type_combo.setCurrentIndex(window.type_combo.findData("cta_url"))
    qtbot.keyClicks(window.form.editor().display_text.editor, "See dates")  # type: ignore[attr-defined]
    window.save_current_draft()
    window.close()
    again = open_window(qtbot, services)
    msg = again.session.current()
    assert msg is not None and str(msg.content.kind) == "cta_url"
    assert msg.content.display_text == "See dates"  # type: ignore[union-attr]
    again.type_combo.setCurrentIndex(again.type_combo.findData("button"))
    kept = again.session.current()
    assert kept is not None
    assert kept.content.buttons[0].title == "Keep it"  # type: ignore[union-attr]
