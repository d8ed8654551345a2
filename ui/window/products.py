"""The account's product catalog in the window: read off the UI thread, then handed to the
product editors (their SKU pickers) and the preview (each product's name, price and picture).

Reading starts when the first product editor (single, multi-product or catalog) is built, so
start-up never waits for it, and again when the profile changes. A catalog the token may not
read arrives empty with a note; the preview then shows SKUs and says why under the phone.
``Services.product_catalog`` is the one seam to the loader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from composer.messages import MessageKind
from ui.preview.layout import ProductPreview
from ui.window.account_reader import AccountReader, Report

if TYPE_CHECKING:
    from composer.catalog import Catalog
    from ui.editors.base import Editor
    from ui.services import Services
    from ui.tasks import TaskRunner
    from ui.window.main_window import MainWindow

PRODUCT_KINDS = frozenset({MessageKind.PRODUCT, MessageKind.PRODUCT_LIST, MessageKind.CATALOG})


class CatalogEditor(Protocol):
    def set_catalog(self, catalog: Catalog | None) -> None: ...


def previews(catalog: Catalog) -> dict[str, ProductPreview]:
    """What the preview draws per SKU: the name, the price as shown, the picture."""
    return {p.retailer_id: ProductPreview(p.name, p.shown_price, p.image_url) for p in catalog}


class CatalogLink(QObject):
    """``changed(catalog)`` each time a catalog arrives."""

    changed = Signal(object)

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        profile: Callable[[], str],
        report: Report,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.catalog: Catalog | None = None
        self._editors: list[CatalogEditor] = []
        self._reader: AccountReader[Catalog] = AccountReader(
            tasks, profile, self._read, self._arrived, report, "The product catalog"
        )

    def adopt(self, editor: Editor) -> None:
        """A new editor of the form: a product editor gets the catalog; the first starts the
        read."""
        if editor.kind not in PRODUCT_KINDS or not hasattr(editor, "set_catalog"):
            return
        self._editors.append(editor)
        editor.set_catalog(self.catalog)
        if self.catalog is None:
            self.load()

    def profile_changed(self) -> None:
        """Another account: its own catalog (only once products are in use)."""
        if self._editors:
            self.catalog = None
            self._publish()
            self.load()

    def load(self, *, refresh: bool = False) -> None:
        """Read the catalog on a worker thread (``ui.window.account_reader``)."""
        self._reader.load(refresh=refresh)

    def _read(self, name: str, refresh: bool) -> Catalog:
        profile = self._services.profile(name)
        return self._services.product_catalog(
            None if profile.is_sandbox else profile, refresh=refresh
        )

    def _arrived(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._publish()

    def _publish(self) -> None:
        for editor in self._editors:
            editor.set_catalog(self.catalog)
        self.changed.emit(self.catalog)


def wire_products(window: MainWindow) -> CatalogLink:
    """The link between the catalog and the window's product editors and preview."""
    link = CatalogLink(
        window.services, window.tasks, window.profile_name, window.send_bar.show_result, window
    )
    window.form.editor_made.connect(link.adopt)

    def show(catalog: Catalog | None) -> None:
        if catalog is None:
            window.preview.set_preview_data({})
        else:
            window.preview.set_preview_data(previews(catalog), catalog.note)

    link.changed.connect(show)
    return link
