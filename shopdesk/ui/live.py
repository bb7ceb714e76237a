"""Live updates in the window: other PCs' saves reach `ctx.bus.data_changed` within seconds.

A daemon thread waits on the change feed (`shopdesk.db.changes`: LISTEN/NOTIFY on PostgreSQL,
`PRAGMA data_version` on SQLite) and hands the changed kinds to the GUI thread through a queued
signal. A plain Python thread, not a QThread: a window that is thrown away without being closed
must not take the process down with "QThread destroyed while running".

What the user is typing is never lost: while a table cell editor, a dialog or a popup is open,
changes wait and are delivered when it closes. While the database cannot be reached the status
bar says "离线 — 正在重试", the feed retries, and once back every tab reloads (changes may have been
missed meanwhile).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMainWindow, QWidget

from shopdesk.db.changes import EVERYTHING, ChangeFeed
from shopdesk.errors import ConnectionLost

if TYPE_CHECKING:
    from shopdesk.ui.context import UiContext

# Every kind a tab listens for; EVERYTHING (after a reconnect) reloads them all.
ALL_KINDS = ("checklist", "product", "campaign", "kpi", "metric", "setting", "user")
WAIT_S = 1.0  # how long one feed wait blocks (also how fast stop() is noticed)
RETRY_S = 3.0  # between reconnection attempts while offline
FLUSH_MS = 500  # how often waiting changes are retried while the user is busy


class _Relay(QObject):
    """Lives on the GUI thread; the feed thread emits, Qt queues the call to the GUI thread."""

    changed = Signal(list)
    offline = Signal(str)
    online = Signal()


class LiveWatcher(QObject):
    """Watches the shop's database for other people's changes while the window is open."""

    online_changed = Signal(bool)

    def __init__(
        self,
        ctx: UiContext,
        parent: QObject | None = None,
        *,
        wait_s: float = WAIT_S,
        feed: ChangeFeed | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_online = True
        self.pending: set[str] = set()
        self._stop = threading.Event()
        self._relay = _Relay(self)
        self._relay.changed.connect(self._arrived)
        self._relay.offline.connect(lambda _msg: self._set_online(False))
        self._relay.online.connect(lambda: self._set_online(True))
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)
        self._thread = threading.Thread(
            target=self._run,
            args=(feed or ChangeFeed(ctx.db), wait_s),
            name="shopdesk-live",
            daemon=True,
        )

    def start(self) -> LiveWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ends the feed thread (it notices within `wait_s`); safe to call twice."""
        self._stop.set()
        self._timer.stop()

    # -- feed thread -------------------------------------------------------------------------
    def _run(self, feed: ChangeFeed, wait_s: float) -> None:
        relay = self._relay
        offline = False
        try:
            while not self._stop.is_set():
                try:
                    kinds = feed.wait(wait_s)
                except ConnectionLost as exc:
                    if not offline:
                        offline = True
                        relay.offline.emit(str(exc))
                    self._stop.wait(retry_s())
                    continue
                if offline:
                    offline = False
                    relay.online.emit()
                if kinds and not self._stop.is_set():
                    relay.changed.emit(sorted(kinds))
        except RuntimeError:  # the window (and its relay) is gone: nothing left to tell
            pass
        finally:
            feed.close()

    # -- GUI thread --------------------------------------------------------------------------
    def _arrived(self, kinds: list[str]) -> None:
        for kind in kinds:
            self.pending.update(ALL_KINDS if kind == EVERYTHING else (kind,))
        self.flush()

    def flush(self) -> None:
        """Deliver waiting changes unless the user is in the middle of an edit."""
        if not self.pending or self._stop.is_set():
            self._timer.stop()
            return
        if user_is_editing():
            self._timer.start()
            return
        self._timer.stop()
        kinds, self.pending = sorted(self.pending), set()
        for kind in kinds:
            self.ctx.bus.data_changed.emit(kind)

    def _set_online(self, online: bool) -> None:
        if online == self.is_online:
            return
        self.is_online = online
        self.online_changed.emit(online)
        if online:
            self._arrived([EVERYTHING])


def retry_s() -> float:
    return RETRY_S  # read at each retry, so a test can shorten it


def user_is_editing() -> bool:
    """A cell editor, a dialog or a popup is open: a reload now could throw away typing."""
    if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
        return True
    focus = QApplication.focusWidget()
    widget = focus.parentWidget() if focus is not None else None
    while widget is not None:
        if isinstance(widget, QAbstractItemView):
            return focus is not widget  # the view itself has focus: no editor is open
        widget = widget.parentWidget()
    return False


class OfflineLabel(QLabel):
    """The status bar's "离线 — 正在重试"; hidden while the database answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("离线 — 正在重试"), parent)
        self.setObjectName("offlineIndicator")
        self.setStyleSheet(
            "#offlineIndicator { background: #fdecea; color: #8a1c13; padding: 0 6px; }"
        )
        self.setToolTip(
            self.tr(
                "连不上数据库服务器。已打开的数据可以继续查看, 保存会被拒绝 (不会只存一半)。"
                "程序每隔几秒自动重试, 连上后各页自动刷新。"
            )
        )
        self.hide()


def install(window: QMainWindow, ctx: UiContext, feed: ChangeFeed | None = None) -> LiveWatcher:
    """Start watching for `window`; the caller stops the watcher when the window closes."""
    label = window.findChild(OfflineLabel)
    if label is None:
        label = OfflineLabel(window)
        window.statusBar().addWidget(label)
    watcher = LiveWatcher(ctx, window, feed=feed)

    def show(online: bool) -> None:
        label.setVisible(not online)
        if online:
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "已重新连接到数据库, 数据已刷新"), 8000
            )

    watcher.online_changed.connect(show)
    label.hide()
    return watcher.start()
