"""Purchase orders in the 库存补货 tab, driven like a user: 生成采购单 from the saved sheet,
新建采购单… with cell checks, and 标记到货 for a whole order or single lines."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.clock import today
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.inventory import service
from shopdesk.inventory.importers import run_import
from shopdesk.inventory.service import NewLine
from shopdesk.ui.context import UiContext
from shopdesk.ui.inventory.po_dialog import ETA, NAME, QTY, SKU, NewPoDialog
from shopdesk.ui.inventory.po_view import PoOrderModel, group_orders
from shopdesk.ui.inventory_tab import InventoryTab
from tests.gui.test_inventory_tab import (
    _seed,  # A1, A2 (义乌杯厂), B1 (杭州包厂); A1, B1 to restock
)

SAMPLES = Path(__file__).parents[1] / "io" / "samples" / "inventory"


def activate(qtbot: QtBot, w: QWidget) -> None:
    """Shortcuts need the active window; offscreen Qt does not give it back after a dialog."""
    if QApplication.activeWindow() is not w:
        with qtbot.waitActive(w):
            w.activateWindow()


def _tab(qtbot: QtBot, ctx: UiContext) -> InventoryTab:
    w = InventoryTab(ctx)
    qtbot.addWidget(w)
    w.resize(780, 560)
    with qtbot.waitActive(w):  # shortcuts fire only in the active window
        w.show()
        w.activateWindow()
    qtbot.waitUntil(lambda: not w.products.loading, timeout=10_000)
    return w


@pytest.fixture
def tab(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path) -> InventoryTab:
    _seed(ui_ctx.db, ui_ctx.actor, tmp_path)
    return _tab(qtbot, ui_ctx)


def answer(key: Qt.Key, seen: list[str]) -> None:
    """Answer the next message box as a user would: Enter = its default button, Esc = No,
    Y = Yes (its Alt+Y mnemonic) whatever the default."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text())
        # Click the button the key stands for: offscreen Qt may not make the box the active
        # window, and a key would then go to the shortcuts of the widget that had the focus.
        if key == Qt.Key.Key_Escape:
            button = box.button(QMessageBox.StandardButton.No) or box.escapeButton()
        elif key == Qt.Key.Key_Y:
            button = box.button(QMessageBox.StandardButton.Yes)
        else:
            button = box.defaultButton() or box.button(QMessageBox.StandardButton.Ok)
        assert button is not None
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, poll)


MODS_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _audit(db: Database, entity: str, action: str) -> list[tuple[str, int | None]]:
    """(entity id, user id) of each audit row of that kind."""
    q = select(AuditEntry.entity_id, AuditEntry.user_id).where(
        AuditEntry.entity == entity, AuditEntry.action == action
    )
    with db.read() as s:
        return list(s.execute(q).tuples())


def _open_sheet(qtbot: QtBot, tab: InventoryTab) -> None:
    tab.pages.setCurrentWidget(tab.sheet)
    qtbot.waitUntil(lambda: not tab.sheet.loading and tab.sheet.sheet is not None)


# --- 生成采购单 ------------------------------------------------------------------------------


def test_generate_refuses_an_unsaved_sheet(qtbot: QtBot, tab: InventoryTab) -> None:
    _open_sheet(qtbot, tab)
    seen: list[str] = []
    answer(Qt.Key.Key_Return, seen)
    qtbot.mouseClick(tab.sheet.order_btn, Qt.MouseButton.LeftButton)
    assert seen and "还没有保存" in seen[0]
    assert service.list_po_lines(tab.ctx.db, tab.ctx.actor) == []


