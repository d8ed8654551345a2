"""Address message: body, the country (India or Singapore) and the form's free-form parameters
(prefilled values, saved addresses, validation errors) as the JSON the model holds."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QWidget

from composer.messages import AddressMessage, MessageKind
from composer.messages.address_message import (
    ADDRESS_COUNTRIES,
    address_fields,
    address_json_from_text,
)
from ui import look
from ui.editors.base import Editor
from ui.editors.fields import ChoiceField, Markable, TextField, section_title
from ui.editors.parts import PartsEditor

if TYPE_CHECKING:
    from composer.messages import Content

AVAILABILITY = (
    "Address messages are available in India and Singapore only: to businesses there and their "
    "customers in the same country. The customer taps \u201cProvide address\u201d and fills "
    "WhatsApp's form; the submitted address comes back as an nfm_reply webhook."
)
COUNTRY_NAMES = {"IN": "India (IN)", "SG": "Singapore (SG)"}
_PARAMS = "interactive.action.parameters"


class AddressMessageEditor(Editor):
    kind = MessageKind.ADDRESS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.availability = QLabel(AVAILABILITY)
        look.name(self.availability, "hint")
        self.availability.setWordWrap(True)
        self.parts = PartsEditor.for_kind(self.kind)
        self.country = ChoiceField("Country", [(COUNTRY_NAMES[c], c) for c in ADDRESS_COUNTRIES])
        self.form_keys = QLabel()
        look.name(self.form_keys, "hint")
        self.form_keys.setWordWrap(True)
        self.values = TextField(
            "Prefilled values", None, multiline=True, lines=3,
            placeholder='Optional JSON object: {"name": "Priya Sharma", "city": "Mumbai"}',
        )  # fmt: skip
        self.saved = TextField(
            "Saved addresses", None, multiline=True, lines=5,
            placeholder='Optional JSON list: [{"id": "home", "value": {"in_pin_code": "400063"}}]',
        )  # fmt: skip
        self.errors = TextField(
            "Validation errors", None, multiline=True, lines=2,
            placeholder='Optional JSON object: {"in_pin_code": "We cannot find this pin code."}',
        )  # fmt: skip
        self.add(self.availability, self.parts, section_title("Address form"), self.country,
                 self.form_keys, self.values, self.saved, self.errors)  # fmt: skip
        self.country.changed.connect(self._show_form_keys)
        self.watch(*self.parts.widgets, self.country, self.values, self.saved, self.errors)
        self._action_name = "address_message"
        self._show_form_keys()
        self.finish()

    def _boxes(self) -> dict[str, TextField]:
        return {"values": self.values, "saved_addresses": self.saved,
                "validation_errors": self.errors}  # fmt: skip

    def _show_form_keys(self) -> None:
        keys = ", ".join(key for key, _ in address_fields(self.country.value()))
        self.form_keys.setText(f"The form's fields (keys for the JSON below): {keys}.")

    def content(self) -> Content:
        parsed: dict[str, Any] = {}
        typed: dict[str, str] = {}
        for key, box in self._boxes().items():
            value, problem = address_json_from_text(key, box.text())
            parsed[key] = value
            if problem is not None:
                typed[key] = box.text()  # check() reports it (address.json)
        return AddressMessage(
            **self.parts.values(),
            country=self.country.value(),
            **parsed,
            typed_json=typed or None,
            action_name=self._action_name,
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, AddressMessage)
        self.parts.load(content)
        combo = self.country.combo
        if combo.findData(content.country) < 0:  # keep an imported value the form does not offer
            combo.addItem(content.country or "(none)", content.country)
        self.country.set_value(content.country)
        self._show_form_keys()
        typed = content.typed_json or {}
        for key, box in self._boxes().items():
            value = getattr(content, key)
            if key in typed:
                box.set_text(typed[key])
            elif value is None:
                box.set_text("")
            else:
                shown = list(value) if isinstance(value, tuple) else value
                box.set_text(json.dumps(shown, ensure_ascii=False, indent=2))
        self._action_name = content.action_name

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        out["interactive.action"] = self.country
        out[_PARAMS] = self.country
        out[_PARAMS + ".country"] = self.country
        for key, box in self._boxes().items():
            out[f"{_PARAMS}.{key}"] = box
        return out
