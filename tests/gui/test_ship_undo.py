"""Undo/redo of table edits through the window's Edit menu keys, and remembered column layouts.

Driven like a user: a cell is typed into, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y are pressed on the window,
and both the table and the database are checked. Layouts: a column resized, moved and hidden comes
back in a new window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTableView
from pytestqt.qtbot import QtBot

from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.inventory import service as inventory
from shopdesk.inventory.importers import run_import
from shopdesk.kpi import service as kpi
from shopdesk.ui.context import UiContext
from shopdesk.ui.main_window import MainWindow

SAMPLES = Path(__file__).parents[1] / "io" / "samples" / "inventory"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


def _type_into(qtbot: QtBot, view: QTableView, text: str) -> None:
    """F2 on the current cell, replace its text, Enter."""
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_product_cell_undo_and_redo(qtbot: QtBot, ui_ctx: UiContext) -> None:
    db, actor = ui_ctx.db, ui_ctx.actor
    run_import(db, actor, "products", SAMPLES / "products_gbk.csv")
    w = _window(qtbot, ui_ctx)
    qtbot.keyClick(w, Qt.Key.Key_2, CTRL)
    page = w.tab("inventory").products  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() > 0, timeout=10_000)
    m = page.model
    row = next(i for i in range(m.rowCount()) if m.row_at(i).sku == "A1")
    col = next(i for i, c in enumerate(m.columns) if c.key == "warning_level")
    pid = m.row_at(row).id
    before = m.row_at(row).warning_level

    def shown() -> str:
        r = next(i for i in range(m.rowCount()) if m.row_at(i).sku == "A1")
        return str(m.data(m.index(r, col)))

    def stored() -> int:
        return inventory.list_products(db, actor, product_id=pid).rows[0].warning_level

    page.view.setCurrentIndex(m.index(row, col))
    _type_into(qtbot, page.view, "77")
    qtbot.waitUntil(lambda: shown() == "77", timeout=3000)
    assert stored() == 77
    assert w.undo_action.isEnabled()

    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    assert shown() == str(before)
    assert stored() == before
    assert "已撤销" in w.statusBar().currentMessage()

    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown() == "77" and stored() == 77
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    assert stored() == before
    qtbot.keyClick(w, Qt.Key.Key_Y, CTRL)
    assert shown() == "77" and stored() == 77
    assert "已重做" in w.statusBar().currentMessage()


@pytest.fixture
def agents(db: Database, owner: Actor, supervisor: Actor) -> dict[str, Actor]:
    for name, level in [("小唐", "高级售后客服"), ("小邓", "普通售后客服")]:
        auth.add_user(db, owner, name, "staff", job="客服", cs_level=level, supervisor="主管")
    return {n: auth.actor_by_name(db, n) for n in ("小唐", "小邓")}


def test_kpi_cell_undo_and_redo(
    qtbot: QtBot,
    db: Database,
    supervisor: Actor,
    agents: dict[str, Actor],
    location: Location,
) -> None:
    info = kpi.open_month(db, supervisor, "2026-10")
    w = _window(qtbot, UiContext(db=db, actor=supervisor, location=location))
    qtbot.keyClick(w, Qt.Key.Key_4, CTRL)
    tab = w.tab("kpi")
    m = tab.model  # type: ignore[attr-defined]
    assert m is not None
    col = m.column_of("complaint_deduction")
    agent_id = m.rows[0].agent_id

    def shown() -> str:
        return str(tab.model.data(tab.model.index(0, col)))  # type: ignore[attr-defined]

    def stored() -> object:
        rows = kpi.grid(db, supervisor, info.id).rows
        return next(r for r in rows if r.agent_id == agent_id).inputs.get("complaint_deduction")

    tab.view.select_cell(0, col)  # type: ignore[attr-defined]
    _type_into(qtbot, tab.view, "15")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: shown() == "15", timeout=3000)
    assert stored()
    assert w.undo_action.isEnabled()

    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    assert shown() == ""
    assert not stored()  # an empty deduction list
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown() == "15"
    assert stored()
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(w, Qt.Key.Key_Y, CTRL)
    assert shown() == "15"


def _products(qtbot: QtBot, w: MainWindow) -> QTableView:
    """The 库存补货 product table, once its rows have arrived."""
    w.show_tab("inventory")
    page = w.tab("inventory").products  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() > 0, timeout=10_000)
    return page.view  # type: ignore[no-any-return]


def test_column_layout_comes_back_in_a_new_window(qtbot: QtBot, ui_ctx: UiContext) -> None:
    run_import(ui_ctx.db, ui_ctx.actor, "products", SAMPLES / "products_gbk.csv")

    w = _window(qtbot, ui_ctx)
    header = _products(qtbot, w).horizontalHeader()
    header.resizeSection(2, 333)  # as a drag of the column edge does
    header.moveSection(header.visualIndex(3), 0)
    header.setSectionHidden(4, True)
    header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)
    qtbot.wait(500)  # saved once the dragging settles
    w.close()

    again = _window(qtbot, ui_ctx)
    h = _products(qtbot, again).horizontalHeader()
    qtbot.waitUntil(lambda: h.sectionSize(2) == 333, timeout=2000)  # over the fit to contents
    assert h.logicalIndex(0) == 3
    assert h.isSectionHidden(4)
    assert (h.sortIndicatorSection(), h.sortIndicatorOrder()) == (5, Qt.SortOrder.DescendingOrder)


def test_kpi_grid_layout_comes_back(
    qtbot: QtBot,
    db: Database,
    supervisor: Actor,
    agents: dict[str, Actor],
    location: Location,
) -> None:
    kpi.open_month(db, supervisor, "2026-10")
    ctx = UiContext(db=db, actor=supervisor, location=location)
    w = _window(qtbot, ctx)
    w.show_tab("kpi")
    header = w.tab("kpi").view.horizontalHeader()  # type: ignore[attr-defined]
    header.resizeSection(2, 211)
    qtbot.wait(500)
    w.close()
    again = _window(qtbot, ctx)
    again.show_tab("kpi")
    assert again.tab("kpi").view.horizontalHeader().sectionSize(2) == 211  # type: ignore[attr-defined]


# A popup menu on the offscreen platform: it cannot raise itself or grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_right_click_on_the_header_hides_a_column_for_next_time(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    run_import(ui_ctx.db, ui_ctx.actor, "products", SAMPLES / "products_gbk.csv")

    w = _window(qtbot, ui_ctx)
    header = _products(qtbot, w).horizontalHeader()
    title = str(header.model().headerData(3, Qt.Orientation.Horizontal))
    header.customContextMenuRequested.emit(QPoint(5, 5))  # what a right-click sends
    menu = next(m for m in header.findChildren(QMenu) if m.isVisible())
    entry = next(a for a in menu.actions() if a.text() == title)
    assert entry.isChecked()
    entry.trigger()
    assert header.isSectionHidden(3)
    qtbot.wait(500)
    w.close()

    again = _window(qtbot, ui_ctx)
    h = _products(qtbot, again).horizontalHeader()
    qtbot.waitUntil(lambda: h.isSectionHidden(3), timeout=2000)
    h.customContextMenuRequested.emit(QPoint(5, 5))
    menu = next(m for m in h.findChildren(QMenu) if m.isVisible())
    entry = next(a for a in menu.actions() if a.text() == title)
    assert not entry.isChecked()
    entry.trigger()  # and back
    assert not h.isSectionHidden(3) and h.sectionSize(3) >= 20


def test_a_page_not_shown_yet_leaves_no_layout_behind(qtbot: QtBot, ui_ctx: UiContext) -> None:
    """The orders page sets its columns up while hidden; that must not come back as the user's
    layout (it did: every column at Qt's default 100 px, the stretch lost)."""
    run_import(ui_ctx.db, ui_ctx.actor, "products", SAMPLES / "products_gbk.csv")
    inventory.create_po(ui_ctx.db, ui_ctx.actor, [inventory.NewLine("A1", 24)])
    w = _window(qtbot, ui_ctx)
    w.show_tab("inventory")
    tab = w.tab("inventory")
    page = tab.orders  # type: ignore[attr-defined]
    qtbot.wait(500)  # longer than the save delay: the hidden page's set-up must not be saved
    assert not [k for k in ui_ctx.ui_settings().allKeys() if "po_" in k]
    tab.pages.setCurrentWidget(page)  # type: ignore[attr-defined]
    page.reload()
    header = page.orders_view.horizontalHeader()
    # The supplier column takes the room the others leave, as on a first start.
    qtbot.waitUntil(lambda: header.sectionSize(1) > page.orders_view.width() // 3, timeout=2000)
