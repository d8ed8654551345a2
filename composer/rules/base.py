"""The collector every rule writes to, with the two checks most rules are made of.

Warning scheme (the same everywhere):

* a value over a limit's documented softer alternative (``Limit.warn_above``, e.g. list body
  over 1024, flow CTA over 20, carousel quick-reply id over 20) is reported with the limit's
  own rule id and severity ``warning``;
* a text whose code-point length is within the limit but whose UTF-16 length is over it gets
  the rule id ``<rule>.utf16`` (e.g. ``button.title_len.utf16``), severity ``warning``;
* other documented conflicts (a single list section without a title, duplicate row titles,
  ``to`` without ``+``, no catalog thumbnail) are warnings with their own rule ids.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from composer.limits import Limit, utf16_length
from composer.rules.issue import Issue, Severity

__all__ = ["Out", "is_web_url"]

_SHOWN_MAX = 30


def _shown(text: str) -> str:
    """The value itself when it is short enough to quote in a sentence."""
    if 0 < len(text) <= _SHOWN_MAX and text.isprintable():
        return f' "{text}"'
    return ""


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no spaces."""
    if not url or any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


class Out:
    """Accumulates issues; ``length`` and ``count`` turn a ``Limit`` into plain sentences."""

    __slots__ = ("issues",)

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def error(self, rule: str, path: str, message: str) -> None:
        self.issues.append(Issue(rule, path, Severity.ERROR, message))

    def warn(self, rule: str, path: str, message: str) -> None:
        self.issues.append(Issue(rule, path, Severity.WARNING, message))

    def length(self, text: str, limit: Limit, path: str, label: str | None = None) -> None:
        """Code points against the limit (error); softer limit and UTF-16 length (warnings)."""
        n = len(text)
        name = label or limit.label
        if n > limit.maximum:
            self.error(
                limit.rule,
                path,
                f"{name}{_shown(text)} is {n} characters; the limit is {limit.maximum}.",
            )
            return
        if n < limit.minimum:
            if n == 0:
                message = f"{name} is empty; it needs 1 to {limit.maximum} characters."
            else:
                message = f"{name} is {n} characters; it needs at least {limit.minimum}."
            self.error(limit.rule, path, message)
            return
        soft = limit.maximum if limit.warn_above is None else limit.warn_above
        if n > soft:
            self.warn(
                limit.rule,
                path,
                f"{name} is {n} characters; the limit is {limit.maximum}, but part of "
                f"WhatsApp's documentation says {soft}, so it may be rejected.",
            )
            return
        if not text.isascii():
            units = utf16_length(text)
            if units > soft:
                self.warn(
                    limit.rule + ".utf16",
                    path,
                    f"{name} is {n} characters, but {units} if each emoji counts as 2, as some "
                    f"WhatsApp apps count; that would be over the limit of {soft}.",
                )

    def count(self, n: int, limit: Limit, path: str, subject: str) -> None:
        """A number of items (buttons, rows, cards...) against the limit's range."""
        unit = limit.unit[:-1] if n == 1 and limit.unit.endswith("s") else limit.unit
        if n > limit.maximum:
            self.error(limit.rule, path, f"{subject} has {n} {unit}; the limit is {limit.maximum}.")
        elif n < limit.minimum:
            self.error(
                limit.rule, path, f"{subject} has {n} {unit}; it needs at least {limit.minimum}."
            )
        elif limit.warn_above is not None and n > limit.warn_above:
            self.warn(
                limit.rule,
                path,
                f"{subject} has {n} {unit}; part of WhatsApp's documentation allows only "
                f"{limit.warn_above}.",
            )
