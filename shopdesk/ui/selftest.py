"""Open the window offscreen, show every tab once and quit: the smoke test of an installed build."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from shopdesk.auth.actor import Actor
from shopdesk.config import Location


def run(location: Location, actor: Actor) -> list[tuple[str, float]]:
    """Returns (tab, milliseconds to build) for every tab; raises if a tab fails to build."""
    from shopdesk.bootstrap import open_shop
    from shopdesk.ui.app import make_app
    from shopdesk.ui.context import UiContext
    from shopdesk.ui.main_window import TABS, MainWindow

    app = make_app()
    from shopdesk.ui import i18n

    qt_ok = ("QPlatformTheme", "OK")  # Qt's own string (a tuple keeps lupdate from collecting it)
    if i18n.current() == i18n.CHINESE and app.translate(*qt_ok) == "OK":
        raise RuntimeError("Qt's own Chinese (qtbase_zh_CN.qm) is missing: buttons would say OK")
    db = open_shop(location)
    window = MainWindow(UiContext(db=db, actor=actor, location=location))
    window.show()
    timings = []
    for index, (key, _title) in enumerate(TABS):
        started = time.perf_counter()
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        timings.append((key, (time.perf_counter() - started) * 1000))
    window.close()
    app.processEvents()
    db.dispose()
    return timings
