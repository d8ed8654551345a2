"""Marketing stop/resume per customer, kept in the history database (``marketing`` table).

Meta sends a ``user_preferences`` webhook when a customer stops or resumes marketing messages;
a marketing template to a customer who stopped fails with 131050, so the app refuses it before
sending. A mixin of ``Store`` (one file, one connection, one lock): history.py stays about sends.
"""

from __future__ import annotations

from datetime import datetime

from composer.storage.identities import UserIdLinks
from composer.storage.records import (
    MARKETING_VALUES,
    MarketingPreference,
    dt,
    normalize_recipient,
    ts,
)

__all__ = ["MarketingPreferences"]


class MarketingPreferences(UserIdLinks):
    """``Store``'s marketing-preference methods; ``Store`` supplies ``_write`` and ``_read``."""

    def set_marketing_preference(
        self,
        recipient: str,
        value: str,
        at: datetime,
        *,
        detail: str | None = None,
        name: str | None = None,
        source: str = "webhook",
    ) -> bool:
        """Record "stop" or "resume" at ``at``; an older word than the stored one is ignored.
        True when the stored preference changed."""
        if value not in MARKETING_VALUES:
            raise ValueError(f"value must be one of {', '.join(MARKETING_VALUES)}, not {value!r}")
        key, when = normalize_recipient(recipient), ts(at)
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO marketing (recipient, value, at, detail, name, source)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (recipient) DO UPDATE SET"
                " value = excluded.value, at = excluded.at, detail = excluded.detail,"
                " name = COALESCE(excluded.name, marketing.name), source = excluded.source"
                " WHERE marketing.at < excluded.at",
                (key, value, when, detail, name, source),
            )
            return cur.rowcount == 1

    def marketing_preference(self, recipient: str) -> MarketingPreference | None:
        """The customer's last stop/resume (None: never said), under their number or a linked
        BSUID (the newest word wins). Any text reads (None)."""
        marks, keys, _ = self._aliases(recipient)
        if not keys:
            return None
        rows = self._read(
            f"SELECT * FROM marketing WHERE recipient IN ({marks}) ORDER BY at DESC LIMIT 1", keys
        )
        if not rows:
            return None
        row = rows[0]
        at = dt(row["at"])
        assert at is not None
        return MarketingPreference(
            row["recipient"], row["value"], at, row["detail"], row["name"], row["source"]
        )
