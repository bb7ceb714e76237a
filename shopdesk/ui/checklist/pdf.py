"""PDF export usable from the CLI too: Qt lays the report out, so a GUI application must exist."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from shopdesk.reports import Report


def ensure_app() -> QApplication:
    """The running QApplication, or a windowless one (offscreen when there is no display)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from shopdesk.ui.app import make_app

    return make_app([sys.argv[0] if sys.argv else "shopdesk"])


def write_pdf(report: Report, path: str | Path) -> Path:
    from shopdesk.ui.printing import export_pdf

    ensure_app()
    return export_pdf(report, path)
