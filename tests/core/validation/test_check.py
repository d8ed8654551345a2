"""validation.check / validate_payload: the examples, and a failing and a passing case per rule."""

from __future__ import annotations

from typing import Any

import pytest

from composer import limits
from composer.messages import (
    ListMessage,
    ListRow,
    ListSection,
    Message,
    ReplyButton,
    ReplyButtons,
    TextHeader,
)
from composer.validation.check import Issue, Severity, check, has_errors, validate_payload
from tests.core.validation.rule_cases import BUTTON0, INVALID, VALID, E, W, edit, two_sections
from tests.core.validation.rule_cases_actions import CASES as ACTION_CASES
from tests.core.validation.rule_cases_messages import CASES as MESSAGE_CASES

CASES = MESSAGE_CASES + ACTION_CASES


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_examples_have_no_issue(name: str) -> None:
    assert validate_payload(VALID[name]) == []


@pytest.mark.parametrize("entry", INVALID, ids=lambda e: e["name"])
def test_invalid_examples_fail_with_their_rule(entry: dict[str, Any]) -> None:
    issues = validate_payload(entry["payload"])
    assert has_errors(issues)
    assert entry["rule"] in {i.rule for i in issues if i.severity is Severity.ERROR}


def _matching(issues: list[Issue], rule: str, severity: Severity) -> list[Issue]:
    return [i for i in issues if i.rule == rule and i.severity is severity]


@pytest.mark.parametrize(
    ("rule", "severity", "failing", "passing"),
    CASES,
    ids=[f"{c[0]}-{c[1].value}-{n}" for n, c in enumerate(CASES)],
)
def test_rule_fails_and_passes(
    rule: str, severity: Severity, failing: dict[str, Any], passing: dict[str, Any]
) -> None:
    found = _matching(validate_payload(failing), rule, severity)
    assert found, f"{rule} not reported"
    for issue in found:
        assert issue.message.endswith(".") and issue.path
    assert not _matching(validate_payload(passing), rule, severity)


def test_every_section_18_rule_has_a_case() -> None:
    covered = {rule for rule, *_ in CASES} | {e["rule"] for e in INVALID}
    for limit in limits.ALL_LIMITS:
        if limit.rule.startswith(("carousel.", "list.", "product_list.", "button.", "flow.")):
            assert limit.rule in covered, limit.rule
    spec_rules = {
        "envelope.messaging_product",
        "envelope.to",
        "envelope.to_format",
        "envelope.to_plus",
        "envelope.biz_opaque_len",
        "body.required",
        "body.text_len",
        "header.required",
        "header.not_allowed",
        "header.type",
        "header.text_len",
        "footer.not_allowed",
        "footer.text_len",
        "product.fields",
        "catalog.thumbnail",
        "location_request.action_name",
        "address.country",
        "reaction.message_id",
        "reaction.emoji",
        "reaction.context",
    }
    assert spec_rules <= covered
    assert any(rule.endswith(".utf16") for rule in covered)


def test_messages_name_the_field_the_limit_and_the_value() -> None:
    payload = edit("reply_buttons_text_header", (BUTTON0 + ".title", "Keep it for me, please"))
    (issue,) = validate_payload(payload)
    assert issue == Issue(
        "button.title_len",
        "interactive.action.buttons[0].reply.title",
        Severity.ERROR,
        'Button title "Keep it for me, please" is 22 characters; the limit is 20.',
    )
    assert issue.to_dict()["severity"] == "error"


def test_utf16_warning_is_in_plain_words() -> None:
    title = "Confirm " + "👍" * 10  # 18 code points (within 20), 28 UTF-16 units
    payload = edit("reply_buttons_text_header", (BUTTON0 + ".title", title))
    (issue,) = validate_payload(payload)
    assert (issue.rule, issue.severity) == ("button.title_len.utf16", W)
    assert issue.message == (
        "Button title is 18 characters, but 28 if each emoji counts as 2, as some WhatsApp apps "
        "count; that would be over the limit of 20."
    )


