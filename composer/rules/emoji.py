"""Is this text exactly one emoji? A small extended-grapheme approximation, no dependency.

WhatsApp reactions take one emoji; WAJS's "one Extended_Pictographic code point" wrongly rejects
👍🏽 and ❤️. We accept exactly one emoji grapheme cluster: a pictograph with an optional VS16 or
skin tone and optional tag sequence (🏴 subdivision flags), several of those joined by ZWJ
(👨‍👩‍👧), a keycap (1️⃣) or a pair of regional indicators (a flag, 🇧🇷). The pictograph ranges
approximate Unicode's Extended_Pictographic property closely enough for reactions and for
spotting emoji in labels that must not contain any (the flow CTA).
"""

from __future__ import annotations

import re

__all__ = ["contains_emoji", "is_single_emoji"]

_PICTOGRAPHS = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u2388"
    "\u23cf\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe"
    "\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff\U0001fc00-\U0001fffd"
)
_PIC = f"[{_PICTOGRAPHS}]"
_SKIN = "[\U0001f3fb-\U0001f3ff]"
_RI = "[\U0001f1e6-\U0001f1ff]"
_TAGS = "[\U000e0020-\U000e007e]+\U000e007f"
_ELEMENT = f"(?:{_PIC}|{_SKIN})(?:\ufe0f|{_SKIN})*(?:{_TAGS})?"
_KEYCAP = "[0-9#*]\ufe0f?\u20e3"

_SINGLE = re.compile(f"(?:{_KEYCAP}|{_RI}{_RI}|{_ELEMENT}(?:\u200d{_ELEMENT})*)")
_ANY = re.compile(f"{_PIC}|{_RI}|{_SKIN}|\u20e3|\ufe0f")


def is_single_emoji(text: str) -> bool:
    """True for exactly one emoji grapheme cluster (👍, 👍🏽, ❤️, 1️⃣, 👨‍👩‍👧, 🇧🇷)."""
    return bool(text) and _SINGLE.fullmatch(text) is not None


def contains_emoji(text: str) -> bool:
    return not text.isascii() and _ANY.search(text) is not None
