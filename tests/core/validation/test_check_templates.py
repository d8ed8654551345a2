"""check() with the account's template library: a template send is also checked against its
definition (what Meta's 132000/132001/132012/132015 would say), not only for its structure."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec

from composer.messages import Message, TemplateComponent, TemplateMessage, TemplateParameter
from composer.sandbox.demo_templates import demo_template_records
from composer.templates import TemplateLibrary
from composer.validation.check import check

LIBRARY = TemplateLibrary.from_graph(demo_template_records(), datetime(2026, 3, 1, tzinfo=UTC))


def _reminder(*values: str, name: str = "appointment_reminder") -> Message:
    params = tuple(TemplateParameter(type="text", value=v) for v in values)
    body = TemplateComponent(type="body", parameters=params)
    content = TemplateMessage(name=name, language_code="en_US", components=(body,))
    return Message(to="+15550100003", content=content)


def test_without_the_library_only_the_structure_is_checked() -> None:
    assert check(_reminder("Ana")) == []  # one parameter where two are needed: not known here


def test_with_the_library_counts_and_status_are_checked() -> None:
    assert check(_reminder("Ana", "Tuesday"), LIBRARY) == []
    (issue,) = check(_reminder("Ana"), LIBRARY)
    assert (issue.rule, issue.path) == ("template.param_count", "template.components[0].parameters")
    assert "2 parameters" in issue.message
    (paused,) = check(_reminder("20", name="spring_sale"), LIBRARY)
    assert paused.rule == "template.paused" and "paused" in paused.message
    (unknown,) = check(_reminder("a", "b", name="no_such_template"), LIBRARY)
    assert unknown.rule == "template.unknown"


def test_the_library_does_not_change_other_kinds() -> None:
    from composer.samples import sample_message

    msg = sample_message("button")
    assert check(msg, LIBRARY) == check(msg)


def test_an_authentication_template_cannot_go_to_a_user_id() -> None:
    """Only the library knows the category: without it the send looks fine."""
    code = (TemplateParameter(type="text", value="482913"),)
    content = TemplateMessage(
        name="login_code",
        language_code="en_US",
        components=(
            TemplateComponent(type="body", parameters=code),
            TemplateComponent(type="button", sub_type="url", index=0, parameters=code),
        ),
    )
    assert check(Message(to="+15550100001", content=content), LIBRARY) == []
    to_user_id = Message(to="US.13491208655302741918", content=content)
    assert check(to_user_id) == []
    (issue,) = check(to_user_id, LIBRARY)
    assert (issue.rule, issue.path) == ("envelope.recipient_authentication", "recipient")
    assert "phone number" in issue.message
    reminder = msgspec.structs.replace(_reminder("Ana", "Tuesday"), to="US.13491208655302741918")
    assert check(reminder, LIBRARY) == []  # a utility template may go to a user id
