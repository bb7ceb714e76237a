"""Start-up stays light: the window and today's checklist load no pandas, numpy, pyqtgraph…

Together they cost ~0.7 s of imports here, several times a bare window (issue 2/11). A fresh
interpreter is needed to see what start-up imports, so the window is built in a subprocess, the way
`shopdesk gui` builds it: the window painted first, then the shop opened and the checklist tab
built for a logged-in user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from shopdesk.config import Location

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "pyqtgraph", "openpyxl", "xlsxwriter", "python_calamine")

SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from shopdesk.config import resolve
from shopdesk.ui.app import make_app
from shopdesk.ui.main_window import MainWindow

HEAVY = json.loads(sys.argv[2])
location = resolve(Path(sys.argv[1]))
app = make_app()
window = MainWindow(location=location)
window.show()
QApplication.processEvents()
at_paint = sorted(m for m in HEAVY if m in sys.modules)

from shopdesk.auth import service as auth
from shopdesk.bootstrap import open_shop
from shopdesk.ui.context import UiContext

db = open_shop(location)
window.attach(UiContext(db=db, actor=auth.actor_by_name(db, "店主"), location=location))
built = window.lazy["checklist"].content
if built is not None:
    built.wait_loaded()  # campaign tasks, reminders and live data come from a worker
QApplication.processEvents()
print(json.dumps({
    "at_paint": at_paint,
    "with_checklist": sorted(m for m in HEAVY if m in sys.modules),
    "checklist_built": type(built).__name__ if built is not None else None,
    "tab": window.tabs.tabText(window.tabs.currentIndex()),
}))
if window.live is not None:
    window.live.stop()
db.dispose()
"""


def _start(location: Location, script: str = SCRIPT) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    out = subprocess.run(
        [sys.executable, "-c", script, str(location.data_dir), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.usefixtures("owner")
def test_window_and_todays_checklist_load_no_heavy_module(location: Location) -> None:
    result = _start(location)
    assert result["checklist_built"] == "ChecklistTab"  # the check really reached the tab
    assert result["at_paint"] == []
    assert result["with_checklist"] == []


@pytest.mark.usefixtures("owner")
def test_the_check_sees_a_heavy_module_when_one_is_imported(location: Location) -> None:
    """The probe itself works: a module imported at start-up shows up in its answer."""
    script = SCRIPT.replace("from PySide6.QtWidgets", "import numpy\nfrom PySide6.QtWidgets", 1)
    result = _start(location, script)
    assert "numpy" in result["at_paint"]
