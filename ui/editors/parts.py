"""Shared interactive parts: header (none / text / image / video / document), body and footer.

A media header is given by link, by uploaded media id, or as a local file. A local file is kept in
the message as a ``file://`` link so the preview, the JSON view and validation all see it; the
send step uploads it and replaces the link with the returned media id.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer import limits
from composer.rules.parts import LOCAL_FILE_SCHEME as FILE_SCHEME
from composer.rules.parts import PartsPolicy
from ui.editors.base import opt
from ui.editors.fields import ChoiceField, FieldRow, Markable, TextField

if TYPE_CHECKING:
    from collections.abc import Sequence

    from composer.messages import Header, Interactive, InteractiveParts, MessageKind
    from composer.validation.check import Issue

HEADER_KINDS = (("None", "none"), ("Text", "text"), ("Image", "image"), ("Video", "video"),
                ("Document", "document"))  # fmt: skip
SOURCES = (("Link (https URL)", "link"), ("Media id (uploaded)", "id"),
           ("Local file (uploaded on send)", "file"))  # fmt: skip


class MediaSourceField(FieldRow):
    """Source combo + value (URL, media id or file path with a Browse button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        box = QWidget()
        self.source = QComboBox()
        for text, value in SOURCES:
            self.source.addItem(text, value)
        self.source.setAccessibleName("Media source")
        self.value = QLineEdit()
        self.value.setAccessibleName("Media link, id or file")
        self.browse = QPushButton("Browse…")
        self.browse.setAccessibleName("Choose a local media file")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.source)
        row.addWidget(self.value, 1)
        row.addWidget(self.browse)
        super().__init__("Media", box, parent)
        self.source.currentIndexChanged.connect(self._on_source)
        self.value.textChanged.connect(lambda _t: self.changed.emit())
        self.browse.clicked.connect(self._choose_file)
        self._sync()

    def _on_source(self, _index: int) -> None:
        self._sync()
        self.changed.emit()

    def _sync(self) -> None:
        src = self.source.currentData()
        self.browse.setVisible(src == "file")
        self.value.setPlaceholderText(
            {"link": "https://cdn.example.com/banner.png", "id": "1037543291543636"}.get(
                src, "/path/to/file.png"
            )
        )

    def _choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # named on use: its enums take ~1 ms to make

        path, _ = QFileDialog.getOpenFileName(self, "Choose the header media")
        if path:
            self.value.setText(path)

    def focus_field(self) -> None:
        self.value.setFocus(Qt.FocusReason.OtherFocusReason)

    def media(self) -> tuple[str | None, str | None]:
        """(id, link) for the model."""
        text = self.value.text()
        src = self.source.currentData()
        if src == "id":
            return text, None
        if src == "file":
            return None, (Path(text).absolute().as_uri() if text else FILE_SCHEME)
        return None, text

    def set_media(self, media_id: str | None, link: str | None) -> None:
        with QSignalBlocker(self.source), QSignalBlocker(self.value):
            if media_id is not None and link is None:
                src, text = "id", media_id
            elif link is not None and link.startswith(FILE_SCHEME):
                src, text = "file", _file_path(link)
            else:
                src, text = "link", link or ""
            self.source.setCurrentIndex(self.source.findData(src))
            self.value.setText(text)
        self._sync()


def _file_path(link: str) -> str:
    from urllib.parse import unquote, urlparse

    return unquote(urlparse(link).path) if link != FILE_SCHEME else ""