def test_all_issues_at_once_with_exact_paths() -> None:
    payload = edit(
        two_sections(2, 2),
        ("interactive.action.sections[1].rows[0].title", "t" * 25),
        ("interactive.action.sections[0].rows[1].description", "d" * 73),
        ("interactive.action.button", "b" * 21),
        ("interactive.footer.text", "f" * 61),
        ("to", "16505550123"),
    )
    got = {(i.rule, i.path, i.severity) for i in validate_payload(payload)}
    assert got == {
        ("list.row_title_len", "interactive.action.sections[1].rows[0].title", E),
        ("list.row_desc_len", "interactive.action.sections[0].rows[1].description", E),
        ("list.button_len", "interactive.action.button", E),
        ("footer.text_len", "interactive.footer.text", E),
        ("envelope.to_plus", "to", W),
    }


@pytest.mark.parametrize(("to", "words"), [("+1", "has 1 digit;"), ("+1234", "has 4 digits;")])
def test_short_recipient_names_its_digit_count(to: str, words: str) -> None:
    (issue,) = validate_payload(edit("text_with_formatting", ("to", to)))
    assert issue.rule == "envelope.to_format" and words in issue.message
    assert "7 to 15" in issue.message


def test_check_on_models_built_directly() -> None:
    rows = tuple(ListRow(id=f"r{i}", title=f"Row {i}", description="d" * 72) for i in range(11))
    msg = Message(
        to="+16505550123",
        content=ListMessage(
            header=TextHeader(text="Pick"),
            body="Choose",
            button="Open",
            sections=(ListSection(title="All", rows=rows),),
        ),
    )
    assert [(i.rule, i.path) for i in check(msg)] == [
        ("list.rows_total", "interactive.action.sections")
    ]
    buttons = ReplyButtons(
        body="Hi",
        buttons=(ReplyButton(id="a", title="WhatsApp"), ReplyButton(id="b", title="Whatsapp")),
    )
    issues = check(Message(to="+16505550123", content=buttons))
    assert [i.rule for i in issues] == ["button.title_unique"]
    assert has_errors(issues) and not has_errors([])


@pytest.mark.parametrize("emoji", ["👍", "👍🏽", "❤️", "1️⃣", "👨‍👩‍👧", "🇧🇷", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏳️‍🌈", "#️⃣", ""])
def test_reaction_accepts_one_emoji_grapheme(emoji: str) -> None:
    assert validate_payload(edit("reaction_add", ("reaction.emoji", emoji))) == []


@pytest.mark.parametrize("emoji", ["ok", "👍👍", "👍 ", "❤︎", "1", "🇧🇷🇧", "a👍", ":)"])
def test_reaction_rejects_anything_else(emoji: str) -> None:
    rules = [i.rule for i in validate_payload(edit("reaction_add", ("reaction.emoji", emoji)))]
    assert rules == ["reaction.emoji"]


def test_huge_values_are_not_quoted_whole() -> None:
    """A 5,000-character title must not turn a one-line issue into a 5,000-character line."""
    huge = "x" * 5000
    payload = edit(
        "reply_buttons_text_header",
        (BUTTON0 + ".title", huge),
        ("interactive.action.buttons[1].reply.title", huge.upper()),
        ("interactive.action.buttons[0].type", huge),
        ("recipient_type", huge),
    )
    issues = validate_payload(payload)
    rules = {i.rule for i in issues}
    assert {"button.title_unique", "button.type", "envelope.recipient_type"} <= rules
    assert all(len(i.message) < 200 for i in issues), [len(i.message) for i in issues]
    rows = two_sections(1, 1)
    for s in (0, 1):
        rows["interactive"]["action"]["sections"][s]["rows"][0]["title"] = huge
    assert all(len(i.message) < 200 for i in validate_payload(rows))
