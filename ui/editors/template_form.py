"""The form of one template, generated from its definition: one counted field per variable.

``TemplateDefinition.variables()`` (the core) says what a send must supply: header text or media,
body variables, a URL suffix, quick-reply payloads (optional), a copy code. Each gets a field with
the template's example as its placeholder. A header or body counter counts the text once it is
filled in, and a URL suffix the whole link, as the limits in ``composer.limits`` are defined;
what is valid is decided by the core's checks, never here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from composer import limits
from composer.limits import Limit, char_count
from composer.messages import TemplateComponent, TemplateParameter
from composer.templates.definition import MEDIA_FORMATS, fill
from ui.editors.fields import Markable, TextField, section_title
from ui.editors.parts import MediaSourceField
from ui.editors.template_location import LocationField

if TYPE_CHECKING:
    from composer.templates import TemplateDefinition, Variable

Key = tuple[str, int | None]
"""A send component: ("header" | "body" | "button", button index)."""


class VariableField(TextField):
    """A text field whose counter counts what ``counted`` says (the filled header or body)."""

    def __init__(self, label: str, limit: Limit | None, placeholder: str) -> None:
        super().__init__(label, limit, placeholder=placeholder)
        self.counted: Callable[[], int] | None = None

    def count(self) -> int:
        counted = getattr(self, "counted", None)
        return counted() if counted is not None else char_count(self.text())


@dataclass(frozen=True, slots=True)
class Slot:
    """One variable and the widget that holds its value."""

    variable: Variable
    widget: Markable

    @property
    def key(self) -> Key:
        return (self.variable.component, self.variable.index)


class TemplateForm(QWidget):
    """``changed`` on every edit; ``components()`` is the send's ``components`` array."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.definition: TemplateDefinition | None = None
        self.slots: list[Slot] = []
        self._order: list[Key] = []  # a loaded message's component order, kept when rebuilt
        self._index_as_text: dict[Key, bool] = {}

    # --- building ------------------------------------------------------------------------------
    def build(self, definition: TemplateDefinition | None) -> None:
        """Replace the fields by those of ``definition`` (None: no template chosen)."""
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.definition, self.slots = definition, []
        self._order, self._index_as_text = [], {}
        if definition is None:
            return
        variables = definition.variables()
        if not variables:
            self._layout.addWidget(QLabel("This template has no variables: it is sent as is."))
        section = ""
        for v in variables:
            title = _section(v, definition)
            if title != section:
                self._layout.addWidget(section_title(title))
                section = title
            slot = Slot(v, self._widget(v, definition))
            slot.widget.changed.connect(self._on_change)
            self.slots.append(slot)
            self._layout.addWidget(slot.widget)
        self._refresh_counters()

    def _widget(self, v: Variable, d: TemplateDefinition) -> Markable:
        example = v.example or ""
        if v.kind in (f.lower() for f in MEDIA_FORMATS):
            media = MediaSourceField()
            media.label.setText(f"Header {v.kind}")
            media.source.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            media.source.setMinimumContentsLength(10)  # leave the link its room
            return media
        if v.kind == "location":
            return LocationField()
        if v.component == "button":
            return self._button_field(v, d, example)
        where = "Header" if v.component == "header" else "Body"
        limit = (
            limits.TEMPLATE_HEADER_TEXT if v.component == "header" else limits.TEMPLATE_BODY_TEXT
        )
        field = VariableField(f"{where} {{{{{v.name}}}}}", limit, example)
        field.counted = lambda: self._filled_length(v.component)
        return field

    def _button_field(self, v: Variable, d: TemplateDefinition, example: str) -> TextField:
        button = d.buttons[v.index or 0]
        if v.kind == "payload":
            hint = f"optional; default: {button.text}"
            return TextField(f"“{button.text}” payload", None, placeholder=hint)
        if v.kind == "coupon_code":
            return TextField("Coupon code", limits.TEMPLATE_COUPON_CODE, placeholder=example)
        label = "One-time code" if button.otp else f"“{button.text}” link suffix"
        field = VariableField(label, limits.TEMPLATE_URL, example)
        url = button.url or ""
        field.counted = lambda: char_count(fill(url, {v.name: field.text()}))
        return field

    def _on_change(self) -> None:
        self._refresh_counters()
        self.changed.emit()

    def _refresh_counters(self) -> None:
        for slot in self.slots:
            if isinstance(slot.widget, TextField):
                slot.widget.refresh_counter()

    def _filled_length(self, component: str) -> int:
        d = self.definition
        if d is None:
            return 0
        text = (d.header_text or "") if component == "header" else d.body_text
        values = {
            s.variable.name: s.widget.text()
            for s in self.slots
            if s.variable.component == component and isinstance(s.widget, TextField)
        }
        return char_count(fill(text, values))

    # --- values out ----------------------------------------------------------------------------
    def built(self) -> list[tuple[TemplateComponent, list[Markable]]]:
        """The send's components in order, each with the widget of each of its parameters."""
        d = self.definition
        if d is None:
            return []
        groups: dict[Key, list[Slot]] = {}
        for slot in self.slots:
            groups.setdefault(slot.key, []).append(slot)
        out: list[tuple[TemplateComponent, list[Markable]]] = []
        for key, slots in groups.items():
            params = [_parameter(s, d.named) for s in slots]
            kept = [(p, s.widget) for p, s in zip(params, slots, strict=True) if p is not None]
            if key[0] == "button" and not kept:
                continue  # an optional quick-reply payload left empty: Meta repeats the text
            comp = TemplateComponent(
                type=key[0],
                parameters=tuple(p for p, _ in kept),
                sub_type=d.buttons[key[1] or 0].sub_type if key[0] == "button" else None,
                index=key[1],
                index_as_text=self._index_as_text.get(key, True),
            )
            out.append((comp, [w for _, w in kept]))
        rank = {k: i for i, k in enumerate(self._order)}
        out.sort(key=lambda c: rank.get((c[0].type, c[0].index), len(rank)))
        return out

    def components(self) -> tuple[TemplateComponent, ...]:
        return tuple(comp for comp, _ in self.built())

    # --- values in -----------------------------------------------------------------------------
    def load(self, components: tuple[TemplateComponent, ...]) -> None:
        """Fill the fields from a send's components (signals blocked by each field)."""
        self._order = [(c.type.lower(), c.index) for c in components]
        self._index_as_text = {(c.type.lower(), c.index): c.index_as_text for c in components}
        given = {(c.type.lower(), c.index): c for c in components}
        position: dict[Key, int] = {}
        for slot in self.slots:
            j = position.get(slot.key, 0)
            position[slot.key] = j + 1
            comp = given.get(slot.key)
            if comp is None:
                continue
            param = _find(comp, slot.variable, j, self.definition)
            if param is not None:
                _set_value(slot.widget, param)
        self._refresh_counters()


