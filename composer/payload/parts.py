"""Reading the parts several message types share: header, and ``{"text": ...}`` objects."""

from __future__ import annotations

from composer.messages import Header, MediaHeader, TextHeader
from composer.payload.base import Reader, describe, join

__all__ = ["read_header", "read_text_object"]

_MEDIA_KINDS = ("image", "video", "document")


def read_text_object(r: Reader, value: object, path: str, label: str) -> str | None:
    d = r.obj(value, path, f"The {label.lower()} object")
    if d is None:
        return None
    r.known(d, path, ("text",), f"the {label.lower()}")
    return r.text(d, "text", join(path, "text"), f"{label} text")


def read_header(r: Reader, value: object, path: str) -> Header | None:
    d = r.obj(value, path, "The header")
    if d is None:
        return None
    kind = d.get("type")
    tpath = join(path, "type")
    if kind == "text":
        r.known(d, path, ("type", "text"), "a text header")
        return TextHeader(text=r.text(d, "text", join(path, "text"), "Header text"))
    if isinstance(kind, str) and kind in _MEDIA_KINDS:
        r.known(d, path, ("type", kind), f"the {kind} header")
        mpath = join(path, kind)
        if kind not in d:
            r.problem(mpath, f"The {kind} header has no '{kind}' object (with an id or a link).")
            return None
        m = r.obj(d[kind], mpath, f"The header's {kind} object")
        if m is None:
            return None
        r.known(m, mpath, ("id", "link", "filename", "caption"), f"a header {kind}")
        return MediaHeader(
            kind=kind,
            id=r.opt_text(m, "id", join(mpath, "id"), "Media id"),
            link=r.opt_text(m, "link", join(mpath, "link"), "Media link"),
            filename=r.opt_text(m, "filename", join(mpath, "filename"), "File name"),
            caption=r.opt_text(m, "caption", join(mpath, "caption"), "Caption"),
        )
    if kind is None:
        text = "The header has no 'type'; use text, image, video or document."
    else:
        shown = f"'{kind}'" if isinstance(kind, str) else describe(kind)
        text = f"Header type {shown} is not supported; use text, image, video or document."
    r.problem(tpath, text, "header.type")
    return None
