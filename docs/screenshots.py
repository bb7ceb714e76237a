"""Regenerate the screenshots in docs/img from the demo shop: `python docs/screenshots.py`.

Runs offscreen (no display needed); the user guide and README use these files, so run it after a
change to any tab.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IMG = Path(__file__).resolve().parent / "img"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from shopdesk.auth import service as auth
    from shopdesk.bootstrap import open_shop
    from shopdesk.config import resolve
    from shopdesk.demo import generate
    from shopdesk.ui.app import make_app
    from shopdesk.ui.context import UiContext
    from shopdesk.ui.main_window import TABS, MainWindow

    app = make_app()
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        location = resolve(tmp)
        db = open_shop(location)
        generate(db)
        actor = auth.actor_by_name(db, "王芳")
        window = MainWindow(UiContext(db=db, actor=actor, location=location))
        window.resize(1366, 820)
        window.show()
        for index, (key, _title) in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            for _ in range(20):
                QApplication.processEvents()
            window.grab().save(str(IMG / f"tab-{key}.png"))
        window.tabs.setCurrentIndex(0)
        checklist = window.tab("checklist")
        everyone = getattr(checklist, "everyone", None)
        if everyone is not None:
            everyone.setChecked(True)  # the owner's own list is short; show the shop's day
        for _ in range(40):
            QApplication.processEvents()
        window.grab().save(str(IMG / "main-window.png"))
        window.close()
        db.dispose()
    del app
    print(f"screenshots written to {IMG}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
