"""Running a service call off the GUI thread, with progress, result and error as signals.

`start(job)` keeps the job (and so its signals object) alive until its result has been delivered
on the GUI thread; a job nobody held could be collected first and its result silently lost.
"""

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


class _Keeper(QObject):
    """Lives on the GUI thread; holds running jobs until their last signal has arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[Job] = []

    def hold(self, job: Job) -> None:
        self.jobs.append(job)
        # Connected after the caller's slots, so it runs after them (queued, same order).
        job.signals.done.connect(self.release)
        job.signals.failed.connect(self.release)

    def release(self, _result: object = None) -> None:
        sender = self.sender()
        self.jobs = [j for j in self.jobs if j.signals is not sender]


_keeper: _Keeper | None = None


def start(job: Job) -> Job:
    """Run a job in the global pool (call from the GUI thread, after connecting its signals)."""
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    _keeper.hold(job)
    QThreadPool.globalInstance().start(job)
    return job
