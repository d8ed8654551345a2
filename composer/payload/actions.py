"""Reading the ``interactive.action`` object of each message type into model fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from composer import limits
from composer.messages import (
    FlowActionPayload,
    ListRow,
    ListSection,
    ProductSection,
    ReplyButton,
)
from composer.payload.base import Reader, describe, index, join, json_copy
from composer.payload.carousel import read_carousel

__all__ = ["ACTION_READERS"]

Fields = dict[str, Any]
JsonObject = dict[Any, Any]


def _buttons(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("buttons",), "a reply-button action")
    buttons = []
    for b, ipath in r.objects(a, "buttons", path, "button", ("type", "reply")):
        btype = r.text(b, "type", join(ipath, "type"), "Button type")
        rpath = join(ipath, "reply")
        reply = r.obj(b.get("reply", {}), rpath, "The button's reply object")
        if reply is None:
            continue
        r.known(reply, rpath, ("id", "title"), "a button reply")
        buttons.append(
            ReplyButton(
                id=r.text(reply, "id", join(rpath, "id"), "Button id"),
                title=r.text(reply, "title", join(rpath, "title"), "Button title"),
                type=btype,
            )
        )
    return {"buttons": tuple(buttons)}


def _list(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("button", "sections"), "a list action")
    sections = []
    for s, ipath in r.objects(a, "sections", path, "section", ("title", "rows")):
        rows = tuple(
            ListRow(
                id=r.text(row, "id", join(jpath, "id"), "Row id"),
                title=r.text(row, "title", join(jpath, "title"), "Row title"),
                description=r.opt_text(
                    row, "description", join(jpath, "description"), "Row description"
                ),
            )
            for row, jpath in r.objects(s, "rows", ipath, "row", ("id", "title", "description"))
        )
        title = r.opt_text(s, "title", join(ipath, "title"), "Section title")
        sections.append(ListSection(title=title, rows=rows))
    button = r.text(a, "button", join(path, "button"), "List button label")
    return {"button": button, "sections": tuple(sections)}


def _product(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("catalog_id", "product_retailer_id"), "a product action")
    return {
        "catalog_id": r.text(a, "catalog_id", join(path, "catalog_id"), "Catalog id"),
        "product_retailer_id": r.text(
            a, "product_retailer_id", join(path, "product_retailer_id"), "Product id"
        ),
    }


def _product_list(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("catalog_id", "sections"), "a product-list action")
    sections = []
    item_keys = ("product_retailer_id",)
    for s, ipath in r.objects(a, "sections", path, "section", ("title", "product_items")):
        ids = tuple(
            r.text(p, "product_retailer_id", join(jpath, "product_retailer_id"), "Product id")
            for p, jpath in r.objects(s, "product_items", ipath, "product item", item_keys)
        )
        title = r.opt_text(s, "title", join(ipath, "title"), "Section title")
        sections.append(ProductSection(title=title, product_retailer_ids=ids))
    catalog_id = r.text(a, "catalog_id", join(path, "catalog_id"), "Catalog id")
    return {"catalog_id": catalog_id, "sections": tuple(sections)}


def _name_only(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("name",), "this action")
    return {"action_name": r.text(a, "name", join(path, "name"), "Action name")}


def _parameters(r: Reader, a: JsonObject, path: str, keys: tuple[str, ...]) -> JsonObject | None:
    r.known(a, path, ("name", "parameters"), "this action")
    if "parameters" not in a:
        return None
    ppath = join(path, "parameters")
    p = r.obj(a["parameters"], ppath, "The parameters")
    if p is not None:
        r.known(p, ppath, keys, "the parameters")
    return p


def read_cta_url(r: Reader, a: JsonObject, path: str) -> Fields:
    p = _parameters(r, a, path, ("display_text", "url")) or {}
    ppath = join(path, "parameters")
    return {
        "action_name": r.text(a, "name", join(path, "name"), "Action name"),
        "display_text": r.text(p, "display_text", join(ppath, "display_text"), "Button label"),
        "url": r.text(p, "url", join(ppath, "url"), "Button URL"),
    }


_FLOW_TEXTS = ("flow_id", "flow_name", "flow_token", "mode", "flow_action")


def _flow(r: Reader, a: JsonObject, path: str) -> Fields:
    keys = ("flow_message_version", "flow_cta", "flow_action_payload", *_FLOW_TEXTS)
    p = _parameters(r, a, path, keys) or {}
    ppath = join(path, "parameters")
    fields: Fields = {"action_name": r.text(a, "name", join(path, "name"), "Action name")}
    version = p.get("flow_message_version", "")
    if not isinstance(version, str):
        r.problem(
            join(ppath, "flow_message_version"),
            f'flow_message_version must be the text "{limits.FLOW_MESSAGE_VERSION}", '
            f"not {describe(version)}.",
            "flow.version",
        )
    fields["flow_message_version"] = version if isinstance(version, str) else ""
    fields["flow_cta"] = r.text(p, "flow_cta", join(ppath, "flow_cta"), "Flow button label")
    for key in _FLOW_TEXTS:
        fields[key] = r.opt_text(p, key, join(ppath, key), key)
    if "flow_action_payload" in p:
        fpath = join(ppath, "flow_action_payload")
        fap = r.obj(p["flow_action_payload"], fpath, "flow_action_payload")
        if fap is not None:
            r.known(fap, fpath, ("screen", "data"), "flow_action_payload")
            data = None
            if "data" in fap:
                data = r.obj(fap["data"], join(fpath, "data"), "The flow's initial data")
            screen = r.opt_text(fap, "screen", join(fpath, "screen"), "Screen")
            fields["flow_action_payload"] = FlowActionPayload(screen=screen, data=json_copy(data))
    return fields


def _catalog(r: Reader, a: JsonObject, path: str) -> Fields:
    p = _parameters(r, a, path, ("thumbnail_product_retailer_id",)) or {}
    tpath = join(path, "parameters.thumbnail_product_retailer_id")
    return {
        "action_name": r.text(a, "name", join(path, "name"), "Action name"),
        "thumbnail_product_retailer_id": r.opt_text(
            p, "thumbnail_product_retailer_id", tpath, "Thumbnail product id"
        ),
    }


def _address(r: Reader, a: JsonObject, path: str) -> Fields:
    keys = ("country", "values", "saved_addresses", "validation_errors")
    p = _parameters(r, a, path, keys) or {}
    ppath = join(path, "parameters")
    fields: Fields = {
        "action_name": r.text(a, "name", join(path, "name"), "Action name"),
        "country": r.text(p, "country", join(ppath, "country"), "Country"),
    }
    for key in ("values", "validation_errors"):
        if key in p:
            fields[key] = json_copy(r.obj(p[key], join(ppath, key), key))
    saved = r.array(p, "saved_addresses", join(ppath, "saved_addresses"), "saved_addresses")
    if saved is not None:
        spath = join(ppath, "saved_addresses")
        objs = [r.obj(s, index(spath, i), "A saved address") for i, s in enumerate(saved)]
        fields["saved_addresses"] = tuple(json_copy(o) for o in objs if o is not None)
    return fields


ACTION_READERS: dict[str, Callable[[Reader, JsonObject, str], Fields]] = {
    "button": _buttons,
    "list": _list,
    "product": _product,
    "product_list": _product_list,
    "location_request_message": _name_only,
    "call_permission_request": _name_only,
    "cta_url": read_cta_url,
    "flow": _flow,
    "catalog_message": _catalog,
    "address_message": _address,
    "carousel": read_carousel,
}
