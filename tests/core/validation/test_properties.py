"""Property tests: random edits of valid messages only ever produce issues, never exceptions;
whatever parses serialises and re-parses to an equal model."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.messages import ListMessage, ListRow, ListSection, Message, ReplyButton, ReplyButtons
from composer.payload import PayloadError, from_payload, to_payload
from composer.validation.check import Issue, check, has_errors, validate_payload
from tests.core.validation.rule_cases import VALID

Path = tuple[str | int, ...]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("👍🏽❤️\n "),
    max_size=40,
)


def _paths(node: Any, prefix: Path = ()) -> list[Path]:
    out: list[Path] = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_paths(value, (*prefix, i)))
    return out


def _apply(doc: Any, path: Path, op: str, value: Any) -> Any:
    if not path:
        return value if op == "set" else doc
    parent = doc
    for token in path[:-1]:
        parent = parent[token]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "set":
        parent[last] = value
    elif op == "add" and isinstance(parent[last], dict):
        parent[last]["extra_" + str(value)[:5]] = value
    elif op == "add" and isinstance(parent[last], list):
        parent[last].append(value)
    return doc


@st.composite
def edited_payloads(draw: st.DrawFn, leaf_values: st.SearchStrategy[Any] = json_values) -> Any:
    doc = copy.deepcopy(VALID[draw(st.sampled_from(sorted(VALID)))])
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["set", "set", "delete", "add"]))
        doc = _apply(doc, path, op, draw(leaf_values))
        if not isinstance(doc, dict):
            break
    return doc


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_payloads())
def test_random_edits_only_produce_issues(doc: Any) -> None:
    issues = validate_payload(doc)
    assert isinstance(issues, list)
    for issue in issues:
        assert isinstance(issue, Issue) and issue.message and issue.rule and issue.path


@settings(max_examples=300, deadline=None)
@given(edited_payloads(texts))
def test_whatever_parses_round_trips(doc: Any) -> None:
    try:
        msg = from_payload(doc)
    except PayloadError as exc:
        assert exc.issues
        return
    check(msg)  # must not raise, accepted or not
    again = from_payload(to_payload(msg))
    assert again == msg
    assert to_payload(again) == to_payload(msg)


rows = st.builds(ListRow, id=texts, title=texts, description=st.none() | texts)
sections = st.builds(
    ListSection, title=st.none() | texts, rows=st.lists(rows, max_size=4).map(tuple)
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.builds(
            ListMessage,
            body=st.none() | texts,
            footer=st.none() | texts,
            button=texts,
            sections=st.lists(sections, max_size=3).map(tuple),
        ),
        st.builds(
            ReplyButtons,
            body=st.none() | texts,
            buttons=st.lists(st.builds(ReplyButton, id=texts, title=texts), max_size=4).map(tuple),
        ),
    ),
    st.sampled_from(["+16505550123", "16505550123", "", "+1 (650) 555-0123"]),
)
def test_accepted_models_serialise_and_reparse_equal(content: Any, to: str) -> None:
    msg = Message(to=to, content=content)
    issues = check(msg)
    if not has_errors(issues):
        assert from_payload(to_payload(msg)) == msg
