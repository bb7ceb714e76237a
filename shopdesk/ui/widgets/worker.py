"""Running a service call off the GUI thread, with progress, result and error as signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """`fn(progress)` runs in a QThreadPool thread; results come back by queued signals."""

    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except Exception as exc:  # shown by the receiver: a message for ShopDeskError, else details
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def start(job: Job) -> Job:
    """Run a job in the global pool; keep the returned job while its signals matter."""
    QThreadPool.globalInstance().start(job)
    return job
