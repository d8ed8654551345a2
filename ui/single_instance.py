"""One window per data folder: a second launch brings the first window to the front and quits.

Two windows on one data folder would fight over the same autosaved draft. The first launch
listens on a local socket (a named pipe on Windows) named after its data folder; a later launch
on the same folder connects, asks it to come to the front, and exits. Other data folders
(``WA_COMPOSER_HOME``) get other names, so they can run side by side. A socket file left by a
crash answers nobody: it is removed and the new launch listens in its place.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 1_000


def server_name(data_folder: Path) -> str:
    """The socket's name for ``data_folder``: the same folder always gives the same name.

    Two zlib checksums (64 bits), not a hashlib digest: hashlib loads OpenSSL, about 3 ms of the
    window's start, and the name only has to differ between folders (the socket is the user's
    own, nothing to forge)."""
    path = str(data_folder.resolve()).encode("utf-8")
    return f"wa-composer-{zlib.crc32(path):08x}{zlib.adler32(path):08x}"


class SingleInstance(QObject):
    """The first launch's server; ``activated`` fires when a later launch asks for the window."""

    activated = Signal()

    def __init__(self, data_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_folder)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def claim(self) -> bool:
        """True: this launch is the one (now listening). False: another one runs and was told.

        Asked twice around a failed listen, so two launches at once still end with one server:
        the socket is only removed when nobody answers it."""
        for _ in range(2):
            if self.hand_over():
                return False
            if self._server.listen(self.name):
                return True
            QLocalServer.removeServer(self.name)  # a stale socket, left by a crash
        return True  # cannot listen at all (e.g. a read-only temp folder): open unguarded

    def hand_over(self) -> bool:
        """Ask a running instance on this folder to show its window; False when none answers."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.canReadLine() and bytes(socket.readLine().data()) == ACTIVATE:
            self.activated.emit()
