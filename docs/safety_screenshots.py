"""Screenshots for docs/safety.md: `python docs/safety_screenshots.py` (offscreen).

The backup dialog with a few days of copies, the audit log viewer, the start-up banner after a
row of the log was edited behind ShopDesk's back, and the bulk-change question.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IMG = Path(__file__).resolve().parent / "img"


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from sqlalchemy import select

    from shopdesk.audit.models import AuditEntry
    from shopdesk.auth import service as auth
    from shopdesk.backup import backup_sqlite, stamped_name
    from shopdesk.bootstrap import open_shop
    from shopdesk.config import resolve
    from shopdesk.demo import generate
    from shopdesk.ui.app import make_app
    from shopdesk.ui.context import UiContext
    from shopdesk.ui.main_window import MainWindow
    from shopdesk.ui.safety.audit_dialog import AuditDialog
    from shopdesk.ui.safety.backup_dialog import BackupDialog
    from shopdesk.ui.safety.flags import confirm_bulk

    app = make_app()

    def settle(widget: QWidget, name: str, rounds: int = 30) -> None:
        for _ in range(rounds):
            app.processEvents()
        widget.grab().save(str(IMG / name))

    with tempfile.TemporaryDirectory() as tmp:
        location = resolve(tmp)
        db = open_shop(location)
        generate(db)
        assert location.sqlite_path is not None
        now = datetime.now().replace(hour=9, minute=12)
        for back, reason in [(0, "daily"), (1, "daily"), (2, "manual"), (3, "daily"), (9, "daily"),
                             (16, "before-migration"), (40, "daily")]:  # fmt: skip
            moment = now - timedelta(days=back, minutes=back * 7)
            backup_sqlite(location.sqlite_path, location.backup_dir / stamped_name(reason, moment))
        ctx = UiContext(db=db, actor=auth.actor_by_name(db, "王芳"), location=location)

        dialog = BackupDialog(ctx)
        dialog.resize(760, 380)
        dialog.show()
        settle(dialog, "safety-backups.png")
        dialog.close()

        viewer = AuditDialog(ctx)
        viewer.resize(1100, 560)
        viewer.show()
        settle(viewer, "safety-audit.png")
        viewer.close()

        def grab_question() -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(50, grab_question)
                return
            settle(box, "safety-bulk.png", 10)
            box.close()

        QTimer.singleShot(0, grab_question)
        confirm_bulk(ctx, None, 180, "库存")  # type: ignore[arg-type]

        with db.write() as s:
            s.execute(select(AuditEntry).limit(1)).scalar_one().after = {"库存": 9999}
        window = MainWindow(ctx)
        window.resize(1200, 640)
        window.show()
        window.start_check()
        deadline = time.monotonic() + 20
        while not window.banner.isVisible() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        settle(window, "safety-banner.png")
        window.close()
        db.dispose()
    print(f"written to {IMG}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