def _section(v: Variable, d: TemplateDefinition) -> str:
    if v.component != "button":
        return v.component.capitalize()
    button = d.buttons[v.index or 0]
    return f"Button {(v.index or 0) + 1}: {button.text} ({button.type.replace('_', ' ').lower()})"


def _parameter(slot: Slot, named: bool) -> TemplateParameter | None:
    v, w = slot.variable, slot.widget
    if isinstance(w, MediaSourceField):
        media_id, link = w.media()
        value = {"id": media_id} if media_id is not None else {"link": link or ""}
        return TemplateParameter(type=v.kind, value=value)
    if isinstance(w, LocationField):
        return TemplateParameter(type="location", value=w.location())
    assert isinstance(w, TextField)
    text = w.text()
    if v.kind == "payload" and text == "":
        return None
    name = v.name if named and v.component in ("header", "body") else None
    return TemplateParameter(type=v.kind, value=text, parameter_name=name)


def _find(
    comp: TemplateComponent, v: Variable, j: int, d: TemplateDefinition | None
) -> TemplateParameter | None:
    if d is not None and d.named and v.component in ("header", "body"):
        return next((p for p in comp.parameters if p.parameter_name == v.name), None)
    return comp.parameters[j] if j < len(comp.parameters) else None


def _set_value(widget: Markable, p: TemplateParameter) -> None:
    if isinstance(widget, MediaSourceField):
        value = p.value if isinstance(p.value, dict) else {}
        media_id, link = value.get("id"), value.get("link")
        widget.set_media(None if media_id is None else str(media_id), link)
    elif isinstance(widget, LocationField):
        widget.set_location(p.value if isinstance(p.value, dict) else {})
    elif isinstance(widget, TextField):
        widget.set_text(p.text or "")
