"""Images for the preview: local files at once, links fetched off the UI thread and cached.

Painting never waits for the network: a missing image is drawn as a placeholder, and when a
fetch finishes ``changed`` fires so the view lays out again with the real picture.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

_MAX_BYTES = 10 * 1024 * 1024
_THUMB = 1024  # longest side kept in memory
_WORKERS = 2


class MediaStore(QObject):
    """Key -> QImage. Keys are links (http(s), file:// or a local path) or "media-id:<id>"."""

    changed = Signal()
    _loaded = Signal(str, QImage)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images: dict[str, QImage] = {}
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._local: dict[str, str] = {}
        self._queue: queue.SimpleQueue[tuple[str, str] | None] = queue.SimpleQueue()
        self._workers: list[threading.Thread] = []
        self.fetch_links = True  # False: links stay placeholders (tests without a network)
        self._loaded.connect(self._store)

    @property
    def images(self) -> dict[str, QImage]:
        return self._images

    def sizes(self) -> dict[str, tuple[int, int]]:
        return {k: (v.width(), v.height()) for k, v in self._images.items()}

    def set_local_file(self, key: str, path: str | Path) -> None:
        """Show ``path`` for ``key`` (e.g. the file behind an uploaded media id)."""
        self._local[key] = str(path)
        self._images.pop(key, None)
        self._failed.discard(key)

    def is_pending(self, key: str) -> bool:
        return key in self._pending

    def request(self, key: str) -> bool:
        """Start loading ``key`` unless it is loaded, loading or known to fail.

        True when the image was loaded right away (a local file): lay out again.
        """
        if not key or key in self._images or key in self._pending or key in self._failed:
            return False
        source = self._local.get(key, key)
        if source.startswith(("http://", "https://")):
            if not self.fetch_links:
                return False
            self._pending.add(key)
            if not self._workers:
                # daemon threads: a slow server never keeps the app from quitting
                self._workers = [
                    threading.Thread(target=self._work, name="preview-media", daemon=True)
                    for _ in range(_WORKERS)
                ]
                for worker in self._workers:
                    worker.start()
            self._queue.put((key, source))
            return False
        path = (
            Path(unquote(urlparse(source).path)) if source.startswith("file://") else Path(source)
        )
        if key.startswith("media-id:") and key not in self._local:
            return False
        image = _read_local(path)
        if image is None:
            self._failed.add(key)
            return False
        self._images[key] = image
        return True

    def close(self) -> None:
        """Stop the fetch threads (pending fetches are dropped)."""
        for _ in self._workers:
            self._queue.put(None)
        self._workers = []

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            self._fetch(*job)

    def _fetch(self, key: str, url: str) -> None:
        import httpx  # imported here: the app must start fast

        image = QImage()
        try:
            with (
                httpx.Client(timeout=10.0, follow_redirects=True) as client,
                client.stream("GET", url) as response,
            ):
                response.raise_for_status()
                data = bytearray()
                for chunk in response.iter_bytes():
                    data.extend(chunk)
                    if len(data) > _MAX_BYTES:
                        raise ValueError("image too large for a preview")
            image = _thumb(QImage.fromData(bytes(data)))
        except (httpx.HTTPError, ValueError):
            image = QImage()
        # RuntimeError: the view was closed while we fetched, nobody is left to tell
        with contextlib.suppress(RuntimeError):
            self._loaded.emit(key, image)

    def _store(self, key: str, image: QImage) -> None:
        self._pending.discard(key)
        if image.isNull():
            self._failed.add(key)
            return
        self._images[key] = image
        self.changed.emit()


def _thumb(image: QImage) -> QImage:
    if image.isNull() or max(image.width(), image.height()) <= _THUMB:
        return image
    return image.scaled(
        _THUMB,
        _THUMB,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _read_local(path: Path) -> QImage | None:
    if not path.is_file():
        return None
    image = QImage(str(path))
    return None if image.isNull() else _thumb(image)
