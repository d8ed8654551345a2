"""Playing scripts against a scripted bot: expectations hold, fail on a mismatch, a refusal or
silence, with what the bot sent and what it was answering; and the CLI's words for a failure."""

from __future__ import annotations

from typing import Any

from composer.cli.rehearse_report import failure_json, format_failure
from composer.rehearsal.runner import run_script
from composer.rehearsal.script import parse_script
from tests.core.rehearsal.menu import CUSTOMER

HI = {"says": "hi"}
BUTTONS = {"expect": {"type": "interactive", "interactive.type": "button"}, "within_s": 3}


def _run(play: Any, *steps: dict[str, Any], **options: Any) -> Any:
    """(failure, the numbers of the steps that went well, the bot); typed loosely on purpose:
    the tests read the failure's fields directly."""
    rehearsal, bot = play(**options)
    script = parse_script({"customer": CUSTOMER, "steps": list(steps)})
    done: list[int] = []
    failure = run_script(script, rehearsal, on_step=lambda n, step, s: done.append(n))
    return failure, done, bot


def test_every_expectation_holds(play: Any) -> None:
    failure, done, _bot = _run(
        play, HI, BUTTONS, {"taps": "menu"},
        {"expect": {"interactive.action.sections.0.rows.0.id": "tea"}},
        {"taps": "tea"}, {"expect": {"text.body": "got interactive"}},
        {"shares_location": {"latitude": 1, "longitude": 2}},
        {"expect": {"text.body": "got location"}})  # fmt: skip
    assert failure is None and done == [1, 2, 3, 4, 5, 6, 7, 8]


def test_a_reply_the_script_does_not_expect_is_passed_over(play: Any) -> None:
    failure, _done, _bot = _run(play, HI, {"taps": "menu"},
                                {"expect": {"interactive.type": "list"}})  # fmt: skip
    assert failure is None


def test_a_mismatch_says_the_step_the_difference_and_the_webhook_answered(play: Any) -> None:
    expect = {"expect": {"interactive.type": "list", "interactive.body.text": "Pick"}}
    failure, done, _bot = _run(play, HI, expect)
    assert done == [1] and failure.step == 2 and failure.problem == "mismatch"
    (wrong,) = failure.mismatches
    assert (wrong.path, wrong.expected, wrong.actual) == ("interactive.type", "list", "button")
    assert failure.got.payload["interactive"]["type"] == "button"
    assert failure.answering.kind == "text" and failure.deliveries[0].status == 200
    report = format_failure(failure)
    assert report.startswith("Step 2 (expect")
    assert 'interactive.type: expected "list", got "button"' in report
    assert '"body": "hi"' in report and "It was answering this webhook (text" in report
    assert "attempt 1/3: HTTP 200" in report
    assert failure_json(failure)["mismatches"][0]["actual"] == "button"


def test_a_refused_message_fails_with_the_rule_it_broke(play: Any) -> None:
    failure, _done, _bot = _run(play, {"says": "too long"}, {"expect": {"type": "interactive"}})
    assert failure.problem == "refused" and failure.mismatches == ()
    report = format_failure(failure)
    assert "rule button.title_len, error 131009" in report and "Max length: 20" in report


def test_silence_is_a_timeout_with_the_deliveries_that_failed(play: Any) -> None:
    failure, _done, bot = _run(play, {"says": "hi"}, {**BUTTONS, "within_s": 0.5},
                               reply=lambda message: [])  # fmt: skip
    assert failure.problem == "timeout" and failure.got is None
    assert "no message within 0.5 s" in format_failure(failure)
    assert failure.answering is not None and bot.messages()[0]["text"]["body"] == "hi"


def test_a_tap_nobody_offered_fails_the_step(play: Any) -> None:
    rehearsal, _bot = play()
    script = parse_script({"customer": CUSTOMER, "steps": [{"says": "hello"}, {"taps": "menu"}]})
    failure = run_script(script, rehearsal, tap_wait_s=0.3)
    assert failure is not None and failure.step == 2 and failure.problem == "tap"
    assert 'no button or list row with id "menu"' in format_failure(failure)
