"""Header, body and footer rules: which parts each interactive type takes, and their lengths."""

from __future__ import annotations

import msgspec

from composer import limits
from composer.messages import Header, Interactive, MediaHeader, TextHeader
from composer.rules.base import Out, is_web_url

__all__ = ["ALL_HEADERS", "NO_HEADER", "TEXT_HEADER", "PartsPolicy", "check_media", "check_parts"]

# A media header "link" with this scheme is a local file the app uploads on send.
LOCAL_FILE_SCHEME = "file://"
_HEADER_ORDER = ("text", *limits.HEADER_MEDIA_KINDS)
ALL_HEADERS = frozenset(_HEADER_ORDER)
TEXT_HEADER = frozenset({"text"})
NO_HEADER: frozenset[str] = frozenset()


class PartsPolicy(msgspec.Struct, frozen=True):
    """Spec section 2's table for one interactive kind (each kind's row in ``composer.kinds``
    holds one); the editors build their header/body/footer block from it."""

    noun: str
    headers: frozenset[str]
    header_required: bool = False
    body_required: bool = True
    footer: bool = True
    body: limits.Limit = limits.BODY_TEXT

    def header_choices(self) -> tuple[str, ...]:
        """What a header picker offers, default first: ``"none"`` first unless a header is
        required (then last, so that removing it shows the rule); empty without headers."""
        if not self.headers:
            return ()
        kinds = tuple(k for k in _HEADER_ORDER if k in self.headers)
        return (*kinds, "none") if self.header_required else ("none", *kinds)


_HEADER = "interactive.header"
_BODY = "interactive.body"
_FOOTER = "interactive.footer"


def _article(word: str) -> str:
    return f"An {word}" if word[:1] in "aeiou" else f"A {word}"


def _header_kind(header: Header) -> str:
    return header.kind if isinstance(header, MediaHeader) else "text"


def check_parts(content: Interactive, policy: PartsPolicy, out: Out) -> None:
    header = content.header
    if header is None:
        if policy.header_required:
            out.error("header.required", _HEADER, f"A text header is required for {policy.noun}.")
    elif not policy.headers:
        out.error(
            "header.not_allowed", _HEADER, f"{policy.noun.capitalize()} cannot have a header."
        )
    elif _header_kind(header) not in policy.headers:
        allowed = " or ".join(sorted(policy.headers))
        out.error(
            "header.type",
            _HEADER + ".type",
            f"{_article(_header_kind(header))} header is not allowed on {policy.noun}; "
            f"use {allowed}.",
        )
    else:
        check_header(header, _HEADER, out)

    if content.body is None:
        if policy.body_required:
            out.error("body.required", _BODY, f"Body text is required for {policy.noun}.")
    else:
        out.length(content.body, policy.body, _BODY + ".text")

    if content.footer is not None:
        if not policy.footer:
            out.error(
                "footer.not_allowed", _FOOTER, f"{policy.noun.capitalize()} cannot have a footer."
            )
        else:
            out.length(content.footer, limits.FOOTER_TEXT, _FOOTER + ".text")


def check_header(header: Header, path: str, out: Out) -> None:
    if isinstance(header, TextHeader):
        out.length(header.text, limits.HEADER_TEXT, path + ".text")
    else:
        check_media(header, path, out)


def check_media(header: MediaHeader, path: str, out: Out) -> None:
    """Exactly one of id / link, an http(s) link, no caption."""
    mpath = f"{path}.{header.kind}"
    has_id = bool(header.id)
    if has_id == (header.link is not None):
        both = "both an id and a link" if has_id else "neither an id nor a link"
        out.error(
            "header.media.id_xor_link",
            mpath,
            f"The {header.kind} header has {both}; give exactly one (an uploaded media id "
            "is recommended).",
        )
    if header.link is not None and header.link.startswith(LOCAL_FILE_SCHEME):
        # The composer window's "local file" source: uploaded on send, then sent by media id.
        out.warn(
            "header.media.local_file",
            mpath + ".link",
            f"The {header.kind} is a local file; it is uploaded when you send and the message "
            "then carries its media id (this JSON is not sendable as it is).",
        )
    elif header.link is not None and not is_web_url(header.link):
        out.error(
            "header.media.link",
            mpath + ".link",
            f"The {header.kind} link is not a web address starting with https:// or http://.",
        )
    if header.caption is not None:
        out.error(
            "header.media.caption",
            mpath + ".caption",
            "A header image, video or document cannot have a caption; put the text in the body.",
        )
