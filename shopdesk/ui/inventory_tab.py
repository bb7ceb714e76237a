"""The 库存补货 tab: the product table, the weekly restock sheet and the purchase orders."""

from __future__ import annotations

import html
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth.permissions import Perm, can
from shopdesk.clock import today
from shopdesk.errors import InvalidInput, ShopDeskError
from shopdesk.inventory import service
from shopdesk.inventory.importers import KIND_LABELS
from shopdesk.inventory.restock import NO_SUPPLIER
from shopdesk.inventory.service import (
    Catalogue,
    Override,
    ProductRow,
    Sheet,
    SheetLine,
    SupplierRow,
)
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded, show_error
from shopdesk.ui.i18n import ui_locale
from shopdesk.ui.inventory.models import ProductModel, SheetModel, SupplierModel
from shopdesk.ui.inventory.po_view import OrdersPage
from shopdesk.ui.labels import label
from shopdesk.ui.widgets.layout import remember_header
from shopdesk.ui.widgets.shortcuts import press_with
from shopdesk.ui.widgets.undo import EditHistory
from shopdesk.ui.widgets.worker import Job, start


def _table(model: Any, stretch: int = 1) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(False)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    return view


class ProductsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("搜索 SKU、名称、供应商、类目… (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.only_warning = QCheckBox(self.tr("只看低于预警量 ⚠"))
        self.only_hero = QCheckBox(self.tr("只看主推款"))
        self.count = QLabel()
        self.import_btn = QToolButton()
        self.import_btn.setText(self.tr("导入…"))
        self.import_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.import_btn)
        for kind, text in KIND_LABELS.items():
            act = menu.addAction(self.tr("导入{0}表…").format(label(text)))

            act.triggered.connect(lambda _=False, k=kind: self.open_import(k))
        self.import_btn.setMenu(menu)
        self.import_btn.setEnabled(can(ctx.actor, Perm.EDIT_STOCK))
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.only_hero)
        top.addWidget(self.only_warning)
        top.addWidget(self.count)
        top.addWidget(self.import_btn)

        self._generation = 0
        self._sized = False
        self.loading = False
        self.model = ProductModel(can(ctx.actor, Perm.VIEW_COST), can(ctx.actor, Perm.EDIT_STOCK))
        self.model.edit = self._edit
        self.history: EditHistory | None = None  # set by InventoryTab: Edit → Undo
        self.view = _table(self.model)
        remember_header(self.view, ctx, "inventory/products")
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        hint = QLabel(
            self.tr("⚠ 粉色行: 库存低于预警量; 红字: 可售天数少于采购周期。双击单元格可修改。")
            if self.model.can_edit
            else self.tr("⚠ 粉色行: 库存低于预警量; 红字: 可售天数少于采购周期。")
        )
        hint.setObjectName("hint")
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(hint)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _t: self._debounce.start())
        self.only_warning.toggled.connect(lambda _b: self._apply_filter())
        self.only_hero.toggled.connect(lambda _b: self._apply_filter())
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.filter.setFocus)

    def reload(self) -> None:
        """Load the catalogue in a worker: 20,000 SKUs take most of a second to compute."""
        self._generation += 1
        gen, db, actor = self._generation, self.ctx.db, self.ctx.actor

        def work(_progress: Any) -> tuple[int, Catalogue]:
            return gen, service.list_products(db, actor)

        job = Job(work)
        job.signals.done.connect(self._loaded)
        job.signals.failed.connect(self._failed)
        self._job = job  # keeps the signal object alive until its queued signals arrive
        self.loading = True
        self.count.setText(self.tr("正在加载…"))
        start(job)

    def _loaded(self, result: tuple[int, Catalogue]) -> None:
        gen, cat = result
        if gen != self._generation:
            return  # a newer reload is on its way
        self.loading = False
        self.model.set_rows(cat.rows)
        self._update_count()
        if not self._sized and cat.rows:
            self.view.horizontalHeader().setResizeContentsPrecision(50)  # 1,000 rows took 1.7 s
            self.view.resizeColumnsToContents()
            self.view.setColumnWidth(1, min(self.view.columnWidth(1), 260))
            self._sized = True

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        if isinstance(exc, ShopDeskError):
            show_error(self, exc)
            return
        raise exc

    def _apply_filter(self) -> None:
        self.model.set_filter(
            self.filter.text(), self.only_warning.isChecked(), self.only_hero.isChecked()
        )
        self._update_count()

    def _update_count(self) -> None:
        below = sum(1 for r in self.model.rows if r.below_warning)
        self.count.setText(
            self.tr("{0} / {1} 个 SKU · {2} 个低于预警").format(
                len(self.model.view), len(self.model.rows), below
            )
        )

    def _edit(self, row: ProductRow, key: str, value: Any) -> bool:
        old = row.hero if key == "hero" else self.model._text(row, key, True)
        new = guarded(
            self,
            lambda: service.update_product(
                self.ctx.db, self.ctx.actor, row.id, row.version, {key: value}
            ),
        )
        if new is None:
            return False
        self.model.replace_row(new)
        self.ctx.bus.status.emit(self.tr("已保存 {0}").format(row.sku))
        if self.history is not None:
            pid = row.id
            title = next((label(c.title) for c in self.model.columns if c.key == key), key)
            self.history.push(
                self.tr("修改 {0} 的{1}").format(row.sku, title),
                lambda: self._edit_again(pid, key, old),
                lambda: self._edit_again(pid, key, value),
            )
        return True

    def _edit_again(self, product_id: int, key: str, value: Any) -> bool:
        """Undo/redo: the same edit on the row as it is now (its version may have moved on)."""
        current = next((r for r in self.model.rows if r.id == product_id), None)
        return current is not None and self._edit(current, key, value)

    def open_import(self, kind: str) -> None:
        from shopdesk.ui.inventory.import_dialog import show_import

        show_import(self.ctx, self, kind)


class SheetPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: Sheet | None = None
        self.overrides: dict[str, Override] = {}
        self._generation = 0
        self._after_load: list[Any] = []
        self.loading = False
        self.can_save = can(ctx.actor, Perm.SAVE_RESTOCK)

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setLocale(ui_locale())
        self.date.setDisplayFormat("yyyy-MM-dd dddd")
        d = service.default_sheet_date(ctx.db)
        self.date.setDate(QDate(d.year, d.month, d.day))
        self.date.setToolTip(self.tr("表日: 默认为本周的补货日 (设置里可改)"))
        self.history = QComboBox()
        self.history.setToolTip(self.tr("已保存的补货单 (保存后不随数据变化)"))
        self.status = QLabel()
        self.status.setObjectName("sheetStatus")
        self.save_btn = QPushButton(self.tr("保存本周补货单(&S)"))
        self.save_btn.setEnabled(self.can_save)
        self.print_btn = QPushButton(self.tr("打印预览(&P)…"))
        self.xlsx_btn = QPushButton(self.tr("导出 Excel…"))
        self.pdf_btn = QPushButton(self.tr("导出 PDF…"))
        self.can_order = self.can_save and can(ctx.actor, Perm.EDIT_STOCK)
        self.order_btn = QPushButton(self.tr("生成采购单(&O)…"))
        self.order_btn.setToolTip(
            self.tr("按已保存的补货单, 每个供应商生成一张采购单 (Ctrl+G)")
            if self.can_order
            else self.tr("需要“保存补货单”和“修改商品和库存”权限")
        )
        self.order_btn.setEnabled(False)
        self.order_action = QAction(self.tr("生成采购单…"), self)
        self.order_action.setShortcut(QKeySequence("Ctrl+G"))
        self.order_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.order_action.setEnabled(False)
        self.order_action.triggered.connect(self.make_orders)
        self.addAction(self.order_action)
        self.ordered: Any = None  # set by InventoryTab: show the new orders
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("表日")))
        top.addWidget(self.date)
        top.addWidget(QLabel(self.tr("已保存")))
        top.addWidget(self.history)
        top.addStretch(1)
        for b in (self.save_btn, self.order_btn, self.print_btn, self.xlsx_btn, self.pdf_btn):
            top.addWidget(b)

        self.model = SheetModel(self)
        self.model.edit = self._override
        self.view = _table(self.model)
        remember_header(self.view, ctx, "inventory/sheet")
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.view, 1)

        self.date.dateChanged.connect(lambda _d: self.reload())
        self.history.activated.connect(self._pick_history)
        self.save_btn.clicked.connect(self.save)
        self.order_btn.clicked.connect(self.make_orders)
        self.print_btn.clicked.connect(self.print_preview)
        self.xlsx_btn.clicked.connect(lambda: self.export(".xlsx"))
        self.pdf_btn.clicked.connect(lambda: self.export(".pdf"))
        for button, keys in (
            (self.save_btn, "Ctrl+S"),
            (self.print_btn, "Ctrl+P"),
            (self.xlsx_btn, "Ctrl+E"),
            (self.pdf_btn, "Ctrl+Shift+E"),
        ):
            press_with(button, keys, self)

    def sheet_date(self) -> date:
        q = self.date.date()
        return date(q.year(), q.month(), q.day())

    def reload(self) -> None:
        """Compute (or load the saved) sheet in a worker: a large shop takes about a second."""
        self._generation += 1
        gen, day, db, actor = self._generation, self.sheet_date(), self.ctx.db, self.ctx.actor

        def work(_progress: Any) -> tuple[int, Sheet]:
            return gen, service.sheet_for_date(db, actor, day)

        job = Job(work)
        job.signals.done.connect(self._loaded)
        job.signals.failed.connect(self._failed)
        self._job = job  # keeps the signal object alive until its queued signals arrive
        self.loading = True
        self.status.setText(self.tr("正在计算 {0} 的补货单…").format(day.isoformat()))
        start(job)

    def _loaded(self, result: tuple[int, Sheet]) -> None:
        gen, sheet = result
        if gen != self._generation:
            return  # the date changed again meanwhile
        self.loading = False
        self.sheet = sheet
        self.overrides = {}
        self._show()
        self._reload_history()
        waiting, self._after_load = self._after_load, []
        for fn in waiting:
            fn()

    def when_loaded(self, fn: Any) -> None:
        """Run fn now if the sheet is here, else once it has been computed."""
        if self.sheet is not None and not self.loading:
            fn()
        else:
            self._after_load.append(fn)

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        if isinstance(exc, ShopDeskError):
            show_error(self, exc)
            return
        raise exc

    def _reload_history(self) -> None:
        items = guarded(self, lambda: service.list_sheets(self.ctx.db, self.ctx.actor)) or []
        self.history.blockSignals(True)
        self.history.clear()
        self.history.addItem(self.tr("({0} 份)").format(len(items)), None)
        for h in items:
            self.history.addItem(
                self.tr("{0} · {1} 行 · {2} 件").format(h.sheet_date.isoformat(), h.lines, h.units),
                h.sheet_date.isoformat(),
            )
        self.history.blockSignals(False)

    def _pick_history(self, index: int) -> None:
        value = self.history.itemData(index)
        if value:
            d = date.fromisoformat(value)
            self.date.setDate(QDate(d.year, d.month, d.day))

    def current(self) -> Sheet | None:
        if self.sheet is None:
            return None
        if self.sheet.saved or not self.overrides:
            return self.sheet
        return service.with_overrides(self.sheet, self.overrides, self.ctx.actor.name)

    def _show(self) -> None:
        sheet = self.current()
        if sheet is None:
            return
        self.model.set_lines(sheet.lines, self.can_save)
        self.view.clearSpans()
        for row in self.model.group_rows():
            self.view.setSpan(row, 0, 1, self.model.columnCount())
        if not getattr(self, "_sized", False) and sheet.lines:
            self.view.resizeColumnsToContents()
            self.view.setColumnWidth(0, max(self.view.columnWidth(0), 120))
            self.view.setColumnWidth(1, min(max(self.view.columnWidth(1), 160), 260))
            self._sized = True
        total = sum(ln.final_qty for ln in sheet.lines)
        if sheet.saved and sheet.saved_at:
            text = self.tr("已保存: {0:%Y-%m-%d %H:%M} {1} · 数字不随之后的数据变化").format(
                sheet.saved_at.astimezone(), sheet.saved_by or ""
            )
        else:
            text = self.tr("未保存: 按当前数据计算")
            if self.overrides:
                text += self.tr(" · 已修改 {0} 行 (保存后生效)").format(len(self.overrides))
        self.status.setText(
            self.tr("{0} 个 SKU · 补货合计 {1} 件 · {2}").format(len(sheet.lines), total, text)
        )
        self.save_btn.setEnabled(self.can_save and not sheet.saved)
        self.order_btn.setEnabled(self.can_order)
        self.order_action.setEnabled(self.can_order)
        ordered = sorted({ln.po_number for ln in sheet.lines if ln.po_number})
        self.status.setToolTip(", ".join(ordered))
        if ordered:
            shown = ordered[0] if len(ordered) == 1 else f"{ordered[0]} … {ordered[-1]}"
            self.status.setText(
                self.status.text()
                + self.tr(" · 已生成 {0} 张采购单 ({1})").format(len(ordered), shown)
            )

    def _override(self, line: SheetLine, qty: int | None) -> bool:
        sku = line.row.sku
        if self.sheet is not None and self.sheet.saved and self.sheet.id is not None:
            sid = self.sheet.id
            new = guarded(
                self, lambda: service.set_override(self.ctx.db, self.ctx.actor, sid, sku, qty)
            )
            if new is None:
                return False
            self.sheet = new
        elif qty is None or qty == line.row.suggested_qty:
            self.overrides.pop(sku, None)
        else:
            self.overrides[sku] = Override(qty)
        QTimer.singleShot(0, self._show)
        return True

    def save(self) -> None:
        day = self.sheet_date()
        sheet = guarded(
            self, lambda: service.save_sheet(self.ctx.db, self.ctx.actor, day, self.overrides)
        )
        if sheet is None:
            return
        self.sheet = sheet
        self.overrides = {}
        self._show()
        self._reload_history()
        self.ctx.bus.status.emit(self.tr("已保存 {0} 的补货单").format(day.isoformat()))

    def to_order(self) -> dict[str, list[SheetLine]]:
        """Supplier → the saved sheet's lines with a quantity and no purchase order yet."""
        groups: dict[str, list[SheetLine]] = {}
        for ln in self.sheet.lines if self.sheet else []:
            if ln.final_qty > 0 and ln.po_number is None and ln.row.product_id is not None:
                name = "" if ln.row.supplier == NO_SUPPLIER else ln.row.supplier
                groups.setdefault(name, []).append(ln)
        return groups

    @staticmethod
    def _eta_text(lines: list[SheetLine]) -> str:
        """ETA = today + each line's lead time (as the service makes them)."""
        days = sorted({ln.row.lead_time for ln in lines})
        first = today() + timedelta(days=days[0])
        if len(days) == 1:
            return first.isoformat()
        return f"{first.isoformat()} – {today() + timedelta(days=days[-1]):%m-%d}"

    def make_orders(self) -> None:
        """生成采购单: refuse an unsaved sheet or one with nothing left to order; else show what
        will be ordered per supplier, ask, create, and show the new orders."""
        sheet = self.sheet
        if not self.can_order or sheet is None or self.loading:
            return
        if not sheet.saved or sheet.id is None:
            show_error(
                self,
                InvalidInput(
                    self.tr("{0} 的补货单还没有保存: 先点“保存本周补货单”, 再生成采购单。").format(
                        sheet.sheet_date.isoformat()
                    )
                ),
            )
            return
        groups = self.to_order()
        if not groups:
            show_error(
                self,
                InvalidInput(
                    self.tr("补货单上没有要下单的行: 补货数量都为 0, 或已经生成过采购单。")
                ),
            )
            return
        lines = sum(len(v) for v in groups.values())
        units = sum(ln.final_qty for v in groups.values() for ln in v)
        cell = "<td nowrap style='padding: 1px 8px'{1}>{0}</td>"
        num = " align='right'"
        rows = "".join(
            "<tr>"
            + cell.format(html.escape(name or self.tr("(无供应商)")), "")
            + cell.format(self.tr("{0} 行").format(len(v)), num)
            + cell.format(self.tr("{0} 件").format(f"{sum(ln.final_qty for ln in v):,}"), num)
            + cell.format(self._eta_text(v), "")
            + "</tr>"
            for name, v in sorted(groups.items(), key=lambda kv: (not kv[0], kv[0]))
        )
        head = "".join(
            f"<th nowrap align='left' style='padding: 1px 8px'>{h}</th>"
            for h in (self.tr("供应商"), self.tr("行数"), self.tr("件数"), self.tr("预计到货"))
        )
        text = (
            "<p>"
            + html.escape(
                self.tr("按 {0} 的补货单生成 {1} 张采购单 (每个供应商一张):").format(
                    sheet.sheet_date.isoformat(), len(groups)
                )
            )
            + f"</p><table><tr>{head}</tr>{rows}</table><p>"
            + html.escape(self.tr("合计 {0} 行, {1} 件。").format(lines, f"{units:,}"))
            + "</p>"
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("生成采购单"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        label_widget = box.findChild(QLabel, "qt_msgbox_label")
        if label_widget is not None:  # Chinese wraps anywhere: give the table room
            widest = max(box.fontMetrics().horizontalAdvance(n) for n in groups)
            label_widget.setMinimumWidth(min(widest + 380, 760))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("生成(&Y)"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        sid = sheet.id
        made = guarded(self, lambda: service.order_from_sheet(self.ctx.db, self.ctx.actor, sid))
        if made is None:
            return
        self.ctx.bus.status.emit(
            self.tr("已生成 {0} 张采购单: {1}").format(
                len(made), ", ".join(m.po_number for m in made)
            )
        )
        self.ctx.bus.data_changed.emit("product")  # on order changed
        if self.ordered is not None:
            self.ordered([m.po_number for m in made])

    def report(self) -> Any:
        from shopdesk.inventory.report import sheet_report

        sheet = self.current()
        assert sheet is not None
        return sheet_report(sheet, service.shop_name(self.ctx.db))

    def print_preview(self) -> None:
        from shopdesk.ui.printing import preview

        if self.sheet is None:
            return
        dialog = preview(self.report(), self)
        dialog.resize(1100, 800)
        dialog.exec()

    def export(self, suffix: str, path: str | None = None) -> Path | None:
        if self.sheet is None:
            return None
        if path is None:
            default = str(Path.home() / f"补货需求表_{self.sheet_date().isoformat()}{suffix}")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出补货单"), default, f"*{suffix}"
            )
            if not path:
                return None
        out = Path(path)
        if out.suffix.lower() != suffix:
            out = out.with_suffix(suffix)
        try:
            if suffix == ".xlsx":
                from shopdesk.io.excel import write_report

                write_report(self.report(), out)
            else:
                from shopdesk.ui.printing import export_pdf

                export_pdf(self.report(), out)
        except OSError as exc:
            show_error(self, ShopDeskError(self.tr("无法写入 {0}: {1}").format(out, exc.strerror)))
            return None
        self.ctx.bus.status.emit(self.tr("已导出到 {0}").format(out))
        return out


class SuppliersPage(QWidget):
    """Suppliers and their default lead time (used when a product has none of its own)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = can(ctx.actor, Perm.EDIT_STOCK)
        self.show_terms = can(ctx.actor, Perm.VIEW_COST)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("新供应商名称"))
        self.add_btn = QPushButton(self.tr("添加供应商"))
        self.add_btn.setEnabled(self.can_edit)
        self.new_name.setEnabled(self.can_edit)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("双击单元格修改; 采购周期改动会影响补货表的覆盖天数。")), 1)
        top.addWidget(self.new_name)
        top.addWidget(self.add_btn)
        self.model = SupplierModel(self.show_terms, self.can_edit, self)
        self.model.edit = self._edit
        self.view = _table(self.model, stretch=len(self.model.columns) - 1)
        remember_header(self.view, ctx, "inventory/suppliers")
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        self.add_btn.clicked.connect(self.add)
        self.new_name.returnPressed.connect(self.add)

    def reload(self) -> None:
        rows = guarded(self, lambda: service.list_suppliers(self.ctx.db, self.ctx.actor))
        if rows is not None:
            self.model.set_rows(rows)
            self.view.resizeColumnsToContents()

    def add(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            return
        if guarded(self, lambda: service.save_supplier(self.ctx.db, self.ctx.actor, name, 7)):
            self.new_name.clear()
            self.reload()

    def _edit(self, row: SupplierRow, key: str, text: str) -> bool:
        lead: Any = row.lead_time_days
        if key == "lead_time_days":
            from shopdesk.numbers import NumberError, parse_int

            try:
                lead = parse_int(text, minimum=0, maximum=365)
            except NumberError as exc:
                show_error(self, ShopDeskError(self.tr("采购周期: {0}").format(exc)))
                return False
        ok = guarded(
            self,
            lambda: service.save_supplier(
                self.ctx.db,
                self.ctx.actor,
                text if key == "name" else row.name,
                lead,
                supplier_id=row.id,
                version=row.version,
                contact=text if key == "contact" else None,
                terms=text if key == "terms" else None,
            ),
        )
        if ok is None:
            return False
        QTimer.singleShot(0, self.reload)
        self.ctx.bus.data_changed.emit("product")
        return True


class InventoryTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages = QTabWidget()
        self.undo_stack = QUndoStack(self)  # the main window's Edit menu undoes cell edits
        self.products = ProductsPage(ctx)
        self.products.history = EditHistory(self.undo_stack)
        self.sheet = SheetPage(ctx)
        self.orders = OrdersPage(ctx)
        self.suppliers = SuppliersPage(ctx)
        self.orders.products = self._catalogue
        self.sheet.ordered = self.show_orders
        self.pages.addTab(self.products, self.tr("商品库存"))
        self.pages.addTab(self.sheet, self.tr("补货需求表"))
        self.pages.addTab(self.orders, self.tr("采购单 / 到货计划"))
        self.pages.addTab(self.suppliers, self.tr("供应商"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.pages)
        self._stale = {0: True, 1: True, 2: True, 3: True}
        self.pages.currentChanged.connect(self._page_shown)
        ctx.bus.data_changed.connect(self._data_changed)
        self.products.reload()
        self._stale[0] = False

    def _page_shown(self, index: int) -> None:
        if self._stale.get(index):
            self._stale[index] = False
            (self.products, self.sheet, self.orders, self.suppliers)[index].reload()

    def _data_changed(self, kind: str) -> None:
        if kind not in ("product", "campaign", "settings", "setting"):
            return
        self._stale = {0: True, 1: True, 2: True, 3: True}
        self._page_shown(self.pages.currentIndex())

    def _catalogue(self) -> list[ProductRow]:
        """The products for the SKU completer: the loaded table, else loaded now."""
        if self.products.model.rows:
            return list(self.products.model.rows)
        cat = guarded(self, lambda: service.list_products(self.ctx.db, self.ctx.actor))
        return list(cat.rows) if cat else []

    def show_orders(self, numbers: list[str]) -> None:
        """After 生成采购单: the 采购单 page with the new orders, the first one selected."""
        self.pages.setCurrentWidget(self.orders)
        self._stale[2] = False
        self.orders.reload(select=numbers)
        self.orders.orders_view.setFocus()

    def new_order(self) -> None:
        self.pages.setCurrentWidget(self.orders)
        self.orders.new_order()

    def apply_filter(self, text: str) -> None:
        """Called by the main window, e.g. from the checklist's hero-stock link."""
        from shopdesk.checklist.links import HERO_BELOW_FILTER

        page = self.products
        self.pages.setCurrentWidget(page)
        if text == HERO_BELOW_FILTER:
            page.filter.clear()
            page.only_hero.setChecked(True)
            page.only_warning.setChecked(True)
        else:  # a SKU code: clear the check boxes so the SKU is found whatever its state
            page.only_hero.setChecked(False)
            page.only_warning.setChecked(False)
            page.filter.setText(text)
        page._apply_filter()


def create(ctx: UiContext) -> QWidget:
    return InventoryTab(ctx)
