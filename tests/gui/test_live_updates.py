"""Live updates in the window: another PC's save shows up, typing survives, offline is shown."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from shopdesk.auth.actor import Actor
from shopdesk.db.changes import ChangeFeed
from shopdesk.db.engine import Database
from shopdesk.errors import ConnectionLost
from shopdesk.inventory import service as inventory
from shopdesk.ui import live
from shopdesk.ui.context import UiContext
from shopdesk.ui.inventory_tab import InventoryTab
from shopdesk.ui.main_window import MainWindow


@pytest.fixture
def other_pc(ui_ctx: UiContext) -> Iterator[Database]:
    """The warehouse PC: another client of the same shop database."""
    other = Database(ui_ctx.db.url)
    yield other
    other.dispose()


@pytest.fixture
def window(qtbot: QtBot, ui_ctx: UiContext) -> MainWindow:
    inventory.create_product(ui_ctx.db, ui_ctx.actor, "OLD-1", "已有商品")
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    w.resize(780, 560)
    with qtbot.waitExposed(w):
        w.show()
    w.show_tab("inventory")
    tab = w.tab("inventory")
    assert isinstance(tab, InventoryTab)
    qtbot.waitUntil(lambda: not tab.products.loading and len(tab.products.model.rows) == 1)
    return w


def _skus(w: MainWindow) -> set[str]:
    tab = w.tab("inventory")
    assert isinstance(tab, InventoryTab)
    return {r.sku for r in tab.products.model.rows}


def test_a_product_added_on_another_pc_appears_without_touching_anything(
    qtbot: QtBot, window: MainWindow, other_pc: Database, owner: Actor
) -> None:
    inventory.create_product(other_pc, owner, "NEW-1", "仓库新建")
    qtbot.waitUntil(lambda: "NEW-1" in _skus(window), timeout=8_000)
    assert window.live is not None and window.live.is_online


def test_what_the_user_is_typing_in_a_cell_survives_a_change_elsewhere(
    qtbot: QtBot, window: MainWindow, other_pc: Database, owner: Actor
) -> None:
    tab = window.tab("inventory")
    assert isinstance(tab, InventoryTab)
    view, model = tab.products.view, tab.products.model
    column = next(
        c
        for c in range(model.columnCount())
        if model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable
    )
    view.setFocus()
    view.setCurrentIndex(model.index(0, column))
    view.edit(model.index(0, column))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "12")
    assert live.user_is_editing()

    inventory.create_product(other_pc, owner, "NEW-2", "编辑时别人新建")
    qtbot.waitUntil(lambda: window.live is not None and bool(window.live.pending), timeout=8_000)
    qtbot.wait(600)  # a flush attempt or two: held back while the editor is open
    assert "NEW-2" not in _skus(window)
    assert editor.text() == "12"

    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # the user leaves the cell
    qtbot.waitUntil(lambda: "NEW-2" in _skus(window), timeout=5_000)


class _FlakyServer(ChangeFeed):
    """A feed whose server is down until `back` is set."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.back = threading.Event()

    def wait(self, timeout: float) -> set[str]:
        if not self.back.is_set():
            self.back.wait(timeout)
            raise ConnectionLost("连不上数据库 — 正在重试。")
        return set()


def test_losing_the_server_shows_offline_and_coming_back_reloads_every_tab(
    qtbot: QtBot, window: MainWindow, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "RETRY_S", 0.05)
    assert window.live is not None
    window.live.stop()
    flaky = _FlakyServer(ui_ctx.db)
    window.live = live.install(window, ui_ctx, feed=flaky)
    label = window.findChild(live.OfflineLabel)
    assert label is not None
    qtbot.waitUntil(label.isVisible, timeout=5_000)
    assert label.text() == "离线 — 正在重试"
    assert window.isVisible()

    seen: list[str] = []
    ui_ctx.bus.data_changed.connect(seen.append)
    flaky.back.set()
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: {"product", "checklist", "kpi"} <= set(seen), timeout=5_000)
    assert "已重新连接" in window.statusBar().currentMessage()


def test_closing_the_window_ends_the_watcher_thread(qtbot: QtBot, window: MainWindow) -> None:
    watcher = window.live
    assert watcher is not None
    window.close()
    qtbot.waitUntil(lambda: not watcher._thread.is_alive(), timeout=5_000)
