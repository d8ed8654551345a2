"""List rules: label 1-20; 1-10 sections; at least one row per section and 10 rows IN TOTAL;
section titles (required with several sections, recommended with one); row ids unique."""

from __future__ import annotations

from composer import limits
from composer.messages import ListMessage
from composer.rules.base import Out

__all__ = ["check_list"]

_ACTION = "interactive.action"


def check_list(content: ListMessage, out: Out) -> None:
    out.length(content.button, limits.LIST_BUTTON, _ACTION + ".button")
    sections = content.sections
    out.count(len(sections), limits.LIST_SECTIONS, _ACTION + ".sections", "The list")
    total = 0
    ids: dict[str, str] = {}
    titles: dict[str, str] = {}
    several = len(sections) > 1
    for s, section in enumerate(sections):
        spath = f"{_ACTION}.sections[{s}]"
        total += len(section.rows)
        if not section.rows:
            out.count(0, limits.LIST_SECTION_ROWS, spath + ".rows", f"Section {s + 1}")
        _section_title(section.title, several, spath, out)
        for r, row in enumerate(section.rows):
            rpath = f"{spath}.rows[{r}]"
            out.length(row.id, limits.LIST_ROW_ID, rpath + ".id")
            out.length(row.title, limits.LIST_ROW_TITLE, rpath + ".title")
            if row.description is not None:
                out.length(row.description, limits.LIST_ROW_DESCRIPTION, rpath + ".description")
            where = f"section {s + 1}, row {r + 1}"
            if row.id:
                first = ids.setdefault(row.id, where)
                if first != where:
                    out.error(
                        "list.row_id_unique",
                        rpath + ".id",
                        f'Row id "{row.id[:40]}" ({where}) is already used by {first}; '
                        "the id is all a reply carries, so it must be unique.",
                    )
            if row.title:
                key = row.title.casefold()
                first = titles.setdefault(key, where)
                if first != where:
                    out.warn(
                        "list.row_title_unique",
                        rpath + ".title",
                        f'Row title "{row.title[:40]}" ({where}) repeats {first} (ignoring case); '
                        "WhatsApp has rejected lists with duplicate titles.",
                    )
    if total > limits.LIST_ROWS_TOTAL.maximum:
        out.count(
            total, limits.LIST_ROWS_TOTAL, _ACTION + ".sections", "The list (all sections together)"
        )


def _section_title(title: str | None, several: bool, path: str, out: Out) -> None:
    if title:
        out.length(title, limits.LIST_SECTION_TITLE, path + ".title")
    elif several:
        out.error(
            "list.section_title_required",
            path + ".title",
            "Every section needs a title when the list has more than one section.",
        )
    else:
        out.warn(
            "list.section_title_required",
            path + ".title",
            "This section has no title; part of WhatsApp's documentation requires one even "
            "for a single section.",
        )
