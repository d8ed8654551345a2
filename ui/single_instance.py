"""One window per data folder: a second launch brings the first window to the front and quits.

Two windows on one data folder would fight over the same autosaved draft. The first launch
listens on a local socket (a named pipe on Windows) named after its data folder; a later launch
on the same folder connects, asks it to come to the front, and exits. Other data folders
(``WA_COMPOSER_HOME``) get other names, so they can run side by side. A socket file left by a
crash answers nobody: it is removed and the new launch listens in its place.

Where the system has Unix sockets, the claim (connect, else bind and listen) is made with the
standard library's ``_socket`` before the window is built, and Qt's ``QLocalServer`` takes the
listening socket over in ``serve``, once the editor is on screen: importing QtNetwork costs about
10 ms of the editor's start (and the ``socket`` module another 6, for its enums; ``_socket`` is
the C module it wraps). A launch in between is not lost: its connection and its line wait in the
socket's backlog. Elsewhere (Windows' named pipes) ``QLocalServer`` claims at once.
"""

from __future__ import annotations

import _socket
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 1_000
BACKLOG = 8
# Windows: QLocalServer serves named pipes, so it cannot take over a socket (even an AF_UNIX one).
UNIX_SOCKETS: bool = sys.platform != "win32" and hasattr(_socket, "AF_UNIX")


def server_name(data_folder: Path) -> str:
    """The socket's name for ``data_folder``: the same folder always gives the same name.

    Two zlib checksums (64 bits), not a hashlib digest: hashlib loads OpenSSL, about 3 ms of the
    window's start, and the name only has to differ between folders (the socket is the user's
    own, nothing to forge)."""
    path = str(data_folder.resolve()).encode("utf-8")
    return f"wa-composer-{zlib.crc32(path):08x}{zlib.adler32(path):08x}"


class SingleInstance(QObject):
    """The first launch's server; ``activated`` fires when a later launch asks for the window.

    ``unix_sockets`` picks the early claim (module docstring); tests run both ways."""

    activated = Signal()

    def __init__(
        self, data_folder: Path, parent: QObject | None = None, *, unix_sockets: bool = UNIX_SOCKETS
    ) -> None:
        super().__init__(parent)
        self.name = server_name(data_folder)
        self.path = str(Path(QDir.tempPath()) / self.name)  # where QLocalServer puts it, too
        self._unix = unix_sockets
        self._claimed: _socket.socket | None = None  # listening, until ``serve`` hands it to Qt
        self._server: QLocalServer | None = None

    @property
    def listening(self) -> bool:
        server = self._server
        return self._claimed is not None or (server is not None and server.isListening())

    def claim(self) -> bool:
        """True: this launch is the one (now listening). False: another one runs and was told.

        Asked twice around a failed listen, so two launches at once still end with one server:
        the socket is only removed when nobody answers it."""
        listen = self._listen_unix if self._unix else self._listen_qt
        for _ in range(2):
            if self.hand_over():
                return False
            if listen():
                return True
            Path(self.path).unlink(missing_ok=True)  # a stale socket, left by a crash
        return True  # cannot listen at all (e.g. a read-only temp folder): open unguarded

    def hand_over(self) -> bool:
        """Ask a running instance on this folder to show its window; False when none answers."""
        if not self._unix:
            return _hand_over_qt(self.name)
        client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        client.settimeout(CONNECT_TIMEOUT_MS / 1000)
        try:
            client.connect(self.path)
            client.sendall(ACTIVATE)
        except OSError:  # no file, nobody listening (a crash's leftover), or too slow
            return False
        finally:
            client.close()
        return True

    def serve(self) -> None:
        """Answer later launches from the event loop (Qt takes over the early claim's socket)."""
        if self._claimed is None:
            return
        server = self._make_server()
        descriptor = self._claimed.detach()  # Qt owns it now: closes it and removes the file
        self._claimed = None
        if not server.listen(descriptor):
            os.close(descriptor)

    def close(self) -> None:
        if self._claimed is not None:
            self._claimed.close()
            self._claimed = None
            Path(self.path).unlink(missing_ok=True)
        if self._server is not None:
            self._server.close()

    def _listen_unix(self) -> bool:
        listener = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
            listener.bind(self.path)
            os.chmod(self.path, 0o600)  # the user's own, as QLocalServer's UserAccessOption
            listener.listen(BACKLOG)
        except OSError:
            listener.close()
            return False
        self._claimed = listener
        return True

    def _listen_qt(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = self._server or self._make_server()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        return server.listen(self.name)

    def _make_server(self) -> QLocalServer:
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        return self._server

    def _on_connection(self) -> None:
        assert self._server is not None  # only its signal calls this
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            # A method of this object, not a lambda holding it: a lambda kept the instance alive
            # through its own socket, and that socket's deferred deletion then deleted the
            # instance, and so the server and the socket, from inside the socket's destructor
            # (a crash seen once in CI).
            socket.readyRead.connect(self._on_ready_read)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready_read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()  # the connection whose line arrived
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.canReadLine() and bytes(socket.readLine().data()) == ACTIVATE:
            self.activated.emit()


def _hand_over_qt(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True
