"""The 库存补货 tab driven like a user: filter, edit, override, save, export, import, receive."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.inventory import service
from shopdesk.inventory.importers import run_import
from shopdesk.inventory.service import NewLine, ProductRow
from shopdesk.ui.context import UiContext
from shopdesk.ui.inventory.import_dialog import ImportDialog
from shopdesk.ui.inventory.models import PoModel, ProductModel, SheetModel
from shopdesk.ui.inventory_tab import InventoryTab

SAMPLES = Path(__file__).parents[1] / "io" / "samples" / "inventory"
D = service.default_sheet_date  # resolved per test against the db


def _seed(db: Database, owner: Actor, tmp_path: Path) -> date:
    run_import(db, owner, "products", SAMPLES / "products_gbk.csv")
    day = D(db)
    sales = tmp_path / "sales.csv"
    sales.write_text(
        "日期,SKU编码,销量\n"
        + "".join(
            f"{day - timedelta(days=i)},A1,4\n{day - timedelta(days=i)},B1,1\n"
            for i in range(1, 29)
        ),
        encoding="utf-8",
    )
    run_import(db, owner, "sales", sales)
    run_import(db, owner, "stock", SAMPLES / "stock_en.csv")
    return day


@pytest.fixture
def tab(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path) -> InventoryTab:
    _seed(ui_ctx.db, ui_ctx.actor, tmp_path)
    w = InventoryTab(ui_ctx)
    qtbot.addWidget(w)
    w.resize(1300, 700)
    with qtbot.waitExposed(w):
        w.show()
    qtbot.waitUntil(lambda: not w.products.loading, timeout=10_000)  # loads in a worker
    return w


def _row(model: ProductModel, sku: str) -> int:
    return next(i for i in range(model.rowCount()) if model.row_at(i).sku == sku)


def test_products_show_warning_with_icon_and_colour(tab: InventoryTab) -> None:
    m = tab.products.model
    assert m.rowCount() == 3
    a1 = m.index(_row(m, "A1"), 0)  # 12 on hand < hot default 50
    assert m.data(a1, Qt.ItemDataRole.DecorationRole) is not None
    assert m.data(a1, Qt.ItemDataRole.BackgroundRole) is not None
    assert "低于预警量" in m.data(a1, Qt.ItemDataRole.ToolTipRole)
    a2 = m.index(_row(m, "A2"), 0)  # 30 ≥ regular default 20
    assert m.data(a2, Qt.ItemDataRole.DecorationRole) is None
    assert "2 个低于预警" in tab.products.count.text()
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert "成本价" in headers


def test_cost_column_hidden_for_staff(
    qtbot: QtBot, db: Database, owner: Actor, staff: Actor, location: Location, tmp_path: Path
) -> None:
    _seed(db, owner, tmp_path)
    w = InventoryTab(UiContext(db=db, actor=staff, location=location))
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: not w.products.loading, timeout=10_000)
    m = w.products.model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert "成本价" not in headers and "售价" in headers
    assert not (m.flags(m.index(0, 10)) & Qt.ItemFlag.ItemIsEditable)
    assert not w.products.import_btn.isEnabled()
    assert not w.sheet.save_btn.isEnabled()


def test_filter_as_you_type(qtbot: QtBot, tab: InventoryTab) -> None:
    page = tab.products
    qtbot.keyClicks(page.filter, "a")  # QTest types ASCII only; matches SKUs A1, A2
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.filter.clear()
    page.filter.insert("杭州")  # supplier of B1, as an input method would commit it
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "1 / 3" in page.count.text()
    page.filter.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtbot.mouseClick(page.only_warning, Qt.MouseButton.LeftButton)
    assert [page.model.row_at(i).sku for i in range(page.model.rowCount())] == ["A1", "B1"]


def test_sort_by_header(tab: InventoryTab) -> None:
    m = tab.products.model
    col = [c.key for c in m.columns].index("on_hand")
    tab.products.view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert [m.row_at(i).on_hand for i in range(3)] == [30, 12, 2]


def test_inline_edit_by_keyboard_saves_and_audits(qtbot: QtBot, tab: InventoryTab) -> None:
    page = tab.products
    m = page.model
    col = [c.key for c in m.columns].index("on_hand")
    idx = m.index(_row(m, "A2"), col)
    page.view.setCurrentIndex(idx)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.view
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "45")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: m.row_at(_row(m, "A2")).on_hand == 45)
    assert m.data(m.index(_row(m, "A2"), col)) == "45"
    with tab.ctx.db.read() as s:
        e = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
        assert e is not None and e.entity_id == "A2" and e.after == {"on_hand": 45}


def test_bad_edit_shows_message_not_traceback(
    qtbot: QtBot, tab: InventoryTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("shopdesk.ui.errors.show_error", lambda parent, err: shown.append(str(err)))
    m = tab.products.model
    col = [c.key for c in m.columns].index("case_pack")
    assert not m.setData(m.index(_row(m, "A1"), col), "0")
    assert shown and "箱规" in shown[0]
    assert m.row_at(_row(m, "A1")).case_pack == 12


def _sheet(qtbot: QtBot, tab: InventoryTab) -> SheetModel:
    tab.pages.setCurrentWidget(tab.sheet)
    qtbot.waitUntil(lambda: not tab.sheet.loading and tab.sheet.sheet is not None)
    return tab.sheet.model


def test_sheet_grouped_with_override_and_save(qtbot: QtBot, tab: InventoryTab) -> None:
    m = _sheet(qtbot, tab)
    assert tab.sheet.sheet_date() == D(tab.ctx.db)
    assert m.group_rows() == [0, 2]  # 义乌杯厂 (A1), 杭州包厂 (B1)
    assert "义乌杯厂" in m.data(m.index(0, 0)) and "1 个 SKU" in m.data(m.index(0, 0))
    assert tab.sheet.view.columnSpan(0, 0) == m.columnCount()
    final = [c.key for c in m.columns].index("final_qty")
    a1 = m.index(1, final)
    assert m.data(a1) == "72"
    assert m.flags(a1) & Qt.ItemFlag.ItemIsEditable
    assert m.setData(a1, "60")
    qtbot.waitUntil(lambda: m.data(m.index(1, final)) == "60")
    assert "已修改 1 行" in tab.sheet.status.text()
    qtbot.mouseClick(tab.sheet.save_btn, Qt.MouseButton.LeftButton)
    assert tab.sheet.sheet is not None and tab.sheet.sheet.saved
    assert "已保存" in tab.sheet.status.text()
    assert not tab.sheet.save_btn.isEnabled()
    who = [c.key for c in m.columns].index("override_by")
    assert m.data(m.index(1, who)) == "店主"
    assert tab.sheet.history.count() == 2
    # An override on the saved sheet is stored at once.
    assert m.setData(m.index(3, final), "80")
    saved = service.list_sheets(tab.ctx.db, tab.ctx.actor)
    assert saved[0].overrides == 2 and saved[0].units == 140


def test_sheet_date_change_recomputes(qtbot: QtBot, tab: InventoryTab) -> None:
    m = _sheet(qtbot, tab)
    assert m.rowCount() == 4
    later = tab.sheet.sheet_date() + timedelta(days=60)  # no sales in that window
    tab.sheet.date.setDate(QDate(later.year, later.month, later.day))
    qtbot.waitUntil(lambda: not tab.sheet.loading)
    assert tab.sheet.sheet is not None and tab.sheet.sheet.sheet_date == later
    # Only below-warning SKUs remain, with nothing to order.
    assert all(ln.row.suggested_qty == 0 for ln in m.lines)


def test_export_xlsx_and_pdf(qtbot: QtBot, tab: InventoryTab, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _sheet(qtbot, tab)
    x = tab.sheet.export(".xlsx", str(tmp_path / "s.xlsx"))
    assert x is not None
    ws = load_workbook(x).active
    assert ws is not None and ws.cell(3, 2).value == "商品名称"
    assert "供应商" in str(ws.cell(4, 1).value)
    p = tab.sheet.export(".pdf", str(tmp_path / "s"))
    assert p is not None and p.suffix == ".pdf" and p.read_bytes().startswith(b"%PDF")


def test_import_dialog_preview_then_import(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path) -> None:
    dlg = ImportDialog(ui_ctx, "products")
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.import_btn.isEnabled()
    dlg.path.setText(str(SAMPLES / "products_gbk.csv"))
    qtbot.mouseClick(dlg.preview_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.import_btn.isEnabled(), timeout=10_000)
    assert "将导入商品 3 行" in dlg.status.text()
    assert dlg.table_model.rowCount() == 3
    assert service.list_products(ui_ctx.db, ui_ctx.actor).rows == []
    with qtbot.waitSignal(ui_ctx.bus.data_changed, timeout=10_000):
        qtbot.mouseClick(dlg.import_btn, Qt.MouseButton.LeftButton)
    assert len(service.list_products(ui_ctx.db, ui_ctx.actor).rows) == 3


def test_import_dialog_lists_bad_rows(qtbot: QtBot, ui_ctx: UiContext) -> None:
    run_import(ui_ctx.db, ui_ctx.actor, "products", SAMPLES / "products_gbk.csv")
    dlg = ImportDialog(ui_ctx, "sales")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setText(str(SAMPLES / "sales_bad.csv"))
    qtbot.mouseClick(dlg.preview_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.table_model.rowCount() == 4, timeout=10_000)
    assert "未保存任何数据" in dlg.status.text()
    assert dlg.table_model.headers == ["行", "列", "值", "原因"]
    assert dlg.table_model.rows[0][:3] == ("3", "支付件数", "三")
    assert not dlg.import_btn.isEnabled()


def test_orders_mark_received(qtbot: QtBot, tab: InventoryTab) -> None:
    ctx = tab.ctx
    service.create_purchase_order(
        ctx.db, ctx.actor, "PO-9", [NewLine("A1", 24, date.today() + timedelta(days=3))]
    )
    tab.pages.setCurrentWidget(tab.orders)
    page = tab.orders
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def confirm() -> None:  # 标记到货 asks first (it cannot be undone)
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, confirm)
            return
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, confirm)
    with qtbot.waitSignal(ctx.bus.data_changed):
        qtbot.mouseClick(page.receive_btn, Qt.MouseButton.LeftButton)
    assert page.model.rows[0].received_at is not None  # the received order stays in view
    page.reload()
    assert page.orders_model.rowCount() == 0  # "只看未到齐的采购单" is on
    tab.pages.setCurrentWidget(tab.products)
    m = tab.products.model
    qtbot.waitUntil(lambda: m.rowCount() == 3 and m.row_at(_row(m, "A1")).on_hand == 36)


def _rows(n: int) -> list[ProductRow]:
    return [
        ProductRow(
            id=i,
            version=1,
            sku=f"S{i:05d}",
            name=f"商品{i}",
            category="类",
            tier="hot",
            hero=i % 20 == 0,
            supplier=f"供应商{i % 7}",
            supplier_id=None,
            lead_time_days=7,
            own_lead_time=True,
            case_pack=1,
            moq=0,
            warning_level=20,
            own_warning=False,
            on_hand=i % 50,
            on_order=0,
            velocity=1.5,
            days_of_cover=(i % 50) / 1.5,
            below_warning=i % 50 < 20,
            stockout_risk=False,
            active=True,
            price=Decimal("9.90"),
            cost_price=None,
        )
        for i in range(n)
    ]


def test_models_pass_qtmodeltester(qtmodeltester: Any) -> None:
    pm = ProductModel(show_cost=True, can_edit=True)
    pm.set_rows(_rows(50))
    qtmodeltester.check(pm)
    po = PoModel()
    qtmodeltester.check(po)


def test_sheet_model_passes_qtmodeltester(
    qtbot: QtBot, qtmodeltester: Any, tab: InventoryTab
) -> None:
    qtmodeltester.check(_sheet(qtbot, tab))


def test_twenty_thousand_rows_filter_and_sort() -> None:
    m = ProductModel(show_cost=False, can_edit=False)
    rows = _rows(20_000)
    m.set_rows(rows)  # how fast: python -m benchmarks.tabs
    m.set_filter("商品1")
    m.sort(10, Qt.SortOrder.DescendingOrder)
    assert m.rowCount() == 11_111  # 商品1, 商品1x, 商品1xx, 商品1xxx, 商品1xxxx


def test_checklist_link_opens_hero_below_warning(tab: InventoryTab) -> None:
    from shopdesk.checklist.links import HERO_BELOW_FILTER

    tab.apply_filter(HERO_BELOW_FILTER)
    m = tab.products.model
    assert [m.row_at(i).sku for i in range(m.rowCount())] == ["A1"]  # the only hero
    assert tab.products.only_hero.isChecked() and tab.products.only_warning.isChecked()
    tab.apply_filter("B1")
    assert [m.row_at(i).sku for i in range(m.rowCount())] == ["B1"]
    assert not tab.products.only_hero.isChecked()


def test_suppliers_page_edits_lead_time_and_adds(
    qtbot: QtBot, tab: InventoryTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "shopdesk.ui.inventory_tab.show_error", lambda parent, err: shown.append(str(err))
    )
    tab.pages.setCurrentWidget(tab.suppliers)
    m = tab.suppliers.model
    assert [r.name for r in m.rows] == ["义乌杯厂", "杭州包厂"]
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert "供货条款" in headers  # owner sees supplier terms
    col = [c.key for c in m.columns].index("lead_time_days")
    assert not m.setData(m.index(0, col), "abc")  # refused with a message, nothing saved
    assert shown and "采购周期" in shown[0]
    assert m.setData(m.index(0, col), "9")
    qtbot.waitUntil(lambda: m.rows[0].lead_time_days == 9)
    tab.suppliers.new_name.setText("广州新厂")
    qtbot.mouseClick(tab.suppliers.add_btn, Qt.MouseButton.LeftButton)
    assert "广州新厂" in [r.name for r in m.rows]


def test_print_preview_opens_with_the_sheet(
    qtbot: QtBot, tab: InventoryTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    shown: list[str] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: shown.append(self.windowTitle()))
    _sheet(qtbot, tab)
    qtbot.mouseClick(tab.sheet.print_btn, Qt.MouseButton.LeftButton)
    assert shown == ["打印预览 — 补货需求表"]
    report = tab.sheet.report()
    assert report.landscape and report.shop and "表日" in report.subtitle
    assert [s.title for s in report.sections] == ["供应商: 义乌杯厂", "供应商: 杭州包厂"]


def test_data_menu_opens_the_import_dialog(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shopdesk.ui.main_window import MainWindow

    opened: list[str] = []
    monkeypatch.setattr(
        "shopdesk.ui.inventory.import_dialog.show_import",
        lambda ctx, parent, kind="sales": opened.append(kind),
    )
    w = MainWindow(ui_ctx)
    qtbot.addWidget(w)
    act = next(a for a in w.data_menu.actions() if a.objectName() == "import_stock")
    assert act.text() == "导入库存表…"
    act.trigger()
    assert opened == ["stock"]
    assert w.tabs.currentWidget() is w.lazy["inventory"]


def test_import_can_be_cancelled_while_reading(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    run_import(ui_ctx.db, ui_ctx.actor, "products", SAMPLES / "products_gbk.csv")
    big = tmp_path / "big.csv"
    start = date(2026, 1, 1)
    big.write_text(
        "日期,SKU编码,销量\n"
        + "".join(
            f"{start + timedelta(days=i // 3)},{('A1', 'A2', 'B1')[i % 3]},1\n"
            for i in range(30_000)
        ),
        encoding="utf-8",
    )
    dlg = ImportDialog(ui_ctx, "sales")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.path.setText(str(big))
    qtbot.mouseClick(dlg.import_btn, Qt.MouseButton.LeftButton)  # disabled: preview first
    assert not dlg.busy
    dlg.do_import()
    assert dlg.busy and dlg.close_btn.text() == "取消"
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert dlg.isVisible()  # stays until the worker has answered
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)
    assert "已取消" in dlg.status.text()
    with ui_ctx.db.read() as s:
        from shopdesk.inventory.models import Sale

        assert s.execute(select(Sale.day)).first() is None
