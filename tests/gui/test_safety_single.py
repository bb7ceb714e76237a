"""A second ShopDesk on the same shop: refused by the lock, and the first window comes forward."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from shopdesk.config import Location, resolve
from shopdesk.ui.app import single_instance_lock
from shopdesk.ui.safety.single import RaiseServer, ask_running_to_raise, server_name

SECOND = r"""
import sys
from PySide6.QtCore import QCoreApplication
from shopdesk.config import resolve
from shopdesk.ui.app import single_instance_lock
from shopdesk.ui.safety.single import ask_running_to_raise
app = QCoreApplication([])
loc = resolve(sys.argv[1])
print("lock" if single_instance_lock(loc) is not None else "refused", flush=True)
print("raised" if ask_running_to_raise(loc, 5000) else "silent", flush=True)
"""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen platform only
def test_a_second_process_is_refused_and_raises_the_first_window(qtbot, location: Location) -> None:  # type: ignore[no-untyped-def]
    lock = single_instance_lock(location)
    assert lock is not None
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    server = RaiseServer(location, window)
    assert server.listening
    proc = subprocess.Popen(
        [sys.executable, "-c", SECOND, str(location.data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        with qtbot.waitSignal(server.raised, timeout=20_000):
            pass
    finally:
        out, _ = proc.communicate(timeout=20)
    assert out.split() == ["refused", "raised"]
    assert not window.windowState() & Qt.WindowState.WindowMinimized
    lock.unlock()


def test_nobody_listening_is_reported_not_hung(location: Location) -> None:
    assert ask_running_to_raise(location, 200) is False


def test_each_shop_has_its_own_channel(tmp_path: Path) -> None:
    a, b = resolve(tmp_path / "a"), resolve(tmp_path / "b")
    assert server_name(a) != server_name(b)
    assert server_name(a) == server_name(resolve(tmp_path / "a"))
