"""Flow: header, body, footer and the flow button's parameters (id or name, token, CTA, mode,
action and the first screen with its initial data as a JSON object)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from composer import limits
from composer.kinds.flow import FLOW_ACTIONS, FLOW_MESSAGE_VERSION, FLOW_MODES
from composer.messages import Flow, FlowActionPayload, MessageKind
from composer.messages.flow import flow_data_from_text
from ui.editors.base import Editor, opt
from ui.editors.fields import ChoiceField, Markable, TextField, section_title
from ui.editors.parts import PartsEditor

if TYPE_CHECKING:
    from composer.messages import Content

DATA_PATH = "interactive.action.parameters.flow_action_payload.data"
UNSET = "(not set)"


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(not set)`` and the core's values, labelled ``data_exchange`` -> "Data exchange"."""
    return [(UNSET, ""), *((v.replace("_", " ").capitalize(), v) for v in values)]


class FlowEditor(Editor):
    kind = MessageKind.FLOW

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.cta = TextField("Button label", limits.FLOW_CTA, placeholder="Book now")
        self.by = ChoiceField("Identify flow by", [("Flow id", "id"), ("Flow name", "name")])
        self.flow_ref = TextField("Flow id", None, placeholder="1234567890123456")
        self.token = TextField("Flow token", None, placeholder="Optional (defaults to 'unused')")
        self.version = TextField("Message version", None, placeholder=FLOW_MESSAGE_VERSION)
        self.mode = ChoiceField("Mode", _choices(FLOW_MODES))
        self.action = ChoiceField("Flow action", _choices(FLOW_ACTIONS))
        self.first_screen = TextField("First screen", None, placeholder="SELECT_DATE")
        self.data = TextField(
            "Screen data", None, multiline=True, lines=3, placeholder='{"party_size": 2}'
        )
        self.add(
            self.parts,
            section_title("Flow button"),
            self.cta,
            self.by,
            self.flow_ref,
            self.token,
            self.version,
            self.mode,
            self.action,
            self.first_screen,
            self.data,
        )
        self.version.set_text(FLOW_MESSAGE_VERSION)
        self.by.changed.connect(self._sync_by)
        self.watch(*self.parts.widgets, self.cta, self.by, self.flow_ref, self.token, self.version,
                   self.mode, self.action, self.first_screen, self.data)  # fmt: skip
        self.finish()

    def _sync_by(self) -> None:
        self.flow_ref.label.setText("Flow id" if self.by.value() == "id" else "Flow name")

    def content(self) -> Content:
        text = self.data.text()
        data, problem = flow_data_from_text(text)
        data_text = None if problem is None else text  # check() reports it (flow.data_json)
        screen = opt(self.first_screen.text())
        ref = self.flow_ref.text()
        by_id = self.by.value() == "id"
        return Flow(
            **self.parts.values(),
            flow_message_version=self.version.text(),
            flow_cta=self.cta.text(),
            flow_id=ref if by_id else None,
            flow_name=None if by_id else ref,
            flow_token=opt(self.token.text()),
            mode=opt(self.mode.value()),
            flow_action=opt(self.action.value()),
            flow_action_payload=(
                FlowActionPayload(screen=screen, data=data, data_text=data_text)
                if screen is not None or data is not None or data_text is not None
                else None
            ),
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, Flow)
        self.parts.load(content)
        self.cta.set_text(content.flow_cta)
        by_name = content.flow_id is None and content.flow_name is not None
        self.by.set_value("name" if by_name else "id")
        self._sync_by()
        self.flow_ref.set_text((content.flow_name if by_name else content.flow_id) or "")
        self.token.set_text(content.flow_token or "")
        self.version.set_text(content.flow_message_version)
        self.mode.set_value(content.mode or "")
        self.action.set_value(content.flow_action or "")
        fap = content.flow_action_payload
        self.first_screen.set_text((fap.screen if fap else None) or "")
        data = fap.data if fap else None
        if fap is not None and fap.data_text is not None:
            self.data.set_text(fap.data_text)
        else:
            self.data.set_text("" if data is None else json.dumps(data, ensure_ascii=False))

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        p = "interactive.action.parameters"
        out["interactive.action"] = self.cta
        out[p] = self.cta
        out[p + ".flow_cta"] = self.cta
        out[p + ".flow_id"] = self.flow_ref
        out[p + ".flow_name"] = self.flow_ref
        out[p + ".flow_token"] = self.token
        out[p + ".flow_message_version"] = self.version
        out[p + ".mode"] = self.mode
        out[p + ".flow_action"] = self.action
        out[p + ".flow_action_payload"] = self.first_screen
        out[p + ".flow_action_payload.screen"] = self.first_screen
        out[DATA_PATH] = self.data
        return out