class HeaderEditor(Markable):
    """Header kind plus the fields for that kind; only the kinds the message type allows."""

    def __init__(self, kinds: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ChoiceField("Header", [c for k in kinds for c in HEADER_KINDS if c[1] == k])
        self.text = TextField("Header text", limits.HEADER_TEXT, placeholder="Shown in bold")
        self._media: tuple[MediaSourceField, TextField] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        for w in (self.kind, self.text):
            self._add(w)
        self._sync()

    def _add(self, field: Markable) -> None:
        self._layout.addWidget(field)
        field.changed.connect(self._on_change)

    def _media_fields(self) -> tuple[MediaSourceField, TextField]:
        """The media source and file name rows, made on first use: most headers are text or
        none, and the source's combo with its drop-down alone is a dozen widgets to build and
        polish on the way to a usable editor."""
        if self._media is None:
            media = MediaSourceField()
            filename = TextField("File name", None, placeholder="invoice.pdf (documents only)")
            self._media = (media, filename)
            for w in self._media:
                w.setVisible(False)  # until _sync says otherwise (not shown by the layout)
                self._add(w)
        return self._media

    @property
    def media(self) -> MediaSourceField:
        return self._media_fields()[0]

    @property
    def filename(self) -> TextField:
        return self._media_fields()[1]

    def _on_change(self) -> None:
        self._sync()
        self.changed.emit()

    def _sync(self) -> None:
        kind = self.kind.value()
        self.text.setVisible(kind == "text")
        is_media = kind in limits.HEADER_MEDIA_KINDS
        if is_media or self._media is not None:
            media, filename = self._media_fields()
            media.setVisible(is_media)
            filename.setVisible(kind == "document")

    def show_issues(self, issues: Sequence[Issue]) -> None:
        self.kind.show_issues(issues)

    def focus_field(self) -> None:
        self.kind.focus_field()

    def header(self) -> Header | None:
        from composer.messages import MediaHeader, TextHeader, is_media_kind

        kind = self.kind.value()
        if kind == "text":
            return TextHeader(text=self.text.text())
        if not is_media_kind(kind):  # "none"
            return None
        media_id, link = self.media.media()
        filename = opt(self.filename.text()) if kind == "document" else None
        return MediaHeader(kind=kind, id=media_id, link=link, filename=filename)

    def load(self, header: Header | None) -> None:
        from composer.messages import MediaHeader

        if header is None:
            self.kind.set_value("none")
        elif isinstance(header, MediaHeader):
            self.kind.set_value(header.kind)
            self.media.set_media(header.id, header.link)
            self.filename.set_text(header.filename or "")
        else:
            self.kind.set_value("text")
            self.text.set_text(header.text)
        self._sync()

    def fields(self) -> dict[str, Markable]:
        out: dict[str, Markable] = {"interactive.header": self}
        kind = self.kind.value()
        if kind == "text":
            out["interactive.header.text"] = self.text
        elif kind in limits.HEADER_MEDIA_KINDS:
            out[f"interactive.header.{kind}"] = self.media
            out[f"interactive.header.{kind}.filename"] = self.filename
        return out


def parts_policy(kind: MessageKind) -> PartsPolicy:
    """The header/body/footer policy of an interactive kind, from its row in the core."""
    from composer.kinds import spec

    policy = spec(kind).parts
    if not isinstance(policy, PartsPolicy):
        raise TypeError(f"{kind} has no header, body or footer: {policy.reason}")
    return policy


class PartsEditor(QWidget):
    """Header / body / footer as one block, built from the kind's part policy in the core."""

    def __init__(self, policy: PartsPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        choices = policy.header_choices()
        self.header = HeaderEditor(choices) if choices else None
        label = "Body" if policy.body_required else "Body (optional)"
        self.body = TextField(label, policy.body, multiline=True, placeholder="Message text")
        self.footer = (
            TextField("Footer", limits.FOOTER_TEXT, placeholder="Optional, small grey text")
            if policy.footer
            else None
        )
        self.widgets: list[Markable] = [w for w in (self.header, self.body, self.footer) if w]
        for w in self.widgets:
            layout.addWidget(w)

    @classmethod
    def for_kind(cls, kind: MessageKind) -> PartsEditor:
        return cls(parts_policy(kind))

    def values(self) -> InteractiveParts:
        return {
            "header": self.header.header() if self.header else None,
            "body": opt(self.body.text()) if self.body else None,
            "footer": opt(self.footer.text()) if self.footer else None,
        }

    def load(self, content: Interactive) -> None:
        if self.header:
            self.header.load(content.header)
        if self.body:
            self.body.set_text(content.body or "")
        if self.footer:
            self.footer.set_text(content.footer or "")

    def fields(self) -> dict[str, Markable]:
        out: dict[str, Markable] = {}
        if self.header:
            out.update(self.header.fields())
        if self.body:
            out["interactive.body"] = self.body
            out["interactive.body.text"] = self.body
        if self.footer:
            out["interactive.footer"] = self.footer
            out["interactive.footer.text"] = self.footer
        return out
