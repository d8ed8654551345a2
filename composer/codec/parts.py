"""Reading and writing the parts several kinds share: header, ``{"text": ...}`` objects and the
``{"name", "parameters"}`` action most single-action kinds use."""

from __future__ import annotations

from typing import Any

from composer.codec.base import Reader, describe, join
from composer.messages import Header, MediaHeader, TextHeader, is_media_kind

__all__ = [
    "header_payload",
    "named_action",
    "read_action_name",
    "read_header",
    "read_parameters",
    "read_text_object",
]


JsonObject = dict[Any, Any]


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
    if is_media_kind(kind):
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


def read_action_name(r: Reader, a: JsonObject, path: str) -> dict[str, Any]:
    """An action that is only ``{"name": ...}`` (location request, call permission)."""
    r.known(a, path, ("name",), "this action")
    return {"action_name": r.text(a, "name", join(path, "name"), "Action name")}


def read_parameters(
    r: Reader, a: JsonObject, path: str, keys: tuple[str, ...]
) -> JsonObject | None:
    """The ``parameters`` object of a ``{"name", "parameters"}`` action; None when absent."""
    r.known(a, path, ("name", "parameters"), "this action")
    if "parameters" not in a:
        return None
    ppath = join(path, "parameters")
    p = r.obj(a["parameters"], ppath, "The parameters")
    if p is not None:
        r.known(p, ppath, keys, "the parameters")
    return p


def header_payload(header: Header) -> dict[str, Any]:
    if isinstance(header, MediaHeader):
        media: dict[str, Any] = {}
        for key in ("id", "link", "filename", "caption"):
            value = getattr(header, key)
            if value is not None:
                media[key] = value
        return {"type": header.kind, header.kind: media}
    return {"type": "text", "text": header.text}


def named_action(name: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    action: dict[str, Any] = {"name": name}
    if parameters is not None:
        action["parameters"] = parameters
    return action
