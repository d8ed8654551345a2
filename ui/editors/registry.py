"""Message type -> editor class, in the order the type picker shows them.

A new message type is one model, one editor and one entry here.
"""

from __future__ import annotations

from composer.messages import MessageKind
from ui.editors.base import Editor
from ui.editors.catalog_message import CatalogMessageEditor
from ui.editors.cta_url import CtaUrlEditor
from ui.editors.flow import FlowEditor
from ui.editors.list_message import ListMessageEditor
from ui.editors.location_request import LocationRequestEditor
from ui.editors.multi_product import MultiProductEditor
from ui.editors.reaction import ReactionEditor
from ui.editors.reply_buttons import ReplyButtonsEditor
from ui.editors.single_product import SingleProductEditor

EDITORS: dict[MessageKind, type[Editor]] = {
    cls.kind: cls
    for cls in (
        ReplyButtonsEditor,
        ListMessageEditor,
        CtaUrlEditor,
        FlowEditor,
        SingleProductEditor,
        MultiProductEditor,
        CatalogMessageEditor,
        LocationRequestEditor,
        ReactionEditor,
    )
}


def editor_for(kind: MessageKind | str) -> type[Editor] | None:
    try:
        return EDITORS[MessageKind(kind)]
    except ValueError:
        return None
    except KeyError:
        return None