def test_generate_from_saved_sheet_confirms_then_shows_the_orders(
    qtbot: QtBot, tab: InventoryTab
) -> None:
    _open_sheet(qtbot, tab)
    qtbot.mouseClick(tab.sheet.save_btn, Qt.MouseButton.LeftButton)
    assert tab.sheet.sheet is not None and tab.sheet.sheet.saved
    # Cancelling (Esc) orders nothing.
    seen: list[str] = []
    answer(Qt.Key.Key_Escape, seen)
    qtbot.keyClick(tab.sheet.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    assert service.list_po_lines(tab.ctx.db, tab.ctx.actor) == []
    # The confirmation names each supplier with lines, units and ETA, and the total.
    text = " ".join(re.sub(r"<[^>]+>", " ", seen[0]).split())  # what the box shows
    assert "生成 2 张采购单" in text
    eta = (today() + timedelta(days=5)).isoformat()
    assert f"供应商 行数 件数 预计到货 义乌杯厂 1 行 72 件 {eta}" in text
    assert "杭州包厂 1 行 50 件" in text and "合计 2 行, 122 件" in text
    statuses: list[str] = []
    tab.ctx.bus.status.connect(statuses.append)
    seen.clear()
    answer(Qt.Key.Key_Return, seen)
    activate(qtbot, tab)
    qtbot.keyClick(tab.sheet.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    # The 采购单 page shows the two new orders, the first one selected with its lines.
    assert tab.pages.currentWidget() is tab.orders
    m = tab.orders.orders_model
    assert m.rowCount() == 2
    shown = [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(2)]
    day = today()
    assert shown[0] == [
        f"PO{day:%Y%m%d}-01",
        "义乌杯厂",
        (day + timedelta(days=5)).isoformat(),
        "未到货",
        "1",
        "72",
    ]
    assert shown[1][1] == "杭州包厂" and shown[1][5] == "50"
    assert tab.orders.model.rowCount() == 1 and tab.orders.model.rows[0].sku == "A1"
    assert "72 件" in tab.orders.lines_title.text()
    assert any("已生成 2 张采购单" in s for s in statuses)
    assert len(_audit(tab.ctx.db, "purchase_order", "create")) == 2
    # The sheet says what was ordered, and a second Ctrl+G refuses clearly.
    _open_sheet(qtbot, tab)
    qtbot.waitUntil(lambda: "已生成 2 张采购单" in tab.sheet.status.text())
    seen.clear()
    answer(Qt.Key.Key_Return, seen)
    tab.sheet.order_action.trigger()
    assert seen and "没有要下单的行" in seen[0]
    assert len(service.list_po_lines(tab.ctx.db, tab.ctx.actor)) == 2


# --- 新建采购单… -----------------------------------------------------------------------------


def _dialog(qtbot: QtBot, tab: InventoryTab) -> NewPoDialog:
    d = NewPoDialog(tab.ctx, tab.products.model.rows)
    qtbot.addWidget(d)
    with qtbot.waitActive(d):
        d.show()
        d.activateWindow()
    return d


def _editor(d: NewPoDialog) -> QLineEdit:
    """The cell editor just opened (closed ones linger until deleteLater runs)."""
    open_now = [w for w in d.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(open_now) == 1
    return open_now[0]


# The SKU completer's popup: the offscreen plugin cannot raise it or grab the keyboard.
POPUP = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def type_cell(qtbot: QtBot, d: NewPoDialog, row: int, col: int, text: str) -> None:
    """F2 on the cell, type ASCII into its editor, Tab to the next cell (commits)."""
    d.table.setCurrentCell(row, col)
    d.table.setFocus()
    qtbot.keyClick(d.table, Qt.Key.Key_F2)
    editor = _editor(d)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


@POPUP
def test_new_po_dialog_checks_each_cell_and_creates(qtbot: QtBot, tab: InventoryTab) -> None:
    d = _dialog(qtbot, tab)
    assert not d.ok.isEnabled()  # nothing to order yet
    type_cell(qtbot, d, 0, SKU, "ZZ9")
    assert "没有这个 SKU: ZZ9" in d.message.text()
    assert d.table.item(0, SKU).toolTip() == "没有这个 SKU: ZZ9"
    assert d.table.item(0, SKU).background().color().name() == "#fde2e1"
    assert not d.ok.isEnabled()
    type_cell(qtbot, d, 0, SKU, "a1")  # case matters: A1 exists, a1 not
    assert "没有这个 SKU: a1" in d.message.text()
    type_cell(qtbot, d, 0, SKU, "A1")
    # Name, supplier, one case and ETA = today + lead time (5) filled in.
    assert d.table.item(0, NAME).text() == "保温杯 500ml"
    assert d.supplier.currentData() == "义乌杯厂"
    assert d.table.item(0, QTY).text() == "12"
    assert d.table.item(0, ETA).text() == (today() + timedelta(days=5)).isoformat()
    assert d.message.text() == "" and d.ok.isEnabled()
    assert d.table.rowCount() == 2  # a fresh line to type the next SKU into
    type_cell(qtbot, d, 0, QTY, "0")
    # The service's own words (shopdesk/inventory/po_rules.py).
    assert "第 1 行 · 数量: 数量应在 1 到 10,000,000 之间" in d.message.text()
    assert not d.ok.isEnabled()
    type_cell(qtbot, d, 0, QTY, "2.5")
    assert "必须是整数" in d.table.item(0, QTY).toolTip()
    type_cell(qtbot, d, 0, QTY, "24")
    type_cell(qtbot, d, 1, SKU, "B1")  # another supplier's product
    assert "B1 的供应商是 杭州包厂, 不是 义乌杯厂" in d.message.text()
    type_cell(qtbot, d, 1, SKU, "A1")
    assert "与第 1 行重复" in d.message.text()
    type_cell(qtbot, d, 1, SKU, "A2")
    type_cell(qtbot, d, 1, QTY, "30")
    assert d.ok.isEnabled() and "2 行 · 共 54 件" in d.total.text()
    activate(qtbot, d)
    qtbot.keyClick(d.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert d.created is not None and d.result() == 1
    lines = service.list_po_lines(tab.ctx.db, tab.ctx.actor)
    assert [(ln.sku, ln.qty, ln.supplier) for ln in lines] == [
        ("A1", 24, "义乌杯厂"),
        ("A2", 30, "义乌杯厂"),
    ]
    assert lines[0].po_number == f"PO{today():%Y%m%d}-01"


@POPUP
def test_sku_completer_finds_products_by_name(qtbot: QtBot, tab: InventoryTab) -> None:
    d = _dialog(qtbot, tab)
    d.table.setCurrentCell(0, SKU)
    qtbot.keyClick(d.table, Qt.Key.Key_F2)
    editor = _editor(d)
    assert editor.completer() is not None
    editor.insert("帆布")  # as an input method commits Chinese
    completer = editor.completer()
    completer.setCompletionPrefix("帆布")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "B1 — 帆布包"
    editor.setText(completer.currentCompletion())
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert d.table.item(0, SKU).text() == "B1"  # only the code is kept
    assert d.table.item(0, ETA).text() == (today() + timedelta(days=10)).isoformat()
    assert d.table.item(0, QTY).text() == "1"


def test_new_order_from_the_page_shows_it_selected(qtbot: QtBot, tab: InventoryTab) -> None:
    tab.pages.setCurrentWidget(tab.orders)
    page = tab.orders
    assert page.orders_model.rowCount() == 0 and "0 张采购单" in page.summary.text()

    def fill() -> None:
        d = QApplication.activeModalWidget()
        if not isinstance(d, NewPoDialog):
            QTimer.singleShot(20, fill)
            return
        d.table.item(0, SKU).setText("B1")
        d.table.item(0, QTY).setText("40")
        d.number.setText("SUP-778")
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    page.orders_view.setFocus()
    qtbot.keyClick(page.orders_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.orders_model.rowCount() == 1
    assert page.current_order() is not None and page.current_order().po_number == "SUP-778"
    assert page.model.rowCount() == 1 and page.model.rows[0].qty == 40
    m = tab.products.model
    tab.pages.setCurrentWidget(tab.products)
    qtbot.waitUntil(lambda: not tab.products.loading)
    b1 = next(m.row_at(i) for i in range(m.rowCount()) if m.row_at(i).sku == "B1")
    assert b1.on_order == 40


# --- 标记到货 --------------------------------------------------------------------------------


def _two_line_order(tab: InventoryTab) -> None:
    ctx = tab.ctx
    service.create_po(
        ctx.db,
        ctx.actor,
        [NewLine("A1", 24, today() + timedelta(days=3)), NewLine("A2", 10)],
        supplier="义乌杯厂",
        po_number="PO-7",
    )


def _on_hand(tab: InventoryTab, sku: str) -> int:
    cat = service.list_products(tab.ctx.db, tab.ctx.actor)
    return next(r.on_hand for r in cat.rows if r.sku == sku)


def test_receive_one_line_then_the_rest_of_the_order(qtbot: QtBot, tab: InventoryTab) -> None:
    _two_line_order(tab)
    a1, a2 = _on_hand(tab, "A1"), _on_hand(tab, "A2")
    tab.pages.setCurrentWidget(tab.orders)
    page = tab.orders
    assert page.orders_model.rowCount() == 1 and page.model.rowCount() == 2
    assert page.receive_btn.isEnabled()
    # One line: select it in the detail table, Ctrl+R, confirm.
    page.view.setFocus()
    page.view.selectRow(0)
    assert page.view.hasFocus()
    seen: list[str] = []
    answer(Qt.Key.Key_Escape, seen)  # first change our mind
    qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "采购单 PO-7 的 1 行到货" in seen[0] and "共 24 件" in seen[0]
    assert _on_hand(tab, "A1") == a1
    answer(Qt.Key.Key_Return, seen)
    activate(qtbot, tab)
    qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert _on_hand(tab, "A1") == a1 + 24 and _on_hand(tab, "A2") == a2
    m = page.orders_model
    assert m.data(m.index(0, 3)) == "部分到货 1/2"
    assert page.model.data(page.model.index(0, 6)).startswith("已到货")
    # No line selected: the rest of the order.
    page.view.clearSelection()
    answer(Qt.Key.Key_Return, seen)
    qtbot.mouseClick(page.receive_btn, Qt.MouseButton.LeftButton)
    assert "采购单 PO-7 整单到货: 共 10 件" in seen[-1]
    assert _on_hand(tab, "A2") == a2 + 10
    assert m.data(m.index(0, 3)) == "已到货"  # still shown, although 只看未到齐 is on
    assert not page.receive_btn.isEnabled()
    received = _audit(tab.ctx.db, "product", "receive")
    assert received == [("A1", tab.ctx.actor.id), ("A2", tab.ctx.actor.id)]
    # Unticking 只看未到齐 keeps it; a reload with the filter on drops it.
    page.reload()
    assert m.rowCount() == 0


def test_staff_sees_orders_but_cannot_create_or_receive(
    qtbot: QtBot, db: Database, owner: Actor, staff: Actor, location: Location, tmp_path: Path
) -> None:
    _seed(db, owner, tmp_path)
    service.create_po(db, owner, [NewLine("A1", 24)], supplier="义乌杯厂")
    w = _tab(qtbot, UiContext(db=db, actor=staff, location=location))
    w.pages.setCurrentWidget(w.orders)
    assert w.orders.orders_model.rowCount() == 1
    assert not w.orders.new_btn.isEnabled() and not w.orders.receive_btn.isEnabled()
    assert "权限" in w.orders.new_btn.toolTip()
    qtbot.keyClick(w.orders.orders_view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert service.list_po_lines(db, staff, open_only=True)  # nothing received
    _open_sheet(qtbot, w)
    assert not w.sheet.order_btn.isEnabled() and "权限" in w.sheet.order_btn.toolTip()


def test_order_model_passes_qtmodeltester(qtmodeltester: Any, db: Database, owner: Actor) -> None:
    run_import(db, owner, "products", SAMPLES / "products_gbk.csv")
    service.create_po(db, owner, [NewLine("A1", 24), NewLine("B1", 5, date(2026, 12, 30))])
    model = PoOrderModel()
    model.set_orders(group_orders(service.list_po_lines(db, owner)))
    assert model.data(model.index(0, 2)).endswith("– 12-30")  # lines arrive on different days
    qtmodeltester.check(model)


def test_data_menu_new_order_and_order_from_sheet(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    from shopdesk.ui.main_window import MainWindow

    _seed(ui_ctx.db, ui_ctx.actor, tmp_path)
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    acts = {a.objectName(): a for a in w.data_menu.actions()}
    opened: list[str] = []

    def close_dialog() -> None:
        d = QApplication.activeModalWidget()
        if not isinstance(d, NewPoDialog):
            QTimer.singleShot(20, close_dialog)
            return
        opened.append(d.windowTitle())
        d.reject()

    QTimer.singleShot(0, close_dialog)
    acts["po_new"].trigger()
    assert opened == ["新建采购单"]
    tab = w.lazy["inventory"].ensure_built()
    assert tab.pages.currentWidget() is tab.orders
    # 按补货单生成采购单…: the sheet page, and (unsaved) the reason once it has loaded.
    seen: list[str] = []
    answer(Qt.Key.Key_Return, seen)
    acts["po_from_sheet"].trigger()
    assert tab.pages.currentWidget() is tab.sheet
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "还没有保存" in seen[0]


def test_staff_has_no_order_menu_entries(
    qtbot: QtBot, db: Database, owner: Actor, staff: Actor, location: Location
) -> None:
    from shopdesk.ui.main_window import MainWindow

    w = MainWindow(UiContext(db=db, actor=staff, location=location))
    qtbot.addWidget(w)
    names = {a.objectName() for a in w.data_menu.actions()}
    assert "po_new" not in names and "po_from_sheet" not in names


def test_keyboard_moves_between_orders_and_lines(qtbot: QtBot, tab: InventoryTab) -> None:
    _two_line_order(tab)
    service.create_po(tab.ctx.db, tab.ctx.actor, [NewLine("B1", 5)], po_number="PO-8")
    tab.pages.setCurrentWidget(tab.orders)
    page = tab.orders
    statuses: list[str] = []
    tab.ctx.bus.status.connect(statuses.append)
    page.orders_view.setFocus()
    first = page.current_order()
    assert first is not None and first.po_number == "PO-7"  # arrives first
    qtbot.keyClick(page.orders_view, Qt.Key.Key_Down)
    assert page.current_order() is not None and page.current_order().po_number == "PO-8"
    assert [r.sku for r in page.model.rows] == ["B1"]
    qtbot.keyClick(page.orders_view, Qt.Key.Key_Up)
    qtbot.keyClick(page.orders_view, Qt.Key.Key_Return)
    assert page.view.hasFocus() and page.view.currentIndex().row() == 0
    # Shift+Down selects both lines; Ctrl+R receives them (the whole order) after Enter.
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.view.selectionModel().selectedRows()) == 2
    seen: list[str] = []
    answer(Qt.Key.Key_Return, seen)
    qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "PO-7 整单到货: 共 34 件" in seen[0]
    assert statuses[-1] == "已收货: PO-7 · 2 行, 共 34 件计入库存"
    activate(qtbot, tab)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert page.orders_view.hasFocus()


def test_undo_an_arrival_then_cancel_the_order_by_keyboard(qtbot: QtBot, tab: InventoryTab) -> None:
    _two_line_order(tab)
    a1 = _on_hand(tab, "A1")
    page = tab.orders
    tab.pages.setCurrentWidget(page)
    statuses: list[str] = []
    tab.ctx.bus.status.connect(statuses.append)
    assert page.cancel_btn.isEnabled() and not page.unreceive_btn.isEnabled()
    # Receive A1, then take it back with Ctrl+Shift+R on the selected line.
    service.receive_lines(tab.ctx.db, tab.ctx.actor, [page.model.rows[0].id])
    page.reload()
    assert page.unreceive_btn.isEnabled() and not page.cancel_btn.isEnabled()
    page.orders_view.setFocus()
    qtbot.keyClick(page.orders_view, Qt.Key.Key_Delete)  # nothing: A1 has arrived
    assert page.cancel_btn.toolTip() == "已有到货的行, 不能作废; 请先撤销到货"
    assert len(service.list_po_lines(tab.ctx.db, tab.ctx.actor)) == 2
    page.view.setFocus()
    page.view.selectRow(0)
    seen: list[str] = []
    answer(Qt.Key.Key_Return, seen)
    qtbot.keyClick(page.view, Qt.Key.Key_R, MODS_CTRL_SHIFT)
    assert "撤销采购单 PO-7 的 1 行到货: 共 24 件从库存减回" in seen[0]
    assert _on_hand(tab, "A1") == a1
    assert statuses[-1] == "已撤销到货: PO-7 · 1 行, 共 24 件从库存减回"
    assert _audit(tab.ctx.db, "product", "unreceive") == [("A1", tab.ctx.actor.id)]
    # Nothing arrived now: Delete on the order list asks (作废 is not the default) and removes it.
    activate(qtbot, tab)
    page.orders_view.setFocus()
    answer(Qt.Key.Key_Return, seen)  # Enter = the default button: 取消
    qtbot.keyClick(page.orders_view, Qt.Key.Key_Delete)
    assert "作废采购单 PO-7 (义乌杯厂, 2 行, 共 34 件)?" in seen[-1]
    assert page.orders_model.rowCount() == 1
    activate(qtbot, tab)
    page.orders_view.setFocus()
    answer(Qt.Key.Key_Y, seen)
    qtbot.keyClick(page.orders_view, Qt.Key.Key_Delete)
    assert page.orders_model.rowCount() == 0
    assert statuses[-1] == "已作废采购单 PO-7"
    assert not service.list_po_lines(tab.ctx.db, tab.ctx.actor)
    assert [a[1] for a in _audit(tab.ctx.db, "purchase_order", "cancel")] == [tab.ctx.actor.id]


def test_right_click_on_an_order_offers_what_can_be_done(qtbot: QtBot, tab: InventoryTab) -> None:
    _two_line_order(tab)
    page = tab.orders
    tab.pages.setCurrentWidget(page)
    menu = [a.text() for a in page.orders_view.actions()]
    assert menu == ["标记到货…", "撤销到货…", "作废采购单…"]
    assert [a.isEnabled() for a in page.orders_view.actions()] == [True, False, True]
    assert page.orders_view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
