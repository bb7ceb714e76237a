"""One window per SQLite shop: the second start asks the first to come to the front.

The QLockFile (`shopdesk.ui.app.single_instance_lock`) decides who owns the shop; this local
socket only carries the "please show yourself" message, so a user who double-clicks the icon
again finds the window they already had instead of a second one fighting over the same file.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from shopdesk.config import Location

RAISE = b"raise\n"


def server_name(location: Location) -> str:
    """Per data directory, short enough for a Unix socket path and safe on Windows pipes."""
    key = str(location.data_dir.expanduser().resolve())
    return "shopdesk-" + hashlib.sha256(key.encode()).hexdigest()[:16]


class RaiseServer(QObject):
    """Listens while this instance holds the shop's lock; `raised` fires on each request."""

    raised = Signal()

    def __init__(self, location: Location, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.server = QLocalServer(self)
        name = server_name(location)
        QLocalServer.removeServer(name)  # a crashed instance's socket; we hold the lock
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._closed(s))
            if sock.bytesAvailable():
                self._read(sock)

    def _closed(self, sock: QLocalSocket) -> None:
        self._read(sock)  # a client that wrote and left at once
        sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        if RAISE.strip() in bytes(sock.readAll().data()):
            bring_to_front(self.window)
            self.raised.emit()


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)  # where the window manager refuses focus, the taskbar blinks


def ask_running_to_raise(location: Location, timeout_ms: int = 1000) -> bool:
    """Tell the instance that owns this shop to show its window; False if nobody answered."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(location))
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(RAISE)
    ok = sock.waitForBytesWritten(timeout_ms)
    sock.disconnectFromServer()
    return ok
