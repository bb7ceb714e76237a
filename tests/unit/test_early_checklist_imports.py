"""The early checklist (tickable before the shop opens) is read and shown without SQLAlchemy.

A fresh interpreter shows what start-up really imports: the window, then today's checklist for a
user without a PIN, as `shopdesk --as NAME` shows them before the loading thread starts.
"""

from __future__ import annotations

import pytest

from shopdesk.config import Location
from tests.unit.test_startup_imports import _start  # a fresh interpreter, its last line as JSON

SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from shopdesk.config import resolve
from shopdesk.ui.app import make_app, show_quick_checklist
from shopdesk.ui.main_window import MainWindow

location = resolve(Path(sys.argv[1]))
app = make_app()
window = MainWindow(location=location)
window.show()
shown = show_quick_checklist(window, location, "店主")
QApplication.processEvents()
preview = window.lazy["checklist"].preview
print(json.dumps({
    "shown": shown,
    "rows": len(preview.rows) if preview is not None else 0,
    "loaded": sorted(m for m in ("sqlalchemy", "alembic") if m in sys.modules),
}))
"""


@pytest.mark.usefixtures("owner")
def test_the_early_checklist_loads_no_sqlalchemy(location: Location) -> None:
    result = _start(location, SCRIPT)
    assert result["shown"] and result["rows"] > 0  # the check really reached the checklist
    assert result["loaded"] == []
