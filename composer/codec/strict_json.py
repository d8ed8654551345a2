"""The one JSON reading rule that ``validate``, ``send``, the sandbox and the receiver share.

Why one rule: when validate said "valid" but send then refused the body (a lone surrogate, a
1e400, a UTF-16 file), exit 0 was a lie and the sandbox disagreed with both. Every reader of
outside JSON now calls ``loads_strict``, so all of them accept and refuse the same documents:

* bytes must be UTF-8 (a leading BOM is tolerated); UTF-16/32 and encoded surrogates are refused;
* no ``NaN``/``Infinity``, no number that overflows a float (``1e400``) or has thousands of digits;
* no lone surrogate escape (``"\\ud800"``) in any string or key;
* at most ``MAX_DEPTH`` nested arrays/objects, and at most about ``MAX_VALUES`` values in all,
  counted on the raw text before parsing: 8,000,000 buttons took 6.6 GB and 40 s to read.
"""

from __future__ import annotations

import json
import math
import re
from typing import Final

__all__ = ["MAX_DEPTH", "MAX_VALUES", "JsonRefused", "loads_strict"]

MAX_DEPTH: Final = 64
"""Deepest nesting accepted; a real message body nests about 8 levels, flow data a few more."""


MAX_VALUES: Final = 100_000
"""A message body holds at most a few thousand values (10 carousel cards, 10 sections of rows,
flow data); a hundred thousand separators means it is not a message, and parsing it would cost
gigabytes."""


class JsonRefused(ValueError):
    """The document is not JSON this app accepts; ``reason`` is a sentence for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _no_constant(name: str) -> object:
    raise JsonRefused(f"{name} is not allowed in JSON")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise JsonRefused(f"the number {text[:20]} is too large")
    return value


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _check_tree(doc: object) -> None:
    """Depth and lone surrogates, without recursion (a deep document must not blow the stack)."""
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            if _has_surrogate(node):
                raise JsonRefused("a string holds a lone surrogate (broken UTF-16 escape)")
        elif isinstance(node, dict | list):
            if depth > MAX_DEPTH:
                raise JsonRefused(f"nested too deeply (more than {MAX_DEPTH} levels)")
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, value in items:
                if isinstance(key, str) and _has_surrogate(key):
                    raise JsonRefused("a key holds a lone surrogate (broken UTF-16 escape)")
                stack.append((value, depth + 1))


def loads_strict(data: bytes | str) -> object:
    """Parse one document by the shared rule; raise ``JsonRefused`` (only) when it breaks it."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise JsonRefused(f"not UTF-8 text (byte {exc.start})") from None
    else:
        text = data
    # An upper bound on the values (commas, opening brackets), cheap on the raw text; a comma
    # inside a string counts too, which only makes the bound stricter than needed.
    separators = text.count(",") + text.count("[") + text.count("{")
    if separators > MAX_VALUES:
        raise JsonRefused(f"it holds over {MAX_VALUES:,} values; no message is that large")
    try:
        doc = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except JsonRefused:
        raise
    except RecursionError:
        raise JsonRefused(f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    except json.JSONDecodeError as exc:
        raise JsonRefused(f"{exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except ValueError:  # Python's int limit (sys.set_int_max_str_digits)
        raise JsonRefused("a number has thousands of digits") from None
    _check_tree(doc)
    return doc
