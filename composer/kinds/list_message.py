"""List message (``interactive.type: list``): a button that opens sections of rows."""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, join
from composer.kinds.kind_spec import Fields, JsonObject, KindSpec, interactive_sample
from composer.messages import ListMessage, ListRow, ListSection, MessageKind
from composer.rules.lists import check_list
from composer.rules.parts import TEXT_HEADER, PartsPolicy


def read(r: Reader, a: JsonObject, path: str) -> Fields:
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


def write(content: ListMessage) -> dict[str, Any]:
    sections = []
    for s in content.sections:
        section: dict[str, Any] = {} if s.title is None else {"title": s.title}
        rows = []
        for r in s.rows:
            row = {"id": r.id, "title": r.title}
            if r.description is not None:
                row["description"] = r.description
            rows.append(row)
        section["rows"] = rows
        sections.append(section)
    return {"button": content.button, "sections": sections}


SAMPLE = interactive_sample({
    "type": "list",
    "header": {"type": "text", "text": "Choose a shipping option"},
    "body": {"text": "Your order #4471 is packed. Which shipping option do you prefer?"},
    "footer": {"text": "Prices include VAT"},
    "action": {"button": "Shipping options", "sections": [
        {"title": "Delivery", "rows": [
            {"id": "ship_express", "title": "Express", "description": "Next day, EUR 9.90"},
            {"id": "ship_standard", "title": "Standard", "description": "2-4 days, EUR 4.90"},
        ]},
        {"title": "Collect", "rows": [
            {"id": "ship_pickup", "title": "Store pickup", "description": "Free, from today"},
        ]},
    ]},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.LIST,
    model=ListMessage,
    read=read,
    write=write,
    check=check_list,
    parts=PartsPolicy("list messages", TEXT_HEADER, body=limits.LIST_BODY_TEXT),
    limits=(
        limits.LIST_BUTTON,
        limits.LIST_SECTIONS,
        limits.LIST_ROWS_TOTAL,
        limits.LIST_SECTION_ROWS,
        limits.LIST_SECTION_TITLE,
        limits.LIST_ROW_ID,
        limits.LIST_ROW_TITLE,
        limits.LIST_ROW_DESCRIPTION,
    ),
    sample=SAMPLE,
    replies=("list_reply_webhook",),
)
