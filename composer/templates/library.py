"""The account's template library: every template in every language, when it was read, and the
look-ups the picker, the checks and the webhook updates need.

Immutable: a refresh or a webhook (a template paused, its quality changed) gives a new library,
so a check never sees a half-applied update.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from composer.templates.definition import TemplateDataError, TemplateDefinition, from_graph

__all__ = ["TemplateLibrary"]


@dataclass(frozen=True, slots=True)
class TemplateLibrary:
    """``definitions`` in the order the Graph API listed them; ``fetched_at`` None: never read."""

    definitions: tuple[TemplateDefinition, ...] = ()
    fetched_at: datetime | None = None

    @classmethod
    def from_graph(cls, items: Iterable[object], fetched_at: datetime | None) -> TemplateLibrary:
        """From ``data[]`` items (all pages); an item without a name or language is skipped."""
        found: list[TemplateDefinition] = []
        for item in items:
            try:
                found.append(from_graph(item))
            except TemplateDataError:
                continue
        return cls(tuple(found), fetched_at)

    def __iter__(self) -> Iterator[TemplateDefinition]:
        return iter(self.definitions)

    def __len__(self) -> int:
        return len(self.definitions)

    def get(self, name: str, language: str) -> TemplateDefinition | None:
        return next((d for d in self.definitions if d.key == (name, language)), None)

    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({d.language for d in self.definitions}))

    def categories(self) -> tuple[str, ...]:
        return tuple(sorted({d.category for d in self.definitions}))

    def statuses(self) -> tuple[str, ...]:
        return tuple(sorted({d.status for d in self.definitions}))

    def search(
        self,
        text: str = "",
        *,
        language: str | None = None,
        category: str | None = None,
        status: str | None = None,
    ) -> tuple[TemplateDefinition, ...]:
        """Templates whose name contains ``text`` (case-blind), with the given facets."""
        needle = text.strip().lower()
        return tuple(
            d
            for d in self.definitions
            if needle in d.name.lower()
            and language in (None, d.language)
            and category in (None, d.category)
            and status in (None, d.status)
        )

    def updated(
        self,
        name: str,
        language: str | None,
        *,
        status: str | None = None,
        quality: str | None = None,
        category: str | None = None,
    ) -> TemplateLibrary:
        """A copy where the template (every language when ``language`` is None) has the new
        status, quality or category, as a template webhook reports it."""
        changes: dict[str, Any] = {}
        if status is not None:
            changes["status"] = status.upper()
        if quality is not None:
            changes["quality"] = quality.upper()
        if category is not None:
            changes["category"] = category.upper()
        out = tuple(
            replace(d, **changes) if d.name == name and language in (None, d.language) else d
            for d in self.definitions
        )
        return replace(self, definitions=out)

    def to_json(self) -> dict[str, Any]:
        """What the per-profile cache keeps: Meta's records (with their current status)."""
        items = [{**d.raw, **_current(d)} for d in self.definitions]
        when = None if self.fetched_at is None else self.fetched_at.isoformat()
        return {"fetched_at": when, "data": items}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TemplateLibrary:
        when = data.get("fetched_at")
        fetched = datetime.fromisoformat(when) if isinstance(when, str) else None
        return cls.from_graph(data.get("data") or (), fetched)


def _current(d: TemplateDefinition) -> dict[str, Any]:
    """The fields a webhook may have changed since the record was read."""
    out: dict[str, Any] = {"status": d.status, "category": d.category}
    if d.quality is not None:
        out["quality_score"] = {"score": d.quality}
    return out
