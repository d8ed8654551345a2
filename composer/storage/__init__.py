"""What the app keeps on disk: the SQLite send history, drafts, atomic writes, and where files
live (``paths``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.storage.atomic_file import (
        atomic_write_json,
        atomic_write_text,
        fsync_dir,
        keep_aside,
    )
    from composer.storage.drafts import (
        CURRENT,
        Draft,
        DraftError,
        DraftInfo,
        DraftStore,
    )
    from composer.storage.history import (
        DB_FILENAME,
        Store,
    )
    from composer.storage.paths import (
        APP_NAME,
        HOME_ENV,
        config_dir,
        data_dir,
    )
    from composer.storage.records import (
        EARLY_STATUS_KEEP_SECONDS,
        INBOUND_SOURCES,
        MIGRATIONS,
        OUTCOMES,
        SCHEMA_VERSION,
        STATUS_RANK,
        STATUSES,
        InboundRecord,
        MarketingPreference,
        SendRecord,
        StoreError,
        normalize_recipient,
        to_json,
    )
    from composer.storage.recovery import (
        OpenedHistory,
        open_history,
    )

_HOMES = {
    "atomic_file": (
        "atomic_write_json",
        "atomic_write_text",
        "fsync_dir",
        "keep_aside",
    ),
    "drafts": (
        "CURRENT",
        "Draft",
        "DraftError",
        "DraftInfo",
        "DraftStore",
    ),
    "history": (
        "DB_FILENAME",
        "Store",
    ),
    "paths": (
        "APP_NAME",
        "HOME_ENV",
        "config_dir",
        "data_dir",
    ),
    "records": (
        "EARLY_STATUS_KEEP_SECONDS",
        "INBOUND_SOURCES",
        "InboundRecord",
        "MIGRATIONS",
        "MarketingPreference",
        "OUTCOMES",
        "SCHEMA_VERSION",
        "STATUSES",
        "STATUS_RANK",
        "SendRecord",
        "StoreError",
        "normalize_recipient",
        "to_json",
    ),
    "recovery": (
        "OpenedHistory",
        "open_history",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "APP_NAME",
    "CURRENT",
    "DB_FILENAME",
    "EARLY_STATUS_KEEP_SECONDS",
    "HOME_ENV",
    "INBOUND_SOURCES",
    "MIGRATIONS",
    "OUTCOMES",
    "SCHEMA_VERSION",
    "STATUSES",
    "STATUS_RANK",
    "Draft",
    "DraftError",
    "DraftInfo",
    "DraftStore",
    "InboundRecord",
    "MarketingPreference",
    "OpenedHistory",
    "SendRecord",
    "Store",
    "StoreError",
    "atomic_write_json",
    "atomic_write_text",
    "config_dir",
    "data_dir",
    "fsync_dir",
    "keep_aside",
    "normalize_recipient",
    "open_history",
    "to_json",
]
