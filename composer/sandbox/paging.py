"""One page of a Graph list edge, as the sandbox answers it: ``fields``, ``limit`` and the
``after`` cursor, with ``paging.cursors`` and ``paging.next`` like Graph (the template library and
the demo catalog share it)."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from composer.sandbox.meta_errors import graph_error

__all__ = ["graph_page"]


def graph_page(
    records: Sequence[dict[str, Any]],
    query: Mapping[str, str],
    host: str,
    path: str,
    default_size: int,
) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body) of one page of ``records``; a bad ``limit`` or cursor is Graph's 100."""
    raw_limit = query.get("limit", str(default_size)).strip()
    if not raw_limit.isdigit() or int(raw_limit) < 1:
        error = graph_error(100, None, message="(#100) Param limit must be a positive integer")
        return error.status, error.body
    limit = int(raw_limit)
    start = _offset(query.get("after"))
    if start is None:
        error = graph_error(100, None, message="(#100) The after cursor is not valid")
        return error.status, error.body
    wanted = [f.strip() for f in query.get("fields", "").split(",") if f.strip()]
    chunk = records[start : start + limit]
    more = start + limit < len(records)
    data = [_only(r, wanted) for r in chunk]
    paging: dict[str, Any] = {}
    if data:
        after = _cursor(start + len(chunk))
        paging["cursors"] = {"before": _cursor(start), "after": after}
        if more:
            paging["next"] = f"http://{host}{path}?" + urlencode({**query, "after": after})
    return 200, {"data": data, "paging": paging} if paging else {"data": data}


def _only(record: dict[str, Any], wanted: list[str]) -> dict[str, Any]:
    """The asked ``fields`` (Graph always adds ``id``), or the whole record."""
    if not wanted:
        return dict(record)
    return {k: v for k, v in record.items() if k in wanted or k == "id"}


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode().rstrip("=")


def _offset(cursor: str | None) -> int | None:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    head, _, digits = text.partition(":")
    return int(digits) if head == "offset" and digits.isdigit() else None
