"""The WABA-level webhooks about templates and marketing preferences (docs/spec/templates.md §7):
``message_template_status_update``, ``message_template_quality_update``,
``template_category_update`` (Meta's field name; ``message_template_category_update`` is read
too) and ``user_preferences``.

Dispatch is on ``field`` and on the value's keys: an older revision of Meta's quality page shows
a quality update under ``message_template_status_update``. Languages are normalised to the GET
form (``en-US`` -> ``en_US``); ids and timestamps are read as Meta writes them (integers) or as
strings. A change that lacks what the app needs (a name, an event) is skipped, not refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

__all__ = [
    "TEMPLATE_FIELDS",
    "MarketingPreferenceUpdate",
    "TemplateCategoryUpdate",
    "TemplateQualityUpdate",
    "TemplateStatusUpdate",
    "parse_waba_change",
]

STATUS_FIELD: Final = "message_template_status_update"
QUALITY_FIELD: Final = "message_template_quality_update"
CATEGORY_FIELDS: Final = ("template_category_update", "message_template_category_update")
PREFERENCES_FIELD: Final = "user_preferences"
TEMPLATE_FIELDS: Final = (STATUS_FIELD, QUALITY_FIELD, *CATEGORY_FIELDS, PREFERENCES_FIELD)
_EVENT_STATUS: Final = {"REINSTATED": "APPROVED", "UNARCHIVED": "APPROVED"}
_NO_CHANGE: Final = ("FLAGGED", "LOCKED", "UNLOCKED")


@dataclass(frozen=True, slots=True)
class _TemplateRef:
    waba_id: str
    template_id: str | None
    name: str
    language: str | None
    at: datetime | None

    def _key(self, kind: str, what: str) -> str:
        when = int(self.at.timestamp()) if self.at is not None else ""
        who = self.template_id or self.name
        return f"{kind}:{self.waba_id}:{who}:{self.language}:{what}:{when}"


@dataclass(frozen=True, slots=True)
class TemplateStatusUpdate(_TemplateRef):
    """A template was approved, paused, disabled, rejected... (``event``, uppercase)."""

    event: str = ""
    reason: str | None = None
    category: str | None = None

    @property
    def key(self) -> str:
        return self._key("template_status", self.event)

    @property
    def new_status(self) -> str | None:
        """The status the template has after this event; None for events that leave it as it
        was (FLAGGED is a warning, LOCKED/UNLOCKED are about editing)."""
        return _EVENT_STATUS.get(self.event, self.event) if self.event not in _NO_CHANGE else None


@dataclass(frozen=True, slots=True)
class TemplateQualityUpdate(_TemplateRef):
    """The template's quality score moved (GREEN, YELLOW, RED, UNKNOWN)."""

    previous: str | None = None
    new: str = ""

    @property
    def key(self) -> str:
        return self._key("template_quality", self.new)


@dataclass(frozen=True, slots=True)
class TemplateCategoryUpdate(_TemplateRef):
    """The category changed (``previous`` set) or will change (``correct`` set, at ``at``)."""

    new: str = ""
    previous: str | None = None
    correct: str | None = None

    @property
    def changed(self) -> bool:
        """True when the change is done (not only announced): the library takes ``new``."""
        return self.correct is None

    @property
    def key(self) -> str:
        return self._key("template_category", f"{self.previous}>{self.new}>{self.correct}")


@dataclass(frozen=True, slots=True)
class MarketingPreferenceUpdate:
    """A customer stopped or resumed marketing messages (``value`` ``stop`` / ``resume``).

    ``wa_id`` is the phone number, or the business-scoped user id when the webhook has no number;
    ``user_id`` the BSUID when it has both."""

    waba_id: str
    wa_id: str
    value: str
    at: datetime
    detail: str | None = None
    name: str | None = None
    user_id: str | None = None

    @property
    def key(self) -> str:
        return f"marketing:{self.wa_id}:{self.value}:{int(self.at.timestamp())}"


WabaEvent = (
    TemplateStatusUpdate
    | TemplateQualityUpdate
    | TemplateCategoryUpdate
    | MarketingPreferenceUpdate
)


def parse_waba_change(
    field: str, value: Mapping[str, Any], waba_id: str, entry_time: object
) -> list[WabaEvent]:
    """The events of one ``changes[]`` item whose field is one of ``TEMPLATE_FIELDS``."""
    if field == PREFERENCES_FIELD or "user_preferences" in value:
        return _preferences(value, waba_id)
    name = _text(value.get("message_template_name"))
    if name is None:
        return []
    ref = (
        waba_id,
        _text(value.get("message_template_id")),
        name,
        _language(value.get("message_template_language")),
        _time(value.get("category_update_timestamp") or entry_time),
    )
    if "new_quality_score" in value:
        new = _upper(value.get("new_quality_score"))
        prev = _upper(value.get("previous_quality_score"))
        return [TemplateQualityUpdate(*ref, previous=prev, new=new)] if new else []
    if "new_category" in value or field in CATEGORY_FIELDS:
        new = _upper(value.get("new_category"))
        prev = _upper(value.get("previous_category"))
        correct = _upper(value.get("correct_category"))
        found = TemplateCategoryUpdate(*ref, new=new or "", previous=prev, correct=correct)
        return [found] if new else []
    event = _upper(value.get("event"))
    if not event:
        return []
    reason, category = _upper(value.get("reason")), _upper(value.get("message_template_category"))
    return [TemplateStatusUpdate(*ref, event=event, reason=reason, category=category)]


def _preferences(value: Mapping[str, Any], waba_id: str) -> list[WabaEvent]:
    names: dict[str, str] = {}
    for contact in value.get("contacts") or ():
        profile = contact.get("profile") if isinstance(contact, dict) else None
        if isinstance(profile, dict) and isinstance(profile.get("name"), str):
            for key in ("wa_id", "user_id"):
                names[str(contact.get(key))] = profile["name"]
    events: list[WabaEvent] = []
    for item in value.get("user_preferences") or ():
        if not isinstance(item, dict) or item.get("category", "marketing_messages") != (
            "marketing_messages"
        ):
            continue
        number, user_id = _text(item.get("wa_id")), _text(item.get("user_id"))
        said, at = _text(item.get("value")), _time(item.get("timestamp"))
        who = number or user_id
        if who is None or said not in ("stop", "resume") or at is None:
            continue
        detail, name = _text(item.get("detail")), names.get(who)
        linked = user_id if number is not None else None
        events.append(MarketingPreferenceUpdate(waba_id, who, said, at, detail, name, linked))
    return events


def _text(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) and value else None


def _upper(value: object) -> str | None:
    return value.upper() if isinstance(value, str) and value else None


def _language(value: object) -> str | None:
    return value.replace("-", "_") if isinstance(value, str) and value else None


def _time(value: object) -> datetime | None:
    """Unix seconds as an integer or a string of digits; anything else is no time."""
    text = _text(value)
    if text is None or not text.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(text), UTC)
    except (OverflowError, OSError, ValueError):
        return None
