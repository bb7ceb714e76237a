"""Running `shopdesk check` off the GUI thread (an integrity check of a big file takes seconds)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from shopdesk.db.engine import Database


class _Signals(QObject):
    done = Signal(list)


class CheckJob(QRunnable):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.signals = _Signals()

    def run(self) -> None:
        from shopdesk.safety.check import Finding, run_checks

        try:
            findings = run_checks(self.db)
        except Exception as exc:  # a check that cannot run is itself a finding
            findings = [
                Finding(False, "数据检查没有完成", str(exc), "请运行 shopdesk check 查看详情。")
            ]
        self.signals.done.emit(findings)
