"""文件 → 连接到服务器…: fill in a server, test it, save it; the next start uses it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from shopdesk.config import resolve, saved_url
from shopdesk.ui.connection_dialog import ConnectionDialog
from shopdesk.ui.context import UiContext
from shopdesk.ui.main_window import MainWindow

PG_URL = os.environ.get("SHOPDESK_TEST_PG_URL")


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> ConnectionDialog:
    d = ConnectionDialog(resolve(tmp_path / "pc"))
    qtbot.addWidget(d)
    with qtbot.waitExposed(d):
        d.show()
    return d


def _pick(qtbot: QtBot, radio: QRadioButton) -> None:
    """Click the radio's indicator (a wide radio button only reacts on its circle and text)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def _type(qtbot: QtBot, edit: object, text: str) -> None:
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, text)


def test_a_new_pc_starts_on_its_own_file_with_the_server_fields_off(
    dialog: ConnectionDialog,
) -> None:
    assert dialog.local.isChecked()
    assert not dialog.form.isEnabled() and not dialog.test_button.isEnabled()


def test_a_closed_port_is_explained_and_the_dialog_stays_open(
    qtbot: QtBot, dialog: ConnectionDialog
) -> None:
    _pick(qtbot, dialog.server)
    assert dialog.form.isEnabled()
    _type(qtbot, dialog.host, "127.0.0.1")
    _type(qtbot, dialog.port, "9")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "拒绝连接" in dialog.outcome.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.test_button.isEnabled()


def test_saving_a_server_is_what_the_next_start_opens(
    qtbot: QtBot, dialog: ConnectionDialog, tmp_path: Path
) -> None:
    _pick(qtbot, dialog.server)
    _type(qtbot, dialog.host, "10.0.0.5")
    _type(qtbot, dialog.user, "front")
    _type(qtbot, dialog.password, "p@ss:word")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    url = make_url(resolve(tmp_path / "pc").url)
    assert (url.drivername, url.host, url.port, url.username, url.password) == (
        "postgresql+psycopg",
        "10.0.0.5",
        5432,
        "front",
        "p@ss:word",
    )
    again = ConnectionDialog(resolve(tmp_path / "pc"))  # opened later: shows what was saved
    qtbot.addWidget(again)
    with qtbot.waitExposed(again):
        again.show()
    assert again.server.isChecked() and again.host.text() == "10.0.0.5"
    _pick(qtbot, again.local)
    again.save()
    assert saved_url(tmp_path / "pc") is None
    assert resolve(tmp_path / "pc").url.startswith("sqlite:///")


def test_an_empty_server_address_is_refused_in_words(
    qtbot: QtBot, dialog: ConnectionDialog, tmp_path: Path
) -> None:
    _pick(qtbot, dialog.server)
    dialog.save()
    assert dialog.isVisible() and "服务器地址" in dialog.outcome.text()
    assert saved_url(tmp_path / "pc") is None


@pytest.mark.skipif(not PG_URL, reason="needs SHOPDESK_TEST_PG_URL (a PostgreSQL server)")
def test_a_real_server_answers(qtbot: QtBot, dialog: ConnectionDialog) -> None:
    assert PG_URL
    u = make_url(PG_URL)
    _pick(qtbot, dialog.server)
    _type(qtbot, dialog.host, u.host or "localhost")
    _type(qtbot, dialog.database, u.database or "postgres")
    _type(qtbot, dialog.user, u.username or "")
    dialog.password.setText(u.password or "")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "连接成功" in dialog.outcome.text(), timeout=10_000)


def test_the_file_menu_offers_it_to_the_owner(qtbot: QtBot, ui_ctx: UiContext) -> None:
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    titles = [a.text() for a in w.file_menu.actions()]
    assert "连接到服务器…" in titles


def test_a_server_that_is_down_at_start_offers_the_connection_settings(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from shopdesk.config import Location
    from shopdesk.ui.app import start_gui

    seen: list[str] = []

    def later(fn: object, tries: list[int]) -> None:
        tries.append(1)
        if len(tries) < 200:  # ~10 s, never forever
            QTimer.singleShot(50, fn)  # type: ignore[call-overload]

    box_tries: list[int] = []
    dialog_tries: list[int] = []

    def answer_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            later(answer_box, box_tries)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "连接设置…").click()
        later(close_dialog, dialog_tries)

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectionDialog):
            later(close_dialog, dialog_tries)
            return
        seen.append(f"dialog for {dialog.host.text()}")
        dialog.reject()

    QTimer.singleShot(0, answer_box)
    down = Location(tmp_path / "pc", "postgresql+psycopg://shopdesk:x@127.0.0.1:9/shopdesk")
    try:
        window, code = start_gui(down)
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.close()
                w.deleteLater()
    assert (window, code) == (None, 1)
    assert len(seen) == 2 and "拒绝连接" in seen[0] and seen[1] == "dialog for 127.0.0.1"
